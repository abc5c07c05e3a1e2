//! The backtest on the three real datasets in `../shared/data/history/`, converted by the
//! scripts in `scripts/history/`. Skips, saying so, when the data or Python is absent.
//!
//! It guards the results reported in `docs/backtest.md`: calibrated quantiles honest within
//! 0.02 and a pinball loss at least 2.5 % below the fixed ratio's on the two datasets with
//! real dates; on Project-22 (synthetic order, 205 test tasks) only a lower loss than the raw
//! estimate is asserted — see the docs for why — and, as it is small enough, that the
//! incremental walk gives the report refitting every day gives.

use std::path::{Path, PathBuf};
use std::process::Command;

use trekant_core::history::backtest::{
    BacktestReport, DEFAULT_TRAIN_FRACTION, backtest, backtest_refitting,
};
use trekant_core::history::calibration::CalibrationSettings;
use trekant_core::history::{Record, parse_history};

fn data_dir() -> PathBuf {
    std::env::var_os("TREKANT_DATA")
        .map(PathBuf::from)
        .unwrap_or_else(|| {
            Path::new(env!("CARGO_MANIFEST_DIR")).join("../../../shared/data/history")
        })
}

/// Convert one dataset with its script and backtest it; `None` (after saying why) when the
/// data or the converter cannot be had.
fn run(script: &str, source: &str) -> Option<BacktestReport> {
    let records = convert(script, source)?;
    let report = backtest(&records, DEFAULT_TRAIN_FRACTION).expect("enough tasks");
    println!(
        "{source}: train {} test {}, coverage {:?}, loss {:.4} (fixed ratio {:.4}, baseline {:.4})",
        report.train,
        report.test,
        report.coverage,
        report.pinball_loss,
        report.fixed_ratio.pinball_loss,
        report.baseline.pinball_loss
    );
    Some(report)
}

/// Convert one dataset with its script; `None` (after saying why) when the data or the
/// converter cannot be had.
fn convert(script: &str, source: &str) -> Option<Vec<Record>> {
    let source = data_dir().join(source);
    if !source.exists() {
        println!("skipped: {} is absent", source.display());
        return None;
    }
    let script = Path::new(env!("CARGO_MANIFEST_DIR"))
        .join("../../scripts/history")
        .join(script);
    let output = match Command::new("python3").arg(&script).arg(&source).output() {
        Ok(o) => o,
        Err(e) => {
            println!("skipped: cannot run python3 ({e})");
            return None;
        }
    };
    assert!(
        output.status.success(),
        "{}",
        String::from_utf8_lossy(&output.stderr)
    );
    let text = String::from_utf8(output.stdout).expect("the converter writes UTF-8");
    let parsed = parse_history(&text).expect("the converted file has a good header");
    assert!(
        parsed.errors.is_empty(),
        "{:?}",
        &parsed.errors[..parsed.errors.len().min(5)]
    );
    Some(parsed.records)
}

#[test]
fn renzo_pomodoro_is_honest_and_sharper_than_a_fixed_ratio() {
    let Some(report) = run("renzo.py", "renzo-pomodoro.csv") else {
        return;
    };
    assert!(report.coverage.honest_within(0.02), "{:?}", report.coverage);
    // Issue 11's goal: at least 2.5 % below the fixed ratio.
    assert!(report.pinball_loss < 0.975 * report.fixed_ratio.pinball_loss);
}

#[test]
fn cesaw_is_honest_and_sharper_than_a_fixed_ratio() {
    let Some(report) = run("cesaw.py", "cesaw-task-fact.csv") else {
        return;
    };
    assert!(report.coverage.honest_within(0.02), "{:?}", report.coverage);
    // Issue 11's goal: at least 2.5 % below the fixed ratio.
    assert!(report.pinball_loss < 0.975 * report.fixed_ratio.pinball_loss);
}

#[test]
fn project_22_beats_the_raw_estimate() {
    let Some(report) = run("project22.py", "project-22-story-info.csv") else {
        return;
    };
    assert!(report.pinball_loss < report.baseline.pinball_loss);
}

#[test]
fn project_22_walks_forward_as_refitting_every_day_would() {
    // The smallest real dataset (80 test days) is quick enough to refit for every day.
    let Some(records) = convert("project22.py", "project-22-story-info.csv") else {
        return;
    };
    let settings = CalibrationSettings::default();
    let fast = backtest(&records, DEFAULT_TRAIN_FRACTION).unwrap();
    let slow = backtest_refitting(&records, DEFAULT_TRAIN_FRACTION, &settings).unwrap();
    assert_eq!(fast.coverage, slow.coverage);
    assert_eq!(fast.fixed_ratio, slow.fixed_ratio);
    assert!((fast.pinball_loss - slow.pinball_loss).abs() < 1e-9);
}
