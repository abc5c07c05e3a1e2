//! How long the history work takes at scale: reading 100,000 history rows, fitting the
//! calibration, walking a backtest forward over them (and, on 10,000, against refitting
//! every day), and drawing calibrated ratios as the simulation would.
//! Run with `cargo bench -p trekant-core --bench history`; it prints one line per step.

// A program that reports to the terminal: printing is its job.
#![allow(clippy::print_stdout, clippy::print_stderr)]

use std::hint::black_box;
use std::time::{Duration, Instant};

use trekant_core::history::backtest::{
    DEFAULT_TRAIN_FRACTION, backtest, backtest_refitting, backtest_with,
};
use trekant_core::history::calibration::Calibration;
use trekant_core::history::calibration::CalibrationSettings;
use trekant_core::history::parse_history;

/// A deterministic, history-like file: skewed ratios, round estimates, ten categories,
/// ten years of dates.
fn synthetic_history(rows: usize) -> String {
    let mut text = String::from("project,item,category,low,likely,high,actual,finished\n");
    let mut state: u64 = 0x2545_f491_4f6c_dd1d;
    let mut next = || {
        // xorshift64*: enough randomness for a benchmark, no dependency.
        state ^= state >> 12;
        state ^= state << 25;
        state ^= state >> 27;
        (state.wrapping_mul(0x2545_f491_4f6c_dd1d) >> 11) as f64 / (1u64 << 53) as f64
    };
    let estimates = [0.5, 1.0, 2.0, 3.0, 4.0, 6.0, 8.0, 16.0];
    for i in 0..rows {
        let likely = estimates[(next() * estimates.len() as f64) as usize];
        // A log-normal-ish ratio with a spike at exactly 1.
        let ratio = if next() < 0.2 {
            1.0
        } else {
            (0.9 * (next() + next() + next() - 1.5)).exp()
        };
        let actual = (likely * ratio * 4.0).round().max(1.0) / 4.0;
        let day = i * 3650 / rows;
        let (year, rest) = (2015 + day / 365, day % 365);
        text.push_str(&format!(
            "p{},t{i},c{},,{likely},,{actual},{year}-{:02}-{:02}\n",
            i / 50,
            i % 10,
            1 + rest / 31 % 12,
            1 + rest % 28
        ));
    }
    text
}

fn time<T>(what: &str, f: impl FnOnce() -> T) -> (T, Duration) {
    let started = Instant::now();
    let out = black_box(f());
    let took = started.elapsed();
    println!("{what:<48} {took:>10.1?}");
    (out, took)
}

fn main() {
    let rows = 100_000;
    let text = synthetic_history(rows);
    let (parsed, _) = time("parse 100,000 history rows", || {
        parse_history(&text).expect("the synthetic file is well formed")
    });
    assert!(parsed.errors.is_empty());
    let (calibration, _) = time("fit the calibration on 100,000 tasks", || {
        Calibration::fit(&parsed.records).expect("usable")
    });
    let (report, _) = time("walk forward over 100,000 tasks (2/3 warm-up)", || {
        backtest(&parsed.records, DEFAULT_TRAIN_FRACTION).expect("splittable")
    });
    println!(
        "  train {} test {} days {}",
        report.train, report.test, report.test_days
    );

    // The incremental walk against refitting for every day, on a history small enough for
    // the refitting to finish: the same report, and the ratio of the times.
    let small = parse_history(&synthetic_history(10_000)).expect("well formed");
    let settings = CalibrationSettings::default();
    let (fast, fast_took) = time("walk forward over 10,000 tasks, incremental", || {
        backtest_with(&small.records, DEFAULT_TRAIN_FRACTION, &settings).expect("splittable")
    });
    let (slow, slow_took) = time("walk forward over 10,000 tasks, refitting daily", || {
        backtest_refitting(&small.records, DEFAULT_TRAIN_FRACTION, &settings).expect("splittable")
    });
    assert_eq!(fast.coverage, slow.coverage);
    assert!((fast.pinball_loss - slow.pinball_loss).abs() < 1e-9);
    println!(
        "  {} test days; incremental {:.0}x faster",
        fast.test_days,
        slow_took.as_secs_f64() / fast_took.as_secs_f64()
    );

    // What `trekant estimate` adds: one distribution per item, then a draw per item per trial.
    let items = 20;
    let trials = 20_000;
    let (distributions, _) = time("calibrated distributions for 20 items", || {
        (0..items)
            .map(|i| Calibration::distribution(&calibration, Some("c3"), 1.0 + i as f64))
            .collect::<Vec<_>>()
    });
    time("400,000 draws (20 items x 20,000 trials)", || {
        let mut sum = 0.0;
        for t in 0..trials {
            for d in &distributions {
                sum += d.quantile((t as f64 + 0.5) / trials as f64);
            }
        }
        sum
    });
}
