//! Calibration per person in a shared history (`--as PERSON`), run as a team would: each
//! person imports their own tasks, estimates rest on their own history when it is deep enough
//! and on the team's otherwise, and `calibration` shows each person against the team.

use super::cli::{code, scratch, stderr, stdout, trekant, workspace};

/// `n` finished tasks, each taking `ratio` times its likely estimate.
fn tasks(n: usize, ratio: f64) -> String {
    let mut csv = String::from("project,item,category,low,likely,high,actual,finished\n");
    for i in 0..n {
        let likely = 4.0 + (i % 5) as f64;
        csv.push_str(&format!(
            "p{},task{i},development,,{likely},,{},2025-{:02}-{:02}\n",
            i / 10,
            likely * ratio,
            1 + i % 12,
            1 + i % 28
        ));
    }
    csv
}

/// Imports `csv` into `db` as `person`.
fn import(dir: &std::path::Path, db: &str, person: &str, csv: &str) {
    let file = dir.join(format!("{person}.csv"));
    std::fs::write(&file, csv).unwrap();
    let output = trekant(&[
        "history",
        "import",
        file.to_str().unwrap(),
        "--db",
        db,
        "--as",
        person,
    ]);
    assert_eq!(code(&output), 0, "{}", stderr(&output));
}

fn estimate(db: &str, extra: &[&str]) -> serde_json::Value {
    let brief = workspace().join("examples/harbour-physio.toml");
    let mut args = vec!["estimate", brief.to_str().unwrap(), "--format", "json"];
    args.extend_from_slice(&["--seed", "7", "--db", db]);
    args.extend_from_slice(extra);
    let output = trekant(&args);
    assert_eq!(code(&output), 0, "{}", stderr(&output));
    serde_json::from_str(&stdout(&output)).unwrap()
}

#[test]
fn each_person_is_calibrated_on_their_own_history_when_deep_enough_else_the_teams() {
    let dir = scratch("person-team");
    let db = dir.join("team.db");
    let db = db.to_str().unwrap();
    // Ann always takes twice her estimate, over 40 tasks; Bo has 10 tasks, right on estimate.
    import(&dir, db, "ann@example.com", &tasks(40, 2.0));
    import(&dir, db, "bo@example.com", &tasks(10, 1.0));

    let ann = estimate(db, &["--as", "ann@example.com"]);
    assert_eq!(
        (&ann["calibrated"], &ann["tasks"], &ann["basis"]),
        (&true.into(), &40.into(), &"person".into()),
        "{ann}"
    );
    // Bo's own 10 tasks are too thin: the team's 50 carry his estimate.
    let bo = estimate(db, &["--as", "bo@example.com"]);
    assert_eq!(
        (&bo["calibrated"], &bo["tasks"], &bo["basis"]),
        (&true.into(), &50.into(), &"team".into()),
        "{bo}"
    );
    assert!(ann["hours"]["p50"].as_f64() > bo["hours"]["p50"].as_f64());
    // Someone new to the team gets the team's history too; no history at all is no basis.
    let new = estimate(db, &["--as", "cy@example.com"]);
    assert_eq!((&new["tasks"], &new["basis"]), (&50.into(), &"team".into()));
    let raw = estimate(db, &["--as", "ann@example.com", "--no-history"]);
    assert_eq!(
        (&raw["calibrated"], &raw["basis"]),
        (&false.into(), &serde_json::Value::Null)
    );

    // The human view says whose history it is.
    let brief = workspace().join("examples/harbour-physio.toml");
    let human = trekant(&[
        "estimate",
        brief.to_str().unwrap(),
        "--db",
        db,
        "--as",
        "bo@example.com",
    ]);
    assert!(
        stdout(&human).contains("calibrated mostly on the team's history (50 tasks"),
        "{}",
        stdout(&human)
    );

    // Each person against the team, in Danish with Danish numbers.
    let table = trekant(&[
        "calibration",
        "--db",
        db,
        "--as",
        "ann@example.com",
        "--lang",
        "da",
    ]);
    assert_eq!(code(&table), 0, "{}", stderr(&table));
    let said = stdout(&table);
    assert!(said.starts_with("Dine 40 afsluttede opgaver"), "{said}");
    assert!(said.contains("Hver person over for teamet"), "{said}");
    let row = |name: &str| {
        said.lines()
            .find(|l| l.trim_start().starts_with(name))
            .unwrap_or_else(|| panic!("no row for {name}: {said}"))
            .to_string()
    };
    assert!(row("teamet (alle)").contains(" 50 "), "{said}");
    let ann_row = row("ann@example.com");
    assert!(
        ann_row.contains("2,00×") && ann_row.ends_with("egen historik"),
        "{ann_row}"
    );
    let bo_row = row("bo@example.com");
    assert!(
        bo_row.contains("1,00×") && bo_row.ends_with("teamets"),
        "{bo_row}"
    );
    assert!(
        said.contains("færre end 30 egne opgaver vejer teamets mest"),
        "{said}"
    );

    // The JSON adds the team and the people to the summary of one's own history.
    let json = trekant(&["calibration", "--db", db, "--format", "json"]);
    let json: serde_json::Value = serde_json::from_str(&stdout(&json)).unwrap();
    // The local user has no tasks of their own here: the summary is the team's.
    assert_eq!(json["basis"], "team");
    assert_eq!(json["overall"]["tasks"], 50);
    assert_eq!(json["team"]["tasks"], 50);
    let people: Vec<(&str, &str, u64)> = json["people"]
        .as_array()
        .unwrap()
        .iter()
        .map(|p| {
            (
                p["person"].as_str().unwrap(),
                p["basis"].as_str().unwrap(),
                p["tasks"].as_u64().unwrap(),
            )
        })
        .collect();
    assert_eq!(
        people,
        [
            ("ann@example.com", "person", 40),
            ("bo@example.com", "team", 10)
        ]
    );
    let local = stdout(&trekant(&["calibration", "--db", db]));
    assert!(
        local.starts_with("local has no finished tasks of their own yet"),
        "{local}"
    );
}

#[test]
fn one_freelancer_has_no_per_person_split_and_their_own_basis() {
    let dir = scratch("person-solo");
    let db = dir.join("solo.db");
    let db = db.to_str().unwrap();
    let file = dir.join("mine.csv");
    // Thin (10 tasks), but nobody else's: still the freelancer's own.
    std::fs::write(&file, tasks(10, 1.5)).unwrap();
    let output = trekant(&["history", "import", file.to_str().unwrap(), "--db", db]);
    assert_eq!(code(&output), 0, "{}", stderr(&output));
    let solo = estimate(db, &[]);
    assert_eq!(
        (&solo["tasks"], &solo["basis"]),
        (&10.into(), &"person".into())
    );
    let said = stdout(&trekant(&["calibration", "--db", db]));
    assert!(said.starts_with("Your 10 finished tasks"), "{said}");
    assert!(!said.contains("Each person against the team"), "{said}");
    let json = trekant(&["calibration", "--db", db, "--format", "json"]);
    let json: serde_json::Value = serde_json::from_str(&stdout(&json)).unwrap();
    assert_eq!(json["basis"], "person");
    assert!(json.get("people").is_none(), "{json}");
}
