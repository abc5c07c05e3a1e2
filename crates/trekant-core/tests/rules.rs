//! Every structural, gap, estimate and triangle rule fires on a brief written to trigger it,
//! with its message and question in the language asked for, and stays silent on a precise
//! brief.

use jiff::civil::date;
use trekant_core::{Lang, review_brief, review_brief_at};

/// A precise brief: every rule here must stay silent on it.
const PRECISE: &str = r#"
[project]
name = "Booking"
language = "en"
purpose = "Let patients book online"
success = ["60% of bookings online by 1 June 2027"]
start = 2027-03-01
[request]
text = "Patients should book, move and cancel appointments on the website."
budget = 80000
deadline = 2027-05-01
fixed = ["deadline"]
[me]
rate = 900
hours_per_week = 30
[[item]]
id = "sync"
title = "Calendar sync"
estimate = [16, 24, 40]
priority = "must"
[[item]]
id = "flow"
title = "Booking flow"
estimate = [20, 28, 45]
priority = "must"
depends = ["sync"]
[[risk]]
title = "API agreement"
probability = 0.25
delay = [5, 10, 20]
[terms]
revisions = 2
"#;

/// Replaces `from` in the precise brief (which must contain it) with `to`.
fn variant(from: &str, to: &str) -> String {
    assert!(PRECISE.contains(from), "{from}");
    PRECISE.replacen(from, to, 1)
}

fn codes(source: &str, lang: Lang) -> Vec<&'static str> {
    review_brief(source, Some(lang), None)
        .diagnostics
        .iter()
        .map(|d| d.code)
        .collect()
}

/// Asserts that `code` fires on `source` in both languages, with different Danish and
/// English messages, and is absent from the precise brief.
fn fires(code: &str, source: &str) {
    let da = review_brief(source, Some(Lang::Da), None);
    let en = review_brief(source, Some(Lang::En), None);
    let (Some(d), Some(e)) = (
        da.diagnostics.iter().find(|d| d.code == code),
        en.diagnostics.iter().find(|d| d.code == code),
    ) else {
        panic!("{code} did not fire: {:?}", en.diagnostics);
    };
    assert_ne!(
        d.message, e.message,
        "{code}: the same message in both languages"
    );
    assert_eq!(d.question.is_some(), e.question.is_some());
    assert_eq!(d.span, e.span);
}

#[test]
fn the_precise_brief_is_clean() {
    for lang in [Lang::Da, Lang::En] {
        let review = review_brief_at(PRECISE, Some(lang), None, Some(date(2027, 1, 1)));
        assert!(review.diagnostics.is_empty(), "{:?}", review.diagnostics);
        let verdict = review.verdict.expect("the precise brief is simulated");
        assert!(verdict.p_both >= 0.8, "{verdict:?}");
    }
}

#[test]
fn error_rules_fire() {
    fires("syntax", "[project\nname = 1");
    fires("schema", &variant("budget = 80000", "budget = \"80000\""));
    fires(
        "schema",
        &variant("deadline = 2027-05-01", "dedline = 2027-05-01"),
    );
    fires("estimate-order", &variant("[16, 24, 40]", "[24, 16, 40]"));
    fires("estimate-range", &variant("[16, 24, 40]", "[-1, 24, 40]"));
    fires(
        "estimate-range",
        &variant("[16, 24, 40]", "[16, 24, 90000]"),
    );
    fires("duplicate-id", &variant("id = \"flow\"", "id = \"sync\""));
    fires(
        "unknown-dependency",
        &variant("depends = [\"sync\"]", "depends = [\"snyc\"]"),
    );
    fires(
        "dependency-cycle",
        &variant(
            "priority = \"must\"\n[[item]]",
            "priority = \"must\"\ndepends = [\"flow\"]\n[[item]]",
        ),
    );
    fires(
        "deadline-before-start",
        &variant("deadline = 2027-05-01", "deadline = 2027-02-01"),
    );
    fires(
        "probability-range",
        &variant("probability = 0.25", "probability = 25"),
    );
    fires(
        "invalid-setting",
        &variant("hours_per_week = 30", "hours_per_week = 200"),
    );
    fires("invalid-setting", &variant("rate = 900", "rate = 0"));
    fires(
        "invalid-setting",
        &variant("[terms]", "[model]\ncorrelation = 2\n[terms]"),
    );
}

#[test]
fn gap_rules_fire() {
    fires(
        "missing-purpose",
        &variant("purpose = \"Let patients book online\"\n", ""),
    );
    fires(
        "missing-success",
        &variant(
            "success = [\"60% of bookings online by 1 June 2027\"]\n",
            "",
        ),
    );
    fires(
        "unmeasurable-success",
        &variant(
            "60% of bookings online by 1 June 2027",
            "More bookings online",
        ),
    );
    fires("missing-budget", &variant("budget = 80000\n", ""));
    fires("missing-deadline", &variant("deadline = 2027-05-01\n", ""));
    fires(
        "missing-revisions",
        &variant("[terms]\nrevisions = 2\n", ""),
    );
    fires(
        "missing-priority",
        &variant(
            "estimate = [20, 28, 45]\npriority = \"must\"",
            "estimate = [20, 28, 45]",
        ),
    );
    fires("missing-rate", &variant("rate = 900\n", ""));
}

#[test]
fn estimate_and_triangle_rules_fire() {
    fires("point-estimate", &variant("[16, 24, 40]", "24"));
    fires("wide-estimate", &variant("[16, 24, 40]", "[5, 24, 40]"));
    fires("large-item", &variant("[20, 28, 45]", "[30, 45, 70]"));
    fires(
        "budget-below-must",
        &variant("budget = 80000", "budget = 30000"),
    );
    fires(
        "deadline-below-must",
        &variant("deadline = 2027-05-01", "deadline = 2027-03-03"),
    );
    fires(
        "fixed-triangle",
        &variant(
            "fixed = [\"deadline\"]",
            "fixed = [\"scope\", \"budget\", \"deadline\"]",
        ),
    );
    fires(
        "triangle-unrealistic",
        &variant("budget = 80000", "budget = 42000"),
    );
    fires(
        "triangle-tight",
        &variant("budget = 80000", "budget = 51000"),
    );
}

#[test]
fn triangle_findings_name_the_binding_side() {
    let tight_deadline = variant("deadline = 2027-05-01", "deadline = 2027-03-17");
    let review = review_brief(&tight_deadline, Some(Lang::En), None);
    let verdict = review.verdict.unwrap();
    assert_eq!(format!("{:?}", verdict.binding), "Deadline", "{verdict:?}");
    let finding = review
        .diagnostics
        .iter()
        .find(|d| d.code.starts_with("triangle-"))
        .expect("a triangle finding");
    assert!(
        finding.message.contains("the deadline binds"),
        "{}",
        finding.message
    );
    assert_eq!(&tight_deadline[finding.span.clone()], "2027-03-17");
    assert!(
        !codes(PRECISE, Lang::En)
            .iter()
            .any(|c| c.starts_with("triangle-"))
    );
}

#[test]
fn suspicious_number_points_at_a_budget_written_the_danish_way() {
    let dotted = variant("budget = 80000", "budget = 80.000");
    fires("suspicious-number", &dotted);
    let review = review_brief(&dotted, Some(Lang::Da), None);
    let d = review
        .diagnostics
        .iter()
        .find(|d| d.code == "suspicious-number")
        .unwrap();
    assert_eq!(&dotted[d.span.clone()], "80.000");
    assert!(d.message.contains("80000"), "{}", d.message);
    assert!(d.message.contains("80_000"), "{}", d.message);
    // Below one hour at the rate (900): a typo or another unit.
    fires(
        "suspicious-number",
        &variant("budget = 80000", "budget = 80"),
    );
    let codes = |s: &str| codes(s, Lang::En);
    assert!(!codes(PRECISE).contains(&"suspicious-number"));
    assert!(!codes(&variant("budget = 80000", "budget = 80_000")).contains(&"suspicious-number"));
    assert!(!codes(&variant("budget = 80000", "budget = 80000.5")).contains(&"suspicious-number"));
}
