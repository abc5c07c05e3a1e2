//! The SQLite store: one file (or a private in-memory database), one connection, rows of one
//! owner.

use std::path::Path;
use std::time::Duration;

use jiff::civil::Date;
use rusqlite::{Connection, TransactionBehavior};
use trekant_core::history::{ParsedHistory, Record};
use trekant_core::tracking::{
    AcceptedOffer, ChangeRequest, CloseReport, ImportReport, LOCAL_OWNER, LogEntry, ProjectStatus,
    TrackedItem, Unfinished,
};

use crate::error::BUSY_SECONDS;
use crate::{KeyedLog, Store, StoreError, history, migrate, tracking};

/// A trekant database in SQLite, seen as one owner's.
pub struct SqliteStore {
    conn: Connection,
    owner: String,
    /// How long a write waits for another writer.
    busy: Duration,
}

impl std::fmt::Debug for SqliteStore {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("SqliteStore")
            .field("path", &self.conn.path())
            .field("owner", &self.owner)
            .finish()
    }
}

impl SqliteStore {
    /// Open (creating it and its folder if need be) the database at `path` as the local
    /// user's, and bring its schema up to date.
    pub fn open(path: &Path) -> Result<Self, StoreError> {
        Self::open_as(path, LOCAL_OWNER)
    }

    /// [`SqliteStore::open`] for the rows of `owner`.
    pub fn open_as(path: &Path, owner: &str) -> Result<Self, StoreError> {
        // SQLite answers some lock conflicts while a new file turns to WAL or is first read
        // with SQLITE_BUSY at once, without waiting in the busy handler (seen with eight
        // connections creating one database together). Opening has nothing to undo, so it
        // is tried again, with a short pause, until the same bound a write waits.
        let started = std::time::Instant::now();
        let mut pause = Duration::from_millis(5);
        loop {
            match Self::try_open_as(path, owner) {
                Err(StoreError::Busy { .. })
                    if started.elapsed() < Duration::from_secs(BUSY_SECONDS) =>
                {
                    std::thread::sleep(pause);
                    pause = (pause * 2).min(Duration::from_millis(100));
                }
                Err(StoreError::Busy { .. }) => {
                    return Err(StoreError::Busy {
                        seconds: BUSY_SECONDS,
                    });
                }
                other => return other,
            }
        }
    }

    fn try_open_as(path: &Path, owner: &str) -> Result<Self, StoreError> {
        if let Some(dir) = path.parent().filter(|d| !d.as_os_str().is_empty()) {
            std::fs::create_dir_all(dir).map_err(|source| StoreError::CreateDir {
                path: dir.to_path_buf(),
                source,
            })?;
        }
        let conn = Connection::open(path)?;
        // Wait for another writer before anything else, so even switching a new file to WAL
        // takes its turn.
        conn.busy_timeout(Duration::from_secs(BUSY_SECONDS))?;
        // WAL: readers never block the writer, and a killed writer leaves only an
        // uncommitted tail that the next open discards. FULL sync makes each commit durable
        // even across a power cut, which costs little for a CLI that commits a few times.
        conn.pragma_update(None, "journal_mode", "WAL")?;
        Self::setup(conn, owner)
    }

    /// A private in-memory database, for tests and dry runs.
    pub fn in_memory() -> Result<Self, StoreError> {
        Self::setup(Connection::open_in_memory()?, LOCAL_OWNER)
    }

    fn setup(mut conn: Connection, owner: &str) -> Result<Self, StoreError> {
        if owner.trim().is_empty() {
            return Err(StoreError::Invalid("the store needs an owner".into()));
        }
        conn.busy_timeout(Duration::from_secs(BUSY_SECONDS))?;
        conn.pragma_update(None, "synchronous", "FULL")?;
        conn.pragma_update(None, "foreign_keys", "ON")?;
        migrate::migrate(&mut conn)?;
        Ok(Self {
            conn,
            owner: owner.to_string(),
            busy: Duration::from_secs(BUSY_SECONDS),
        })
    }

    /// Waits up to `wait` (instead of ten seconds) for another writer before a write gives
    /// up with [`StoreError::Busy`].
    pub fn with_busy_timeout(mut self, wait: Duration) -> Result<Self, StoreError> {
        self.conn.busy_timeout(wait)?;
        self.busy = wait;
        Ok(self)
    }

    /// The schema version the database is at (the number of migrations applied). SQLite's
    /// own bookkeeping, not part of the [`Store`] contract.
    pub fn schema_version(&self) -> Result<u32, StoreError> {
        Ok(self
            .conn
            .query_row("PRAGMA user_version", [], |row| row.get(0))?)
    }

    /// A write transaction that holds the write lock from its start (`BEGIN IMMEDIATE`):
    /// what it reads cannot change before it commits, and a second writer waits its turn
    /// (up to the busy timeout) instead of failing when it upgrades a read.
    fn write(&mut self) -> Result<rusqlite::Transaction<'_>, StoreError> {
        let seconds = self.busy.as_secs() + u64::from(self.busy.subsec_nanos() > 0);
        self.conn
            .transaction_with_behavior(TransactionBehavior::Immediate)
            .map_err(|e| match StoreError::from(e) {
                StoreError::Busy { .. } => StoreError::Busy { seconds },
                other => other,
            })
    }
}

impl Store for SqliteStore {
    fn owner(&self) -> &str {
        &self.owner
    }

    fn import_history_with_progress(
        &mut self,
        parsed: &ParsedHistory,
        skip_bad: bool,
        progress: &mut dyn FnMut(usize),
    ) -> Result<ImportReport, StoreError> {
        if !parsed.errors.is_empty() && !skip_bad {
            return Err(StoreError::BadRows(parsed.errors.clone()));
        }
        let owner = self.owner.clone();
        let tx = self.write()?;
        let report = history::import(&tx, &owner, parsed, progress)?;
        tx.commit()?;
        Ok(report)
    }

    fn export_history(&self) -> Result<Vec<Record>, StoreError> {
        history::export(&self.conn, &self.owner)
    }

    fn history_len(&self) -> Result<usize, StoreError> {
        history::len(&self.conn, &self.owner)
    }

    fn export_team_history(&self) -> Result<Vec<(String, Record)>, StoreError> {
        history::export_all(&self.conn)
    }

    fn track_start(
        &mut self,
        project: &str,
        items: &[TrackedItem],
        started: Date,
    ) -> Result<(), StoreError> {
        tracking::check_scope(project, items)?;
        let owner = self.owner.clone();
        let tx = self.write()?;
        tracking::start(&tx, &owner, project, items, started)?;
        tx.commit()?;
        Ok(())
    }

    fn track_log_many(&mut self, project: &str, entries: &[LogEntry]) -> Result<usize, StoreError> {
        let owner = self.owner.clone();
        let tx = self.write()?;
        let n = tracking::log(&tx, &owner, project, entries)?;
        tx.commit()?;
        Ok(n)
    }

    fn track_log_keyed(
        &mut self,
        project: &str,
        entry: &LogEntry,
        key: &str,
    ) -> Result<KeyedLog, StoreError> {
        let owner = self.owner.clone();
        let tx = self.write()?;
        let logged = tracking::log_keyed(&tx, &owner, project, entry, key)?;
        tx.commit()?;
        Ok(logged)
    }

    fn track_status(&self, project: &str) -> Result<ProjectStatus, StoreError> {
        tracking::status(&self.conn, &self.owner, project)
    }

    fn track_done(&mut self, project: &str, item: &str, day: Date) -> Result<(), StoreError> {
        let owner = self.owner.clone();
        let tx = self.write()?;
        tracking::done(&tx, &owner, project, item, day)?;
        tx.commit()?;
        Ok(())
    }

    fn track_close_unfinished(
        &mut self,
        project: &str,
        closed: Date,
        unfinished: Unfinished,
    ) -> Result<CloseReport, StoreError> {
        let owner = self.owner.clone();
        let tx = self.write()?;
        let report = tracking::close(&tx, &owner, project, closed, unfinished)?;
        tx.commit()?;
        Ok(report)
    }

    fn record_change(
        &mut self,
        project: &str,
        change: &ChangeRequest,
    ) -> Result<Option<String>, StoreError> {
        tracking::check_change(change)?;
        let owner = self.owner.clone();
        let tx = self.write()?;
        let item = tracking::record_change(&tx, &owner, project, change)?;
        tx.commit()?;
        Ok(item)
    }

    fn open_projects(&self) -> Result<Vec<String>, StoreError> {
        tracking::open_projects(&self.conn, &self.owner)
    }

    fn record_offer(&mut self, offer: &AcceptedOffer) -> Result<(), StoreError> {
        tracking::check_offer(offer)?;
        let owner = self.owner.clone();
        let tx = self.write()?;
        tracking::record_offer(&tx, &owner, offer)?;
        tx.commit()?;
        Ok(())
    }

    fn offers(&self) -> Result<Vec<AcceptedOffer>, StoreError> {
        tracking::offers(&self.conn, &self.owner, None)
    }

    fn offer(&self, number: &str) -> Result<Option<AcceptedOffer>, StoreError> {
        Ok(tracking::offers(&self.conn, &self.owner, Some(number))?
            .into_iter()
            .next())
    }
}
