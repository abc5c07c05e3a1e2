//! **point-estimate** (warning): an item is estimated as a single number.
//!
//! One number claims certainty: that the work takes exactly that long. Real tasks overrun,
//! and by skewed amounts, so a single number hides the risk the price must carry. Give three
//! numbers — best case, most likely, worst case — and the simulation prices the spread.
//! (Fixed, well-known work such as "install the SSL certificate" may stay a single number.)
//!
//! Example:
//!
//! ```toml
//! estimate = 20            # warning: a single number
//! estimate = [14, 20, 36]  # better
//! ```

use super::{Context, Rule, hours};
use crate::diagnostic::{Diagnostic, Severity, Topic};

pub(crate) const RULE: Rule = Rule {
    code: "point-estimate",
    severity: Severity::Warning,
    topic: Topic::Scope,
    check: Some(check),
};

fn check(cx: &Context, out: &mut Vec<Diagnostic>) {
    let Some(brief) = cx.brief else { return };
    for item in &brief.items {
        let estimate = &item.estimate.value;
        if !estimate.point || estimate.likely <= 0.0 || !estimate.likely.is_finite() {
            continue;
        }
        let h = estimate.likely;
        let message = crate::msg!(
            "point-estimate-message",
            label = item.label(),
            hours = hours(h),
            low = hours((h * 0.75).round()),
            high = hours((h * 1.75).round()),
        );
        out.push(RULE.at(item.estimate.span.clone(), message, None));
    }
}
