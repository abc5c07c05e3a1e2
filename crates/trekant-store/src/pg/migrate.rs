//! PostgreSQL schema migrations: the `.sql` files in `migrations/postgres/`, applied in order,
//! each recorded in `schema_migrations` (version, name, when).
//!
//! Migrating runs as ONE transaction that first takes an advisory lock
//! (`pg_advisory_xact_lock`), and only then reads which migrations are applied: two processes
//! starting at once take turns, the second finds the work done, and no migration runs twice.
//! The lock is a transaction's, so a process that dies while holding it frees it with its
//! connection, and a failing migration leaves the schema as it was (PostgreSQL's DDL is
//! transactional).

use tokio_postgres::{Client, GenericClient};

use crate::StoreError;

/// Every migration in order; a migration's version is its position, from 1.
/// Append only: a released migration is never edited.
pub(crate) const MIGRATIONS: &[(&str, &str)] = &[
    (
        "0001_store",
        include_str!("../../migrations/postgres/0001_store.sql"),
    ),
    (
        "0002_people",
        include_str!("../../migrations/postgres/0002_people.sql"),
    ),
    (
        "0003_briefs",
        include_str!("../../migrations/postgres/0003_briefs.sql"),
    ),
    (
        "0004_shares",
        include_str!("../../migrations/postgres/0004_shares.sql"),
    ),
    (
        "0005_logins",
        include_str!("../../migrations/postgres/0005_logins.sql"),
    ),
    (
        "0006_log_keys",
        include_str!("../../migrations/postgres/0006_log_keys.sql"),
    ),
];

/// The advisory lock migrations run under ("trekant" in ASCII).
const MIGRATION_LOCK: i64 = 0x0074_7265_6b61_6e74;

/// What a migration run did.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Migrated {
    /// The names of the migrations this run applied, in order (empty when it was up to date).
    pub applied: Vec<String>,
    /// The schema version the database is at now.
    pub version: u32,
}

/// The number of migrations applied (0 for an empty database).
pub(crate) async fn version(c: &impl GenericClient) -> Result<u32, StoreError> {
    let exists: bool = c
        .query_one("SELECT to_regclass('schema_migrations') IS NOT NULL", &[])
        .await?
        .try_get(0)?;
    if !exists {
        return Ok(0);
    }
    let version: Option<i32> = c
        .query_one("SELECT max(version) FROM schema_migrations", &[])
        .await?
        .try_get(0)?;
    Ok(version.map_or(0, |v| u32::try_from(v).unwrap_or(0)))
}

/// Brings the schema up to the first `upto` migrations (tests build old databases with it).
pub(crate) async fn migrate(client: &mut Client, upto: usize) -> Result<Migrated, StoreError> {
    let known = MIGRATIONS.len() as u32;
    let current = version(client).await?;
    if current > known {
        return Err(StoreError::TooNew {
            found: current,
            known,
        });
    }
    // Most starts find the schema current: one read decides it without taking the lock.
    if current as usize >= upto {
        return Ok(Migrated {
            applied: Vec::new(),
            version: current,
        });
    }
    let tx = client.transaction().await?;
    tx.execute("SELECT pg_advisory_xact_lock($1)", &[&MIGRATION_LOCK])
        .await?;
    tx.batch_execute(
        "CREATE TABLE IF NOT EXISTS schema_migrations (
             version INTEGER PRIMARY KEY,
             name    TEXT NOT NULL,
             applied TIMESTAMPTZ NOT NULL DEFAULT now()
         )",
    )
    .await?;
    let current = version(&tx).await?;
    if current > known {
        return Err(StoreError::TooNew {
            found: current,
            known,
        });
    }
    let mut applied = Vec::new();
    for (index, (name, sql)) in MIGRATIONS
        .iter()
        .enumerate()
        .take(upto)
        .skip(current as usize)
    {
        tx.batch_execute(sql)
            .await
            .map_err(|e| StoreError::Migration {
                name: (*name).to_string(),
                error: super::super::error::pg_text(&e),
            })?;
        let version = i32::try_from(index + 1).unwrap_or(i32::MAX);
        tx.execute(
            "INSERT INTO schema_migrations (version, name) VALUES ($1, $2)",
            &[&version, name],
        )
        .await?;
        applied.push((*name).to_string());
    }
    let version = version(&tx).await?;
    tx.commit().await?;
    Ok(Migrated { applied, version })
}
