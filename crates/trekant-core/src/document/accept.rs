//! The client said yes: which option they took, priced as the proposal prices it (firm,
//! rounded, split over the items), as the offer to record and the scope to track. One
//! function for every front end (`trekant accept` and the web app's accept button); the
//! caller records the result in its store.

use jiff::civil::Date;

use crate::brief::Brief;
use crate::document::proposal::offer_number;
use crate::forecast::options::{Kind, Offer, Options};
use crate::forecast::price::{self, Priced};
use crate::tracking::{AcceptedOffer, OfferItem, TrackedItem};

/// The four kinds, with their names in options JSON.
pub const KINDS: [(Kind, &str); 4] = [
    (Kind::FullScopeByDeadline, "full-scope-by-deadline"),
    (Kind::FullScopeNormalPace, "full-scope-normal-pace"),
    (Kind::FitBudgetAndDeadline, "fit-budget-and-deadline"),
    (Kind::Recommended, "recommended"),
];

/// A kind's name as options JSON writes it.
pub fn kind_name(kind: Kind) -> &'static str {
    KINDS
        .iter()
        .find(|(k, _)| *k == kind)
        .map_or("recommended", |(_, name)| name)
}

/// The kind an options-JSON name stands for.
pub fn kind_from_name(name: &str) -> Option<Kind> {
    KINDS.iter().find(|(_, n)| *n == name).map(|(k, _)| *k)
}

/// What accepting records: the offer with its number and prices, and the scope to track.
#[derive(Clone, Debug)]
pub struct Acceptance {
    pub offer: AcceptedOffer,
    /// The delivered items with the estimate of the form delivered.
    pub items: Vec<TrackedItem>,
    pub priced: Priced,
    /// The option taken, as the options showed it.
    pub chosen: Offer,
}

/// Why an option cannot be accepted.
#[derive(Clone, Debug, PartialEq)]
pub enum Refusal {
    /// The brief has no `project.name` to track the work under.
    NoName,
    /// The options have no option of that kind.
    NoSuchOption,
    /// The option does not hold at the confidence, or holds no items (`empty`); `others` are
    /// the kinds that could be accepted.
    Unacceptable {
        chosen: Box<Offer>,
        empty: bool,
        others: Vec<Kind>,
    },
}

impl Refusal {
    /// The catalog message of an unacceptable option: `accept-empty` or `accept-infeasible`.
    pub fn message_id(empty: bool) -> &'static str {
        if empty {
            "accept-empty"
        } else {
            "accept-infeasible"
        }
    }
}

/// Accepts the option of `kind` among `all` (the options of `brief`) on `day`. `recorded` are
/// the numbers of the offers already in the store (`None` without one), `file_stem` the
/// brief's file name without `.toml`: together they number the offer as its proposal was.
pub fn accept(
    brief: &Brief,
    all: &Options,
    kind: Kind,
    day: Date,
    recorded: Option<&[String]>,
    file_stem: &str,
) -> Result<Acceptance, Refusal> {
    let name = brief
        .project
        .name
        .as_ref()
        .map(|n| n.value.clone())
        .ok_or(Refusal::NoName)?;
    let offer = all
        .options
        .iter()
        .find(|o| o.kind == kind)
        .ok_or(Refusal::NoSuchOption)?;
    if !offer.feasible || offer.items.is_empty() {
        let others = all
            .options
            .iter()
            .filter(|o| o.feasible && !o.items.is_empty())
            .map(|o| o.kind)
            .collect();
        return Err(Refusal::Unacceptable {
            chosen: Box::new(offer.clone()),
            empty: offer.items.is_empty(),
            others,
        });
    }
    let start = brief
        .project
        .start
        .as_ref()
        .map_or(day, |s| s.value.max(day));
    let priced = price::price(brief, offer, start);
    let number = offer_number(day.year(), recorded, file_stem);
    let accepted = AcceptedOffer {
        number,
        brief: name,
        option: kind_name(kind).to_string(),
        items: priced
            .items
            .iter()
            .map(|i| OfferItem {
                item: i.id.clone(),
                price: i.amount as f64,
            })
            .collect(),
        total: priced.headline as f64,
        delivery: offer.finish,
        accepted: day,
    };
    Ok(Acceptance {
        offer: accepted,
        items: tracked_items(brief, offer),
        priced,
        chosen: offer.clone(),
    })
}

/// The offer's items as tracked: each with the estimate of the form delivered (its cheaper
/// alternative where the offer swapped it in).
pub fn tracked_items(brief: &Brief, offer: &Offer) -> Vec<TrackedItem> {
    offer
        .items
        .iter()
        .filter_map(|id| {
            let item = brief.item(id)?;
            let mut tracked = TrackedItem::from_brief_item(item);
            if offer.swapped.contains(id)
                && let Some(alt) = &item.alternative
            {
                let e = alt.estimate.value;
                (tracked.low, tracked.likely, tracked.high) = if e.point {
                    (None, e.likely, None)
                } else {
                    (Some(e.low), e.likely, Some(e.high))
                };
                if let Some(title) = &alt.title {
                    tracked.title = Some(title.value.clone());
                }
            }
            Some(tracked)
        })
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn every_kind_name_is_the_name_options_json_writes() {
        for (kind, name) in KINDS {
            assert_eq!(serde_json::to_value(kind).unwrap(), name);
            assert_eq!(kind_from_name(name), Some(kind));
            assert_eq!(kind_name(kind), name);
        }
        assert_eq!(kind_from_name("full"), None);
    }
}
