//! The store as the CLI uses it, attacked as a careful tester would (issue 12 rows 1, 2, 6, 8,
//! 13, 15; issue 8 defects 5 and 7): many processes on one database, dates after today,
//! entries past the caps, formula cells, client text in a change order.

use std::path::Path;
use std::time::Instant;

use crate::cli::{code, scratch, stderr, stdout, trekant, workspace};

fn db(dir: &Path) -> String {
    dir.join("history.db").to_str().unwrap().to_owned()
}

fn run(dir: &Path, args: &[&str]) -> std::process::Output {
    let db = db(dir);
    let mut all = vec!["--db", db.as_str()];
    all.extend_from_slice(args);
    trekant(&all)
}

/// A small brief whose items are named like accepted changes (`change-2` is a legal id).
const BRIEF: &str = r#"
[project]
name = "Collide"
language = "en"
currency = "DKK"
start = 2026-03-02

[me]
rate = 800

[[item]]
id = "change-1"
title = "First thing"
estimate = [2, 3, 5]

[[item]]
id = "change-2"
title = "Second thing"
estimate = [2, 3, 5]
"#;

fn started(dir: &Path) -> String {
    let brief = dir.join("collide.toml");
    std::fs::write(&brief, BRIEF).unwrap();
    let brief = brief.to_str().unwrap().to_owned();
    let out = run(dir, &["track", "start", &brief, "--date", "2026-03-02"]);
    assert_eq!(code(&out), 0, "{}", stderr(&out));
    brief
}

fn status(dir: &Path) -> serde_json::Value {
    let out = run(dir, &["track", "status", "--format", "json"]);
    assert_eq!(code(&out), 0, "{}", stderr(&out));
    serde_json::from_str(&stdout(&out)).unwrap()
}

/// Issue 12 row 1: 8 processes × 200 `track log` on one database used to lose 1,395 of
/// 1,600 to "database is locked" (a read transaction upgrading to a write).
#[test]
fn eight_processes_logging_at_once_lose_nothing() {
    let dir = scratch("store-concurrent-log");
    started(&dir);
    let began = Instant::now();
    std::thread::scope(|scope| {
        for _ in 0..8 {
            scope.spawn(|| {
                for _ in 0..200 {
                    let out = run(
                        &dir,
                        &["track", "log", "change-1", "0.5", "--date", "2026-03-03"],
                    );
                    assert_eq!(code(&out), 0, "{}", stderr(&out));
                }
            });
        }
    });
    let s = status(&dir);
    let item = &s["items"][0];
    assert_eq!(item["entries"], 1600, "{item}");
    assert_eq!(item["logged"], 800.0);
    eprintln!("8 × 200 track log: {:.1?}", began.elapsed());
}

/// Issue 12 row 1 (20 orders written, 11 recorded) and defect 5 (an accepted change named
/// like an item made a raw UNIQUE error): parallel `change --accept` on a brief whose items
/// are `change-1` and `change-2` are all recorded, each under a new id.
#[test]
fn parallel_accepted_changes_are_all_recorded_under_new_ids() {
    let dir = scratch("store-concurrent-change");
    let brief = started(&dir);
    std::thread::scope(|scope| {
        for n in 0..6 {
            let (dir, brief) = (&dir, &brief);
            scope.spawn(move || {
                let title = format!("Wish {n}");
                let out = run(
                    dir,
                    &[
                        "change",
                        brief,
                        "--title",
                        &title,
                        "--estimate",
                        "2,3,4",
                        "--accept",
                        "--trials",
                        "200",
                        "--seed",
                        "1",
                        "--no-history",
                    ],
                );
                assert_eq!(code(&out), 0, "{}", stderr(&out));
            });
        }
    });
    let s = status(&dir);
    let mut ids: Vec<String> = s["items"]
        .as_array()
        .unwrap()
        .iter()
        .filter(|i| i["from_change"] == true)
        .map(|i| i["item"].as_str().unwrap().to_owned())
        .collect();
    ids.sort();
    assert_eq!(
        ids,
        [
            "change-3", "change-4", "change-5", "change-6", "change-7", "change-8"
        ]
    );
    assert_eq!(s["changes"].as_array().unwrap().len(), 6);
}

/// Issue 12 row 2: processes opening a database that does not exist yet.
#[test]
fn processes_creating_one_database_at_once_all_succeed() {
    let dir = scratch("store-concurrent-create");
    std::thread::scope(|scope| {
        for _ in 0..6 {
            scope.spawn(|| {
                let out = run(&dir, &["history", "export"]);
                assert_eq!(code(&out), 0, "{}", stderr(&out));
            });
        }
    });
}

/// Issue 12 rows 6 and 15: dates after today and before the project's start are refused.
#[test]
fn dates_after_today_or_before_the_start_are_refused() {
    let dir = scratch("store-dates");
    started(&dir);
    for date in ["9999-12-31", "2026-03-01"] {
        let out = run(&dir, &["track", "log", "change-1", "2", "--date", date]);
        assert_eq!(code(&out), 2, "{date}: {}", stderr(&out));
    }
    let out = run(
        &dir,
        &["track", "log", "change-1", "2", "--date", "9999-12-31"],
    );
    assert!(stderr(&out).contains("after today"), "{}", stderr(&out));
    let out = run(
        &dir,
        &["track", "log", "change-1", "2", "--date", "2026-03-01"],
    );
    assert!(
        stderr(&out).contains("before the project started"),
        "{}",
        stderr(&out)
    );
    let out = run(&dir, &["track", "close", "--date", "9999-12-31"]);
    assert_eq!(code(&out), 2, "{}", stderr(&out));
    assert!(stderr(&out).contains("after today"), "{}", stderr(&out));
    assert_eq!(status(&dir)["logged"], 0.0);

    let csv = dir.join("typo.csv");
    std::fs::write(
        &csv,
        "project,item,category,low,likely,high,actual,finished\n\
         p,a,,,2,,3,2026-01-05\np,b,,,2,,2,2207-01-05\n",
    )
    .unwrap();
    let out = run(&dir, &["history", "import", csv.to_str().unwrap()]);
    assert_eq!(code(&out), 1, "{}", stderr(&out));
    assert!(stderr(&out).contains("line 3"), "{}", stderr(&out));
    assert!(stderr(&out).contains("after today"), "{}", stderr(&out));
    let out = run(
        &dir,
        &["history", "import", csv.to_str().unwrap(), "--skip-bad"],
    );
    assert_eq!(code(&out), 0, "{}", stderr(&out));
    assert!(stdout(&out).contains("imported 1 task"), "{}", stdout(&out));
}

/// Issue 12 rows 8 and 15: `track import` caps entries as `track log` does, and refuses a
/// file with bad rows unless --skip-bad, like `history import`.
#[test]
fn track_import_follows_the_rules_of_track_log_and_history_import() {
    let dir = scratch("store-import-rules");
    started(&dir);
    let sheet = dir.join("sheet.csv");
    std::fs::write(
        &sheet,
        "item,date,hours\n\
         change-1,2026-03-03,2\n\
         change-2,2026-03-03,4294967295\n\
         change-2,2026-03-04,not hours\n\
         change-1,2026-02-01,1\n\
         change-2,2026-03-05,3\n",
    )
    .unwrap();
    let sheet = sheet.to_str().unwrap();
    let out = run(&dir, &["track", "import", sheet, "--format", "csv"]);
    assert_eq!(code(&out), 1, "{}", stderr(&out));
    let err = stderr(&out);
    assert!(err.contains("nothing imported"), "{err}");
    assert!(
        err.contains("line 3") && err.contains("at most 24"),
        "{err}"
    );
    assert!(
        err.contains("line 5") && err.contains("before the project started"),
        "{err}"
    );
    assert_eq!(status(&dir)["logged"], 0.0);

    let out = run(
        &dir,
        &["track", "import", sheet, "--format", "csv", "--skip-bad"],
    );
    assert_eq!(code(&out), 0, "{}", stderr(&out));
    assert!(stderr(&out).contains("(row skipped)"), "{}", stderr(&out));
    assert_eq!(status(&dir)["logged"], 5.0);

    // What the store holds goes out and back in: close, export, import into a new one.
    let out = run(
        &dir,
        &[
            "track",
            "close",
            "--date",
            "2026-03-10",
            "--unfinished",
            "finish",
        ],
    );
    assert_eq!(code(&out), 0, "{}", stderr(&out));
    let export = stdout(&run(&dir, &["history", "export"]));
    let file = dir.join("backup.csv");
    std::fs::write(&file, &export).unwrap();
    let other = scratch("store-import-rules-restore");
    let out = run(&other, &["history", "import", file.to_str().unwrap()]);
    assert_eq!(code(&out), 0, "{}", stderr(&out));
    assert_eq!(stdout(&run(&other, &["history", "export"])), export);
}

/// Issue 12 row 13: formula cells are neutralised on export and read back unchanged.
#[test]
fn exported_formula_cells_are_neutralised_and_round_trip() {
    let dir = scratch("store-formula");
    let csv = dir.join("formulas.csv");
    std::fs::write(
        &csv,
        "project,item,category,low,likely,high,actual,finished\n\
         \"=HYPERLINK(\"\"http://evil\"\",\"\"x\"\")\",+item,@cat,,2,,3,2026-01-05\n\
         plain,-1,'quoted,,2,,3,2026-01-06\n",
    )
    .unwrap();
    let out = run(&dir, &["history", "import", csv.to_str().unwrap()]);
    assert_eq!(code(&out), 0, "{}", stderr(&out));
    let export = stdout(&run(&dir, &["history", "export"]));
    for line in export.lines().skip(1) {
        for cell in line.split(',') {
            let cell = cell.trim_start_matches('"');
            assert!(!cell.starts_with(['=', '+', '-', '@']), "{line}");
        }
    }
    assert!(export.contains("'+item,'@cat"), "{export}");
    assert!(export.contains("plain,'-1,'quoted"), "{export}");
    // Read back: the same tasks, not new ones.
    let file = dir.join("export.csv");
    std::fs::write(&file, &export).unwrap();
    let out = run(&dir, &["history", "import", file.to_str().unwrap()]);
    assert_eq!(code(&out), 0, "{}", stderr(&out));
    assert!(
        stdout(&out).contains("imported 0 tasks") && stdout(&out).contains("2 already"),
        "{}",
        stdout(&out)
    );
    assert_eq!(stdout(&run(&dir, &["history", "export"])), export);
}

/// Defect 7: Markdown in a change order's title is escaped.
#[test]
fn a_change_title_cannot_inject_markdown() {
    let dir = scratch("store-change-md");
    let brief = workspace().join("examples/harbour-physio.toml");
    let out = run(
        &dir,
        &[
            "change",
            brief.to_str().unwrap(),
            "--title",
            "# Free *everything* | <script>alert(1)</script> [x](javascript:alert(1))\n## Paid",
            "--estimate",
            "2",
            "--trials",
            "200",
            "--seed",
            "1",
            "--no-history",
        ],
    );
    assert_eq!(code(&out), 0, "{}", stderr(&out));
    let md = stdout(&out);
    let headings: Vec<&str> = md.lines().filter(|l| l.starts_with('#')).collect();
    // The order's own headings only: the title, what is added, the effect, validity and
    // acceptance.
    assert_eq!(headings.len(), 5, "{md}");
    assert!(
        headings[0].starts_with("# Change order: \\# Free \\*everything\\* \\|"),
        "{md}"
    );
    assert!(!md.contains("<script>"), "{md}");
    assert!(md.contains("\\[x\\](javascript:alert(1))"), "{md}");
}

/// Starts `trekant --db DB args…` and kills it with SIGKILL after `delay`.
fn kill_after(dir: &Path, args: &[&str], delay: std::time::Duration) {
    let db = db(dir);
    let mut child = std::process::Command::new(env!("CARGO_BIN_EXE_trekant"))
        .arg("--db")
        .arg(&db)
        .args(args)
        .env(
            "XDG_CONFIG_HOME",
            std::env::temp_dir().join("trekant-test-empty-config"),
        )
        .env("NO_COLOR", "1")
        .stdout(std::process::Stdio::null())
        .stderr(std::process::Stdio::null())
        .spawn()
        .unwrap();
    std::thread::sleep(delay);
    let _ = child.kill(); // SIGKILL: no destructor, no rollback, no clean close
    child.wait().unwrap();
}

/// Issue 12: a kill -9 test for each kind of write. Every write is one transaction, so
/// whenever the process dies the database opens, and what it holds is whole: an accepted
/// change is both a change request and an item, a closed project is all in the history.
#[test]
fn kill_nine_during_any_write_leaves_a_whole_database() {
    use trekant_store::{SqliteStore, Store};
    let dir = scratch("store-kill-nine");
    let brief = started(&dir);
    let history = dir.join("history.csv");
    let mut text = String::from("project,item,category,low,likely,high,actual,finished\n");
    for i in 0..2000 {
        text.push_str(&format!(
            "old,t{i},dev,,2,,3,2025-{:02}-{:02}\n",
            1 + i % 12,
            1 + i % 28
        ));
    }
    std::fs::write(&history, text).unwrap();
    let sheet = dir.join("sheet.csv");
    let mut text = String::from("item,date,hours\n");
    for i in 0..200 {
        text.push_str(&format!("change-2,2026-03-{:02},0.5\n", 3 + i % 20));
    }
    std::fs::write(&sheet, text).unwrap();
    let (history, sheet) = (history.to_str().unwrap(), sheet.to_str().unwrap());
    let change = [
        "change",
        &brief,
        "--title",
        "Wish",
        "--estimate",
        "1",
        "--accept",
        "--trials",
        "200",
        "--seed",
        "1",
        "--no-history",
    ];
    let writes: [&[&str]; 5] = [
        &["track", "log", "change-1", "1", "--date", "2026-03-03"],
        &["track", "import", sheet, "--format", "csv"],
        &["history", "import", history],
        &change,
        &[
            "track",
            "close",
            "--date",
            "2026-03-25",
            "--unfinished",
            "finish",
        ],
    ];
    let whole = |round: usize| {
        let store = SqliteStore::open(Path::new(&db(&dir))).unwrap();
        let n = store.history_len().unwrap();
        let old = store
            .export_history()
            .unwrap()
            .iter()
            .filter(|r| r.project == "old")
            .count();
        assert!(
            old == 0 || old == 2000,
            "round {round}: {old} of 2000 imported"
        );
        if store.open_projects().unwrap().is_empty() {
            let closed = store
                .export_history()
                .unwrap()
                .iter()
                .filter(|r| r.project == "Collide")
                .count();
            assert!(
                closed > 0,
                "round {round}: closed but nothing in the history ({n})"
            );
        } else {
            let s = store.track_status("Collide").unwrap();
            let from_change = s.items.iter().filter(|i| i.from_change).count();
            assert_eq!(from_change, s.changes.len(), "round {round}");
            let imported = s.items[1].entries;
            assert_eq!(
                imported % 200,
                0,
                "round {round}: {imported} entries of a 200-entry import"
            );
        }
    };
    let mut round = 0;
    for delay_ms in [2u64, 5, 10, 20, 40] {
        for write in writes {
            let store = SqliteStore::open(Path::new(&db(&dir))).unwrap();
            let open = !store.open_projects().unwrap().is_empty();
            drop(store);
            if !open {
                // Closed by an earlier round: track the project again (a new one of that name).
                let out = run(&dir, &["track", "start", &brief, "--date", "2026-03-02"]);
                assert_eq!(code(&out), 0, "{}", stderr(&out));
            }
            if write[1] == "close" {
                // A project closed with no hours logged moves nothing into the history, which
                // would make "closed, so its rows are there" untestable: log an hour first.
                let out = run(
                    &dir,
                    &["track", "log", "change-1", "1", "--date", "2026-03-03"],
                );
                assert_eq!(code(&out), 0, "{}", stderr(&out));
            }
            kill_after(&dir, write, std::time::Duration::from_millis(delay_ms));
            whole(round);
            round += 1;
        }
    }
}
