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
    let lang = cx.lang;
    if let Some(c) = &brief.model.correlation
        && !(0.0..=1.0).contains(&c.value)
    {
        push(
            out,
            lang,
            "model.correlation",
            c,
            "skal være mellem 0 og 1",
            "must be between 0 and 1",
        );
    }
    if let Some(t) = &brief.model.trials
        && !(100..=10_000_000).contains(&t.value)
    {
        let message = lang.pick(
            format!(
                "`model.trials` skal være mellem 100 og 10.000.000, ikke {}",
                t.value
            ),
            format!(
                "`model.trials` must be between 100 and 10,000,000, not {}",
                t.value
            ),
        );
        out.push(RULE.at(t.span.clone(), message, None));
    }
    if let Some(b) = &brief.request.budget
        && !(b.value > 0.0 && b.value <= MAX_BUDGET)
    {
        push(
            out,
            lang,
            "request.budget",
            b,
            "skal være et beløb over 0 og højst 1.000.000.000.000",
            "must be an amount above 0 and at most 1,000,000,000,000",
        );
    }
    if brief.model.distribution() == crate::brief::Distribution::Lognormal {
        // A lognormal needs low > 0: low and high are its 5th and 95th percentiles.
        for item in &brief.items {
            let e = &item.estimate.value;
            if !e.point && e.low <= 0.0 {
                let message = lang.pick(
                    format!("`model.distribution = \"lognormal\"` kræver et lavt estimat over 0 (\"{}\" har {}); brug \"pert\" eller hæv det lave estimat", item.label(), e.low),
                    format!("`model.distribution = \"lognormal\"` needs a low estimate above 0 (\"{}\" has {}); use \"pert\" or raise the low estimate", item.label(), e.low),
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
                push(
                    out,
                    lang,
                    "item.value",
                    value,
                    "skal være fra 1 til 10",
                    "must be from 1 to 10",
                );
            }
        }
    }
}

/// Checks the provider's settings; also used on profile files.
pub(crate) fn check_me(me: &Me, lang: Lang, out: &mut Vec<Diagnostic>) {
    if let Some(rate) = &me.rate
        && !(rate.value > 0.0 && rate.value <= MAX_RATE)
    {
        push(
            out,
            lang,
            "me.rate",
            rate,
            "skal være en timepris over 0 og højst 10.000.000",
            "must be an hourly rate above 0 and at most 10,000,000",
        );
    }
    for (key, value) in [
        ("me.hours_per_week", &me.hours_per_week),
        ("me.max_hours_per_week", &me.max_hours_per_week),
    ] {
        if let Some(v) = value
            && !(v.value > 0.0 && v.value <= WEEK_HOURS)
        {
            push(
                out,
                lang,
                key,
                v,
                "skal være over 0 og højst 168 (en uge har 168 timer)",
                "must be above 0 and at most 168 (a week has 168 hours)",
            );
        }
    }
    if let (Some(normal), Some(max)) = (&me.hours_per_week, &me.max_hours_per_week)
        && max.value < normal.value
        && max.value > 0.0
    {
        let message = lang.pick(
                format!("`me.max_hours_per_week` ({}) er lavere end `me.hours_per_week` ({}); maksimum kan ikke være under det normale", max.value, normal.value),
                format!("`me.max_hours_per_week` ({}) is below `me.hours_per_week` ({}); the maximum cannot be less than normal", max.value, normal.value),
            );
        out.push(RULE.at(max.span.clone(), message, None));
    }
    if let Some(s) = &me.rush_surcharge
        && !(s.value >= 0.0 && s.value <= 10.0)
    {
        let hint = hint_share(s.value, lang);
        let message = lang.pick(
            format!("`me.rush_surcharge` skal være en andel fra 0 til 10 (0.5 = +50 %){hint}"),
            format!("`me.rush_surcharge` must be a share from 0 to 10 (0.5 = +50%){hint}"),
        );
        out.push(RULE.at(s.span.clone(), message, None));
    }
    if let Some(c) = &me.confidence
        && !(c.value > 0.0 && c.value < 1.0)
    {
        let hint = hint_share(c.value, lang);
        let message = lang.pick(
            format!("`me.confidence` skal være mellem 0 og 1, fx 0.8{hint}"),
            format!("`me.confidence` must be between 0 and 1, e.g. 0.8{hint}"),
        );
        out.push(RULE.at(c.span.clone(), message, None));
    }
    if let Some(w) = &me.workdays
        && w.value.is_empty()
    {
        let message = lang.pick(
            "`me.workdays` er tom; skriv fx [\"mon\", \"tue\", \"wed\", \"thu\", \"fri\"]"
                .to_owned(),
            "`me.workdays` is empty; write e.g. [\"mon\", \"tue\", \"wed\", \"thu\", \"fri\"]"
                .to_owned(),
        );
        out.push(RULE.at(w.span.clone(), message, None));
    }
}

/// " — did you mean 0.8?" when a percentage was written for a share.
fn hint_share(value: f64, lang: Lang) -> String {
    if value > 1.0 && value <= 100.0 {
        let share = value / 100.0;
        lang.pick(
            format!(" — mente du {share}?"),
            format!(" — did you mean {share}?"),
        )
    } else {
        String::new()
    }
}

fn push(
    out: &mut Vec<Diagnostic>,
    lang: Lang,
    key: &str,
    value: &Spanned<f64>,
    da: &str,
    en: &str,
) {
    let found = super::hours(value.value);
    let message = lang.pick(
        format!("`{key}` {da}, ikke {found}"),
        format!("`{key}` {en}, not {found}"),
    );
    out.push(RULE.at(value.span.clone(), message, None));
}
