//! The shell around every command: exit codes, the one error prefix, closed pipes, and
//! output files that never overwrite an input nor leave half a file behind.

use std::path::Path;
use std::process::{Command, Stdio};

use crate::cli::{code, scratch, stderr, stdout, trekant, workspace};

const PREFIX: &str = "trekant: error: ";

fn example(name: &str) -> String {
    workspace()
        .join("examples")
        .join(name)
        .to_str()
        .unwrap()
        .to_owned()
}

/// Asserts exit 2 and that stderr starts with the one prefix (and has it once).
fn assert_failure(args: &[&str]) {
    let output = trekant(args);
    let err = stderr(&output);
    assert_eq!(code(&output), 2, "{args:?}: {err}");
    assert!(err.starts_with(PREFIX), "{args:?}: {err}");
    assert_eq!(err.matches("error:").count(), 1, "{args:?}: {err}");
}

#[test]
fn every_command_exits_2_with_one_prefix_on_a_missing_file_and_a_bad_flag() {
    let dir = scratch("exit2");
    let db = dir.join("history.sqlite");
    let db = db.to_str().unwrap();
    let missing = dir.join("missing");
    let file = |ext: &str| missing.with_extension(ext).to_str().unwrap().to_owned();
    let (toml, csv, txt) = (file("toml"), file("csv"), file("txt"));
    let nowhere = dir.join("no/such/folder/out.toml");
    let nowhere = nowhere.to_str().unwrap();
    let missing_file: Vec<Vec<&str>> = vec![
        vec!["review", &toml],
        vec!["review", &txt],
        vec!["questions", &toml],
        vec!["estimate", &toml],
        vec!["options", &toml],
        vec!["proposal", &toml],
        vec!["history", "import", &csv, "--db", db],
        vec!["backtest", &csv],
        vec!["track", "start", &toml, "--db", db],
        vec!["track", "import", &csv, "--format", "toggl", "--db", db],
        vec!["change", &toml, "--title", "x", "--estimate", "1,2,3"],
        vec!["init", nowhere],
        vec!["review", &toml, "--profile", &toml],
    ];
    for args in &missing_file {
        assert_failure(args);
    }
    let brief = example("kaffe-nord.toml");
    let bad_flag: Vec<Vec<&str>> = vec![
        vec!["review", &brief, "--bogus"],
        vec!["questions", &brief, "--bogus"],
        vec!["estimate", &brief, "--bogus"],
        vec!["options", &brief, "--bogus"],
        vec!["proposal", &brief, "--bogus"],
        vec!["init", "--bogus"],
        vec!["explain", "--bogus"],
        vec!["history", "import", &csv, "--bogus"],
        vec!["history", "export", "--bogus"],
        vec!["backtest", &csv, "--bogus"],
        vec!["calibration", "--bogus"],
        vec!["track", "status", "--bogus"],
        vec!["track", "log", "x", "1", "--bogus"],
        vec!["change", &brief, "--bogus"],
        vec!["no-such-command"],
        vec!["review", &brief, "--format", "yaml"],
    ];
    for args in &bad_flag {
        assert_failure(args);
    }
    assert!(!Path::new(db).exists(), "no database is created on the way");
}

#[test]
fn help_and_version_still_exit_0() {
    for args in [&["--help"][..], &["--version"], &["review", "--help"]] {
        let output = trekant(args);
        assert_eq!(code(&output), 0, "{args:?}");
        assert!(!stdout(&output).is_empty());
    }
}

#[test]
fn a_proposal_without_a_start_date_asks_the_triangle_questions() {
    // Without `project.start`, the triangle is judged from today: `review` asks about it,
    // and the proposal must ask the same (it once reviewed a second time without the date).
    let dir = scratch("triangle");
    let text = std::fs::read_to_string(example("kaffe-nord.toml")).unwrap();
    let text: String = text
        .lines()
        .filter(|l| !l.starts_with("start ="))
        .map(|l| format!("{l}\n"))
        .collect();
    let brief = dir.join("brief.toml");
    std::fs::write(&brief, text).unwrap();
    let brief = brief.to_str().unwrap();
    let review = trekant(&["review", brief, "--format", "json"]);
    let json: serde_json::Value = serde_json::from_str(&stdout(&review)).unwrap();
    let triangle: Vec<String> = json["diagnostics"]
        .as_array()
        .unwrap()
        .iter()
        .filter(|d| d["code"].as_str().unwrap().starts_with("triangle-"))
        .filter_map(|d| d["question"].as_str().map(str::to_owned))
        .collect();
    assert!(!triangle.is_empty(), "the example has a triangle question");
    let proposal = trekant(&["proposal", brief, "--seed", "1", "--trials", "1000"]);
    assert_eq!(code(&proposal), 0, "{}", stderr(&proposal));
    let document = stdout(&proposal);
    for question in &triangle {
        assert!(
            document.contains(question.as_str()),
            "{question} not in\n{document}"
        );
    }
}

#[test]
fn proposal_refuses_to_write_onto_its_brief_through_any_link() {
    let dir = scratch("links");
    let brief = dir.join("brief.toml");
    std::fs::copy(example("kaffe-nord.toml"), &brief).unwrap();
    let original = std::fs::read(&brief).unwrap();
    let hard = dir.join("hard.md");
    std::fs::hard_link(&brief, &hard).unwrap();
    let soft = dir.join("soft.md");
    std::os::unix::fs::symlink(&brief, &soft).unwrap();
    let b = brief.to_str().unwrap();
    for target in [&hard, &soft] {
        let output = trekant(&["proposal", b, "--seed", "1", "-o", target.to_str().unwrap()]);
        assert_eq!(code(&output), 2, "{}", stderr(&output));
        assert!(stderr(&output).starts_with(PREFIX));
        assert_eq!(std::fs::read(&brief).unwrap(), original);
    }
    // A link to an ordinary file is written through, and stays a link.
    let target = dir.join("offer.md");
    std::fs::write(&target, "old").unwrap();
    let link = dir.join("link.md");
    std::os::unix::fs::symlink(&target, &link).unwrap();
    let output = trekant(&["proposal", b, "--seed", "1", "-o", link.to_str().unwrap()]);
    assert_eq!(code(&output), 0, "{}", stderr(&output));
    assert!(
        std::fs::symlink_metadata(&link)
            .unwrap()
            .file_type()
            .is_symlink()
    );
    assert!(std::fs::read_to_string(&target).unwrap().starts_with('#'));
}

#[test]
fn a_write_cut_short_by_a_file_size_limit_leaves_the_old_file_intact() {
    let dir = scratch("fsize");
    let out = dir.join("offer.md");
    let old = "the good offer from yesterday\n";
    std::fs::write(&out, old).unwrap();
    // 1 block of 512 bytes: far less than a proposal. SIGXFSZ is ignored so the write fails
    // with EFBIG instead of killing the process.
    let script = format!(
        "trap '' XFSZ; ulimit -f 1; exec '{}' proposal '{}' --seed 1 --trials 1000 -o '{}'",
        env!("CARGO_BIN_EXE_trekant"),
        example("kaffe-nord.toml"),
        out.display()
    );
    let output = Command::new("sh")
        .arg("-c")
        .arg(&script)
        .env("XDG_CONFIG_HOME", dir.join("config"))
        .env("XDG_DATA_HOME", dir.join("data"))
        .output()
        .unwrap();
    assert_eq!(code(&output), 2, "{}", stderr(&output));
    assert!(stderr(&output).starts_with(PREFIX), "{}", stderr(&output));
    assert_eq!(std::fs::read_to_string(&out).unwrap(), old);
    let left: Vec<_> = std::fs::read_dir(&dir)
        .unwrap()
        .map(|e| e.unwrap().file_name())
        .collect();
    assert_eq!(left, ["offer.md"], "no temporary file is left behind");
}

/// Runs trekant with stdout (and maybe stderr) a pipe whose reader is already gone.
fn with_closed_pipes(args: &[&str], close_stderr: bool) -> std::process::Output {
    let mut command = Command::new(env!("CARGO_BIN_EXE_trekant"));
    command
        .args(args)
        .env(
            "XDG_CONFIG_HOME",
            std::env::temp_dir().join("trekant-test-empty-config"),
        )
        .env(
            "XDG_DATA_HOME",
            std::env::temp_dir().join("trekant-test-empty-data"),
        )
        .stdin(Stdio::null())
        .stdout(Stdio::piped())
        .stderr(Stdio::piped());
    let mut child = command.spawn().unwrap();
    drop(child.stdout.take());
    if close_stderr {
        drop(child.stderr.take());
    }
    child.wait_with_output().unwrap()
}

#[test]
fn a_closed_pipe_ends_quietly_and_never_panics() {
    let brief = example("kaffe-nord.toml");
    // JSON large enough not to fit a pipe buffer at once is not needed: the first write fails.
    let output = with_closed_pipes(&["review", &brief, "--format", "json"], false);
    // Findings (exit 1) are the review's own result; what matters is no error and no panic.
    assert!(matches!(code(&output), 0 | 1), "{}", stderr(&output));
    assert_eq!(stderr(&output), "");
    let output = with_closed_pipes(
        &["options", &brief, "--format", "json", "--trials", "1000"],
        false,
    );
    assert_eq!(code(&output), 0, "{}", stderr(&output));
    assert_eq!(stderr(&output), "");
    for args in [
        &["review", &brief, "--format", "json"][..],
        &["review", "/no/such/file.toml"],
        &["review", &brief, "--bogus"],
        &["--help"],
    ] {
        let output = with_closed_pipes(args, true);
        assert_ne!(code(&output), 101, "{args:?} panicked");
    }
}

#[test]
fn a_one_megabyte_email_on_one_line_is_reviewed() {
    // Once quadratic in the line's length (every finding located and shown by scanning its
    // whole line): 80 KB took 9.5 s and 1 MB never finished. Now each finding costs the same
    // however long its line, so this completes like any other review.
    let dir = scratch("megabyte");
    let words = [
        "we", "need", "a", "simple", "site", "asap", "etc", "for", "the", "shop",
    ];
    let mut text = String::with_capacity(1 << 20);
    let mut i = 0usize;
    while text.len() < 1 << 20 {
        text.push_str(words[(i * 7 + i / 3) % words.len()]);
        text.push(' ');
        i += 1;
    }
    let file = dir.join("email.txt");
    std::fs::write(&file, &text).unwrap();
    let file = file.to_str().unwrap();
    let json = trekant(&["review", file, "--format", "json", "--lang", "en"]);
    let value: serde_json::Value = serde_json::from_str(&stdout(&json)).unwrap();
    let findings = value["diagnostics"].as_array().unwrap();
    // Each repeated phrase is one finding, its other places related to it.
    let places: Vec<&serde_json::Value> = findings
        .iter()
        .flat_map(|f| std::iter::once(f).chain(f["related"].as_array().unwrap()))
        .collect();
    assert!(places.len() > 10_000, "{}", places.len());
    assert!(findings.len() < 100, "{}", findings.len());
    let last = places.iter().max_by_key(|p| p["column"].as_u64()).unwrap();
    assert_eq!(last["line"], 1);
    assert!(last["column"].as_u64().unwrap() > 1_000_000);
    let human = trekant(&["review", file, "--lang", "en"]);
    let first = &findings[0];
    assert!(stdout(&human).contains(&format!(
        "email.txt:1:{}",
        first["column"].as_u64().unwrap()
    )));
}

const HOSTILE: &str = r#"[project]
name = "Shop\n# Owned <script>alert('name')</script>"
client = "Evil | Co <img src=x onerror=alert(1)>"
purpose = "![x](http://evil/pixel.gif) and [click](javascript:alert(1))"
success = ["- 10 *sales* by May"]
start = 2027-01-04
[request]
text = "We need a shop quickly, like [this](javascript:alert(3)) etc."
budget = 100000
[me]
rate = 100
[[item]]
id = "a"
title = "A | B\n## heading"
estimate = [1, 2, 3]
priority = "must"
[terms]
revisions = 1
payment = "<script>alert(6)</script>"
"#;

/// Markdown that a renderer would turn into markup: raw HTML, images, links, new headings,
/// extra table cells.
fn assert_inert_markdown(text: &str) {
    for line in text.lines() {
        // What is escaped is text; look at what is left.
        let line = &line
            .replace("\\<", "")
            .replace("\\[", "")
            .replace("\\|", "");
        assert!(
            !line.contains("<script") && !line.contains("<img"),
            "raw HTML: {line}"
        );
        assert!(
            !line.contains("![x]") && !line.contains("[click]("),
            "a link: {line}"
        );
        assert!(!line.contains("[this]("), "a link: {line}");
        assert!(
            !line.starts_with("# Owned") && !line.starts_with("## heading"),
            "{line}"
        );
        assert!(
            !line.contains("A | B") && !line.contains("Evil | Co"),
            "a cell: {line}"
        );
    }
}

#[test]
fn client_text_is_inert_in_markdown() {
    let dir = scratch("md-escape");
    let brief = dir.join("hostile.toml");
    std::fs::write(&brief, HOSTILE).unwrap();
    let brief = brief.to_str().unwrap();
    let proposal = trekant(&["proposal", brief, "--seed", "1", "--trials", "1000"]);
    assert_eq!(code(&proposal), 0, "{}", stderr(&proposal));
    let text = stdout(&proposal);
    assert_inert_markdown(&text);
    assert!(
        text.contains(r"\<script\>alert('name')\</script\>"),
        "{text}"
    );
    assert!(text.contains(r"A \| B ## heading"), "{text}");
    let questions = trekant(&["questions", brief, "--format", "md"]);
    assert_eq!(code(&questions), 0, "{}", stderr(&questions));
    let text = stdout(&questions);
    assert_inert_markdown(&text);
    assert!(text.contains(r"Evil \| Co \<img"), "{text}");
}

#[test]
fn a_template_error_is_printed_once() {
    let dir = scratch("template-once");
    std::fs::write(dir.join("proposal.md.j2"), "# {{ name }\n").unwrap();
    let output = trekant(&[
        "proposal",
        &example("kaffe-nord.toml"),
        "--template",
        dir.to_str().unwrap(),
        "--seed",
        "1",
    ]);
    let err = stderr(&output);
    assert_eq!(code(&output), 2, "{err}");
    assert!(err.starts_with(PREFIX), "{err}");
    assert_eq!(err.matches("unexpected `}`").count(), 1, "{err}");
}

/// A brief with `[[item]]`'s estimate replaced.
fn brief_with(dir: &Path, from: &str, to: &str) -> String {
    let text = std::fs::read_to_string(example("kaffe-nord.toml")).unwrap();
    assert!(text.contains(from), "{from}");
    let path = dir.join("brief.toml");
    std::fs::write(&path, text.replacen(from, to, 1)).unwrap();
    path.to_str().unwrap().to_owned()
}

#[test]
fn what_review_accepts_the_other_commands_accept() {
    let dir = scratch("one-rule");
    // An item that takes no time: review says so first, and nothing prices it at 0 kr.
    let brief = brief_with(&dir, "estimate = [12, 20, 40]", "estimate = [0, 0, 0]");
    let review = trekant(&["review", &brief, "--format", "json"]);
    assert_eq!(code(&review), 1);
    assert!(stdout(&review).contains("\"estimate-range\""));
    for command in ["estimate", "proposal", "options"] {
        let output = trekant(&[command, &brief, "--seed", "1", "--trials", "1000"]);
        assert_eq!(code(&output), 1, "{command}: {}", stderr(&output));
        assert!(stderr(&output).contains("estimate-range"), "{command}");
        assert_eq!(stdout(&output), "", "{command}");
    }
    // An absurd rate is a located error, not "DKK inf" in a client's offer.
    let brief = brief_with(&dir, "rate = 850", "rate = 1e308");
    let output = trekant(&["proposal", &brief, "--seed", "1", "--trials", "1000"]);
    assert_eq!(code(&output), 1, "{}", stderr(&output));
    assert!(stderr(&output).contains("invalid-setting"));
    assert!(
        stderr(&output).contains("brief.toml:"),
        "located: {}",
        stderr(&output)
    );
    assert_eq!(stdout(&output), "");
}
