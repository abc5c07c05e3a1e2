//! **scope-undecided** (warning): the scope is still to be decided — "To Be Determined",
//! "TBD", "evolving requirements", "possibly including", "features that could include",
//! "will be refined", "we'll figure out the details later"; "detaljerne finder vi ud af
//! senere", "omfanget afklares undervejs", "kravene er endnu ikke endelige", "kunne for
//! eksempel omfatte".
//!
//! A price for work nobody has decided on is a price for every version of it. Whatever is
//! decided later will be decided as if it had been in the price. Ask what is decided now and
//! quote that; offer to price the rest when it is decided, or to run the deciding as a paid
//! discovery phase first.
//!
//! Choices made for precision: "later", "undervejs" and the like count only after a verb of
//! deciding ("afklares undervejs", "figure out the details later"), so "we will sort out
//! server access on your first day" is left alone; "may include" and "kan omfatte" count
//! (not "may include:" before the list it introduces, nor "offerors may include", which
//! gives leave), "includes" and "omfatter" do not.
//!
//! Example:
//!
//! ```toml
//! text = "Detaljerne finder vi ud af sammen senere"   # warning: what is decided now?
//! text = "Number of user accounts: TBD"               # warning
//! ```

use std::ops::Range;
use std::sync::LazyLock;

use super::clause::{before_and_after, first, has};
use super::{Context, Rule};
use crate::diagnostic::{Diagnostic, Severity, Topic};
use crate::review::text::{Lexicon, Phrase, Words, find_all};

pub(crate) const RULE: Rule = Rule {
    code: "scope-undecided",
    severity: Severity::Warning,
    topic: Topic::Scope,
    check: Some(check),
};

/// When something is to be decided, after a verb of deciding.
const LATER: &[&str] = &[
    "later",
    "afterwards",
    "along",
    "during",
    "senere",
    "undervejs",
    "løbende",
    "hen",
    "efterhånden",
    "løbet",
];

static PHRASES: &[Phrase<()>] = &[
    // English
    // "workshops with the client to refine the roadmap": the scope is decided in them.
    Phrase::new("workshop{,s}", ()).guard(decided_in),
    Phrase::new("to be determined|decided|defined|confirmed|specified|clarified", ()),
    Phrase::new("yet to be determined|decided|defined|specified|agreed", ()),
    Phrase::new("tbd|tbc", ()),
    Phrase::new("t.b.d.", ()),
    Phrase::new("evolving requirements|scope|needs|specification|specifications", ()),
    Phrase::new("possibly|potentially|perhaps including|include|also", ()),
    Phrase::new("could|might ?possibly|also include", ()),
    // "may include:" often introduces the list of what is included, and "offerors may
    // include" gives leave.
    Phrase::new("may ?possibly|also include", ())
        .not_before(&["offerors", "offeror", "vendors", "bidders", "you", "quotes", "provisions"])
        .guard(no_list_follows),
    Phrase::new(
        "will|shall|may|might|could|to be refined|determined|decided|defined|clarified|finalised|finalized|specified|detailed",
        (),
    ),
    Phrase::new("figure|work|sort out the details|specifics|scope|rest", ()),
    Phrase::new(
        "haven't|hasn't|not ?yet decided|determined|defined|settled|finalised|finalized",
        (),
    ),
    Phrase::new("not ?been decided|determined|defined|settled|finalised|finalized", ()),
    // Danish
    Phrase::new(
        "afklares|fastlægges|besluttes|aftales|defineres|præciseres|detaljeres|fastsættes|konkretiseres",
        (),
    )
    .guard(later),
    Phrase::new(
        "finder|aftaler|afklarer|beslutter|fastlægger vi|i|man ?sammen ?ud ?af",
        (),
    )
    .guard(later),
    Phrase::new("ved ikke ?helt|præcis endnu", ()),
    Phrase::new("ved endnu ikke", ()),
    Phrase::new(
        "endnu ikke endelig{,e}|fastlagt{,e}|besluttet|afklaret|defineret",
        (),
    ),
    Phrase::new("endnu ikke på plads", ()),
    Phrase::new(
        "ikke fastlagt{,e}|besluttet|afklaret|defineret|endelig{,e}|endeligt ?endnu",
        (),
    )
    .not_before(&["endnu"]),
    Phrase::new(
        "kunne|kan|vil ?for ?eksempel|f.eks ?måske ?også omfatte|indeholde|inkludere",
        (),
    ),
    Phrase::new(
        "muligvis|eventuelt|måske|evt ?også omfatte|indeholde|inkludere",
        (),
    ),
];

static LEXICON: LazyLock<Lexicon<()>> = LazyLock::new(|| Lexicon::new(PHRASES));

/// "afklares undervejs", "finder vi ud af senere": the deciding is put off.
fn later(words: &Words, m: Range<usize>) -> Option<usize> {
    let (_, after) = before_and_after(words, &m);
    let near = after.start..after.end.min(m.end + 5);
    first(words, near, LATER, &[]).map(|j| j + 1)
}

/// Deciding, refining: what a workshop that settles scope is for.
const DECIDE: &[&str] = &[
    "refine", "define", "determin", "decide", "clarif", "afklar", "fastlæg", "definere", "beslut",
    "forfin",
];

/// A workshop already held.
const PAST: &[&str] = &[
    "held", "ran", "had", "was", "were", "did", "holdt", "afholdt", "havde", "var",
];

/// "workshops … to further refine the functionality", "workshops, hvor vi afklarer
/// resten": a word of deciding after "to"/"at"/"hvor"/"vi", up to ten words on.
fn decided_in(words: &Words, m: Range<usize>) -> Option<usize> {
    // "we held a workshop to define the scope" tells what was decided.
    let (before, _) = before_and_after(words, &m);
    if has(words, before, PAST) {
        return None;
    }
    let near = m.end..(m.end + 10).min(words.len());
    let mut linked = false;
    for j in near {
        let w = words.norm(j);
        if words.get(j).is_some_and(|w| w.gap.sentence) {
            return None;
        }
        if linked && DECIDE.iter().any(|s| w.starts_with(s)) {
            return Some(j + 1);
        }
        linked = matches!(w, "to" | "at" | "hvor" | "vi" | "further" | "yderligere")
            || (linked && matches!(w, "further" | "yderligere"));
    }
    None
}

/// "Daily operations may include:" introduces the list that says what is included.
fn no_list_follows(words: &Words, m: Range<usize>) -> Option<usize> {
    let last = m.end.checked_sub(1)?;
    (!words.rest_after(last).contains(':')).then_some(m.end)
}

fn check(cx: &Context, out: &mut Vec<Diagnostic>) {
    for f in find_all(cx.scanned(), &LEXICON, |_, hits| hits) {
        out.push(RULE.quoting(
            cx.lang,
            f.span.clone(),
            &f.quoted(),
            "scope-undecided-message",
            "scope-undecided-question",
        ));
    }
}

#[cfg(test)]
mod tests {
    use crate::Lang;

    fn excerpts(text: &str, lang: Lang) -> Vec<String> {
        crate::review::rules::excerpts("scope-undecided", text, lang)
    }

    #[test]
    fn finds_undecided_scope() {
        assert_eq!(
            excerpts(
                "Accounts: TBD. Features could include chat, possibly including payments.",
                Lang::En
            ),
            ["TBD", "could include", "possibly including"]
        );
        assert_eq!(
            excerpts("Detaljerne finder vi ud af sammen senere.", Lang::Da),
            ["finder vi ud af sammen senere"]
        );
    }

    #[test]
    fn precision() {
        assert!(excerpts("Vi finder ud af det praktiske, når du starter.", Lang::Da).is_empty());
        assert!(excerpts("The price includes hosting.", Lang::En).is_empty());
    }
}
