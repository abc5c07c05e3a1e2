//! Schema migrations: the `.sql` files in `migrations/`, applied in order, each in its own
//! transaction together with the bump of `PRAGMA user_version`, so a migration is either
//! wholly applied or not at all.

use rusqlite::Connection;

use crate::StoreError;

/// Every migration in order; the database's `user_version` counts how many are applied.
/// Append only: a released migration is never edited.
const MIGRATIONS: &[(&str, &str)] = &[
    (
        "0001_history",
        include_str!("../migrations/0001_history.sql"),
    ),
    (
        "0002_tracking",
        include_str!("../migrations/0002_tracking.sql"),
    ),
];

pub(crate) fn migrate(conn: &mut Connection) -> Result<(), StoreError> {
    let version: u32 = conn.query_row("PRAGMA user_version", [], |row| row.get(0))?;
    let known = MIGRATIONS.len() as u32;
    if version > known {
        return Err(StoreError::TooNew {
            found: version,
            known,
        });
    }
    for (index, (_name, sql)) in MIGRATIONS.iter().enumerate().skip(version as usize) {
        let tx = conn.transaction()?;
        tx.execute_batch(sql)?;
        tx.pragma_update(None, "user_version", index as u32 + 1)?;
        tx.commit()?;
    }
    Ok(())
}
