//! `history`, `backtest`, `calibration` and calibrated estimates, run as a user would.

use super::cli::{code, scratch, stderr, stdout, trekant, workspace};

/// A small history: a provider who overruns design work by half and development a little.
fn history_csv() -> String {
    let mut csv = String::from("project,item,category,low,likely,high,actual,finished\n");
    for i in 0..60 {
        let month = 1 + i % 12;
        let day = 1 + i % 28;
        let (category, likely, actual) = if i % 2 == 0 {
            ("design", 10.0, 15.0 + f64::from(i % 5))
        } else {
            ("development", 20.0, 21.0 + f64::from(i % 7))
        };
        csv.push_str(&format!(
            "p{},task{i},{category},,{likely},,{actual},2025-{month:02}-{day:02}\n",
            i / 10
        ));
    }
    csv
}

#[test]
fn import_is_idempotent_and_exports_what_it_holds() {
    let dir = scratch("history");
    let db = dir.join("h.db");
    let db = db.to_str().unwrap();
    let file = dir.join("h.csv");
    std::fs::write(&file, history_csv()).unwrap();
    let file = file.to_str().unwrap();
    let first = trekant(&["history", "import", file, "--db", db]);
    assert_eq!(code(&first), 0, "{}", stderr(&first));
    assert!(
        stdout(&first).contains("imported 60 tasks"),
        "{}",
        stdout(&first)
    );
    let again = trekant(&["history", "import", file, "--db", db]);
    assert!(stdout(&again).contains("imported 0 tasks") && stdout(&again).contains("60 already"));
    let export = trekant(&["history", "export", "--db", db]);
    assert_eq!(code(&export), 0);
    assert_eq!(stdout(&export).lines().count(), 61);
    assert!(stdout(&export).starts_with("project,item,category,low,likely,high,actual,finished\n"));
}

#[test]
fn a_file_with_bad_rows_imports_nothing_unless_asked() {
    let dir = scratch("bad-rows");
    let db = dir.join("h.db");
    let db = db.to_str().unwrap();
    let file = dir.join("bad.csv");
    let mut csv = history_csv();
    csv.push_str("p9,broken,design,,ten,,12,2025-05-05\n");
    std::fs::write(&file, csv).unwrap();
    let file = file.to_str().unwrap();
    let output = trekant(&["history", "import", file, "--db", db]);
    assert_eq!(code(&output), 1);
    assert!(stderr(&output).contains("line 62"), "{}", stderr(&output));
    assert!(stderr(&output).contains("nothing imported"));
    let export = trekant(&["history", "export", "--db", db]);
    assert_eq!(stdout(&export).lines().count(), 1, "only the header");
    let skip = trekant(&["history", "import", file, "--db", db, "--skip-bad"]);
    assert_eq!(code(&skip), 0);
    assert!(stdout(&skip).contains("imported 60") && stdout(&skip).contains("1 bad row skipped"));
}

#[test]
fn backtest_reports_the_stable_json() {
    let dir = scratch("backtest");
    let file = dir.join("h.csv");
    std::fs::write(&file, history_csv()).unwrap();
    let output = trekant(&["backtest", file.to_str().unwrap(), "--format", "json"]);
    assert_eq!(code(&output), 0, "{}", stderr(&output));
    let json: serde_json::Value = serde_json::from_str(&stdout(&output)).unwrap();
    assert_eq!(
        json["train"].as_u64().unwrap() + json["test"].as_u64().unwrap(),
        60
    );
    for level in ["p50", "p80", "p90"] {
        let c = &json["coverage"][level];
        assert!(c["below"].as_f64().unwrap() <= c["at_or_below"].as_f64().unwrap());
        assert!(json["baseline"]["coverage"][level].is_object());
    }
    assert!(
        json["pinball_loss"].as_f64().unwrap() < json["baseline"]["pinball_loss"].as_f64().unwrap()
    );
    assert!(json["fixed_ratio"]["coverage"]["p80"]["below"].is_number());
    assert!(json["fixed_ratio"]["pinball_loss"].is_number());
    let [low, high] = [0, 1].map(|i| json["pinball_interval"][i].as_f64().unwrap());
    assert!(
        low <= json["pinball_loss"].as_f64().unwrap() && low <= high,
        "{json}"
    );
    let human = trekant(&["backtest", file.to_str().unwrap()]);
    let text = stdout(&human);
    assert!(text.contains("fixed ratio"), "{text}");
    assert!(text.contains("Your P80 held"), "{text}");
    // 20 test tasks prove little, and the report says so.
    assert!(text.contains("Warning: only 20 test tasks"), "{text}");
    assert_eq!(
        code(&trekant(&[
            "backtest",
            file.to_str().unwrap(),
            "--train-fraction",
            "1.5"
        ])),
        2
    );
}

#[test]
fn estimates_are_calibrated_when_a_history_exists() {
    let dir = scratch("calibrated");
    let db = dir.join("h.db");
    let db = db.to_str().unwrap();
    let file = dir.join("h.csv");
    std::fs::write(&file, history_csv()).unwrap();
    assert_eq!(
        code(&trekant(&[
            "history",
            "import",
            file.to_str().unwrap(),
            "--db",
            db
        ])),
        0
    );
    let calibration = trekant(&["calibration", "--db", db]);
    assert_eq!(code(&calibration), 0, "{}", stderr(&calibration));
    assert!(
        stdout(&calibration).contains("design"),
        "{}",
        stdout(&calibration)
    );

    let brief = workspace().join("examples/harbour-physio.toml");
    let brief = brief.to_str().unwrap();
    let run = |extra: &[&str]| {
        let mut args = vec!["estimate", brief, "--format", "json", "--db", db];
        args.extend_from_slice(extra);
        let output = trekant(&args);
        assert_eq!(code(&output), 0, "{}", stderr(&output));
        serde_json::from_str::<serde_json::Value>(&stdout(&output)).unwrap()
    };
    let calibrated = run(&[]);
    assert_eq!(calibrated["calibrated"], true);
    assert_eq!(calibrated["tasks"], 60);
    let raw = run(&["--no-history"]);
    assert_eq!(raw["calibrated"], false);
    // This provider overruns: calibration raises the price.
    assert!(calibrated["cost"]["p80"].as_f64() > raw["cost"]["p80"].as_f64());

    let missing = trekant(&[
        "estimate",
        brief,
        "--db",
        dir.join("none.db").to_str().unwrap(),
    ]);
    assert_eq!(code(&missing), 2);
    assert!(stderr(&missing).contains("does not exist"));
}

#[test]
fn a_history_saved_by_excel_on_a_danish_machine_imports_as_it_is() {
    let dir = scratch("danish-excel");
    let db = dir.join("h.db");
    let db = db.to_str().unwrap();
    let file = dir.join("historik.csv");
    // Windows-1252 bytes: "Købmand" with ø as 0xF8, "Høj" in the header.
    let text = "Projekt;Opgave;Kategori;Lav;Sandsynlig;Høj;Faktisk;Afsluttet\r\n\
                Købmand;logo;design;4;6;10;7,5;05-01-2025\r\n\
                Købmand;webshop;udvikling;800;1.000;1.500;1.234,5;13-02-2025\r\n";
    let bytes: Vec<u8> = text.chars().map(|c| c as u32 as u8).collect();
    std::fs::write(&file, bytes).unwrap();
    let file = file.to_str().unwrap();
    let output = trekant(&["history", "import", file, "--db", db, "--lang", "da"]);
    assert_eq!(code(&output), 0, "{}", stderr(&output));
    let said = stdout(&output);
    assert!(said.contains("importerede 2"), "{said}");
    assert!(
        said.contains("Windows-1252")
            && said.contains("`;`")
            && said.contains("decimalkomma")
            && said.contains("dd-mm-åååå")
            && said.contains("danske kolonnenavne"),
        "{said}"
    );
    let export = stdout(&trekant(&["history", "export", "--db", db]));
    assert!(
        export.contains("Købmand,webshop,udvikling,800,1000,1500,1234.5,2025-02-13"),
        "{export}"
    );
}

#[test]
fn a_file_with_no_good_row_is_refused_once_without_advising_skip_bad() {
    let dir = scratch("no-good-rows");
    let db = dir.join("h.db");
    let db = db.to_str().unwrap();
    let file = dir.join("h.csv");
    let mut csv = String::from("project,item,category,low,likely,high,actual,finished\n");
    for i in 0..32 {
        csv.push_str(&format!("p,t{i},,,2,,3,5th of May\n"));
    }
    std::fs::write(&file, csv).unwrap();
    let output = trekant(&["history", "import", file.to_str().unwrap(), "--db", db]);
    assert_eq!(code(&output), 1);
    let said = stderr(&output);
    assert_eq!(said.matches("5th of May").count(), 1, "{said}");
    assert!(said.contains("line 2"), "{said}");
    assert!(!said.contains("--skip-bad"), "{said}");

    // Bad rows of different kinds on every line: each said, and still no --skip-bad.
    let mut csv = String::from("project,item,category,low,likely,high,actual,finished\n");
    csv.push_str("p,a,,,two,,3,2025-01-05\np,b,,,2,,x,2025-01-05\n");
    std::fs::write(&file, csv).unwrap();
    let output = trekant(&["history", "import", file.to_str().unwrap(), "--db", db]);
    assert_eq!(code(&output), 1);
    let said = stderr(&output);
    assert!(
        said.contains("none of the 2 rows can be imported"),
        "{said}"
    );
    assert!(!said.contains("--skip-bad"), "{said}");
}

#[test]
fn calibration_without_a_history_says_so_and_creates_nothing() {
    let dir = scratch("calibration-empty");
    let db = dir.join("none.db");
    let db_s = db.to_str().unwrap();
    let output = trekant(&["calibration", "--db", db_s, "--lang", "da"]);
    assert_eq!(code(&output), 0, "{}", stderr(&output));
    assert!(
        stdout(&output).contains("ingen historik i"),
        "{}",
        stdout(&output)
    );
    assert!(!db.exists(), "calibration created {db_s}");
    let output = trekant(&["calibration", "--db", db_s, "--lang", "en"]);
    assert_eq!(code(&output), 0);
    assert!(
        stdout(&output).contains("no history in"),
        "{}",
        stdout(&output)
    );
}

#[test]
fn calibration_on_an_empty_database_says_so_in_the_users_language() {
    let dir = scratch("calibration-empty-db");
    let db = dir.join("empty.db");
    std::fs::write(&db, b"").unwrap();
    let db_s = db.to_str().unwrap();
    let output = trekant(&["calibration", "--db", db_s, "--lang", "da"]);
    assert_eq!(code(&output), 0, "{}", stderr(&output));
    assert!(
        stdout(&output).contains("ingen historik i"),
        "{}",
        stdout(&output)
    );
    // For tools: no JSON on standard output, the sentence on standard error, still exit 0.
    let output = trekant(&[
        "calibration",
        "--db",
        db_s,
        "--lang",
        "en",
        "--format",
        "json",
    ]);
    assert_eq!(code(&output), 0);
    assert!(stdout(&output).is_empty(), "{}", stdout(&output));
    assert!(
        stderr(&output).contains("no history in"),
        "{}",
        stderr(&output)
    );
}

#[test]
fn help_shows_the_train_fraction_as_people_write_it() {
    let help = stdout(&trekant(&["backtest", "--help"]));
    assert!(help.contains("[default: 2/3]"), "{help}");
    assert!(!help.contains("0.666"), "{help}");
}

#[test]
fn backtest_without_a_file_reads_your_own_history() {
    let dir = scratch("backtest-db");
    let db = dir.join("h.db");
    let db = db.to_str().unwrap();
    let missing = trekant(&["backtest", "--db", db, "--lang", "da"]);
    assert_eq!(code(&missing), 0, "{}", stderr(&missing));
    assert!(
        stderr(&missing).contains("ingen historik i"),
        "{}",
        stderr(&missing)
    );
    assert!(!std::path::Path::new(db).exists());
    let file = dir.join("h.csv");
    std::fs::write(&file, history_csv()).unwrap();
    let imported = trekant(&["history", "import", file.to_str().unwrap(), "--db", db]);
    assert_eq!(code(&imported), 0, "{}", stderr(&imported));
    let from_db = trekant(&["backtest", "--db", db, "--format", "json"]);
    assert_eq!(code(&from_db), 0, "{}", stderr(&from_db));
    let from_file = trekant(&["backtest", file.to_str().unwrap(), "--format", "json"]);
    assert_eq!(stdout(&from_db), stdout(&from_file));
    let danish = stdout(&trekant(&["backtest", "--db", db, "--lang", "da"]));
    assert!(danish.contains("Din P80 holdt"), "{danish}");
    assert!(danish.contains("Advarsel: kun 20 testopgaver"), "{danish}");
}

#[test]
fn a_backtest_that_cannot_be_run_says_why_in_the_users_language() {
    let dir = scratch("backtest-one-day");
    let file = dir.join("one-day.csv");
    std::fs::write(
        &file,
        "project,item,category,low,likely,high,actual,finished\n\
         p,a,design,,10,,12,2025-03-03\n\
         p,b,design,,8,,9,2025-03-03\n",
    )
    .unwrap();
    let file = file.to_str().unwrap();
    let danish = trekant(&["backtest", file, "--lang", "da"]);
    assert_eq!(code(&danish), 1, "{}", stderr(&danish));
    assert!(
        stderr(&danish).contains("denne historik har 2 opgaver på én dag"),
        "{}",
        stderr(&danish)
    );
    let english = trekant(&["backtest", file, "--lang", "en"]);
    assert!(
        stderr(&english).contains("this history has 2 tasks on one day"),
        "{}",
        stderr(&english)
    );
}
