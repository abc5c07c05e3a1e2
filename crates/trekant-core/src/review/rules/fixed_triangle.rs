//! **fixed-triangle** (warning): the client calls scope, budget and deadline all fixed.
//!
//! The project triangle has three sides; when all three are nailed down, the only thing
//! left to give is quality — or the provider's margin. Every real project learns something
//! on the way, so one side has to be able to move. Ask which one.
//!
//! Example:
//!
//! ```toml
//! [request]
//! fixed = ["scope", "budget", "deadline"]   # warning: something has to be able to move
//! ```

use super::{Context, Rule};
use crate::brief::Fixed;
use crate::diagnostic::{Diagnostic, Severity, Topic};

pub(crate) const RULE: Rule = Rule {
    code: "fixed-triangle",
    severity: Severity::Warning,
    topic: Topic::Process,
    check: Some(check),
};

fn check(cx: &Context, out: &mut Vec<Diagnostic>) {
    let Some(brief) = cx.brief else { return };
    let all = [Fixed::Scope, Fixed::Budget, Fixed::Deadline]
        .into_iter()
        .all(|side| brief.is_fixed(side));
    if !all {
        return;
    }
    let start = brief
        .request
        .fixed
        .iter()
        .map(|f| f.span.start)
        .min()
        .unwrap_or(0);
    let end = brief
        .request
        .fixed
        .iter()
        .map(|f| f.span.end)
        .max()
        .unwrap_or(0);
    let message = crate::msg!("fixed-triangle-message");
    let question = crate::msg!("fixed-triangle-question");
    out.push(RULE.at(start..end, message, Some(question.to_owned())));
}
