//! **no-reservations** (warning): the offer may carry no caveats, assumptions or exceptions —
//! "offers must be submitted without any caveats or assumptions", "quotes containing
//! reservations will be rejected", "shall not take exception to"; "tilbuddet skal afgives
//! uden forbehold", "forbehold accepteres ikke", "tilbud med forbehold vil blive afvist".
//!
//! Assumptions are how a fixed price is kept honest: "hosting is not included", "two rounds
//! of changes". Where they are forbidden, every open point in the request is priced as its
//! worst reading, or asked before the deadline for questions. So this finding changes the
//! others: each question the review raises in the same text must be asked in the question
//! period, and findings of that text that would only be noted (info) become warnings. Ask
//! when the question period ends, and send every question before it does.
//!
//! Warnings are not raised to errors: an error means the file cannot be read or estimated,
//! and `trekant questions` would then refuse to list the very questions that must be sent.
//!
//! Choices made for precision: the words for a reservation count only when the sentence
//! forbids them ("without", "not accepted", "rejected", "ikke", "uden", "afvist"), so "please
//! list your assumptions" and "angiv eventuelle forbehold i et bilag" are left alone.
//!
//! Example:
//!
//! ```toml
//! text = "Tilbuddet skal afgives uden forbehold"   # warning: ask every question in time
//! ```

use std::ops::Range;
use std::sync::LazyLock;

use super::clause::{before_and_after, has, one_per_clause};
use super::{Context, Rule};
use crate::diagnostic::{Diagnostic, Severity, Topic};
use crate::review::text::{Lexicon, Phrase, Setting, Words, find_all};

pub(crate) const RULE: Rule = Rule {
    code: "no-reservations",
    severity: Severity::Warning,
    topic: Topic::Process,
    check: Some(check),
};

/// Words that forbid the reservation.
const FORBIDS: &[&str] = &[
    "without",
    "no",
    "not",
    "reject",
    "rejected",
    "non-responsive",
    "nonresponsive",
    "unacceptable",
    "prohibited",
    "disqualified",
    "uden",
    "ikke",
    "ingen",
    "afvise",
    "afvist",
    "afvises",
    "forkastes",
    "ukonditionsmæssigt",
    "ukonditionsmæssige",
];

static PHRASES: &[Phrase<()>] = &[
    // English
    Phrase::new(
        "caveat{,s}|reservation{,s}|assumption{,s}|exception{,s}",
        (),
    )
    // "without caveats" is the clause itself, not a negated word.
    .found_in(Setting::Negated)
    .guard(forbidden),
    Phrase::new("unconditional", ()).only_before(&["be", "an", "is", "are"]),
    // Danish
    Phrase::new(
        "forbehold{,et,ene}|antagelse{,r,rne}|betingelse{,r,rne}",
        (),
    )
    // "without caveats" is the clause itself, not a negated word.
    .found_in(Setting::Negated)
    .guard(forbidden),
    Phrase::new("forbeholdsfri{,t,e}", ()),
];

static LEXICON: LazyLock<Lexicon<()>> = LazyLock::new(|| Lexicon::new(PHRASES));

/// The sentence forbids the reservation; not about the client's own reservations ("we take
/// reservations for misprints", "the table is reserved").
fn forbidden(words: &Words, m: Range<usize>) -> Option<usize> {
    let (before, after) = before_and_after(words, &m);
    let clause = before.start..after.end;
    let own = has(words, clause.clone(), &["we", "vi", "our", "vores"]);
    (!own && has(words, clause, FORBIDS)).then_some(m.end)
}

fn check(cx: &Context, out: &mut Vec<Diagnostic>) {
    let found = find_all(cx.scanned(), &LEXICON, one_per_clause);
    // The texts a clause stands in: their other findings must all be asked in time.
    let raised: Vec<std::ops::Range<usize>> = cx
        .texts
        .iter()
        .map(|t| t.offset..t.offset + t.raw.len())
        .filter(|r| {
            found
                .iter()
                .any(|f| (r.start..=r.end).contains(&f.span.start))
        })
        .collect();
    if !raised.is_empty() {
        for d in out.iter_mut() {
            if d.severity == Severity::Info && raised.iter().any(|r| r.contains(&d.span.start)) {
                d.severity = Severity::Warning;
            }
        }
    }
    for f in found {
        out.push(RULE.quoting(
            cx.lang,
            f.span.clone(),
            &f.quoted(),
            "no-reservations-message",
            "no-reservations-question",
        ));
    }
}

#[cfg(test)]
mod tests {
    use crate::Lang;

    fn excerpts(text: &str, lang: Lang) -> Vec<String> {
        crate::review::rules::excerpts("no-reservations", text, lang)
    }

    #[test]
    fn finds_clauses_that_forbid_reservations() {
        assert_eq!(
            excerpts(
                "Offers must be submitted without any caveats or assumptions.",
                Lang::En
            ),
            ["caveats"]
        );
        assert_eq!(
            excerpts("Tilbuddet skal afgives uden forbehold.", Lang::Da),
            ["forbehold"]
        );
    }

    #[test]
    fn asking_for_assumptions_is_fine() {
        assert!(excerpts("Please list any assumptions in an annex.", Lang::En).is_empty());
        assert!(excerpts("Vi tager forbehold for trykfejl.", Lang::Da).is_empty());
    }
}
