//! **invalid-setting** (error): a setting is outside the range it can take.
//!
//! Checked: `me.rate` > 0 and at most 10,000,000; `me.hours_per_week` and `me.max_hours_per_week` in (0, 168] (a
//! week has 168 hours), with the maximum not below the normal; `me.rush_surcharge` ≥ 0;
//! `me.confidence` strictly between 0 and 1; `me.workdays` not empty; `model.correlation`
//! in [0, 1]; `model.trials` between 100 and 10,000,000; `request.budget` > 0 and at most 10¹²; an item's
//! `value` from 1 to 10; with `model.distribution = "lognormal"`, every three-point estimate's
//! low above 0.
//!
//! These values drive the price and the calendar; one out of range makes every figure
//! after it meaningless, so they are errors rather than warnings.
//!
//! Example:
//!
//! ```toml
//! [me]
//! hours_per_week = 200   # error: a week has 168 hours
//! confidence = 80        # error: must be between 0 and 1 — did you mean 0.8?
//! ```

use super::{Context, Rule};
use crate::brief::Me;
use crate::diagnostic::{Diagnostic, Severity, Topic};
use crate::lang::Lang;
use crate::span::Spanned;

pub(crate) const RULE: Rule = Rule {
    code: "invalid-setting",
    severity: Severity::Error,
    topic: Topic::Process,
    check: Some(check),
};

const WEEK_HOURS: f64 = 168.0;
/// The highest hourly rate and budget taken as meant: every price is hours × rate, and the
/// figures must stay finite and printable (`rate = 1e308` once priced an offer at "inf").
const MAX_RATE: f64 = 10_000_000.0;
const MAX_BUDGET: f64 = 1e12;

fn check(cx: &Context, out: &mut Vec<Diagnostic>) {
    let Some(brief) = cx.brief else { return };
    check_me(&brief.me, cx.lang, out);
    if let Some(c) = &brief.model.correlation
        && !(0.0..=1.0).contains(&c.value)
    {
        push(out, "model.correlation", c, "invalid-setting-share");
    }
    if let Some(t) = &brief.model.trials
        && !(100..=10_000_000).contains(&t.value)
    {
        let message = crate::msg!("invalid-setting-trials", value = t.value.to_string());
        out.push(RULE.at(t.span.clone(), message, None));
    }
    if let Some(b) = &brief.request.budget
        && !(b.value > 0.0 && b.value <= MAX_BUDGET)
    {
        push(out, "request.budget", b, "invalid-setting-amount");
    }
    if brief.model.distribution() == crate::brief::Distribution::Lognormal {
        // A lognormal needs low > 0: low and high are its 5th and 95th percentiles.
        for item in &brief.items {
            let e = &item.estimate.value;
            if !e.point && e.low <= 0.0 {
                let message = crate::msg!(
                    "invalid-setting-lognormal",
                    label = item.label(),
                    low = e.low.to_string(),
                );
                out.push(RULE.at(item.estimate.span.clone(), message, None));
            }
        }
    }
    for item in &brief.items {
        let values = item
            .value
            .iter()
            .chain(item.alternative.iter().flat_map(|a| a.value.iter()));
        for value in values {
            if !(1.0..=10.0).contains(&value.value) {
                push(out, "item.value", value, "invalid-setting-value");
            }
        }
    }
}

/// Checks the provider's settings; also used on profile files.
pub(crate) fn check_me(me: &Me, lang: Lang, out: &mut Vec<Diagnostic>) {
    if let Some(rate) = &me.rate
        && !(rate.value > 0.0 && rate.value <= MAX_RATE)
    {
        push(out, "me.rate", rate, "invalid-setting-rate");
    }
    for (key, value) in [
        ("me.hours_per_week", &me.hours_per_week),
        ("me.max_hours_per_week", &me.max_hours_per_week),
    ] {
        if let Some(v) = value
            && !(v.value > 0.0 && v.value <= WEEK_HOURS)
        {
            push(out, key, v, "invalid-setting-week");
        }
    }
    if let (Some(normal), Some(max)) = (&me.hours_per_week, &me.max_hours_per_week)
        && max.value < normal.value
        && max.value > 0.0
    {
        let message = crate::msg!(
            "invalid-setting-max-below-normal",
            max = max.value.to_string(),
            normal = normal.value.to_string(),
        );
        out.push(RULE.at(max.span.clone(), message, None));
    }
    if let Some(s) = &me.rush_surcharge
        && !(s.value >= 0.0 && s.value <= 10.0)
    {
        let hint = hint_share(s.value, lang);
        let message = crate::msg!("invalid-setting-rush", hint = hint);
        out.push(RULE.at(s.span.clone(), message, None));
    }
    if let Some(c) = &me.confidence
        && !(c.value > 0.0 && c.value < 1.0)
    {
        let hint = hint_share(c.value, lang);
        let message = crate::msg!("invalid-setting-confidence", hint = hint);
        out.push(RULE.at(c.span.clone(), message, None));
    }
    if let Some(w) = &me.workdays
        && w.value.is_empty()
    {
        let message = crate::msg!("invalid-setting-workdays");
        out.push(RULE.at(w.span.clone(), message, None));
    }
}

/// " — did you mean 0.8?" when a percentage was written for a share.
fn hint_share(value: f64, lang: Lang) -> String {
    if value > 1.0 && value <= 100.0 {
        let share = value / 100.0;
        crate::t!(
            lang,
            "invalid-setting-share-hint",
            share = share.to_string()
        )
    } else {
        String::new()
    }
}

fn push(out: &mut Vec<Diagnostic>, key: &str, value: &Spanned<f64>, id: &'static str) {
    let message = crate::msg!(id, key = key, value = super::hours(value.value));
    out.push(RULE.at(value.span.clone(), message, None));
}
