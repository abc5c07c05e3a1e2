//! A client's new wish priced against the triangle: the scope is simulated with and without
//! the change on the same random numbers, and the difference at the confidence is the price
//! of the change, with the new delivery date and verdict. Pure: a brief, a change and the
//! settings in, a [`PricedChange`] out; the change order renders it
//! (`document::change_order`).

use jiff::civil::Date;

use serde::Serialize;

use crate::brief::{Brief, Customer, Estimate, Item, Priority};
use crate::forecast::estimate::{self, EstimateError, Report, Settings};
use crate::forecast::price::Amounts;
use crate::span::Spanned;
use crate::tracking::{AcceptedOffer, TrackedItem, change_item_id};

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

/// What the change order states, in whole currency units on the offer's basis (ex. VAT for a
/// business, incl. VAT for a consumer): the price the client accepted, the change's firm
/// price, the new total, and the delivery date before and after.
#[derive(Clone, Debug, PartialEq, Serialize)]
pub struct Figures {
    pub customer: Customer,
    /// The accepted offer's number, when the price comes from one.
    pub offer_number: Option<String>,
    /// The accepted price: the accepted offer's total, else the scope's firm price now.
    pub accepted: i64,
    /// The change at the confidence, rounded up like the offer's prices.
    pub change: Amounts,
    /// `accepted` plus the change's price on the same basis.
    pub new_total: i64,
    pub delivery_before: Date,
    pub delivery_after: Date,
}

/// The figures of `priced` against the offer the client accepted, when there is one: its
/// total is the price the client agreed to, and its delivery date moves by as many days as
/// the change moves the simulated finish. Without one, the scope's own firm price and
/// finish stand in for them.
pub fn figures(priced: &PricedChange, brief: &Brief, accepted: Option<&AcceptedOffer>) -> Figures {
    let customer = brief.customer();
    let firm = |cost: f64| Amounts::firm(cost, brief.vat(), brief.round_to(), customer);
    let change = firm(priced.added);
    let (offer_number, accepted_price, delivery_before) = match accepted {
        Some(offer) => (
            Some(offer.number.clone()),
            offer.total.round() as i64,
            offer.delivery,
        ),
        None => (
            None,
            firm(priced.price_before).headline(customer),
            priced.finish_before,
        ),
    };
    let moved = (priced.finish_after - priced.finish_before).get_days();
    let delivery_after = delivery_before
        .checked_add(jiff::Span::new().days(i64::from(moved.max(0))))
        .unwrap_or(priced.finish_after);
    Figures {
        customer,
        offer_number,
        accepted: accepted_price,
        change,
        new_total: accepted_price + change.headline(customer),
        delivery_before,
        delivery_after,
    }
}

/// The brief cut to the scope being worked on (a tracked project's items): the brief's items
/// that are tracked keep their place with the tracked estimate (a swapped-in alternative's,
/// say), the others become `wont`, and tracked items the brief lacks (accepted changes) are
/// added as must-haves. A change is then priced against what was sold, not the whole wish.
pub fn scope_of(brief: &Brief, tracked: &[TrackedItem]) -> Brief {
    let mut scope = brief.clone();
    let estimate_of = |t: &TrackedItem| match (t.low, t.high) {
        (Some(low), Some(high)) => Estimate::three(low, t.likely, high),
        _ => Estimate::point(t.likely),
    };
    for item in &mut scope.items {
        match tracked.iter().find(|t| t.item == item.id.value) {
            Some(t) => item.estimate = Spanned::new(estimate_of(t), item.estimate.span.clone()),
            None => item.priority = Some(Spanned::new(Priority::Wont, 0..0)),
        }
    }
    for t in tracked {
        if brief.item(&t.item).is_none() {
            let change = Change {
                title: t.title.clone().unwrap_or_else(|| t.item.clone()),
                estimate: estimate_of(t),
                category: t.category.clone(),
            };
            scope.items.push(new_item(t.item.clone(), &change));
        }
    }
    scope
}

/// The brief with the change as one more must-have item, named as an accepted change is
/// named in the tracked project ([`change_item_id`]). It goes last, so every other item and
/// risk keeps its random stream.
pub(crate) fn with_change(brief: &Brief, change: &Change) -> Brief {
    let mut with = brief.clone();
    let id = change_item_id(|id| brief.item(id).is_some());
    with.items.push(new_item(id, change));
    with
}

/// A must-have item made of a change.
fn new_item(id: String, change: &Change) -> Item {
    let spanned = |v| Spanned::new(v, 0..0);
    Item {
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
    }
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

    #[test]
    fn the_change_is_measured_against_the_accepted_offer() {
        let brief = crate::review_brief(BRIEF, None, None).brief.unwrap();
        let priced = price_change(&brief, &change(6.0), &settings()).unwrap();
        let alone = figures(&priced, &brief, None);
        // DKK to a business: rounded up to 500, ex. VAT, moms 25 % on top.
        assert_eq!(alone.change.ex_vat % 500, 0);
        assert!(alone.change.ex_vat as f64 >= priced.added);
        assert_eq!(alone.change.vat, alone.change.ex_vat / 4);
        assert_eq!(alone.accepted % 500, 0);
        assert_eq!(alone.delivery_before, priced.finish_before);
        let offer = AcceptedOffer {
            number: "2026-4".into(),
            brief: "Collide".into(),
            option: "recommended".into(),
            items: Vec::new(),
            total: 30_000.0,
            delivery: date(2026, 5, 1),
            accepted: date(2026, 3, 1),
        };
        let against = figures(&priced, &brief, Some(&offer));
        assert_eq!(against.offer_number.as_deref(), Some("2026-4"));
        assert_eq!(against.accepted, 30_000);
        assert_eq!(against.new_total, 30_000 + against.change.ex_vat);
        let moved = (priced.finish_after - priced.finish_before).get_days();
        assert_eq!((against.delivery_after - offer.delivery).get_days(), moved);
    }

    #[test]
    fn the_scope_is_what_was_tracked() {
        let brief = crate::review_brief(BRIEF, None, None).brief.unwrap();
        let tracked = vec![
            TrackedItem {
                item: "build".into(),
                title: None,
                category: None,
                low: Some(5.0),
                likely: 8.0,
                high: Some(12.0),
            },
            TrackedItem {
                item: "change-9".into(),
                title: Some("Gift cards".into()),
                category: None,
                low: None,
                likely: 4.0,
                high: None,
            },
        ];
        let scope = scope_of(&brief, &tracked);
        let first = scope.item("change-1").unwrap();
        assert_eq!(first.priority(), Priority::Wont);
        let build = scope.item("build").unwrap();
        assert_eq!(build.estimate.value.values(), [5.0, 8.0, 12.0]);
        let added = scope.item("change-9").unwrap();
        assert_eq!(added.priority(), Priority::Must);
        assert!(added.estimate.value.point);
        assert_eq!(added.label(), "Gift cards");
    }
}
