//! Importing and exporting the history: one transaction, no duplicates, nothing half done.
//! Generic over the store; `suite.rs` runs every function against every backend.

use trekant_core::history::{ParsedHistory, parse_history, write_history};
use trekant_store::{ImportReport, Store, StoreError};

pub const HEADER: &str = "project,item,category,low,likely,high,actual,finished\n";

/// `n` distinct good rows, spread over days.
pub fn rows(n: usize) -> String {
    let mut text = String::from(HEADER);
    for i in 0..n {
        text.push_str(&format!(
            "p{},item-{i},{},,{},,{},2026-{:02}-{:02}\n",
            i % 7,
            ["dev", "design", ""][i % 3],
            1 + i % 8,
            0.5 + (i % 13) as f64,
            1 + i % 12,
            1 + i % 28
        ));
    }
    text
}

pub fn parsed(text: &str) -> ParsedHistory {
    parse_history(text).unwrap()
}

pub fn importing_the_same_file_twice_adds_nothing_the_second_time<S: Store>(new: impl Fn() -> S) {
    let mut store = new();
    let file = parsed(&rows(500));
    let first = store.import_history(&file, false).unwrap();
    assert_eq!(
        first,
        ImportReport {
            inserted: 500,
            already_present: 0,
            differing: vec![],
            skipped_bad: 0
        }
    );
    let second = store.import_history(&file, false).unwrap();
    assert_eq!((second.inserted, second.already_present), (0, 500));
    assert!(second.differing.is_empty());
    assert_eq!(store.history_len().unwrap(), 500);
}

pub fn a_reimported_task_with_other_values_is_reported_and_left_alone<S: Store>(
    new: impl Fn() -> S,
) {
    let mut store = new();
    store
        .import_history(
            &parsed(&format!("{HEADER}p,a,dev,,2,,3,2026-01-05\n")),
            false,
        )
        .unwrap();
    let corrected = parsed(&format!(
        "{HEADER}p,b,,,1,,1,2026-01-05\np,a,dev,,2,,3.5,2026-01-05\n"
    ));
    let report = store.import_history(&corrected, false).unwrap();
    assert_eq!((report.inserted, report.already_present), (1, 1));
    assert_eq!(report.differing, vec![3]);
    let a = store
        .export_history()
        .unwrap()
        .into_iter()
        .find(|r| r.item == "a")
        .unwrap();
    assert_eq!(a.actual, 3.0);
}

pub fn export_gives_back_what_was_imported_oldest_first<S: Store>(new: impl Fn() -> S) {
    let mut store = new();
    let file = parsed(&rows(100));
    store.import_history(&file, false).unwrap();
    let exported = store.export_history().unwrap();
    let mut expected = file.records.clone();
    expected.sort_by_key(|r| r.finished);
    assert_eq!(exported.len(), expected.len());
    for r in &expected {
        assert!(exported.contains(r), "{r:?} missing");
    }
    assert!(exported.windows(2).all(|w| w[0].finished <= w[1].finished));
    // And the CSV of the export reads back to the same records.
    assert_eq!(
        parse_history(&write_history(&exported)).unwrap().records,
        exported
    );
}

pub fn a_file_with_a_bad_row_imports_nothing_unless_told_to_skip_it<S: Store>(new: impl Fn() -> S) {
    let mut store = new();
    let text =
        format!("{HEADER}p,a,,,2,,3,2026-01-05\np,b,,,two,,3,2026-01-05\np,c,,,1,,1,2026-01-06\n");
    let file = parsed(&text);
    let error = store.import_history(&file, false).unwrap_err();
    assert!(matches!(&error, StoreError::BadRows(rows) if rows.len() == 1 && rows[0].line == 3));
    assert!(
        error
            .to_string()
            .contains("line 3: `likely` is not a number"),
        "{error}"
    );
    assert_eq!(store.history_len().unwrap(), 0);

    let report = store.import_history(&file, true).unwrap();
    assert_eq!((report.inserted, report.skipped_bad), (2, 1));
    assert_eq!(store.history_len().unwrap(), 2);
}

pub fn an_import_that_dies_halfway_leaves_the_history_as_it_was<S: Store>(new: impl Fn() -> S) {
    let mut store = new();
    store.import_history(&parsed(&rows(10)), false).unwrap();
    // The progress callback runs inside the transaction; panicking there drops the
    // transaction before commit, as a crash in the middle of an import would.
    let big = parsed(&rows(5000));
    let result = std::panic::catch_unwind(std::panic::AssertUnwindSafe(|| {
        store.import_history_with_progress(&big, false, &mut |n| {
            if n >= 2000 {
                panic!("simulated crash after {n} rows");
            }
        })
    }));
    assert!(result.is_err());
    assert_eq!(store.history_len().unwrap(), 10);
}
