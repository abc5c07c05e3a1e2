//! `trekant backtest HISTORY.csv`: how honest calibrated intervals would have been.

use std::io::Write;

use anyhow::{Context as _, bail};
use trekant_core::history::backtest::{BacktestReport, Coverage, backtest};
use trekant_core::history::parse_history;

use super::ExitStatus;
use crate::args::{BacktestArgs, ReviewFormat};

pub fn run(args: &BacktestArgs, out: &mut impl Write) -> anyhow::Result<ExitStatus> {
    if !(args.train_fraction > 0.0 && args.train_fraction < 1.0) {
        bail!(
            "--train-fraction must be between 0 and 1, e.g. 0.67, not {}",
            args.train_fraction
        );
    }
    let name = args.file.display().to_string();
    let text =
        std::fs::read_to_string(&args.file).with_context(|| format!("cannot read {name}"))?;
    let parsed = match parse_history(&text) {
        Ok(parsed) => parsed,
        Err(error) => {
            eprintln!("{name}: {error}");
            return Ok(ExitStatus::Findings);
        }
    };
    for error in &parsed.errors {
        eprintln!("{name}:{error} (skipped)");
    }
    let report = match backtest(&parsed.records, args.train_fraction) {
        Ok(report) => report,
        Err(error) => {
            eprintln!("{name}: {error}");
            return Ok(ExitStatus::Findings);
        }
    };
    match args.format {
        ReviewFormat::Json => {
            serde_json::to_writer_pretty(&mut *out, &report)?;
            writeln!(out)?;
        }
        ReviewFormat::Human => out.write_all(human(&report).as_bytes())?,
    }
    Ok(ExitStatus::Success)
}

fn human(report: &BacktestReport) -> String {
    let mut out = format!(
        "Calibrated on the earliest {} tasks, scored on the {} after them.\n\n",
        report.train, report.test
    );
    out.push_str(&format!(
        "{:<12} {:>16} {:>16} {:>16} {:>9}\n",
        "method", "P50 [<, ≤]", "P80 [<, ≤]", "P90 [<, ≤]", "pinball"
    ));
    let row = |name: &str, coverage: &Coverage, loss: f64| {
        let cells: Vec<String> = coverage
            .levels()
            .iter()
            .map(|(level, c)| {
                let mark = if c.contains(*level, 0.02) {
                    "✓"
                } else {
                    "✗"
                };
                format!("[{:.2}, {:.2}] {mark}", c.below, c.at_or_below)
            })
            .collect();
        format!(
            "{name:<12} {:>16} {:>16} {:>16} {loss:>9.3}\n",
            cells[0], cells[1], cells[2]
        )
    };
    out.push_str(&row("calibrated", &report.coverage, report.pinball_loss));
    out.push_str(&row(
        "fixed ratio",
        &report.fixed_ratio.coverage,
        report.fixed_ratio.pinball_loss,
    ));
    out.push_str(&row(
        "raw estimate",
        &report.baseline.coverage,
        report.baseline.pinball_loss,
    ));
    out.push_str(
        "\nA quantile is honest (✓) when its level lies within 0.02 of [share below, share at or below].\n\
         Pinball loss: mean quantile loss in hours; lower is better.\n",
    );
    out
}
