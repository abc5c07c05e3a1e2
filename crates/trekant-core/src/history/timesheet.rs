//! Time-tracker exports (Toggl, Clockify, Harvest, or a plain `item,date,hours` CSV) read as
//! entries of hours, and matched to the items of a tracked project by id or title, with a
//! report of what did not match.
//!
//! Trackers name the work in free text ("shop: checkout bug"), so matching is forgiving in a
//! few predictable ways — case, spacing, punctuation, an `id:` prefix, a close misspelling of
//! a title — and never guesses between two items.

use std::collections::BTreeMap;
use std::str::FromStr;

use jiff::civil::Date;
use serde::Serialize;

use crate::history::detect::{self, DateForm, Decimal, Detected, Encoding, FormError};
use crate::history::{LineCounter, RowError};
use crate::messages::Message;
use crate::msg;

/// Which tracker wrote the file.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum TimesheetFormat {
    /// Toggl Track's detailed report: `Description`/`Task`, `Start date`, `Duration` (H:MM:SS).
    Toggl,
    /// Clockify's detailed report: `Description`/`Task`, `Start Date`, `Duration (decimal)`.
    Clockify,
    /// Harvest's detailed time report: `Task`/`Notes`, `Date`, `Hours`.
    Harvest,
    /// trekant's own: `item,date,hours` and an optional `note`.
    Csv,
}

impl FromStr for TimesheetFormat {
    type Err = String;

    fn from_str(s: &str) -> Result<Self, Self::Err> {
        match s.to_ascii_lowercase().as_str() {
            "toggl" => Ok(Self::Toggl),
            "clockify" => Ok(Self::Clockify),
            "harvest" => Ok(Self::Harvest),
            "csv" => Ok(Self::Csv),
            other => Err(format!(
                "unknown time-tracker format `{other}`; expected toggl, clockify, harvest or csv"
            )),
        }
    }
}

/// Where a format keeps what we need. Each list holds the header names to try, in order.
struct Layout {
    /// Columns naming the work, most specific first; the first non-empty one names the entry
    /// and the others are kept as candidates for matching.
    names: &'static [&'static str],
    date: &'static [&'static str],
    /// Hours as a decimal number.
    decimal: &'static [&'static str],
    /// Hours as H:MM:SS (or H:MM).
    clock: &'static [&'static str],
    note: &'static [&'static str],
}

fn layout(format: TimesheetFormat) -> Layout {
    match format {
        TimesheetFormat::Toggl => Layout {
            names: &["task", "description"],
            date: &["start date"],
            decimal: &[],
            clock: &["duration"],
            note: &[],
        },
        TimesheetFormat::Clockify => Layout {
            names: &["task", "description"],
            date: &["start date"],
            decimal: &["duration (decimal)"],
            clock: &["duration (h)"],
            note: &[],
        },
        TimesheetFormat::Harvest => Layout {
            names: &["task", "notes"],
            date: &["date", "spent date"],
            decimal: &["hours"],
            clock: &[],
            note: &["notes"],
        },
        TimesheetFormat::Csv => Layout {
            names: &["item"],
            date: &["date", "day"],
            decimal: &["hours"],
            clock: &[],
            note: &["note", "notes"],
        },
    }
}

/// One row of a time-tracker export.
#[derive(Clone, Debug, PartialEq)]
pub struct TimeEntry {
    /// What the tracker called the work (the first non-empty naming column).
    pub name: String,
    /// Other texts from the row that may name the item (a Harvest note, a Toggl description
    /// beside its task), tried when `name` matches nothing.
    pub alternatives: Vec<String>,
    pub day: Date,
    pub hours: f64,
    pub note: Option<String>,
    /// The entry's line in the file.
    pub line: u64,
}

/// The entries of an export, and the rows that could not be read.
#[derive(Clone, Debug, Default, PartialEq)]
pub struct ParsedTimesheet {
    pub entries: Vec<TimeEntry>,
    pub errors: Vec<RowError>,
    /// How the file was written: encoding, separators, date form.
    pub detected: Detected,
}

/// An export that cannot be read at all.
#[derive(Debug, PartialEq, Eq)]
pub enum TimesheetError {
    Empty,
    /// `what` is the catalog id of the column's description.
    MissingColumn {
        format: &'static str,
        what: &'static str,
        tried: Vec<String>,
    },
    /// `message` is the CSV reader's own.
    Unreadable {
        line: u64,
        message: String,
    },
    Form(FormError),
}

impl From<FormError> for TimesheetError {
    fn from(error: FormError) -> Self {
        TimesheetError::Form(error)
    }
}

impl TimesheetError {
    /// What is wrong, in words from the catalogs.
    pub fn message(&self) -> Message {
        match self {
            TimesheetError::Empty => msg!("timesheet-empty"),
            TimesheetError::MissingColumn {
                format,
                what,
                tried,
            } => msg!(
                "timesheet-missing-column",
                format = *format,
                what = Message::new(what),
                tried = tried.join(", ")
            ),
            TimesheetError::Unreadable { line, message } => {
                crate::history::records::at_line(*line, &msg!("error-text", text = message))
            }
            TimesheetError::Form(error) => error.message(),
        }
    }
}

crate::catalog_error!(TimesheetError);

fn format_name(format: TimesheetFormat) -> &'static str {
    match format {
        TimesheetFormat::Toggl => "Toggl",
        TimesheetFormat::Clockify => "Clockify",
        TimesheetFormat::Harvest => "Harvest",
        TimesheetFormat::Csv => "item,date,hours",
    }
}

/// Read a time-tracker export. Rows without hours, with zero hours or without a name are
/// reported, not guessed at. The separator, decimal separator and date form are found from
/// the file ([`detect`]).
pub fn parse_timesheet(
    text: &str,
    format: TimesheetFormat,
) -> Result<ParsedTimesheet, TimesheetError> {
    // Spreadsheet programs put a byte-order mark in front of CSV they save.
    match text.strip_prefix('\u{feff}') {
        Some(rest) => parse_text(rest, format, Encoding::Utf8Bom),
        None => parse_text(text, format, Encoding::Utf8),
    }
}

/// Read a time-tracker export from the bytes of a file, in whatever encoding it was saved.
pub fn parse_timesheet_bytes(
    bytes: &[u8],
    format: TimesheetFormat,
) -> Result<ParsedTimesheet, TimesheetError> {
    let (text, encoding) = detect::decode(bytes);
    parse_text(&text, format, encoding)
}

fn parse_text(
    text: &str,
    format: TimesheetFormat,
    encoding: Encoding,
) -> Result<ParsedTimesheet, TimesheetError> {
    let delimiter = detect::delimiter(text);
    let mut reader = csv::ReaderBuilder::new()
        .flexible(true)
        .trim(csv::Trim::All)
        .delimiter(delimiter)
        .from_reader(text.as_bytes());
    let headers: Vec<String> = reader
        .headers()
        .map_err(|e| TimesheetError::Unreadable {
            line: 1,
            message: e.to_string(),
        })?
        .iter()
        .map(|h| h.to_lowercase())
        .collect();
    if headers.iter().all(String::is_empty) {
        return Err(TimesheetError::Empty);
    }
    let layout = layout(format);
    let find = |names: &[&str]| {
        names
            .iter()
            .find_map(|n| headers.iter().position(|h| h == n))
    };
    let missing = |what, tried: &[&[&str]]| TimesheetError::MissingColumn {
        format: format_name(format),
        what,
        tried: tried
            .iter()
            .flat_map(|t| t.iter())
            .map(|t| format!("`{t}`"))
            .collect(),
    };
    let names: Vec<usize> = layout
        .names
        .iter()
        .filter_map(|n| headers.iter().position(|h| h == n))
        .collect();
    if names.is_empty() {
        return Err(missing("timesheet-column-name", &[layout.names]));
    }
    let date = find(layout.date).ok_or_else(|| missing("timesheet-column-date", &[layout.date]))?;
    let decimal = find(layout.decimal);
    let clock = find(layout.clock);
    if decimal.is_none() && clock.is_none() {
        return Err(missing(
            "timesheet-column-duration",
            &[layout.decimal, layout.clock],
        ));
    }
    let note = find(layout.note);

    let mut parsed = ParsedTimesheet::default();
    let mut lines = LineCounter::new(text);
    let mut rows = Vec::new();
    let mut row = csv::StringRecord::new();
    loop {
        let before = reader.position().byte();
        match reader.read_record(&mut row) {
            Ok(false) => break,
            Ok(true) => {}
            Err(e) => {
                parsed.errors.push(RowError {
                    line: lines.line_at(e.position().map_or(before, |p| p.byte())),
                    message: msg!("history-row-unreadable", error = e.to_string()),
                });
                continue;
            }
        }
        let line = lines.line_at(row.position().map_or(before, |p| p.byte()));
        if !row.iter().all(str::is_empty) {
            rows.push((line, row.clone()));
        }
    }

    // Number and date forms are the whole file's, decided before any row is read by them.
    let cell = |row: &csv::StringRecord, i: usize| row.get(i).unwrap_or("").to_string();
    let durations: Vec<(u64, String)> = decimal
        .map(|i| rows.iter().map(|(l, r)| (*l, cell(r, i))).collect())
        .unwrap_or_default();
    let fallback = if delimiter == b';' {
        Decimal::Comma
    } else {
        Decimal::Point
    };
    let separator = detect::decimal(durations.iter().map(|(l, c)| (*l, c.as_str())), fallback)?;
    // Trackers set to US English write month first; a `;`-separated file is European.
    let slash_default = if delimiter == b';' {
        DateForm::DayMonthYearSlash
    } else {
        DateForm::MonthDayYearSlash
    };
    let days: Vec<(u64, String)> = rows.iter().map(|(l, r)| (*l, cell(r, date))).collect();
    let column = layout.date.iter().find(|n| headers.iter().any(|h| h == *n));
    let dates = detect::date_form(
        column.copied().unwrap_or("date"),
        days.iter().map(|(l, c)| (*l, c.as_str())),
        slash_default,
    )?;
    parsed.detected = Detected {
        encoding,
        delimiter: char::from(delimiter),
        decimal: separator,
        dates,
        danish_header: false,
    };
    let form = dates.unwrap_or(DateForm::Iso);

    for (line, row) in rows {
        let cell = |i: usize| row.get(i).unwrap_or("");
        let texts: Vec<String> = names
            .iter()
            .map(|&i| cell(i).to_string())
            .filter(|t| !t.is_empty())
            .collect();
        let Some((name, alternatives)) = texts.split_first() else {
            parsed.errors.push(RowError {
                line,
                message: msg!("timesheet-no-name"),
            });
            continue;
        };
        let day = match detect::date_in(cell(date), form) {
            Some(d) => d,
            None => {
                parsed.errors.push(RowError {
                    line,
                    message: msg!("timesheet-not-a-date", found = cell(date)),
                });
                continue;
            }
        };
        let hours = decimal
            .and_then(|i| parse_decimal_hours(cell(i), separator))
            .or_else(|| clock.and_then(|i| parse_clock_hours(cell(i), separator)));
        let hours = match hours {
            Some(h) if h > 0.0 => h,
            Some(_) => {
                parsed.errors.push(RowError {
                    line,
                    message: msg!("timesheet-no-time"),
                });
                continue;
            }
            None => {
                let shown = decimal.or(clock).map(cell).unwrap_or("");
                parsed.errors.push(RowError {
                    line,
                    message: msg!("timesheet-not-a-duration", found = shown),
                });
                continue;
            }
        };
        parsed.entries.push(TimeEntry {
            name: name.clone(),
            alternatives: alternatives.to_vec(),
            day,
            hours,
            note: note.map(cell).filter(|n| !n.is_empty()).map(str::to_string),
            line,
        });
    }
    parsed.errors.sort_by_key(|e| e.line);
    Ok(parsed)
}

/// `1.5`, or `1,5` in a file with decimal commas; `"1,234"` is a thousand hours in a file
/// with decimal points.
fn parse_decimal_hours(text: &str, decimal: Decimal) -> Option<f64> {
    let v = detect::number(text, decimal)?;
    (v.is_finite() && v >= 0.0).then_some(v)
}

/// `1:30:00`, `01:30` or `25:00:00` (durations are not clock times: hours may pass 24).
fn parse_clock_hours(text: &str, decimal: Decimal) -> Option<f64> {
    let parts: Vec<&str> = text.split(':').collect();
    if !(2..=3).contains(&parts.len()) {
        return parse_decimal_hours(text, decimal);
    }
    let field = |s: &str| s.parse::<u32>().ok();
    let h = field(parts[0])?;
    let m = field(parts[1])?;
    let s = parts.get(2).map_or(Some(0), |s| field(s))?;
    (m < 60 && s < 60).then(|| f64::from(h) + f64::from(m) / 60.0 + f64::from(s) / 3600.0)
}

/// An item an entry may be logged against.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct ItemRef<'a> {
    pub id: &'a str,
    pub title: Option<&'a str>,
}

/// An entry matched to an item.
#[derive(Clone, Debug, PartialEq, Serialize)]
pub struct MatchedEntry {
    /// The item's id.
    pub item: String,
    pub day: Date,
    pub hours: f64,
    pub note: Option<String>,
    pub line: u64,
}

/// Entries of one name that matched no item (or more than one), summed.
#[derive(Clone, Debug, PartialEq, Serialize)]
pub struct Unmatched {
    pub name: String,
    pub entries: usize,
    pub hours: f64,
    pub lines: Vec<u64>,
    /// Items it could have been, when the name was ambiguous between them.
    pub ambiguous: Vec<String>,
}

/// The outcome of matching a timesheet to a project's items.
#[derive(Clone, Debug, Default, PartialEq, Serialize)]
pub struct MatchReport {
    pub matched: Vec<MatchedEntry>,
    /// By name, most hours first.
    pub unmatched: Vec<Unmatched>,
}

/// Match entries to items by id or title; each entry's name is tried first, then its
/// alternatives.
pub fn match_entries(entries: &[TimeEntry], items: &[ItemRef<'_>]) -> MatchReport {
    let mut report = MatchReport::default();
    let mut unmatched: BTreeMap<String, Unmatched> = BTreeMap::new();
    for entry in entries {
        let mut ambiguous = Vec::new();
        let mut found = None;
        for text in std::iter::once(&entry.name).chain(&entry.alternatives) {
            match match_name(text, items) {
                Match::One(id) => {
                    found = Some(id);
                    break;
                }
                Match::Many(ids) if ambiguous.is_empty() => ambiguous = ids,
                _ => {}
            }
        }
        match found {
            Some(id) => report.matched.push(MatchedEntry {
                item: id.to_string(),
                day: entry.day,
                hours: entry.hours,
                note: entry.note.clone(),
                line: entry.line,
            }),
            None => {
                let u = unmatched
                    .entry(entry.name.clone())
                    .or_insert_with(|| Unmatched {
                        name: entry.name.clone(),
                        entries: 0,
                        hours: 0.0,
                        lines: Vec::new(),
                        ambiguous: Vec::new(),
                    });
                u.entries += 1;
                u.hours += entry.hours;
                u.lines.push(entry.line);
                for id in ambiguous {
                    if !u.ambiguous.iter().any(|a| *a == id) {
                        u.ambiguous.push(id.to_string());
                    }
                }
            }
        }
    }
    report.unmatched = unmatched.into_values().collect();
    report
        .unmatched
        .sort_by(|a, b| b.hours.total_cmp(&a.hours).then(a.name.cmp(&b.name)));
    report
}

enum Match<'a> {
    None,
    One(&'a str),
    Many(Vec<&'a str>),
}

/// Try the ways of naming an item from the strictest to the loosest, stopping at the first
/// way that finds anything: an exact id or title, then an `id:` / `[id]` / `#id` prefix, then a
/// title spelled nearly the same.
fn match_name<'a>(text: &str, items: &[ItemRef<'a>]) -> Match<'a> {
    let wanted = normalize(text);
    if wanted.is_empty() {
        return Match::None;
    }
    let exact = |item: &ItemRef<'_>| {
        normalize(item.id) == wanted || item.title.is_some_and(|t| normalize(t) == wanted)
    };
    // "shop: checkout bug", "shop - checkout bug", "[shop] checkout bug", "#shop checkout":
    // the id must be set off by punctuation, so "shop administration" is no `shop` entry.
    let raw = text.trim().to_lowercase();
    let prefixed = |item: &ItemRef<'_>| {
        let id = item.id.to_lowercase();
        raw.strip_prefix(&id).is_some_and(|rest| {
            let spaced = rest.starts_with(char::is_whitespace);
            let rest = rest.trim_start();
            // A dash only after a space: "shop-admin" is its own id, not `shop` and "admin".
            rest.starts_with(':') || (spaced && (rest.starts_with('-') || rest.starts_with('–')))
        }) || raw.starts_with(&format!("[{id}]"))
            || raw.strip_prefix(&format!("#{id}")).is_some_and(|rest| {
                rest.is_empty() || rest.starts_with(|c: char| !c.is_alphanumeric() && c != '-')
            })
    };
    let close = |item: &ItemRef<'_>| {
        item.title
            .is_some_and(|t| strsim::jaro_winkler(&normalize(t), &wanted) >= 0.93)
    };
    let rules: [&dyn Fn(&ItemRef<'_>) -> bool; 3] = [&exact, &prefixed, &close];
    for rule in rules {
        let hits: Vec<&'a str> = items.iter().filter(|i| rule(i)).map(|i| i.id).collect();
        match hits.len() {
            0 => continue,
            1 => return Match::One(hits[0]),
            _ => return Match::Many(hits),
        }
    }
    Match::None
}

/// Lowercase words separated by single spaces, punctuation dropped: "Shop: Checkout!" and
/// "shop checkout" are the same name.
fn normalize(text: &str) -> String {
    text.to_lowercase()
        .split(|c: char| !c.is_alphanumeric())
        .filter(|w| !w.is_empty())
        .collect::<Vec<_>>()
        .join(" ")
}
