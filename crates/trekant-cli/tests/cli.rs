//! Running `trekant` as a user would: exit codes, output shapes, files written.

use std::path::{Path, PathBuf};
use std::process::{Command, Output};

/// The binary, with the user's own profile and history kept out of the way.
pub fn trekant(args: &[&str]) -> Output {
    let config = std::env::temp_dir().join("trekant-test-empty-config");
    let data = std::env::temp_dir().join("trekant-test-empty-data");
    Command::new(env!("CARGO_BIN_EXE_trekant"))
        .args(args)
        .env("XDG_CONFIG_HOME", &config)
        .env("XDG_DATA_HOME", &data)
        .env("NO_COLOR", "1")
        // Commands without a brief speak the system locale's language: keep it out.
        .env_remove("LC_ALL")
        .env_remove("LC_MESSAGES")
        .env_remove("LANG")
        .output()
        .expect("the trekant binary runs")
}

pub fn stdout(output: &Output) -> String {
    String::from_utf8(output.stdout.clone()).unwrap()
}

pub fn stderr(output: &Output) -> String {
    String::from_utf8(output.stderr.clone()).unwrap()
}

pub fn code(output: &Output) -> i32 {
    output.status.code().expect("exited normally")
}

pub fn workspace() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("../..")
}

/// A scratch directory unique to one test.
pub fn scratch(name: &str) -> PathBuf {
    let dir = std::env::temp_dir().join(format!("trekant-cli-{}-{name}", std::process::id()));
    let _ = std::fs::remove_dir_all(&dir);
    std::fs::create_dir_all(&dir).unwrap();
    dir
}

fn write(dir: &Path, name: &str, text: impl AsRef<[u8]>) -> String {
    let path = dir.join(name);
    std::fs::write(&path, text).unwrap();
    path.to_str().unwrap().to_owned()
}

const BROKEN: &str = r#"[project]
name = "Test"
purpose = "Sell more"
[request]
dedline = 2027-02-15
budget = "40000"
[me]
hours_per_week = 200
[[item]]
id = "design"
estimate = [20, 12, 30]
priority = "must"
depends = ["desing"]
[terms]
revisions = 2
"#;

#[test]
fn review_reports_errors_compiler_style_and_exits_1() {
    let dir = scratch("broken");
    let file = write(&dir, "brief.toml", BROKEN);
    let output = trekant(&["review", &file, "--lang", "en"]);
    assert_eq!(code(&output), 1, "{}", stderr(&output));
    let text = stdout(&output).replace(&file, "brief.toml");
    insta::assert_snapshot!("review_broken_human", text);
}

#[test]
fn review_json_has_the_stable_shape() {
    let dir = scratch("json");
    let file = write(&dir, "brief.toml", BROKEN);
    let output = trekant(&["review", &file, "--format", "json", "--lang", "en"]);
    assert_eq!(code(&output), 1);
    let json: serde_json::Value = serde_json::from_str(&stdout(&output)).unwrap();
    assert_eq!(json["file"], file.as_str());
    let diagnostics = json["diagnostics"].as_array().unwrap();
    let unknown = diagnostics
        .iter()
        .find(|d| d["message"].as_str().unwrap().contains("dedline"))
        .expect("the misspelt key is reported");
    assert_eq!(unknown["code"], "schema");
    assert_eq!(unknown["severity"], "error");
    assert_eq!(unknown["line"], 5);
    assert_eq!(unknown["column"], 1);
    assert_eq!(unknown["end_line"], 5);
    assert_eq!(unknown["end_column"], 8);
    assert_eq!(unknown["excerpt"], "dedline");
    for d in diagnostics {
        for key in [
            "code",
            "severity",
            "message",
            "line",
            "column",
            "end_line",
            "end_column",
            "excerpt",
            "question",
            "related",
        ] {
            assert!(d.get(key).is_some(), "{key} missing in {d}");
        }
    }
    let codes: Vec<&str> = diagnostics
        .iter()
        .map(|d| d["code"].as_str().unwrap())
        .collect();
    for expected in ["estimate-order", "unknown-dependency", "invalid-setting"] {
        assert!(codes.contains(&expected), "{expected} not in {codes:?}");
    }
}

#[test]
fn unreadable_file_and_bad_usage_exit_2() {
    let output = trekant(&["review", "/no/such/brief.toml"]);
    assert_eq!(code(&output), 2);
    assert!(
        stderr(&output).contains("cannot read /no/such/brief.toml"),
        "{}",
        stderr(&output)
    );
    assert_eq!(code(&trekant(&["review"])), 2);
    assert_eq!(code(&trekant(&["review", "x.toml", "--format", "yaml"])), 2);
    assert_eq!(code(&trekant(&["no-such-command"])), 2);
    let dir = scratch("dir");
    let output = trekant(&["review", dir.to_str().unwrap()]);
    assert_eq!(code(&output), 2);
    assert!(stderr(&output).contains("is a directory"));
}

#[test]
fn a_binary_file_is_an_error_at_its_first_bad_byte() {
    let dir = scratch("binary");
    let mut bytes = b"[project]\nname = \"x\"\n".to_vec();
    bytes.extend((0..3000u32).map(|i| (i * 7919 % 256) as u8));
    let file = write(&dir, "brief.toml", &bytes);
    let output = trekant(&["review", &file, "--format", "json"]);
    assert_eq!(code(&output), 1);
    let json: serde_json::Value = serde_json::from_str(&stdout(&output)).unwrap();
    let d = &json["diagnostics"][0];
    assert_eq!(d["code"], "syntax");
    assert!(d["message"].as_str().unwrap().contains("UTF-8"));
    assert_eq!(d["line"], 3);
}

#[test]
fn empty_and_syntax_broken_files_get_clear_errors() {
    let dir = scratch("empty");
    let empty = write(&dir, "empty.toml", "");
    let output = trekant(&["review", &empty, "--lang", "en"]);
    assert_eq!(code(&output), 1);
    assert!(
        stdout(&output).contains("the [project] table is missing"),
        "{}",
        stdout(&output)
    );

    let broken = write(&dir, "broken.toml", "[project]\nname = \"Kaffe\n");
    let output = trekant(&["review", &broken, "--format", "json"]);
    assert_eq!(code(&output), 1);
    let json: serde_json::Value = serde_json::from_str(&stdout(&output)).unwrap();
    assert_eq!(json["diagnostics"][0]["code"], "syntax");
    assert_eq!(json["diagnostics"][0]["line"], 2);

    let nested = write(
        &dir,
        "nested.toml",
        format!("a = {}{}", "[".repeat(100_000), "]".repeat(100_000)),
    );
    let output = trekant(&["review", &nested, "--format", "json"]);
    assert_eq!(code(&output), 1);
    assert!(stdout(&output).contains("recursion"), "{}", stdout(&output));
}

#[test]
fn init_writes_a_brief_that_reviews_without_errors() {
    let dir = scratch("init");
    for lang in ["da", "en"] {
        let file = dir.join(format!("brief-{lang}.toml"));
        let file = file.to_str().unwrap();
        let output = trekant(&["init", "--lang", lang, file]);
        assert_eq!(code(&output), 0, "{}", stderr(&output));
        let review = trekant(&["review", file, "--format", "json"]);
        assert_eq!(code(&review), 0, "{}", stdout(&review));
        let again = trekant(&["init", "--lang", lang, file]);
        assert_eq!(code(&again), 2, "init must not overwrite without --force");
        assert!(stderr(&again).contains("--force"));
        assert_eq!(
            code(&trekant(&["init", "--lang", lang, "--force", file])),
            0
        );
    }
    let to_stdout = trekant(&["init", "--lang", "en"]);
    assert!(stdout(&to_stdout).starts_with("# trekant brief"));
}

#[test]
fn explain_prints_each_rule_and_suggests_near_codes() {
    let list = stdout(&trekant(&["explain"]));
    for code in [
        "syntax",
        "schema",
        "dependency-cycle",
        "missing-purpose",
        "fixed-triangle",
    ] {
        assert!(list.contains(code), "{code} not listed");
        let doc = trekant(&["explain", code]);
        assert_eq!(self::code(&doc), 0);
        assert!(
            stdout(&doc).contains(&format!("**{code}**")),
            "{}",
            stdout(&doc)
        );
    }
    let wrong = trekant(&["explain", "dependency-cycel"]);
    assert_eq!(code(&wrong), 2);
    assert!(
        stderr(&wrong).contains("did you mean `dependency-cycle`"),
        "{}",
        stderr(&wrong)
    );
}

#[test]
fn profile_fills_me_and_its_errors_are_reported() {
    let dir = scratch("profile");
    let brief = write(
        &dir,
        "brief.toml",
        "[project]\nname = \"x\"\npurpose = \"p\"\nsuccess = [\"10 sales by May\"]\n\
         [request]\nbudget = 1000\ndeadline = 2027-06-01\n\
         [[item]]\nid = \"a\"\nestimate = [10, 20, 30]\npriority = \"must\"\n\
         [terms]\nrevisions = 1\n",
    );
    let profile = write(&dir, "profile.toml", "[me]\nrate = 800\n");
    let with = trekant(&["review", &brief, "--profile", &profile, "--format", "json"]);
    assert!(
        stdout(&with).contains("budget-below-must"),
        "{}",
        stdout(&with)
    );
    let without = trekant(&["review", &brief, "--format", "json"]);
    assert!(!stdout(&without).contains("budget-below-must"));

    let bad = write(&dir, "bad-profile.toml", "[me]\nrate = -5\nrat = 3\n");
    let output = trekant(&["review", &brief, "--profile", &bad, "--lang", "en"]);
    assert_eq!(code(&output), 1);
    assert!(
        stderr(&output).contains("bad-profile.toml:2:8"),
        "{}",
        stderr(&output)
    );
    assert!(stderr(&output).contains("did you mean `rate`"));
    assert_eq!(
        code(&trekant(&[
            "review",
            &brief,
            "--profile",
            "/no/profile.toml"
        ])),
        2
    );
}

#[test]
fn questions_are_grouped_and_ready_to_paste() {
    let brief = workspace().join("examples/kaffe-nord.toml");
    let output = trekant(&["questions", brief.to_str().unwrap()]);
    assert_eq!(code(&output), 0, "{}", stderr(&output));
    let md = stdout(&output);
    // The brief names its contact: the greeting uses her first name.
    assert!(md.starts_with("Hej Lone,"), "{md}");
    assert!(md.contains("## Formål"), "{md}");
    let json = trekant(&[
        "questions",
        brief.to_str().unwrap(),
        "--format",
        "json",
        "--lang",
        "en",
    ]);
    let value: serde_json::Value = serde_json::from_str(&stdout(&json)).unwrap();
    let topics: Vec<&str> = value["groups"]
        .as_array()
        .unwrap()
        .iter()
        .map(|g| g["topic"].as_str().unwrap())
        .collect();
    let order = ["purpose", "scope", "time", "money", "process"];
    let positions: Vec<usize> = topics
        .iter()
        .map(|t| order.iter().position(|o| o == t).unwrap())
        .collect();
    assert!(positions.windows(2).all(|w| w[0] < w[1]), "{topics:?}");
    let all: Vec<&str> = value["groups"]
        .as_array()
        .unwrap()
        .iter()
        .flat_map(|g| g["questions"].as_array().unwrap())
        .map(|q| q["text"].as_str().unwrap())
        .collect();
    let unique: std::collections::HashSet<_> = all.iter().collect();
    assert_eq!(unique.len(), all.len(), "questions repeat: {all:?}");
}

#[test]
fn questions_on_a_broken_brief_show_the_errors() {
    let dir = scratch("q-broken");
    let file = write(&dir, "brief.toml", BROKEN);
    let output = trekant(&["questions", &file]);
    assert_eq!(code(&output), 1);
    assert!(
        stderr(&output).contains("error[schema]"),
        "{}",
        stderr(&output)
    );
}
