//! **deadline-before-start** (error): the client's deadline falls before the project can start.
//!
//! `request.deadline` is the date the client needs the work; `project.start` is the earliest
//! date work can begin. A deadline before the start leaves no time at all, and is usually a
//! wrong year or a swapped month and day.
//!
//! Example:
//!
//! ```toml
//! [project]
//! start = 2027-03-01
//! [request]
//! deadline = 2027-02-15   # error: the deadline is before the start (2027-03-01)
//! ```

use super::{Context, Rule};
use crate::diagnostic::{Diagnostic, Severity, Topic};

pub(crate) const RULE: Rule = Rule {
    code: "deadline-before-start",
    severity: Severity::Error,
    topic: Topic::Time,
    check: Some(check),
};

fn check(cx: &Context, out: &mut Vec<Diagnostic>) {
    let Some(brief) = cx.brief else { return };
    let (Some(start), Some(deadline)) = (&brief.project.start, &brief.request.deadline) else {
        return;
    };
    if deadline.value >= start.value {
        return;
    }
    let message = crate::msg!(
        "deadline-before-start-message",
        deadline = deadline.value.to_string(),
        start = start.value.to_string(),
    );
    out.push(RULE.at(deadline.span.clone(), message, None));
}
