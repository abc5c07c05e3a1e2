//! **missing-budget** (warning): the client has not named a budget.
//!
//! Without a budget every option is a guess at what the client can afford, and the
//! conversation about scope starts from the wrong end. Ask for a range if they will not
//! give a number; record it in `request.budget`.
//!
//! A plain request (an e-mail, a text file) without a budget gets the same question, once it
//! is long enough to be a request (see `text_gaps.rs` for what counts as answered).
//!
//! Example:
//!
//! ```toml
//! [request]
//! budget = 40000   # in the project currency
//! ```

use super::{Context, Rule};
use crate::diagnostic::{Diagnostic, Severity, Topic};

pub(crate) const RULE: Rule = Rule {
    code: "missing-budget",
    severity: Severity::Warning,
    topic: Topic::Money,
    check: Some(check),
};

fn check(cx: &Context, out: &mut Vec<Diagnostic>) {
    let Some(brief) = cx.brief else {
        // A plain e-mail leaves the same gap, and gets the same question.
        return super::text_gaps::check(cx.scanned(), super::text_gaps::Gap::Budget, &RULE, out);
    };
    if brief.request.budget.is_some() || brief.rejected("request.budget", None) {
        return;
    }
    let span = brief
        .tables
        .request
        .clone()
        .or(brief.tables.project.clone())
        .map_or(0..0, |s| s.start..s.start);
    let message = crate::msg!("missing-budget-message");
    let question = crate::msg!("missing-budget-question");
    out.push(RULE.at(span, message, Some(question.to_owned())));
}
