//! The history in the database: importing a parsed history CSV as one transaction, and
//! exporting everything back out.

use jiff::civil::Date;
use rusqlite::params;
use serde::Serialize;
use trekant_core::history::{ParsedHistory, Record};

use crate::{Store, StoreError};

/// What an import did.
#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize)]
pub struct ImportReport {
    /// Tasks new to the history.
    pub inserted: usize,
    /// Tasks already there (same project, item and finished date), left as they were.
    pub already_present: usize,
    /// Lines of the file whose task was already there with other values (a corrected
    /// actual, say): left as the history has them, and listed so the user can see it.
    pub differing: Vec<u64>,
    /// Bad rows of the file that were skipped (only with `skip_bad`).
    pub skipped_bad: usize,
}

/// How often an import reports progress, in rows.
const PROGRESS_EVERY: usize = 1000;

impl Store {
    /// Import a parsed history file as ONE transaction: all of it or, if anything fails or
    /// the process dies halfway, none of it. A file with bad rows imports nothing unless
    /// `skip_bad`. Tasks already in the history are left alone, so importing the same file
    /// twice adds nothing the second time.
    pub fn import_history(
        &mut self,
        parsed: &ParsedHistory,
        skip_bad: bool,
    ) -> Result<ImportReport, StoreError> {
        self.import_history_with_progress(parsed, skip_bad, &mut |_| {})
    }

    /// [`Store::import_history`], calling `progress` with the number of rows written so far
    /// every thousand rows (from inside the transaction: nothing is committed yet).
    pub fn import_history_with_progress(
        &mut self,
        parsed: &ParsedHistory,
        skip_bad: bool,
        progress: &mut dyn FnMut(usize),
    ) -> Result<ImportReport, StoreError> {
        if !parsed.errors.is_empty() && !skip_bad {
            return Err(StoreError::BadRows(parsed.errors.clone()));
        }
        let mut report = ImportReport {
            skipped_bad: parsed.errors.len(),
            ..ImportReport::default()
        };
        let tx = self.conn.transaction()?;
        {
            let mut insert = tx.prepare_cached(
                "INSERT INTO task (project, item, category, low, likely, high, actual, finished)
                 VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8)
                 ON CONFLICT (project, item, finished) DO NOTHING",
            )?;
            let mut stored = tx.prepare_cached(
                "SELECT category, low, likely, high, actual FROM task
                 WHERE project = ?1 AND item = ?2 AND finished = ?3",
            )?;
            for (n, r) in parsed.records.iter().enumerate() {
                let changed = insert.execute(params![
                    r.project,
                    r.item,
                    r.category,
                    r.low,
                    r.likely,
                    r.high,
                    r.actual,
                    r.finished.to_string(),
                ])?;
                if changed == 0 {
                    report.already_present += 1;
                    let same = stored.query_row(
                        params![r.project, r.item, r.finished.to_string()],
                        |row| {
                            Ok(row.get::<_, Option<String>>(0)? == r.category
                                && row.get::<_, Option<f64>>(1)? == r.low
                                && row.get::<_, f64>(2)? == r.likely
                                && row.get::<_, Option<f64>>(3)? == r.high
                                && row.get::<_, f64>(4)? == r.actual)
                        },
                    )?;
                    if !same {
                        report
                            .differing
                            .push(parsed.lines.get(n).copied().unwrap_or(0));
                    }
                } else {
                    report.inserted += 1;
                }
                if (n + 1) % PROGRESS_EVERY == 0 {
                    progress(n + 1);
                }
            }
        }
        tx.commit()?;
        Ok(report)
    }

    /// Every task in the history, oldest first.
    pub fn export_history(&self) -> Result<Vec<Record>, StoreError> {
        let mut query = self.conn.prepare(
            "SELECT project, item, category, low, likely, high, actual, finished
             FROM task ORDER BY finished, id",
        )?;
        let rows = query.query_map([], |row| {
            Ok((
                Record {
                    project: row.get(0)?,
                    item: row.get(1)?,
                    category: row.get(2)?,
                    low: row.get(3)?,
                    likely: row.get(4)?,
                    high: row.get(5)?,
                    actual: row.get(6)?,
                    finished: Date::MIN,
                },
                row.get::<_, String>(7)?,
            ))
        })?;
        rows.map(|row| {
            let (mut record, finished) = row?;
            record.finished = parse_date(&finished)?;
            Ok(record)
        })
        .collect()
    }

    /// How many tasks the history holds.
    pub fn history_len(&self) -> Result<usize, StoreError> {
        let n: i64 = self
            .conn
            .query_row("SELECT count(*) FROM task", [], |row| row.get(0))?;
        Ok(usize::try_from(n).unwrap_or(0))
    }
}

pub(crate) fn parse_date(text: &str) -> Result<Date, StoreError> {
    text.parse()
        .map_err(|_| StoreError::BadDate(text.to_string()))
}
