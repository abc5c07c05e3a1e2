//! **missing-budget** (warning): the client has not named a budget.
//!
//! Without a budget every option is a guess at what the client can afford, and the
//! conversation about scope starts from the wrong end. Ask for a range if they will not
//! give a number; record it in `request.budget`.
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
    let Some(brief) = cx.brief else { return };
    if brief.request.budget.is_some() || brief.rejected("request.budget", None) {
        return;
    }
    let span = brief
        .tables
        .request
        .clone()
        .or(brief.tables.project.clone())
        .map_or(0..0, |s| s.start..s.start);
    let message = cx.lang.pick(
        "kunden har ikke nævnt et budget (`request.budget`)".to_owned(),
        "the client has not named a budget (`request.budget`)".to_owned(),
    );
    let question = cx.lang.pick(
        "Hvilket budget har I afsat til opgaven? Et spænd er fint, hvis I ikke har et fast tal.",
        "What budget have you set aside for this? A range is fine if you have no fixed figure.",
    );
    out.push(RULE.at(span, message, Some(question.to_owned())));
}
