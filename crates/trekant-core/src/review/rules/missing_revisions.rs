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
    let message = crate::msg!("missing-revisions-message");
    let question = crate::msg!("missing-revisions-question");
    out.push(RULE.at(span, message, Some(question.to_owned())));
}
