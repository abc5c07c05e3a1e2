//! **estimate-range** (error): an estimate is negative, not a finite number, or absurdly large.
//!
//! Hours cannot be negative, `nan` and `inf` are not estimates, and a single item of more
//! than 5,000 hours (about three working years) is almost always a typo — minutes or
//! kroner typed as hours. Risk delays are working days and are held to the same bounds.
//!
//! Example:
//!
//! ```toml
//! estimate = [-2, 4, 8]     # error: hours cannot be negative
//! estimate = 12000          # error: 12000 hours is about seven working years
//! ```

use super::{Context, Rule, hours};
use crate::brief::Estimate;
use crate::diagnostic::{Diagnostic, Severity, Topic};
use crate::span::Spanned;

pub(crate) const RULE: Rule = Rule {
    code: "estimate-range",
    severity: Severity::Error,
    topic: Topic::Scope,
    check: Some(check),
};

/// More hours than this in one estimate is taken to be a typo.
pub(crate) const ABSURD_HOURS: f64 = 5_000.0;

fn check(cx: &Context, out: &mut Vec<Diagnostic>) {
    let Some(brief) = cx.brief else { return };
    for item in &brief.items {
        check_one(cx, &item.estimate, out);
        if let Some(alternative) = &item.alternative {
            check_one(cx, &alternative.estimate, out);
        }
    }
    for risk in &brief.risks {
        for estimate in risk.effort.iter().chain(risk.delay.iter()) {
            check_one(cx, estimate, out);
        }
    }
}

fn check_one(_cx: &Context, estimate: &Spanned<Estimate>, out: &mut Vec<Diagnostic>) {
    let values = estimate.value.values();
    let message = if values.iter().any(|v| !v.is_finite()) {
        crate::msg!("estimate-range-not-finite")
    } else if let Some(v) = values.iter().find(|v| **v < 0.0) {
        crate::msg!("estimate-range-negative", hours = hours(*v))
    } else if let Some(v) = values.iter().find(|v| **v > ABSURD_HOURS) {
        let years = *v / 1_650.0;
        crate::msg!(
            "estimate-range-absurd",
            hours = hours(*v),
            years = format!("{years:.0}"),
        )
    } else {
        return;
    };
    out.push(RULE.at(estimate.span.clone(), message, None));
}
