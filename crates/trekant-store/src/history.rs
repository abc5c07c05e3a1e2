//! The history in SQLite: importing a parsed history CSV inside the caller's transaction, and
//! exporting an owner's tasks back out.

use jiff::civil::Date;
use rusqlite::{Connection, params};
use trekant_core::history::{ParsedHistory, Record};
use trekant_core::tracking::ImportReport;

use crate::StoreError;

/// How often an import reports progress, in rows.
const PROGRESS_EVERY: usize = 1000;

pub(crate) fn import(
    tx: &Connection,
    owner: &str,
    parsed: &ParsedHistory,
    progress: &mut dyn FnMut(usize),
) -> Result<ImportReport, StoreError> {
    let mut report = ImportReport {
        skipped_bad: parsed.errors.len(),
        ..ImportReport::default()
    };
    let mut insert = tx.prepare_cached(
        "INSERT INTO task (owner, project, item, category, low, likely, high, actual, finished)
         VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9)
         ON CONFLICT (owner, project, item, finished) DO NOTHING",
    )?;
    let mut stored = tx.prepare_cached(
        "SELECT category, low, likely, high, actual FROM task
         WHERE owner = ?1 AND project = ?2 AND item = ?3 AND finished = ?4",
    )?;
    for (n, r) in parsed.records.iter().enumerate() {
        let changed = insert.execute(params![
            owner,
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
                params![owner, r.project, r.item, r.finished.to_string()],
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
    Ok(report)
}

pub(crate) fn export(conn: &Connection, owner: &str) -> Result<Vec<Record>, StoreError> {
    let mut query = conn.prepare(
        "SELECT project, item, category, low, likely, high, actual, finished, owner
         FROM task WHERE owner = ?1 ORDER BY finished, id",
    )?;
    let rows = read(&mut query, params![owner])?;
    Ok(rows.into_iter().map(|(_, record)| record).collect())
}

/// Every owner's tasks, oldest first, each with its owner: the team's history.
pub(crate) fn export_all(conn: &Connection) -> Result<Vec<(String, Record)>, StoreError> {
    let mut query = conn.prepare(
        "SELECT project, item, category, low, likely, high, actual, finished, owner
         FROM task ORDER BY finished, id",
    )?;
    read(&mut query, params![])
}

/// The rows of a query selecting a task's columns and then its owner.
fn read(
    query: &mut rusqlite::Statement<'_>,
    params: impl rusqlite::Params,
) -> Result<Vec<(String, Record)>, StoreError> {
    let rows = query.query_map(params, |row| {
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
            row.get::<_, String>(8)?,
        ))
    })?;
    rows.map(|row| {
        let (mut record, finished, owner) = row?;
        record.finished = parse_date(&finished)?;
        Ok((owner, record))
    })
    .collect()
}

pub(crate) fn len(conn: &Connection, owner: &str) -> Result<usize, StoreError> {
    let n: i64 = conn.query_row(
        "SELECT count(*) FROM task WHERE owner = ?1",
        params![owner],
        |row| row.get(0),
    )?;
    Ok(usize::try_from(n).unwrap_or(0))
}

pub(crate) fn parse_date(text: &str) -> Result<Date, StoreError> {
    text.parse()
        .map_err(|_| StoreError::BadDate(text.to_string()))
}
