//! The provider's history of estimates against actuals, and its CSV form
//! (`project,item,category,low,likely,high,actual,finished`), read and written as values.
//!
//! Reading validates every row and reports each bad one by line number, so a caller can
//! refuse a file with errors, or knowingly skip the bad rows; nothing here decides that.

use std::collections::HashMap;

use jiff::civil::Date;

use crate::history::detect::{self, DateForm, Decimal, Detected, Encoding, FormError};
use crate::lang::Lang;
use crate::messages::Message;
use crate::msg;

/// The columns of the history CSV, in the order they are written.
pub const COLUMNS: [&str; 8] = [
    "project", "item", "category", "low", "likely", "high", "actual", "finished",
];

/// One finished task: what was estimated and what it took, in hours.
#[derive(Clone, Debug, PartialEq)]
pub struct Record {
    pub project: String,
    pub item: String,
    /// The calibration bucket; `None` when the row left it empty.
    pub category: Option<String>,
    pub low: Option<f64>,
    pub likely: f64,
    pub high: Option<f64>,
    pub actual: f64,
    pub finished: Date,
}

impl Record {
    /// How far off the likely estimate was: actual / likely.
    pub fn ratio(&self) -> f64 {
        self.actual / self.likely
    }

    /// What makes a task the same task when a file is imported twice: one item of one project
    /// finished on one day. A recurring item ("weekly call") stays distinct by its date.
    pub fn key(&self) -> (&str, &str, Date) {
        (&self.project, &self.item, self.finished)
    }
}

/// A row that could not be read, by its line in the file (the header is line 1).
#[derive(Clone, Debug, PartialEq)]
pub struct RowError {
    pub line: u64,
    pub message: Message,
}

impl RowError {
    /// "line 3: …" in `lang`.
    pub fn render(&self, lang: Lang) -> String {
        self.located().render(lang)
    }

    /// "line 3: …", not yet put into words.
    pub fn located(&self) -> Message {
        at_line(self.line, &self.message)
    }
}

impl std::fmt::Display for RowError {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str(&self.render(Lang::En))
    }
}

/// "line N: what is wrong", the message rendered with the line's.
pub(crate) fn at_line(line: u64, message: &Message) -> Message {
    msg!(
        "error-at-line",
        line = line.to_string(),
        message = message.clone()
    )
}

/// What a history file held: the good rows (with their line numbers) and the bad ones.
#[derive(Clone, Debug, Default, PartialEq)]
pub struct ParsedHistory {
    pub records: Vec<Record>,
    /// The line of each record, parallel to `records`, for messages about a row later on.
    pub lines: Vec<u64>,
    pub errors: Vec<RowError>,
    /// How the file was written: encoding, separators, date form.
    pub detected: Detected,
}

impl ParsedHistory {
    /// Moves every record finished after `today` to the bad rows: a typo'd year (2207) would
    /// otherwise sit in the history as its newest task and weigh every other one down.
    pub fn refuse_after(&mut self, today: Date) {
        let mut n = 0;
        while n < self.records.len() {
            if self.records[n].finished > today {
                let record = self.records.remove(n);
                let line = self.lines.remove(n);
                self.errors.push(RowError {
                    line,
                    message: msg!(
                        "history-row-after-today",
                        finished = record.finished.to_string(),
                        today = today.to_string()
                    ),
                });
            } else {
                n += 1;
            }
        }
        self.errors.sort_by_key(|e| e.line);
    }
}

/// A history file that cannot be read at all (as opposed to single bad rows). A problem of
/// a whole column is one of these, said once, rather than the same bad row on every line.
#[derive(Debug, PartialEq)]
pub enum HistoryError {
    Empty,
    MissingColumns(Vec<String>),
    UnknownColumn {
        name: String,
        hint: Option<String>,
    },
    DuplicateColumn(String),
    /// `message` is the CSV reader's own.
    Unreadable {
        line: u64,
        message: String,
    },
    Form(FormError),
    WholeColumn {
        column: &'static str,
        rows: usize,
        line: u64,
        message: Message,
    },
}

impl From<FormError> for HistoryError {
    fn from(error: FormError) -> Self {
        HistoryError::Form(error)
    }
}

impl HistoryError {
    /// What is wrong, in words from the catalogs.
    pub fn message(&self) -> Message {
        match self {
            HistoryError::Empty => msg!("history-empty", header = COLUMNS.join(",")),
            HistoryError::MissingColumns(columns) => {
                let columns: Vec<String> = columns.iter().map(|c| format!("`{c}`")).collect();
                msg!("history-missing-columns", columns = columns.join(", "))
            }
            HistoryError::UnknownColumn { name, hint } => match hint {
                Some(hint) => msg!("history-unknown-column-hint", name = name, hint = hint),
                None => msg!("history-unknown-column", name = name),
            },
            HistoryError::DuplicateColumn(name) => msg!("history-duplicate-column", name = name),
            HistoryError::Unreadable { line, message } => {
                at_line(*line, &msg!("error-text", text = message))
            }
            HistoryError::Form(error) => error.message(),
            HistoryError::WholeColumn {
                column,
                rows,
                line,
                message,
            } => msg!(
                "history-whole-column",
                at = at_line(*line, message),
                rows = *rows,
                rows_text = rows.to_string(),
                column = *column
            ),
        }
    }
}

crate::catalog_error!(HistoryError);

/// The Danish names of the columns, in the order of [`COLUMNS`].
pub const DANISH_COLUMNS: [&str; 8] = [
    "projekt",
    "opgave",
    "kategori",
    "lav",
    "sandsynlig",
    "høj",
    "faktisk",
    "afsluttet",
];

/// Read a history CSV. Columns may come in any order; every row is validated, and a row
/// that repeats an earlier row's project, item and finished date is reported as a duplicate.
/// The separator, decimal separator and date form are found from the file ([`detect`]).
///
/// [`detect`]: crate::history::detect
pub fn parse_history(text: &str) -> Result<ParsedHistory, HistoryError> {
    // Spreadsheet programs put a byte-order mark in front of the CSV they save.
    match text.strip_prefix('\u{feff}') {
        Some(rest) => parse_text(rest, Encoding::Utf8Bom),
        None => parse_text(text, Encoding::Utf8),
    }
}

/// Read a history CSV from the bytes of a file, in whatever encoding a spreadsheet saved it.
pub fn parse_history_bytes(bytes: &[u8]) -> Result<ParsedHistory, HistoryError> {
    let (text, encoding) = detect::decode(bytes);
    parse_text(&text, encoding)
}

fn parse_text(text: &str, encoding: Encoding) -> Result<ParsedHistory, HistoryError> {
    let delimiter = detect::delimiter(text);
    let mut reader = csv::ReaderBuilder::new()
        .flexible(true)
        .trim(csv::Trim::All)
        .delimiter(delimiter)
        .from_reader(text.as_bytes());
    let headers = reader
        .headers()
        .map_err(|e| HistoryError::Unreadable {
            line: 1,
            message: e.to_string(),
        })?
        .clone();
    if headers.iter().all(str::is_empty) {
        return Err(HistoryError::Empty);
    }
    let (index, danish_header) = check_header(&headers)?;

    let mut parsed = ParsedHistory::default();
    let mut rows = Vec::new();
    let mut row = csv::StringRecord::new();
    let mut lines = LineCounter::new(text);
    loop {
        let before = reader.position().byte();
        match reader.read_record(&mut row) {
            Ok(false) => break,
            Ok(true) => {}
            Err(e) => {
                let line = lines.line_at(e.position().map_or(before, |p| p.byte()));
                // A broken record poisons only itself; keep reading.
                parsed.errors.push(RowError {
                    line,
                    message: msg!("history-row-unreadable", error = e.to_string()),
                });
                continue;
            }
        }
        let line = lines.line_at(row.position().map_or(before, |p| p.byte()));
        if row.iter().all(str::is_empty) {
            continue; // a blank line, often at the end of a hand-edited file
        }
        if row.len() != headers.len() {
            parsed.errors.push(RowError {
                line,
                message: msg!(
                    "history-row-fields",
                    expected = headers.len().to_string(),
                    found = row.len().to_string()
                ),
            });
            continue;
        }
        let cells: [String; 8] = std::array::from_fn(|c| row[index[c]].to_string());
        rows.push((line, cells));
    }

    // Number and date forms are the whole file's, decided before any row is read by them.
    let numbers = rows
        .iter()
        .flat_map(|(line, cells)| [3, 4, 5, 6].map(|c| (*line, cells[c].as_str())));
    let fallback = if delimiter == b';' || danish_header {
        Decimal::Comma
    } else {
        Decimal::Point
    };
    let decimal = detect::decimal(numbers, fallback)?;
    let dates = detect::date_form(
        "finished",
        rows.iter().map(|(line, cells)| (*line, cells[7].as_str())),
        DateForm::DayMonthYearSlash,
    )?;
    parsed.detected = Detected {
        encoding,
        delimiter: char::from(delimiter),
        decimal,
        dates,
        danish_header,
    };

    let mut seen: HashMap<(String, String, Date), u64> = HashMap::new();
    let mut failed_columns = Vec::new();
    for (line, cells) in rows {
        match validate(cells, decimal, dates.unwrap_or(DateForm::Iso)) {
            Ok(record) => {
                let key = (record.project.clone(), record.item.clone(), record.finished);
                if let Some(first) = seen.get(&key) {
                    parsed.errors.push(RowError {
                        line,
                        message: msg!("history-row-duplicate", first = first.to_string()),
                    });
                    continue;
                }
                seen.insert(key, line);
                parsed.records.push(record);
                parsed.lines.push(line);
            }
            Err((column, message)) => {
                failed_columns.push(column);
                parsed.errors.push(RowError { line, message });
            }
        }
    }
    // The same column wrong on every row is one problem, said once.
    let rows = failed_columns.len();
    if rows >= 2
        && parsed.records.is_empty()
        && rows == parsed.errors.len()
        && failed_columns.iter().all(|c| *c == failed_columns[0])
    {
        let first = &parsed.errors[0];
        return Err(HistoryError::WholeColumn {
            column: failed_columns[0],
            rows,
            line: first.line,
            message: first.message.clone(),
        });
    }
    parsed.errors.sort_by_key(|e| e.line);
    Ok(parsed)
}

/// Line numbers as an editor shows them. The csv reader places a record where the previous
/// one ended, before any blank lines it skipped, so its own line count can point above the
/// row; counting newlines up to the record's first character is exact. Offsets only grow,
/// so each byte is counted once.
pub(crate) struct LineCounter<'a> {
    bytes: &'a [u8],
    counted_to: usize,
    line: u64,
}

impl<'a> LineCounter<'a> {
    pub(crate) fn new(text: &'a str) -> Self {
        Self {
            bytes: text.as_bytes(),
            counted_to: 0,
            line: 1,
        }
    }

    pub(crate) fn line_at(&mut self, offset: u64) -> u64 {
        let mut start = usize::try_from(offset)
            .unwrap_or(usize::MAX)
            .min(self.bytes.len());
        while start < self.bytes.len() && matches!(self.bytes[start], b'\n' | b'\r') {
            start += 1;
        }
        if start > self.counted_to {
            let newlines = self.bytes[self.counted_to..start]
                .iter()
                .filter(|&&b| b == b'\n')
                .count();
            self.line += newlines as u64;
            self.counted_to = start;
        }
        self.line
    }
}

/// Where each of [`COLUMNS`] is in the file, and whether the header named them in Danish.
/// Names are compared without case and surrounding spaces, as spreadsheets capitalise them.
fn check_header(headers: &csv::StringRecord) -> Result<([usize; 8], bool), HistoryError> {
    let mut index = [usize::MAX; 8];
    let mut danish = false;
    for (i, raw) in headers.iter().enumerate() {
        let name = raw.trim().to_lowercase();
        let column = COLUMNS
            .iter()
            .position(|c| *c == name)
            .or_else(|| {
                let found = DANISH_COLUMNS.iter().position(|c| *c == name);
                danish |= found.is_some();
                found
            })
            .ok_or_else(|| HistoryError::UnknownColumn {
                name: raw.to_string(),
                hint: crate::suggest::closest(&name, COLUMNS.into_iter().chain(DANISH_COLUMNS))
                    .map(str::to_string),
            })?;
        if index[column] != usize::MAX {
            return Err(HistoryError::DuplicateColumn(raw.to_string()));
        }
        index[column] = i;
    }
    let missing: Vec<String> = COLUMNS
        .iter()
        .zip(index)
        .filter(|(_, i)| *i == usize::MAX)
        .map(|(c, _)| c.to_string())
        .collect();
    if missing.is_empty() {
        Ok((index, danish))
    } else {
        Err(HistoryError::MissingColumns(missing))
    }
}

/// A row's cells in the order of [`COLUMNS`] as a record, or the column at fault and why.
fn validate(
    cells: [String; 8],
    decimal: Decimal,
    dates: DateForm,
) -> Result<Record, (&'static str, Message)> {
    let [project, item, category, low, likely, high, actual, finished] = cells;
    let empty = |column: &'static str| (column, msg!("history-cell-empty", column = column));
    if project.is_empty() {
        return Err(empty("project"));
    }
    if item.is_empty() {
        return Err(empty("item"));
    }
    let hours = |column: &'static str, text: &str| {
        hours(column, text, decimal).map_err(|message| (column, message))
    };
    let likely_hours = hours("likely", &likely)?.ok_or_else(|| empty("likely"))?;
    if likely_hours <= 0.0 {
        return Err((
            "likely",
            msg!("history-likely-not-positive", found = likely),
        ));
    }
    let likely = likely_hours;
    let actual = hours("actual", &actual)?.ok_or_else(|| empty("actual"))?;
    let low = hours("low", &low)?;
    let high = hours("high", &high)?;
    if let Some(low) = low
        && low > likely
    {
        return Err((
            "low",
            msg!(
                "history-low-above-likely",
                low = low.to_string(),
                likely = likely.to_string()
            ),
        ));
    }
    if let Some(high) = high
        && high < likely
    {
        return Err((
            "high",
            msg!(
                "history-high-below-likely",
                high = high.to_string(),
                likely = likely.to_string()
            ),
        ));
    }
    let finished = detect::date_in(&finished, dates).ok_or_else(|| {
        (
            "finished",
            msg!(
                "history-finished-not-a-date",
                example = example(dates),
                found = finished
            ),
        )
    })?;
    Ok(Record {
        project: unneutralise(&project).to_string(),
        item: unneutralise(&item).to_string(),
        category: (!category.is_empty()).then(|| unneutralise(&category).to_string()),
        low,
        likely,
        high,
        actual,
        finished,
    })
}

/// The fifteenth of February 2027 in a date form, for messages.
fn example(form: DateForm) -> &'static str {
    match form {
        DateForm::Iso => "2027-02-15",
        DateForm::DayMonthYearDash => "15-02-2027",
        DateForm::DayMonthYearDot => "15.02.2027",
        DateForm::DayMonthYearSlash => "15/02/2027",
        DateForm::MonthDayYearSlash => "02/15/2027",
    }
}

/// Hours in a cell: empty is `None`; anything else must be a finite, non-negative number.
fn hours(column: &'static str, text: &str, decimal: Decimal) -> Result<Option<f64>, Message> {
    if text.is_empty() {
        return Ok(None);
    }
    match detect::number(text, decimal) {
        Some(v) if v.is_finite() && v >= 0.0 => Ok(Some(v)),
        Some(_) => Err(msg!(
            "history-hours-negative",
            column = column,
            found = text
        )),
        None => Err(msg!(
            "history-hours-not-a-number",
            column = column,
            found = text
        )),
    }
}

/// Write records as a history CSV that [`parse_history`] reads back to the same values.
pub fn write_history(records: &[Record]) -> String {
    let mut writer = csv::WriterBuilder::new()
        .terminator(csv::Terminator::Any(b'\n'))
        .from_writer(Vec::new());
    let number = |v: Option<f64>| v.map(|v| v.to_string()).unwrap_or_default();
    // Writing into a Vec cannot fail, so the results are ignored rather than unwrapped.
    let _ = writer.write_record(COLUMNS);
    for r in records {
        let _ = writer.write_record([
            neutralise(&r.project).as_ref(),
            neutralise(&r.item).as_ref(),
            neutralise(r.category.as_deref().unwrap_or("")).as_ref(),
            &number(r.low),
            &number(Some(r.likely)),
            &number(r.high),
            &number(Some(r.actual)),
            &r.finished.to_string(),
        ]);
    }
    let bytes = writer.into_inner().unwrap_or_default();
    String::from_utf8(bytes).unwrap_or_default()
}

/// What a spreadsheet takes as the start of a formula (OWASP's list for CSV injection).
const FORMULA: &[char] = &['=', '+', '-', '@', '\t', '\r'];

/// Whether `text` is a neutralised cell: an apostrophe before a formula character, or before
/// another apostrophe (so a text that itself starts that way survives the round trip).
fn is_neutralised(text: &str) -> bool {
    text.strip_prefix('\'')
        .and_then(|rest| rest.chars().next())
        .is_some_and(|c| c == '\'' || FORMULA.contains(&c))
}

/// A text cell as written to CSV: one starting like a formula gets an apostrophe in front, so
/// a spreadsheet shows it as text instead of running it. [`unneutralise`] undoes it exactly.
pub(crate) fn neutralise(text: &str) -> std::borrow::Cow<'_, str> {
    if text.starts_with(FORMULA) || is_neutralised(text) {
        format!("'{text}").into()
    } else {
        text.into()
    }
}

/// A text cell as read from CSV: the apostrophe [`neutralise`] added is taken off.
pub(crate) fn unneutralise(text: &str) -> &str {
    if is_neutralised(text) {
        &text[1..]
    } else {
        text
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn formula_cells_are_neutralised_and_read_back_unchanged() {
        for text in [
            "=HYPERLINK(\"http://evil\")",
            "+1",
            "-2",
            "@SUM(A1)",
            "'=already",
            "''",
            "'",
            "'plain",
            "plain",
            "",
        ] {
            let written = neutralise(text);
            assert!(!written.starts_with(FORMULA), "{written}");
            assert_eq!(unneutralise(&written), text, "{text}");
        }
        assert_eq!(neutralise("=1+1"), "'=1+1");
        assert_eq!(neutralise("'plain"), "'plain");
        assert_eq!(unneutralise("'plain"), "'plain");
    }

    #[test]
    fn a_history_with_formula_cells_round_trips_through_csv() {
        let record = Record {
            project: "=cmd|' /C calc'!A0".into(),
            item: "-item".into(),
            category: Some("@dev".into()),
            low: None,
            likely: 2.0,
            high: None,
            actual: 3.0,
            finished: jiff::civil::date(2026, 1, 5),
        };
        let csv = write_history(std::slice::from_ref(&record));
        for line in csv.lines().skip(1) {
            for cell in line.split(',') {
                let cell = cell.trim_start_matches('"');
                assert!(!cell.starts_with(FORMULA), "{line}");
            }
        }
        assert_eq!(parse_history(&csv).unwrap().records, vec![record]);
    }

    #[test]
    fn rows_finished_after_today_become_bad_rows() {
        let text = "project,item,category,low,likely,high,actual,finished\n\
                    p,a,,,1,,1,2026-01-05\np,b,,,1,,1,2207-01-05\np,c,,,1,,1,2026-01-06\n";
        let mut parsed = parse_history(text).unwrap();
        parsed.refuse_after(jiff::civil::date(2026, 11, 29));
        assert_eq!(parsed.records.len(), 2);
        assert_eq!(parsed.lines, vec![2, 4]);
        assert_eq!(parsed.errors.len(), 1);
        assert_eq!(parsed.errors[0].line, 3);
        assert!(parsed.errors[0].to_string().contains("after today"));
    }
}

#[cfg(test)]
mod catalog_tests {
    use super::*;

    #[test]
    fn file_and_row_errors_speak_danish() {
        let empty = parse_history("").unwrap_err();
        assert_eq!(
            empty.message().render(Lang::Da),
            "filen er tom; en historik-CSV begynder med overskriftslinjen \
             `project,item,category,low,likely,high,actual,finished`"
        );
        assert_eq!(empty.message().render(Lang::En), empty.to_string());
        let parsed = parse_history(
            "project,item,category,low,likely,high,actual,finished\np,a,,3,2,,1,2026-01-05\n",
        )
        .unwrap();
        assert_eq!(
            parsed.errors[0].render(Lang::Da),
            "linje 2: `low` (3) er over `likely` (2)"
        );
        assert_eq!(
            parsed.errors[0].to_string(),
            "line 2: `low` (3) is above `likely` (2)"
        );
    }
}
