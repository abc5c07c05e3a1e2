//! `trekant track start|log|import|status|close`: a project's actual hours logged against its
//! estimate while the work is done, then closed into the history that calibrates the next one.

use std::io::Write;

use jiff::civil::Date;
use trekant_core::Lang;
use trekant_core::brief::Priority;
use trekant_core::forecast::tracking::{Forecast, StatusReport};
use trekant_core::format::hours;
use trekant_core::history::timesheet::{ItemRef, TimesheetFormat, match_entries, parse_timesheet};
use trekant_core::tracking::check_entry;
use trekant_store::{LogEntry, ProjectStatus, Store, StoreError, TrackedItem};

use super::{Env, ExitStatus, brief_or_exit};
use crate::args::{ReviewFormat, TimesheetArg, TrackCommand};

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
            let entry = LogEntry {
                item: args.item.clone(),
                hours: args.hours,
                day,
                note: args.note.clone(),
            };
            check_entry(&entry, status.started, Some(today()))?;
            store
                .track_log_many(&project, std::slice::from_ref(&entry))
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
            let mut store = env.open_store()?;
            let project = choose_project(&store, args.project.as_deref())?;
            let status = store
                .track_status(&project)
                .map_err(|e| store_error(e, &project))?;
            // One rule for both imports: a row that cannot be read, or an entry `track log`
            // would refuse (over 24 h, before the start, after today), is a bad row, and a
            // file with bad rows imports nothing unless --skip-bad.
            let today = today();
            let mut bad: Vec<(u64, String)> = parsed
                .errors
                .iter()
                .map(|e| (e.line, e.message.clone()))
                .collect();
            let mut good = Vec::with_capacity(parsed.entries.len());
            for entry in &parsed.entries {
                let as_log = LogEntry {
                    item: entry.name.clone(),
                    hours: entry.hours,
                    day: entry.day,
                    note: None,
                };
                match check_entry(&as_log, status.started, Some(today)) {
                    Ok(()) => good.push(entry.clone()),
                    Err(error) => bad.push((entry.line, error.to_string())),
                }
            }
            bad.sort_by_key(|(line, _)| *line);
            if !bad.is_empty() {
                let how = if args.skip_bad { " (row skipped)" } else { "" };
                for (line, message) in &bad {
                    eprintln!("{name}:line {line}: {message}{how}");
                }
                if !args.skip_bad {
                    eprintln!(
                        "{name}: {} bad row(s); nothing imported. Fix them, or add --skip-bad to import the {} good rows.",
                        bad.len(),
                        good.len()
                    );
                    return Ok(ExitStatus::Findings);
                }
            }
            let refs: Vec<ItemRef<'_>> = status
                .items
                .iter()
                .map(|i| ItemRef {
                    id: &i.item,
                    title: i.title.as_deref(),
                })
                .collect();
            let report = match_entries(&good, &refs);
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
            Ok(if entries.is_empty() && !good.is_empty() {
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
                    serde_json::to_writer_pretty(
                        &mut *out,
                        &StatusReport::new(&status, &forecast),
                    )?;
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
            if day > today() {
                anyhow::bail!(
                    "{day} is after today ({}): a project closes on a day that has come",
                    today()
                );
            }
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

fn today() -> Date {
    jiff::ZonedDateTime::now().date()
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
fn choose_project(store: &dyn Store, named: Option<&str>) -> anyhow::Result<String> {
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
