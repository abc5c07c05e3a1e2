//! Importing and exporting the history: one transaction, no duplicates, nothing half done.

use std::path::Path;
use std::process::Command;
use std::time::{Duration, Instant};

use trekant_core::history::{ParsedHistory, parse_history, write_history};
use trekant_store::{ImportReport, Store, StoreError};

const HEADER: &str = "project,item,category,low,likely,high,actual,finished\n";

/// `n` distinct good rows, spread over days.
fn rows(n: usize) -> String {
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

fn parsed(text: &str) -> ParsedHistory {
    parse_history(text).unwrap()
}

#[test]
fn importing_the_same_file_twice_adds_nothing_the_second_time() {
    let mut store = Store::in_memory().unwrap();
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

#[test]
fn a_reimported_task_with_other_values_is_reported_and_left_alone() {
    let mut store = Store::in_memory().unwrap();
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

#[test]
fn export_gives_back_what_was_imported_oldest_first() {
    let mut store = Store::in_memory().unwrap();
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

#[test]
fn a_file_with_a_bad_row_imports_nothing_unless_told_to_skip_it() {
    let mut store = Store::in_memory().unwrap();
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

#[test]
fn an_import_that_dies_halfway_leaves_the_history_as_it_was() {
    let mut store = Store::in_memory().unwrap();
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

/// Set by the parent test below: the child imports into this database and hangs halfway.
const CHILD_DB: &str = "TREKANT_STORE_TEST_CHILD_DB";

#[test]
fn child_imports_then_hangs_halfway() {
    let Some(db) = std::env::var_os(CHILD_DB) else {
        return; // only meaningful as the child of the test below
    };
    let db = Path::new(&db);
    let mut store = Store::open(db).unwrap();
    let big = parsed(&rows(20_000));
    let marker = db.with_extension("halfway");
    let _ = store.import_history_with_progress(&big, false, &mut |n| {
        if n == 10_000 {
            std::fs::write(&marker, b"").unwrap();
            std::thread::sleep(Duration::from_secs(120));
        }
    });
}

#[test]
fn a_process_killed_mid_import_leaves_the_database_as_it_was() {
    let dir = tempfile::tempdir().unwrap();
    let db = dir.path().join("history.db");
    {
        let mut store = Store::open(&db).unwrap();
        store.import_history(&parsed(&rows(10)), false).unwrap();
    }
    let mut child = Command::new(std::env::current_exe().unwrap())
        .args([
            "--exact",
            "history::child_imports_then_hangs_halfway",
            "--nocapture",
        ])
        .env(CHILD_DB, &db)
        .spawn()
        .unwrap();
    let marker = db.with_extension("halfway");
    let started = Instant::now();
    while !marker.exists() {
        if started.elapsed() > Duration::from_secs(60) {
            let _ = child.kill();
            panic!("the child never reached the middle of its import");
        }
        std::thread::sleep(Duration::from_millis(20));
    }
    child.kill().unwrap(); // SIGKILL: no destructor, no rollback, no clean close
    child.wait().unwrap();

    let store = Store::open(&db).unwrap();
    assert_eq!(store.history_len().unwrap(), 10);
    let conn = rusqlite::Connection::open(&db).unwrap();
    let check: String = conn
        .query_row("PRAGMA integrity_check", [], |row| row.get(0))
        .unwrap();
    assert_eq!(check, "ok");
}

#[test]
fn the_database_is_in_wal_mode_and_migrated_once() {
    let dir = tempfile::tempdir().unwrap();
    let db = dir.path().join("nested/folder/history.db");
    let store = Store::open(&db).unwrap();
    assert_eq!(store.schema_version().unwrap(), 2);
    drop(store);
    let store = Store::open(&db).unwrap();
    assert_eq!(store.schema_version().unwrap(), 2);
    drop(store);
    let conn = rusqlite::Connection::open(&db).unwrap();
    let mode: String = conn
        .query_row("PRAGMA journal_mode", [], |row| row.get(0))
        .unwrap();
    assert_eq!(mode, "wal");
    conn.pragma_update(None, "user_version", 99).unwrap();
    drop(conn);
    let error = Store::open(&db).unwrap_err();
    assert!(
        matches!(
            error,
            StoreError::TooNew {
                found: 99,
                known: 2
            }
        ),
        "{error}"
    );
}
