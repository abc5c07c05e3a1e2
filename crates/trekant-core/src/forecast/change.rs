//! A client's new wish priced against the triangle: the scope is simulated with and without
//! the change on the same random numbers, and the difference at the confidence is the price
//! of the change, with the new delivery date and verdict. Pure: a brief, a change and the
//! settings in, a [`PricedChange`] out; the change order renders it
//! (`document::change_order`).

use jiff::civil::Date;

use crate::brief::{Brief, Estimate, Item, Priority};
use crate::forecast::estimate::{self, EstimateError, Report, Settings};
use crate::span::Spanned;
use crate::tracking::change_item_id;

/// What the client asks for.
#[derive(Clone, Debug, PartialEq)]
pub struct Change {
    pub title: String,
    pub estimate: Estimate,
    pub category: Option<String>,
}

/// What the change does to the offer, at the confidence.
#[derive(Clone, Debug)]
pub struct PricedChange {
    pub title: String,
    pub estimate: Estimate,
    pub confidence: f64,
    /// Price of the scope at the confidence without the change.
    pub price_before: f64,
    /// What the client pays for the change: the difference, never below its likely hours at
    /// the rate.
    pub added: f64,
    pub finish_before: Date,
    pub finish_after: Date,
    pub before: Report,
    pub after: Report,
    pub valid_until: Date,
}

/// Prices `change` against `brief`: both runs use the settings' seed, so they differ only by
/// the change (common random numbers).
pub fn price_change(
    brief: &Brief,
    change: &Change,
    settings: &Settings,
) -> Result<PricedChange, EstimateError> {
    let with = with_change(brief, change);
    let before = estimate::estimate(brief, settings)?;
    let after = estimate::estimate(&with, settings)?;
    let rate = brief.me.rate.as_ref().map_or(0.0, |r| r.value);
    let c = settings.confidence;
    let price_before = at(&before.sorted_cost, c);
    let price_after = at(&after.sorted_cost, c);
    let valid_days = brief
        .terms
        .valid_days
        .as_ref()
        .map_or(crate::brief::defaults::VALID_DAYS, |v| v.value);
    Ok(PricedChange {
        title: change.title.trim().to_string(),
        estimate: change.estimate,
        confidence: c,
        price_before,
        added: (price_after - price_before).max(change.estimate.likely * rate),
        finish_before: finish_at(&before, c),
        finish_after: finish_at(&after, c),
        before,
        after,
        valid_until: settings
            .today
            .checked_add(jiff::Span::new().days(i64::from(valid_days)))
            .unwrap_or(settings.today),
    })
}

/// The brief with the change as one more must-have item, named as an accepted change is
/// named in the tracked project ([`change_item_id`]). It goes last, so every other item and
/// risk keeps its random stream.
pub(crate) fn with_change(brief: &Brief, change: &Change) -> Brief {
    let mut with = brief.clone();
    let id = change_item_id(|id| brief.item(id).is_some());
    let spanned = |v| Spanned::new(v, 0..0);
    with.items.push(Item {
        id: spanned(id),
        title: Some(spanned(change.title.clone())),
        estimate: Spanned::new(change.estimate, 0..0),
        priority: Some(Spanned::new(Priority::Must, 0..0)),
        value: None,
        depends: Vec::new(),
        category: change.category.as_ref().map(|c| spanned(c.clone())),
        alternative: None,
        description: None,
        span: 0..0,
    });
    with
}

/// The empirical `q` quantile of sorted samples.
fn at(sorted: &[f64], q: f64) -> f64 {
    let i = ((q * sorted.len() as f64).ceil() as usize).clamp(1, sorted.len().max(1)) - 1;
    sorted.get(i).copied().unwrap_or(0.0)
}

fn finish_at(report: &Report, q: f64) -> Date {
    let n = report.sorted_finish_days.len();
    let i = ((q * n as f64).ceil() as usize).clamp(1, n.max(1)) - 1;
    report
        .sorted_finish_days
        .get(i)
        .and_then(|&d| report.working_days.get(d as usize))
        .copied()
        .unwrap_or(report.start)
}

#[cfg(test)]
mod tests {
    use super::*;
    use jiff::civil::date;

    const BRIEF: &str = r#"
[project]
name = "Collide"
language = "en"
currency = "DKK"
start = 2026-03-02

[me]
rate = 800

[[item]]
id = "change-1"
title = "First"
estimate = [2, 3, 5]

[[item]]
id = "build"
title = "Second"
estimate = [10, 16, 30]
"#;

    fn settings() -> Settings {
        Settings {
            trials: 2000,
            seed: 7,
            confidence: 0.8,
            today: date(2026, 3, 1),
            calibration: None,
        }
    }

    fn change(likely: f64) -> Change {
        Change {
            title: " Gift cards ".into(),
            estimate: Estimate::three(likely / 2.0, likely, likely * 2.0),
            category: None,
        }
    }

    #[test]
    fn the_change_is_a_new_must_item_named_like_an_accepted_change() {
        let brief = crate::review_brief(BRIEF, None, None).brief.unwrap();
        let with = with_change(&brief, &change(4.0));
        let last = with.items.last().unwrap();
        assert_eq!(last.id.value, "change-2");
        assert_eq!(last.priority(), Priority::Must);
        assert_eq!(with.items.len(), brief.items.len() + 1);
    }

    #[test]
    fn a_change_costs_at_least_its_likely_hours_and_never_brings_delivery_forward() {
        let brief = crate::review_brief(BRIEF, None, None).brief.unwrap();
        let small = price_change(&brief, &change(4.0), &settings()).unwrap();
        let big = price_change(&brief, &change(40.0), &settings()).unwrap();
        assert_eq!(small.title, "Gift cards");
        assert!(small.added >= 4.0 * 800.0, "{}", small.added);
        assert!(big.added > small.added);
        assert!(small.finish_after >= small.finish_before);
        assert!(big.finish_after >= small.finish_after);
        // Common random numbers: the scope without the change prices the same either way.
        assert_eq!(small.price_before, big.price_before);
        assert_eq!(small.valid_until, date(2026, 3, 31));
    }
}
