//! The values a store keeps besides the history: projects being tracked (their accepted scope,
//! the hours logged, the change requests) and accepted offers. Plain data and the rules every
//! store and front end share (how an accepted change is named, what an entry of hours may be);
//! no storage here. `trekant-store` keeps them, in SQLite today.

use jiff::civil::Date;
use serde::Serialize;

use crate::brief::Item;

/// The owner of the rows a single-user front end (the CLI) writes.
pub const LOCAL_OWNER: &str = "local";

/// The most hours one entry may log: one day.
pub const MAX_HOURS_PER_ENTRY: f64 = 24.0;

/// One item of accepted scope, with its estimate in hours.
#[derive(Clone, Debug, PartialEq, Serialize)]
pub struct TrackedItem {
    /// The item's id in the brief (`[a-z0-9-]+`), or any unique name.
    pub item: String,
    pub title: Option<String>,
    pub category: Option<String>,
    pub low: Option<f64>,
    pub likely: f64,
    pub high: Option<f64>,
}

impl TrackedItem {
    /// The item as a brief describes it; a single-number estimate has no low or high.
    pub fn from_brief_item(item: &Item) -> Self {
        let estimate = &item.estimate.value;
        let (low, high) = if estimate.point {
            (None, None)
        } else {
            (Some(estimate.low), Some(estimate.high))
        };
        Self {
            item: item.id.value.clone(),
            title: item.title.as_ref().map(|t| t.value.clone()),
            category: item.category.as_ref().map(|c| c.value.clone()),
            low,
            likely: estimate.likely,
            high,
        }
    }
}

/// Hours worked on one item on one day.
#[derive(Clone, Debug, PartialEq, Serialize)]
pub struct LogEntry {
    pub item: String,
    pub hours: f64,
    pub day: Date,
    pub note: Option<String>,
}

/// A client's wish for more (or different) scope, priced against the triangle.
#[derive(Clone, Debug, PartialEq, Serialize)]
pub struct ChangeRequest {
    pub title: String,
    pub category: Option<String>,
    pub low: Option<f64>,
    pub likely: f64,
    pub high: Option<f64>,
    /// The price quoted for it, in the project currency.
    pub price: Option<f64>,
    pub accepted: bool,
    pub recorded: Date,
}

/// Hours used on one item against its estimate.
#[derive(Clone, Debug, PartialEq, Serialize)]
pub struct ItemStatus {
    pub item: String,
    pub title: Option<String>,
    pub category: Option<String>,
    pub low: Option<f64>,
    pub likely: f64,
    pub high: Option<f64>,
    /// Hours logged so far.
    pub logged: f64,
    pub entries: usize,
    pub last_logged: Option<Date>,
    /// Whether the item came in through an accepted change request.
    pub from_change: bool,
    /// The day the item was marked finished (`trekant track done`); `None` while work goes on.
    pub done: Option<Date>,
}

/// Where a tracked project stands.
#[derive(Clone, Debug, PartialEq, Serialize)]
pub struct ProjectStatus {
    pub name: String,
    pub started: Date,
    pub items: Vec<ItemStatus>,
    /// Every change request recorded, accepted or not, oldest first.
    pub changes: Vec<ChangeRequest>,
}

impl ProjectStatus {
    pub fn logged(&self) -> f64 {
        self.items.iter().map(|i| i.logged).sum()
    }

    pub fn likely(&self) -> f64 {
        self.items.iter().map(|i| i.likely).sum()
    }

    /// Likely hours added by accepted change requests: how much the scope crept.
    pub fn crept(&self) -> f64 {
        self.changes
            .iter()
            .filter(|c| c.accepted)
            .map(|c| c.likely)
            .sum()
    }
}

/// What closing a project did.
#[derive(Clone, Debug, Default, PartialEq, Serialize)]
pub struct CloseReport {
    /// Items moved into the history with their logged hours as the actual.
    pub moved: usize,
    /// Items already in the history (the same project, item and day).
    pub already_in_history: usize,
    /// Items with no hours logged, left out of the history: nothing says what they took.
    pub without_hours: Vec<String>,
    /// Unfinished items left out of the history ([`Unfinished::Drop`]).
    pub dropped: Vec<String>,
    /// Unfinished items recorded as finished on the closing day ([`Unfinished::Finish`]).
    pub finished_at_close: Vec<String>,
}

/// What closing a project does with items not marked done. An unfinished item's hours are
/// not what the item took, so by default closing refuses rather than teach the calibration
/// that work is faster than it is.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub enum Unfinished {
    /// Close nothing while any item is unfinished.
    #[default]
    Refuse,
    /// Leave unfinished items out of the history.
    Drop,
    /// Record unfinished items as finished on the closing day, with the hours logged.
    Finish,
}

/// What a history import did.
#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize)]
pub struct ImportReport {
    /// Tasks new to the history.
    pub inserted: usize,
    /// Tasks already there (same project, item and finished date), left as they were.
    pub already_present: usize,
    /// Lines of the file whose task was already there with other values (a corrected
    /// actual, say): left as the history has them, and listed so the user can see it.
    pub differing: Vec<u64>,
    /// Bad rows of the file that were skipped (only with `skip_bad`).
    pub skipped_bad: usize,
}

/// An offer the client accepted: what was sold, at what price, for delivery when.
#[derive(Clone, Debug, PartialEq, Serialize)]
pub struct AcceptedOffer {
    /// The offer's number as printed on it (unique per owner).
    pub number: String,
    /// The brief's project name.
    pub brief: String,
    /// Which option the client took (e.g. `full`, `fixed-deadline`).
    pub option: String,
    /// The items in scope with their prices, in the offer's order.
    pub items: Vec<OfferItem>,
    pub total: f64,
    pub delivery: Date,
    /// The day the offer was accepted.
    pub accepted: Date,
}

/// One item of an accepted offer.
#[derive(Clone, Debug, PartialEq, Serialize)]
pub struct OfferItem {
    pub item: String,
    pub price: f64,
}

/// The id an accepted change gets as an item of its project: `change-1`, `change-2`, … the
/// first one that `taken` says is free. Every front end and store names changes by this one
/// rule, so a change can never take the id of an item (`change-2` is a legal item id).
pub fn change_item_id(taken: impl Fn(&str) -> bool) -> String {
    (1u64..)
        .map(|n| format!("change-{n}"))
        .find(|id| !taken(id))
        .unwrap_or_else(|| "change".to_string())
}

/// Why an entry of hours cannot be logged.
#[derive(Clone, Debug, PartialEq, thiserror::Error)]
pub enum EntryError {
    #[error("hours logged on `{item}` must be more than 0 and at most 24 (one day), found {hours}")]
    Hours { item: String, hours: f64 },
    #[error("`{item}` is logged on {day}, before the project started on {started}")]
    BeforeStart {
        item: String,
        day: Date,
        started: Date,
    },
    #[error("`{item}` is logged on {day}, after today ({today}): a typo in the date?")]
    Future {
        item: String,
        day: Date,
        today: Date,
    },
}

impl EntryError {
    /// Why the entry is refused, in words from the catalogs (`Display` is the English).
    pub fn message(&self) -> crate::messages::Message {
        match self {
            EntryError::Hours { item, hours } => {
                crate::msg!("entry-hours", item = item, hours = hours.to_string())
            }
            EntryError::BeforeStart { item, day, started } => crate::msg!(
                "entry-before-start",
                item = item,
                day = day.to_string(),
                started = started.to_string()
            ),
            EntryError::Future { item, day, today } => crate::msg!(
                "entry-future",
                item = item,
                day = day.to_string(),
                today = today.to_string()
            ),
        }
    }
}

/// The rule for one entry of hours, the same for `track log` and a timesheet import: more
/// than 0 and at most [`MAX_HOURS_PER_ENTRY`] hours, on a day from the project's start up
/// to `today` (when given).
pub fn check_entry(entry: &LogEntry, started: Date, today: Option<Date>) -> Result<(), EntryError> {
    if !(entry.hours.is_finite() && entry.hours > 0.0 && entry.hours <= MAX_HOURS_PER_ENTRY) {
        return Err(EntryError::Hours {
            item: entry.item.clone(),
            hours: entry.hours,
        });
    }
    if entry.day < started {
        return Err(EntryError::BeforeStart {
            item: entry.item.clone(),
            day: entry.day,
            started,
        });
    }
    if let Some(today) = today
        && entry.day > today
    {
        return Err(EntryError::Future {
            item: entry.item.clone(),
            day: entry.day,
            today,
        });
    }
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::*;
    use jiff::civil::date;

    #[test]
    fn a_change_takes_the_first_free_number() {
        assert_eq!(change_item_id(|_| false), "change-1");
        let items = ["change-1", "change-2", "change-4"];
        assert_eq!(change_item_id(|id| items.contains(&id)), "change-3");
    }

    #[test]
    fn entries_are_capped_and_dated_within_the_project() {
        let entry = |hours, day| LogEntry {
            item: "a".into(),
            hours,
            day,
            note: None,
        };
        let start = date(2026, 3, 1);
        let today = Some(date(2026, 3, 10));
        assert!(check_entry(&entry(24.0, date(2026, 3, 1)), start, today).is_ok());
        for hours in [0.0, -1.0, 24.5, f64::NAN, f64::INFINITY, 4294967295.0] {
            assert!(matches!(
                check_entry(&entry(hours, start), start, today),
                Err(EntryError::Hours { .. })
            ));
        }
        assert!(matches!(
            check_entry(&entry(1.0, date(2026, 2, 28)), start, today),
            Err(EntryError::BeforeStart { .. })
        ));
        assert!(matches!(
            check_entry(&entry(1.0, date(9999, 12, 31)), start, today),
            Err(EntryError::Future { .. })
        ));
        assert!(check_entry(&entry(1.0, date(9999, 12, 31)), start, None).is_ok());
    }
}
