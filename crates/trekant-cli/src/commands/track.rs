//! `trekant track start|log|import|status|close`: a project's actual hours logged against its
//! estimate while the work is done, then closed into the history that calibrates the next one.

use std::io::Write;

use jiff::civil::Date;
use trekant_core::brief::Priority;
use trekant_core::forecast::tracking::{Forecast, StatusReport};
use trekant_core::format::hours;
use trekant_core::history::timesheet::{
    ItemRef, TimesheetFormat, match_entries, parse_timesheet_bytes,
};
use trekant_core::tracking::check_entry;
use trekant_core::{Lang, t};
use trekant_store::{LogEntry, ProjectStatus, Store, StoreError, TrackedItem, Unfinished};

use super::{Env, ExitStatus, brief_or_exit};
use crate::args::{ReviewFormat, TimesheetArg, TrackCommand, UnfinishedArg};

/// `track start` speaks `--lang`, else the brief's language (as `review` does); the other
/// subcommands read no brief and speak `--lang`, else the system locale.
pub fn run(command: &TrackCommand, env: &Env, out: &mut impl Write) -> anyhow::Result<ExitStatus> {
    match command {
        TrackCommand::Start(args) => {
            let asked = crate::args::asked_lang(args.lang);
            let day = day_or_today(
                args.date.as_deref(),
                asked.unwrap_or_else(|| crate::args::output_lang(None)),
            )?;
            let (brief, lang) = brief_or_exit(&args.brief, asked, env)?;
            let file = args.brief.display().to_string();
            let Some(name) = brief.project.name.as_ref().map(|n| n.value.clone()) else {
                anyhow::bail!(t!(lang, "track-no-name", file = file));
            };
            let items: Vec<TrackedItem> = brief
                .items
                .iter()
                .filter(|i| i.priority() != Priority::Wont)
                .map(TrackedItem::from_brief_item)
                .collect();
            if items.is_empty() {
                anyhow::bail!(t!(lang, "track-nothing-wanted", file = file));
            }
            let mut store = env.open_store()?;
            start(&mut store, &name, &items, day, lang, out)?;
            Ok(ExitStatus::Success)
        }
        TrackCommand::Log(args) => {
            let lang = crate::args::output_lang(args.lang);
            if !(args.hours.is_finite() && args.hours > 0.0 && args.hours <= 24.0) {
                anyhow::bail!(t!(
                    lang,
                    "track-hours-limit",
                    hours = plain_number(args.hours, lang)
                ));
            }
            let day = day_or_today(args.date.as_deref(), lang)?;
            let mut store = env.open_store()?;
            let project = choose_project(&store, args.project.as_deref(), lang)?;
            let status = store
                .track_status(&project)
                .map_err(|e| store_error(e, &project, lang))?;
            if !status.items.iter().any(|i| i.item == args.item) {
                anyhow::bail!("{}", unknown_item(&args.item, &status, lang));
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
                .map_err(|e| store_error(e, &project, lang))?;
            let item = status.items.iter().find(|i| i.item == args.item);
            let total = item.map_or(0.0, |i| i.logged) + args.hours;
            let likely = item.map_or(0.0, |i| i.likely);
            let logged = t!(
                lang,
                "track-logged",
                hours = hours(args.hours, lang),
                item = args.item,
                project = project,
                day = day.to_string(),
                total = hours(total, lang),
                likely = hours(likely, lang),
            );
            writeln!(out, "{logged}")?;
            Ok(ExitStatus::Success)
        }
        TrackCommand::Import(args) => {
            let lang = crate::args::output_lang(args.lang);
            let name = args.file.display().to_string();
            let bytes = match std::fs::read(&args.file) {
                Ok(bytes) => bytes,
                Err(error) => {
                    return Err(anyhow::Error::new(error).context(t!(
                        lang,
                        "error-cannot-read",
                        file = name
                    )));
                }
            };
            let parsed = match parse_timesheet_bytes(&bytes, timesheet_format(args.format)) {
                Ok(parsed) => parsed,
                Err(error) => {
                    eprintln!("{name}: {}", error.message().render(lang));
                    return Ok(ExitStatus::Findings);
                }
            };
            let mut store = env.open_store()?;
            let project = choose_project(&store, args.project.as_deref(), lang)?;
            let status = store
                .track_status(&project)
                .map_err(|e| store_error(e, &project, lang))?;
            // One rule for both imports: a row that cannot be read, or an entry `track log`
            // would refuse (over 24 h, before the start, after today), is a bad row, and a
            // file with bad rows imports nothing unless --skip-bad.
            let today = today();
            let mut bad: Vec<(u64, String)> = parsed
                .errors
                .iter()
                .map(|e| (e.line, e.message.render(lang)))
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
                    Err(error) => bad.push((entry.line, error.message().render(lang))),
                }
            }
            bad.sort_by_key(|(line, _)| *line);
            let detected = super::history::detected_text(&name, &parsed.detected, lang);
            if !bad.is_empty() {
                let how = if args.skip_bad {
                    t!(lang, "track-row-skipped")
                } else {
                    String::new()
                };
                for (line, message) in &bad {
                    let row = t!(
                        lang,
                        "track-bad-row",
                        file = name,
                        line = line.to_string(),
                        message = message,
                    );
                    eprintln!("{row}{how}");
                }
                eprintln!("{detected}");
                if good.is_empty() {
                    // --skip-bad would import nothing: it is no way out, so not offered.
                    let refused = t!(
                        lang,
                        "import-nothing-good",
                        file = name,
                        bad = bad.len(),
                        bad_text = bad.len().to_string(),
                    );
                    eprintln!("{refused}");
                    return Ok(ExitStatus::Findings);
                }
                if !args.skip_bad {
                    let refused = t!(
                        lang,
                        "track-bad-rows",
                        file = name,
                        bad = bad.len(),
                        bad_text = bad.len().to_string(),
                        good = good.len().to_string(),
                    );
                    eprintln!("{refused}");
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
                    .map_err(|e| store_error(e, &project, lang))?;
            }
            let total: f64 = entries.iter().map(|e| e.hours).sum();
            let imported = t!(
                lang,
                "track-imported",
                entries = entries.len(),
                entries_text = entries.len().to_string(),
                hours = hours(total, lang),
                file = name,
                project = project,
            );
            writeln!(out, "{imported}")?;
            writeln!(out, "{detected}")?;
            let mut per_item: Vec<(&str, f64)> = Vec::new();
            for entry in &entries {
                match per_item.iter_mut().find(|(i, _)| *i == entry.item) {
                    Some((_, h)) => *h += entry.hours,
                    None => per_item.push((&entry.item, entry.hours)),
                }
            }
            for (item, h) in per_item {
                let h = t!(lang, "track-hours", hours = hours(h, lang));
                writeln!(out, "  {item:<20} {h}")?;
            }
            if !report.unmatched.is_empty() {
                writeln!(out, "{}", t!(lang, "track-not-imported"))?;
                for u in &report.unmatched {
                    let lines: Vec<String> = u.lines.iter().map(u64::to_string).collect();
                    let could_be = if u.ambiguous.is_empty() {
                        String::new()
                    } else {
                        let or = t!(lang, "track-or");
                        t!(lang, "track-could-be", items = u.ambiguous.join(&or))
                    };
                    let unmatched = t!(
                        lang,
                        "track-unmatched",
                        name = format!("{:?}", u.name),
                        entries = u.entries,
                        entries_text = u.entries.to_string(),
                        hours = hours(u.hours, lang),
                        line_count = lines.len(),
                        lines = lines.join(", "),
                        could_be = could_be,
                    );
                    writeln!(out, "  {unmatched}")?;
                }
            }
            Ok(if entries.is_empty() && !good.is_empty() {
                ExitStatus::Findings
            } else {
                ExitStatus::Success
            })
        }
        TrackCommand::Status(args) => {
            let lang = crate::args::output_lang(args.lang);
            let store = env.open_store()?;
            let project = choose_project(&store, args.project.as_deref(), lang)?;
            let status = store
                .track_status(&project)
                .map_err(|e| store_error(e, &project, lang))?;
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
                    out.write_all(status_human(&status, &forecast, lang).as_bytes())?
                }
            }
            Ok(ExitStatus::Success)
        }
        TrackCommand::Done(args) => {
            let lang = crate::args::output_lang(args.lang);
            let day = past_day(args.date.as_deref(), lang, "track-done-future")?;
            let mut store = env.open_store()?;
            let project = choose_project(&store, args.project.as_deref(), lang)?;
            let status = store
                .track_status(&project)
                .map_err(|e| store_error(e, &project, lang))?;
            let Some(item) = status.items.iter().find(|i| i.item == args.item) else {
                anyhow::bail!("{}", unknown_item(&args.item, &status, lang));
            };
            if day < status.started {
                anyhow::bail!(t!(
                    lang,
                    "track-done-before-start",
                    day = day.to_string(),
                    started = status.started.to_string(),
                ));
            }
            store
                .track_done(&project, &args.item, day)
                .map_err(|e| store_error(e, &project, lang))?;
            let done = t!(
                lang,
                "track-done",
                item = args.item,
                project = project,
                day = day.to_string(),
                logged = hours(item.logged, lang),
                likely = hours(item.likely, lang),
            );
            writeln!(out, "{done}")?;
            Ok(ExitStatus::Success)
        }
        TrackCommand::Close(args) => {
            let lang = crate::args::output_lang(args.lang);
            let day = past_day(args.date.as_deref(), lang, "track-close-future")?;
            let mut store = env.open_store()?;
            let project = choose_project(&store, args.project.as_deref(), lang)?;
            let unfinished = match args.unfinished {
                None => Unfinished::Refuse,
                Some(UnfinishedArg::Drop) => Unfinished::Drop,
                Some(UnfinishedArg::Finish) => Unfinished::Finish,
            };
            let report = match store.track_close_unfinished(&project, day, unfinished) {
                Ok(report) => report,
                Err(StoreError::Unfinished { items, .. }) => {
                    let status = store
                        .track_status(&project)
                        .map_err(|e| store_error(e, &project, lang))?;
                    let mut refused = t!(
                        lang,
                        "track-close-unfinished",
                        project = project,
                        count = items.len(),
                        count_text = items.len().to_string(),
                    );
                    for item in status.items.iter().filter(|i| items.contains(&i.item)) {
                        let row = t!(
                            lang,
                            "track-unfinished-item",
                            logged = hours(item.logged, lang),
                            likely = hours(item.likely, lang),
                        );
                        refused.push_str(&format!("\n  {:<20} {row}", item.item));
                    }
                    refused.push('\n');
                    refused.push_str(&t!(lang, "track-close-unfinished-how"));
                    anyhow::bail!(refused);
                }
                Err(error) => return Err(store_error(error, &project, lang)),
            };
            let closed = t!(
                lang,
                "track-closed",
                project = project,
                day = day.to_string(),
                moved = report.moved,
                moved_text = report.moved.to_string(),
                already = report.already_in_history.to_string(),
            );
            writeln!(out, "{closed}")?;
            if !report.without_hours.is_empty() {
                let left_out = t!(
                    lang,
                    "track-left-out",
                    items = report.without_hours.join(", ")
                );
                writeln!(out, "{left_out}")?;
            }
            if !report.dropped.is_empty() {
                let dropped = t!(lang, "track-dropped", items = report.dropped.join(", "));
                writeln!(out, "{dropped}")?;
            }
            if !report.finished_at_close.is_empty() {
                let finished = t!(
                    lang,
                    "track-finished-at-close",
                    day = day.to_string(),
                    items = report.finished_at_close.join(", ")
                );
                writeln!(out, "{finished}")?;
            }
            Ok(ExitStatus::Success)
        }
    }
}

fn today() -> Date {
    jiff::ZonedDateTime::now().date()
}

/// A `YYYY-MM-DD` flag that may not be after today (what is done or closed has happened), or
/// today; `future` is the message refusing a later day.
fn past_day(text: Option<&str>, lang: Lang, future: &'static str) -> anyhow::Result<Date> {
    let day = day_or_today(text, lang)?;
    if day > today() {
        anyhow::bail!(t!(
            lang,
            future,
            day = day.to_string(),
            today = today().to_string(),
        ));
    }
    Ok(day)
}

/// A `YYYY-MM-DD` flag, or today.
pub fn day_or_today(text: Option<&str>, lang: Lang) -> anyhow::Result<Date> {
    match text {
        None => Ok(jiff::ZonedDateTime::now().date()),
        Some(text) => text
            .trim()
            .parse::<Date>()
            .map_err(|_| anyhow::anyhow!(t!(lang, "track-not-a-date", text = text))),
    }
}

/// A number as the user typed it, with the language's decimal comma.
fn plain_number(value: f64, lang: Lang) -> String {
    let text = value.to_string();
    match lang {
        Lang::Da => text.replacen('.', ",", 1),
        _ => text,
    }
}

/// The project a command is about: the one named, else the only open one.
fn choose_project(store: &dyn Store, named: Option<&str>, lang: Lang) -> anyhow::Result<String> {
    let open = store.open_projects()?;
    if let Some(name) = named {
        if open.iter().any(|p| p == name) {
            return Ok(name.to_string());
        }
        if open.is_empty() {
            anyhow::bail!(t!(lang, "track-no-project-none-open", name = name));
        }
        anyhow::bail!(t!(
            lang,
            "track-no-project",
            name = name,
            open = quoted(&open).join(", "),
        ));
    }
    match open.as_slice() {
        [] => anyhow::bail!(t!(lang, "track-none-tracked")),
        [only] => Ok(only.clone()),
        many => anyhow::bail!(t!(
            lang,
            "track-many-open",
            count = many.len(),
            count_text = many.len().to_string(),
            open = quoted(many).join(", "),
        )),
    }
}

fn quoted(names: &[String]) -> Vec<String> {
    names.iter().map(|n| format!("`{n}`")).collect()
}

/// Starts tracking `items` as project `name` from `day`, and says so: `track start`, and
/// `accept` for the scope of the accepted offer.
pub fn start(
    store: &mut dyn Store,
    name: &str,
    items: &[TrackedItem],
    day: Date,
    lang: Lang,
    out: &mut impl Write,
) -> anyhow::Result<()> {
    store
        .track_start(name, items, day)
        .map_err(|e| store_error(e, name, lang))?;
    let likely: f64 = items.iter().map(|i| i.likely).sum();
    let started = t!(
        lang,
        "track-started",
        project = name,
        day = day.to_string(),
        items = items.len(),
        items_text = items.len().to_string(),
        likely = hours(likely, lang),
    );
    writeln!(out, "{started}")?;
    for item in items {
        writeln!(
            out,
            "  {:<20} {}",
            item.item,
            estimate_text(item.low, item.likely, item.high, lang)
        )?;
    }
    writeln!(out, "{}", t!(lang, "track-start-next"))?;
    Ok(())
}

fn store_error(error: StoreError, project: &str, lang: Lang) -> anyhow::Error {
    match error {
        StoreError::ProjectOpen(_) => {
            anyhow::anyhow!(t!(lang, "track-already-tracked", project = project))
        }
        other => anyhow::Error::new(other),
    }
}

fn unknown_item(item: &str, status: &ProjectStatus, lang: Lang) -> String {
    let ids: Vec<&str> = status.items.iter().map(|i| i.item.as_str()).collect();
    let closest = ids
        .iter()
        .map(|id| (strsim::jaro_winkler(item, id), *id))
        .filter(|(score, _)| *score > 0.8)
        .max_by(|a, b| a.0.total_cmp(&b.0))
        .map(|(_, id)| id);
    let suggestion = closest
        .map(|id| t!(lang, "track-did-you-mean", id = id))
        .unwrap_or_default();
    t!(
        lang,
        "track-unknown-item",
        project = status.name,
        item = item,
        suggestion = suggestion,
        items = ids.join(", "),
    )
}

fn timesheet_format(format: TimesheetArg) -> TimesheetFormat {
    match format {
        TimesheetArg::Toggl => TimesheetFormat::Toggl,
        TimesheetArg::Clockify => TimesheetFormat::Clockify,
        TimesheetArg::Harvest => TimesheetFormat::Harvest,
        TimesheetArg::Csv => TimesheetFormat::Csv,
    }
}

fn estimate_text(low: Option<f64>, likely: f64, high: Option<f64>, lang: Lang) -> String {
    match (low, high) {
        (Some(low), Some(high)) => t!(
            lang,
            "track-range",
            low = hours(low, lang),
            likely = hours(likely, lang),
            high = hours(high, lang),
        ),
        _ => t!(lang, "track-hours", hours = hours(likely, lang)),
    }
}

fn status_human(status: &ProjectStatus, forecast: &Forecast, lang: Lang) -> String {
    let h = |v: f64| hours(v, lang);
    let mut out = t!(
        lang,
        "track-status-title",
        project = status.name,
        day = status.started.to_string(),
    );
    out.push('\n');
    out.push_str(&if forecast.calibrated {
        t!(lang, "track-calibrated")
    } else {
        t!(lang, "track-uncalibrated")
    });
    out.push_str("\n\n");
    let header = [
        t!(lang, "track-col-item"),
        t!(lang, "track-col-logged"),
        t!(lang, "track-col-estimate"),
        t!(lang, "track-col-plan"),
        t!(lang, "track-col-now"),
    ];
    let width = status
        .items
        .iter()
        .map(|i| i.item.chars().count())
        .max()
        .unwrap_or(0)
        .max(header[0].chars().count());
    out.push_str(&format!(
        "{:<width$}  {:>8}  {:>16}  {:>8}  {:>8}\n",
        header[0], header[1], header[2], header[3], header[4]
    ));
    let mark = t!(lang, "track-change-mark");
    for (i, (plan, p80)) in status.items.iter().zip(&forecast.items) {
        let mark = if i.from_change { mark.as_str() } else { "" };
        let done = i
            .done
            .map(|day| t!(lang, "track-done-mark", day = day.to_string()))
            .unwrap_or_default();
        out.push_str(&format!(
            "{:<width$}  {:>8}  {:>16}  {:>8}  {:>8}{mark}{done}\n",
            i.item,
            h(i.logged),
            estimate_text(i.low, i.likely, i.high, lang),
            h(*plan),
            h(*p80),
        ));
    }
    out.push('\n');
    out.push_str(&t!(
        lang,
        "track-status-logged",
        logged = h(status.logged()),
        likely = h(status.likely()),
    ));
    if status.crept() > 0.0 {
        out.push_str(&t!(lang, "track-status-crept", hours = h(status.crept())));
    }
    out.push('\n');
    let proposed = status.changes.iter().filter(|c| !c.accepted).count();
    if proposed > 0 {
        out.push_str(&t!(
            lang,
            "track-status-proposed",
            count = proposed,
            count_text = proposed.to_string(),
        ));
        out.push('\n');
    }
    if forecast.on_track() {
        out.push_str(&t!(
            lang,
            "track-on-track",
            forecast = h(forecast.forecast),
            plan = h(forecast.plan),
        ));
    } else {
        let over = forecast.forecast - forecast.plan;
        out.push_str(&t!(
            lang,
            "track-off-track",
            forecast = h(forecast.forecast),
            over = h(over),
            percent = format!("{:.0}", 100.0 * over / forecast.plan.max(1e-9)),
            plan = h(forecast.plan),
        ));
    }
    out.push('\n');
    out.push_str(&t!(lang, "track-done-note"));
    out.push('\n');
    out
}
