//! **unquantified** (warning): a quantity of work with no number — "a number of landing
//! pages", "some integrations", "additional permit types", "multiple languages", "several
//! user roles"; "et antal landingssider", "nogle integrationer", "diverse formularer", "flere
//! sprog", "en række rapporter".
//!
//! "Some integrations" may be one or nine, and each is days of work. Priced as the client
//! imagines the number, it is a loss; priced as you imagine it, it is a dispute. Ask how
//! many, and which; quote that number, and a price for each one more.
//!
//! Choices made for precision: the words must count things to be made, so "several of our
//! clients", "some years of experience", "nogle års erfaring", "en del af opgaven" and
//! "flere henvendelser" (more, not several) are left alone; a number after it in the clause
//! ("a fair number of blog posts: 240") or a list referred to ("a few wishes, listed below",
//! "nedenfor") answers it. In English the word counted must be a plural.
//!
//! Example:
//!
//! ```toml
//! text = "Siden skal have nogle integrationer"   # warning: how many, and which?
//! text = "Two integrations: Xero and Shopify"    # fine
//! ```

use std::ops::Range;
use std::sync::LazyLock;

use super::clause::{before_and_after, has, is_number};
use super::{Context, Rule};
use crate::diagnostic::{Diagnostic, Severity, Topic};
use crate::lang::Lang;
use crate::review::text::{Lexicon, Phrase, Words, find_all, without_names};

pub(crate) const RULE: Rule = Rule {
    code: "unquantified",
    severity: Severity::Warning,
    topic: Topic::Scope,
    check: Some(check),
};

/// After the quantifier, these are not things to be made: time, people, information.
const NOT_WORK: &[&str] = &[
    "of",
    "af",
    "years",
    "year's",
    "weeks",
    "days",
    "months",
    "hours",
    "times",
    "minutes",
    "time",
    "people",
    "customers",
    "clients",
    "users",
    "employees",
    "staff",
    "questions",
    "information",
    "details",
    "info",
    "år",
    "års",
    "uger",
    "ugers",
    "dage",
    "dages",
    "måneder",
    "måneders",
    "timer",
    "timers",
    "gange",
    "minutter",
    "kunder",
    "brugere",
    "medarbejdere",
    "mennesker",
    "folk",
    "personer",
    "oplysninger",
    "spørgsmål",
    "informationer",
    "tak",
    "more",
    "mere",
    "flere",
    "other",
    "others",
    "andre",
    "ways",
    "måder",
    "reasons",
    "grunde",
];

/// Words that say the list is given elsewhere.
const LISTED: &[&str] = &[
    "below",
    "following",
    "listed",
    "attached",
    "appendix",
    "annex",
    "nedenfor",
    "følgende",
    "bilag",
    "vedlagt",
    "vedlagte",
    "herunder",
];

const NOT_BEFORE_DA: &[&str] = &[
    "få",
    "endnu",
    "langt",
    "hvor",
    "så",
    "for",
    "de",
    "vores",
    "af",
    "i",
    "eventuelle",
];

static PHRASES: &[Phrase<()>] = &[
    // English
    Phrase::new("a number|range|handful|bunch of", ()).guard(counts_things),
    Phrase::new("a lot of", ()).guard(counts_things),
    Phrase::new("lots of", ()).guard(counts_things),
    Phrase::new(
        "some|several|various|numerous|multiple|additional|diverse",
        (),
    )
    .lang(Lang::En)
    // "any additional discounts": whatever there may be; "an additional": one.
    .not_before(&[
        "how", "so", "too", "the", "our", "of", "in", "as", "any", "an", "a",
    ])
    .guard(counts_things),
    Phrase::new("a few", ()).guard(counts_things),
    Phrase::new("other", ()).lang(Lang::En).guard(named_later),
    // Danish
    Phrase::new("et antal|utal", ()).guard(counts_things),
    Phrase::new("en række|masse|håndfuld|del", ()).guard(counts_things),
    Phrase::new("et par", ()).guard(counts_things),
    Phrase::new("nogle|diverse|forskellige|adskillige|yderligere|mange", ())
        .lang(Lang::Da)
        .not_before(NOT_BEFORE_DA)
        .guard(counts_things),
    Phrase::new("andre", ()).lang(Lang::Da).guard(named_later),
    // "flere henvendelser" after a verb of getting is "more", not "several".
    Phrase::new("flere", ())
        .lang(Lang::Da)
        .not_before(&[
            "få",
            "endnu",
            "langt",
            "give",
            "skaffe",
            "tiltrække",
            "sælge",
            "hvor",
            "så",
            "for",
            "de",
            "vores",
            "af",
            "i",
            "have",
            "har",
            "gerne",
            "mange",
            "nå",
            "ramme",
        ])
        .guard(several_not_more),
];

static LEXICON: LazyLock<Lexicon<()>> = LazyLock::new(|| Lexicon::new(PHRASES));

/// "flere" is "several" only where something is required ("skal kunne håndtere flere
/// sprog"); in "færre udeblivelser og flere patienter" it is "more", a goal.
fn several_not_more(words: &Words, m: Range<usize>) -> Option<usize> {
    let (before, after) = before_and_after(words, &m);
    let required = has(
        words,
        before.clone(),
        &[
            "skal",
            "skulle",
            "kan",
            "kunne",
            "må",
            "bør",
            "ønsker",
            "brug",
            "understøtte",
        ],
    );
    if !required || has(words, before.start..after.end, &["færre", "mere", "end"]) {
        return None;
    }
    counts_things(words, m)
}

/// Danish quantifiers, which take the next word as what they count.
const DANISH: &[&str] = &[
    "et",
    "en",
    "nogle",
    "flere",
    "diverse",
    "forskellige",
    "adskillige",
    "yderligere",
    "mange",
];

/// An English plural: "pages", "categories"; not "this", "class".
fn plural(w: &str) -> bool {
    w.len() > 3 && w.ends_with('s') && !w.ends_with("ss") && !w.ends_with("'s")
}

/// The quantifier counts things to be made, with no number after it; the finding runs to
/// the thing counted.
fn counts_things(words: &Words, m: Range<usize>) -> Option<usize> {
    let next = words.after(m.end)?;
    if NOT_WORK.contains(&next) || is_number(next, true) {
        return None;
    }
    let (before, after) = before_and_after(words, &m);
    if has(words, before.start..after.end, LISTED)
        || after.clone().any(|j| is_number(words.norm(j), false))
    {
        return None;
    }
    // Danish plurals often look like singulars ("flere sprog"): the next word is taken.
    let counted = if DANISH.contains(&words.norm(m.start)) {
        Some(m.end + 1)
    } else {
        english_plural(words, m.end, after.end)
            .or_else(|| work_mass_noun(words, m.clone(), before.clone(), after.end))
    };
    // "Additional requirements:" heads the list that counts them.
    counted.filter(|&end| !words.rest_after(end - 1).contains(':'))
}

/// English: the thing counted is a plural within three words ("several user roles").
fn english_plural(words: &Words, from: usize, clause_end: usize) -> Option<usize> {
    (from..(from + 3).min(clause_end))
        .take_while(|&j| words.after(j).is_some())
        .find(|&j| plural(words.norm(j)))
        .filter(|&j| !NOT_WORK.contains(&words.norm(j)))
        .map(|j| j + 1)
}

/// Work counted without a plural: "research", "testing", "content".
const MASS_WORK: &[&str] = &[
    "research",
    "testing",
    "content",
    "functionality",
    "analysis",
    "development",
    "design",
    "integration",
];

/// "shall conduct additional user research": more work with no measure, where the clause
/// requires it. "Additional research is billed by the hour" requires nothing.
fn work_mass_noun(
    words: &Words,
    m: Range<usize>,
    before: Range<usize>,
    clause_end: usize,
) -> Option<usize> {
    let required = has(
        words,
        before,
        &["shall", "must", "will", "should", "need", "needs"],
    );
    let more = matches!(words.norm(m.start), "additional" | "some" | "several");
    if !required || !more {
        return None;
    }
    (m.end..(m.end + 2).min(clause_end))
        .find(|&j| MASS_WORK.contains(&words.norm(j)))
        .map(|j| j + 1)
}

/// "or other standards as developed by the agency": more of a kind, to be named later by
/// the client. "Other" and "andre" must be followed, within the clause, by "as"/"som" and
/// a word of making or deciding.
fn named_later(words: &Words, m: Range<usize>) -> Option<usize> {
    // The sentence, not the clause: "andre retningslinjer, som bestyrelsen fastsætter".
    let near = (m.end..(m.end + 7).min(words.len()))
        .take_while(|&j| !words.get(j).is_some_and(|w| w.gap.sentence))
        .collect::<Vec<_>>();
    let (before, _) = before_and_after(words, &m);
    let window = before.start..near.last().map_or(m.end, |&j| j + 1);
    if has(words, window.clone(), LISTED) || window.clone().any(|j| is_number(words.norm(j), false))
    {
        return None;
    }
    near.iter().find_map(|&j| {
        let later = LATER.iter().any(|s| words.norm(j).starts_with(s));
        let linked = (j.saturating_sub(2)..j)
            .any(|k| k >= m.end && matches!(words.norm(k), "as" | "som" | "der"));
        (later && linked).then_some(j + 1)
    })
}

/// Making or deciding, past or to come: "as developed by", "som fastsættes".
const LATER: &[&str] = &[
    "developed",
    "defined",
    "determined",
    "issued",
    "directed",
    "specified",
    "udvikle",
    "fastsæt",
    "fastlæg",
    "udarbejd",
    "beslut",
    "bestem",
];

fn check(cx: &Context, out: &mut Vec<Diagnostic>) {
    for f in find_all(cx.scanned(), &LEXICON, without_names) {
        out.push(RULE.quoting(
            cx.lang,
            f.span.clone(),
            &f.quoted(),
            "unquantified-message",
            "unquantified-question",
        ));
    }
}

#[cfg(test)]
mod tests {
    use crate::Lang;

    fn excerpts(text: &str, lang: Lang) -> Vec<String> {
        crate::review::rules::excerpts("unquantified", text, lang)
    }

    #[test]
    fn finds_quantities_without_numbers() {
        assert_eq!(
            excerpts(
                "We need a number of landing pages and several user roles.",
                Lang::En
            ),
            ["a number of landing pages", "several user roles"]
        );
        assert_eq!(
            excerpts(
                "Vi skal bruge et antal landingssider og nogle integrationer.",
                Lang::Da
            ),
            ["et antal landingssider", "nogle integrationer"]
        );
    }

    #[test]
    fn precision() {
        assert!(
            excerpts(
                "Several of our clients asked. We have several years of experience.",
                Lang::En
            )
            .is_empty()
        );
        assert!(
            excerpts(
                "Det er en del af opgaven. Vi vil have flere henvendelser.",
                Lang::Da
            )
            .is_empty()
        );
    }
}
