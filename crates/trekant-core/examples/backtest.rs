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

fn main() {
    let fraction: f64 = std::env::var("TRAIN_FRACTION")
        .ok()
        .and_then(|v| v.parse().ok())
        .unwrap_or(DEFAULT_TRAIN_FRACTION);
    let mut settings = CalibrationSettings::default();
    if let Some(v) = std::env::var("HALF_LIFE").ok().and_then(|v| v.parse().ok()) {
        settings.half_life_days = v;
    }
    if let Some(v) = std::env::var("SIZE_PRIOR")
        .ok()
        .and_then(|v| v.parse().ok())
    {
        settings.size_prior = v;
    }
    if let Some(v) = std::env::var("CATEGORY_PRIOR")
        .ok()
        .and_then(|v| v.parse().ok())
    {
        settings.category_prior = v;
    }
    if let Some(v) = std::env::var("BUCKET_WIDTH")
        .ok()
        .and_then(|v| v.parse().ok())
    {
        settings.bucket_width = v;
    }
    if std::env::var("CASCADE").is_ok_and(|v| v == "short") {
        settings.cascade = Cascade::Short;
    }
    if let Some(v) = std::env::var("DISTINCT_LEVELS").ok() {
        settings.distinct_levels = v == "1";
    }
    if let Some(v) = std::env::var("BUCKET_OFFSET")
        .ok()
        .and_then(|v| v.parse().ok())
    {
        settings.bucket_offset = v;
    }
    if let Some(v) = std::env::var("WIDE_FACTOR")
        .ok()
        .and_then(|v| v.parse().ok())
    {
        settings.wide_factor = v;
    }
    if let Some(v) = std::env::var("COUNT_TASKS").ok() {
        settings.count_tasks = v == "1";
    }
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
