//! **budget-below-must** (warning): the must-have items alone cost more than the budget.
//!
//! Priced at the *likely* estimate — before any overrun — the items marked `must` already
//! exceed what the client can pay. No scope choice can fix that: either the budget grows,
//! or some "musts" are not. Needs `me.rate` (in the brief or the profile) and
//! `request.budget`.
//!
//! Example:
//!
//! ```toml
//! [request]
//! budget = 20000
//! [me]
//! rate = 850
//! [[item]]
//! estimate = [25, 40, 80]
//! priority = "must"        # 40 h × 850 = 34,000 > 20,000
//! ```

use super::{Context, Rule};
use crate::brief::Priority;
use crate::diagnostic::{Diagnostic, Severity, Topic};
use crate::format::money;

pub(crate) const RULE: Rule = Rule {
    code: "budget-below-must",
    severity: Severity::Warning,
    topic: Topic::Money,
    check: Some(check),
};

fn check(cx: &Context, out: &mut Vec<Diagnostic>) {
    let Some(brief) = cx.brief else { return };
    let (Some(budget), Some(rate)) = (&brief.request.budget, &brief.me.rate) else {
        return;
    };
    let must_hours: f64 = brief
        .items
        .iter()
        .filter(|i| i.priority() == Priority::Must)
        .map(|i| i.estimate.value.likely)
        .sum();
    let cost = must_hours * rate.value;
    if !(cost > budget.value && budget.value > 0.0 && cost.is_finite()) {
        return;
    }
    let currency = brief.currency();
    let (cost_text, budget_text) = (
        money(cost, currency, cx.lang),
        money(budget.value, currency, cx.lang),
    );
    let message = crate::msg!(
        "budget-below-must-message",
        cost_text = cost_text,
        budget_text = budget_text
    );
    let question = crate::msg!(
        "budget-below-must-question",
        cost_text = cost_text,
        budget_text = budget_text
    );
    out.push(RULE.at(budget.span.clone(), message, Some(question)));
}
