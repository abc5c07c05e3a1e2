//! **unbounded-support** (warning): support, maintenance, hosting, bug fixes or training
//! asked for with no end — no period, no hours, no response time: "support and bug fixes
//! after launch are part of the job", "continuation of full services", "we assume you will
//! keep an eye on the site afterwards"; "vi regner med, at du også holder øje med siden
//! bagefter", "løbende vedligeholdelse", "du skal også hjælpe os, hvis der opstår fejl".
//!
//! Work after delivery is where a fixed price leaks for years: every "can you just look at
//! this" is unpaid once support has been promised without a limit. Ask for how long, how
//! many hours a month, and how fast an answer must come; then price it as a service
//! agreement of its own, apart from the project.
//!
//! Choices made for precision: the clause must ask it of you ("must", "included", "part of",
//! "we expect", "skal", "regner med", "en del af"), so "our IT department handles hosting"
//! and "vi har en supportaftale" are left alone; a number of a period in the clause bounds it
//! ("support for 3 months, 10 hours a month", "fejl rettes gratis i 30 dage").
//!
//! Example:
//!
//! ```toml
//! text = "Support og fejlrettelser efter lanceringen er en del af opgaven"   # warning
//! text = "Support i 3 måneder, 10 timer om måneden"                          # fine
//! ```

use std::ops::Range;
use std::sync::LazyLock;

use super::clause::{before_and_after, has, has_period, one_per_clause};
use super::{Context, Rule};
use crate::diagnostic::{Diagnostic, Severity, Topic};
use crate::lang::Lang;
use crate::review::text::{Lexicon, Phrase, Words, find_all};

pub(crate) const RULE: Rule = Rule {
    code: "unbounded-support",
    severity: Severity::Warning,
    topic: Topic::Scope,
    check: Some(check),
};

/// Words that ask the work of you.
const ASKED: &[&str] = &[
    "must",
    "shall",
    "should",
    "will",
    "included",
    "include",
    "includes",
    "part",
    "expect",
    "expected",
    "assume",
    "need",
    "needs",
    "require",
    "required",
    "skal",
    "forventer",
    "forventes",
    "regner",
    "inkluderet",
    "inkluderes",
    "indgå",
    "indgår",
    "del",
    "må",
    "ønsker",
    "stå",
];

static PHRASES: &[Phrase<()>] = &[
    // English
    Phrase::new(
        "maintenance|hosting|training|bug-fixing|bugfixes|upkeep",
        (),
    )
    .guard(unbounded),
    // "must support multiple languages" asks for a feature, not for support.
    Phrase::new("support", ())
        .lang(Lang::En)
        .not_before(&[
            "to", "must", "shall", "should", "will", "can", "could", "may", "would", "also",
            "not", "and", "or", "that", "which", "it", "they", "we", "in",
        ])
        .not_after(&[
            "documentation", "documents", "letter", "letters", "staff", "team", "contract",
            "contracts", "agreement", "ticket", "tickets", "system", "page",
        ])
        .guard(unbounded),
    Phrase::new("bug fixes|fixing", ()).guard(unbounded),
    Phrase::new("keep an eye on", ()).guard(unbounded),
    Phrase::new("look after|maintain the", ()).guard(unbounded),
    Phrase::new("continuation of", ()).guard(unbounded),
    Phrase::new("help us if|when", ()).guard(unbounded),
    // Danish
    Phrase::new(
        "supporten|vedligeholdelse{,n}|vedligehold{,et}|hosting{,en}|drift{,en}|undervisning{,en}|oplæring{,en}|fejlrettelse{,r,rne}",
        (),
    )
    // "så vores egne folk kan overtage driften": the client's people take it over.
    .not_before(&["overtage", "overtager", "overtaget", "overtog"])
    .guard(unbounded),
    Phrase::new("support", ()).lang(Lang::Da).guard(unbounded),
    Phrase::new("holder|holde øje med", ()).guard(unbounded),
    Phrase::new("hjælpe os|mig ?igen ?hvis|når", ()).guard(unbounded),
    Phrase::new("ringe|skrive til dig|jer|os ?hvis|når", ()).guard(unbounded),
];

static LEXICON: LazyLock<Lexicon<()>> = LazyLock::new(|| Lexicon::new(PHRASES));

/// Words that say the terms are written elsewhere: "support as outlined in the SOO".
const DEFINED_ELSEWHERE: &[&str] = &[
    "outlined",
    "described",
    "defined",
    "specified",
    "beskrevet",
    "beskrevne",
    "specificeret",
];

/// Asked of you, and no period bounds it in the clause (nor a reference to where it is).
fn unbounded(words: &Words, m: Range<usize>) -> Option<usize> {
    let (before, after) = before_and_after(words, &m);
    let clause = before.start..after.end;
    (has(words, clause.clone(), ASKED)
        && !has_period(words, clause.clone())
        && !has(words, clause, DEFINED_ELSEWHERE))
    .then_some(m.end)
}

fn check(cx: &Context, out: &mut Vec<Diagnostic>) {
    let found = find_all(cx.scanned(), &LEXICON, one_per_clause);
    for f in found {
        out.push(RULE.quoting(
            cx.lang,
            f.span.clone(),
            &f.quoted(),
            "unbounded-support-message",
            "unbounded-support-question",
        ));
    }
}

#[cfg(test)]
mod tests {
    use crate::Lang;

    fn excerpts(text: &str, lang: Lang) -> Vec<String> {
        crate::review::rules::excerpts("unbounded-support", text, lang)
    }

    #[test]
    fn finds_support_without_end() {
        assert_eq!(
            excerpts(
                "Support and bug fixes after launch are part of the job.",
                Lang::En
            ),
            ["Support"]
        );
        assert_eq!(
            excerpts(
                "Vi regner med, at du også holder øje med siden bagefter.",
                Lang::Da
            ),
            ["holder øje med"]
        );
    }

    #[test]
    fn a_period_bounds_it() {
        assert!(excerpts("Support for 3 months, 10 hours a month.", Lang::En).is_empty());
        assert!(excerpts("Support i 3 måneder, 10 timer om måneden.", Lang::Da).is_empty());
        assert!(excerpts("Drift og hosting står vores IT-afdeling for.", Lang::Da).is_empty());
    }
}
