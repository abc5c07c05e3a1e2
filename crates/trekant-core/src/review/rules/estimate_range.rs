//! **estimate-range** (error): an estimate is negative, not a finite number, absurdly large,
//! or an item's likely hours are zero.
//!
//! Hours cannot be negative, `nan` and `inf` are not estimates, and a single item of more
//! than 5,000 hours (about three working years) is almost always a typo — minutes or
//! kroner typed as hours. An item (or its alternative) that most likely takes no time is
//! not work to price or track: its likely hours must be more than 0. Risk efforts and
//! delays may be 0; delays are working days and are held to the same upper bound.
//! This is the one rule for what an estimate may be: `estimate`, `proposal` and
//! `track start` accept what it accepts.
//!
//! Example:
//!
//! ```toml
//! estimate = [-2, 4, 8]     # error: hours cannot be negative
//! estimate = 12000          # error: 12000 hours is about seven working years
//! estimate = [0, 0, 0]      # error: an item's likely hours must be more than 0
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
        check_one(cx, &item.estimate, true, out);
        if let Some(alternative) = &item.alternative {
            check_one(cx, &alternative.estimate, true, out);
        }
    }
    for risk in &brief.risks {
        if let Some(estimate) = &risk.effort {
            check_one(cx, estimate, false, out);
        }
        if let Some(estimate) = &risk.delay {
            check_delay(cx, estimate, out);
        }
    }
}

/// `work`: an item's estimate, whose likely hours must be more than 0.
fn check_one(_cx: &Context, estimate: &Spanned<Estimate>, work: bool, out: &mut Vec<Diagnostic>) {
    if let Some(message) = problem(&estimate.value, work) {
        out.push(RULE.at(estimate.span.clone(), message, None));
    }
}

/// What is wrong with an estimate of hours, by this rule; `work`: an item's (or a change
/// request's) estimate, whose likely hours must be more than 0. Front ends that take an
/// estimate outside a brief (`change --estimate`) hold it to the same rule.
pub fn problem(estimate: &Estimate, work: bool) -> Option<crate::messages::Message> {
    let values = estimate.values();
    Some(if values.iter().any(|v| !v.is_finite()) {
        crate::msg!("estimate-range-not-finite")
    } else if let Some(v) = values.iter().find(|v| **v < 0.0) {
        crate::msg!("estimate-range-negative", hours = hours(*v))
    } else if let Some(v) = values.iter().find(|v| **v > ABSURD_HOURS) {
        let years = hours((*v / 1_650.0).round());
        crate::msg!("estimate-range-absurd", hours = hours(*v), years = years)
    } else if work && estimate.likely <= 0.0 {
        crate::msg!("estimate-range-no-time")
    } else {
        return None;
    })
}

/// A risk's delay is in working days: the same bounds as hours, said in days.
fn check_delay(_cx: &Context, estimate: &Spanned<Estimate>, out: &mut Vec<Diagnostic>) {
    let values = estimate.value.values();
    let message = if values.iter().any(|v| !v.is_finite()) {
        crate::msg!("estimate-range-delay-not-finite")
    } else if let Some(v) = values.iter().find(|v| **v < 0.0) {
        crate::msg!("estimate-range-delay-negative", days = hours(*v))
    } else if let Some(v) = values.iter().find(|v| **v > ABSURD_HOURS) {
        let years = hours((*v / 220.0).round());
        crate::msg!(
            "estimate-range-delay-absurd",
            days = hours(*v),
            years = years
        )
    } else {
        return;
    };
    out.push(RULE.at(estimate.span.clone(), message, None));
}
