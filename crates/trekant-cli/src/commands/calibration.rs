//! `trekant calibration`: how you estimate, from your own history.

use std::io::Write;

use trekant_core::Lang;
use trekant_core::document::chart::{Marker, s_curve};
// Counts are grouped as hours are: "4.492" in Danish.
use trekant_core::format::{decimal, hours, percent};
use trekant_core::history::habits::{GroupSummary, Habits, RatioSummary, habits};
use trekant_core::history::person::{Basis, PersonSettings, TeamComparison, compare};

use super::{Env, ExitStatus};
use crate::args::{CalibrationArgs, ReviewFormat};
use trekant_store::Store as _;

pub fn run(args: &CalibrationArgs, env: &Env, out: &mut impl Write) -> anyhow::Result<ExitStatus> {
    let path = env.db_path()?;
    let (own, team) = if path.exists() {
        let store = env.open_store()?;
        (store.export_history()?, store.export_team_history()?)
    } else {
        (Vec::new(), Vec::new())
    };
    let lang = crate::args::output_lang(args.lang);
    let comparison = compare(&team, &PersonSettings::default());
    // Someone with nothing of their own yet sees the team's history their estimates rest on.
    let basis = if habits(&own).is_some() {
        Basis::Person
    } else {
        Basis::Team
    };
    let records = match basis {
        Basis::Person => own,
        Basis::Team => team.into_iter().map(|(_, r)| r).collect(),
    };
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
            let mut json = serde_json::to_value(&summary)?;
            if let Some(map) = json.as_object_mut() {
                map.insert("basis".into(), basis.as_str().into());
                if let Some(c) = &comparison {
                    map.insert("team".into(), serde_json::to_value(&c.team)?);
                    map.insert("people".into(), serde_json::to_value(&c.people)?);
                }
            }
            serde_json::to_writer_pretty(&mut *out, &json)?;
            writeln!(out)?;
        }
        ReviewFormat::Human => {
            let mut ratios: Vec<f64> = records
                .iter()
                .map(|r| r.ratio())
                .filter(|r| r.is_finite())
                .collect();
            ratios.sort_by(f64::total_cmp);
            if basis == Basis::Team {
                let person = env.owner().to_string();
                writeln!(
                    out,
                    "{}",
                    trekant_core::t!(lang, "person-none-own", person = person)
                )?;
            }
            out.write_all(human(&summary, basis, &ratios, lang).as_bytes())?;
            if let Some(c) = &comparison {
                out.write_all(people(c, lang).as_bytes())?;
            }
        }
    }
    Ok(ExitStatus::Success)
}

/// The head of a table of ratios, its first column titled `first`.
fn head(first: &str, lang: Lang) -> String {
    format!(
        "  {first:<22} {:>6} {:>7} {:>7} {:>7} {:>8}",
        trekant_core::t!(lang, "calibration-col-tasks"),
        trekant_core::t!(lang, "calibration-col-median"),
        "P80",
        "P90",
        trekant_core::t!(lang, "calibration-col-over")
    )
}

/// One row of a table of ratios.
fn row(name: &str, r: &RatioSummary, lang: Lang) -> String {
    let name: String = name.chars().take(22).collect();
    format!(
        "  {name:<22} {:>6} {:>6}× {:>6}× {:>6}× {:>8}",
        hours(r.tasks as f64, lang),
        decimal(r.median, 2, lang),
        decimal(r.p80, 2, lang),
        decimal(r.p90, 2, lang),
        percent(r.over, lang)
    )
}

fn table(out: &mut String, title: &str, groups: &[GroupSummary], lang: Lang) {
    out.push_str(&format!("\n{title}\n{}\n", head("", lang)));
    // The largest groups carry the information; a long tail of small ones is noise here.
    const SHOWN: usize = 12;
    for g in groups.iter().take(SHOWN) {
        out.push_str(&format!("{}\n", row(&g.name, &g.ratios, lang)));
    }
    if groups.len() > SHOWN {
        let more = groups.len() - SHOWN;
        let more = trekant_core::t!(lang, "calibration-more", more = more.to_string());
        out.push_str(&format!("  {more}\n"));
    }
}

/// Each person's ratios beside the team's, and what each is calibrated on.
fn people(c: &TeamComparison, lang: Lang) -> String {
    let mut out = format!(
        "\n{}\n{}  {}\n",
        trekant_core::t!(lang, "person-by-person"),
        head(&trekant_core::t!(lang, "person-col-person"), lang),
        trekant_core::t!(lang, "person-col-basis"),
    );
    let team = trekant_core::t!(lang, "person-team");
    let rows = std::iter::once((team.as_str(), &c.team, None)).chain(
        c.people
            .iter()
            .map(|p| (p.person.as_str(), &p.ratios, Some(p.basis))),
    );
    for (name, r, basis) in rows {
        let basis = match basis {
            Some(Basis::Person) => trekant_core::t!(lang, "person-basis-person"),
            Some(Basis::Team) => trekant_core::t!(lang, "person-basis-team"),
            None => String::new(),
        };
        out.push_str(format!("{}  {basis}", row(name, r, lang)).trim_end());
        out.push('\n');
    }
    let deep = PersonSettings::default().deep_enough();
    out.push_str(&trekant_core::t!(lang, "person-thin", tasks = deep));
    out.push('\n');
    out
}

fn human(h: &Habits, basis: Basis, sorted_ratios: &[f64], lang: Lang) -> String {
    let o = &h.overall;
    let summary = match basis {
        Basis::Person => "calibration-summary",
        Basis::Team => "person-team-summary",
    };
    let mut out = trekant_core::t!(
        lang,
        summary,
        tasks = hours(o.tasks as f64, lang),
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
