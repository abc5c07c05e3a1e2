//! The shipped examples always parse, and review as they are meant to.

use super::cli::{code, stdout, trekant, workspace};

fn review_json(name: &str) -> (i32, serde_json::Value) {
    let path = workspace().join("examples").join(name);
    let output = trekant(&["review", path.to_str().unwrap(), "--format", "json"]);
    (
        code(&output),
        serde_json::from_str(&stdout(&output)).unwrap(),
    )
}

fn codes(json: &serde_json::Value) -> Vec<String> {
    json["diagnostics"]
        .as_array()
        .unwrap()
        .iter()
        .map(|d| d["code"].as_str().unwrap().to_owned())
        .collect()
}

#[test]
fn every_example_reviews_without_errors() {
    let dir = workspace().join("examples");
    let mut count = 0;
    for entry in std::fs::read_dir(dir).unwrap() {
        let name = entry.unwrap().file_name().into_string().unwrap();
        let (code, json) = review_json(&name);
        assert_eq!(code, 0, "{name}: {json}");
        count += 1;
    }
    assert!(count >= 4);
}

#[test]
fn the_vague_danish_brief_raises_the_gaps_and_the_triangle() {
    let (_, json) = review_json("kaffe-nord.toml");
    let codes = codes(&json);
    for expected in [
        "unmeasurable-success",
        "missing-revisions",
        "missing-priority",
        "point-estimate",
        "fixed-triangle",
        "budget-below-must",
    ] {
        assert!(
            codes.contains(&expected.to_owned()),
            "{expected} not in {codes:?}"
        );
    }
}

#[test]
fn the_precise_briefs_have_nothing_to_ask() {
    for name in ["harbour-physio.toml", "tandlaege-nyhedsbrev.toml"] {
        let (_, json) = review_json(name);
        let questions: Vec<_> = json["diagnostics"]
            .as_array()
            .unwrap()
            .iter()
            .filter(|d| !d["question"].is_null())
            .collect();
        assert!(questions.is_empty(), "{name}: {questions:?}");
    }
}

#[test]
fn the_client_email_gets_the_gap_questions_and_its_small_budget_is_asked_about() {
    let (code, json) = review_json("client-email.txt");
    assert_eq!(code, 0, "{json}");
    let found = codes(&json);
    for expected in ["missing-budget", "missing-deadline", "missing-purpose"] {
        assert!(
            found.contains(&expected.to_owned()),
            "{expected} not in {found:?}"
        );
    }
    let budget = json["diagnostics"]
        .as_array()
        .unwrap()
        .iter()
        .find(|d| d["code"] == "missing-budget")
        .unwrap();
    // "our budget is small": the finding points at the word, on its line.
    assert_eq!(budget["line"], 7, "{budget}");
}
