//! The store's queries in PostgreSQL: the history and the tracked projects, as the SQLite
//! store keeps them (`history.rs`, `tracking.rs`; the checks and the closing plan are
//! shared). Writes run in the caller's transaction, which holds the owner's write lock, so
//! what they read does not change before they commit.

use std::collections::HashSet;

use jiff::civil::Date;
use tokio_postgres::GenericClient;
use trekant_core::history::{ParsedHistory, Record};
use trekant_core::tracking::{
    AcceptedOffer, ChangeRequest, CloseReport, ImportReport, ItemStatus, LogEntry, OfferItem,
    ProjectStatus, TrackedItem, Unfinished, change_item_id, check_entry,
};

use super::date::PgDate;
use crate::tracking::{check_key, plan_close, repeated};
use crate::{KeyedLog, StoreError};

/// How often an import reports progress, in rows.
const PROGRESS_EVERY: usize = 1000;

const INSERT_TASK: &str = "INSERT INTO task
         (owner, project, item, category, low, likely, high, actual, finished)
     VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9)
     ON CONFLICT (owner, project, item, finished) DO NOTHING";

/// Imports in chunks of [`PROGRESS_EVERY`] rows, one round trip each: the chunk's columns
/// go as arrays through `unnest`, `ON CONFLICT DO NOTHING` skips tasks already there, and
/// `RETURNING` says which went in; the rows that did not are compared with what is stored,
/// fetched in one more query.
pub(super) async fn import(
    tx: &impl GenericClient,
    owner: &str,
    parsed: &ParsedHistory,
    progress: &mut dyn FnMut(usize),
) -> Result<ImportReport, StoreError> {
    let mut report = ImportReport {
        skipped_bad: parsed.errors.len(),
        ..ImportReport::default()
    };
    let insert = tx
        .prepare(
            "INSERT INTO task (owner, project, item, category, low, likely, high, actual, finished)
             SELECT $1, * FROM unnest($2::text[], $3::text[], $4::text[], $5::float8[],
                                      $6::float8[], $7::float8[], $8::float8[], $9::date[])
             ON CONFLICT (owner, project, item, finished) DO NOTHING
             RETURNING project, item, finished",
        )
        .await?;
    let stored = tx
        .prepare(
            "SELECT k.n, t.category, t.low, t.likely, t.high, t.actual
             FROM unnest($2::text[], $3::text[], $4::date[])
                  WITH ORDINALITY AS k (project, item, finished, n)
             JOIN task t ON t.owner = $1 AND t.project = k.project AND t.item = k.item
                        AND t.finished = k.finished",
        )
        .await?;
    let mut done = 0;
    for chunk in parsed.records.chunks(PROGRESS_EVERY) {
        let column = |f: fn(&Record) -> String| chunk.iter().map(f).collect::<Vec<_>>();
        let projects = column(|r| r.project.clone());
        let items = column(|r| r.item.clone());
        let categories: Vec<Option<String>> = chunk.iter().map(|r| r.category.clone()).collect();
        let lows: Vec<Option<f64>> = chunk.iter().map(|r| r.low).collect();
        let likelies: Vec<f64> = chunk.iter().map(|r| r.likely).collect();
        let highs: Vec<Option<f64>> = chunk.iter().map(|r| r.high).collect();
        let actuals: Vec<f64> = chunk.iter().map(|r| r.actual).collect();
        let finished: Vec<PgDate> = chunk.iter().map(|r| PgDate(r.finished)).collect();
        let rows = tx
            .query(
                &insert,
                &[
                    &owner,
                    &projects,
                    &items,
                    &categories,
                    &lows,
                    &likelies,
                    &highs,
                    &actuals,
                    &finished,
                ],
            )
            .await?;
        // What went in, as keys; a task twice in the chunk went in once (its first row).
        let mut inserted: HashSet<(String, String, Date)> = rows
            .iter()
            .map(|row| {
                Ok((
                    row.try_get(0)?,
                    row.try_get(1)?,
                    row.try_get::<_, PgDate>(2)?.0,
                ))
            })
            .collect::<Result<_, StoreError>>()?;
        // The rest were there already: their stored values, in one query, to compare.
        let mut present = Vec::new();
        for (i, r) in chunk.iter().enumerate() {
            let key = (r.project.clone(), r.item.clone(), r.finished);
            if inserted.remove(&key) {
                report.inserted += 1;
            } else {
                present.push(i);
            }
        }
        report.already_present += present.len();
        if !present.is_empty() {
            let pick = |f: fn(&Record) -> String| {
                present.iter().map(|&i| f(&chunk[i])).collect::<Vec<_>>()
            };
            let days: Vec<PgDate> = present.iter().map(|&i| PgDate(chunk[i].finished)).collect();
            let rows = tx
                .query(
                    &stored,
                    &[
                        &owner,
                        &pick(|r| r.project.clone()),
                        &pick(|r| r.item.clone()),
                        &days,
                    ],
                )
                .await?;
            let mut differing = Vec::new();
            for row in rows {
                let n = usize::try_from(row.try_get::<_, i64>(0)?).unwrap_or(0);
                let Some(&i) = n.checked_sub(1).and_then(|k| present.get(k)) else {
                    continue;
                };
                let r = &chunk[i];
                let same = row.try_get::<_, Option<String>>(1)? == r.category
                    && row.try_get::<_, Option<f64>>(2)? == r.low
                    && row.try_get::<_, f64>(3)? == r.likely
                    && row.try_get::<_, Option<f64>>(4)? == r.high
                    && row.try_get::<_, f64>(5)? == r.actual;
                if !same {
                    differing.push(done + i);
                }
            }
            differing.sort_unstable();
            report.differing.extend(
                differing
                    .into_iter()
                    .map(|n| parsed.lines.get(n).copied().unwrap_or(0)),
            );
        }
        done += chunk.len();
        if done % PROGRESS_EVERY == 0 {
            progress(done);
        }
    }
    Ok(report)
}

pub(super) async fn export(c: &impl GenericClient, owner: &str) -> Result<Vec<Record>, StoreError> {
    let rows = c
        .query(
            "SELECT project, item, category, low, likely, high, actual, finished
             FROM task WHERE owner = $1 ORDER BY finished, id",
            &[&owner],
        )
        .await?;
    rows.iter().map(task).collect()
}

/// Every owner's tasks with their owner: the team's history.
pub(super) async fn export_team(
    c: &impl GenericClient,
) -> Result<Vec<(String, Record)>, StoreError> {
    let rows = c
        .query(
            "SELECT project, item, category, low, likely, high, actual, finished, owner
             FROM task ORDER BY finished, id",
            &[],
        )
        .await?;
    rows.iter()
        .map(|row| Ok((row.try_get(8)?, task(row)?)))
        .collect()
}

/// A task from a row whose first eight columns are the task's.
/// An offer's priced item from a row of `(item, price)`.
pub(super) fn offer_item(row: &tokio_postgres::Row) -> Result<OfferItem, StoreError> {
    Ok(OfferItem {
        item: row.try_get(0)?,
        price: row.try_get(1)?,
    })
}

fn task(row: &tokio_postgres::Row) -> Result<Record, StoreError> {
    Ok(Record {
        project: row.try_get(0)?,
        item: row.try_get(1)?,
        category: row.try_get(2)?,
        low: row.try_get(3)?,
        likely: row.try_get(4)?,
        high: row.try_get(5)?,
        actual: row.try_get(6)?,
        finished: row.try_get::<_, PgDate>(7)?.0,
    })
}

pub(super) async fn len(c: &impl GenericClient, owner: &str) -> Result<usize, StoreError> {
    let row = c
        .query_one("SELECT count(*) FROM task WHERE owner = $1", &[&owner])
        .await?;
    Ok(usize::try_from(row.try_get::<_, i64>(0)?).unwrap_or(0))
}

pub(super) async fn start(
    tx: &impl GenericClient,
    owner: &str,
    project: &str,
    items: &[TrackedItem],
    started: Date,
) -> Result<(), StoreError> {
    if open_project(tx, owner, project).await?.is_some() {
        return Err(StoreError::ProjectOpen(project.to_string()));
    }
    let row = tx
        .query_one(
            "INSERT INTO project (owner, name, started) VALUES ($1, $2, $3) RETURNING id",
            &[&owner, &project, &PgDate(started)],
        )
        .await?;
    let project_id: i64 = row.try_get(0)?;
    for item in items {
        insert_item(tx, owner, project_id, item).await?;
    }
    Ok(())
}

pub(super) async fn log(
    tx: &impl GenericClient,
    owner: &str,
    project: &str,
    entries: &[LogEntry],
) -> Result<usize, StoreError> {
    insert_entries(tx, owner, project, entries, None).await
}

/// One entry under an idempotency key, as the SQLite store does it (`tracking::log_keyed`).
/// The caller's transaction holds the owner's write lock, so two servers given the same key
/// at once take turns and the second finds the first's entry.
pub(super) async fn log_keyed(
    tx: &impl GenericClient,
    owner: &str,
    project: &str,
    entry: &LogEntry,
    key: &str,
) -> Result<KeyedLog, StoreError> {
    let key = check_key(key)?;
    let before = tx
        .query_opt(
            "SELECT p.name, i.item, t.hours, t.day, t.note
             FROM time_entry t JOIN project_item i ON i.id = t.project_item_id
                  JOIN project p ON p.id = i.project_id
             WHERE t.owner = $1 AND t.idempotency_key = $2",
            &[&owner, &key],
        )
        .await?;
    if let Some(row) = before {
        let logged = LogEntry {
            item: row.try_get(1)?,
            hours: row.try_get(2)?,
            day: row.try_get::<_, PgDate>(3)?.0,
            note: row.try_get(4)?,
        };
        return repeated((row.try_get(0)?, logged), project, entry, key);
    }
    insert_entries(tx, owner, project, std::slice::from_ref(entry), Some(key)).await?;
    Ok(KeyedLog {
        entry: entry.clone(),
        repeated: false,
    })
}

async fn insert_entries(
    tx: &impl GenericClient,
    owner: &str,
    project: &str,
    entries: &[LogEntry],
    key: Option<&str>,
) -> Result<usize, StoreError> {
    let (project_id, started) = open_project(tx, owner, project)
        .await?
        .ok_or_else(|| StoreError::NoSuchProject(project.to_string()))?;
    for entry in entries {
        check_entry(entry, started, None).map_err(|e| StoreError::Invalid(e.to_string()))?;
    }
    let find = tx
        .prepare("SELECT id FROM project_item WHERE project_id = $1 AND item = $2")
        .await?;
    let insert = tx
        .prepare(
            "INSERT INTO time_entry (owner, project_item_id, day, hours, note, idempotency_key)
             VALUES ($1, $2, $3, $4, $5, $6)",
        )
        .await?;
    for entry in entries {
        let item_id: i64 = tx
            .query_opt(&find, &[&project_id, &entry.item])
            .await?
            .ok_or_else(|| StoreError::NoSuchItem {
                project: project.to_string(),
                item: entry.item.clone(),
            })?
            .try_get(0)?;
        tx.execute(
            &insert,
            &[
                &owner,
                &item_id,
                &PgDate(entry.day),
                &entry.hours,
                &entry.note,
                &key,
            ],
        )
        .await?;
    }
    Ok(entries.len())
}

pub(super) async fn status(
    c: &impl GenericClient,
    owner: &str,
    project: &str,
) -> Result<ProjectStatus, StoreError> {
    let (project_id, started) = open_project(c, owner, project)
        .await?
        .ok_or_else(|| StoreError::NoSuchProject(project.to_string()))?;
    let rows = c
        .query(
            "SELECT i.item, i.title, i.category, i.low, i.likely, i.high,
                    coalesce(sum(t.hours), 0), count(t.id), max(t.day),
                    EXISTS (SELECT 1 FROM change_request c WHERE c.project_item_id = i.id),
                    i.done
             FROM project_item i LEFT JOIN time_entry t ON t.project_item_id = i.id
             WHERE i.project_id = $1
             GROUP BY i.id ORDER BY i.id",
            &[&project_id],
        )
        .await?;
    let items = rows
        .iter()
        .map(|row| {
            Ok(ItemStatus {
                item: row.try_get(0)?,
                title: row.try_get(1)?,
                category: row.try_get(2)?,
                low: row.try_get(3)?,
                likely: row.try_get(4)?,
                high: row.try_get(5)?,
                logged: row.try_get(6)?,
                entries: row.try_get::<_, i64>(7)?.try_into().unwrap_or(0),
                last_logged: row.try_get::<_, Option<PgDate>>(8)?.map(|d| d.0),
                from_change: row.try_get(9)?,
                done: row.try_get::<_, Option<PgDate>>(10)?.map(|d| d.0),
            })
        })
        .collect::<Result<Vec<_>, StoreError>>()?;
    let rows = c
        .query(
            "SELECT title, category, low, likely, high, price, accepted, recorded
             FROM change_request WHERE project_id = $1 ORDER BY id",
            &[&project_id],
        )
        .await?;
    let changes = rows
        .iter()
        .map(|row| {
            Ok(ChangeRequest {
                title: row.try_get(0)?,
                category: row.try_get(1)?,
                low: row.try_get(2)?,
                likely: row.try_get(3)?,
                high: row.try_get(4)?,
                price: row.try_get(5)?,
                accepted: row.try_get(6)?,
                recorded: row.try_get::<_, PgDate>(7)?.0,
            })
        })
        .collect::<Result<Vec<_>, StoreError>>()?;
    Ok(ProjectStatus {
        name: project.to_string(),
        started,
        items,
        changes,
    })
}

pub(super) async fn done(
    tx: &impl GenericClient,
    owner: &str,
    project: &str,
    item: &str,
    day: Date,
) -> Result<(), StoreError> {
    let (project_id, started) = open_project(tx, owner, project)
        .await?
        .ok_or_else(|| StoreError::NoSuchProject(project.to_string()))?;
    if day < started {
        return Err(StoreError::Invalid(format!(
            "`{item}` cannot be done on {day}, before `{project}` started on {started}"
        )));
    }
    let changed = tx
        .execute(
            "UPDATE project_item SET done = $1 WHERE project_id = $2 AND item = $3",
            &[&PgDate(day), &project_id, &item],
        )
        .await?;
    if changed == 0 {
        return Err(StoreError::NoSuchItem {
            project: project.to_string(),
            item: item.to_string(),
        });
    }
    Ok(())
}

pub(super) async fn close(
    tx: &impl GenericClient,
    owner: &str,
    project: &str,
    closed: Date,
    unfinished: Unfinished,
) -> Result<CloseReport, StoreError> {
    let status = status(tx, owner, project).await?;
    let (mut report, moving) = plan_close(&status, closed, unfinished)?;
    let insert = tx.prepare(INSERT_TASK).await?;
    for (item, finished) in moving {
        let changed = tx
            .execute(
                &insert,
                &[
                    &owner,
                    &project,
                    &item.item,
                    &item.category,
                    &item.low,
                    &item.likely,
                    &item.high,
                    &item.logged,
                    &PgDate(finished),
                ],
            )
            .await?;
        if changed == 0 {
            report.already_in_history += 1;
        } else {
            report.moved += 1;
        }
    }
    tx.execute(
        "UPDATE project SET closed = $1 WHERE owner = $2 AND name = $3 AND closed IS NULL",
        &[&PgDate(closed), &owner, &project],
    )
    .await?;
    Ok(report)
}

pub(super) async fn record_change(
    tx: &impl GenericClient,
    owner: &str,
    project: &str,
    change: &ChangeRequest,
) -> Result<Option<String>, StoreError> {
    let (project_id, _) = open_project(tx, owner, project)
        .await?
        .ok_or_else(|| StoreError::NoSuchProject(project.to_string()))?;
    let mut item_id: Option<i64> = None;
    let mut item_name = None;
    if change.accepted {
        // The owner's write lock is held, so the ids read here stay as they are.
        let taken: HashSet<String> = tx
            .query(
                "SELECT item FROM project_item WHERE project_id = $1",
                &[&project_id],
            )
            .await?
            .iter()
            .map(|row| row.try_get(0))
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
        item_id = Some(insert_item(tx, owner, project_id, &item).await?);
        item_name = Some(name);
    }
    tx.execute(
        "INSERT INTO change_request
             (owner, project_id, title, category, low, likely, high, price, accepted, recorded,
              project_item_id)
         VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11)",
        &[
            &owner,
            &project_id,
            &change.title,
            &change.category,
            &change.low,
            &change.likely,
            &change.high,
            &change.price,
            &change.accepted,
            &PgDate(change.recorded),
            &item_id,
        ],
    )
    .await?;
    Ok(item_name)
}

pub(super) async fn open_projects(
    c: &impl GenericClient,
    owner: &str,
) -> Result<Vec<String>, StoreError> {
    c.query(
        "SELECT name FROM project WHERE owner = $1 AND closed IS NULL ORDER BY id",
        &[&owner],
    )
    .await?
    .iter()
    .map(|row| Ok(row.try_get(0)?))
    .collect()
}

pub(super) async fn record_offer(
    tx: &impl GenericClient,
    owner: &str,
    offer: &AcceptedOffer,
) -> Result<(), StoreError> {
    let id: Option<i64> = tx
        .query_opt(
            "INSERT INTO accepted_offer (owner, number, brief, option, total, delivery, accepted)
             VALUES ($1, $2, $3, $4, $5, $6, $7)
             ON CONFLICT (owner, number) DO NOTHING
             RETURNING id",
            &[
                &owner,
                &offer.number,
                &offer.brief,
                &offer.option,
                &offer.total,
                &PgDate(offer.delivery),
                &PgDate(offer.accepted),
            ],
        )
        .await?
        .map(|row| row.try_get(0))
        .transpose()?;
    let Some(id) = id else {
        return Err(StoreError::OfferExists(offer.number.clone()));
    };
    let insert = tx
        .prepare(
            "INSERT INTO accepted_offer_item (owner, offer_id, position, item, price)
             VALUES ($1, $2, $3, $4, $5)",
        )
        .await?;
    for (position, item) in offer.items.iter().enumerate() {
        let position = i32::try_from(position)
            .map_err(|_| StoreError::Invalid("an offer with too many items".into()))?;
        tx.execute(&insert, &[&owner, &id, &position, &item.item, &item.price])
            .await?;
    }
    Ok(())
}

pub(super) async fn offers(
    c: &impl GenericClient,
    owner: &str,
    number: Option<&str>,
) -> Result<Vec<AcceptedOffer>, StoreError> {
    let rows = c
        .query(
            "SELECT id, number, brief, option, total, delivery, accepted FROM accepted_offer
             WHERE owner = $1 AND ($2::text IS NULL OR number = $2) ORDER BY id",
            &[&owner, &number],
        )
        .await?;
    let items = c
        .prepare(
            "SELECT item, price FROM accepted_offer_item WHERE offer_id = $1 ORDER BY position",
        )
        .await?;
    let mut out = Vec::with_capacity(rows.len());
    for row in rows {
        let id: i64 = row.try_get(0)?;
        let items = c
            .query(&items, &[&id])
            .await?
            .iter()
            .map(offer_item)
            .collect::<Result<_, StoreError>>()?;
        out.push(AcceptedOffer {
            number: row.try_get(1)?,
            brief: row.try_get(2)?,
            option: row.try_get(3)?,
            items,
            total: row.try_get(4)?,
            delivery: row.try_get::<_, PgDate>(5)?.0,
            accepted: row.try_get::<_, PgDate>(6)?.0,
        });
    }
    Ok(out)
}

/// The open project of that name: its row id and start.
async fn open_project(
    c: &impl GenericClient,
    owner: &str,
    project: &str,
) -> Result<Option<(i64, Date)>, StoreError> {
    c.query_opt(
        "SELECT id, started FROM project WHERE owner = $1 AND name = $2 AND closed IS NULL",
        &[&owner, &project],
    )
    .await?
    .map(|row| Ok((row.try_get(0)?, row.try_get::<_, PgDate>(1)?.0)))
    .transpose()
}

async fn insert_item(
    tx: &impl GenericClient,
    owner: &str,
    project_id: i64,
    item: &TrackedItem,
) -> Result<i64, StoreError> {
    let row = tx
        .query_one(
            "INSERT INTO project_item (owner, project_id, item, title, category, low, likely, high)
             VALUES ($1, $2, $3, $4, $5, $6, $7, $8) RETURNING id",
            &[
                &owner,
                &project_id,
                &item.item,
                &item.title,
                &item.category,
                &item.low,
                &item.likely,
                &item.high,
            ],
        )
        .await?;
    Ok(row.try_get(0)?)
}
