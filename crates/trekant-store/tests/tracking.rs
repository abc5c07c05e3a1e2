//! Tracking a project from accepted scope to closed history.

use jiff::civil::{Date, date};
use trekant_store::{ChangeRequest, Store, StoreError, TrackedItem};

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

fn started() -> Store {
    let mut store = Store::in_memory().unwrap();
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

#[test]
fn from_scope_to_history() {
    let mut store = started();
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

    let report = store.track_close("Kaffe Nord", date(2027, 2, 1)).unwrap();
    assert_eq!(report.moved, 2);
    assert_eq!(report.without_hours, vec!["copy".to_string()]);
    let history = store.export_history().unwrap();
    assert_eq!(history.len(), 2);
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

#[test]
fn accepted_changes_become_tracked_items_and_show_the_creep() {
    let mut store = started();
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

#[test]
fn mistakes_are_refused_with_a_reason() {
    let mut store = started();
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

#[test]
fn a_batch_of_entries_is_all_or_nothing() {
    use trekant_store::LogEntry;
    let mut store = started();
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
