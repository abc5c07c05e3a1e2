//! Backtest several history CSVs at once, with timings, for measuring the method on real
//! data (`trekant backtest FILE` does one for users):
//! `cargo run --release -p trekant-core --example backtest FILE...`. The environment can
//! change the settings: `TRAIN_FRACTION`, `HALF_LIFE`, `SIZE_PRIOR`, `CATEGORY_PRIOR`,
//! `BUCKET_WIDTH`, `CASCADE=short` for the method before the long cascade, and `NEW_PROJECTS=1`
//! to predict every task as if its project were new (as a brief's items are). Each dataset's
//! loss is also compared, day by day, with today's method's (`AGAINST=long`: the long
//! cascade's defaults), with a 90 % interval from resampling the test days.

// A program that reports to the terminal: printing is its job.
#![allow(clippy::print_stdout, clippy::print_stderr)]

use std::time::Instant;

use trekant_core::history::backtest::{
    DEFAULT_TRAIN_FRACTION, Scores, backtest_refitting, backtest_with, compare,
};
use trekant_core::history::calibration::{CalibrationSettings, Cascade};
use trekant_core::history::parse_history;

fn row(name: &str, s: &Scores) -> String {
    let c = &s.coverage;
    format!(
        "  {name:<12} p50 [{:.3}, {:.3}]  p80 [{:.3}, {:.3}]  p90 [{:.3}, {:.3}]  loss {:.5}  {}",
        c.p50.below,
        c.p50.at_or_below,
        c.p80.below,
        c.p80.at_or_below,
        c.p90.below,
        c.p90.at_or_below,
        s.pinball_loss,
        if c.honest_within(0.02) { "honest" } else { "-" }
    )
}

/// A setting from the environment, when it is set and parses.
fn setting<T: std::str::FromStr>(name: &str) -> Option<T> {
    std::env::var(name).ok().and_then(|v| v.parse().ok())
}

fn main() {
    let fraction: f64 = setting("TRAIN_FRACTION").unwrap_or(DEFAULT_TRAIN_FRACTION);
    let defaults = CalibrationSettings::default();
    let settings = CalibrationSettings {
        half_life_days: setting("HALF_LIFE").unwrap_or(defaults.half_life_days),
        size_prior: setting("SIZE_PRIOR").unwrap_or(defaults.size_prior),
        category_prior: setting("CATEGORY_PRIOR").unwrap_or(defaults.category_prior),
        bucket_width: setting("BUCKET_WIDTH").unwrap_or(defaults.bucket_width),
        cascade: if std::env::var("CASCADE").is_ok_and(|v| v == "short") {
            Cascade::Short
        } else {
            defaults.cascade
        },
        distinct_levels: setting::<u8>("DISTINCT_LEVELS")
            .map_or(defaults.distinct_levels, |v| v == 1),
        bucket_offset: setting("BUCKET_OFFSET").unwrap_or(defaults.bucket_offset),
        wide_factor: setting("WIDE_FACTOR").unwrap_or(defaults.wide_factor),
        count_tasks: setting::<u8>("COUNT_TASKS").map_or(defaults.count_tasks, |v| v == 1),
    };
    let refit = std::env::var_os("REFIT").is_some();
    // What the settings are compared with, day by day: today's method (the short cascade)
    // unless `AGAINST=long` asks for the long cascade's defaults.
    let (base, base_name) = if std::env::var("AGAINST").is_ok_and(|v| v == "long") {
        (CalibrationSettings::default(), "the long cascade")
    } else {
        (
            CalibrationSettings {
                cascade: Cascade::Short,
                ..CalibrationSettings::default()
            },
            "today's method",
        )
    };
    for path in std::env::args().skip(1) {
        let text = match std::fs::read_to_string(&path) {
            Ok(t) => t,
            Err(e) => {
                eprintln!("{path}: {e}");
                continue;
            }
        };
        let started = Instant::now();
        let parsed = match parse_history(&text) {
            Ok(p) => p,
            Err(e) => {
                eprintln!("{path}: {e}");
                continue;
            }
        };
        let parse_time = started.elapsed();
        let mut parsed = parsed;
        if std::env::var_os("NEW_PROJECTS").is_some() {
            // Every task its own project: predicted as a brief's items are, with no project
            // in the history to learn from.
            for (i, r) in parsed.records.iter_mut().enumerate() {
                r.project = format!("#{i}");
            }
        }
        let started = Instant::now();
        let run = if refit {
            backtest_refitting
        } else {
            backtest_with
        };
        match run(&parsed.records, fraction, &settings) {
            Ok(report) => {
                println!(
                    "{path}: train {} test {} (parse {:.0?}, backtest {:.0?}, {} bad rows)",
                    report.train,
                    report.test,
                    parse_time,
                    started.elapsed(),
                    parsed.errors.len()
                );
                let calibrated = Scores {
                    coverage: report.coverage.clone(),
                    pinball_loss: report.pinball_loss,
                };
                println!("{}", row("calibrated", &calibrated));
                println!("{}", row("fixed ratio", &report.fixed_ratio));
                println!("{}", row("baseline", &report.baseline));
                if let Ok(p) = compare(&parsed.records, fraction, &base, &settings) {
                    println!(
                        "  against {base_name}: {:.5} → {:.5}, change {:+.2} % (90 % interval {:+.2} % to {:+.2} %)",
                        p.pinball_loss[0],
                        p.pinball_loss[1],
                        p.change * 100.0,
                        p.change_interval[0] * 100.0,
                        p.change_interval[1] * 100.0
                    );
                }
            }
            Err(e) => eprintln!("{path}: {e}"),
        }
    }
}
