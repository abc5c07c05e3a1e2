//! trekant's storage: the provider's history of estimates against actuals, the projects being
//! tracked and their change requests, in one SQLite file.
//!
//! SQLite through `rusqlite`: a CLI that runs for milliseconds needs no async runtime, and a
//! bulk import through one prepared statement in one transaction is fast. Every write is one
//! transaction, and the database runs in WAL mode with full sync, so a command killed at any
//! point loses nothing already committed and leaves the file readable. Migrations are plain
//! `.sql` files in `migrations/`, applied in order and counted in `PRAGMA user_version`.

mod error;
mod history;
mod migrate;
mod path;
mod tracking;

use std::path::Path;

use rusqlite::Connection;

pub use error::StoreError;
pub use history::ImportReport;
pub use path::{db_path_from, default_db_path};
pub use tracking::{ChangeRequest, CloseReport, ItemStatus, LogEntry, ProjectStatus, TrackedItem};

/// An open trekant database.
pub struct Store {
    conn: Connection,
}

impl std::fmt::Debug for Store {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("Store")
            .field("path", &self.conn.path())
            .finish()
    }
}

impl Store {
    /// Open (creating it and its folder if need be) the database at `path`, and bring its
    /// schema up to date.
    pub fn open(path: &Path) -> Result<Self, StoreError> {
        if let Some(dir) = path.parent().filter(|d| !d.as_os_str().is_empty()) {
            std::fs::create_dir_all(dir).map_err(|source| StoreError::CreateDir {
                path: dir.to_path_buf(),
                source,
            })?;
        }
        let conn = Connection::open(path)?;
        // WAL: readers never block the writer, and a killed writer leaves only an
        // uncommitted tail that the next open discards. FULL sync makes each commit durable
        // even across a power cut, which costs little for a CLI that commits a few times.
        conn.pragma_update(None, "journal_mode", "WAL")?;
        Self::setup(conn)
    }

    /// A private in-memory database, for tests and dry runs.
    pub fn in_memory() -> Result<Self, StoreError> {
        Self::setup(Connection::open_in_memory()?)
    }

    fn setup(mut conn: Connection) -> Result<Self, StoreError> {
        conn.pragma_update(None, "synchronous", "FULL")?;
        conn.pragma_update(None, "foreign_keys", "ON")?;
        // Another trekant writing at the same moment waits briefly instead of failing.
        conn.busy_timeout(std::time::Duration::from_secs(5))?;
        migrate::migrate(&mut conn)?;
        Ok(Self { conn })
    }

    /// The schema version the database is at (the number of migrations applied).
    pub fn schema_version(&self) -> Result<u32, StoreError> {
        Ok(self
            .conn
            .query_row("PRAGMA user_version", [], |row| row.get(0))?)
    }
}
