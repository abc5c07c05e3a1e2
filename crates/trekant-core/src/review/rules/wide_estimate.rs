//! **wide-estimate** (warning): an item's high estimate is more than four times its low.
//!
//! A spread that wide means the item is not yet understood: the same words could mean a
//! day's work or a month's. Narrow it by asking the client what exactly is included, or
//! split the item into a part you can estimate and a part to investigate first.
//!
//! Example:
//!
//! ```toml
//! title = "Integration with their ERP"
//! estimate = [8, 30, 120]   # warning: 120 h is 15 × 8 h
//! ```

use super::{Context, Rule, hours};
use crate::diagnostic::{Diagnostic, Severity, Topic};

pub(crate) const RULE: Rule = Rule {
    code: "wide-estimate",
    severity: Severity::Warning,
    topic: Topic::Scope,
    check: Some(check),
};

/// High above this multiple of low counts as too wide.
const MAX_SPREAD: f64 = 4.0;

fn check(cx: &Context, out: &mut Vec<Diagnostic>) {
    let Some(brief) = cx.brief else { return };
    for item in &brief.items {
        let e = &item.estimate.value;
        if e.point
            || !(e.low >= 0.0 && e.low <= e.likely && e.likely <= e.high)
            // Out of range is estimate-range's error, not a question of spread.
            || e.high > super::estimate_range::ABSURD_HOURS
        {
            continue;
        }
        if e.high <= MAX_SPREAD * e.low || e.high == 0.0 {
            continue;
        }
        let label = item.label();
        let ratio = if e.low > 0.0 {
            format!("{} ×", hours((e.high / e.low).round()))
        } else {
            "∞ ×".to_owned()
        };
        let message = crate::msg!(
            "wide-estimate-message",
            label = label,
            low = hours(e.low),
            high = hours(e.high),
            ratio = ratio,
        );
        let question = crate::msg!("wide-estimate-question", label = label);
        out.push(RULE.at(item.estimate.span.clone(), message, Some(question)));
    }
}
