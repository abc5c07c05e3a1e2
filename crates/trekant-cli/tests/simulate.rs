//! `estimate`, `options` and `proposal` run as a user would.

use std::process::Command;

use super::cli::{code, scratch, stderr, stdout, trekant, workspace};

fn example(name: &str) -> String {
    workspace()
        .join("examples")
        .join(name)
        .to_str()
        .unwrap()
        .to_owned()
}

#[test]
fn estimate_json_has_the_stable_shape_and_is_seeded() {
    let brief = example("kaffe-nord.toml");
    let run = || {
        trekant(&[
            "estimate", &brief, "--format", "json", "--seed", "5", "--trials", "5000",
        ])
    };
    let first = run();
    assert_eq!(code(&first), 0, "{}", stderr(&first));
    assert_eq!(stdout(&first), stdout(&run()), "same seed, same bytes");
    let json: serde_json::Value = serde_json::from_str(&stdout(&first)).unwrap();
    assert_eq!(json["trials"], 5000);
    assert_eq!(json["seed"], 5);
    assert_eq!(json["calibrated"], false);
    for key in ["hours", "cost"] {
        let s = &json[key];
        let q: Vec<f64> = ["p10", "p50", "p80", "p95"]
            .iter()
            .map(|k| s[k].as_f64().unwrap())
            .collect();
        assert!(q.windows(2).all(|w| w[0] <= w[1]), "{key}: {s}");
        assert!(s["mean"].as_f64().unwrap() > 0.0);
    }
    let finish: Vec<&str> = ["p10", "p50", "p80", "p95"]
        .iter()
        .map(|k| json["finish"][k].as_str().unwrap())
        .collect();
    assert!(finish.windows(2).all(|w| w[0] <= w[1]), "{finish:?}");
    let verdict = &json["verdict"];
    assert_eq!(verdict["class"], "unrealistic");
    assert_eq!(verdict["binding"], "both");
    let (pb, pd, both) = (
        verdict["p_budget"].as_f64().unwrap(),
        verdict["p_deadline"].as_f64().unwrap(),
        verdict["p_both"].as_f64().unwrap(),
    );
    assert!(both <= pb.min(pd));
}

#[test]
fn seeded_runs_are_identical_whatever_the_thread_count() {
    let brief = example("harbour-physio.toml");
    let outputs: Vec<String> = ["1", "2", "8"]
        .iter()
        .map(|threads| {
            let output = Command::new(env!("CARGO_BIN_EXE_trekant"))
                .args(["estimate", &brief, "--format", "json", "--seed", "9"])
                .env("RAYON_NUM_THREADS", threads)
                .env(
                    "XDG_CONFIG_HOME",
                    std::env::temp_dir().join("trekant-test-empty-config"),
                )
                .output()
                .unwrap();
            String::from_utf8(output.stdout).unwrap()
        })
        .collect();
    assert!(outputs[0].contains("\"trials\": 20000"));
    assert_eq!(outputs[0], outputs[1]);
    assert_eq!(outputs[0], outputs[2]);
}

#[test]
fn forty_hours_over_easter_finish_on_wednesday_31_march_2027() {
    let dir = scratch("easter");
    let brief = dir.join("easter.toml");
    std::fs::write(
        &brief,
        "[project]\nname = \"Easter\"\nstart = 2027-03-22\n\
         [me]\nrate = 100\nhours_per_week = 40\nholidays = \"dk\"\n\
         [[item]]\nid = \"work\"\nestimate = 40\npriority = \"must\"\n",
    )
    .unwrap();
    let output = trekant(&[
        "estimate",
        brief.to_str().unwrap(),
        "--format",
        "json",
        "--seed",
        "1",
    ]);
    assert_eq!(code(&output), 0, "{}", stderr(&output));
    let json: serde_json::Value = serde_json::from_str(&stdout(&output)).unwrap();
    for q in ["p10", "p50", "p80", "p95"] {
        assert_eq!(json["finish"][q], "2027-03-31");
    }
    assert_eq!(json["verdict"]["class"], "unknown");
    assert!(json["verdict"]["p_budget"].is_null());
}

#[test]
fn estimate_refuses_what_it_cannot_price() {
    let dir = scratch("norate");
    let brief = dir.join("b.toml");
    std::fs::write(
        &brief,
        "[project]\nname = \"x\"\n[[item]]\nid = \"a\"\nestimate = [1, 2, 3]\n",
    )
    .unwrap();
    let output = trekant(&["estimate", brief.to_str().unwrap()]);
    assert_eq!(code(&output), 1);
    assert!(
        stderr(&output).contains("no hourly rate"),
        "{}",
        stderr(&output)
    );
    let text = example("client-email.txt");
    let output = trekant(&["estimate", &text]);
    assert_eq!(code(&output), 2);
    assert!(stderr(&output).contains("not a brief"));
    let output = trekant(&[
        "estimate",
        &example("kaffe-nord.toml"),
        "--confidence",
        "80",
    ]);
    assert_eq!(code(&output), 2);
    // In the brief's language, Danish, as every error of the command.
    assert!(
        stderr(&output).contains("skal ligge mellem 0 og 1"),
        "{}",
        stderr(&output)
    );
}

#[test]
fn human_estimate_has_table_chart_and_verdict() {
    let output = trekant(&["estimate", &example("harbour-physio.toml"), "--lang", "en"]);
    assert_eq!(code(&output), 0);
    let text = stdout(&output);
    for needle in [
        "P10",
        "P95",
        "Hours",
        "Price",
        "Finish",
        "▲ budget DKK 80,000",
        "100% ┤",
    ] {
        assert!(text.contains(needle), "{needle} missing in\n{text}");
    }
    assert!(
        text.trim_end()
            .lines()
            .last()
            .unwrap()
            .starts_with("Realistic"),
        "{text}"
    );
}

#[test]
fn options_are_four_in_the_stable_shape() {
    let output = trekant(&["options", &example("kaffe-nord.toml"), "--format", "json"]);
    assert_eq!(code(&output), 0, "{}", stderr(&output));
    let json: serde_json::Value = serde_json::from_str(&stdout(&output)).unwrap();
    assert_eq!(json["confidence"], 0.8);
    assert_eq!(json["currency"], "DKK");
    let options = json["options"].as_array().unwrap();
    let kinds: Vec<&str> = options
        .iter()
        .map(|o| o["kind"].as_str().unwrap())
        .collect();
    assert_eq!(
        kinds,
        [
            "full-scope-by-deadline",
            "full-scope-normal-pace",
            "fit-budget-and-deadline",
            "recommended"
        ]
    );
    for o in options {
        for key in [
            "kind",
            "feasible",
            "price",
            "finish",
            "p_both",
            "rush_hours",
            "items",
            "swapped",
            "deferred",
            "phase2_price",
        ] {
            assert!(o.get(key).is_some(), "{key} missing in {o}");
        }
    }
    let recommended = &options[3];
    assert_eq!(recommended["feasible"], true);
    assert_eq!(
        recommended["swapped"],
        serde_json::json!(["shop", "subscriptions"])
    );
    assert_eq!(
        options[2]["feasible"], false,
        "the musts alone exceed the budget"
    );
    assert!(options[2]["needs_budget"].as_i64().unwrap() > 50_000);
}

#[test]
fn proposal_writes_markdown_html_and_explains_pdf() {
    let dir = scratch("proposal");
    let brief = example("kaffe-nord.toml");
    let md = trekant(&["proposal", &brief]);
    assert_eq!(code(&md), 0, "{}", stderr(&md));
    let text = stdout(&md);
    assert!(
        text.starts_with("# Tilbud: Webshop for Kaffe Nord"),
        "{text}"
    );
    assert!(text.contains("## Vores tilbud") && text.contains("## Andre muligheder"));

    let html = dir.join("offer.html");
    let output = trekant(&[
        "proposal",
        &brief,
        "-o",
        html.to_str().unwrap(),
        "--lang",
        "en",
    ]);
    assert_eq!(code(&output), 0, "{}", stderr(&output));
    let page = std::fs::read_to_string(&html).unwrap();
    assert!(page.starts_with("<!DOCTYPE html>") && page.contains("<html lang=\"en\">"));
    assert_eq!(page.matches("<svg").count(), 2);

    let pdf = dir.join("offer.pdf");
    let output = trekant(&["proposal", &brief, "-o", pdf.to_str().unwrap()]);
    if cfg!(feature = "pdf") {
        assert_eq!(code(&output), 0, "{}", stderr(&output));
        assert!(std::fs::read(&pdf).unwrap().starts_with(b"%PDF-"));
    } else {
        assert_eq!(code(&output), 2);
        let message = stderr(&output);
        assert!(
            message.contains("--features pdf") && message.contains("-o offer.typ"),
            "{message}"
        );
        assert!(!pdf.exists());
    }
}

#[test]
fn client_text_is_inert_in_html() {
    let dir = scratch("xss");
    let brief = dir.join("evil.toml");
    std::fs::write(
        &brief,
        r#"[project]
name = "<script>alert('name')</script>"
client = "Evil & Co <img src=x onerror=alert(1)>"
purpose = "<b>Purpose</b>"
success = ["10 <script>alert(2)</script> sales by May"]
start = 2027-01-04
[request]
text = "We need <script>alert(3)</script> quickly"
budget = 100000
[me]
rate = 100
[[item]]
id = "a"
title = "<script>alert(4)</script>"
estimate = [1, 2, 3]
priority = "must"
alternative = { title = "</td><script>alert(5)</script>", estimate = [0.5, 1, 2], value = 9 }
[[risk]]
title = "<iframe src=x>"
probability = 0.5
effort = [1, 2, 3]
[terms]
revisions = 1
payment = "<script>alert(6)</script>"
"#,
    )
    .unwrap();
    let html = dir.join("evil.html");
    let output = trekant(&[
        "proposal",
        brief.to_str().unwrap(),
        "-o",
        html.to_str().unwrap(),
    ]);
    assert_eq!(code(&output), 0, "{}", stderr(&output));
    let page = std::fs::read_to_string(&html).unwrap().to_lowercase();
    assert!(!page.contains("<script"), "a script tag survived");
    assert!(!page.contains("<img") && !page.contains("<iframe") && !page.contains("<b>purpose"));
    assert!(page.contains("&lt;script&gt;"));
}

#[test]
fn proposal_templates_can_be_copied_and_edited() {
    let dir = scratch("templates");
    let templates = dir.join("tpl");
    let output = trekant(&["init", "--templates", templates.to_str().unwrap()]);
    assert_eq!(code(&output), 0, "{}", stderr(&output));
    let md = templates.join("proposal.md.j2");
    let original = std::fs::read_to_string(&md).unwrap();
    std::fs::write(&md, format!("CUSTOM HEADER\n{original}")).unwrap();
    let output = trekant(&[
        "proposal",
        &example("harbour-physio.toml"),
        "--template",
        templates.to_str().unwrap(),
    ]);
    assert_eq!(code(&output), 0, "{}", stderr(&output));
    assert!(stdout(&output).starts_with("CUSTOM HEADER\n# Proposal: Online booking"));

    std::fs::write(&md, "{% for x in %}").unwrap();
    let output = trekant(&[
        "proposal",
        &example("harbour-physio.toml"),
        "--template",
        templates.to_str().unwrap(),
    ]);
    assert_eq!(code(&output), 2);
    assert!(stderr(&output).contains("template"), "{}", stderr(&output));
}

#[test]
fn review_json_carries_the_verdict() {
    let output = trekant(&["review", &example("kaffe-nord.toml"), "--format", "json"]);
    let json: serde_json::Value = serde_json::from_str(&stdout(&output)).unwrap();
    assert_eq!(json["verdict"]["class"], "unrealistic");
    let codes: Vec<&str> = json["diagnostics"]
        .as_array()
        .unwrap()
        .iter()
        .map(|d| d["code"].as_str().unwrap())
        .collect();
    assert!(codes.contains(&"triangle-unrealistic"), "{codes:?}");
    let output = trekant(&[
        "review",
        &example("harbour-physio.toml"),
        "--format",
        "json",
    ]);
    let json: serde_json::Value = serde_json::from_str(&stdout(&output)).unwrap();
    assert_eq!(json["verdict"]["class"], "realistic");
}
