//! `trekant estimate FILE`: the distribution of hours, price and finish date, and the verdict.

use std::io::Write;

use trekant_core::document::chart::{Marker, s_curve_of};
use trekant_core::forecast::estimate::{self, Report};
use trekant_core::format::{date, hours, money};
use trekant_core::history::person::Basis;
use trekant_core::{Brief, Lang};

use super::{Env, ExitStatus, forecast};
use crate::args::{EstimateArgs, ReviewFormat};

pub fn run(args: &EstimateArgs, env: &Env, out: &mut impl Write) -> anyhow::Result<ExitStatus> {
    // One simulation, for the review's triangle findings and the estimate alike.
    let forecasted = forecast(
        &args.file,
        crate::args::asked_lang(args.lang),
        env,
        &args.simulation,
        false,
        |_, _| Ok(()),
    )?;
    let (brief, lang) = (&forecasted.sound.brief, forecasted.sound.lang);
    let mut report = forecasted.forecast.report;
    // Whose history the calibration mostly rests on (`null` when there was none), and that
    // history's tasks: the person's own, or the team's when theirs is still thin.
    let basis = report.calibrated.then(|| env.basis()).flatten();
    if let Some((_, tasks)) = basis {
        report.calibration_tasks = tasks;
    }
    let basis = basis.map(|(basis, _)| basis);
    match args.format {
        ReviewFormat::Json => {
            let mut json = estimate::report_json(&report);
            if let Some(map) = json.as_object_mut() {
                map.insert("basis".into(), basis.map(Basis::as_str).into());
            }
            serde_json::to_writer_pretty(&mut *out, &json)?;
            writeln!(out)?;
        }
        ReviewFormat::Human => out.write_all(human(&report, basis, brief, lang).as_bytes())?,
    }
    Ok(ExitStatus::Success)
}

fn human(report: &Report, basis: Option<Basis>, brief: &Brief, lang: Lang) -> String {
    let currency = brief.currency();
    let mut out = String::new();
    let name = brief.project.name.as_ref().map_or("", |n| n.value.as_str());
    out.push_str(&format!("{name}\n"));
    let tasks = report.calibration_tasks;
    let calibrated = match basis {
        Some(Basis::Team) => trekant_core::t!(lang, "estimate-calibrated-team", tasks = tasks),
        _ => trekant_core::t!(lang, "estimate-calibrated", tasks = tasks),
    };
    let calibration = if report.calibrated {
        calibrated
    } else {
        trekant_core::t!(lang, "estimate-uncalibrated")
    };
    out.push_str(&trekant_core::t!(
        lang,
        "estimate-run",
        trials = hours(report.trials as f64, lang),
        seed = report.seed.to_string(),
        calibration = calibration,
    ));
    out.push_str("\n\n");
    let rows: [(&str, [String; 4]); 3] = [
        (
            &trekant_core::t!(lang, "estimate-row-hours"),
            [
                report.hours.p10,
                report.hours.p50,
                report.hours.p80,
                report.hours.p95,
            ]
            .map(|h| hours(h, lang)),
        ),
        (
            &trekant_core::t!(lang, "estimate-row-price"),
            [
                report.cost.p10,
                report.cost.p50,
                report.cost.p80,
                report.cost.p95,
            ]
            .map(|c| money(c, currency, lang)),
        ),
        (
            &trekant_core::t!(lang, "estimate-row-finish"),
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
    out.push_str(&trekant_core::messages::text(lang, "estimate-price-curve"));
    out.push('\n');
    let marker = brief.request.budget.as_ref().map(|b| Marker {
        value: b.value,
        label: trekant_core::t!(
            lang,
            "chart-budget",
            budget = money(b.value, currency, lang)
        ),
    });
    out.push_str(&s_curve_of(
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
