//! `trekant track start|log|import|status|close`: a project's actual hours logged against its
//! estimate while the work is done, then closed into the history that calibrates the next one.

use std::io::Write;

use jiff::civil::Date;
use serde_json::json;
use trekant_core::Lang;
use trekant_core::brief::Priority;
use trekant_core::format::hours;
use trekant_core::history::calibration::Calibration;
use trekant_core::history::timesheet::{ItemRef, TimesheetFormat, match_entries, parse_timesheet};
use trekant_store::{ItemStatus, LogEntry, ProjectStatus, Store, StoreError, TrackedItem};

use super::{Env, ExitStatus, brief_or_exit};
use crate::args::{ReviewFormat, TimesheetArg, TrackCommand};

/// The level of the forecasts `track status` gives.
const LEVEL: f64 = 0.8;

/// Output of the tracking commands is in English: they run without a brief to take a
/// language from.
const LANG: Lang = Lang::En;

pub fn run(command: &TrackCommand, env: &Env, out: &mut impl Write) -> anyhow::Result<ExitStatus> {
    match command {
        TrackCommand::Start(args) => {
            let day = day_or_today(args.date.as_deref())?;
            let (brief, _lang) = brief_or_exit(&args.brief, None, env)?;
            let Some(name) = brief.project.name.as_ref().map(|n| n.value.clone()) else {
                anyhow::bail!(
                    "{} has no project name: add `name = \"…\"` under [project]",
                    args.brief.display()
                );
            };
            let items: Vec<TrackedItem> = brief
                .items
                .iter()
                .filter(|i| i.priority() != Priority::Wont)
                .map(TrackedItem::from_brief_item)
                .collect();
            if items.is_empty() {
                anyhow::bail!(
                    "{} has no wanted items to track (all are `wont`)",
                    args.brief.display()
                );
            }
            let mut store = env.open_store()?;
            store
                .track_start(&name, &items, day)
                .map_err(|e| store_error(e, &name))?;
            let likely: f64 = items.iter().map(|i| i.likely).sum();
            writeln!(
                out,
                "tracking `{name}` from {day}: {} item(s), {} h likely",
                items.len(),
                hours(likely, LANG)
            )?;
            for item in &items {
                writeln!(
                    out,
                    "  {:<20} {}",
                    item.item,
                    estimate_text(item.low, item.likely, item.high)
                )?;
            }
            writeln!(
                out,
                "log hours with `trekant track log ITEM HOURS`, or import a timesheet with `trekant track import FILE --format toggl`"
            )?;
            Ok(ExitStatus::Success)
        }
        TrackCommand::Log(args) => {
            if !(args.hours.is_finite() && args.hours > 0.0 && args.hours <= 24.0) {
                anyhow::bail!(
                    "hours must be more than 0 and at most 24 (one day), not {}",
                    args.hours
                );
            }
            let day = day_or_today(args.date.as_deref())?;
            let mut store = env.open_store()?;
            let project = choose_project(&store, args.project.as_deref())?;
            let status = store
                .track_status(&project)
                .map_err(|e| store_error(e, &project))?;
            if !status.items.iter().any(|i| i.item == args.item) {
                anyhow::bail!("{}", unknown_item(&args.item, &status));
            }
            store
                .track_log(&project, &args.item, args.hours, day, args.note.as_deref())
                .map_err(|e| store_error(e, &project))?;
            let item = status.items.iter().find(|i| i.item == args.item);
            let total = item.map_or(0.0, |i| i.logged) + args.hours;
            let likely = item.map_or(0.0, |i| i.likely);
            writeln!(
                out,
                "logged {} h on `{}` ({project}, {day}); {} h of {} h likely so far",
                hours(args.hours, LANG),
                args.item,
                hours(total, LANG),
                hours(likely, LANG)
            )?;
            Ok(ExitStatus::Success)
        }
        TrackCommand::Import(args) => {
            let name = args.file.display().to_string();
            let text = match std::fs::read_to_string(&args.file) {
                Ok(text) => text,
                Err(error) => {
                    return Err(anyhow::Error::new(error).context(format!("cannot read {name}")));
                }
            };
            let parsed = match parse_timesheet(&text, timesheet_format(args.format)) {
                Ok(parsed) => parsed,
                Err(error) => {
                    eprintln!("{name}: {error}");
                    return Ok(ExitStatus::Findings);
                }
            };
            for error in &parsed.errors {
                eprintln!("{name}:{error} (row skipped)");
            }
            let mut store = env.open_store()?;
            let project = choose_project(&store, args.project.as_deref())?;
            let status = store
                .track_status(&project)
                .map_err(|e| store_error(e, &project))?;
            let refs: Vec<ItemRef<'_>> = status
                .items
                .iter()
                .map(|i| ItemRef {
                    id: &i.item,
                    title: i.title.as_deref(),
                })
                .collect();
            let report = match_entries(&parsed.entries, &refs);
            let entries: Vec<LogEntry> = report
                .matched
                .iter()
                .map(|m| LogEntry {
                    item: m.item.clone(),
                    hours: m.hours,
                    day: m.day,
                    note: m.note.clone(),
                })
                .collect();
            if !entries.is_empty() {
                store
                    .track_log_many(&project, &entries)
                    .map_err(|e| store_error(e, &project))?;
            }
            let total: f64 = entries.iter().map(|e| e.hours).sum();
            writeln!(
                out,
                "imported {} entr{} ({} h) from {name} into `{project}`",
                entries.len(),
                if entries.len() == 1 { "y" } else { "ies" },
                hours(total, LANG)
            )?;
            let mut per_item: Vec<(&str, f64)> = Vec::new();
            for entry in &entries {
                match per_item.iter_mut().find(|(i, _)| *i == entry.item) {
                    Some((_, h)) => *h += entry.hours,
                    None => per_item.push((&entry.item, entry.hours)),
                }
            }
            for (item, h) in per_item {
                writeln!(out, "  {item:<20} {} h", hours(h, LANG))?;
            }
            if !report.unmatched.is_empty() {
                writeln!(
                    out,
                    "not imported (no item matched; log them by hand with `trekant track log ITEM HOURS`):"
                )?;
                for u in &report.unmatched {
                    let lines: Vec<String> = u.lines.iter().map(u64::to_string).collect();
                    let why = if u.ambiguous.is_empty() {
                        String::new()
                    } else {
                        format!("; could be {}", u.ambiguous.join(" or "))
                    };
                    writeln!(
                        out,
                        "  {:?}: {} entr{}, {} h (line {}){why}",
                        u.name,
                        u.entries,
                        if u.entries == 1 { "y" } else { "ies" },
                        hours(u.hours, LANG),
                        lines.join(", ")
                    )?;
                }
            }
            Ok(if entries.is_empty() && !parsed.entries.is_empty() {
                ExitStatus::Findings
            } else {
                ExitStatus::Success
            })
        }
        TrackCommand::Status(args) => {
            let store = env.open_store()?;
            let project = choose_project(&store, args.project.as_deref())?;
            let status = store
                .track_status(&project)
                .map_err(|e| store_error(e, &project))?;
            drop(store);
            let calibration = env.calibration()?;
            let forecast = Forecast::of(&status, calibration.as_ref());
            match args.format {
                ReviewFormat::Json => {
                    serde_json::to_writer_pretty(&mut *out, &status_json(&status, &forecast))?;
                    writeln!(out)?;
                }
                ReviewFormat::Human => {
                    out.write_all(status_human(&status, &forecast).as_bytes())?
                }
            }
            Ok(ExitStatus::Success)
        }
        TrackCommand::Close(args) => {
            let day = day_or_today(args.date.as_deref())?;
            let mut store = env.open_store()?;
            let project = choose_project(&store, args.project.as_deref())?;
            let report = store
                .track_close(&project, day)
                .map_err(|e| store_error(e, &project))?;
            writeln!(
                out,
                "closed `{project}` on {day}: {} item(s) moved into the history, {} already there",
                report.moved, report.already_in_history
            )?;
            if !report.without_hours.is_empty() {
                writeln!(
                    out,
                    "left out, no hours logged: {}",
                    report.without_hours.join(", ")
                )?;
            }
            Ok(ExitStatus::Success)
        }
    }
}

/// A `YYYY-MM-DD` flag, or today.
pub fn day_or_today(text: Option<&str>) -> anyhow::Result<Date> {
    match text {
        None => Ok(jiff::ZonedDateTime::now().date()),
        Some(text) => text.trim().parse::<Date>().map_err(|_| {
            anyhow::anyhow!("`{text}` is not a date: write it as YYYY-MM-DD, e.g. 2027-03-01")
        }),
    }
}

/// The project a command is about: the one named, else the only open one.
fn choose_project(store: &Store, named: Option<&str>) -> anyhow::Result<String> {
    let open = store.open_projects()?;
    if let Some(name) = named {
        if open.iter().any(|p| p == name) {
            return Ok(name.to_string());
        }
        if open.is_empty() {
            anyhow::bail!(
                "no open project named `{name}`, and none is being tracked: start one with `trekant track start BRIEF`"
            );
        }
        anyhow::bail!(
            "no open project named `{name}`; open: {}",
            quoted(&open).join(", ")
        );
    }
    match open.as_slice() {
        [] => {
            anyhow::bail!("no project is being tracked: start one with `trekant track start BRIEF`")
        }
        [only] => Ok(only.clone()),
        many => anyhow::bail!(
            "{} projects are open ({}): say which with --project NAME",
            many.len(),
            quoted(many).join(", ")
        ),
    }
}

fn quoted(names: &[String]) -> Vec<String> {
    names.iter().map(|n| format!("`{n}`")).collect()
}

fn store_error(error: StoreError, project: &str) -> anyhow::Error {
    match error {
        StoreError::ProjectOpen(_) => anyhow::anyhow!(
            "`{project}` is already being tracked: see `trekant track status --project \"{project}\"`, or close it with `trekant track close`"
        ),
        other => anyhow::Error::new(other),
    }
}

fn unknown_item(item: &str, status: &ProjectStatus) -> String {
    let ids: Vec<&str> = status.items.iter().map(|i| i.item.as_str()).collect();
    let closest = ids
        .iter()
        .map(|id| (strsim::jaro_winkler(item, id), *id))
        .filter(|(score, _)| *score > 0.8)
        .max_by(|a, b| a.0.total_cmp(&b.0))
        .map(|(_, id)| id);
    let mut message = format!("`{}` has no item `{item}`", status.name);
    if let Some(id) = closest {
        message.push_str(&format!("; did you mean `{id}`?"));
    }
    message.push_str(&format!(" Its items: {}", ids.join(", ")));
    message
}

fn timesheet_format(format: TimesheetArg) -> TimesheetFormat {
    match format {
        TimesheetArg::Toggl => TimesheetFormat::Toggl,
        TimesheetArg::Clockify => TimesheetFormat::Clockify,
        TimesheetArg::Harvest => TimesheetFormat::Harvest,
        TimesheetArg::Csv => TimesheetFormat::Csv,
    }
}

fn estimate_text(low: Option<f64>, likely: f64, high: Option<f64>) -> String {
    match (low, high) {
        (Some(low), Some(high)) => format!(
            "{}–{}–{} h",
            hours(low, LANG),
            hours(likely, LANG),
            hours(high, LANG)
        ),
        _ => format!("{} h", hours(likely, LANG)),
    }
}

/// P80 forecasts of final hours, per item and for the project.
///
/// An item's forecast is its final-hours distribution cut below the hours already logged
/// (every item is taken as unfinished: the store has no "done" flag, so the forecast is the
/// cautious one). The distribution is the calibrated one when a history exists and the item
/// has a three-point estimate, else the PERT distribution of its three-point estimate; a
/// single-number estimate counts as certain, so its forecast is max(estimate, logged).
///
/// "On track at P80" compares the sum of the items' forecast P80s with the sum of their
/// P80s before any hours were logged (the plan, including accepted changes). A sum of P80s
/// is above the P80 of the sum, so both sides are cautious in the same way.
struct Forecast {
    calibrated: bool,
    tasks: usize,
    /// Per item, in the order of the status: (P80 planned, P80 given the hours logged).
    items: Vec<(f64, f64)>,
    plan: f64,
    forecast: f64,
}

impl Forecast {
    fn of(status: &ProjectStatus, calibration: Option<&Calibration>) -> Forecast {
        let items: Vec<(f64, f64)> = status
            .items
            .iter()
            .map(|i| {
                (
                    item_p80(i, 0.0, calibration),
                    item_p80(i, i.logged, calibration),
                )
            })
            .collect();
        Forecast {
            calibrated: calibration.is_some(),
            tasks: calibration.map_or(0, Calibration::tasks),
            plan: items.iter().map(|(p, _)| p).sum(),
            forecast: items.iter().map(|(_, f)| f).sum(),
            items,
        }
    }

    fn on_track(&self) -> bool {
        self.forecast <= self.plan + 1e-9
    }
}

fn item_p80(item: &ItemStatus, logged: f64, calibration: Option<&Calibration>) -> f64 {
    match (item.low, item.high) {
        (Some(low), Some(high)) if high > low => match calibration {
            Some(cal) if item.likely > 0.0 => cal
                .hours_quantiles_given(item.category.as_deref(), item.likely, logged, &[LEVEL])
                .first()
                .copied()
                .unwrap_or(item.likely)
                .max(logged),
            _ => pert_quantile_given(low, item.likely, high, logged, LEVEL),
        },
        _ => item.likely.max(logged),
    }
}

/// The `level` quantile of a PERT(low, likely, high) distribution cut below `logged`:
/// a Beta(α, β) on [low, high] with α = 1 + 4(likely − low)/(high − low) and
/// β = 1 + 4(high − likely)/(high − low), its CDF tabulated by the trapezoid rule.
fn pert_quantile_given(low: f64, likely: f64, high: f64, logged: f64, level: f64) -> f64 {
    if logged >= high {
        return logged;
    }
    let width = high - low;
    let alpha = 1.0 + 4.0 * (likely - low) / width;
    let beta = 1.0 + 4.0 * (high - likely) / width;
    const STEPS: usize = 2000;
    let density = |x: f64| x.powf(alpha - 1.0) * (1.0 - x).powf(beta - 1.0);
    let mut cdf = Vec::with_capacity(STEPS + 1);
    let mut total = 0.0;
    let mut previous = density(0.0);
    cdf.push(0.0);
    for k in 1..=STEPS {
        let x = k as f64 / STEPS as f64;
        let d = density(x);
        total += (previous + d) / 2.0;
        previous = d;
        cdf.push(total);
    }
    let at = |x: f64| -> f64 {
        let pos = (x.clamp(0.0, 1.0) * STEPS as f64).min(STEPS as f64);
        let k = (pos.floor() as usize).min(STEPS - 1);
        let frac = pos - k as f64;
        (cdf[k] + frac * (cdf[k + 1] - cdf[k])) / total
    };
    let floor = at((logged - low) / width);
    let target = floor + level * (1.0 - floor);
    let k = cdf.partition_point(|&c| c / total < target).min(STEPS);
    let x = if k == 0 {
        0.0
    } else {
        let (lo, hi) = (cdf[k - 1] / total, cdf[k] / total);
        let frac = if hi > lo {
            (target - lo) / (hi - lo)
        } else {
            0.0
        };
        (k as f64 - 1.0 + frac) / STEPS as f64
    };
    (low + x * width).max(logged)
}

fn round1(v: f64) -> f64 {
    (v * 10.0).round() / 10.0
}

fn status_json(status: &ProjectStatus, forecast: &Forecast) -> serde_json::Value {
    let items: Vec<serde_json::Value> = status
        .items
        .iter()
        .zip(&forecast.items)
        .map(|(i, (plan, p80))| {
            json!({
                "item": i.item,
                "title": i.title,
                "category": i.category,
                "low": i.low,
                "likely": i.likely,
                "high": i.high,
                "logged": round1(i.logged),
                "entries": i.entries,
                "last_logged": i.last_logged,
                "from_change": i.from_change,
                "plan_p80": round1(*plan),
                "p80": round1(*p80),
            })
        })
        .collect();
    json!({
        "project": status.name,
        "started": status.started,
        "calibrated": forecast.calibrated,
        "tasks": forecast.tasks,
        "items": items,
        "logged": round1(status.logged()),
        "likely": round1(status.likely()),
        "crept": round1(status.crept()),
        "plan_p80": round1(forecast.plan),
        "forecast_p80": round1(forecast.forecast),
        "on_track": forecast.on_track(),
        "changes": status.changes,
    })
}

fn status_human(status: &ProjectStatus, forecast: &Forecast) -> String {
    let h = |v: f64| hours(v, LANG);
    let mut out = format!("{} · started {}\n", status.name, status.started);
    out.push_str(if forecast.calibrated {
        "forecasts calibrated on your history\n\n"
    } else {
        "forecasts from the three-point estimates (no history to calibrate with)\n\n"
    });
    let width = status
        .items
        .iter()
        .map(|i| i.item.chars().count())
        .max()
        .unwrap_or(4)
        .max(4);
    out.push_str(&format!(
        "{:<width$}  {:>8}  {:>16}  {:>8}  {:>8}\n",
        "item", "logged", "estimate", "plan P80", "now P80"
    ));
    for (i, (plan, p80)) in status.items.iter().zip(&forecast.items) {
        let mark = if i.from_change { " (change)" } else { "" };
        out.push_str(&format!(
            "{:<width$}  {:>8}  {:>16}  {:>8}  {:>8}{mark}\n",
            i.item,
            h(i.logged),
            estimate_text(i.low, i.likely, i.high),
            h(*plan),
            h(*p80),
        ));
    }
    out.push('\n');
    out.push_str(&format!(
        "logged {} h of {} h likely",
        h(status.logged()),
        h(status.likely())
    ));
    if status.crept() > 0.0 {
        out.push_str(&format!(
            " ({} h of it added by accepted changes)",
            h(status.crept())
        ));
    }
    out.push('\n');
    let proposed = status.changes.iter().filter(|c| !c.accepted).count();
    if proposed > 0 {
        out.push_str(&format!(
            "{proposed} change request(s) proposed, not accepted\n"
        ));
    }
    if forecast.on_track() {
        out.push_str(&format!(
            "on track at P80: the items' P80s sum to {} h given what is logged, within the plan's {} h\n",
            h(forecast.forecast),
            h(forecast.plan)
        ));
    } else {
        let over = forecast.forecast - forecast.plan;
        out.push_str(&format!(
            "not on track at P80: the items' P80s sum to {} h given what is logged, {} h ({:.0}%) over the plan's {} h\n",
            h(forecast.forecast),
            h(over),
            100.0 * over / forecast.plan.max(1e-9),
            h(forecast.plan)
        ));
    }
    out.push_str(
        "(every item is taken as unfinished, so hours logged can only raise its forecast)\n",
    );
    out
}

#[cfg(test)]
mod tests {
    use super::pert_quantile_given;

    #[test]
    fn pert_median_of_a_symmetric_estimate_is_its_middle() {
        let m = pert_quantile_given(10.0, 20.0, 30.0, 0.0, 0.5);
        assert!((m - 20.0).abs() < 0.05, "{m}");
    }

    #[test]
    fn hours_logged_raise_the_forecast_and_never_fall_below_it() {
        let plain = pert_quantile_given(4.0, 8.0, 16.0, 0.0, 0.8);
        let given = pert_quantile_given(4.0, 8.0, 16.0, 10.0, 0.8);
        assert!(given > plain && given <= 16.0, "{plain} {given}");
        assert_eq!(pert_quantile_given(4.0, 8.0, 16.0, 20.0, 0.8), 20.0);
    }
}
