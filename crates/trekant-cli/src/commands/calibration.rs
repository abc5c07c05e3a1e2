//! `trekant calibration`: how you estimate, from your own history.

use std::io::Write;

use trekant_core::Lang;
use trekant_core::document::chart::{Marker, s_curve};
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
    let Some(summary) = habits(&records) else {
        eprintln!(
            "no history in {}: import one with `trekant history import FILE`, or close a tracked project",
            path.display()
        );
        return Ok(ExitStatus::Findings);
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
            out.write_all(human(&summary, &ratios, args.lang.into()).as_bytes())?;
        }
    }
    Ok(ExitStatus::Success)
}

fn table(out: &mut String, title: &str, groups: &[GroupSummary], lang: Lang) {
    out.push_str(&format!("\n{title}\n"));
    out.push_str(&format!(
        "  {:<22} {:>6} {:>7} {:>7} {:>7} {:>8}\n",
        "",
        lang.pick("opg.", "tasks"),
        lang.pick("median", "median"),
        "P80",
        "P90",
        lang.pick("over", "over")
    ));
    // The largest groups carry the information; a long tail of small ones is noise here.
    const SHOWN: usize = 12;
    for g in groups.iter().take(SHOWN) {
        let r = &g.ratios;
        let name: String = g.name.chars().take(22).collect();
        out.push_str(&format!(
            "  {name:<22} {:>6} {:>6.2}× {:>6.2}× {:>6.2}× {:>7.0}%\n",
            r.tasks,
            r.median,
            r.p80,
            r.p90,
            r.over * 100.0
        ));
    }
    if groups.len() > SHOWN {
        let more = groups.len() - SHOWN;
        out.push_str(&lang.pick(
            format!("  … og {more} mere (alle med --format json)\n"),
            format!("  … and {more} more (all with --format json)\n"),
        ));
    }
}

fn human(h: &Habits, sorted_ratios: &[f64], lang: Lang) -> String {
    let o = &h.overall;
    let mut out = lang.pick(
        format!(
            "Dine {} afsluttede opgaver: typisk tager en opgave {:.2} × dit sandsynlige estimat; for at ramme 80 % skal du gange med {:.2}. {:.0} % tog længere end estimeret.\n",
            o.tasks, o.median, o.p80, o.over * 100.0
        ),
        format!(
            "Your {} finished tasks: a task typically takes {:.2} × your likely estimate; to be right 80% of the time, multiply by {:.2}. {:.0}% took longer than estimated.\n",
            o.tasks, o.median, o.p80, o.over * 100.0
        ),
    );
    table(
        &mut out,
        lang.pick("Efter kategori", "By category"),
        &h.by_category,
        lang,
    );
    table(
        &mut out,
        lang.pick("Efter størrelse", "By size"),
        &h.by_size,
        lang,
    );
    table(&mut out, lang.pick("Over tid", "Over time"), &h.trend, lang);
    out.push_str(&format!(
        "\n{}\n",
        lang.pick(
            "Andel opgaver med forhold (faktisk/estimat) under værdien",
            "Share of tasks with a ratio (actual/estimate) below the value"
        )
    ));
    let marker = Marker {
        value: 1.0,
        label: lang.pick("som estimeret", "as estimated").to_owned(),
    };
    out.push_str(&s_curve(sorted_ratios, Some(&marker), 60, 8, |v| {
        format!("{v:.2}×")
    }));
    out
}
