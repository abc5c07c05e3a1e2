//! **unilateral-change** (warning): the client keeps the right to change what is ordered on
//! its own — "may be updated by the Agency as necessary", "a living document", "reserves the
//! right to modify", "or its successor", "may change the scope at any time"; "kan til enhver
//! tid ændre i kravene", "forbeholder sig ret til at justere", "et levende dokument",
//! "ensidigt ændre".
//!
//! A fixed price is a price for a fixed scope. A clause that lets the client change the
//! scope as it goes turns the price into a promise to do whatever is asked for the same
//! money. It is the most expensive sentence in a request, and the easiest to overlook,
//! because it reads like housekeeping. Ask how changes are agreed, and write in the offer
//! that a change to the scope is priced before it is made.
//!
//! Choices made for precision: "be updated/changed/modified" counts only with the client or
//! "as necessary/at any time" beside it; "at any time" only beside a verb of changing, so
//! "either party may terminate at any time" and "you can edit the text yourself at any time"
//! are left alone; agreed changes ("changes are agreed in writing") are not findings.
//!
//! Example:
//!
//! ```toml
//! text = "Bestilleren kan til enhver tid ændre i kravene"   # warning: how is a change priced?
//! text = "This PWS may be updated by the Government as necessary"   # warning
//! ```

use std::ops::Range;
use std::sync::LazyLock;

use super::clause::{before_and_after, has, has_stem, one_per_clause};
use super::{Context, Rule};
use crate::diagnostic::{Diagnostic, Severity, Topic};
use crate::review::text::{Lexicon, Phrase, Words, find_all};

pub(crate) const RULE: Rule = Rule {
    code: "unilateral-change",
    severity: Severity::Warning,
    topic: Topic::Scope,
    check: Some(check),
};

/// Who may decide alone, or when: beside "be updated", it makes the change one-sided.
const ONE_SIDED: &[&str] = &[
    "government",
    "agency",
    "client",
    "buyer",
    "customer",
    "owner",
    "department",
    "contracting",
    "co",
    "cor",
    "cotr",
    "us",
    "necessary",
    "needed",
    "required",
    "appropriate",
    "discretion",
    "unilaterally",
    "any",
    "time",
];

/// Verbs of changing what is ordered, both languages, as stems.
const CHANGE_STEMS: &[&str] = &[
    "chang",
    "modif",
    "adjust",
    "amend",
    "alter",
    "expand",
    "revis",
    "add",
    "ændr",
    "juster",
    "tilpas",
    "tilføj",
    "udvid",
    "reviderer",
];

/// Words that show the change is the client's own content, or agreed, not the scope.
const NOT_ONE_SIDED: &[&str] = &[
    "yourself",
    "ourselves",
    "selv",
    "agreed",
    "aftales",
    "aftalt",
    "terminate",
    "opsige",
    "writing",
    "skriftligt",
];

static PHRASES: &[Phrase<()>] = &[
    // English
    Phrase::new(
        "be|being updated|changed|modified|amended|revised|adjusted|altered|expanded|reprioritized|reprioritised",
        (),
    )
    .only_before(&["may", "can", "might", "will", "shall", "could"])
    .guard(one_sided),
    Phrase::new(
        "reserve{,s} the right to change|modify|amend|adjust|alter|add|expand|revise|update",
        (),
    ),
    Phrase::new("living document{,s}", ()),
    Phrase::new("or its|their|any successor{,s}", ()),
    Phrase::new("or successor{,s}", ()),
    Phrase::new(
        "change|modify|adjust|amend|expand|alter the|its|our scope|requirements|priorities|specification|specifications|backlog",
        (),
    )
    .only_before(&["may", "can", "might", "will", "shall", "could"])
    .guard(not_agreed),
    Phrase::new(
        "add further|more|new|additional features|functionality|functions|requirements|pages",
        (),
    )
    .only_before(&["may", "can", "might", "could"])
    .guard(as_it_goes),
    Phrase::new("at any time", ()).guard(beside_a_change),
    Phrase::new("from time to time", ()).guard(beside_a_change),
    // Danish
    Phrase::new("til enhver tid", ()).guard(beside_a_change),
    Phrase::new(
        "forbeholder|forbeholde os|sig ret|retten til at ændre|justere|tilpasse|tilføje|udvide|revidere|opdatere",
        (),
    ),
    Phrase::new("levende dokument{,er}", ()),
    Phrase::new("løbende tilføje|ændre|justere|tilpasse|udvide", ())
        .only_before(&["kan", "kunne", "må", "vil"])
        .guard(not_agreed),
    Phrase::new(
        "ensidig{,t} ændre|ændres|justere|justeres|tilpasse|tilpasses|tilføje|fastsætte",
        (),
    ),
    Phrase::new(
        "tilpasset|ændret|justeret|udvidet|tilpasses|ændres|justeres|udvides efter behov",
        (),
    )
    .guard(not_agreed),
    Phrase::new("uden at prisen ændrer|ændres", ()),
    Phrase::new("eller dets|dens|deres afløser{,e}", ()),
];

static LEXICON: LazyLock<Lexicon<()>> = LazyLock::new(|| Lexicon::new(PHRASES));

/// "may be updated by the Government as necessary": the client, or a when, in the clause.
fn one_sided(words: &Words, m: Range<usize>) -> Option<usize> {
    let (before, after) = before_and_after(words, &m);
    let agreed = has(words, before.start..after.end, NOT_ONE_SIDED);
    (!agreed && (has(words, after, ONE_SIDED) || has(words, before, &["government", "agency"])))
        .then_some(m.end)
}

fn not_agreed(words: &Words, m: Range<usize>) -> Option<usize> {
    let (before, after) = before_and_after(words, &m);
    (!has(words, before.start..after.end, NOT_ONE_SIDED)).then_some(m.end)
}

/// "may add new features during the project at no extra cost".
fn as_it_goes(words: &Words, m: Range<usize>) -> Option<usize> {
    let (_, after) = before_and_after(words, &m);
    has(
        words,
        after,
        &["during", "along", "as", "no", "without", "free"],
    )
    .then_some(m.end)
}

/// "at any time" / "til enhver tid" beside a verb of changing, not of editing one's own text.
fn beside_a_change(words: &Words, m: Range<usize>) -> Option<usize> {
    let (before, after) = before_and_after(words, &m);
    let near = before.start.max(m.start.saturating_sub(6))..after.end.min(m.end + 4);
    (has_stem(words, near.clone(), CHANGE_STEMS) && !has(words, near, NOT_ONE_SIDED))
        .then_some(m.end)
}

fn check(cx: &Context, out: &mut Vec<Diagnostic>) {
    // "a living document and may be updated by the Government": one clause, one question.
    for f in find_all(cx.scanned(), &LEXICON, one_per_clause) {
        out.push(RULE.quoting(
            cx.lang,
            f.span.clone(),
            &f.quoted(),
            "unilateral-change-message",
            "unilateral-change-question",
        ));
    }
}

#[cfg(test)]
mod tests {
    use crate::Lang;

    fn excerpts(text: &str, lang: Lang) -> Vec<String> {
        crate::review::rules::excerpts("unilateral-change", text, lang)
    }

    #[test]
    fn finds_one_sided_changes() {
        assert_eq!(
            excerpts(
                "The PWS may be updated by the Government as necessary. It is a living document.",
                Lang::En
            ),
            ["be updated", "living document"]
        );
        assert_eq!(
            excerpts("Bestilleren kan til enhver tid ændre i kravene.", Lang::Da),
            ["til enhver tid"]
        );
    }

    #[test]
    fn precision() {
        for (text, lang) in [
            ("Either party may terminate at any time.", Lang::En),
            ("You can edit the text yourself at any time.", Lang::En),
            ("Ændringer aftales skriftligt til enhver tid.", Lang::Da),
        ] {
            assert_eq!(excerpts(text, lang), Vec::<String>::new(), "{text}");
        }
    }
}
