//! **large-item** (warning): an item's likely estimate is above 40 hours.
//!
//! Estimates of big chunks are consistently worse than the sum of estimates of their parts:
//! the parts you have not thought of are exactly what overruns. Break an item of more than a
//! working week into pieces you can picture doing, each with its own estimate.
//!
//! Example:
//!
//! ```toml
//! title = "Webshop"
//! estimate = [40, 80, 160]   # warning: break it into catalogue, checkout, payments, …
//! ```

use super::{Context, Rule, hours};
use crate::diagnostic::{Diagnostic, Severity, Topic};

pub(crate) const RULE: Rule = Rule {
    code: "large-item",
    severity: Severity::Warning,
    topic: Topic::Scope,
    check: Some(check),
};

/// Likely hours above this should be broken down.
const LARGE_HOURS: f64 = 40.0;

fn check(cx: &Context, out: &mut Vec<Diagnostic>) {
    let Some(brief) = cx.brief else { return };
    for item in &brief.items {
        let likely = item.estimate.value.likely;
        if !(likely > LARGE_HOURS && likely <= super::estimate_range::ABSURD_HOURS) {
            continue;
        }
        let message = crate::msg!(
            "large-item-message",
            label = item.label(),
            hours = hours(likely),
            max = hours(LARGE_HOURS),
        );
        out.push(RULE.at(item.estimate.span.clone(), message, None));
    }
}
