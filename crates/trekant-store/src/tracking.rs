//! Projects being worked on in SQLite: the accepted scope and its estimates, hours logged
//! against each item, change requests, closing a project into the history, and accepted
//! offers. Every function runs on the caller's connection or transaction, for one owner.

use jiff::civil::Date;
use rusqlite::{Connection, OptionalExtension, params};
use trekant_core::tracking::{
    AcceptedOffer, ChangeRequest, CloseReport, ItemStatus, LogEntry, OfferItem, ProjectStatus,
    TrackedItem, Unfinished, change_item_id, check_entry,
};

use crate::history::parse_date;
use crate::{KeyedLog, StoreError};

pub(crate) fn check_scope(project: &str, items: &[TrackedItem]) -> Result<(), StoreError> {
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
    Ok(())
}

pub(crate) fn start(
    tx: &Connection,
    owner: &str,
    project: &str,
    items: &[TrackedItem],
    started: Date,
) -> Result<(), StoreError> {
    if open_project(tx, owner, project)?.is_some() {
        return Err(StoreError::ProjectOpen(project.to_string()));
    }
    let project_id: i64 = tx.query_row(
        "INSERT INTO project (owner, name, started) VALUES (?1, ?2, ?3) RETURNING id",
        params![owner, project, started.to_string()],
        |row| row.get(0),
    )?;
    for item in items {
        insert_item(tx, owner, project_id, item)?;
    }
    Ok(())
}

pub(crate) fn log(
    tx: &Connection,
    owner: &str,
    project: &str,
    entries: &[LogEntry],
) -> Result<usize, StoreError> {
    insert_entries(tx, owner, project, entries, None)
}

/// One entry under an idempotency key: the entry logged before under it, or this one logged
/// now with the key, in the caller's (immediate) transaction.
pub(crate) fn log_keyed(
    tx: &Connection,
    owner: &str,
    project: &str,
    entry: &LogEntry,
    key: &str,
) -> Result<KeyedLog, StoreError> {
    let key = check_key(key)?;
    let before: Option<(String, LogEntry)> = tx
        .query_row(
            "SELECT p.name, i.item, t.hours, t.day, t.note
             FROM time_entry t JOIN project_item i ON i.id = t.project_item_id
                  JOIN project p ON p.id = i.project_id
             WHERE t.owner = ?1 AND t.idempotency_key = ?2",
            params![owner, key],
            |row| {
                Ok((
                    row.get(0)?,
                    LogEntry {
                        item: row.get(1)?,
                        hours: row.get(2)?,
                        day: Date::MIN,
                        note: row.get(4)?,
                    },
                    row.get::<_, String>(3)?,
                ))
            },
        )
        .optional()?
        .map(|(name, mut logged, day)| {
            logged.day = parse_date(&day)?;
            Ok::<_, StoreError>((name, logged))
        })
        .transpose()?;
    if let Some(before) = before {
        return repeated(before, project, entry, key);
    }
    insert_entries(tx, owner, project, std::slice::from_ref(entry), Some(key))?;
    Ok(KeyedLog {
        entry: entry.clone(),
        repeated: false,
    })
}

/// The longest idempotency key a store takes (a UUID is 36).
pub const MAX_KEY_CHARS: usize = 200;

pub(crate) fn check_key(key: &str) -> Result<&str, StoreError> {
    let key = key.trim();
    if key.is_empty() || key.chars().count() > MAX_KEY_CHARS {
        return Err(StoreError::Invalid(format!(
            "an idempotency key has 1 to {MAX_KEY_CHARS} characters"
        )));
    }
    Ok(key)
}

/// A key found logged before: the same entry is a repeat, another is [`StoreError::KeyReused`].
pub(crate) fn repeated(
    (logged_project, logged): (String, LogEntry),
    project: &str,
    entry: &LogEntry,
    key: &str,
) -> Result<KeyedLog, StoreError> {
    if logged_project == project && &logged == entry {
        Ok(KeyedLog {
            entry: logged,
            repeated: true,
        })
    } else {
        Err(StoreError::KeyReused(key.to_string()))
    }
}

fn insert_entries(
    tx: &Connection,
    owner: &str,
    project: &str,
    entries: &[LogEntry],
    key: Option<&str>,
) -> Result<usize, StoreError> {
    let (project_id, started) = open_project(tx, owner, project)?
        .ok_or_else(|| StoreError::NoSuchProject(project.to_string()))?;
    for entry in entries {
        check_entry(entry, started, None).map_err(|e| StoreError::Invalid(e.to_string()))?;
    }
    let mut find =
        tx.prepare_cached("SELECT id FROM project_item WHERE project_id = ?1 AND item = ?2")?;
    let mut insert = tx.prepare_cached(
        "INSERT INTO time_entry (owner, project_item_id, day, hours, note, idempotency_key)
         VALUES (?5, ?1, ?2, ?3, ?4, ?6)",
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
            entry.note,
            owner,
            key
        ])?;
    }
    Ok(entries.len())
}

pub(crate) fn status(
    conn: &Connection,
    owner: &str,
    project: &str,
) -> Result<ProjectStatus, StoreError> {
    let (project_id, started) = open_project(conn, owner, project)?
        .ok_or_else(|| StoreError::NoSuchProject(project.to_string()))?;
    let mut query = conn.prepare_cached(
        "SELECT i.item, i.title, i.category, i.low, i.likely, i.high,
                coalesce(sum(t.hours), 0), count(t.id), max(t.day),
                EXISTS (SELECT 1 FROM change_request c WHERE c.project_item_id = i.id), i.done
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
                done: None,
            },
            row.get::<_, Option<String>>(8)?,
            row.get::<_, Option<String>>(10)?,
        ))
    })?;
    let mut items = Vec::new();
    for row in rows {
        let (mut item, last, done) = row?;
        item.last_logged = last.as_deref().map(parse_date).transpose()?;
        item.done = done.as_deref().map(parse_date).transpose()?;
        items.push(item);
    }
    let mut query = conn.prepare_cached(
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
        started,
        items,
        changes,
    })
}

pub(crate) fn done(
    tx: &Connection,
    owner: &str,
    project: &str,
    item: &str,
    day: Date,
) -> Result<(), StoreError> {
    let (project_id, started) = open_project(tx, owner, project)?
        .ok_or_else(|| StoreError::NoSuchProject(project.to_string()))?;
    if day < started {
        return Err(StoreError::Invalid(format!(
            "`{item}` cannot be done on {day}, before `{project}` started on {started}"
        )));
    }
    let changed = tx.execute(
        "UPDATE project_item SET done = ?1 WHERE project_id = ?2 AND item = ?3",
        params![day.to_string(), project_id, item],
    )?;
    if changed == 0 {
        return Err(StoreError::NoSuchItem {
            project: project.to_string(),
            item: item.to_string(),
        });
    }
    Ok(())
}

/// Reads the project's status and moves its finished items into the history in the caller's
/// (immediate) transaction, so no entry logged in between can be left behind.
pub(crate) fn close(
    tx: &Connection,
    owner: &str,
    project: &str,
    closed: Date,
    unfinished: Unfinished,
) -> Result<CloseReport, StoreError> {
    let status = status(tx, owner, project)?;
    let (mut report, moving) = plan_close(&status, closed, unfinished)?;
    let mut insert = tx.prepare_cached(
        "INSERT INTO task (owner, project, item, category, low, likely, high, actual, finished)
         VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9)
         ON CONFLICT (owner, project, item, finished) DO NOTHING",
    )?;
    for (item, finished) in moving {
        let changed = insert.execute(params![
            owner,
            project,
            item.item,
            item.category,
            item.low,
            item.likely,
            item.high,
            item.logged,
            finished.to_string(),
        ])?;
        if changed == 0 {
            report.already_in_history += 1;
        } else {
            report.moved += 1;
        }
    }
    tx.execute(
        "UPDATE project SET closed = ?1 WHERE owner = ?2 AND name = ?3 AND closed IS NULL",
        params![closed.to_string(), owner, project],
    )?;
    Ok(report)
}

/// The items a closing project moves into the history, each with the day it finished.
pub(crate) type Moving<'a> = Vec<(&'a ItemStatus, Date)>;

/// What closing a project does, decided from its status: the report so far (dropped,
/// without hours, finished at close) and the items that go into the history with the day
/// each finished. Refuses while items are unfinished and `unfinished` says so. Both stores
/// use it, so they close alike.
pub(crate) fn plan_close(
    status: &ProjectStatus,
    closed: Date,
    unfinished: Unfinished,
) -> Result<(CloseReport, Moving<'_>), StoreError> {
    let project = &status.name;
    if closed < status.started {
        return Err(StoreError::Invalid(format!(
            "`{project}` cannot close on {closed}, before it started on {}",
            status.started
        )));
    }
    let open: Vec<String> = status
        .items
        .iter()
        .filter(|i| i.done.is_none())
        .map(|i| i.item.clone())
        .collect();
    if unfinished == Unfinished::Refuse && !open.is_empty() {
        return Err(StoreError::Unfinished {
            project: project.to_string(),
            items: open,
        });
    }
    let mut report = CloseReport::default();
    let mut moving = Vec::new();
    for item in &status.items {
        let finished = match (item.done, unfinished) {
            (Some(day), _) => day,
            (None, Unfinished::Drop) => {
                report.dropped.push(item.item.clone());
                continue;
            }
            (None, _) => closed,
        };
        if item.logged <= 0.0 {
            report.without_hours.push(item.item.clone());
            continue;
        }
        if item.done.is_none() {
            report.finished_at_close.push(item.item.clone());
        }
        moving.push((item, finished));
    }
    Ok((report, moving))
}

pub(crate) fn check_change(change: &ChangeRequest) -> Result<(), StoreError> {
    if change.title.trim().is_empty() {
        return Err(StoreError::Invalid("a change request needs a title".into()));
    }
    check_estimate(&change.title, change.low, change.likely, change.high)?;
    if let Some(price) = change.price
        && !(price.is_finite() && price >= 0.0)
    {
        return Err(StoreError::Invalid(format!(
            "the price of `{}` must be a non-negative number, found {price}",
            change.title
        )));
    }
    Ok(())
}

pub(crate) fn record_change(
    tx: &Connection,
    owner: &str,
    project: &str,
    change: &ChangeRequest,
) -> Result<Option<String>, StoreError> {
    let (project_id, _) = open_project(tx, owner, project)?
        .ok_or_else(|| StoreError::NoSuchProject(project.to_string()))?;
    let mut item_id = None;
    let mut item_name = None;
    if change.accepted {
        // The transaction holds the write lock, so the ids read here stay as they are.
        let mut ids = tx.prepare_cached("SELECT item FROM project_item WHERE project_id = ?1")?;
        let taken: std::collections::HashSet<String> = ids
            .query_map(params![project_id], |row| row.get(0))?
            .collect::<Result<_, _>>()?;
        let name = change_item_id(|id| taken.contains(id));
        let item = TrackedItem {
            item: name.clone(),
            title: Some(change.title.clone()),
            category: change.category.clone(),
            low: change.low,
            likely: change.likely,
            high: change.high,
        };
        item_id = Some(insert_item(tx, owner, project_id, &item)?);
        item_name = Some(name);
    }
    tx.execute(
        "INSERT INTO change_request
             (owner, project_id, title, category, low, likely, high, price, accepted, recorded,
              project_item_id)
         VALUES (?11, ?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10)",
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
            item_id,
            owner
        ],
    )?;
    Ok(item_name)
}

pub(crate) fn open_projects(conn: &Connection, owner: &str) -> Result<Vec<String>, StoreError> {
    let mut query =
        conn.prepare("SELECT name FROM project WHERE owner = ?1 AND closed IS NULL ORDER BY id")?;
    let names = query.query_map(params![owner], |row| row.get(0))?;
    Ok(names.collect::<Result<_, _>>()?)
}

pub(crate) fn check_offer(offer: &AcceptedOffer) -> Result<(), StoreError> {
    let invalid = |what: &str| {
        Err(StoreError::Invalid(format!(
            "an accepted offer needs {what}"
        )))
    };
    if offer.number.trim().is_empty() {
        return invalid("a number");
    }
    if offer.brief.trim().is_empty() {
        return invalid("the brief's name");
    }
    if offer.option.trim().is_empty() {
        return invalid("the option taken");
    }
    let money = |v: f64| v.is_finite() && v >= 0.0;
    if !money(offer.total) || offer.items.iter().any(|i| !money(i.price)) {
        return invalid("prices that are non-negative numbers");
    }
    if offer.items.iter().any(|i| i.item.trim().is_empty()) {
        return invalid("an id for every item");
    }
    Ok(())
}

pub(crate) fn record_offer(
    tx: &Connection,
    owner: &str,
    offer: &AcceptedOffer,
) -> Result<(), StoreError> {
    let id: Option<i64> = tx
        .query_row(
            "INSERT INTO accepted_offer (owner, number, brief, option, total, delivery, accepted)
             VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7)
             ON CONFLICT (owner, number) DO NOTHING
             RETURNING id",
            params![
                owner,
                offer.number,
                offer.brief,
                offer.option,
                offer.total,
                offer.delivery.to_string(),
                offer.accepted.to_string()
            ],
            |row| row.get(0),
        )
        .optional()?;
    let Some(id) = id else {
        return Err(StoreError::OfferExists(offer.number.clone()));
    };
    let mut insert = tx.prepare_cached(
        "INSERT INTO accepted_offer_item (owner, offer_id, position, item, price)
         VALUES (?5, ?1, ?2, ?3, ?4)",
    )?;
    for (position, item) in offer.items.iter().enumerate() {
        insert.execute(params![id, position as i64, item.item, item.price, owner])?;
    }
    Ok(())
}

pub(crate) fn offers(
    conn: &Connection,
    owner: &str,
    number: Option<&str>,
) -> Result<Vec<AcceptedOffer>, StoreError> {
    let mut query = conn.prepare_cached(
        "SELECT id, number, brief, option, total, delivery, accepted FROM accepted_offer
         WHERE owner = ?1 AND (?2 IS NULL OR number = ?2) ORDER BY id",
    )?;
    let mut items = conn.prepare_cached(
        "SELECT item, price FROM accepted_offer_item WHERE offer_id = ?1 ORDER BY position",
    )?;
    let rows = query.query_map(params![owner, number], |row| {
        Ok((
            row.get::<_, i64>(0)?,
            AcceptedOffer {
                number: row.get(1)?,
                brief: row.get(2)?,
                option: row.get(3)?,
                items: Vec::new(),
                total: row.get(4)?,
                delivery: Date::MIN,
                accepted: Date::MIN,
            },
            row.get::<_, String>(5)?,
            row.get::<_, String>(6)?,
        ))
    })?;
    let mut out = Vec::new();
    for row in rows {
        let (id, mut offer, delivery, accepted) = row?;
        offer.delivery = parse_date(&delivery)?;
        offer.accepted = parse_date(&accepted)?;
        offer.items = items
            .query_map(params![id], |row| {
                Ok(OfferItem {
                    item: row.get(0)?,
                    price: row.get(1)?,
                })
            })?
            .collect::<Result<_, _>>()?;
        out.push(offer);
    }
    Ok(out)
}

/// The open project of that name: its row id and start.
fn open_project(
    conn: &Connection,
    owner: &str,
    project: &str,
) -> Result<Option<(i64, Date)>, StoreError> {
    let found: Option<(i64, String)> = conn
        .query_row(
            "SELECT id, started FROM project WHERE owner = ?1 AND name = ?2 AND closed IS NULL",
            params![owner, project],
            |row| Ok((row.get(0)?, row.get(1)?)),
        )
        .optional()?;
    found
        .map(|(id, started)| Ok((id, parse_date(&started)?)))
        .transpose()
}

fn insert_item(
    tx: &Connection,
    owner: &str,
    project_id: i64,
    item: &TrackedItem,
) -> Result<i64, StoreError> {
    Ok(tx.query_row(
        "INSERT INTO project_item (owner, project_id, item, title, category, low, likely, high)
         VALUES (?8, ?1, ?2, ?3, ?4, ?5, ?6, ?7) RETURNING id",
        params![
            project_id,
            item.item,
            item.title,
            item.category,
            item.low,
            item.likely,
            item.high,
            owner
        ],
        |row| row.get(0),
    )?)
}

fn check_item(item: &TrackedItem) -> Result<(), StoreError> {
    if item.item.trim().is_empty() {
        return Err(StoreError::Invalid("an item needs an id".into()));
    }
    check_estimate(&item.item, item.low, item.likely, item.high)
}

/// The same rules the history CSV and the database's CHECKs hold, said in words first.
fn check_estimate(
    name: &str,
    low: Option<f64>,
    likely: f64,
    high: Option<f64>,
) -> Result<(), StoreError> {
    let finite = |v: Option<f64>| v.is_none_or(f64::is_finite);
    let positive = likely.is_finite() && likely > 0.0;
    if !(positive && finite(low) && finite(high)) {
        return Err(StoreError::Invalid(format!(
            "the estimate of `{name}` must be positive hours"
        )));
    }
    if low.is_some_and(|l| l < 0.0 || l > likely) || high.is_some_and(|h| h < likely) {
        return Err(StoreError::Invalid(format!(
            "the estimate of `{name}` must be ordered: low ≤ likely ≤ high"
        )));
    }
    Ok(())
}
