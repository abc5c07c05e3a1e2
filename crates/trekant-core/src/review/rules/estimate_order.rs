//! **estimate-order** (error): a three-point estimate is not ordered low ≤ likely ≤ high.
//!
//! `estimate = [low, likely, high]` reads as "at best, most likely, at worst". When the
//! numbers are out of order the simulation cannot draw from them, and usually two numbers
//! were swapped by mistake. Applies to item estimates, alternatives, and risks' `effort` and
//! `delay`.
//!
//! Example:
//!
//! ```toml
//! estimate = [20, 12, 30]   # error: low (20) is above likely (12) — did you mean [12, 20, 30]?
//! ```

use super::{Context, Rule, hours};
use crate::brief::Estimate;
use crate::diagnostic::{Diagnostic, Severity, Topic};
use crate::span::Spanned;

pub(crate) const RULE: Rule = Rule {
    code: "estimate-order",
    severity: Severity::Error,
    topic: Topic::Scope,
    check: Some(check),
};

fn check(cx: &Context, out: &mut Vec<Diagnostic>) {
    let Some(brief) = cx.brief else { return };
    let estimates = brief
        .items
        .iter()
        .flat_map(|item| {
            std::iter::once(&item.estimate).chain(item.alternative.as_ref().map(|a| &a.estimate))
        })
        .chain(
            brief
                .risks
                .iter()
                .flat_map(|r| r.effort.iter().chain(r.delay.iter())),
        );
    for estimate in estimates {
        check_one(cx, estimate, out);
    }
}

fn check_one(_cx: &Context, estimate: &Spanned<Estimate>, out: &mut Vec<Diagnostic>) {
    let Estimate {
        low, likely, high, ..
    } = estimate.value;
    if !(low.is_finite() && likely.is_finite() && high.is_finite()) {
        return; // estimate-range reports these
    }
    if low <= likely && likely <= high {
        return;
    }
    let mut sorted = [low, likely, high];
    sorted.sort_by(f64::total_cmp);
    let fix = format!(
        "[{}, {}, {}]",
        hours(sorted[0]),
        hours(sorted[1]),
        hours(sorted[2])
    );
    let (l, m, h) = (hours(low), hours(likely), hours(high));
    let message = crate::msg!("estimate-order-message", l = l, m = m, h = h, fix = fix);
    out.push(RULE.at(estimate.span.clone(), message, None));
}
