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
