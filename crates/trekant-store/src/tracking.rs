//! Projects being worked on: the accepted scope and its estimates, hours logged against each
//! item, change requests, and closing a project into the history that calibrates the next
//! estimate.

use jiff::civil::Date;
use rusqlite::{OptionalExtension, Transaction, params};
use serde::Serialize;
use trekant_core::brief::Item;

use crate::history::parse_date;
use crate::{Store, StoreError};

/// One item of accepted scope, with its estimate in hours.
#[derive(Clone, Debug, PartialEq, Serialize)]
pub struct TrackedItem {
    /// The item's id in the brief (`[a-z0-9-]+`), or any unique name.
    pub item: String,
    pub title: Option<String>,
    pub category: Option<String>,
    pub low: Option<f64>,
    pub likely: f64,
    pub high: Option<f64>,
}

impl TrackedItem {
    /// The item as a brief describes it; a single-number estimate has no low or high.
    pub fn from_brief_item(item: &Item) -> Self {
        let estimate = &item.estimate.value;
        let (low, high) = if estimate.point {
            (None, None)
        } else {
            (Some(estimate.low), Some(estimate.high))
        };
        Self {
            item: item.id.value.clone(),
            title: item.title.as_ref().map(|t| t.value.clone()),
            category: item.category.as_ref().map(|c| c.value.clone()),
            low,
            likely: estimate.likely,
            high,
        }
    }
}

/// Hours worked on one item on one day.
#[derive(Clone, Debug, PartialEq, Serialize)]
pub struct LogEntry {
    pub item: String,
    pub hours: f64,
    pub day: Date,
    pub note: Option<String>,
}

/// A client's wish for more (or different) scope, priced against the triangle.
#[derive(Clone, Debug, PartialEq, Serialize)]
pub struct ChangeRequest {
    pub title: String,
    pub category: Option<String>,
    pub low: Option<f64>,
    pub likely: f64,
    pub high: Option<f64>,
    /// The price quoted for it, in the project currency.
    pub price: Option<f64>,
    pub accepted: bool,
    pub recorded: Date,
}

/// Hours used on one item against its estimate.
#[derive(Clone, Debug, PartialEq, Serialize)]
pub struct ItemStatus {
    pub item: String,
    pub title: Option<String>,
    pub category: Option<String>,
    pub low: Option<f64>,
    pub likely: f64,
    pub high: Option<f64>,
    /// Hours logged so far.
    pub logged: f64,
    pub entries: usize,
    pub last_logged: Option<Date>,
    /// Whether the item came in through an accepted change request.
    pub from_change: bool,
}

/// Where a tracked project stands.
#[derive(Clone, Debug, PartialEq, Serialize)]
pub struct ProjectStatus {
    pub name: String,
    pub started: Date,
    pub items: Vec<ItemStatus>,
    /// Every change request recorded, accepted or not, oldest first.
    pub changes: Vec<ChangeRequest>,
}

impl ProjectStatus {
    pub fn logged(&self) -> f64 {
        self.items.iter().map(|i| i.logged).sum()
    }

    pub fn likely(&self) -> f64 {
        self.items.iter().map(|i| i.likely).sum()
    }

    /// Likely hours added by accepted change requests: how much the scope crept.
    pub fn crept(&self) -> f64 {
        self.changes
            .iter()
            .filter(|c| c.accepted)
            .map(|c| c.likely)
            .sum()
    }
}

/// What closing a project did.
#[derive(Clone, Debug, Default, PartialEq, Serialize)]
pub struct CloseReport {
    /// Items moved into the history with their logged hours as the actual.
    pub moved: usize,
    /// Items already in the history (the same project, item and day).
    pub already_in_history: usize,
    /// Items with no hours logged, left out of the history: nothing says what they took.
    pub without_hours: Vec<String>,
}

impl Store {
    /// Start tracking a project with its accepted scope. A name can be tracked again only
    /// once the earlier project of that name is closed.
    pub fn track_start(
        &mut self,
        project: &str,
        items: &[TrackedItem],
        started: Date,
    ) -> Result<(), StoreError> {
        if project.trim().is_empty() {
            return Err(StoreError::Invalid("the project needs a name".into()));
        }
        for (i, item) in items.iter().enumerate() {
            check_item(item)?;
            if items[..i].iter().any(|other| other.item == item.item) {
                return Err(StoreError::Invalid(format!(
                    "item `{}` appears twice in the scope",
                    item.item
                )));
            }
        }
        let tx = self.conn.transaction()?;
        if open_project(&tx, project)?.is_some() {
            return Err(StoreError::ProjectOpen(project.to_string()));
        }
        tx.execute(
            "INSERT INTO project (name, started) VALUES (?1, ?2)",
            params![project, started.to_string()],
        )?;
        let project_id = tx.last_insert_rowid();
        for item in items {
            insert_item(&tx, project_id, item)?;
        }
        tx.commit()?;
        Ok(())
    }

    /// Log hours worked on one item of an open project.
    pub fn track_log(
        &mut self,
        project: &str,
        item: &str,
        hours: f64,
        day: Date,
        note: Option<&str>,
    ) -> Result<(), StoreError> {
        let entry = LogEntry {
            item: item.to_string(),
            hours,
            day,
            note: note.map(str::to_string),
        };
        self.track_log_many(project, std::slice::from_ref(&entry))
            .map(|_| ())
    }

    /// Log many entries (a time-tracker export) as one transaction: all or none.
    pub fn track_log_many(
        &mut self,
        project: &str,
        entries: &[LogEntry],
    ) -> Result<usize, StoreError> {
        for entry in entries {
            if !(entry.hours.is_finite() && entry.hours > 0.0) {
                return Err(StoreError::Invalid(format!(
                    "hours logged on `{}` must be a positive number, found {}",
                    entry.item, entry.hours
                )));
            }
        }
        let tx = self.conn.transaction()?;
        let project_id = open_project(&tx, project)?
            .ok_or_else(|| StoreError::NoSuchProject(project.to_string()))?;
        {
            let mut find = tx.prepare_cached(
                "SELECT id FROM project_item WHERE project_id = ?1 AND item = ?2",
            )?;
            let mut insert = tx.prepare_cached(
                "INSERT INTO time_entry (project_item_id, day, hours, note) VALUES (?1, ?2, ?3, ?4)",
            )?;
            for entry in entries {
                let item_id: i64 = find
                    .query_row(params![project_id, entry.item], |row| row.get(0))
                    .optional()?
                    .ok_or_else(|| StoreError::NoSuchItem {
                        project: project.to_string(),
                        item: entry.item.clone(),
                    })?;
                insert.execute(params![
                    item_id,
                    entry.day.to_string(),
                    entry.hours,
                    entry.note
                ])?;
            }
        }
        tx.commit()?;
        Ok(entries.len())
    }

    /// The hours used per item of an open project, and its change requests.
    pub fn track_status(&self, project: &str) -> Result<ProjectStatus, StoreError> {
        let (project_id, started): (i64, String) = self
            .conn
            .query_row(
                "SELECT id, started FROM project WHERE name = ?1 AND closed IS NULL",
                params![project],
                |row| Ok((row.get(0)?, row.get(1)?)),
            )
            .optional()?
            .ok_or_else(|| StoreError::NoSuchProject(project.to_string()))?;
        let mut query = self.conn.prepare(
            "SELECT i.item, i.title, i.category, i.low, i.likely, i.high,
                    coalesce(sum(t.hours), 0), count(t.id), max(t.day),
                    EXISTS (SELECT 1 FROM change_request c WHERE c.project_item_id = i.id)
             FROM project_item i LEFT JOIN time_entry t ON t.project_item_id = i.id
             WHERE i.project_id = ?1
             GROUP BY i.id ORDER BY i.id",
        )?;
        let rows = query.query_map(params![project_id], |row| {
            Ok((
                ItemStatus {
                    item: row.get(0)?,
                    title: row.get(1)?,
                    category: row.get(2)?,
                    low: row.get(3)?,
                    likely: row.get(4)?,
                    high: row.get(5)?,
                    logged: row.get(6)?,
                    entries: row.get::<_, i64>(7)?.try_into().unwrap_or(0),
                    last_logged: None,
                    from_change: row.get(9)?,
                },
                row.get::<_, Option<String>>(8)?,
            ))
        })?;
        let mut items = Vec::new();
        for row in rows {
            let (mut item, last) = row?;
            item.last_logged = last.as_deref().map(parse_date).transpose()?;
            items.push(item);
        }
        let mut query = self.conn.prepare(
            "SELECT title, category, low, likely, high, price, accepted, recorded
             FROM change_request WHERE project_id = ?1 ORDER BY id",
        )?;
        let rows = query.query_map(params![project_id], |row| {
            Ok((
                ChangeRequest {
                    title: row.get(0)?,
                    category: row.get(1)?,
                    low: row.get(2)?,
                    likely: row.get(3)?,
                    high: row.get(4)?,
                    price: row.get(5)?,
                    accepted: row.get(6)?,
                    recorded: Date::MIN,
                },
                row.get::<_, String>(7)?,
            ))
        })?;
        let mut changes = Vec::new();
        for row in rows {
            let (mut change, recorded) = row?;
            change.recorded = parse_date(&recorded)?;
            changes.push(change);
        }
        Ok(ProjectStatus {
            name: project.to_string(),
            started: parse_date(&started)?,
            items,
            changes,
        })
    }

    /// Close a project: every item with hours logged goes into the history (actual = the
    /// hours logged, finished = the last day logged), all in one transaction.
    pub fn track_close(&mut self, project: &str, closed: Date) -> Result<CloseReport, StoreError> {
        let status = self.track_status(project)?;
        let tx = self.conn.transaction()?;
        let mut report = CloseReport::default();
        {
            let mut insert = tx.prepare_cached(
                "INSERT INTO task (project, item, category, low, likely, high, actual, finished)
                 VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8)
                 ON CONFLICT (project, item, finished) DO NOTHING",
            )?;
            for item in &status.items {
                let Some(last) = item.last_logged.filter(|_| item.logged > 0.0) else {
                    report.without_hours.push(item.item.clone());
                    continue;
                };
                let changed = insert.execute(params![
                    project,
                    item.item,
                    item.category,
                    item.low,
                    item.likely,
                    item.high,
                    item.logged,
                    last.to_string(),
                ])?;
                if changed == 0 {
                    report.already_in_history += 1;
                } else {
                    report.moved += 1;
                }
            }
        }
        tx.execute(
            "UPDATE project SET closed = ?1 WHERE name = ?2 AND closed IS NULL",
            params![closed.to_string(), project],
        )?;
        tx.commit()?;
        Ok(report)
    }

    /// Record a change request against an open project. An accepted change also becomes an
    /// item of the project (`change-1`, `change-2`, …) so the hours it takes are tracked and
    /// reach the history; its id is returned.
    pub fn record_change(
        &mut self,
        project: &str,
        change: &ChangeRequest,
    ) -> Result<Option<String>, StoreError> {
        if change.title.trim().is_empty() {
            return Err(StoreError::Invalid("a change request needs a title".into()));
        }
        let as_item = TrackedItem {
            item: String::new(),
            title: Some(change.title.clone()),
            category: change.category.clone(),
            low: change.low,
            likely: change.likely,
            high: change.high,
        };
        check_estimate(&change.title, &as_item)?;
        if let Some(price) = change.price
            && !(price.is_finite() && price >= 0.0)
        {
            return Err(StoreError::Invalid(format!(
                "the price of `{}` must be a non-negative number, found {price}",
                change.title
            )));
        }
        let tx = self.conn.transaction()?;
        let project_id = open_project(&tx, project)?
            .ok_or_else(|| StoreError::NoSuchProject(project.to_string()))?;
        let mut item_id = None;
        let mut item_name = None;
        if change.accepted {
            let taken: i64 = tx.query_row(
                "SELECT count(*) FROM project_item WHERE project_id = ?1 AND item LIKE 'change-%'",
                params![project_id],
                |row| row.get(0),
            )?;
            let name = format!("change-{}", taken + 1);
            insert_item(
                &tx,
                project_id,
                &TrackedItem {
                    item: name.clone(),
                    ..as_item
                },
            )?;
            item_id = Some(tx.last_insert_rowid());
            item_name = Some(name);
        }
        tx.execute(
            "INSERT INTO change_request
                 (project_id, title, category, low, likely, high, price, accepted, recorded,
                  project_item_id)
             VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10)",
            params![
                project_id,
                change.title,
                change.category,
                change.low,
                change.likely,
                change.high,
                change.price,
                change.accepted,
                change.recorded.to_string(),
                item_id
            ],
        )?;
        tx.commit()?;
        Ok(item_name)
    }

    /// The names of the projects being tracked, oldest first.
    pub fn open_projects(&self) -> Result<Vec<String>, StoreError> {
        let mut query = self
            .conn
            .prepare("SELECT name FROM project WHERE closed IS NULL ORDER BY id")?;
        let names = query.query_map([], |row| row.get(0))?;
        Ok(names.collect::<Result<_, _>>()?)
    }
}

fn open_project(tx: &Transaction<'_>, project: &str) -> Result<Option<i64>, StoreError> {
    Ok(tx
        .query_row(
            "SELECT id FROM project WHERE name = ?1 AND closed IS NULL",
            params![project],
            |row| row.get(0),
        )
        .optional()?)
}

fn insert_item(
    tx: &Transaction<'_>,
    project_id: i64,
    item: &TrackedItem,
) -> Result<(), StoreError> {
    tx.execute(
        "INSERT INTO project_item (project_id, item, title, category, low, likely, high)
         VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7)",
        params![
            project_id,
            item.item,
            item.title,
            item.category,
            item.low,
            item.likely,
            item.high
        ],
    )?;
    Ok(())
}

fn check_item(item: &TrackedItem) -> Result<(), StoreError> {
    if item.item.trim().is_empty() {
        return Err(StoreError::Invalid("an item needs an id".into()));
    }
    check_estimate(&item.item, item)
}

/// The same rules the history CSV and the database's CHECKs hold, said in words first.
fn check_estimate(name: &str, item: &TrackedItem) -> Result<(), StoreError> {
    let finite = |v: Option<f64>| v.is_none_or(f64::is_finite);
    let positive = item.likely.is_finite() && item.likely > 0.0;
    if !(positive && finite(item.low) && finite(item.high)) {
        return Err(StoreError::Invalid(format!(
            "the estimate of `{name}` must be positive hours"
        )));
    }
    if item.low.is_some_and(|l| l < 0.0 || l > item.likely)
        || item.high.is_some_and(|h| h < item.likely)
    {
        return Err(StoreError::Invalid(format!(
            "the estimate of `{name}` must be ordered: low ≤ likely ≤ high"
        )));
    }
    Ok(())
}
