//! `trekant backtest HISTORY.csv`: how honest calibrated intervals would have been.

use std::io::Write;

use anyhow::{Context as _, bail};
use trekant_core::format::decimal;
use trekant_core::history::backtest::{BacktestReport, Coverage, backtest};
use trekant_core::history::parse_history_bytes;
use trekant_core::{Lang, t};

use super::ExitStatus;
use crate::args::{BacktestArgs, ReviewFormat};

pub fn run(args: &BacktestArgs, out: &mut impl Write) -> anyhow::Result<ExitStatus> {
    let lang = crate::args::output_lang(args.lang);
    if !(args.train_fraction > 0.0 && args.train_fraction < 1.0) {
        bail!(t!(
            lang,
            "error-train-fraction",
            value = args.train_fraction.to_string()
        ));
    }
    let name = args.file.display().to_string();
    let bytes = std::fs::read(&args.file)
        .with_context(|| t!(lang, "error-cannot-read", file = name.as_str()))?;
    let parsed = match parse_history_bytes(&bytes) {
        Ok(parsed) => parsed,
        Err(error) => {
            eprintln!("{name}: {error}");
            return Ok(ExitStatus::Findings);
        }
    };
    for error in &parsed.errors {
        eprintln!(
            "{name}:{error} ({})",
            trekant_core::messages::text(lang, "skipped")
        );
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
        ReviewFormat::Human => out.write_all(human(&report, lang).as_bytes())?,
    }
    Ok(ExitStatus::Success)
}

fn human(report: &BacktestReport, lang: Lang) -> String {
    let mut out = t!(
        lang,
        "backtest-heading",
        train = report.train.to_string(),
        test = report.test.to_string(),
    );
    out.push_str("\n\n");
    out.push_str(&format!(
        "{:<12} {:>16} {:>16} {:>16} {:>9}\n",
        t!(lang, "backtest-method"),
        "P50 [<, ≤]",
        "P80 [<, ≤]",
        "P90 [<, ≤]",
        t!(lang, "backtest-pinball")
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
                format!(
                    "[{}, {}] {mark}",
                    decimal(c.below, 2, lang),
                    decimal(c.at_or_below, 2, lang)
                )
            })
            .collect();
        format!(
            "{name:<12} {:>16} {:>16} {:>16} {:>9}\n",
            cells[0],
            cells[1],
            cells[2],
            decimal(loss, 3, lang)
        )
    };
    out.push_str(&row(
        &t!(lang, "backtest-calibrated"),
        &report.coverage,
        report.pinball_loss,
    ));
    out.push_str(&row(
        &t!(lang, "backtest-fixed-ratio"),
        &report.fixed_ratio.coverage,
        report.fixed_ratio.pinball_loss,
    ));
    out.push_str(&row(
        &t!(lang, "backtest-raw"),
        &report.baseline.coverage,
        report.baseline.pinball_loss,
    ));
    out.push('\n');
    out.push_str(&t!(
        lang,
        "backtest-honest",
        tolerance = decimal(0.02, 2, lang)
    ));
    out.push('\n');
    out.push_str(&t!(lang, "backtest-pinball-note"));
    out.push('\n');
    out
}
