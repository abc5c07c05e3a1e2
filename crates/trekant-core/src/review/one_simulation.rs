//! One simulation per request: the review's triangle findings judged on the very run that
//! prices the offer (`forecast::run`), counted by the simulators built.

use crate::forecast::estimate::{self, Settings};
use crate::forecast::options;
use crate::forecast::run::forecast;
use crate::forecast::simulate::BUILT;
use crate::review::{read_brief, review_brief_at};

const BRIEF: &str = r#"
[project]
name = "Shop"
start = 2027-01-04
[me]
rate = 800
hours_per_week = 25
[request]
budget = 60000
deadline = 2027-03-01
[[item]]
id = "catalogue"
title = "Product catalogue"
estimate = [20, 30, 50]
priority = "must"
[[item]]
id = "checkout"
title = "Checkout"
estimate = [15, 25, 45]
priority = "must"
depends = ["catalogue"]
alternative = { title = "Payment link", estimate = [3, 5, 8] }
[[item]]
id = "newsletter"
title = "Newsletter sign-up"
estimate = [4, 6, 12]
priority = "could"
[[item]]
id = "blog"
estimate = [8, 12, 20]
priority = "wont"
[[risk]]
title = "Late product photos"
probability = 0.4
delay = [3, 5, 10]
"#;

fn settings() -> Settings {
    Settings {
        trials: 5_000,
        seed: 7,
        confidence: 0.8,
        today: jiff::civil::date(2027, 1, 4),
        calibration: None,
    }
}

fn built() -> usize {
    BUILT.with(|b| b.get())
}

#[test]
fn a_proposal_simulates_once() {
    let before = built();
    let pending = read_brief(BRIEF, None, None);
    let brief = pending.simulable().expect("a sound brief").clone();
    let forecast = forecast(&brief, &settings(), true).unwrap();
    let review = pending.finish(Some(&forecast.report));
    assert_eq!(
        built() - before,
        1,
        "review, estimate and options share one run"
    );
    assert!(review.verdict.is_some(), "the triangle was judged");

    // The same figures as the estimate and the options computed apart.
    let alone = estimate::estimate(&brief, &settings()).unwrap();
    let report = &forecast.report;
    assert_eq!(report.hours, alone.hours);
    assert_eq!(report.cost, alone.cost);
    assert_eq!(report.finish, alone.finish);
    assert_eq!(report.verdict, alone.verdict);
    assert_eq!(report.price, alone.price);
    assert_eq!(report.finish_at_confidence, alone.finish_at_confidence);
    assert_eq!(
        forecast.options.as_ref(),
        Some(&options::options(&brief, &settings()).unwrap())
    );
}

#[test]
fn the_review_judges_the_run_it_is_given() {
    let brief = read_brief(BRIEF, None, None).simulable().unwrap().clone();
    let forecast = forecast(&brief, &settings(), false).unwrap();
    let given = read_brief(BRIEF, None, None).finish(Some(&forecast.report));
    assert_eq!(given.verdict, Some(forecast.report.verdict));
    // The review's own run (its own seed) reaches the same findings on this brief.
    let own = review_brief_at(BRIEF, None, None, None);
    let codes = |r: &crate::Review| r.diagnostics.iter().map(|d| d.code).collect::<Vec<_>>();
    assert_eq!(codes(&given), codes(&own));
}

#[test]
fn a_brief_with_errors_is_not_simulated() {
    let broken = BRIEF.replace("[20, 30, 50]", "[50, 30, 20]");
    let pending = read_brief(&broken, None, None);
    assert!(pending.simulable().is_none());
    let review = pending.finish(None);
    assert!(review.has_errors());
    assert_eq!(review.verdict, None);
}
