//! Tracking a project and pricing its change requests, as a freelancer would: brief → track
//! start → log and import hours → status → change → close → history → calibrated estimate.

use std::path::Path;

use crate::cli::{code, scratch, stderr, stdout, trekant, workspace};

fn brief() -> String {
    workspace()
        .join("examples/harbour-physio.toml")
        .to_str()
        .unwrap()
        .to_owned()
}

fn db(dir: &Path) -> String {
    dir.join("history.db").to_str().unwrap().to_owned()
}

/// Runs trekant with `--db` in `dir`.
fn run(dir: &Path, args: &[&str]) -> std::process::Output {
    let db = db(dir);
    let mut all = vec!["--db", db.as_str()];
    all.extend_from_slice(args);
    trekant(&all)
}

fn json(output: &std::process::Output) -> serde_json::Value {
    serde_json::from_str(&stdout(output)).unwrap_or_else(|e| panic!("{e}: {}", stdout(output)))
}

const TOGGL: &str = r#"User,Email,Client,Project,Task,Description,Billable,Start date,Start time,End date,End time,Duration,Tags
me,me@example.com,Harbour,Booking,,calendar-sync,Yes,2026-03-03,09:00:00,2026-03-03,15:00:00,06:00:00,
me,me@example.com,Harbour,Booking,,"Booking, moving and cancelling appointments on the website",Yes,2026-03-04,09:00:00,2026-03-04,13:30:00,04:30:00,
me,me@example.com,Harbour,Booking,,lunch with the client,No,2026-03-04,12:00:00,2026-03-04,13:00:00,01:00:00,
"#;

#[test]
fn brief_to_tracked_project_to_history_to_calibrated_estimate() {
    let dir = scratch("track-flow");
    let brief = brief();

    let started = run(&dir, &["track", "start", &brief, "--date", "2026-03-01"]);
    assert_eq!(code(&started), 0, "{}", stderr(&started));
    assert!(
        stdout(&started).contains("5 item(s)"),
        "{}",
        stdout(&started)
    );

    let logged = run(
        &dir,
        &[
            "track",
            "log",
            "discovery",
            "7",
            "--date",
            "2026-03-02",
            "--note",
            "workshop",
        ],
    );
    assert_eq!(code(&logged), 0, "{}", stderr(&logged));

    let sheet = dir.join("toggl.csv");
    std::fs::write(&sheet, TOGGL).unwrap();
    let imported = run(
        &dir,
        &[
            "track",
            "import",
            sheet.to_str().unwrap(),
            "--format",
            "toggl",
        ],
    );
    assert_eq!(code(&imported), 0, "{}", stderr(&imported));
    let text = stdout(&imported);
    assert!(text.contains("imported 2 entries"), "{text}");
    assert!(text.contains("lunch with the client"), "{text}");

    let status = run(&dir, &["track", "status", "--format", "json"]);
    assert_eq!(code(&status), 0, "{}", stderr(&status));
    let s = json(&status);
    assert_eq!(s["project"], "Online booking for Harbour Physio");
    assert_eq!(s["logged"], 17.5);
    assert_eq!(s["likely"], 73.0);
    assert_eq!(s["crept"], 0.0);
    assert_eq!(s["calibrated"], false);
    let items = s["items"].as_array().unwrap();
    let discovery = items.iter().find(|i| i["item"] == "discovery").unwrap();
    assert_eq!(discovery["logged"], 7.0);
    // 7 h logged on a 4–6–10 h item: its P80 rises, but stays within the estimate's high.
    let (plan, now) = (
        discovery["plan_p80"].as_f64().unwrap(),
        discovery["p80"].as_f64().unwrap(),
    );
    assert!(plan < now && now <= 10.0, "{plan} {now}");
    assert!(s["forecast_p80"].as_f64().unwrap() >= s["plan_p80"].as_f64().unwrap());
    assert!(s["on_track"].is_boolean());

    let order = dir.join("change.html");
    let change = run(
        &dir,
        &[
            "change",
            &brief,
            "--title",
            "SMS <reminders>",
            "--estimate",
            "6,8,14",
            "--seed",
            "7",
            "--accept",
            "-o",
            order.to_str().unwrap(),
        ],
    );
    assert_eq!(code(&change), 0, "{}", stderr(&change));
    let html = std::fs::read_to_string(&order).unwrap();
    assert!(html.contains("SMS &lt;reminders&gt;"), "{html}");
    assert!(!html.contains("<reminders>"), "{html}");
    assert!(html.contains("Change order"), "{html}");
    assert!(stderr(&change).contains("change-1"), "{}", stderr(&change));

    let s = json(&run(&dir, &["track", "status", "--format", "json"]));
    assert_eq!(s["crept"], 8.0);
    assert_eq!(s["likely"], 81.0);
    let changes = s["changes"].as_array().unwrap();
    assert_eq!(changes.len(), 1);
    assert_eq!(changes[0]["accepted"], true);
    // Never below the change's own likely hours at the rate (8 h × 900).
    assert!(changes[0]["price"].as_f64().unwrap() >= 7200.0);
    let change_item = s["items"]
        .as_array()
        .unwrap()
        .iter()
        .find(|i| i["item"] == "change-1")
        .unwrap();
    assert_eq!(change_item["from_change"], true);
    assert!(
        run(
            &dir,
            &["track", "log", "change-1", "3", "--date", "2026-03-05"]
        )
        .status
        .success()
    );

    // Nothing is marked done: closing refuses, lists every item, and closes nothing.
    let refused = run(&dir, &["track", "close", "--date", "2026-03-20"]);
    assert_eq!(code(&refused), 2, "{}", stdout(&refused));
    let text = stderr(&refused);
    assert!(text.contains("6 items are not marked done"), "{text}");
    assert!(
        text.contains("discovery") && text.contains("7 h logged of 6 h likely"),
        "{text}"
    );
    assert!(text.contains("--unfinished drop"), "{text}");
    assert!(run(&dir, &["track", "status"]).status.success());

    for item in ["discovery", "calendar-sync", "booking-flow", "change-1"] {
        let done = run(&dir, &["track", "done", item, "--date", "2026-03-19"]);
        assert_eq!(code(&done), 0, "{}", stderr(&done));
        assert!(
            stdout(&done).contains("done on 2026-03-19"),
            "{}",
            stdout(&done)
        );
    }
    let status = stdout(&run(&dir, &["track", "status"]));
    assert_eq!(status.matches("✓ done 2026-03-19").count(), 4, "{status}");
    let s = json(&run(&dir, &["track", "status", "--format", "json"]));
    let done: Vec<&str> = s["items"]
        .as_array()
        .unwrap()
        .iter()
        .filter(|i| i["done"] == "2026-03-19")
        .map(|i| i["item"].as_str().unwrap())
        .collect();
    assert_eq!(done.len(), 4, "{s}");
    let future = run(&dir, &["track", "done", "stats", "--date", "2999-01-01"]);
    assert_eq!(code(&future), 2);

    let closed = run(
        &dir,
        &[
            "track",
            "close",
            "--date",
            "2026-03-20",
            "--unfinished",
            "drop",
        ],
    );
    assert_eq!(code(&closed), 0, "{}", stderr(&closed));
    let text = stdout(&closed);
    assert!(text.contains("4 item(s) moved"), "{text}");
    assert!(
        text.contains("left out, unfinished: reminders, stats"),
        "{text}"
    );

    let export = run(&dir, &["history", "export"]);
    assert_eq!(code(&export), 0, "{}", stderr(&export));
    let csv = stdout(&export);
    for item in ["discovery", "calendar-sync", "booking-flow", "change-1"] {
        assert!(
            csv.contains(&format!("Online booking for Harbour Physio,{item},")),
            "{csv}"
        );
    }

    let estimate = run(
        &dir,
        &["estimate", &brief, "--format", "json", "--seed", "1"],
    );
    assert_eq!(code(&estimate), 0, "{}", stderr(&estimate));
    let e = json(&estimate);
    assert_eq!(e["calibrated"], true);
    assert_eq!(e["tasks"], 4);

    // Closed: nothing is open any more.
    let after = run(&dir, &["track", "status"]);
    assert_eq!(code(&after), 2);
    assert!(stderr(&after).contains("trekant track start BRIEF"));
}

#[test]
fn log_without_a_tracked_project_says_how_to_start_one() {
    let dir = scratch("track-none");
    let output = run(&dir, &["track", "log", "design", "2"]);
    assert_eq!(code(&output), 2);
    assert!(
        stderr(&output).contains("trekant track start BRIEF"),
        "{}",
        stderr(&output)
    );
}

#[test]
fn two_open_projects_need_project() {
    let dir = scratch("track-two");
    let other = workspace().join("examples/kaffe-nord.toml");
    let first = run(&dir, &["track", "start", &brief()]);
    assert_eq!(code(&first), 0, "{}", stderr(&first));
    let second = run(&dir, &["track", "start", other.to_str().unwrap()]);
    assert_eq!(code(&second), 0, "{}", stderr(&second));

    let output = run(&dir, &["track", "log", "discovery", "2"]);
    assert_eq!(code(&output), 2);
    let text = stderr(&output);
    assert!(text.contains("--project"), "{text}");
    assert!(text.contains("Online booking for Harbour Physio"), "{text}");

    let output = run(
        &dir,
        &[
            "track",
            "log",
            "discovery",
            "2",
            "--project",
            "Online booking for Harbour Physio",
        ],
    );
    assert_eq!(code(&output), 0, "{}", stderr(&output));

    // Starting the same brief twice is refused while it is open.
    let again = run(&dir, &["track", "start", &brief()]);
    assert_eq!(code(&again), 2);
    assert!(stderr(&again).contains("already being tracked"));
}

#[test]
fn unknown_items_bad_hours_and_bad_dates_are_refused_clearly() {
    let dir = scratch("track-bad");
    assert!(run(&dir, &["track", "start", &brief()]).status.success());

    let output = run(&dir, &["track", "log", "discovry", "2"]);
    assert_eq!(code(&output), 2);
    assert!(
        stderr(&output).contains("did you mean `discovery`"),
        "{}",
        stderr(&output)
    );

    let output = run(&dir, &["track", "log", "discovery", "25"]);
    assert_eq!(code(&output), 2);
    assert!(
        stderr(&output).contains("at most 24"),
        "{}",
        stderr(&output)
    );

    let output = run(
        &dir,
        &["track", "log", "discovery", "2", "--date", "2027-02-30"],
    );
    assert_eq!(code(&output), 2);
    assert!(
        stderr(&output).contains("YYYY-MM-DD"),
        "{}",
        stderr(&output)
    );

    let output = run(&dir, &["track", "start", &brief(), "--date", "1/3/2027"]);
    assert_eq!(code(&output), 2);
    assert!(
        stderr(&output).contains("YYYY-MM-DD"),
        "{}",
        stderr(&output)
    );

    let missing = dir.join("nope.csv");
    let output = run(
        &dir,
        &[
            "track",
            "import",
            missing.to_str().unwrap(),
            "--format",
            "csv",
        ],
    );
    // An unreadable file is exit 2, as for every command (README's exit codes).
    assert_eq!(code(&output), 2, "{}", stderr(&output));
}

#[test]
fn change_with_a_bad_estimate_says_the_expected_form() {
    let dir = scratch("change-bad");
    for bad in ["6,8", "a,b,c", "10,8,6"] {
        let output = run(
            &dir,
            &["change", &brief(), "--title", "More", "--estimate", bad],
        );
        assert_eq!(code(&output), 2, "{bad}");
        assert!(
            stderr(&output).contains("LOW,LIKELY,HIGH"),
            "{}",
            stderr(&output)
        );
    }
}

#[test]
fn change_on_an_untracked_brief_prints_the_order_in_its_language() {
    let dir = scratch("change-untracked");
    let danish = workspace().join("examples/kaffe-nord.toml");
    let output = run(
        &dir,
        &[
            "change",
            danish.to_str().unwrap(),
            "--title",
            "Gavekort",
            "--estimate",
            "5",
            "--seed",
            "3",
            "--no-history",
        ],
    );
    assert_eq!(code(&output), 0, "{}", stderr(&output));
    let text = stdout(&output);
    assert!(text.starts_with("# Ændringsordre: Gavekort"), "{text}");
    assert!(text.contains("Gyldighed"), "{text}");
    // Nothing tracked, so nothing recorded, and no database created just to look.
    assert!(!Path::new(&db(&dir)).exists());

    let output = run(
        &dir,
        &[
            "change",
            danish.to_str().unwrap(),
            "--title",
            "Gavekort",
            "--estimate",
            "5",
            "--accept",
        ],
    );
    assert_eq!(code(&output), 2);
    assert!(
        stderr(&output).contains("trekant track start"),
        "{}",
        stderr(&output)
    );
}

/// `--lang da`: every track subcommand speaks Danish, with decimal commas and real plurals.
#[test]
fn track_speaks_danish_with_lang_da() {
    let dir = scratch("track-da");
    let brief = brief();
    let started = run(
        &dir,
        &[
            "track",
            "start",
            &brief,
            "--date",
            "2026-03-01",
            "--lang",
            "da",
        ],
    );
    assert_eq!(code(&started), 0, "{}", stderr(&started));
    let text = stdout(&started);
    assert!(
        text.contains("følger `Online booking for Harbour Physio` fra 2026-03-01: 5 punkter"),
        "{text}"
    );
    assert!(text.contains("t sandsynligt"), "{text}");
    assert!(
        text.contains("log timer med `trekant track log PUNKT TIMER`"),
        "{text}"
    );

    let logged = run(
        &dir,
        &[
            "track",
            "log",
            "discovery",
            "2.5",
            "--date",
            "2026-03-02",
            "--lang",
            "da",
        ],
    );
    assert_eq!(code(&logged), 0, "{}", stderr(&logged));
    let text = stdout(&logged);
    assert!(text.starts_with("loggede 2,5 t på `discovery`"), "{text}");
    assert!(text.contains("sandsynligt indtil nu"), "{text}");

    let unknown = run(&dir, &["track", "log", "discovry", "1", "--lang", "da"]);
    assert_eq!(code(&unknown), 2);
    assert!(
        stderr(&unknown).contains("har intet punkt `discovry`; mente du `discovery`?"),
        "{}",
        stderr(&unknown)
    );

    let status = run(&dir, &["track", "status", "--lang", "da"]);
    assert_eq!(code(&status), 0, "{}", stderr(&status));
    let text = stdout(&status);
    assert!(text.contains("· startet 2026-03-01"), "{text}");
    assert!(
        text.contains("punkt") && text.contains("logget") && text.contains("nu P80"),
        "{text}"
    );
    assert!(text.contains("logget 2,5 t af"), "{text}");
    assert!(text.contains("på sporet ved P80"), "{text}");
    assert!(
        text.contains("(et punkt, der er markeret færdigt,"),
        "{text}"
    );
    assert!(!text.contains(" h "), "{text}");

    let refused = run(
        &dir,
        &["track", "close", "--date", "2026-03-20", "--lang", "da"],
    );
    assert_eq!(code(&refused), 2);
    assert!(
        stderr(&refused).contains("er ikke markeret færdige"),
        "{}",
        stderr(&refused)
    );
    let closed = run(
        &dir,
        &[
            "track",
            "close",
            "--date",
            "2026-03-20",
            "--unfinished",
            "finish",
            "--lang",
            "da",
        ],
    );
    assert_eq!(code(&closed), 0, "{}", stderr(&closed));
    let text = stdout(&closed);
    assert!(text.contains("lukkede `Online booking for Harbour Physio` den 2026-03-20: 1 punkt flyttet til historikken"), "{text}");
    assert!(text.contains("udeladt, ingen timer logget:"), "{text}");
    assert!(
        text.contains("registreret som færdige den 2026-03-20 med de loggede timer: discovery"),
        "{text}"
    );

    let none = run(&dir, &["track", "status", "--lang", "da"]);
    assert!(
        stderr(&none).contains("intet projekt følges"),
        "{}",
        stderr(&none)
    );
}
