//! `trekant calibration`: how you estimate, from your own history.

use std::io::Write;

use trekant_core::Lang;
use trekant_core::document::chart::{Marker, s_curve};
use trekant_core::format::{decimal, percent};
use trekant_core::history::habits::{GroupSummary, Habits, habits};

use super::{Env, ExitStatus};
use crate::args::{CalibrationArgs, ReviewFormat};
use trekant_store::Store as _;

pub fn run(args: &CalibrationArgs, env: &Env, out: &mut impl Write) -> anyhow::Result<ExitStatus> {
    let path = env.db_path()?;
    let records = if path.exists() {
        env.open_store()?.export_history()?
    } else {
        Vec::new()
    };
    let lang = crate::args::output_lang(args.lang);
    let Some(summary) = habits(&records) else {
        let none = trekant_core::t!(
            lang,
            "calibration-no-history",
            db = path.display().to_string()
        );
        // No history is no error: a new user has none yet. Nothing is created either.
        match args.format {
            ReviewFormat::Human => writeln!(out, "{none}")?,
            ReviewFormat::Json => eprintln!("{none}"),
        }
        return Ok(ExitStatus::Success);
    };
    match args.format {
        ReviewFormat::Json => {
            serde_json::to_writer_pretty(&mut *out, &summary)?;
            writeln!(out)?;
        }
        ReviewFormat::Human => {
            let mut ratios: Vec<f64> = records
                .iter()
                .map(|r| r.ratio())
                .filter(|r| r.is_finite())
                .collect();
            ratios.sort_by(f64::total_cmp);
            out.write_all(human(&summary, &ratios, lang).as_bytes())?;
        }
    }
    Ok(ExitStatus::Success)
}

fn table(out: &mut String, title: &str, groups: &[GroupSummary], lang: Lang) {
    out.push_str(&format!("\n{title}\n"));
    out.push_str(&format!(
        "  {:<22} {:>6} {:>7} {:>7} {:>7} {:>8}\n",
        "",
        trekant_core::t!(lang, "calibration-col-tasks"),
        trekant_core::t!(lang, "calibration-col-median"),
        "P80",
        "P90",
        trekant_core::t!(lang, "calibration-col-over")
    ));
    // The largest groups carry the information; a long tail of small ones is noise here.
    const SHOWN: usize = 12;
    for g in groups.iter().take(SHOWN) {
        let r = &g.ratios;
        let name: String = g.name.chars().take(22).collect();
        out.push_str(&format!(
            "  {name:<22} {:>6} {:>6}× {:>6}× {:>6}× {:>8}\n",
            r.tasks,
            decimal(r.median, 2, lang),
            decimal(r.p80, 2, lang),
            decimal(r.p90, 2, lang),
            percent(r.over, lang)
        ));
    }
    if groups.len() > SHOWN {
        let more = groups.len() - SHOWN;
        let more = trekant_core::t!(lang, "calibration-more", more = more.to_string());
        out.push_str(&format!("  {more}\n"));
    }
}

fn human(h: &Habits, sorted_ratios: &[f64], lang: Lang) -> String {
    let o = &h.overall;
    let mut out = trekant_core::t!(
        lang,
        "calibration-summary",
        tasks = o.tasks.to_string(),
        median = decimal(o.median, 2, lang),
        p80 = decimal(o.p80, 2, lang),
        over = percent(o.over, lang),
    );
    out.push('\n');
    table(
        &mut out,
        &trekant_core::t!(lang, "calibration-by-category"),
        &h.by_category,
        lang,
    );
    table(
        &mut out,
        &trekant_core::t!(lang, "calibration-by-size"),
        &h.by_size,
        lang,
    );
    table(
        &mut out,
        &trekant_core::t!(lang, "calibration-over-time"),
        &h.trend,
        lang,
    );
    out.push_str(&format!(
        "\n{}\n",
        trekant_core::t!(lang, "calibration-curve")
    ));
    let marker = Marker {
        value: 1.0,
        label: trekant_core::t!(lang, "calibration-as-estimated").to_owned(),
    };
    out.push_str(&s_curve(sorted_ratios, Some(&marker), 60, 8, |v| {
        format!("{v:.2}×")
    }));
    out
}
