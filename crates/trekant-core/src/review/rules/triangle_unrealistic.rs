//! **triangle-unrealistic** (warning): by the simulation, the client's budget and deadline
//! hold together in fewer than half of the outcomes.
//!
//! The wanted scope (every item not marked `wont`) is simulated at normal capacity — three-
//! point estimates, risks, your calendar — and compared with `request.budget` and
//! `request.deadline`. Below 50 % the offer as asked is more likely to fail than not: the
//! finding names the side that binds (budget, deadline or both) with the figures, and
//! `trekant options` shows what would fit instead.
//!
//! Needs `me.rate` and a budget or a deadline (and `project.start`, or today, for dates).
//!
//! Example: five must-have items likely totalling 80 hours at 850/h against a budget of
//! 40,000 — P(budget holds) is near 0, so the triangle cannot close as asked.

use super::{Context, Rule};
use crate::diagnostic::{Diagnostic, Severity, Topic};
use crate::forecast::estimate::VerdictClass;

pub(crate) const RULE: Rule = Rule {
    code: "triangle-unrealistic",
    severity: Severity::Warning,
    topic: Topic::Money,
    check: Some(check),
};

fn check(cx: &Context, out: &mut Vec<Diagnostic>) {
    super::triangle_tight::check_class(cx, out, VerdictClass::Unrealistic, &RULE);
}
