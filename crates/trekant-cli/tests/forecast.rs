//! The forecast at the confidence in force, and the options' memory guard, run as a user would.

use super::cli::{code, scratch, stderr, stdout, trekant};

/// A brief with a rate and a start but no budget or deadline: the verdict then quotes a
/// fixed price at the confidence.
const OPEN_BRIEF: &str = "[project]\nname = \"Quote\"\nstart = 2027-03-01\n\n[me]\nrate = 1000\n\n\
[[item]]\nid = \"site\"\nestimate = [20, 30, 60]\npriority = \"must\"\n\n\
[[item]]\nid = \"shop\"\nestimate = [10, 20, 50]\npriority = \"must\"\n";

fn brief(name: &str, text: &str) -> String {
    let path = scratch(name).join("brief.toml");
    std::fs::write(&path, text).unwrap();
    path.to_str().unwrap().to_owned()
}

fn estimate_json(brief: &str, confidence: &str) -> serde_json::Value {
    let output = trekant(&[
        "estimate",
        brief,
        "--format",
        "json",
        "--seed",
        "3",
        "--trials",
        "20000",
        "--confidence",
        confidence,
    ]);
    assert_eq!(code(&output), 0, "{}", stderr(&output));
    serde_json::from_str(&stdout(&output)).unwrap()
}

#[test]
fn estimate_json_quotes_the_price_and_date_at_the_confidence() {
    let brief = brief("confidence-json", OPEN_BRIEF);
    let at80 = estimate_json(&brief, "0.8");
    let at90 = estimate_json(&brief, "0.9");
    let at95 = estimate_json(&brief, "0.95");
    // Every existing key first, in its order; the new ones after.
    let keys: Vec<&str> = at90
        .as_object()
        .unwrap()
        .keys()
        .map(String::as_str)
        .collect();
    assert_eq!(
        keys,
        [
            "trials",
            "seed",
            "calibrated",
            "tasks",
            "hours",
            "cost",
            "finish",
            "verdict",
            "confidence",
            "price",
            "finish_at_confidence",
            "basis"
        ]
    );
    assert_eq!(at90["confidence"], 0.9);
    // At the report's own levels the quote is that quantile, exactly.
    assert_eq!(at80["price"], at80["cost"]["p80"]);
    assert_eq!(at80["finish_at_confidence"], at80["finish"]["p80"]);
    assert_eq!(at95["price"], at95["cost"]["p95"]);
    assert_eq!(at95["finish_at_confidence"], at95["finish"]["p95"]);
    // Between them, between them; and not the P80 any more.
    let price = |j: &serde_json::Value, k: &str| j[k].as_f64().unwrap();
    let p90 = price(&at90, "price");
    assert!(p90 > price(&at90["cost"], "p80") && p90 < price(&at90["cost"], "p95"));
    let day = at90["finish_at_confidence"].as_str().unwrap();
    assert!(day >= at90["finish"]["p80"].as_str().unwrap());
    assert!(day <= at90["finish"]["p95"].as_str().unwrap());
    // The price is in whole currency units.
    assert_eq!(p90, p90.round());
}

/// The cells of the human table's row that starts with `label`.
fn row(text: &str, label: &str) -> Vec<String> {
    let line = text
        .lines()
        .find(|l| l.starts_with(label))
        .unwrap_or_else(|| panic!("no {label} row in\n{text}"));
    line[label.len()..]
        .split("  ")
        .map(str::trim)
        .filter(|c| !c.is_empty())
        .map(str::to_owned)
        .collect()
}

#[test]
fn the_fixed_price_sentence_quotes_the_confidence_in_force() {
    let brief = brief("confidence-human", OPEN_BRIEF);
    let human = |confidence: &str| {
        let output = trekant(&[
            "estimate",
            &brief,
            "--lang",
            "en",
            "--seed",
            "3",
            "--trials",
            "20000",
            "--confidence",
            confidence,
        ]);
        assert_eq!(code(&output), 0, "{}", stderr(&output));
        stdout(&output)
    };
    for (confidence, column) in [("0.8", 2), ("0.95", 3)] {
        let text = human(confidence);
        let price = &row(&text, "Price")[column];
        let date = &row(&text, "Finish")[column];
        let sentence = text
            .lines()
            .find(|l| l.contains("a fixed price at"))
            .expect("the verdict quotes a fixed price");
        assert!(
            sentence.contains(&format!("is {price}, ready {date}.")),
            "at {confidence}: {sentence}\n{text}"
        );
    }
    let at90 = human("0.9");
    let sentence = at90
        .lines()
        .find(|l| l.contains("a fixed price at"))
        .unwrap();
    assert!(sentence.contains("90%"), "{sentence}");
    assert!(
        !sentence.contains(&row(&at90, "Price")[2]),
        "the P80 price is not the price at 90 %: {sentence}"
    );
}

/// `72145` as English money: `DKK 72,145`.
fn dkk(value: f64) -> String {
    let digits = format!("{}", value.round() as i64);
    let mut out = String::new();
    for (i, c) in digits.chars().enumerate() {
        if i > 0 && (digits.len() - i) % 3 == 0 {
            out.push(',');
        }
        out.push(c);
    }
    format!("DKK {out}")
}

#[test]
fn triangle_tight_quotes_the_price_at_the_confidence() {
    let seeded = OPEN_BRIEF.replace("[me]\n", "[model]\nseed = 3\n\n[me]\nconfidence = 0.9\n");
    let open = estimate_json(&brief("confidence-open", &seeded), "0.9");
    // A budget at the P80 price holds in about 80 % of outcomes: tight at 90 %.
    let budget = open["cost"]["p80"].as_f64().unwrap();
    let text = seeded.replace(
        "[model]\n",
        &format!("[request]\nbudget = {budget}\n\n[model]\n"),
    );
    let brief = brief("confidence-tight", &text);
    let review = trekant(&["review", &brief, "--format", "json", "--lang", "en"]);
    let json: serde_json::Value = serde_json::from_str(&stdout(&review)).unwrap();
    let estimate = estimate_json(&brief, "0.9");
    assert_eq!(estimate["verdict"]["class"], "tight", "{estimate}");
    let found: Vec<&serde_json::Value> = json["diagnostics"]
        .as_array()
        .unwrap()
        .iter()
        .filter(|d| d["code"] == "triangle-tight")
        .collect();
    assert_eq!(found.len(), 1, "{json}");
    let message = found[0]["message"].as_str().unwrap();
    let quoted = format!("P90 price {}", dkk(estimate["price"].as_f64().unwrap()));
    assert!(message.contains(&quoted), "{quoted} in {message}");
    assert!(!message.contains("P80"), "{message}");
}

#[test]
fn options_refuse_plainly_what_memory_cannot_hold() {
    let mut text =
        String::from("[project]\nname = \"Huge\"\nstart = 2027-03-01\n\n[me]\nrate = 900\n");
    for i in 0..1000 {
        text.push_str(&format!(
            "\n[[item]]\nid = \"item-{i}\"\nestimate = [1, 2, 4]\npriority = \"must\"\n"
        ));
    }
    let brief = brief("options-memory", &text);
    let output = trekant(&["options", &brief, "--trials", "10000000", "--seed", "1"]);
    let err = stderr(&output);
    assert_eq!(code(&output), 2, "{err}");
    assert!(err.starts_with("trekant: error: "), "{err}");
    // 1,001 simulated columns (the items and the risks' base run) × 10M trials × 12 bytes.
    assert!(err.contains("need about 120.1 GB"), "{err}");
    assert!(err.contains("lower --trials"), "{err}");
}
