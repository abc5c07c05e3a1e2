//! `db migrate`, `user add|list`, and `--db postgres://…` on the commands that take `--db`, run
//! as a user would. The PostgreSQL parts need `TREKANT_TEST_DATABASE_URL` (`.ci/run` and
//! `scripts/test-postgres.sh` start a throwaway server) and say they are skipped without it.

use std::io::Write;
use std::process::{Command, Stdio};

use super::cli::{code, scratch, stderr, stdout, trekant};

/// The test server, or `None` after saying the test is skipped.
pub(crate) fn server(test: &str) -> Option<String> {
    match std::env::var("TREKANT_TEST_DATABASE_URL") {
        Ok(url) if !url.trim().is_empty() => Some(url),
        _ => {
            println!("skipped {test}: PostgreSQL tests need TREKANT_TEST_DATABASE_URL");
            None
        }
    }
}

/// A URL for a new, empty schema on the test server.
pub(crate) fn fresh_database(url: &str, name: &str) -> String {
    let schema = format!("cli_{}_{name}", std::process::id());
    let runtime = tokio::runtime::Builder::new_current_thread()
        .enable_all()
        .build()
        .unwrap();
    runtime.block_on(async {
        let (client, connection) = tokio_postgres::connect(url, tokio_postgres::NoTls)
            .await
            .expect("the test server answers");
        let driver = tokio::spawn(connection);
        client
            .batch_execute(&format!(
                "DROP SCHEMA IF EXISTS {schema} CASCADE; CREATE SCHEMA {schema}"
            ))
            .await
            .unwrap();
        drop(client);
        let _ = driver.await;
    });
    let sep = if url.contains('?') { '&' } else { '?' };
    format!("{url}{sep}options=-c%20search_path%3D{schema}")
}

/// `trekant ARGS` with `input` on standard input.
fn trekant_with_input(args: &[&str], input: &str) -> std::process::Output {
    let mut child = Command::new(env!("CARGO_BIN_EXE_trekant"))
        .args(args)
        .env("NO_COLOR", "1")
        .env_remove("LC_ALL")
        .env_remove("LC_MESSAGES")
        .env_remove("LANG")
        .stdin(Stdio::piped())
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .spawn()
        .unwrap();
    child
        .stdin
        .take()
        .unwrap()
        .write_all(input.as_bytes())
        .unwrap();
    child.wait_with_output().unwrap()
}

#[test]
fn team_commands_on_an_sqlite_file_say_team_mode_needs_postgresql() {
    let dir = scratch("team-sqlite");
    let db = dir.join("h.db");
    let db = db.to_str().unwrap();
    for args in [
        vec!["user", "list", "--db", db],
        vec!["user", "add", "a@b.dk", "--name", "A", "--db", db],
        vec!["db", "migrate", "--db", db],
    ] {
        let out = trekant(&args);
        assert_eq!(code(&out), 2, "{args:?}");
        assert!(
            stderr(&out).contains("team mode needs PostgreSQL"),
            "{}",
            stderr(&out)
        );
    }
    // Nothing was created just to refuse.
    assert!(!dir.join("h.db").exists());
    let danish = trekant(&["user", "list", "--db", db, "--lang", "da"]);
    assert!(stderr(&danish).contains("teamtilstand kræver PostgreSQL"));
    let none = trekant(&["user", "list"]);
    assert_eq!(code(&none), 2);
    assert!(
        stderr(&none).contains("--db postgres://"),
        "{}",
        stderr(&none)
    );
}

#[test]
fn an_unreachable_server_is_a_located_error_not_a_hang() {
    let dir = scratch("team-unreachable");
    let url = format!(
        "postgresql://nobody@/db?host={}&connect_timeout=2",
        dir.display()
    );
    let out = trekant(&["user", "list", "--db", &url]);
    assert_eq!(code(&out), 2);
    assert!(
        stderr(&out).contains("cannot reach the PostgreSQL server"),
        "{}",
        stderr(&out)
    );
    let history = trekant(&["history", "export", "--db", &url]);
    assert_eq!(code(&history), 2);
}

#[test]
fn migrate_then_add_and_list_people() {
    let Some(url) = server("migrate_then_add_and_list_people") else {
        return;
    };
    let db = fresh_database(&url, "people");
    let first = trekant(&["db", "migrate", "--db", &db]);
    assert_eq!(code(&first), 0, "{}", stderr(&first));
    assert!(
        stdout(&first).contains(
            "applied 6 migrations: 0001_store, 0002_people, 0003_briefs, 0004_shares, 0005_logins, 0006_log_keys"
        ),
        "{}",
        stdout(&first)
    );
    let again = trekant(&["db", "migrate", "--db", &db, "--lang", "da"]);
    assert_eq!(
        stdout(&again).trim(),
        "databasen er opdateret (skemaversion 6)"
    );

    let anna = trekant(&[
        "user",
        "add",
        "anna@example.dk",
        "--name",
        "Anna Jensen",
        "--role",
        "owner",
        "--db",
        &db,
    ]);
    assert_eq!(code(&anna), 0, "{}", stderr(&anna));
    let text = stdout(&anna);
    assert!(
        text.contains("added Anna Jensen <anna@example.dk> as an owner"),
        "{text}"
    );
    // The generated password is printed once, on its own line's end.
    let password = text
        .lines()
        .find(|l| l.starts_with("password for anna@example.dk"))
        .and_then(|l| l.rsplit(": ").next())
        .unwrap();
    assert_eq!(password.len(), 20);

    let bo = trekant_with_input(
        &[
            "user",
            "add",
            "bo@example.dk",
            "--name",
            "Bo",
            "--password-stdin",
            "--db",
            &db,
        ],
        "correct horse battery\n",
    );
    assert_eq!(code(&bo), 0, "{}", stderr(&bo));
    assert!(!stdout(&bo).contains("password"), "{}", stdout(&bo));

    let short = trekant_with_input(
        &[
            "user",
            "add",
            "c@example.dk",
            "--name",
            "C",
            "--password-stdin",
            "--db",
            &db,
        ],
        "short\n",
    );
    assert_eq!(code(&short), 2);
    assert!(stderr(&short).contains("at least 12 characters"));
    let twice = trekant(&["user", "add", "ANNA@example.dk", "--name", "A", "--db", &db]);
    assert_eq!(code(&twice), 2);
    assert!(
        stderr(&twice).contains("already exists"),
        "{}",
        stderr(&twice)
    );

    let list = trekant(&["user", "list", "--db", &db, "--lang", "da"]);
    assert_eq!(code(&list), 0);
    let text = stdout(&list);
    let lines: Vec<&str> = text.lines().collect();
    assert_eq!(lines.len(), 3, "{lines:?}");
    assert!(lines[0].starts_with("E-mail"));
    assert!(lines[1].contains("anna@example.dk") && lines[1].contains("ejer"));
    assert!(lines[2].contains("bo@example.dk") && lines[2].contains("medlem"));
}

#[test]
fn history_and_tracking_take_a_postgres_url() {
    let Some(url) = server("history_and_tracking_take_a_postgres_url") else {
        return;
    };
    let db = fresh_database(&url, "history");
    let dir = scratch("team-history");
    let csv = dir.join("h.csv");
    std::fs::write(
        &csv,
        "project,item,category,low,likely,high,actual,finished\n\
         p,a,design,,10,,15,2025-03-01\n\
         p,b,development,,20,,22,2025-03-04\n",
    )
    .unwrap();
    let csv = csv.to_str().unwrap();
    let import = trekant(&["history", "import", csv, "--db", &db]);
    assert_eq!(code(&import), 0, "{}", stderr(&import));
    assert!(
        stdout(&import).contains("imported 2 tasks"),
        "{}",
        stdout(&import)
    );
    let export = trekant(&["history", "export", "--db", &db]);
    assert_eq!(code(&export), 0, "{}", stderr(&export));
    assert_eq!(stdout(&export), std::fs::read_to_string(csv).unwrap());
    let calibration = trekant(&["calibration", "--db", &db]);
    assert_eq!(code(&calibration), 0, "{}", stderr(&calibration));
}

#[test]
fn two_processes_migrating_at_once_take_turns() {
    let Some(url) = server("two_processes_migrating_at_once_take_turns") else {
        return;
    };
    let db = fresh_database(&url, "race");
    let spawn = || {
        Command::new(env!("CARGO_BIN_EXE_trekant"))
            .args(["db", "migrate", "--db", &db, "--lang", "en"])
            .stdout(Stdio::piped())
            .stderr(Stdio::piped())
            .spawn()
            .unwrap()
    };
    let (a, b) = (spawn(), spawn());
    let outputs = [a.wait_with_output().unwrap(), b.wait_with_output().unwrap()];
    for out in &outputs {
        assert_eq!(code(out), 0, "{}", stderr(out));
    }
    // One applied every migration and the other, waiting for the lock, found them applied:
    // never a migration twice, never a failure.
    let texts: Vec<String> = outputs.iter().map(stdout).collect();
    let applied = texts.iter().filter(|t| t.starts_with("applied ")).count();
    let current = texts.iter().filter(|t| t.contains("up to date")).count();
    assert_eq!((applied, current), (1, 1), "{texts:?}");
}
