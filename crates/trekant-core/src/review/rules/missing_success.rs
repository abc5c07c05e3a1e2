//! **missing-success** (warning): the brief has no success criteria.
//!
//! Without an agreed measure of success, "done" is whatever the client feels at the end,
//! which is how projects drift into unpaid extra rounds. `project.success` lists what has to
//! be true for the project to have worked, ideally with numbers and dates.
//!
//! A plain request (an e-mail, a text file) without a success measure gets the same question, once it
//! is long enough to be a request (see `text_gaps.rs` for what counts as answered).
//!
//! Example:
//!
//! ```toml
//! [project]
//! success = ["200 active subscriptions by 1 June 2027"]
//! ```

use super::{Context, Rule};
use crate::diagnostic::{Diagnostic, Severity, Topic};

pub(crate) const RULE: Rule = Rule {
    code: "missing-success",
    severity: Severity::Warning,
    topic: Topic::Purpose,
    check: Some(check),
};

fn check(cx: &Context, out: &mut Vec<Diagnostic>) {
    let Some(brief) = cx.brief else {
        // A plain e-mail leaves the same gap, and gets the same question.
        return super::text_gaps::check(cx.scanned(), super::text_gaps::Gap::Success, &RULE, out);
    };
    if brief.rejected("project.success", None) {
        return;
    }
    let span = match &brief.project.success {
        Some(list) if list.value.iter().any(|c| !c.value.trim().is_empty()) => return,
        Some(list) => list.span.clone(),
        None => brief
            .tables
            .project
            .clone()
            .map_or(0..0, |s| s.start..s.start),
    };
    let message = crate::msg!("missing-success-message");
    let question = crate::msg!("missing-success-question");
    out.push(RULE.at(span, message, Some(question.to_owned())));
}
