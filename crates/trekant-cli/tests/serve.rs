//! `trekant serve`: the binary binds, says where it listens, answers the API over a real
//! socket with the CLI's shapes, refuses a foreign Host, and stops on a signal.

use std::io::{BufRead, BufReader, Read, Write};
use std::net::TcpStream;
use std::process::{Command, Stdio};

use crate::cli::workspace;

/// A raw HTTP/1.1 request; the answer's status line and body.
fn http(address: &str, host: &str, request: &str) -> (String, String) {
    let mut stream = TcpStream::connect(address).unwrap();
    write!(
        stream,
        "{request}\r\nHost: {host}\r\nConnection: close\r\n\r\n"
    )
    .unwrap();
    let mut answer = String::new();
    stream.read_to_string(&mut answer).unwrap();
    let status = answer.lines().next().unwrap_or("").to_owned();
    let body = answer
        .split_once("\r\n\r\n")
        .map_or("", |(_, b)| b)
        .to_owned();
    (status, body)
}

#[test]
fn serve_answers_on_the_address_it_prints() {
    let mut child = Command::new(env!("CARGO_BIN_EXE_trekant"))
        .args(["serve", "examples", "--bind", "127.0.0.1:0", "--lang", "en"])
        .current_dir(workspace())
        .stdout(Stdio::null())
        .stderr(Stdio::piped())
        .spawn()
        .unwrap();
    let mut first = String::new();
    BufReader::new(child.stderr.take().unwrap())
        .read_line(&mut first)
        .unwrap();
    let result = std::panic::catch_unwind(|| {
        assert!(
            first.starts_with("trekant serve: listening on http://127.0.0.1:"),
            "{first}"
        );
        let address = first
            .split("http://")
            .nth(1)
            .and_then(|rest| rest.split('/').next())
            .unwrap()
            .to_owned();
        let (status, body) = http(&address, &address, "GET /api/briefs HTTP/1.1");
        assert!(status.contains(" 200 "), "{status}");
        let list: serde_json::Value = serde_json::from_str(&body).unwrap();
        let names: Vec<&str> = list
            .as_array()
            .unwrap()
            .iter()
            .map(|b| b["name"].as_str().unwrap())
            .collect();
        assert!(names.contains(&"kaffe-nord.toml"), "{names:?}");
        let (status, _) = http(&address, "evil.example", "GET /api/briefs HTTP/1.1");
        assert!(status.contains(" 403 "), "{status}");
    });
    child.kill().unwrap();
    child.wait().unwrap();
    if let Err(panic) = result {
        std::panic::resume_unwind(panic);
    }
}

#[test]
fn serve_refuses_a_folder_that_does_not_exist() {
    let output = Command::new(env!("CARGO_BIN_EXE_trekant"))
        .args(["serve", "no-such-folder", "--bind", "127.0.0.1:0"])
        .current_dir(workspace())
        .output()
        .unwrap();
    assert_eq!(output.status.code(), Some(2));
    let err = String::from_utf8_lossy(&output.stderr);
    assert!(err.starts_with("trekant: error: "), "{err}");
    assert!(err.contains("no-such-folder"), "{err}");
}

/// Starts `trekant serve --open` with `PATH` set to `path` only; its first two lines of
/// stderr (the address, and the note when no browser opener was found).
fn serve_open(path: &std::path::Path) -> (std::process::Child, Vec<String>) {
    let mut child = Command::new(env!("CARGO_BIN_EXE_trekant"))
        .args([
            "serve",
            "examples",
            "--bind",
            "127.0.0.1:0",
            "--lang",
            "en",
            "--open",
        ])
        .current_dir(workspace())
        .env("PATH", path)
        .stdout(Stdio::null())
        .stderr(Stdio::piped())
        .spawn()
        .unwrap();
    let mut lines = BufReader::new(child.stderr.take().unwrap()).lines();
    let first = lines.next().unwrap().unwrap();
    // The note, if any, comes right after the address; a browser opener prints nothing.
    let rest = if first.contains("listening") && path.join("xdg-open").exists() {
        Vec::new()
    } else {
        lines.next().into_iter().map(Result::unwrap).collect()
    };
    (child, std::iter::once(first).chain(rest).collect())
}

#[cfg(unix)]
#[test]
fn serve_open_opens_the_address_in_the_browser_or_says_to() {
    use std::os::unix::fs::PermissionsExt;
    let bin = tempfile::tempdir().unwrap();
    let opened = bin.path().join("opened");
    let opener = bin.path().join("xdg-open");
    std::fs::write(
        &opener,
        format!("#!/bin/sh\necho \"$1\" > {}\n", opened.display()),
    )
    .unwrap();
    std::fs::set_permissions(&opener, std::fs::Permissions::from_mode(0o755)).unwrap();
    let (mut child, lines) = serve_open(bin.path());
    let url = lines[0]
        .split_whitespace()
        .find(|w| w.starts_with("http://"))
        .unwrap()
        .to_owned();
    let mut waited = 0;
    while !opened.exists() && waited < 100 {
        std::thread::sleep(std::time::Duration::from_millis(50));
        waited += 1;
    }
    child.kill().unwrap();
    child.wait().unwrap();
    let got = std::fs::read_to_string(&opened).unwrap_or_default();
    assert_eq!(got.trim(), url);

    let empty = tempfile::tempdir().unwrap();
    let (mut child, lines) = serve_open(empty.path());
    child.kill().unwrap();
    child.wait().unwrap();
    assert!(
        lines[0].contains("listening on http://127.0.0.1:"),
        "{lines:?}"
    );
    assert!(
        lines[1].contains("found no program to open a browser")
            && lines[1].contains("http://127.0.0.1:"),
        "{lines:?}"
    );
}

/// Starts `trekant serve examples` with `args` and `XDG_DATA_HOME` set to `data`; the address
/// and every line said before the first request.
fn serve_with(args: &[&str], data: &std::path::Path) -> (std::process::Child, String, String) {
    let mut child = Command::new(env!("CARGO_BIN_EXE_trekant"))
        .args(["serve", "examples", "--bind", "127.0.0.1:0", "--lang", "en"])
        .args(args)
        .env("XDG_DATA_HOME", data)
        .current_dir(workspace())
        .stdout(Stdio::null())
        .stderr(Stdio::piped())
        .spawn()
        .unwrap();
    let mut lines = BufReader::new(child.stderr.take().unwrap()).lines();
    let first = lines.next().unwrap().unwrap();
    let second = lines.next().unwrap().unwrap();
    let address = first
        .split("http://")
        .nth(1)
        .and_then(|rest| rest.split('/').next())
        .unwrap()
        .to_owned();
    (child, address, second)
}

#[test]
fn serve_records_into_the_db_it_is_given_and_never_creates_the_default_one() {
    let data = tempfile::tempdir().unwrap();
    let default_db = data.path().join("trekant").join("history.db");

    // No --db and no default database: none is created, and the history says how to get one.
    let (mut child, address, said) = serve_with(&[], data.path());
    let result = std::panic::catch_unwind(|| {
        assert!(said.contains("no history database"), "{said}");
        let (status, body) = http(&address, &address, "GET /api/history HTTP/1.1");
        assert!(status.contains(" 409 "), "{status}");
        assert!(body.contains("--db FILE"), "{body}");
    });
    child.kill().unwrap();
    child.wait().unwrap();
    if let Err(panic) = result {
        std::panic::resume_unwind(panic);
    }
    assert!(
        !default_db.exists(),
        "serving created {}",
        default_db.display()
    );

    // --db FILE: created, and the History answers from it.
    let db = data.path().join("mine.db");
    let db_arg = db.display().to_string();
    let (mut child, address, said) = serve_with(&["--db", &db_arg], data.path());
    let result = std::panic::catch_unwind(|| {
        assert!(said.contains(&db_arg), "{said}");
        let (status, body) = http(&address, &address, "GET /api/history HTTP/1.1");
        assert!(status.contains(" 200 "), "{status}");
        let history: serde_json::Value = serde_json::from_str(&body).unwrap();
        assert_eq!(history["projects"], serde_json::json!([]));
    });
    child.kill().unwrap();
    child.wait().unwrap();
    if let Err(panic) = result {
        std::panic::resume_unwind(panic);
    }
    assert!(db.is_file());
}
