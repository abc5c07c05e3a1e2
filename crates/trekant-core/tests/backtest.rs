//! The backtest: time-ordered split, coverage with ties, pinball loss, the JSON shape.

use jiff::civil::{Date, date};
use trekant_core::history::Record;
use trekant_core::history::backtest::{
    BacktestError, backtest, backtest_with, compare, pinball, split_by_time,
};
use trekant_core::history::calibration::{CalibrationSettings, Cascade};

fn on_day(n: i64) -> Date {
    date(2025, 1, 1)
        .checked_add(jiff::Span::new().days(n))
        .unwrap()
}

fn task(likely: f64, actual: f64, day: i64) -> Record {
    Record {
        project: "p".into(),
        item: format!("t{day}-{actual}"),
        category: None,
        low: None,
        likely,
        high: None,
        actual,
        finished: on_day(day),
    }
}

/// A stationary history: each block of ten days repeats the ratios 1..=10 (actual hours for a
/// likely of 4, times 0.25), one task a day.
fn stationary(days: i64) -> Vec<Record> {
    (0..days)
        .map(|d| task(4.0, (d % 10 + 1) as f64, d))
        .collect()
}

#[test]
fn a_stationary_history_is_covered_with_its_ties() {
    // Recency weights would tilt the cycle toward its later (larger) ratios, so this known
    // answer is computed without them: train on 60 days, test on 40.
    let history = stationary(100);
    let flat = CalibrationSettings {
        half_life_days: f64::INFINITY,
        ..CalibrationSettings::default()
    };
    let report = backtest_with(&history, 0.6, &flat).unwrap();
    assert_eq!((report.train, report.test), (60, 40));
    // P50 lands on actual 5 hours: 4 of 10 test actuals are below, 5 at or below.
    let c = &report.coverage;
    assert!(
        (c.p50.below - 0.4).abs() < 1e-9 && (c.p50.at_or_below - 0.5).abs() < 1e-9,
        "{c:?}"
    );
    assert!(
        (c.p80.below - 0.7).abs() < 1e-9 && (c.p80.at_or_below - 0.8).abs() < 1e-9,
        "{c:?}"
    );
    assert!(
        (c.p90.below - 0.8).abs() < 1e-9 && (c.p90.at_or_below - 0.9).abs() < 1e-9,
        "{c:?}"
    );
    assert!(c.honest_within(0.0));
    // The fixed training ratio sees the same cycle and gives the same quantiles.
    assert_eq!(report.fixed_ratio.coverage, report.coverage);
    assert!(report.pinball_loss < report.baseline.pinball_loss);
}

#[test]
fn the_pinball_loss_is_the_mean_over_tasks_and_levels() {
    assert_eq!(pinball(0.8, 10.0, 6.0), 0.8 * 4.0);
    assert!((pinball(0.8, 6.0, 10.0) - 0.2 * 4.0).abs() < 1e-12);
    // Train: ratios 2 on every day; test: actuals equal to the estimate.
    let mut history: Vec<Record> = (0..20).map(|d| task(1.0, 2.0, d)).collect();
    history.extend((20..30).map(|d| task(1.0, 1.0, d)));
    let report = backtest(&history, 2.0 / 3.0).unwrap();
    assert_eq!((report.train, report.test), (20, 10));
    // Every prediction is 2 hours against an actual of 1: loss (1 - level) per level.
    let expected = ((1.0 - 0.5) + (1.0 - 0.8) + (1.0 - 0.9)) / 3.0;
    assert!((report.pinball_loss - expected).abs() < 1e-12);
    assert_eq!(report.coverage.p50.below, 1.0);
    // The baseline predicted 1 hour exactly: no loss, every actual a tie.
    assert_eq!(report.baseline.pinball_loss, 0.0);
    assert_eq!(
        (
            report.baseline.coverage.p90.below,
            report.baseline.coverage.p90.at_or_below
        ),
        (0.0, 1.0)
    );
}

#[test]
fn the_split_never_puts_one_day_on_both_sides() {
    // Five tasks on each of four days: a 0.5 split at task 10 falls on a day boundary; 0.45
    // (task 9) moves forward to the end of that day.
    let history: Vec<Record> = (0..20).map(|i| task(1.0, 1.0 + i as f64, i / 5)).collect();
    let (train, test) = split_by_time(&history, 0.45).unwrap();
    assert_eq!((train.len(), test.len()), (10, 10));
    assert!(train.iter().all(|r| r.finished < test[0].finished));
    // Unsorted input is sorted by date first.
    let mut shuffled = history.clone();
    shuffled.reverse();
    let (train, _) = split_by_time(&shuffled, 0.5).unwrap();
    assert!(train.iter().all(|r| r.finished <= on_day(1)));
    // A boundary on the last day moves back instead.
    let (train, test) = split_by_time(&history, 0.95).unwrap();
    assert_eq!((train.len(), test.len()), (15, 5));
}

#[test]
fn impossible_backtests_say_why() {
    assert_eq!(
        backtest(&stationary(10), 1.0).unwrap_err(),
        BacktestError::BadFraction(1.0)
    );
    assert!(matches!(
        backtest(&stationary(10), f64::NAN),
        Err(BacktestError::BadFraction(_))
    ));
    let one_day: Vec<Record> = (0..5).map(|i| task(1.0, i as f64, 0)).collect();
    assert_eq!(
        backtest(&one_day, 0.5).unwrap_err(),
        BacktestError::TooFewTasks { tasks: 5, days: 1 }
    );
    assert!(backtest(&[], 0.5).is_err());
}

#[test]
fn the_json_has_exactly_the_documented_shape() {
    let report = backtest(&stationary(30), 2.0 / 3.0).unwrap();
    let json = serde_json::to_value(&report).unwrap();
    let keys = |v: &serde_json::Value| {
        let mut k: Vec<String> = v.as_object().unwrap().keys().cloned().collect();
        k.sort();
        k
    };
    assert_eq!(
        keys(&json),
        [
            "baseline",
            "coverage",
            "fixed_ratio",
            "pinball_interval",
            "pinball_loss",
            "test",
            "test_days",
            "train"
        ]
    );
    assert_eq!(keys(&json["fixed_ratio"]), ["coverage", "pinball_loss"]);
    assert_eq!(json["pinball_interval"].as_array().unwrap().len(), 2);
    assert_eq!(keys(&json["coverage"]), ["p50", "p80", "p90"]);
    assert_eq!(keys(&json["coverage"]["p80"]), ["at_or_below", "below"]);
    assert_eq!(keys(&json["baseline"]), ["coverage", "pinball_loss"]);
    assert_eq!(keys(&json["baseline"]["coverage"]), ["p50", "p80", "p90"]);
    assert_eq!(json["train"], 20);
    assert_eq!(json["test"], 10);
}

#[test]
fn each_day_is_predicted_from_every_earlier_day() {
    // The provider's tasks start taking twice their estimate on day 50. A calibration frozen
    // after the warm-up would never learn it; walking forward, the later days are predicted
    // from a history that holds the doubled tasks, so the P50 climbs to 2.
    let history: Vec<Record> = (0..100)
        .map(|d| task(4.0, if d < 50 { 4.0 } else { 8.0 }, d))
        .collect();
    let flat = CalibrationSettings {
        half_life_days: 10.0,
        ..CalibrationSettings::default()
    };
    let report = backtest_with(&history, 0.5, &flat).unwrap();
    assert_eq!((report.train, report.test, report.test_days), (50, 50, 50));
    // Frozen, every later task would overrun its P50 (coverage 0); refitted, most do not.
    assert!(
        report.coverage.p50.at_or_below > 0.5,
        "{:?}",
        report.coverage
    );
    let [low, high] = report.pinball_interval;
    assert!(
        low <= report.pinball_loss && report.pinball_loss <= high,
        "{report:?}"
    );
    // The interval is seeded: the same history gives the same interval.
    assert_eq!(backtest_with(&history, 0.5, &flat).unwrap(), report);
}

#[test]
fn two_methods_are_compared_day_by_day_on_the_same_walk() {
    let records: Vec<Record> = (0..300)
        .map(|d| {
            let likely = [1.0, 2.0, 0.5, 3.0][(d % 4) as usize];
            task(likely, likely * ((d * 7 % 11 + 1) as f64) / 5.0, d / 2)
        })
        .collect();
    let long = CalibrationSettings::default();
    let short = CalibrationSettings {
        cascade: Cascade::Short,
        ..CalibrationSettings::default()
    };
    let paired = compare(&records, 0.5, &short, &long).unwrap();
    // The same losses as the two backtests on their own.
    let a = backtest_with(&records, 0.5, &short).unwrap().pinball_loss;
    let b = backtest_with(&records, 0.5, &long).unwrap().pinball_loss;
    assert!((paired.pinball_loss[0] - a).abs() < 1e-12, "{paired:?} {a}");
    assert!((paired.pinball_loss[1] - b).abs() < 1e-12, "{paired:?} {b}");
    assert!((paired.change - (b / a - 1.0)).abs() < 1e-12);
    let [low, high] = paired.change_interval;
    assert!(low <= paired.change && paired.change <= high, "{paired:?}");
    // A method against itself changes nothing on any resampling.
    let same = compare(&records, 0.5, &long, &long).unwrap();
    assert_eq!((same.change, same.change_interval), (0.0, [0.0, 0.0]));
    assert_eq!(
        compare(&records, 1.5, &short, &long).unwrap_err(),
        BacktestError::BadFraction(1.5)
    );
}
