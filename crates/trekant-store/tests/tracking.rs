//! Tracking a project from accepted scope to closed history. Generic over the store;
//! `suite.rs` runs every function against every backend.

use jiff::civil::{Date, date};
use trekant_store::{ChangeRequest, LogEntry, Store, StoreError, TrackedItem, Unfinished};

fn item(id: &str, likely: f64, category: Option<&str>) -> TrackedItem {
    TrackedItem {
        item: id.into(),
        title: Some(format!("The {id}")),
        category: category.map(str::to_string),
        low: Some(likely / 2.0),
        likely,
        high: Some(likely * 2.0),
    }
}

const START: Date = date(2027, 1, 4);

fn started<S: Store>(new: impl Fn() -> S) -> S {
    let mut store = new();
    store
        .track_start(
            "Kaffe Nord",
            &[
                item("design", 10.0, Some("design")),
                item("shop", 40.0, Some("development")),
                item("copy", 5.0, None),
            ],
            START,
        )
        .unwrap();
    store
}

pub fn from_scope_to_history<S: Store>(new: impl Fn() -> S) {
    let mut store = started(&new);
    store
        .track_log(
            "Kaffe Nord",
            "design",
            6.0,
            date(2027, 1, 5),
            Some("sketches"),
        )
        .unwrap();
    store
        .track_log("Kaffe Nord", "design", 5.5, date(2027, 1, 7), None)
        .unwrap();
    store
        .track_log("Kaffe Nord", "shop", 20.0, date(2027, 1, 12), None)
        .unwrap();
    let status = store.track_status("Kaffe Nord").unwrap();
    assert_eq!(status.started, START);
    assert_eq!(status.items.len(), 3);
    assert_eq!(status.items[0].logged, 11.5);
    assert_eq!(status.items[0].entries, 2);
    assert_eq!(status.items[0].last_logged, Some(date(2027, 1, 7)));
    assert_eq!(status.items[2].logged, 0.0);
    assert_eq!((status.logged(), status.likely()), (31.5, 55.0));

    // Nothing is done yet: closing refuses, lists the unfinished items and closes nothing.
    match store.track_close("Kaffe Nord", date(2027, 2, 1)) {
        Err(StoreError::Unfinished { items, .. }) => assert_eq!(items, ["design", "shop", "copy"]),
        other => panic!("{other:?}"),
    }
    assert_eq!(store.open_projects().unwrap(), ["Kaffe Nord"]);
    assert_eq!(store.history_len().unwrap(), 0);
    store
        .track_done("Kaffe Nord", "design", date(2027, 1, 7))
        .unwrap();
    store
        .track_done("Kaffe Nord", "copy", date(2027, 1, 8))
        .unwrap();
    let status = store.track_status("Kaffe Nord").unwrap();
    let done: Vec<Option<Date>> = status.items.iter().map(|i| i.done).collect();
    assert_eq!(done, [Some(date(2027, 1, 7)), None, Some(date(2027, 1, 8))]);
    // The shop is half built: its 20 hours are not what it took, so it is left out.
    let report = store
        .track_close_unfinished("Kaffe Nord", date(2027, 2, 1), Unfinished::Drop)
        .unwrap();
    assert_eq!(report.moved, 1);
    assert_eq!(report.dropped, ["shop"]);
    assert_eq!(report.without_hours, ["copy"]);
    let history = store.export_history().unwrap();
    assert_eq!(history.len(), 1);
    let design = history.iter().find(|r| r.item == "design").unwrap();
    assert_eq!(
        (design.likely, design.actual, design.finished),
        (10.0, 11.5, date(2027, 1, 7))
    );
    assert_eq!(design.category.as_deref(), Some("design"));
    assert_eq!((design.low, design.high), (Some(5.0), Some(20.0)));
    // Closed: no longer tracked, and its name can be tracked anew.
    assert!(matches!(
        store.track_status("Kaffe Nord"),
        Err(StoreError::NoSuchProject(_))
    ));
    assert!(store.open_projects().unwrap().is_empty());
    store
        .track_start(
            "Kaffe Nord",
            &[item("phase-2", 8.0, None)],
            date(2027, 3, 1),
        )
        .unwrap();
    assert_eq!(
        store.open_projects().unwrap(),
        vec!["Kaffe Nord".to_string()]
    );
}

pub fn accepted_changes_become_tracked_items_and_show_the_creep<S: Store>(new: impl Fn() -> S) {
    let mut store = started(&new);
    let change = |title: &str, accepted| ChangeRequest {
        title: title.into(),
        category: Some("development".into()),
        low: Some(4.0),
        likely: 6.0,
        high: Some(12.0),
        price: Some(5100.0),
        accepted,
        recorded: date(2027, 1, 20),
    };
    assert_eq!(
        store
            .record_change("Kaffe Nord", &change("Gift cards", true))
            .unwrap(),
        Some("change-1".into())
    );
    assert_eq!(
        store
            .record_change("Kaffe Nord", &change("Blog", false))
            .unwrap(),
        None
    );
    assert_eq!(
        store
            .record_change("Kaffe Nord", &change("Newsletter", true))
            .unwrap(),
        Some("change-2".into())
    );
    store
        .track_log("Kaffe Nord", "change-1", 7.0, date(2027, 1, 22), None)
        .unwrap();
    let status = store.track_status("Kaffe Nord").unwrap();
    assert_eq!(status.changes.len(), 3);
    assert_eq!(status.crept(), 12.0);
    let gift = status.items.iter().find(|i| i.item == "change-1").unwrap();
    assert!(gift.from_change);
    assert_eq!(gift.title.as_deref(), Some("Gift cards"));
    assert_eq!(gift.logged, 7.0);
}

pub fn mistakes_are_refused_with_a_reason<S: Store>(new: impl Fn() -> S) {
    let mut store = started(&new);
    let err = store
        .track_start("Kaffe Nord", &[item("x", 1.0, None)], START)
        .unwrap_err();
    assert!(matches!(err, StoreError::ProjectOpen(_)), "{err}");
    let err = store
        .track_log("Kaffe Nord", "checkout", 1.0, START, None)
        .unwrap_err();
    assert_eq!(
        err.to_string(),
        "project `Kaffe Nord` has no item `checkout`"
    );
    let err = store
        .track_log("Kaffe Syd", "shop", 1.0, START, None)
        .unwrap_err();
    assert_eq!(err.to_string(), "no open project named `Kaffe Syd`");
    assert!(
        store
            .track_log("Kaffe Nord", "shop", -1.0, START, None)
            .is_err()
    );
    assert!(
        store
            .track_log("Kaffe Nord", "shop", f64::NAN, START, None)
            .is_err()
    );
    let mut bad = item("y", 4.0, None);
    bad.low = Some(5.0);
    assert!(store.track_start("Other", &[bad], START).is_err());
    assert!(
        store
            .track_start(
                "Other",
                &[item("a", 1.0, None), item("a", 2.0, None)],
                START
            )
            .is_err()
    );
    assert!(store.open_projects().unwrap() == vec!["Kaffe Nord".to_string()]);
}

pub fn a_batch_of_entries_is_all_or_nothing<S: Store>(new: impl Fn() -> S) {
    use trekant_store::LogEntry;
    let mut store = started(&new);
    let entry = |item: &str| LogEntry {
        item: item.into(),
        hours: 2.0,
        day: date(2027, 1, 6),
        note: None,
    };
    assert!(
        store
            .track_log_many("Kaffe Nord", &[entry("shop"), entry("nope")])
            .is_err()
    );
    assert_eq!(store.track_status("Kaffe Nord").unwrap().logged(), 0.0);
    assert_eq!(
        store
            .track_log_many("Kaffe Nord", &[entry("shop"), entry("design")])
            .unwrap(),
        2
    );
    assert_eq!(store.track_status("Kaffe Nord").unwrap().logged(), 4.0);
}

/// Defect 5: `change-2` is a legal item id, and accepted changes used to be numbered by
/// counting, so the second accepted change collided with it (a raw UNIQUE error).
pub fn accepted_changes_never_take_an_items_id<S: Store>(new: impl Fn() -> S) {
    let mut store = new();
    store
        .track_start(
            "Kaffe Nord",
            &[item("change-2", 4.0, None), item("change-3", 4.0, None)],
            START,
        )
        .unwrap();
    let change = |title: &str| ChangeRequest {
        title: title.into(),
        category: None,
        low: None,
        likely: 3.0,
        high: None,
        price: Some(1000.0),
        accepted: true,
        recorded: date(2027, 1, 20),
    };
    let ids: Vec<String> = ["Gift cards", "Newsletter", "Blog"]
        .iter()
        .map(|t| {
            store
                .record_change("Kaffe Nord", &change(t))
                .unwrap()
                .unwrap()
        })
        .collect();
    assert_eq!(ids, ["change-1", "change-4", "change-5"]);
    let status = store.track_status("Kaffe Nord").unwrap();
    assert_eq!(status.items.len(), 5);
    let from_change: Vec<&str> = status
        .items
        .iter()
        .filter(|i| i.from_change)
        .map(|i| i.item.as_str())
        .collect();
    assert_eq!(from_change, ["change-1", "change-4", "change-5"]);
}

pub fn entries_are_capped_and_not_before_the_start<S: Store>(new: impl Fn() -> S) {
    let mut store = started(&new);
    let before = store
        .track_log("Kaffe Nord", "shop", 2.0, date(2027, 1, 3), None)
        .unwrap_err();
    assert!(
        before.to_string().contains("before the project started"),
        "{before}"
    );
    for hours in [24.5, 4294967295.0, f64::INFINITY] {
        assert!(matches!(
            store.track_log("Kaffe Nord", "shop", hours, START, None),
            Err(StoreError::Invalid(_))
        ));
    }
    store
        .track_log("Kaffe Nord", "shop", 24.0, START, None)
        .unwrap();
    assert_eq!(store.track_status("Kaffe Nord").unwrap().logged(), 24.0);
    assert!(
        store
            .track_close("Kaffe Nord", date(2027, 1, 1))
            .unwrap_err()
            .to_string()
            .contains("before it started")
    );
}

pub fn accepted_offers_are_kept_by_number<S: Store>(new: impl Fn() -> S) {
    use trekant_store::{AcceptedOffer, OfferItem};
    let mut store = new();
    assert!(store.offers().unwrap().is_empty());
    let offer = |number: &str, total: f64| AcceptedOffer {
        number: number.into(),
        brief: "Kaffe Nord".into(),
        option: "full".into(),
        items: vec![
            OfferItem {
                item: "design".into(),
                price: total * 0.25,
            },
            OfferItem {
                item: "shop".into(),
                price: total * 0.75,
            },
        ],
        total,
        delivery: date(2027, 3, 1),
        accepted: date(2027, 1, 10),
    };
    store.record_offer(&offer("2027-001", 40_000.0)).unwrap();
    store.record_offer(&offer("2027-002", 8_000.0)).unwrap();
    assert!(matches!(
        store.record_offer(&offer("2027-001", 1.0)),
        Err(StoreError::OfferExists(n)) if n == "2027-001"
    ));
    assert!(matches!(
        store.record_offer(&offer("2027-003", f64::NAN)),
        Err(StoreError::Invalid(_))
    ));
    assert_eq!(
        store.offers().unwrap(),
        vec![offer("2027-001", 40_000.0), offer("2027-002", 8_000.0)]
    );
    assert_eq!(
        store.offer("2027-002").unwrap(),
        Some(offer("2027-002", 8_000.0))
    );
    assert_eq!(store.offer("nope").unwrap(), None);
}

/// Whatever the store holds, its owner is the one it was opened for.
pub fn rows_belong_to_the_stores_owner<S: Store>(new: impl Fn() -> S) {
    let store = started(&new);
    assert_eq!(store.owner(), trekant_store::LOCAL_OWNER);
}

pub fn unfinished_items_go_into_the_history_only_when_told<S: Store>(new: impl Fn() -> S) {
    let mut store = started(&new);
    store
        .track_log("Kaffe Nord", "design", 12.0, date(2027, 1, 5), None)
        .unwrap();
    store
        .track_log("Kaffe Nord", "shop", 7.5, date(2027, 1, 6), None)
        .unwrap();
    // Marking done again moves the day; an unknown item or a day before the start is refused.
    store
        .track_done("Kaffe Nord", "design", date(2027, 1, 5))
        .unwrap();
    store
        .track_done("Kaffe Nord", "design", date(2027, 1, 9))
        .unwrap();
    assert!(matches!(
        store.track_done("Kaffe Nord", "logo", date(2027, 1, 9)),
        Err(StoreError::NoSuchItem { .. })
    ));
    assert!(matches!(
        store.track_done("Kaffe Nord", "shop", date(2027, 1, 1)),
        Err(StoreError::Invalid(_))
    ));
    assert!(matches!(
        store.track_done("Elsewhere", "shop", date(2027, 1, 9)),
        Err(StoreError::NoSuchProject(_))
    ));
    match store.track_close("Kaffe Nord", date(2027, 1, 20)) {
        Err(StoreError::Unfinished { items, .. }) => assert_eq!(items, ["shop", "copy"]),
        other => panic!("{other:?}"),
    }
    let report = store
        .track_close_unfinished("Kaffe Nord", date(2027, 1, 20), Unfinished::Finish)
        .unwrap();
    assert_eq!(report.moved, 2);
    assert_eq!(report.finished_at_close, ["shop"]);
    assert_eq!(report.without_hours, ["copy"]);
    let history = store.export_history().unwrap();
    let finished: Vec<(&str, f64, Date)> = history
        .iter()
        .map(|r| (r.item.as_str(), r.actual, r.finished))
        .collect();
    assert_eq!(
        finished,
        [
            ("design", 12.0, date(2027, 1, 9)),
            ("shop", 7.5, date(2027, 1, 20))
        ]
    );
}

/// A client that lost the answer to a log sends it again with the same idempotency key: it
/// counts once. The same key for another entry is refused, and a log that failed used no key.
pub fn a_keyed_log_counts_once<S: Store>(new: impl Fn() -> S) {
    let mut store = started(&new);
    let entry = |item: &str, hours: f64| LogEntry {
        item: item.into(),
        hours,
        day: date(2027, 1, 5),
        note: Some("retried".into()),
    };
    let first = store
        .track_log_keyed("Kaffe Nord", &entry("design", 3.0), "key-1")
        .unwrap();
    assert_eq!(
        (first.entry.clone(), first.repeated),
        (entry("design", 3.0), false)
    );
    let again = store
        .track_log_keyed("Kaffe Nord", &entry("design", 3.0), "key-1")
        .unwrap();
    assert_eq!((again.entry, again.repeated), (entry("design", 3.0), true));
    for other in [entry("design", 4.0), entry("shop", 3.0)] {
        assert!(matches!(
            store.track_log_keyed("Kaffe Nord", &other, "key-1"),
            Err(StoreError::KeyReused(key)) if key == "key-1"
        ));
    }
    let logged = |store: &S| store.track_status("Kaffe Nord").unwrap().logged();
    assert_eq!(logged(&store), 3.0);
    // A new key is a new entry, even for the same hours.
    store
        .track_log_keyed("Kaffe Nord", &entry("design", 3.0), "key-2")
        .unwrap();
    assert_eq!(logged(&store), 6.0);
    // A refused log keeps no key: the corrected entry may use it.
    assert!(matches!(
        store.track_log_keyed("Kaffe Nord", &entry("logo", 1.0), "key-3"),
        Err(StoreError::NoSuchItem { .. })
    ));
    assert!(
        !store
            .track_log_keyed("Kaffe Nord", &entry("copy", 1.0), "key-3")
            .unwrap()
            .repeated
    );
    assert!(matches!(
        store.track_log_keyed("Kaffe Nord", &entry("copy", 1.0), "  "),
        Err(StoreError::Invalid(_))
    ));
    assert_eq!(logged(&store), 7.0);
    // The key's entry is still found once the project is closed.
    store
        .track_close_unfinished("Kaffe Nord", date(2027, 1, 20), Unfinished::Drop)
        .unwrap();
    assert!(matches!(
        store.track_log_keyed("Kaffe Nord", &entry("design", 3.0), "key-1"),
        Ok(trekant_store::KeyedLog { repeated: true, .. })
    ));
}
