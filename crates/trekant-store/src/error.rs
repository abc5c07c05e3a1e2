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
