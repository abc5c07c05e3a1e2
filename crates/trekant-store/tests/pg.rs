//! What only the PostgreSQL store has: migrations under an advisory lock, the pool (timeouts,
//! reconnection), calls from inside a tokio program, and the people of a team server.
//!
//! These tests need a server: `TREKANT_TEST_DATABASE_URL` (`.ci/run` and
//! `scripts/test-postgres.sh` start a throwaway one). Without it each says it is skipped.
//! Every store gets a fresh schema of its own on that server, so the tests run in parallel.

use std::sync::atomic::{AtomicUsize, Ordering};
use std::time::{Duration, Instant};

use jiff::civil::date;
use trekant_store::{LogEntry, NewUser, PgOptions, PgStore, Role, Store, StoreError, TrackedItem};

/// The test server's URL, or `None` after saying the test is skipped.
pub fn url(test: &str) -> Option<String> {
    match std::env::var("TREKANT_TEST_DATABASE_URL") {
        Ok(url) if !url.trim().is_empty() => Some(url),
        _ => {
            println!(
                "skipped {test}: PostgreSQL tests need TREKANT_TEST_DATABASE_URL \
                 (scripts/test-postgres.sh starts a throwaway server)"
            );
            None
        }
    }
}

/// Runs `sql` on the test server, outside any store.
pub fn admin(url: &str, sql: &str) {
    let runtime = tokio::runtime::Builder::new_current_thread()
        .enable_all()
        .build()
        .unwrap();
    runtime.block_on(async {
        let (client, connection) = tokio_postgres::connect(url, tokio_postgres::NoTls)
            .await
            .unwrap();
        let task = tokio::spawn(connection);
        client.batch_execute(sql).await.unwrap();
        drop(client);
        let _ = task.await;
    });
}

/// A new, empty schema on the test server, and the URL that uses it.
pub fn fresh_schema(url: &str) -> String {
    static N: AtomicUsize = AtomicUsize::new(0);
    let schema = format!(
        "t_{}_{}_{}",
        std::process::id(),
        N.fetch_add(1, Ordering::Relaxed),
        jiff::Timestamp::now().as_microsecond() % 1_000_000
    );
    admin(url, &format!("CREATE SCHEMA {schema}"));
    let sep = if url.contains('?') { '&' } else { '?' };
    format!("{url}{sep}options=-c%20search_path%3D{schema}")
}

/// A small pool: many tests run at once.
pub fn options() -> PgOptions {
    PgOptions {
        max_connections: 4,
        ..PgOptions::default()
    }
}

/// A store on a fresh schema.
pub fn fresh(url: &str) -> PgStore {
    PgStore::connect_with(&fresh_schema(url), trekant_store::LOCAL_OWNER, &options()).unwrap()
}

fn scope() -> [TrackedItem; 1] {
    [TrackedItem {
        item: "work".into(),
        title: None,
        category: None,
        low: None,
        likely: 100.0,
        high: None,
    }]
}

fn entry(hours: f64) -> LogEntry {
    LogEntry {
        item: "work".into(),
        hours,
        day: date(2026, 1, 2),
        note: None,
    }
}

#[test]
fn two_processes_migrating_at_once_both_succeed_and_each_migration_runs_once() {
    let Some(url) = url("two_processes_migrating_at_once") else {
        return;
    };
    for _ in 0..3 {
        let db = fresh_schema(&url);
        let barrier = std::sync::Barrier::new(2);
        let runs: Vec<trekant_store::Migrated> = std::thread::scope(|scope| {
            let handles: Vec<_> = (0..2)
                .map(|_| {
                    scope.spawn(|| {
                        let store = PgStore::connect_unmigrated(&db, "local", &options()).unwrap();
                        barrier.wait();
                        store.migrate().unwrap()
                    })
                })
                .collect();
            handles.into_iter().map(|h| h.join().unwrap()).collect()
        });
        let applied: Vec<&String> = runs.iter().flat_map(|r| &r.applied).collect();
        assert_eq!(
            applied,
            [
                "0001_store",
                "0002_people",
                "0003_briefs",
                "0004_shares",
                "0005_logins",
                "0006_log_keys"
            ],
            "{runs:?}"
        );
        assert!(runs.iter().all(|r| r.version == 6));
        let store = PgStore::connect_unmigrated(&db, "local", &options()).unwrap();
        assert_eq!(store.schema_version().unwrap(), 6);
        // Up to date: a third run applies nothing.
        assert!(store.migrate().unwrap().applied.is_empty());
    }
}

#[test]
fn the_store_works_from_spawn_blocking_inside_a_tokio_runtime() {
    let Some(url) = url("the_store_works_from_spawn_blocking") else {
        return;
    };
    let runtime = tokio::runtime::Builder::new_multi_thread()
        .worker_threads(2)
        .enable_all()
        .build()
        .unwrap();
    let db = fresh_schema(&url);
    let logged = runtime.block_on(async move {
        let tasks: Vec<_> = (0..4)
            .map(|i| {
                let db = db.clone();
                tokio::task::spawn_blocking(move || {
                    let mut store = PgStore::connect_with(&db, "local", &options()).unwrap();
                    if i == 0 {
                        store.track_start("P", &scope(), date(2026, 1, 1)).ok();
                    }
                    store
                })
            })
            .collect();
        let mut stores = Vec::new();
        for task in tasks {
            stores.push(task.await.unwrap());
        }
        let mut store = stores.pop().unwrap();
        let mut store = tokio::task::spawn_blocking(move || {
            store.track_log_many("P", &[entry(1.5)]).unwrap();
            store
        })
        .await
        .unwrap();
        // Even straight from an async task of a multi-threaded runtime it does not panic.
        store.track_log_many("P", &[entry(0.5)]).unwrap();
        tokio::spawn(async move { store.track_status("P").unwrap().logged() })
            .await
            .unwrap()
    });
    assert_eq!(logged, 2.0);
}

#[test]
fn concurrent_writers_wait_their_turn_and_all_get_their_rows_in() {
    let Some(url) = url("concurrent_writers_wait_their_turn") else {
        return;
    };
    let db = fresh_schema(&url);
    PgStore::connect_with(&db, "local", &options())
        .unwrap()
        .track_start("P", &scope(), date(2026, 1, 1))
        .unwrap();
    std::thread::scope(|scope| {
        for _ in 0..6 {
            scope.spawn(|| {
                let mut store = PgStore::connect_with(&db, "local", &options()).unwrap();
                for _ in 0..40 {
                    let status = store.track_status("P").unwrap();
                    assert!(status.logged() >= 0.0);
                    store.track_log_many("P", &[entry(0.25)]).unwrap();
                }
            });
        }
    });
    let status = PgStore::connect_with(&db, "local", &options())
        .unwrap()
        .track_status("P")
        .unwrap();
    assert_eq!(status.items[0].entries, 240);
    assert_eq!(status.logged(), 60.0);
}

#[test]
fn a_writer_that_waits_too_long_is_told_the_database_was_busy() {
    let Some(url) = url("a_writer_that_waits_too_long") else {
        return;
    };
    let db = fresh_schema(&url);
    let quick = PgOptions {
        lock_timeout: Duration::from_secs(1),
        ..options()
    };
    let mut store = PgStore::connect_with(&db, "local", &quick).unwrap();
    // Another writer of the same owner holds the owner's lock for three seconds.
    let holder = std::thread::spawn({
        let db = db.clone();
        move || {
            admin(
                &db,
                "BEGIN; SELECT pg_advisory_xact_lock(x'7472656b'::int, hashtext('local'));
                 SELECT pg_sleep(3); COMMIT;",
            )
        }
    });
    std::thread::sleep(Duration::from_millis(500));
    let started = Instant::now();
    let result = store.track_start("P", &scope(), date(2026, 1, 1));
    assert!(
        matches!(result, Err(StoreError::Busy { seconds: 1 })),
        "{result:?}"
    );
    assert!(started.elapsed() < Duration::from_secs(3));
    holder.join().unwrap();
    // Another owner never waits for it, and once it is gone the write goes through.
    store.track_start("P", &scope(), date(2026, 1, 1)).unwrap();
    assert_eq!(store.open_projects().unwrap(), ["P"]);
}

#[test]
fn a_statement_that_runs_too_long_is_cancelled() {
    let Some(url) = url("a_statement_that_runs_too_long_is_cancelled") else {
        return;
    };
    let db = fresh_schema(&url);
    let quick = PgOptions {
        statement_timeout: Duration::from_secs(1),
        ..options()
    };
    let store = PgStore::connect_with(&db, "local", &quick).unwrap();
    // Another session holds the history table for three seconds.
    let holder = std::thread::spawn({
        let db = db.clone();
        move || admin(&db, "BEGIN; LOCK TABLE task; SELECT pg_sleep(3); COMMIT;")
    });
    std::thread::sleep(Duration::from_millis(500));
    let started = Instant::now();
    let result = store.history_len();
    assert!(
        matches!(&result, Err(e @ StoreError::Postgres(_)) if e.to_string().contains("statement timeout")),
        "{result:?}"
    );
    assert!(started.elapsed() < Duration::from_millis(2500));
    holder.join().unwrap();
    // The pool is fine afterwards.
    assert_eq!(store.history_len().unwrap(), 0);
}

/// Two servers (two pools on one database) given the same logs with the same keys at once,
/// as clients retrying on the other server after a lost answer do: each key counts once.
/// Keys are per owner: another person's same key is their own entry.
#[test]
fn the_same_key_sent_to_two_servers_at_once_logs_once() {
    let Some(url) = url("the_same_key_sent_to_two_servers_at_once") else {
        return;
    };
    let db = fresh_schema(&url);
    let servers: Vec<PgStore> = (0..2)
        .map(|_| PgStore::connect_with(&db, "1", &options()).unwrap())
        .collect();
    servers[0]
        .clone()
        .track_start("P", &scope(), date(2026, 1, 1))
        .unwrap();
    let barrier = std::sync::Barrier::new(6);
    let repeats = AtomicUsize::new(0);
    std::thread::scope(|scope| {
        for thread in 0..6 {
            let mut store = servers[thread % 2].clone();
            let (barrier, repeats) = (&barrier, &repeats);
            scope.spawn(move || {
                barrier.wait();
                for key in 0..20 {
                    let logged = store
                        .track_log_keyed("P", &entry(0.5), &format!("key-{key}"))
                        .unwrap();
                    if logged.repeated {
                        repeats.fetch_add(1, Ordering::Relaxed);
                    }
                }
            });
        }
    });
    let status = servers[1].track_status("P").unwrap();
    assert_eq!(status.items[0].entries, 20);
    assert_eq!(status.logged(), 10.0);
    assert_eq!(repeats.load(Ordering::Relaxed), 100);
    let mut other = servers[0].for_owner("2").unwrap();
    other.track_start("P", &scope(), date(2026, 1, 1)).unwrap();
    assert!(
        !other
            .track_log_keyed("P", &entry(0.5), "key-0")
            .unwrap()
            .repeated
    );
}

#[test]
fn owners_share_a_database_but_not_their_rows() {
    let Some(url) = url("owners_share_a_database") else {
        return;
    };
    let mut anna = fresh(&url).for_owner("1").unwrap();
    let mut bo = anna.for_owner("2").unwrap();
    anna.track_start("P", &scope(), date(2026, 1, 1)).unwrap();
    // The same name for another owner is another project.
    bo.track_start("P", &scope(), date(2026, 1, 1)).unwrap();
    anna.track_log_many("P", &[entry(3.0)]).unwrap();
    assert_eq!(anna.track_status("P").unwrap().logged(), 3.0);
    assert_eq!(bo.track_status("P").unwrap().logged(), 0.0);
    assert_eq!(bo.owner(), "2");
}

#[test]
fn dates_are_dates_in_the_database() {
    let Some(url) = url("dates_are_dates_in_the_database") else {
        return;
    };
    let db = fresh_schema(&url);
    let mut store = PgStore::connect_with(&db, "local", &options()).unwrap();
    store.track_start("P", &scope(), date(2026, 2, 28)).unwrap();
    // A column that is not a DATE fails the check below and the admin call panics.
    admin(
        &db,
        "DO $$ BEGIN
           IF (SELECT count(*) FROM information_schema.columns
               WHERE table_schema = current_schema()
                 AND column_name IN ('finished', 'started', 'closed', 'day', 'done',
                                     'recorded', 'delivery', 'accepted')
                 AND data_type <> 'date'
                 AND NOT (table_name = 'change_request' AND column_name = 'accepted')) > 0
           THEN RAISE EXCEPTION 'a date column is not a DATE'; END IF;
           IF (SELECT started FROM project) <> DATE '2026-02-28'
           THEN RAISE EXCEPTION 'the start is not the day given'; END IF;
         END $$;",
    );
    assert_eq!(store.track_status("P").unwrap().started, date(2026, 2, 28));
}

#[test]
fn open_takes_a_path_or_a_postgres_url() {
    assert!(trekant_store::is_postgres_url("postgres://u@h/db"));
    assert!(trekant_store::is_postgres_url("postgresql:///db?host=/tmp"));
    assert!(!trekant_store::is_postgres_url("history.db"));
    assert!(!trekant_store::is_postgres_url(
        "/home/me/postgres/history.db"
    ));
    let dir = tempfile::tempdir().unwrap();
    let file = dir.path().join("h.db");
    let store = trekant_store::open(file.to_str().unwrap()).unwrap();
    assert_eq!(store.history_len().unwrap(), 0);
    assert!(file.is_file());
    // A URL PostgreSQL cannot parse is said to be one, not tried as a file.
    assert!(matches!(
        trekant_store::open("postgres://u@h:notaport/db"),
        Err(StoreError::BadUrl(_))
    ));
    let Some(url) = url("open_takes_a_path_or_a_postgres_url") else {
        return;
    };
    let mut store = trekant_store::open(&fresh_schema(&url)).unwrap();
    store.track_start("P", &scope(), date(2026, 1, 1)).unwrap();
    assert_eq!(store.open_projects().unwrap(), ["P"]);
}

#[test]
fn a_server_that_is_not_there_is_reported_in_time() {
    let dir = tempfile::tempdir().unwrap();
    let url = format!(
        "postgresql://nobody@/db?host={}&connect_timeout=2",
        dir.path().display()
    );
    let started = Instant::now();
    let result = PgStore::connect(&url);
    assert!(
        matches!(result, Err(StoreError::Unreachable(_))),
        "{result:?}"
    );
    assert!(started.elapsed() < Duration::from_secs(10));
}

#[test]
fn people_are_added_once_and_log_in_with_their_password() {
    let Some(url) = url("people_are_added_once") else {
        return;
    };
    let db = fresh_schema(&url);
    let store = PgStore::connect_with(&db, "local", &options()).unwrap();
    let anna = store
        .add_user(&NewUser {
            email: "Anna@Example.dk",
            name: "Anna Jensen",
            role: Role::Owner,
            password: "correct horse battery",
        })
        .unwrap();
    assert_eq!(
        (anna.role, anna.email.as_str()),
        (Role::Owner, "Anna@Example.dk")
    );
    // The same address in another case is the same person.
    let again = store.add_user(&NewUser {
        email: "anna@example.dk",
        name: "Anna",
        role: Role::Member,
        password: "another long password",
    });
    assert!(matches!(again, Err(StoreError::UserExists(_))), "{again:?}");
    for (email, password) in [("x", "long enough password"), ("a@b.dk", "short")] {
        let bad = store.add_user(&NewUser {
            email,
            name: "X",
            role: Role::Member,
            password,
        });
        assert!(
            matches!(
                bad,
                Err(StoreError::BadEmail(_) | StoreError::ShortPassword { .. })
            ),
            "{bad:?}"
        );
    }
    let generated = trekant_store::generate_password().unwrap();
    assert_eq!(generated.len(), 20);
    assert_ne!(generated, trekant_store::generate_password().unwrap());
    let bo = store
        .add_user(&NewUser {
            email: "bo@example.dk",
            name: "Bo",
            role: Role::Member,
            password: &generated,
        })
        .unwrap();
    let people = store.users().unwrap();
    assert_eq!(people, [anna.clone(), bo.clone()]);

    assert_eq!(
        store
            .verify_password("anna@EXAMPLE.dk", "correct horse battery")
            .unwrap(),
        Some(anna.clone())
    );
    assert_eq!(
        store.verify_password("anna@example.dk", "wrong").unwrap(),
        None
    );
    assert_eq!(
        store.verify_password("nobody@example.dk", "x").unwrap(),
        None
    );
    assert_eq!(
        store.verify_password("bo@example.dk", &generated).unwrap(),
        Some(bo)
    );
    // What is kept is an argon2id hash, never the password.
    admin(
        &db,
        "DO $$ BEGIN
           IF EXISTS (SELECT 1 FROM users WHERE password_hash NOT LIKE '$argon2id$v=19$%'
                      OR password_hash LIKE '%correct horse%')
           THEN RAISE EXCEPTION 'a password is not hashed with argon2id'; END IF;
         END $$;",
    );
}

#[test]
fn sessions_open_expire_and_end() {
    let Some(url) = url("sessions_open_expire_and_end") else {
        return;
    };
    let store = fresh(&url);
    let anna = store
        .add_user(&NewUser {
            email: "anna@example.dk",
            name: "Anna",
            role: Role::Member,
            password: "correct horse battery",
        })
        .unwrap();
    let (token, expires) = store
        .create_session(anna.id, Duration::from_secs(3600))
        .unwrap();
    assert_eq!(token.len(), 64);
    assert!(expires > jiff::Timestamp::now());
    assert_eq!(store.session_user(&token).unwrap(), Some(anna.clone()));
    assert_eq!(store.session_user("not a token").unwrap(), None);
    let (old, _) = store.create_session(anna.id, Duration::ZERO).unwrap();
    assert_eq!(store.session_user(&old).unwrap(), None);
    assert!(store.end_session(&token).unwrap());
    assert_eq!(store.session_user(&token).unwrap(), None);
    assert!(!store.end_session(&token).unwrap());
}

/// Restarts the test server while a store is in use: the pool drops the dead connections and
/// the next calls work without a new store. It stops the server every other test uses, so it
/// runs alone: `.ci/run` and `scripts/test-postgres.sh` run it with `--ignored` after the
/// rest, with `TREKANT_TEST_PG_CTL` set to the server's `pg_ctl -D DIR`.
#[test]
#[ignore = "restarts the test server; run alone with TREKANT_TEST_PG_CTL set"]
fn the_store_reconnects_after_the_database_restarts() {
    let Some(url) = url("the_store_reconnects_after_the_database_restarts") else {
        return;
    };
    let Ok(ctl) = std::env::var("TREKANT_TEST_PG_CTL") else {
        println!("skipped: needs TREKANT_TEST_PG_CTL (the server's `pg_ctl -D DIR`)");
        return;
    };
    let mut store = fresh(&url);
    store.track_start("P", &scope(), date(2026, 1, 1)).unwrap();
    // Fill the pool with connections that the restart will kill.
    std::thread::scope(|s| {
        for _ in 0..4 {
            s.spawn(|| store.track_status("P").unwrap());
        }
    });
    let status = std::process::Command::new("sh")
        .arg("-c")
        .arg(format!("{ctl} -m fast -w restart >/dev/null"))
        .status()
        .unwrap();
    assert!(status.success());
    for n in 0..4 {
        store.track_log_many("P", &[entry(1.0)]).unwrap();
        assert_eq!(store.track_status("P").unwrap().logged(), f64::from(n + 1));
    }
}
