//! The pseudo-locale: every command run with `TREKANT_PSEUDO_LOCALE=1`, where every message
//! from the catalogs comes out wrapped in `⟦…⟧`. Any text outside the brackets did not come
//! through the catalog, unless it is data.
//!
//! What counts as data, and so may stand outside the brackets:
//! - every word of the files the command reads (the client's text, item ids and titles, the
//!   history's categories, the names of projects) and of its command line (file names);
//! - rule codes and Markdown/JSON/CSV syntax the output format itself needs (table rules,
//!   headers of machine formats are checked by their own contract tests, so
//!   `--format json` and `csv` are not run here);
//! - a short, listed set of symbols that are not words of any language: the quantile
//!   names `P10`…`P90`, the currency codes ISO 4217 defines, and the `trekant: error:`
//!   prefix, which is a contract;
//! - what the operating system says about a file it cannot read (its `io::Error`), which
//!   stands after the catalog's sentence on the same line.
//!
//! Everything else — any run of two or more letters outside the brackets — fails the test
//! with the command and the offending words.

use std::collections::BTreeSet;
use std::path::Path;
use std::process::{Command, Output};

use super::cli::{scratch, workspace};

const SYMBOLS: &[&str] = &[
    "P10", "P50", "P80", "P90", "DKK", "EUR", "USD", "SEK", "NOK",
];

fn run(args: &[&str], dir: &Path) -> Output {
    Command::new(env!("CARGO_BIN_EXE_trekant"))
        .args(args)
        .env("XDG_CONFIG_HOME", dir.join("config"))
        .env("XDG_DATA_HOME", dir.join("data"))
        .env("NO_COLOR", "1")
        .env("TREKANT_PSEUDO_LOCALE", "1")
        .env_remove("LC_ALL")
        .env_remove("LC_MESSAGES")
        .env_remove("LANG")
        .output()
        .expect("the trekant binary runs")
}

/// The text outside `⟦…⟧` (brackets may nest: a message can carry another).
fn outside(text: &str) -> String {
    let mut depth = 0usize;
    let mut out = String::new();
    for c in text.chars() {
        match c {
            '⟦' => depth += 1,
            '⟧' => {
                depth = depth.saturating_sub(1);
                out.push(' ');
            }
            _ if depth == 0 => out.push(c),
            _ => {}
        }
    }
    out
}

fn words(text: &str) -> impl Iterator<Item = &str> {
    text.split(|c: char| !c.is_alphanumeric())
        .filter(|w| w.chars().filter(|c| c.is_alphabetic()).count() >= 2)
}

/// The words of `output` outside the brackets that are neither data nor symbols.
fn foreign(output: &str, data: &BTreeSet<String>) -> BTreeSet<String> {
    // An error line may end with the operating system's own words about the file.
    let output: String = output
        .lines()
        .map(|line| match line.strip_prefix("trekant: error: ") {
            Some(rest) => rest
                .rfind('⟧')
                .map_or(line, |end| &rest[..end + '⟧'.len_utf8()]),
            None => line,
        })
        .collect::<Vec<_>>()
        .join("\n");
    let outside = outside(&output);
    words(&outside)
        .filter(|w| !SYMBOLS.contains(w) && !data.contains(&w.to_lowercase()))
        .map(str::to_owned)
        .collect()
}

fn data_words(files: &[&Path], args: &[&str]) -> BTreeSet<String> {
    let mut data: BTreeSet<String> = BTreeSet::new();
    for file in files {
        let text = std::fs::read_to_string(file).unwrap_or_default();
        data.extend(words(&text).map(str::to_lowercase));
    }
    for arg in args {
        data.extend(words(arg).map(str::to_lowercase));
    }
    for rule in [
        "syntax",
        "schema",
        "vague",
        "wording",
        "minimizing",
        "urgency",
        "open",
        "ended",
        "comparison",
        "reference",
        "unbounded",
        "revisions",
        "missing",
        "purpose",
        "success",
        "unmeasurable",
        "budget",
        "deadline",
        "priority",
        "rate",
        "point",
        "estimate",
        "wide",
        "large",
        "item",
        "below",
        "must",
        "fixed",
        "triangle",
        "unrealistic",
        "tight",
        "order",
        "range",
        "duplicate",
        "id",
        "unknown",
        "dependency",
        "cycle",
        "before",
        "start",
        "probability",
        "invalid",
        "setting",
        "acceptance",
        "at",
        "discretion",
        "scope",
        "undecided",
        "unilateral",
        "change",
        "support",
        "unquantified",
        "price",
        "cap",
        "suspicious",
        "number",
        "items",
        "no",
        "reservations",
    ] {
        data.insert(rule.to_owned());
    }
    data
}

fn history_csv() -> String {
    let mut csv = String::from("project,item,category,low,likely,high,actual,finished\n");
    for i in 0..40 {
        let (category, likely, actual) = if i % 2 == 0 {
            ("design", 10.0, 15.0 + f64::from(i % 5))
        } else {
            ("development", 20.0, 21.0 + f64::from(i % 7))
        };
        csv.push_str(&format!(
            "p{},task{i},{category},,{likely},,{actual},2025-{:02}-{:02}\n",
            i / 10,
            1 + i % 12,
            1 + i % 28
        ));
    }
    csv
}

#[test]
fn every_command_speaks_only_through_the_catalog() {
    let dir = scratch("pseudo");
    let root = workspace();
    let brief = root.join("examples/kaffe-nord.toml");
    let email = root.join("examples/client-email.txt");
    let history = dir.join("h.csv");
    std::fs::write(&history, history_csv()).unwrap();
    let db = dir.join("h.db");
    let (brief_s, email_s, history_s, db_s) = (
        brief.to_str().unwrap(),
        email.to_str().unwrap(),
        history.to_str().unwrap(),
        db.to_str().unwrap(),
    );
    let physio = root.join("examples/harbour-physio.toml");
    let physio_s = physio.to_str().unwrap();
    let track_db = dir.join("track.db");
    let track_s = track_db.to_str().unwrap();
    let toggl = dir.join("toggl.csv");
    std::fs::write(
        &toggl,
        "User,Email,Client,Project,Task,Description,Billable,Start date,Start time,End date,End time,Duration,Tags\n\
         me,me@example.com,Harbour,Booking,,calendar-sync,Yes,2026-03-03,09:00:00,2026-03-03,15:00:00,06:00:00,\n\
         me,me@example.com,Harbour,Booking,,lunch with the client,No,2026-03-04,12:00:00,2026-03-04,13:00:00,01:00:00,\n",
    )
    .unwrap();
    let toggl_s = toggl.to_str().unwrap();
    // Errors of the core and the store: bad rows, a whole file, settings, a change's estimate.
    let bad_history = dir.join("bad.csv");
    std::fs::write(
        &bad_history,
        "project,item,category,low,likely,high,actual,finished\n\
         p,a,,,0,,3,2025-01-02\n\
         p,b,,5,2,,3,2025-01-02\n\
         p,c,,,2,,x,2025-01-02\n\
         p,d,,,2,,3\n\
         p,e,,,2,,3,2025-01-02\n\
         p,e,,,2,,3,2025-01-02\n",
    )
    .unwrap();
    let bad_history_s = bad_history.to_str().unwrap();
    let empty = dir.join("empty.csv");
    std::fs::write(&empty, "").unwrap();
    let empty_s = empty.to_str().unwrap();
    let mixed = dir.join("mixed.csv");
    std::fs::write(
        &mixed,
        "project,item,category,low,likely,high,actual,finished\n\
         p,a,,,2.5,,3,2025-01-02\n\
         p,b,,,\"2,5\",,3,2025-01-02\n",
    )
    .unwrap();
    let mixed_s = mixed.to_str().unwrap();
    let runs: Vec<(Vec<&str>, Vec<&Path>)> = vec![
        (vec!["review", brief_s], vec![&brief]),
        (vec!["review", email_s], vec![&email]),
        (vec!["questions", brief_s], vec![&brief]),
        (vec!["estimate", brief_s], vec![&brief]),
        (vec!["options", brief_s], vec![&brief]),
        (
            vec!["history", "import", history_s, "--db", db_s],
            vec![&history],
        ),
        (vec!["calibration", "--db", db_s], vec![&history]),
        (vec!["backtest", history_s], vec![&history]),
        // The rules' documentation comes from the catalogs too.
        (vec!["explain"], vec![]),
        (vec!["explain", "vague-wording"], vec![]),
        (vec!["explain", "triangle-tight"], vec![]),
        (
            vec!["history", "import", bad_history_s, "--db", db_s],
            vec![&bad_history],
        ),
        (
            vec![
                "history",
                "import",
                bad_history_s,
                "--db",
                db_s,
                "--skip-bad",
            ],
            vec![&bad_history],
        ),
        (vec!["history", "import", empty_s, "--db", db_s], vec![]),
        (vec!["backtest", mixed_s], vec![&mixed]),
        (vec!["estimate", brief_s, "--trials", "5"], vec![&brief]),
        (
            vec![
                "change",
                brief_s,
                "--title",
                "Gift cards",
                "--estimate",
                "4,x",
            ],
            vec![&brief],
        ),
        (
            vec![
                "change",
                brief_s,
                "--title",
                "Gift cards",
                "--estimate",
                "10,6,4",
            ],
            vec![&brief],
        ),
        (vec!["calibration", "--db", "/no/such/history.db"], vec![]),
        (vec!["proposal", brief_s], vec![&brief]),
        (vec!["history", "export", "--db", db_s], vec![&history]),
        (vec!["review", "/no/such/brief.toml"], vec![]),
        (vec!["estimate", email_s], vec![&email]),
        (vec!["backtest", "/no/such/history.csv"], vec![]),
        (
            vec![
                "track",
                "start",
                physio_s,
                "--db",
                track_s,
                "--date",
                "2026-03-01",
            ],
            vec![&physio],
        ),
        (
            vec![
                "track",
                "start",
                physio_s,
                "--db",
                track_s,
                "--date",
                "2026-03-01",
            ],
            vec![&physio],
        ),
        (
            vec![
                "track",
                "log",
                "discovery",
                "2.5",
                "--db",
                track_s,
                "--date",
                "2026-03-02",
            ],
            vec![&physio],
        ),
        (
            vec!["track", "log", "discovry", "1", "--db", track_s],
            vec![&physio],
        ),
        (
            vec!["track", "log", "discovery", "30", "--db", track_s],
            vec![&physio],
        ),
        (
            vec![
                "track",
                "log",
                "discovery",
                "1",
                "--db",
                track_s,
                "--date",
                "soon",
            ],
            vec![&physio],
        ),
        (
            vec![
                "track", "import", toggl_s, "--format", "toggl", "--db", track_s,
            ],
            vec![&physio, &toggl],
        ),
        (vec!["track", "status", "--db", track_s], vec![&physio]),
        (
            vec!["track", "status", "--db", track_s, "--project", "nope"],
            vec![&physio],
        ),
        (
            vec!["track", "close", "--db", track_s, "--date", "2026-03-20"],
            vec![&physio],
        ),
        (
            vec![
                "track",
                "done",
                "discovery",
                "--db",
                track_s,
                "--date",
                "2026-03-19",
            ],
            vec![&physio],
        ),
        (vec!["track", "status", "--db", track_s], vec![&physio]),
        (
            vec![
                "track",
                "close",
                "--db",
                track_s,
                "--date",
                "2026-03-20",
                "--unfinished",
                "drop",
            ],
            vec![&physio],
        ),
        (vec!["track", "status", "--db", track_s], vec![&physio]),
    ];
    let mut failures = Vec::new();
    for (args, files) in &runs {
        let output = run(args, &dir);
        let data = data_words(files, args);
        for stream in [&output.stdout, &output.stderr] {
            let text = String::from_utf8_lossy(stream);
            let bad = foreign(&text, &data);
            if !bad.is_empty() {
                failures.push(format!("trekant {}: {bad:?}\n{text}", args.join(" ")));
            }
        }
    }
    assert!(failures.is_empty(), "{}", failures.join("\n\n"));
}

#[test]
fn the_check_sees_text_outside_the_brackets() {
    let data = BTreeSet::from(["kaffe".to_owned()]);
    assert!(foreign("⟦Tilbud ⟦til⟧⟧ Kaffe P80 · 12", &data).is_empty());
    assert_eq!(
        foreign("⟦Tilbud⟧ seed 42", &data),
        BTreeSet::from(["seed".to_owned()])
    );
}

/// `backtest`, `calibration`, `history` and `explain` read no brief: they speak `--lang`, else
/// the system locale.
#[test]
fn commands_without_a_brief_follow_lang_then_the_system_locale() {
    let dir = scratch("locale");
    let history = dir.join("h.csv");
    std::fs::write(&history, history_csv()).unwrap();
    let file = history.to_str().unwrap();
    let backtest = |envs: &[(&str, &str)], lang: Option<&str>| {
        let mut command = Command::new(env!("CARGO_BIN_EXE_trekant"));
        command
            .args(["backtest", file])
            .env_remove("LC_ALL")
            .env_remove("LC_MESSAGES")
            .env_remove("LANG");
        if let Some(lang) = lang {
            command.args(["--lang", lang]);
        }
        for (k, v) in envs {
            command.env(k, v);
        }
        String::from_utf8(command.output().unwrap().stdout).unwrap()
    };
    assert!(backtest(&[], None).starts_with("Walking forward"));
    let danish = backtest(&[("LANG", "da_DK.UTF-8")], None);
    assert!(danish.starts_with("Dag for dag"), "{danish}");
    assert!(danish.contains("0,"), "Danish decimals: {danish}");
    assert!(
        backtest(&[("LC_ALL", "en_US.UTF-8"), ("LANG", "da_DK.UTF-8")], None)
            .starts_with("Walking")
    );
    assert!(backtest(&[("LANG", "da_DK.UTF-8")], Some("en")).starts_with("Walking"));
}

/// The profile's `language` comes after `--lang` and before the brief's and the system
/// locale's, for every command; errors of the core and the store follow it too.
#[test]
fn the_profile_language_comes_after_lang_and_before_the_rest() {
    let dir = scratch("profile-lang");
    let config = dir.join("config");
    std::fs::create_dir_all(config.join("trekant")).unwrap();
    std::fs::write(
        config.join("trekant/profile.toml"),
        "language = \"da\"\n[me]\nrate = 850\n",
    )
    .unwrap();
    let history = dir.join("h.csv");
    std::fs::write(&history, history_csv()).unwrap();
    let empty = dir.join("empty.csv");
    std::fs::write(&empty, "").unwrap();
    let brief = workspace().join("examples/harbour-physio.toml");
    let trekant = |args: &[&str]| {
        let output = Command::new(env!("CARGO_BIN_EXE_trekant"))
            .args(args)
            .env("XDG_CONFIG_HOME", &config)
            .env("XDG_DATA_HOME", dir.join("data"))
            .env("NO_COLOR", "1")
            .env("LANG", "en_GB.UTF-8")
            .env_remove("LC_ALL")
            .env_remove("LC_MESSAGES")
            .output()
            .unwrap();
        (
            String::from_utf8(output.stdout).unwrap(),
            String::from_utf8(output.stderr).unwrap(),
        )
    };
    let file = history.to_str().unwrap();
    let (out, _) = trekant(&["backtest", file]);
    assert!(out.starts_with("Dag for dag"), "{out}");
    let (out, _) = trekant(&["backtest", file, "--lang", "en"]);
    assert!(out.starts_with("Walking"), "{out}");
    let (out, _) = trekant(&["explain", "vague-wording"]);
    assert!(
        out.starts_with("**vague-wording** (advarsel): et ord"),
        "{out}"
    );
    let (out, _) = trekant(&["explain", "vague-wording", "--lang", "en"]);
    assert!(
        out.starts_with("**vague-wording** (warning): a word"),
        "{out}"
    );
    // An English brief, reviewed in the profile's Danish.
    let (out, _) = trekant(&["questions", brief.to_str().unwrap()]);
    assert!(
        out.contains("Spørgsmål") || out.contains("spørgsmål") || out.contains("Hvad"),
        "{out}"
    );
    // The core's errors speak it too.
    let (_, err) = trekant(&["history", "import", empty.to_str().unwrap()]);
    assert!(err.contains("filen er tom"), "{err}");
    let (_, err) = trekant(&["estimate", brief.to_str().unwrap(), "--trials", "5"]);
    assert!(
        err.contains("trekant: error: --trials skal ligge mellem 100 og 10.000.000"),
        "{err}"
    );
    let (_, err) = trekant(&[
        "estimate",
        brief.to_str().unwrap(),
        "--trials",
        "5",
        "--lang",
        "en",
    ]);
    assert!(err.contains("--trials must be between"), "{err}");
}
