//! trekant's storage: the provider's history of estimates against actuals, the projects being
//! tracked, their change requests and the offers accepted — behind one [`Store`] trait, with
//! SQLite ([`SqliteStore`]) as the first implementation.
//!
//! The trait speaks only in the domain's values (`trekant_core::history` and
//! `trekant_core::tracking`): dates are dates, every row belongs to an owner (a user id;
//! [`LOCAL_OWNER`] for the CLI), and nothing of SQLite (row ids, `PRAGMA user_version`) is
//! part of its contract, so a PostgreSQL store for a team server fits behind it and passes
//! the same test suite (`tests/suite.rs`).
//!
//! SQLite through `rusqlite`: a CLI that runs for milliseconds needs no async runtime, and a
//! bulk import through one prepared statement in one transaction is fast. Every write is one
//! immediate transaction (it takes the write lock before it reads, so concurrent writers wait
//! their turn instead of failing), and the database runs in WAL mode with full sync, so a
//! command killed at any point loses nothing already committed and leaves the file readable.
//! Migrations are plain `.sql` files in `migrations/`, applied in order.
//!
//! PostgreSQL ([`PgStore`], `tokio-postgres` with a `deadpool-postgres` pool) for a team
//! server: many `trekant serve` processes on one database, the people who log in
//! ([`User`]) and the team's briefs with their versions ([`BriefVersion`]). Its migrations are
//! in `migrations/postgres/`. [`open`] takes what `--db` says — a file path or a
//! `postgres://` URL — and gives the right one.

mod error;
mod etag;
mod history;
mod migrate;
mod open;
mod path;
mod pg;
mod sqlite;
mod tracking;

use jiff::civil::Date;
use trekant_core::history::{ParsedHistory, Record};

pub use error::StoreError;
pub use etag::{MAX_BRIEF_BYTES, etag_of, etags_match, is_brief_name};
pub use open::{is_postgres_url, open, open_as};
pub use path::{db_path_from, default_db_path};
pub use pg::shares::{ClientYes, NewShare, Share, ShareAccept};
pub use pg::users::{MIN_PASSWORD_CHARS, generate_password, hash_password};
pub use pg::{
    BriefImport, BriefSummary, BriefText, BriefVersion, HistoryStamp, LoginAttempt, LoginLimits,
    Migrated, NewUser, PgOptions, PgStore, Removal, Role, Saved, User,
};
pub use sqlite::SqliteStore;
pub use tracking::MAX_KEY_CHARS;
pub use trekant_core::tracking::{
    AcceptedOffer, ChangeRequest, CloseReport, ImportReport, ItemStatus, LOCAL_OWNER, LogEntry,
    OfferItem, ProjectStatus, TrackedItem, Unfinished,
};

/// What [`Store::track_log_keyed`] did: the entry as logged under the key, and whether it
/// was logged before (a retry), so that nothing was logged now.
#[derive(Clone, Debug, PartialEq)]
pub struct KeyedLog {
    pub entry: LogEntry,
    pub repeated: bool,
}

/// Where trekant keeps its data, for one owner: every method reads and writes only the rows
/// of [`Store::owner`], except [`Store::export_team_history`], which reads everyone's
/// history. Each writing method is one transaction: all of it or none of it.
///
/// Object safe and `Send`, so a web server can hold a `Box<dyn Store>` per request.
pub trait Store: Send {
    /// The user whose rows this store reads and writes.
    fn owner(&self) -> &str;

    /// Import a parsed history file as ONE transaction: all of it or, if anything fails or
    /// the process dies halfway, none of it. A file with bad rows imports nothing unless
    /// `skip_bad`. Tasks already in the history are left alone, so importing the same file
    /// twice adds nothing the second time. `progress` is called with the number of rows
    /// written so far every thousand rows (from inside the transaction).
    fn import_history_with_progress(
        &mut self,
        parsed: &ParsedHistory,
        skip_bad: bool,
        progress: &mut dyn FnMut(usize),
    ) -> Result<ImportReport, StoreError>;

    /// [`Store::import_history_with_progress`] without progress.
    fn import_history(
        &mut self,
        parsed: &ParsedHistory,
        skip_bad: bool,
    ) -> Result<ImportReport, StoreError> {
        self.import_history_with_progress(parsed, skip_bad, &mut |_| {})
    }

    /// Every task in the history, oldest first.
    fn export_history(&self) -> Result<Vec<Record>, StoreError>;

    /// How many tasks the history holds.
    fn history_len(&self) -> Result<usize, StoreError>;

    /// Every owner's tasks, oldest first, each with its owner: the team's history that a
    /// person's calibration is shrunk toward (`trekant_core::history::person`). The one read
    /// that crosses owners, and it reads only the history. A store that holds one owner may
    /// keep this default: the owner's own tasks.
    fn export_team_history(&self) -> Result<Vec<(String, Record)>, StoreError> {
        let owner = self.owner().to_string();
        Ok(self
            .export_history()?
            .into_iter()
            .map(|r| (owner.clone(), r))
            .collect())
    }

    /// Start tracking a project with its accepted scope. A name can be tracked again only
    /// once the earlier project of that name is closed.
    fn track_start(
        &mut self,
        project: &str,
        items: &[TrackedItem],
        started: Date,
    ) -> Result<(), StoreError>;

    /// Log many entries (a time-tracker export) as one transaction: all or none. Each entry
    /// follows [`trekant_core::tracking::check_entry`] (the project's start; today is the
    /// caller's to check).
    fn track_log_many(&mut self, project: &str, entries: &[LogEntry]) -> Result<usize, StoreError>;

    /// Log one entry under an idempotency key, in one transaction with the key: a client that
    /// lost the answer to a log (its server died after the commit) sends it again with the
    /// same key, and nothing is logged twice. Keys are unique per owner. A key seen before
    /// for the same entry (project, item, hours, day, note) logs nothing and gives the entry
    /// as first logged, `repeated`; for a different entry it is [`StoreError::KeyReused`].
    /// The checks are [`Store::track_log_many`]'s.
    fn track_log_keyed(
        &mut self,
        project: &str,
        entry: &LogEntry,
        key: &str,
    ) -> Result<KeyedLog, StoreError>;

    /// Log hours worked on one item of an open project.
    fn track_log(
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

    /// The hours used per item of an open project, and its change requests.
    fn track_status(&self, project: &str) -> Result<ProjectStatus, StoreError>;

    /// Mark an item of an open project finished on `day` (again: the new day replaces the
    /// old). The day may not be before the project started; today is the caller's to check.
    fn track_done(&mut self, project: &str, item: &str, day: Date) -> Result<(), StoreError>;

    /// Close a project: every finished item with hours logged goes into the history (actual =
    /// the hours logged, finished = the day it was marked done), all in one transaction that
    /// also reads what it moves. While items are unfinished it refuses with
    /// [`StoreError::Unfinished`], closing nothing, unless `unfinished` says to drop them or to
    /// record them as finished on the closing day.
    fn track_close_unfinished(
        &mut self,
        project: &str,
        closed: Date,
        unfinished: Unfinished,
    ) -> Result<CloseReport, StoreError>;

    /// [`Store::track_close_unfinished`] that refuses while items are unfinished.
    fn track_close(&mut self, project: &str, closed: Date) -> Result<CloseReport, StoreError> {
        self.track_close_unfinished(project, closed, Unfinished::Refuse)
    }

    /// Record a change request against an open project. An accepted change also becomes an
    /// item of the project, named by [`trekant_core::tracking::change_item_id`] so it never
    /// takes an existing item's id; its id is returned.
    fn record_change(
        &mut self,
        project: &str,
        change: &ChangeRequest,
    ) -> Result<Option<String>, StoreError>;

    /// The names of the projects being tracked, oldest first.
    fn open_projects(&self) -> Result<Vec<String>, StoreError>;

    /// Record an offer the client accepted. Its number must be new for the owner.
    fn record_offer(&mut self, offer: &AcceptedOffer) -> Result<(), StoreError>;

    /// Every accepted offer, in the order they were recorded.
    fn offers(&self) -> Result<Vec<AcceptedOffer>, StoreError>;

    /// The accepted offer with this number, if any.
    fn offer(&self, number: &str) -> Result<Option<AcceptedOffer>, StoreError>;
}

/// A boxed store is a store ([`open`] gives one), so code generic over [`Store`] takes it.
impl<S: Store + ?Sized> Store for Box<S> {
    fn owner(&self) -> &str {
        (**self).owner()
    }

    fn import_history_with_progress(
        &mut self,
        parsed: &ParsedHistory,
        skip_bad: bool,
        progress: &mut dyn FnMut(usize),
    ) -> Result<ImportReport, StoreError> {
        (**self).import_history_with_progress(parsed, skip_bad, progress)
    }

    fn export_history(&self) -> Result<Vec<Record>, StoreError> {
        (**self).export_history()
    }

    fn export_team_history(&self) -> Result<Vec<(String, Record)>, StoreError> {
        (**self).export_team_history()
    }

    fn history_len(&self) -> Result<usize, StoreError> {
        (**self).history_len()
    }

    fn track_start(
        &mut self,
        project: &str,
        items: &[TrackedItem],
        started: Date,
    ) -> Result<(), StoreError> {
        (**self).track_start(project, items, started)
    }

    fn track_log_many(&mut self, project: &str, entries: &[LogEntry]) -> Result<usize, StoreError> {
        (**self).track_log_many(project, entries)
    }

    fn track_log_keyed(
        &mut self,
        project: &str,
        entry: &LogEntry,
        key: &str,
    ) -> Result<KeyedLog, StoreError> {
        (**self).track_log_keyed(project, entry, key)
    }

    fn track_status(&self, project: &str) -> Result<ProjectStatus, StoreError> {
        (**self).track_status(project)
    }

    fn track_done(&mut self, project: &str, item: &str, day: Date) -> Result<(), StoreError> {
        (**self).track_done(project, item, day)
    }

    fn track_close_unfinished(
        &mut self,
        project: &str,
        closed: Date,
        unfinished: Unfinished,
    ) -> Result<CloseReport, StoreError> {
        (**self).track_close_unfinished(project, closed, unfinished)
    }

    fn record_change(
        &mut self,
        project: &str,
        change: &ChangeRequest,
    ) -> Result<Option<String>, StoreError> {
        (**self).record_change(project, change)
    }

    fn open_projects(&self) -> Result<Vec<String>, StoreError> {
        (**self).open_projects()
    }

    fn record_offer(&mut self, offer: &AcceptedOffer) -> Result<(), StoreError> {
        (**self).record_offer(offer)
    }

    fn offers(&self) -> Result<Vec<AcceptedOffer>, StoreError> {
        (**self).offers()
    }

    fn offer(&self, number: &str) -> Result<Option<AcceptedOffer>, StoreError> {
        (**self).offer(number)
    }
}
