//! `trekant backtest [HISTORY.csv]`: how honest calibrated intervals would have been on a
//! history file or, without one, on the user's own history in the database.

use std::io::Write;

use anyhow::{Context as _, bail};
use trekant_core::format::{decimal, hours, percent};
use trekant_core::history::backtest::{BacktestReport, Coverage, FEW_TEST_TASKS, backtest};
use trekant_core::history::parse_history_bytes;
use trekant_core::{Lang, t};

use super::{Env, ExitStatus};
use crate::args::{BacktestArgs, ReviewFormat};
use trekant_store::Store as _;

pub fn run(args: &BacktestArgs, env: &Env, out: &mut impl Write) -> anyhow::Result<ExitStatus> {
    let lang = crate::args::output_lang(args.lang);
    if !(args.train_fraction > 0.0 && args.train_fraction < 1.0) {
        bail!(t!(
            lang,
            "error-train-fraction",
            value = args.train_fraction.to_string()
        ));
    }
    let (name, records) = match &args.file {
        Some(file) => {
            let name = file.display().to_string();
            let bytes = std::fs::read(file)
                .with_context(|| t!(lang, "error-cannot-read", file = name.as_str()))?;
            let parsed = match parse_history_bytes(&bytes) {
                Ok(parsed) => parsed,
                Err(error) => {
                    eprintln!("{name}: {}", error.message().render(lang));
                    return Ok(ExitStatus::Findings);
                }
            };
            for error in &parsed.errors {
                eprintln!(
                    "{name}:{} ({})",
                    error.render(lang),
                    trekant_core::messages::text(lang, "skipped")
                );
            }
            (name, parsed.records)
        }
        None => {
            // The user's own history; reading it never creates a database.
            let path = env.db_path()?;
            let name = path.display().to_string();
            let records = if path.exists() {
                env.open_store()?.export_history()?
            } else {
                Vec::new()
            };
            if records.is_empty() {
                let none = t!(lang, "calibration-no-history", db = name.as_str());
                eprintln!("{none}");
                return Ok(ExitStatus::Success);
            }
            (name, records)
        }
    };
    let report = match backtest(&records, args.train_fraction) {
        Ok(report) => report,
        Err(error) => {
            eprintln!("{name}: {}", error.message().render(lang));
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
        "backtest-walk-heading",
        train = hours(report.train as f64, lang),
        test = hours(report.test as f64, lang),
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
    out.push_str(&t!(
        lang,
        "backtest-interval",
        low = decimal(report.pinball_interval[0], 3, lang),
        high = decimal(report.pinball_interval[1], 3, lang),
        days = hours(report.test_days as f64, lang),
    ));
    out.push_str("\n\n");
    out.push_str(&verdict(report, lang));
    out.push('\n');
    if report.few_tasks() {
        out.push_str(&t!(
            lang,
            "backtest-few-tasks",
            tasks = report.test,
            tasks_text = report.test.to_string(),
            needed = FEW_TEST_TASKS.to_string(),
        ));
        out.push('\n');
    }
    out
}

/// Whether the P80 can be trusted, in a sentence: how often it held, and what that means.
fn verdict(report: &BacktestReport, lang: Lang) -> String {
    let p80 = &report.coverage.p80;
    let judgement = if p80.contains(0.8, 0.02) {
        "backtest-verdict-honest"
    } else if p80.at_or_below < 0.8 {
        "backtest-verdict-low"
    } else {
        "backtest-verdict-cautious"
    };
    t!(
        lang,
        "backtest-verdict",
        held = percent(p80.at_or_below, lang),
        tasks = report.test,
        tasks_text = hours(report.test as f64, lang),
        judgement = t!(lang, judgement),
    )
}
