//! **missing-revisions** (warning): the brief does not say how many rounds of changes are
//! included.
//!
//! Unlimited rounds of feedback are the most common way a fixed price turns into a loss.
//! Agree a number up front (`terms.revisions`), and price further rounds as change requests.
//!
//! Example:
//!
//! ```toml
//! [terms]
//! revisions = 2
//! ```

use super::{Context, Rule};
use crate::diagnostic::{Diagnostic, Severity, Topic};

pub(crate) const RULE: Rule = Rule {
    code: "missing-revisions",
    severity: Severity::Warning,
    topic: Topic::Process,
    check: Some(check),
};

fn check(cx: &Context, out: &mut Vec<Diagnostic>) {
    let Some(brief) = cx.brief else { return };
    if brief.terms.revisions.is_some() || brief.rejected("terms.revisions", None) {
        return;
    }
    let span = brief
        .tables
        .terms
        .clone()
        .or(brief.tables.project.clone())
        .map_or(0..0, |s| s.start..s.start);
    let message = cx.lang.pick(
        "briefen siger ikke, hvor mange rettelsesrunder der er med (`terms.revisions`)".to_owned(),
        "the brief does not say how many rounds of changes are included (`terms.revisions`)"
            .to_owned(),
    );
    let question = cx.lang.pick(
        "Hvor mange runder med rettelser forventer I, og hvem hos jer godkender det endelige resultat?",
        "How many rounds of changes do you expect, and who on your side signs off the final result?",
    );
    out.push(RULE.at(span, message, Some(question.to_owned())));
}
