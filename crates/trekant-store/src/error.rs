//! What can go wrong with the store, as one error type for its callers to report.

use std::path::PathBuf;

use trekant_core::history::RowError;

#[derive(Debug, thiserror::Error)]
pub enum StoreError {
    #[error(
        "{} bad row(s), so nothing was imported (skip them with --skip-bad):\n{}",
        .0.len(),
        .0.iter().map(|e| format!("  {e}")).collect::<Vec<_>>().join("\n")
    )]
    BadRows(Vec<RowError>),
    #[error("no open project named `{0}`")]
    NoSuchProject(String),
    #[error("a project named `{0}` is already being tracked; close it first")]
    ProjectOpen(String),
    #[error("project `{project}` has no item `{item}`")]
    NoSuchItem { project: String, item: String },
    #[error("`{project}` has unfinished items: {}; mark them done, or say what to do with them", .items.join(", "))]
    Unfinished { project: String, items: Vec<String> },
    #[error("an offer numbered `{0}` is already recorded")]
    OfferExists(String),
    #[error("{0}")]
    Invalid(String),
    /// Another writer held the database for the whole wait; nothing was written.
    #[error(
        "the database was busy for {seconds} s (another trekant is writing to it); nothing was written, try again"
    )]
    Busy { seconds: u64 },
    #[error(
        "the database is at schema version {found}, newer than this trekant knows ({known}); upgrade trekant"
    )]
    TooNew { found: u32, known: u32 },
    #[error("the database holds a date that cannot be read: `{0}`")]
    BadDate(String),
    #[error("cannot create the folder {path}: {source}")]
    CreateDir {
        path: PathBuf,
        source: std::io::Error,
    },
    #[error("database error: {0}")]
    Sqlite(rusqlite::Error),
}

/// How long a SQLite writer waits for another to finish before giving up with
/// [`StoreError::Busy`].
pub(crate) const BUSY_SECONDS: u64 = 10;

impl From<rusqlite::Error> for StoreError {
    fn from(error: rusqlite::Error) -> Self {
        use rusqlite::ErrorCode::{DatabaseBusy, DatabaseLocked};
        match error.sqlite_error_code() {
            Some(DatabaseBusy | DatabaseLocked) => StoreError::Busy {
                seconds: BUSY_SECONDS,
            },
            _ => StoreError::Sqlite(error),
        }
    }
}
