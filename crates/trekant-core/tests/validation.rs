//! What a brief's values may be: a key written with the wrong type is one schema error, not
//! also a "missing" finding.

use trekant_core::{Lang, review_brief};

const BRIEF: &str = r#"
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
[me]
rate = 900
hours_per_week = 30
[[item]]
id = "sync"
title = "Calendar sync"
estimate = [16, 24, 40]
priority = "must"
[terms]
revisions = 2
"#;

fn codes(source: &str) -> Vec<&'static str> {
    review_brief(source, Some(Lang::En), None)
        .diagnostics
        .iter()
        .map(|d| d.code)
        .collect()
}

#[test]
fn a_key_of_the_wrong_type_is_not_also_missing() {
    let cases = [
        ("budget = 80000", "budget = \"lots\"", "missing-budget"),
        (
            "deadline = 2027-05-01",
            "deadline = \"soon\"",
            "missing-deadline",
        ),
        ("rate = 900", "rate = \"900 kr\"", "missing-rate"),
        ("revisions = 2", "revisions = \"two\"", "missing-revisions"),
        ("priority = \"must\"", "priority = 1", "missing-priority"),
        (
            "priority = \"must\"",
            "priority = \"urgent\"",
            "missing-priority",
        ),
        (
            "purpose = \"Let patients book online\"",
            "purpose = 42",
            "missing-purpose",
        ),
        (
            "success = [\"60% of bookings online by 1 June 2027\"]",
            "success = 60",
            "missing-success",
        ),
    ];
    assert!(!codes(BRIEF).iter().any(|c| c.starts_with("missing-")));
    for (from, to, missing) in cases {
        let brief = BRIEF.replacen(from, to, 1);
        assert_ne!(brief, BRIEF, "{from}");
        let found = codes(&brief);
        assert!(found.contains(&"schema"), "{to}: {found:?}");
        assert!(!found.contains(&missing), "{to}: {found:?}");
        // Left out entirely, the key is missing.
        let without = BRIEF.replacen(from, "", 1);
        assert!(codes(&without).contains(&missing), "{from} left out");
    }
}

#[test]
fn an_item_that_takes_no_time_is_an_estimate_range_error() {
    for zero in ["[0, 0, 0]", "0", "[0, 0, 4]"] {
        let brief = BRIEF.replacen("[16, 24, 40]", zero, 1);
        assert!(codes(&brief).contains(&"estimate-range"), "{zero}");
    }
    for fine in ["[0, 1, 4]", "0.5"] {
        let brief = BRIEF.replacen("[16, 24, 40]", fine, 1);
        assert!(!codes(&brief).contains(&"estimate-range"), "{fine}");
    }
}

fn messages(source: &str) -> String {
    review_brief(source, Some(Lang::En), None)
        .diagnostics
        .iter()
        .map(|d| format!("{}: {}\n", d.code, d.message))
        .collect()
}

#[test]
fn huge_money_and_hours_are_located_errors_in_short_words() {
    let text = messages(&BRIEF.replacen("rate = 900", "rate = 1e308", 1));
    assert!(text.contains("invalid-setting: `me.rate`"), "{text}");
    assert!(text.contains("not 1.0e308"), "{text}");
    let text = messages(&BRIEF.replacen("budget = 80000", "budget = 1e300", 1));
    assert!(text.contains("invalid-setting: `request.budget`"), "{text}");
    let text = messages(&BRIEF.replacen("[16, 24, 40]", "[16, 24, 1e308]", 1));
    assert!(
        text.contains("1.0e308 hours is about 6.1e304 working years"),
        "{text}"
    );
    assert!(text.lines().all(|l| l.len() < 300), "{text}");
}

#[test]
fn a_risk_delay_is_reported_in_working_days() {
    let brief =
        format!("{BRIEF}[[risk]]\ntitle = \"API\"\nprobability = 0.5\ndelay = [-1, 2, 3]\n");
    let text = messages(&brief);
    assert!(
        text.contains("working days cannot be negative (-1)"),
        "{text}"
    );
    assert!(!text.contains("hours cannot be negative"), "{text}");
}

#[test]
fn a_wrong_type_says_what_was_found() {
    let text =
        messages(&BRIEF.replacen("deadline = 2027-05-01", "deadline = 2027-05-01T10:00:00", 1));
    assert!(text.contains("a date with a time"), "{text}");
    let text = messages(&BRIEF.replacen("revisions = 2", "revisions = -2", 1));
    assert!(text.contains("a negative integer"), "{text}");
}

#[test]
fn a_brief_without_wanted_items_says_so_in_review() {
    let cut = BRIEF.find("[[item]]").unwrap();
    let end = BRIEF.find("[terms]").unwrap();
    let without = format!("{}{}", &BRIEF[..cut], &BRIEF[end..]);
    assert!(codes(&without).contains(&"missing-items"));
    let wont = BRIEF.replacen("priority = \"must\"", "priority = \"wont\"", 1);
    assert!(codes(&wont).contains(&"missing-items"));
    assert!(!codes(BRIEF).contains(&"missing-items"));
    // An item that could not be read is its schema error only.
    let unreadable = BRIEF.replacen("id = \"sync\"\n", "", 1);
    assert!(!codes(&unreadable).contains(&"missing-items"));
}
