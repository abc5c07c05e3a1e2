//! One way in for every command: what `--db` says, a file path or a PostgreSQL URL, opened
//! as the right store.

use std::path::Path;

use crate::{LOCAL_OWNER, PgStore, SqliteStore, Store, StoreError};

/// Whether `db` is a PostgreSQL URL (`postgres://…` or `postgresql://…`) rather than the
/// path of an SQLite file.
pub fn is_postgres_url(db: &str) -> bool {
    let lower = db.trim_start().to_ascii_lowercase();
    lower.starts_with("postgres://") || lower.starts_with("postgresql://")
}

/// Opens the store `db` names, as the local user's ([`LOCAL_OWNER`]): a `postgres://` or
/// `postgresql://` URL connects to PostgreSQL ([`PgStore::connect`]); anything else is the
/// path of an SQLite file, created with its folder if need be ([`SqliteStore::open`]). Either
/// way the schema is brought up to date.
///
/// A PostgreSQL store blocks the calling thread on its own runtime: inside a tokio program,
/// call it (and the store it gives) from `tokio::task::spawn_blocking`.
pub fn open(db: &str) -> Result<Box<dyn Store>, StoreError> {
    open_as(db, LOCAL_OWNER)
}

/// [`open`] for the rows of `owner`.
pub fn open_as(db: &str, owner: &str) -> Result<Box<dyn Store>, StoreError> {
    if is_postgres_url(db) {
        let options = crate::PgOptions::default();
        Ok(Box::new(PgStore::connect_with(db.trim(), owner, &options)?))
    } else {
        Ok(Box::new(SqliteStore::open_as(Path::new(db), owner)?))
    }
}
