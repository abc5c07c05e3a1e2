//! The default database path.

use std::ffi::OsString;
use std::path::PathBuf;

use trekant_store::db_path_from;

#[test]
fn xdg_data_home_wins_then_home() {
    let some = |s: &str| Some(OsString::from(s));
    assert_eq!(
        db_path_from(some("/data"), some("/home/a")),
        Some(PathBuf::from("/data/trekant/history.db"))
    );
    assert_eq!(
        db_path_from(None, some("/home/a")),
        Some(PathBuf::from("/home/a/.local/share/trekant/history.db"))
    );
    // A relative XDG_DATA_HOME is invalid by the spec and ignored.
    assert_eq!(
        db_path_from(some("relative"), some("/home/a")),
        Some(PathBuf::from("/home/a/.local/share/trekant/history.db"))
    );
    assert_eq!(db_path_from(None, None), None);
    assert_eq!(db_path_from(None, some("")), None);
}
