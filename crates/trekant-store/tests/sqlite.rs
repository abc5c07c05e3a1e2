//! What only the SQLite store has: a file that survives kill -9, WAL mode, migrations of
//! databases written by older trekants, several owners in one file, and several processes
//! (here: connections on threads) writing at once.

use std::path::Path;
use std::process::Command;
use std::time::{Duration, Instant};

use jiff::civil::date;
use trekant_store::{LogEntry, SqliteStore, Store, StoreError, TrackedItem};

use crate::history::{parsed, rows};

/// Set by the parent test below: the child imports into this database and hangs halfway.
const CHILD_DB: &str = "TREKANT_STORE_TEST_CHILD_DB";

#[test]
fn child_imports_then_hangs_halfway() {
    let Some(db) = std::env::var_os(CHILD_DB) else {
        return; // only meaningful as the child of the test below
    };
    let db = Path::new(&db);
    let mut store = SqliteStore::open(db).unwrap();
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
        let mut store = SqliteStore::open(&db).unwrap();
        store.import_history(&parsed(&rows(10)), false).unwrap();
    }
    let mut child = Command::new(std::env::current_exe().unwrap())
        .args([
            "--exact",
            "sqlite::child_imports_then_hangs_halfway",
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

    let store = SqliteStore::open(&db).unwrap();
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
    let store = SqliteStore::open(&db).unwrap();
    assert_eq!(store.schema_version().unwrap(), 5);
    drop(store);
    let store = SqliteStore::open(&db).unwrap();
    assert_eq!(store.schema_version().unwrap(), 5);
    drop(store);
    let conn = rusqlite::Connection::open(&db).unwrap();
    let mode: String = conn
        .query_row("PRAGMA journal_mode", [], |row| row.get(0))
        .unwrap();
    assert_eq!(mode, "wal");
    conn.pragma_update(None, "user_version", 99).unwrap();
    drop(conn);
    let error = SqliteStore::open(&db).unwrap_err();
    assert!(
        matches!(
            error,
            StoreError::TooNew {
                found: 99,
                known: 5
            }
        ),
        "{error}"
    );
}

/// A database as trekant 0.1 left it: the first two migrations, with history and a tracked
/// project, upgrades in place and its rows belong to the local user.
#[test]
fn an_old_database_upgrades_in_place_and_its_rows_are_the_local_users() {
    let dir = tempfile::tempdir().unwrap();
    let db = dir.path().join("old.db");
    {
        let conn = rusqlite::Connection::open(&db).unwrap();
        conn.execute_batch(include_str!("../migrations/0001_history.sql"))
            .unwrap();
        conn.execute_batch(include_str!("../migrations/0002_tracking.sql"))
            .unwrap();
        conn.pragma_update(None, "user_version", 2).unwrap();
        conn.execute_batch(
            "INSERT INTO task (project, item, category, low, likely, high, actual, finished)
                 VALUES ('Old', 'a', 'dev', NULL, 2, NULL, 3, '2026-01-05');
             INSERT INTO project (name, started) VALUES ('Open one', '2026-02-01');
             INSERT INTO project_item (project_id, item, likely) VALUES (1, 'x', 4);
             INSERT INTO time_entry (project_item_id, day, hours) VALUES (1, '2026-02-02', 1.5);",
        )
        .unwrap();
    }
    let store = SqliteStore::open(&db).unwrap();
    assert_eq!(store.schema_version().unwrap(), 5);
    let history = store.export_history().unwrap();
    assert_eq!(history.len(), 1);
    assert_eq!((history[0].item.as_str(), history[0].actual), ("a", 3.0));
    assert_eq!(store.open_projects().unwrap(), ["Open one"]);
    assert_eq!(store.track_status("Open one").unwrap().logged(), 1.5);
    // An item tracked before items could be marked done is still unfinished.
    assert_eq!(store.track_status("Open one").unwrap().items[0].done, None);
    let conn = rusqlite::Connection::open(&db).unwrap();
    let owners: Vec<String> = conn
        .prepare(
            "SELECT owner FROM task UNION ALL SELECT owner FROM project
             UNION ALL SELECT owner FROM project_item UNION ALL SELECT owner FROM time_entry",
        )
        .unwrap()
        .query_map([], |row| row.get(0))
        .unwrap()
        .collect::<Result<_, _>>()
        .unwrap();
    assert_eq!(owners, ["local"; 4]);
    // Another owner of the same file sees none of it.
    let other = SqliteStore::open_as(&db, "ana@example.com").unwrap();
    assert_eq!(other.history_len().unwrap(), 0);
    assert!(other.open_projects().unwrap().is_empty());
}

#[test]
fn owners_share_a_file_but_not_their_rows() {
    let dir = tempfile::tempdir().unwrap();
    let db = dir.path().join("team.db");
    let mut ana = SqliteStore::open_as(&db, "ana").unwrap();
    let mut bo = SqliteStore::open_as(&db, "bo").unwrap();
    let text = format!("{}p,a,,,2,,3,2026-01-05\n", crate::history::HEADER);
    ana.import_history(&parsed(&text), false).unwrap();
    // The same task is new to another owner.
    assert_eq!(
        bo.import_history(&parsed(&text), false).unwrap().inserted,
        1
    );
    let scope = [TrackedItem {
        item: "a".into(),
        title: None,
        category: None,
        low: None,
        likely: 2.0,
        high: None,
    }];
    ana.track_start("Same name", &scope, date(2026, 1, 1))
        .unwrap();
    bo.track_start("Same name", &scope, date(2026, 1, 1))
        .unwrap();
    ana.track_log("Same name", "a", 2.0, date(2026, 1, 2), None)
        .unwrap();
    assert_eq!(bo.track_status("Same name").unwrap().logged(), 0.0);
    assert_eq!(ana.track_status("Same name").unwrap().logged(), 2.0);
    // Offer numbers are per owner too.
    let offer = trekant_store::AcceptedOffer {
        number: "2026-001".into(),
        brief: "Same name".into(),
        option: "full".into(),
        items: vec![trekant_store::OfferItem {
            item: "a".into(),
            price: 1800.0,
        }],
        total: 1800.0,
        delivery: date(2026, 2, 1),
        accepted: date(2026, 1, 1),
    };
    ana.record_offer(&offer).unwrap();
    assert!(bo.offer("2026-001").unwrap().is_none());
    bo.record_offer(&offer).unwrap();
    assert_eq!(ana.offers().unwrap().len(), 1);
    ana.record_change(
        "Same name",
        &trekant_store::ChangeRequest {
            title: "More".into(),
            category: None,
            low: None,
            likely: 1.0,
            high: None,
            price: None,
            accepted: true,
            recorded: date(2026, 1, 3),
        },
    )
    .unwrap();
    // Every row of every table carries its owner.
    let conn = rusqlite::Connection::open(&db).unwrap();
    for table in [
        "task",
        "project",
        "project_item",
        "time_entry",
        "change_request",
        "accepted_offer",
        "accepted_offer_item",
    ] {
        let owners: Vec<String> = conn
            .prepare(&format!(
                "SELECT DISTINCT owner FROM {table} ORDER BY owner"
            ))
            .unwrap()
            .query_map([], |row| row.get(0))
            .unwrap()
            .collect::<Result<_, _>>()
            .unwrap();
        let expected: &[&str] = if matches!(table, "change_request" | "time_entry") {
            &["ana"]
        } else {
            &["ana", "bo"]
        };
        assert_eq!(owners, expected, "{table}");
    }
    assert!(SqliteStore::open_as(&db, " ").is_err());
}

/// The team's history is the one read across owners: every task with its owner, oldest
/// first, for calibrating a person against the team; each owner's own history stays theirs.
#[test]
fn the_team_history_has_every_owners_tasks_with_the_owner() {
    let dir = tempfile::tempdir().unwrap();
    let db = dir.path().join("team.db");
    let mut ana = SqliteStore::open_as(&db, "ana@example.com").unwrap();
    let mut bo = SqliteStore::open_as(&db, "bo@example.com").unwrap();
    let header = crate::history::HEADER;
    ana.import_history(
        &parsed(&format!("{header}p,late,,,2,,3,2026-01-09\n")),
        false,
    )
    .unwrap();
    bo.import_history(
        &parsed(&format!("{header}p,early,,,1,,1,2026-01-02\n")),
        false,
    )
    .unwrap();
    let team: Vec<(String, String)> = ana
        .export_team_history()
        .unwrap()
        .into_iter()
        .map(|(owner, r)| (owner, r.item))
        .collect();
    let expected = [
        ("bo@example.com".to_string(), "early".to_string()),
        ("ana@example.com".to_string(), "late".to_string()),
    ];
    assert_eq!(team, expected);
    assert_eq!(
        bo.export_team_history().unwrap(),
        ana.export_team_history().unwrap()
    );
    assert_eq!(ana.export_history().unwrap().len(), 1);
}

/// Issue 12 row 2: processes opening a database that does not exist yet used to race on
/// the migrations ("table task already exists").
#[test]
fn many_connections_creating_one_database_at_once_all_succeed() {
    for round in 0..5 {
        let dir = tempfile::tempdir().unwrap();
        let db = dir.path().join(format!("new-{round}.db"));
        let barrier = std::sync::Barrier::new(8);
        std::thread::scope(|scope| {
            let handles: Vec<_> = (0..8)
                .map(|_| {
                    scope.spawn(|| {
                        barrier.wait();
                        SqliteStore::open(&db).map(|s| s.schema_version().unwrap())
                    })
                })
                .collect();
            for handle in handles {
                assert_eq!(handle.join().unwrap().unwrap(), 5);
            }
        });
    }
}

/// Issue 12 row 1: writers on separate connections wait their turn; none fails.
#[test]
fn concurrent_writers_all_get_their_rows_in() {
    let dir = tempfile::tempdir().unwrap();
    let db = dir.path().join("busy.db");
    let scope_items = [TrackedItem {
        item: "work".into(),
        title: None,
        category: None,
        low: None,
        likely: 100.0,
        high: None,
    }];
    SqliteStore::open(&db)
        .unwrap()
        .track_start("P", &scope_items, date(2026, 1, 1))
        .unwrap();
    std::thread::scope(|scope| {
        for _ in 0..8 {
            scope.spawn(|| {
                let mut store = SqliteStore::open(&db).unwrap();
                for _ in 0..50 {
                    // Read, then write: the pattern that used to fail at once when a read
                    // transaction upgraded to a write.
                    let status = store.track_status("P").unwrap();
                    assert!(status.logged() >= 0.0);
                    store
                        .track_log_many(
                            "P",
                            &[LogEntry {
                                item: "work".into(),
                                hours: 0.25,
                                day: date(2026, 1, 2),
                                note: None,
                            }],
                        )
                        .unwrap();
                }
            });
        }
    });
    let status = SqliteStore::open(&db).unwrap().track_status("P").unwrap();
    assert_eq!(status.items[0].entries, 400);
    assert_eq!(status.logged(), 100.0);
}

#[test]
fn a_writer_that_waits_too_long_is_told_the_database_was_busy() {
    let dir = tempfile::tempdir().unwrap();
    let db = dir.path().join("locked.db");
    drop(SqliteStore::open(&db).unwrap());
    let holder = rusqlite::Connection::open(&db).unwrap();
    holder.execute_batch("BEGIN IMMEDIATE").unwrap();
    let mut store = SqliteStore::open(&db)
        .unwrap()
        .with_busy_timeout(Duration::from_millis(200))
        .unwrap();
    let error = store.import_history(&parsed(&rows(3)), false).unwrap_err();
    assert!(matches!(error, StoreError::Busy { seconds: 1 }), "{error}");
    assert_eq!(
        error.to_string(),
        "the database was busy for 1 s (another trekant is writing to it); nothing was written, try again"
    );
    // Readers are not blocked by the writer.
    assert_eq!(store.history_len().unwrap(), 0);
    holder.execute_batch("COMMIT").unwrap();
    assert_eq!(
        store
            .import_history(&parsed(&rows(3)), false)
            .unwrap()
            .inserted,
        3
    );
}
