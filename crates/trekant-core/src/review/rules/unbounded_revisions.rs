//! **unbounded-revisions** (warning): changes without a limit — "unlimited revisions", "as
//! many changes as we need", "until we are happy"; ubegrænsede rettelser, frit antal
//! rettelser, "indtil vi er tilfredse".
//!
//! Rounds of changes are where fixed-price projects lose their margin. "Until we are
//! satisfied" ties the end of the project to a feeling, and "unlimited revisions" to nobody's
//! decision at all. Agree on a number of rounds (`terms.revisions`), on who approves each one,
//! and on the price of a round beyond them.
//!
//! Both languages and their inflections are read: "unlimited (number of) changes, revisions,
//! rounds, edits", "ubegrænset/ubegrænsede (antal) rettelser, ændringer, rettelsesrunder";
//! "until we are / we're / everyone is (100 %) happy / satisfied", "indtil/til vi er (helt)
//! tilfredse / glade".
//!
//! Said another way, too: "revisions continue through the soft launch", "we'll keep tweaking
//! until…", "changes as needed", "until it feels right", "once the client is satisfied"; "vi
//! finjusterer, til vi er helt trygge", "rettelser efter behov", "indtil det sidder i
//! skabet", "rettelser fortsætter frem til lanceringen". "Continue", "as needed" and "efter
//! behov" count only in a clause about changes that are not billed or agreed ("changes
//! after the second round are billed by the hour" is the answer).
//!
//! Example:
//!
//! ```toml
//! text = "Vi vil have ubegrænsede rettelser, indtil vi er tilfredse"   # warning ×2
//! [terms]
//! revisions = 2                                                       # the answer
//! ```

use std::ops::Range;
use std::sync::LazyLock;

use super::{Context, Rule};
use crate::diagnostic::{Diagnostic, Severity, Topic};
use crate::review::text::{Lexicon, Phrase, Setting, Words, find_all};

pub(crate) const RULE: Rule = Rule {
    code: "unbounded-revisions",
    severity: Severity::Warning,
    topic: Topic::Process,
    check: Some(check),
};

/// Patterns for "unlimited … changes", built from one list of words for a change.
macro_rules! changes {
    ($lead:literal) => {
        concat!(
            $lead,
            "revision{,s}|change{,s}|correction{,s}|edit{,s}|amendment{,s}|iteration{,s}|tweak{,s}|round{,s}|adjustment{,s}|alteration{,s}|feedback"
        )
    };
}

macro_rules! rettelser {
    ($lead:literal) => {
        concat!(
            $lead,
            "rettelse{,r}|ændring{,er}|rettelsesrunde{,r}|korrekturrunde{,r}|justering{,er}|revision{,er}|runde{,r}|tilretning{,er}|iteration{,er}"
        )
    };
}

static PHRASES: &[Phrase<()>] = &[
    // English
    Phrase::new(
        changes!(
            "unlimited|endless|infinite|unrestricted|limitless ?number|amount ?of ?free|design|minor|further "
        ),
        (),
    ),
    Phrase::new(
        changes!("unlimited|endless|infinite ?number|amount ?of rounds of "),
        (),
    ),
    Phrase::new(changes!("as many ?rounds ?of "), ()),
    Phrase::new(
        "until|till|til we|i|they|you|everyone|everybody ?are|am|is|feel ?completely|fully|totally|100|entirely|really happy|satisfied|pleased|content|thrilled",
        (),
    ),
    Phrase::new(
        "until|till|til we're|i'm|they're|you're|everyone's ?completely|fully|totally|100|entirely|really happy|satisfied|pleased|content|thrilled",
        (),
    ),
    Phrase::new(
        "until|till|til the client|customer|board ?is|are ?completely|fully|totally|100 happy|satisfied|pleased|content",
        (),
    ),
    Phrase::new("until|till it's|it ?is perfect|right", ()).found_in(Setting::Negated),
    Phrase::new(
        "until|till it|they feel{,s}|look{,s}|sit{,s}|seem{,s} right|good|perfect",
        (),
    ),
    Phrase::new(
        "when|once we|i|they|you|everyone ?are|am|is|feel ?completely|fully|totally|100|entirely|really happy|satisfied|pleased|content",
        (),
    ),
    Phrase::new(
        "when|once the client|customer|board ?is|are ?completely|fully|totally|100 happy|satisfied|pleased|content",
        (),
    ),
    Phrase::new(
        "keep{,s} tweaking|iterating|refining|adjusting|changing|revising|polishing ?it until|till",
        (),
    ),
    Phrase::new("continue{,s} through|until|into|past|beyond", ()).guard(about_changes),
    Phrase::new("as needed|required|necessary", ()).guard(about_changes),
    Phrase::new("until we|i love|like it", ()).found_in(Setting::Negated),
    Phrase::new(changes!("no limit on|to ?the ?number ?of "), ()),
    // Danish
    Phrase::new(
        rettelser!("ubegrænset|ubegrænsede|uendelig{,e} ?antal|mange "),
        (),
    ),
    Phrase::new(rettelser!("frit|ubegrænset antal "), ()),
    Phrase::new(rettelser!("fri|frie "), ()),
    Phrase::new(rettelser!("så mange "), ()),
    Phrase::new(
        "indtil|til vi|jeg|i|kunden|alle er|bliver|føler ?os|mig ?helt|100|fuldt|fuldstændig|rigtig tilfreds{,e}|glad{,e}|tilpas|tryg{,ge}",
        (),
    ),
    Phrase::new("indtil|til det er ?helt perfekt|rigtigt|rigtig", ()).found_in(Setting::Negated),
    Phrase::new("indtil|til vi|jeg|i kan lide det", ()).found_in(Setting::Negated),
    Phrase::new("indtil|til det sidder ?lige i skabet", ()),
    Phrase::new("efter behov", ()).guard(about_changes),
    Phrase::new("fortsætter|fortsætte frem ?til|indtil|gennem", ()).guard(about_changes),
    Phrase::new(
        "ingen grænse for ?antallet ?af rettelser|ændringer|rettelsesrunder",
        (),
    ),
];

static LEXICON: LazyLock<Lexicon<()>> = LazyLock::new(|| Lexicon::new(PHRASES));

/// Words for a change, as stems, both languages.
const CHANGE_STEMS: &[&str] = &[
    "revision",
    "change",
    "correction",
    "tweak",
    "adjustment",
    "iteration",
    "feedback",
    "rettelse",
    "ændring",
    "justering",
    "tilretning",
    "korrektur",
    "runde",
];

/// "revisions continue through the soft launch", "rettelser efter behov": the clause is
/// about changes, and they are not agreed or billed.
fn about_changes(words: &Words, range: Range<usize>) -> Option<usize> {
    let (before, after) = super::clause::before_and_after(words, &range);
    let billed = super::clause::has_stem(
        words,
        before.start..after.end,
        &[
            "bill", "fakturer", "agreed", "aftal", "charg", "paid", "betal",
        ],
    );
    (!billed && super::clause::has_stem(words, before, CHANGE_STEMS)).then_some(range.end)
}

fn check(cx: &Context, out: &mut Vec<Diagnostic>) {
    for f in find_all(cx.scanned(), &LEXICON, |_, hits| hits) {
        out.push(RULE.quoting(
            cx.lang,
            f.span.clone(),
            &f.quoted(),
            "unbounded-revisions-message",
            "unbounded-revisions-question",
        ));
    }
}

#[cfg(test)]
mod tests {
    use crate::Lang;

    fn excerpts(text: &str, lang: Lang) -> Vec<String> {
        crate::review::rules::excerpts("unbounded-revisions", text, lang)
    }

    #[test]
    fn finds_unbounded_revisions() {
        assert_eq!(
            excerpts(
                "Unlimited revisions, unlimited rounds of changes, until we're 100% happy.",
                Lang::En
            ),
            [
                "Unlimited revisions",
                "unlimited rounds of changes",
                "until we're 100% happy"
            ]
        );
        assert_eq!(
            excerpts(
                "Ubegrænsede rettelser og frit antal ændringer, indtil vi er helt tilfredse.",
                Lang::Da
            ),
            [
                "Ubegrænsede rettelser",
                "frit antal ændringer",
                "indtil vi er helt tilfredse"
            ]
        );
    }

    #[test]
    fn a_negation_before_until_does_not_undo_it() {
        assert_eq!(
            excerpts("We will not stop until it's perfect.", Lang::En),
            ["until it's perfect"]
        );
        assert_eq!(
            excerpts("Vi giver ikke slip til det er perfekt.", Lang::Da),
            ["til det er perfekt"]
        );
    }

    #[test]
    fn precision() {
        assert!(excerpts("Two rounds of revisions are included.", Lang::En).is_empty());
        assert!(excerpts("To rettelsesrunder er med i prisen.", Lang::Da).is_empty());
    }
}
