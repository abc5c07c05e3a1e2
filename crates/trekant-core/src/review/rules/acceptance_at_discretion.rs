//! **acceptance-at-discretion** (warning): the work is accepted when someone on the client's
//! side feels like it — "acceptance contingent on Product Owner approval", "at the sole
//! discretion of", "accepted when our director says it is done"; "først godkendt, når vi har
//! sagt god for den", "efter bestillerens skøn", "når ledelsen er tilfreds".
//!
//! Acceptance ends the work and starts the payment. Tied to a person's approval instead of
//! criteria agreed in advance, it has no end: each round of "not quite" is unpaid, and the
//! invoice waits. Ask for acceptance criteria in writing, a period to test in ("5 working
//! days"), and what happens when that period passes without an answer.
//!
//! Choices made for precision: a judgement word must follow the condition ("says", "feels",
//! "satisfied", "approved", "synes", "tilfreds", "sagt god for"), and acceptance or payment
//! must be what the sentence is about. Acceptance against written criteria or within a
//! number of days ("acceptance within 5 working days against the written criteria") is the
//! answer, not a finding.
//!
//! Example:
//!
//! ```toml
//! text = "Leverancen er først godkendt, når vi har sagt god for den"   # warning
//! text = "Acceptance within 5 working days against the written criteria"   # fine
//! ```

use std::ops::Range;
use std::sync::LazyLock;

use super::clause::{before_and_after, first, has, has_stem};
use super::{Context, Rule};
use crate::diagnostic::{Diagnostic, Severity, Topic};
use crate::review::text::{Lexicon, Phrase, Words, find_all};

pub(crate) const RULE: Rule = Rule {
    code: "acceptance-at-discretion",
    severity: Severity::Warning,
    topic: Topic::Process,
    check: Some(check),
};

/// What the sentence must be about: acceptance, approval, completion, payment.
const ACCEPTANCE: &[&str] = &[
    "accept",
    "approv",
    "sign",
    "complet",
    "done",
    "finish",
    "releas",
    "payment",
    "paid",
    "deemed",
    "godkend",
    "accepter",
    "færdig",
    "betaling",
    "betales",
    "afleveret",
    "løst",
    "leverancen",
];

/// Someone's judgement: what makes the condition a matter of taste.
const JUDGEMENT: &[&str] = &[
    "says",
    "say",
    "said",
    "feel",
    "feels",
    "think",
    "thinks",
    "satisfied",
    "happy",
    "pleased",
    "approved",
    "approves",
    "approval",
    "decides",
    "likes",
    "discretion",
    "synes",
    "tilfreds",
    "tilfredse",
    "glade",
    "glad",
    "godkendt",
    "godkender",
    "skøn",
    "god",
    "siger",
];

/// The answer: criteria, a test, a number of days.
const CRITERIA: &[&str] = &[
    "criteria",
    "criterion",
    "written",
    "test",
    "tests",
    "testplan",
    "days",
    "acceptkriterier",
    "acceptkriterierne",
    "kriterier",
    "kriterierne",
    "skriftlige",
    "dage",
    "arbejdsdage",
];

static PHRASES: &[Phrase<()>] = &[
    // English
    Phrase::new(
        "contingent|conditional|dependent|dependant|subject on|upon|to",
        (),
    )
    .guard(approval_follows),
    // "only the manager has the authority to accept or reject": a say, with no criteria.
    Phrase::new("right|authority to", ()).guard(may_reject),
    Phrase::new("sole|absolute|own discretion", ()).guard(about_acceptance),
    Phrase::new("when|once|after|until|if", ()).guard(judged),
    Phrase::new("decide{,s} whether|if", ()).guard(decides),
    // Danish
    Phrase::new("når|efter|hvis|indtil", ()).guard(judged),
    Phrase::new("skøn", ()).guard(about_acceptance),
    Phrase::new("afhængig|afhænger af", ()).guard(approval_follows),
    Phrase::new("ret|retten til at", ()).guard(may_reject),
    Phrase::new("afgør|afgøre|bestemmer|vurderer om", ()).guard(decides),
];

static LEXICON: LazyLock<Lexicon<()>> = LazyLock::new(|| Lexicon::new(PHRASES));

/// "contingent on Product Owner approval": the finding runs to the approval.
fn approval_follows(words: &Words, m: Range<usize>) -> Option<usize> {
    let (_, after) = before_and_after(words, &m);
    let near = after.start..after.end.min(m.end + 5);
    let approval = first(
        words,
        near,
        &[],
        &["approv", "sign-off", "acceptance", "satisf", "godkend"],
    )?;
    (!has(words, after, CRITERIA)).then_some(approval + 1)
}

/// "the right to reject the product": a refusal a few words on, and no criteria or test
/// said in the sentence. The finding runs to the refusal.
fn may_reject(words: &Words, m: Range<usize>) -> Option<usize> {
    let near = m.end..(m.end + 5).min(words.len());
    let reject = first(words, near, &[], &["reject", "afvis", "kasser"])?;
    // "the right to reject any quote" is about the tender, not the work.
    let object = reject + 1..(reject + 4).min(words.len());
    if has_stem(
        words,
        object,
        &["quot", "proposal", "offer", "bid", "tilbud"],
    ) {
        return None;
    }
    let sentence = m.start.saturating_sub(12)..(m.end + 15).min(words.len());
    (!has(words, sentence, CRITERIA)).then_some(reject + 1)
}

fn about_acceptance(words: &Words, m: Range<usize>) -> Option<usize> {
    let (before, _) = before_and_after(words, &m);
    has_stem(words, before, ACCEPTANCE).then_some(m.end)
}

/// "accepted when our director says so": acceptance before the condition, a judgement in
/// it, and no criteria. The finding runs to the judgement.
fn judged(words: &Words, m: Range<usize>) -> Option<usize> {
    let (before, after) = before_and_after(words, &m);
    if !has_stem(words, before.clone(), ACCEPTANCE) || has(words, before.start..after.end, CRITERIA)
    {
        return None;
    }
    let condition = after.start..after.end.min(m.end + 8);
    first(words, condition, JUDGEMENT, &[]).map(|j| j + 1)
}

/// "the director decides whether it is done": someone decides, about acceptance.
fn decides(words: &Words, m: Range<usize>) -> Option<usize> {
    let (before, after) = before_and_after(words, &m);
    if has(words, before.start..after.end, CRITERIA) {
        return None;
    }
    let condition = after.start..after.end.min(m.end + 6);
    first(words, condition, &["good"], ACCEPTANCE).map(|j| j + 1)
}

fn check(cx: &Context, out: &mut Vec<Diagnostic>) {
    for f in find_all(cx.scanned(), &LEXICON, |_, hits| hits) {
        out.push(RULE.quoting(
            cx.lang,
            f.span.clone(),
            &f.quoted(),
            "acceptance-at-discretion-message",
            "acceptance-at-discretion-question",
        ));
    }
}

#[cfg(test)]
mod tests {
    use crate::Lang;

    fn excerpts(text: &str, lang: Lang) -> Vec<String> {
        crate::review::rules::excerpts("acceptance-at-discretion", text, lang)
    }

    #[test]
    fn finds_acceptance_by_feeling() {
        assert_eq!(
            excerpts(
                "Acceptance is contingent on Product Owner approval.",
                Lang::En
            ),
            ["contingent on Product Owner approval"]
        );
        assert_eq!(
            excerpts(
                "Leverancen er først godkendt, når vi har sagt god for den.",
                Lang::Da
            ),
            ["når vi har sagt god"]
        );
    }

    #[test]
    fn finds_a_say_to_reject() {
        assert_eq!(
            excerpts(
                "Only the board has the authority to accept or reject the site.",
                Lang::En
            ),
            ["authority to accept or reject"]
        );
        assert_eq!(
            excerpts("Kommunen har ret til at afvise leverancen.", Lang::Da),
            ["ret til at afvise"]
        );
        // The tender, not the work; and criteria answer it.
        assert!(excerpts("We may exercise the right to reject any quote.", Lang::En).is_empty());
        assert!(
            excerpts(
                "The right to reject work that fails the written criteria.",
                Lang::En
            )
            .is_empty()
        );
    }

    #[test]
    fn criteria_answer_it() {
        assert!(
            excerpts(
                "Acceptance within 5 working days against the written criteria.",
                Lang::En
            )
            .is_empty()
        );
        assert!(
            excerpts(
                "Godkendelse sker inden for 5 arbejdsdage efter de skriftlige acceptkriterier.",
                Lang::Da
            )
            .is_empty()
        );
    }
}
