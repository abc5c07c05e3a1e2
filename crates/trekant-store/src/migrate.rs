//! Schema migrations: the `.sql` files in `migrations/`, applied in order in ONE immediate
//! transaction together with the bump of `PRAGMA user_version`. The version is read inside
//! that transaction, so several processes opening a new database at once take turns: the
//! first migrates, the others find it done.

use rusqlite::{Connection, TransactionBehavior};

use crate::StoreError;

/// Every migration in order; the database's `user_version` counts how many are applied.
/// Append only: a released migration is never edited.
pub(crate) const MIGRATIONS: &[(&str, &str)] = &[
    (
        "0001_history",
        include_str!("../migrations/0001_history.sql"),
    ),
    (
        "0002_tracking",
        include_str!("../migrations/0002_tracking.sql"),
    ),
    (
        "0003_owner_and_offers",
        include_str!("../migrations/0003_owner_and_offers.sql"),
    ),
    ("0004_done", include_str!("../migrations/0004_done.sql")),
    (
        "0005_log_keys",
        include_str!("../migrations/0005_log_keys.sql"),
    ),
];

fn version(conn: &Connection) -> Result<u32, StoreError> {
    Ok(conn.query_row("PRAGMA user_version", [], |row| row.get(0))?)
}

pub(crate) fn migrate(conn: &mut Connection) -> Result<(), StoreError> {
    migrate_to(conn, MIGRATIONS.len())
}

/// Applies the first `upto` migrations (tests build old databases with it).
pub(crate) fn migrate_to(conn: &mut Connection, upto: usize) -> Result<(), StoreError> {
    let known = MIGRATIONS.len() as u32;
    // Most opens find the schema current: a plain read decides that without taking the
    // write lock.
    let current = version(conn)?;
    if current > known {
        return Err(StoreError::TooNew {
            found: current,
            known,
        });
    }
    if current as usize >= upto {
        return Ok(());
    }
    let tx = conn.transaction_with_behavior(TransactionBehavior::Immediate)?;
    let current = version(&tx)?;
    if current > known {
        return Err(StoreError::TooNew {
            found: current,
            known,
        });
    }
    for (index, (_name, sql)) in MIGRATIONS
        .iter()
        .enumerate()
        .take(upto)
        .skip(current as usize)
    {
        tx.execute_batch(sql)?;
        tx.pragma_update(None, "user_version", index as u32 + 1)?;
    }
    tx.commit()?;
    Ok(())
}
