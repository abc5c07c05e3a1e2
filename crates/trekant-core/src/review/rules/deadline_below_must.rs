//! **deadline-below-must** (warning): the must-have items cannot be done by the deadline,
//! even at best and at full stretch.
//!
//! Takes the *low* (best case) estimates of the items marked `must` and the working days
//! from `project.start` to `request.deadline` (weekends, public holidays and days off
//! skipped) at `me.max_hours_per_week`. If even that does not fit, the date cannot hold
//! for this scope, whatever anyone is paid. Needs `project.start` and `request.deadline`.
//!
//! Example:
//!
//! ```toml
//! [project]
//! start = 2027-03-22
//! [request]
//! deadline = 2027-03-26      # Easter week: 3 working days
//! [me]
//! max_hours_per_week = 40    # 24 h available
//! [[item]]
//! estimate = [30, 40, 60]    # best case 30 h: cannot fit
//! priority = "must"
//! ```

use super::{Context, Rule, hours};
use crate::brief::Priority;
use crate::diagnostic::{Diagnostic, Severity, Topic};
use crate::forecast::calendar::{self, Calendar};
use crate::format::date;

pub(crate) const RULE: Rule = Rule {
    code: "deadline-below-must",
    severity: Severity::Warning,
    topic: Topic::Time,
    check: Some(check),
};

fn check(cx: &Context, out: &mut Vec<Diagnostic>) {
    let Some(brief) = cx.brief else { return };
    let (Some(start), Some(deadline)) = (&brief.project.start, &brief.request.deadline) else {
        return;
    };
    if deadline.value < start.value {
        return; // deadline-before-start says it
    }
    let must_low: f64 = brief
        .items
        .iter()
        .filter(|i| i.priority() == Priority::Must)
        .map(|i| i.estimate.value.low)
        .sum();
    let mut calendar = Calendar::for_me(&brief.me);
    let days = calendar.working_days_between(start.value, deadline.value);
    let per_day =
        calendar::hours_per_day(brief.me.max_hours_per_week(), calendar.workdays_per_week());
    let available = days as f64 * per_day;
    if !(must_low > available + 1e-9 && must_low.is_finite()) {
        return;
    }
    let (need, have) = (hours(must_low), hours(available));
    let by = date(deadline.value, cx.lang);
    let message = crate::msg!(
        "deadline-below-must-message",
        need = need,
        have = have,
        days = days,
        by = by
    );
    let question = crate::msg!("deadline-below-must-question", by = by);
    out.push(RULE.at(deadline.span.clone(), message, Some(question)));
}
