//! `trekant serve --db postgres://…` over a real socket: it says it is a team server, a person
//! logs in with `POST /api/login` and uses the bearer token, and a page without a session goes
//! to the login page. Needs `TREKANT_TEST_DATABASE_URL`; skipped without it.

use std::io::{BufRead, BufReader, Read, Write};
use std::net::TcpStream;
use std::process::{Command, Stdio};

use super::cli::workspace;
use super::team::{fresh_database, server};

/// A raw HTTP/1.1 exchange: the answer's head and body.
fn exchange(address: &str, head: &str, body: &str) -> (String, String) {
    let mut stream = TcpStream::connect(address).unwrap();
    write!(
        stream,
        "{head}\r\nHost: {address}\r\nContent-Length: {}\r\nConnection: close\r\n\r\n{body}",
        body.len()
    )
    .unwrap();
    let mut answer = String::new();
    stream.read_to_string(&mut answer).unwrap();
    let (head, body) = answer.split_once("\r\n\r\n").unwrap_or((&answer, ""));
    (head.to_owned(), body.to_owned())
}

#[test]
fn a_team_server_takes_logins_over_its_socket() {
    let Some(url) = server("a_team_server_takes_logins_over_its_socket") else {
        return;
    };
    let db = fresh_database(&url, "login");
    let mut add = Command::new(env!("CARGO_BIN_EXE_trekant"))
        .args([
            "user",
            "add",
            "lone@example.dk",
            "--name",
            "Lone",
            "--role",
            "owner",
        ])
        .args(["--password-stdin", "--db", &db])
        .stdin(Stdio::piped())
        .stdout(Stdio::null())
        .spawn()
        .unwrap();
    add.stdin
        .take()
        .unwrap()
        .write_all(b"correct horse battery staple\n")
        .unwrap();
    assert!(add.wait().unwrap().success());

    let mut child = Command::new(env!("CARGO_BIN_EXE_trekant"))
        .args(["serve", "examples", "--bind", "127.0.0.1:0", "--lang", "en"])
        .args(["--db", &db, "--session-hours", "2"])
        .current_dir(workspace())
        .stdout(Stdio::null())
        .stderr(Stdio::piped())
        .spawn()
        .unwrap();
    let mut lines = BufReader::new(child.stderr.take().unwrap()).lines();
    let first = lines.next().unwrap().unwrap();
    let second = lines.next().unwrap().unwrap();
    let result = std::panic::catch_unwind(|| {
        assert!(second.contains("team server on"), "{second}");
        let address = first
            .split("http://")
            .nth(1)
            .and_then(|rest| rest.split('/').next())
            .unwrap()
            .to_owned();
        let (head, _) = exchange(&address, "GET /briefs HTTP/1.1", "");
        assert!(head.starts_with("HTTP/1.1 303"), "{head}");
        assert!(
            head.to_ascii_lowercase().contains("location: /login"),
            "{head}"
        );

        let credentials =
            r#"{"email": "lone@example.dk", "password": "correct horse battery staple"}"#;
        let (head, body) = exchange(
            &address,
            "POST /api/login HTTP/1.1\r\nContent-Type: application/json",
            credentials,
        );
        assert!(head.starts_with("HTTP/1.1 200"), "{head}\n{body}");
        let login: serde_json::Value = serde_json::from_str(&body).unwrap();
        let token = login["token"].as_str().unwrap();
        let expires: jiff::Timestamp = login["expires"].as_str().unwrap().parse().unwrap();
        let hours = expires.duration_since(jiff::Timestamp::now()).as_secs_f64() / 3600.0;
        assert!((1.9..=2.0).contains(&hours), "--session-hours 2: {hours}");

        let (head, body) = exchange(
            &address,
            &format!("GET /api/session HTTP/1.1\r\nAuthorization: Bearer {token}"),
            "",
        );
        assert!(head.starts_with("HTTP/1.1 200"), "{head}");
        let session: serde_json::Value = serde_json::from_str(&body).unwrap();
        assert_eq!(session["user"]["email"], "lone@example.dk");

        // A failed login is counted against the socket's peer address too.
        let wrong = r#"{"email": "lone@example.dk", "password": "guess"}"#;
        let (head, _) = exchange(
            &address,
            "POST /api/login HTTP/1.1\r\nContent-Type: application/json",
            wrong,
        );
        assert!(head.starts_with("HTTP/1.1 401"), "{head}");
        assert_eq!(failed_from(&db), ["127.0.0.1"]);
    });
    child.kill().unwrap();
    child.wait().unwrap();
    if let Err(panic) = result {
        std::panic::resume_unwind(panic);
    }
}

/// The client addresses of the failed logins the database holds.
fn failed_from(db: &str) -> Vec<String> {
    let runtime = tokio::runtime::Builder::new_current_thread()
        .enable_all()
        .build()
        .unwrap();
    runtime.block_on(async {
        let (client, connection) = tokio_postgres::connect(db, tokio_postgres::NoTls)
            .await
            .unwrap();
        let driver = tokio::spawn(connection);
        let rows = client
            .query("SELECT address FROM login_attempts", &[])
            .await
            .unwrap();
        drop(client);
        let _ = driver.await;
        rows.iter().map(|row| row.get(0)).collect()
    })
}
