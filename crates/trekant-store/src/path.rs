//! Where the database lives by default: `$XDG_DATA_HOME/trekant/history.db`, falling back to
//! `~/.local/share/trekant/history.db` as the XDG base directory spec says.

use std::ffi::OsString;
use std::path::PathBuf;

/// The default database path from the environment; `None` when neither `XDG_DATA_HOME` nor
/// `HOME` is set (the caller should then ask for `--db`).
pub fn default_db_path() -> Option<PathBuf> {
    db_path_from(std::env::var_os("XDG_DATA_HOME"), std::env::var_os("HOME"))
}

/// The default path given the two variables, so it can be tested without touching the
/// environment. The spec says a relative `XDG_DATA_HOME` is invalid and must be ignored.
pub fn db_path_from(xdg_data_home: Option<OsString>, home: Option<OsString>) -> Option<PathBuf> {
    let data = xdg_data_home
        .map(PathBuf::from)
        .filter(|p| p.is_absolute())
        .or_else(|| {
            home.map(PathBuf::from)
                .filter(|p| !p.as_os_str().is_empty())
                .map(|h| h.join(".local").join("share"))
        })?;
    Some(data.join("trekant").join("history.db"))
}
