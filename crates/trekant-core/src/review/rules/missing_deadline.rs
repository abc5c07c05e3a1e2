//! **missing-deadline** (warning): the client has not given a date.
//!
//! "ASAP" is not a date. Without one, there is no telling whether the work fits the
//! calendar, and no basis for a rush price. Ask what the date is tied to — a launch, a
//! season, a board meeting — since that also tells how firm it is. Record it in
//! `request.deadline`.
//!
//! A plain request (an e-mail, a text file) without a deadline gets the same question, once it
//! is long enough to be a request (see `text_gaps.rs` for what counts as answered).
//!
//! Example:
//!
//! ```toml
//! [request]
//! deadline = 2027-02-15
//! ```

use super::{Context, Rule};
use crate::diagnostic::{Diagnostic, Severity, Topic};

pub(crate) const RULE: Rule = Rule {
    code: "missing-deadline",
    severity: Severity::Warning,
    topic: Topic::Time,
    check: Some(check),
};

fn check(cx: &Context, out: &mut Vec<Diagnostic>) {
    let Some(brief) = cx.brief else {
        // A plain e-mail leaves the same gap, and gets the same question.
        return super::text_gaps::check(cx.scanned(), super::text_gaps::Gap::Deadline, &RULE, out);
    };
    if brief.request.deadline.is_some() || brief.rejected("request.deadline", None) {
        return;
    }
    let span = brief
        .tables
        .request
        .clone()
        .or(brief.tables.project.clone())
        .map_or(0..0, |s| s.start..s.start);
    let message = crate::msg!("missing-deadline-message");
    let question = crate::msg!("missing-deadline-question");
    out.push(RULE.at(span, message, Some(question.to_owned())));
}
