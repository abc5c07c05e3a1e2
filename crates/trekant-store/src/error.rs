//! What can go wrong with the store, as one error type for its callers to report.

use std::path::PathBuf;

use trekant_core::history::RowError;
use trekant_core::messages::Message;
use trekant_core::msg;

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
    /// An idempotency key that was used before for a different log entry.
    #[error(
        "the idempotency key `{0}` was already used for another entry; send a new key for a new entry"
    )]
    KeyReused(String),
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
    // PostgreSQL and the people of a team server. Their words for a person come from the
    // catalogs (`team.ftl`) through [`StoreError::catalog`]; the English here is the same.
    /// A PostgreSQL error; what it says is PostgreSQL's.
    #[error("database error: {}", pg_text(.0))]
    Postgres(tokio_postgres::Error),
    /// `--db` looked like a PostgreSQL URL but is not one.
    #[error("not a PostgreSQL URL ({0}); write postgres://USER@HOST/DATABASE")]
    BadUrl(String),
    /// The server could not be reached (or no connection came free) in time.
    #[error("cannot reach the PostgreSQL server: {0}")]
    Unreachable(String),
    /// A migration failed; nothing of it was applied.
    #[error("the migration {name} failed, so the database is as it was: {error}")]
    Migration { name: String, error: String },
    /// A command of team mode (people, sessions) was given an SQLite file.
    #[error("team mode needs PostgreSQL: give --db postgres://USER@HOST/DATABASE")]
    TeamNeedsPostgres,
    #[error("a person with the e-mail address {0} already exists")]
    UserExists(String),
    #[error("`{0}` is not an e-mail address")]
    BadEmail(String),
    #[error("a password needs at least {min} characters")]
    ShortPassword { min: usize },
    // The team's briefs (`pg::briefs`); words from `teambriefs.ftl`.
    #[error("there is no brief named {0}")]
    NoSuchBrief(String),
    #[error("a brief named {0} already exists")]
    BriefExists(String),
    /// A save named an entity tag that is no longer the latest version's: someone saved in
    /// between. Nothing was written; `etag` and `version` are the current ones.
    #[error(
        "{name} was saved by someone else in the meantime (now version {version}); reload it and make your change again"
    )]
    BriefChanged {
        name: String,
        etag: String,
        version: u32,
    },
    #[error("`{0}` cannot name a brief: write a plain file name ending in .toml")]
    BadBriefName(String),
    #[error("{name} is larger than {mib} MiB; a brief is a page of TOML")]
    BriefTooLarge { name: String, mib: usize },
}

impl StoreError {
    /// The catalog message for the errors of PostgreSQL and team mode, to render in the
    /// reader's language; `None` for the others (their `Display` is the text).
    pub fn catalog(&self) -> Option<trekant_core::messages::Message> {
        use trekant_core::msg;
        Some(match self {
            StoreError::Postgres(e) => msg!("team-error-database", error = pg_text(e)),
            StoreError::BadUrl(error) => msg!("team-error-bad-url", error = error.clone()),
            StoreError::Unreachable(error) => {
                msg!("team-error-unreachable", error = error.clone())
            }
            StoreError::Migration { name, error } => {
                msg!(
                    "team-error-migration",
                    name = name.clone(),
                    error = error.clone()
                )
            }
            StoreError::TeamNeedsPostgres => msg!("team-error-needs-postgres"),
            StoreError::UserExists(email) => msg!("team-error-user-exists", email = email.clone()),
            StoreError::BadEmail(email) => msg!("team-error-bad-email", email = email.clone()),
            StoreError::ShortPassword { min } => {
                msg!("team-error-short-password", min = *min as i64)
            }
            StoreError::NoSuchBrief(name) => msg!("teambriefs-error-no-brief", name = name.clone()),
            StoreError::BriefExists(name) => msg!("teambriefs-error-exists", name = name.clone()),
            StoreError::BriefChanged { name, version, .. } => msg!(
                "teambriefs-error-changed",
                name = name.clone(),
                version = i64::from(*version)
            ),
            StoreError::BadBriefName(name) => {
                msg!(
                    "teambriefs-error-bad-name",
                    name = name.escape_debug().to_string()
                )
            }
            StoreError::BriefTooLarge { name, mib } => msg!(
                "teambriefs-error-too-large",
                name = name.clone(),
                mib = *mib as i64
            ),
            _ => return None,
        })
    }
}

/// What a PostgreSQL error says: the server's own message (with its detail) for a database
/// error, else what went wrong with the connection.
pub(crate) fn pg_text(error: &tokio_postgres::Error) -> String {
    match error.as_db_error() {
        Some(db) => match db.detail() {
            Some(detail) => format!("{} ({detail})", db.message()),
            None => db.message().to_string(),
        },
        None => with_causes(error),
    }
}

/// An error and what caused it, as one line: "error connecting to server: No such file…".
fn with_causes(error: &dyn std::error::Error) -> String {
    let mut text = error.to_string();
    let mut cause = error.source();
    while let Some(c) = cause {
        let more = c.to_string();
        if !text.contains(&more) {
            text.push_str(": ");
            text.push_str(&more);
        }
        cause = c.source();
    }
    text
}

impl From<tokio_postgres::Error> for StoreError {
    fn from(error: tokio_postgres::Error) -> Self {
        if error.as_db_error().is_none() && error.is_closed() {
            return StoreError::Unreachable(with_causes(&error));
        }
        StoreError::Postgres(error)
    }
}

impl From<deadpool_postgres::PoolError> for StoreError {
    fn from(error: deadpool_postgres::PoolError) -> Self {
        match error {
            deadpool_postgres::PoolError::Backend(e) => match StoreError::from(e) {
                StoreError::Postgres(e) if e.as_db_error().is_none() => {
                    StoreError::Unreachable(with_causes(&e))
                }
                other => other,
            },
            other => StoreError::Unreachable(with_causes(&other)),
        }
    }
}

impl StoreError {
    /// What went wrong, in words from the catalogs (`errors.ftl`), for a front end that
    /// speaks the user's language; `Display` is the English.
    pub fn message(&self) -> Message {
        match self {
            StoreError::BadRows(rows) => {
                let list: Vec<Message> = rows.iter().map(row_line).collect();
                let mut message = msg!(
                    "store-bad-rows",
                    count = rows.len(),
                    count_text = rows.len().to_string()
                );
                message.set("rows", lines(list));
                message
            }
            StoreError::NoSuchProject(name) => msg!("store-no-such-project", project = name),
            StoreError::ProjectOpen(name) => msg!("store-project-open", project = name),
            StoreError::NoSuchItem { project, item } => {
                msg!("store-no-such-item", project = project, item = item)
            }
            StoreError::Unfinished { project, items } => msg!(
                "store-unfinished",
                project = project,
                items = items.join(", ")
            ),
            StoreError::OfferExists(number) => msg!("store-offer-exists", number = number),
            StoreError::Busy { seconds } => {
                msg!("store-busy", seconds = seconds.to_string())
            }
            StoreError::TooNew { found, known } => msg!(
                "store-too-new",
                found = found.to_string(),
                known = known.to_string()
            ),
            StoreError::BadDate(text) => msg!("store-bad-date", date = text),
            StoreError::CreateDir { path, source } => msg!(
                "store-create-dir",
                path = path.display().to_string(),
                error = source.to_string()
            ),
            StoreError::Sqlite(error) => msg!("store-database", error = error.to_string()),
            // Checks of the callers' values (an empty name, a bad entry): their own words.
            other => msg!("error-text", text = other.to_string()),
        }
    }
}

/// A bad row as one indented line of a list.
fn row_line(row: &RowError) -> Message {
    msg!("store-bad-row", row = row.located())
}

/// Messages one per line.
fn lines(list: Vec<Message>) -> Message {
    list.into_iter()
        .reduce(|all, next| msg!("store-lines", first = all, next = next))
        .unwrap_or_else(|| msg!("error-text", text = ""))
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

#[cfg(test)]
mod tests {
    use super::*;
    use trekant_core::Lang;

    /// Every error speaks both languages through the catalogs, its English the same as
    /// `Display`'s where the words are the catalog's own.
    #[test]
    fn errors_speak_both_languages() {
        let row = RowError {
            line: 3,
            message: msg!("history-cell-empty", column = "project"),
        };
        let errors = [
            StoreError::BadRows(vec![row.clone(), row]),
            StoreError::NoSuchProject("Kaffe".into()),
            StoreError::ProjectOpen("Kaffe".into()),
            StoreError::NoSuchItem {
                project: "Kaffe".into(),
                item: "shop".into(),
            },
            StoreError::Unfinished {
                project: "Kaffe".into(),
                items: vec!["shop".into()],
            },
            StoreError::OfferExists("2027-001".into()),
            StoreError::Busy { seconds: 10 },
            StoreError::TooNew { found: 9, known: 4 },
            StoreError::BadDate("2027-13-01".into()),
            StoreError::Invalid("the project needs a name".into()),
        ];
        for error in &errors {
            let (da, en) = (
                error.message().render(Lang::Da),
                error.message().render(Lang::En),
            );
            assert!(!da.contains('{') && !en.contains('{'), "{da} / {en}");
            if !matches!(error, StoreError::Invalid(_)) {
                assert_ne!(da, en, "{en}");
            }
        }
        assert_eq!(errors[1].message().render(Lang::En), errors[1].to_string());
        let bad = errors[0].message().render(Lang::Da);
        assert!(
            bad.starts_with("2 dårlige rækker, så intet blev importeret")
                && bad.contains("\n  linje 3: `project` er tom\n  linje 3:"),
            "{bad}"
        );
    }
}
