//! `trekant estimate FILE`: the distribution of hours, price and finish date, and the verdict.

use std::io::Write;
use std::process::ExitCode;

use serde_json::json;
use trekant_core::document::chart::{Marker, s_curve};
use trekant_core::forecast::estimate::{self, Report, Summary};
use trekant_core::format::{date, hours, money};
use trekant_core::{Brief, Lang};

use super::{Env, brief_or_exit, settings};
use crate::args::{EstimateArgs, ReviewFormat};

pub fn run(args: &EstimateArgs, env: &Env, out: &mut impl Write) -> anyhow::Result<ExitCode> {
    let (brief, lang) = match brief_or_exit(&args.file, args.lang.map(Into::into), env)? {
        Ok(found) => found,
        Err(code) => return Ok(code),
    };
    let settings = settings(&brief, &args.simulation, env)?;
    let report = match estimate::estimate(&brief, &settings) {
        Ok(report) => report,
        Err(error) => {
            eprintln!("trekant: {}: {error}", args.file.display());
            return Ok(ExitCode::from(super::EXIT_ERRORS));
        }
    };
    match args.format {
        ReviewFormat::Json => {
            serde_json::to_writer_pretty(&mut *out, &report_json(&report))?;
            writeln!(out)?;
        }
        ReviewFormat::Human => out.write_all(human(&report, &brief, lang).as_bytes())?,
    }
    Ok(ExitCode::SUCCESS)
}

fn rounded(s: &Summary, places: i32) -> serde_json::Value {
    let r = |v: f64| {
        let f = 10f64.powi(places);
        (v * f).round() / f
    };
    json!({"mean": r(s.mean), "p10": r(s.p10), "p50": r(s.p50), "p80": r(s.p80), "p95": r(s.p95)})
}

/// The stable JSON shape of `estimate --format json`.
pub fn report_json(report: &Report) -> serde_json::Value {
    json!({
        "trials": report.trials,
        "seed": report.seed,
        "calibrated": report.calibrated,
        "tasks": report.calibration_tasks,
        "hours": rounded(&report.hours, 1),
        "cost": rounded(&report.cost, 0),
        "finish": report.finish,
        "verdict": trekant_core::review::json::verdict_json(&report.verdict),
    })
}

fn human(report: &Report, brief: &Brief, lang: Lang) -> String {
    let currency = brief.currency();
    let mut out = String::new();
    let name = brief.project.name.as_ref().map_or("", |n| n.value.as_str());
    out.push_str(&format!("{name}\n"));
    let tasks = report.calibration_tasks;
    let calibrated = lang.pick(
        format!("kalibreret med din historik ({tasks} opgaver)"),
        format!("calibrated on your history ({tasks} tasks)"),
    );
    let calibration = if report.calibrated {
        calibrated.as_str()
    } else {
        lang.pick(
            "ukalibreret: rå estimater (ingen historik)",
            "uncalibrated: raw estimates (no history)",
        )
    };
    out.push_str(&format!(
        "{} · seed {} · {calibration}\n\n",
        lang.pick(
            format!("{} simuleringer", hours(report.trials as f64, lang)),
            format!("{} trials", hours(report.trials as f64, lang))
        ),
        report.seed
    ));
    let rows: [(&str, [String; 4]); 3] = [
        (
            lang.pick("Timer", "Hours"),
            [
                report.hours.p10,
                report.hours.p50,
                report.hours.p80,
                report.hours.p95,
            ]
            .map(|h| hours(h, lang)),
        ),
        (
            lang.pick("Pris", "Price"),
            [
                report.cost.p10,
                report.cost.p50,
                report.cost.p80,
                report.cost.p95,
            ]
            .map(|c| money(c, currency, lang)),
        ),
        (
            lang.pick("Færdig", "Finish"),
            [
                report.finish.p10,
                report.finish.p50,
                report.finish.p80,
                report.finish.p95,
            ]
            .map(|d| date(d, lang)),
        ),
    ];
    let width = rows
        .iter()
        .flat_map(|(_, cells)| cells.iter().map(|c| c.chars().count()))
        .max()
        .unwrap_or(8)
        .max(6);
    out.push_str(&format!("{:<8}", ""));
    for head in ["P10", "P50", "P80", "P95"] {
        out.push_str(&format!("  {head:>width$}"));
    }
    out.push('\n');
    for (label, cells) in &rows {
        out.push_str(&format!("{label:<8}"));
        for cell in cells {
            out.push_str(&format!("  {cell:>width$}"));
        }
        out.push('\n');
    }
    out.push('\n');
    out.push_str(lang.pick(
        "Pris: sandsynlighed for at prisen holder sig under beløbet\n",
        "Price: probability that the price stays below the amount\n",
    ));
    let marker = brief.request.budget.as_ref().map(|b| Marker {
        value: b.value,
        label: lang.pick(
            format!("budget {}", money(b.value, currency, lang)),
            format!("budget {}", money(b.value, currency, lang)),
        ),
    });
    out.push_str(&s_curve(
        &report.sorted_cost,
        marker.as_ref(),
        60,
        10,
        |v| money(v, currency, lang),
    ));
    out.push('\n');
    out.push_str(&estimate::verdict_sentence(report, brief, lang));
    out.push('\n');
    out
}
