//! What the clause rules (`unilateral-change`, `price-cap`, `unbounded-support`, …) look at
//! around a matched phrase: the words of its clause, and whether the clause gives a number
//! that bounds it. Not a rule: a phrase of these rules is a finding only with the right
//! words around it ("overrun" with "cannot be invoiced", "support" without "3 months").

use std::ops::Range;

use crate::review::text::{Hit, Scanned, Words};

/// How far a clause reaches from a match, in words, each way: a long sentence of an RFQ is
/// not one thought.
const REACH: usize = 20;

/// The words of the clause around word `i`: back to the last clause break, on to the next,
/// at most `REACH` words each way.
pub(crate) fn around(words: &Words, i: usize) -> Range<usize> {
    let mut start = i;
    while start > 0 && i - start < REACH && !words.get(start).is_some_and(|w| w.gap.clause) {
        start -= 1;
    }
    let mut end = i + 1;
    while end < words.len() && end - i < REACH && !words.get(end).is_some_and(|w| w.gap.clause) {
        end += 1;
    }
    start..end
}

/// Whether a word of `range` satisfies `pred`.
pub(crate) fn any(words: &Words, range: Range<usize>, pred: impl Fn(&str) -> bool) -> bool {
    range.into_iter().any(|j| pred(words.norm(j)))
}

/// Whether a word of `range` is one of `list`.
pub(crate) fn has(words: &Words, range: Range<usize>, list: &[&str]) -> bool {
    any(words, range, |w| list.contains(&w))
}

/// Whether a word of `range` begins with one of `stems`.
pub(crate) fn has_stem(words: &Words, range: Range<usize>, stems: &[&str]) -> bool {
    any(words, range, |w| stems.iter().any(|s| w.starts_with(s)))
}

/// The first word of `range` that is one of `list` (or begins with one of `stems`).
pub(crate) fn first(
    words: &Words,
    range: Range<usize>,
    list: &[&str],
    stems: &[&str],
) -> Option<usize> {
    range.into_iter().find(|&j| {
        let w = words.norm(j);
        list.contains(&w) || stems.iter().any(|s| w.starts_with(s))
    })
}

/// The words before the match in its clause, and those after it.
pub(crate) fn before_and_after(words: &Words, m: &Range<usize>) -> (Range<usize>, Range<usize>) {
    let clause = around(words, m.start);
    let end = around(words, m.end.saturating_sub(1)).end;
    (clause.start..m.start, m.end..end)
}

/// Numbers written as words, in both languages.
const NUMBER_WORDS: &[&str] = &[
    "one", "two", "three", "four", "five", "six", "seven", "eight", "nine", "ten", "eleven",
    "twelve", "twenty", "thirty", "en", "et", "én", "ét", "to", "tre", "fire", "fem", "seks",
    "syv", "otte", "ni", "ti", "tolv", "tyve", "tredive", "a", "an",
];

/// Units of time that bound a promise of work: "3 months", "10 timer".
const PERIODS: &[&str] = &[
    "hour", "hours", "hrs", "h", "day", "days", "week", "weeks", "month", "months", "year",
    "years", "time", "timer", "t", "dag", "dage", "uge", "uger", "måned", "måneder", "år",
];

/// Whether a word is a number ("3", "2.5", "3-hour", "tre").
pub(crate) fn is_number(word: &str, in_words: bool) -> bool {
    word.starts_with(|c: char| c.is_ascii_digit()) || (in_words && NUMBER_WORDS.contains(&word))
}

/// Whether `range` holds a number of a period ("30 days", "3 måneder", "one 3-hour
/// workshop", "10t"): what turns "support" into a priced promise.
pub(crate) fn has_period(words: &Words, range: Range<usize>) -> bool {
    let unit = |k: usize| k < range.end && PERIODS.contains(&words.norm(k));
    range.clone().any(|j| {
        let w = words.norm(j);
        let digit = w.starts_with(|c: char| c.is_ascii_digit());
        let attached = digit && PERIODS.iter().any(|p| w.ends_with(p) && w.len() > p.len());
        let spelled = NUMBER_WORDS.contains(&w);
        // "a month", "en time": the article is a number only right before the unit.
        let article = matches!(w, "a" | "an" | "en" | "et" | "to");
        attached
            || (digit && (unit(j + 1) || unit(j + 2)))
            || (spelled && (unit(j + 1) || (!article && unit(j + 2))))
            || matches!(w, "monthly" | "månedlig" | "månedligt" | "årlig" | "årligt")
    })
}

/// The first hit of each clause: "support, hosting and training" is one question.
pub(crate) fn one_per_clause(scanned: &Scanned, hits: Vec<Hit>) -> Vec<Hit> {
    let mut kept: Vec<Hit> = Vec::new();
    for hit in hits {
        let clause = around(&scanned.words, hit.words.start);
        if !kept.last().is_some_and(|k| clause.contains(&k.words.start)) {
            kept.push(hit);
        }
    }
    kept
}
