//! The store test suite, run against every implementation of [`trekant_store::Store`]: each
//! backend gives a factory of fresh, empty stores, and every generic test in `history.rs` and
//! `tracking.rs` runs on it: SQLite in memory and on disk, and PostgreSQL when
//! `TREKANT_TEST_DATABASE_URL` names a server (each store in a fresh schema).

use std::cell::Cell;

use trekant_store::SqliteStore;

macro_rules! store_suite {
    ($backend:ident, $factory:expr) => {
        mod $backend {
            use super::*;
            store_suite!(@tests $factory;
                history::importing_the_same_file_twice_adds_nothing_the_second_time,
                history::a_reimported_task_with_other_values_is_reported_and_left_alone,
                history::export_gives_back_what_was_imported_oldest_first,
                history::a_file_with_a_bad_row_imports_nothing_unless_told_to_skip_it,
                history::an_import_that_dies_halfway_leaves_the_history_as_it_was,
                tracking::from_scope_to_history,
                tracking::unfinished_items_go_into_the_history_only_when_told,
                tracking::accepted_changes_become_tracked_items_and_show_the_creep,
                tracking::mistakes_are_refused_with_a_reason,
                tracking::a_batch_of_entries_is_all_or_nothing,
                tracking::accepted_changes_never_take_an_items_id,
                tracking::entries_are_capped_and_not_before_the_start,
                tracking::accepted_offers_are_kept_by_number,
                tracking::rows_belong_to_the_stores_owner,
                tracking::a_keyed_log_counts_once,
            );
        }
    };
    (@tests $factory:expr; $($module:ident :: $test:ident),* $(,)?) => {
        $(
            #[test]
            fn $test() {
                $factory(|new| crate::$module::$test(new));
            }
        )*
    };
}

/// Runs `test` on fresh in-memory SQLite stores.
fn sqlite_memory<S>(test: impl FnOnce(&dyn Fn() -> SqliteStore) -> S) {
    test(&|| SqliteStore::in_memory().unwrap());
}

/// Runs `test` on fresh SQLite files in a temporary folder.
fn sqlite_file<S>(test: impl FnOnce(&dyn Fn() -> SqliteStore) -> S) {
    let dir = tempfile::tempdir().unwrap();
    let n = Cell::new(0);
    test(&|| {
        n.set(n.get() + 1);
        SqliteStore::open(&dir.path().join(format!("{}.db", n.get()))).unwrap()
    });
}

/// Runs `test` on stores in fresh schemas of the PostgreSQL server at
/// `TREKANT_TEST_DATABASE_URL`; says it is skipped when that is not set.
fn postgres<S>(test: impl FnOnce(&dyn Fn() -> trekant_store::PgStore) -> S) {
    let Some(url) = crate::pg::url("the store suite on PostgreSQL") else {
        return;
    };
    test(&|| crate::pg::fresh(&url));
}

store_suite!(sqlite_in_memory, sqlite_memory);
store_suite!(sqlite_on_disk, sqlite_file);
store_suite!(postgres, postgres);

/// A web server holds stores as trait objects and moves them between threads.
#[test]
fn the_store_is_an_object_safe_send_trait() {
    fn assert_send<T: Send>(_: &T) {}
    let stores: Vec<Box<dyn trekant_store::Store>> = vec![
        Box::new(SqliteStore::in_memory().unwrap()),
        Box::new(SqliteStore::in_memory().unwrap()),
    ];
    assert_send(&stores);
    let handle = std::thread::spawn(move || {
        stores
            .iter()
            .map(|s| s.history_len().unwrap() + s.open_projects().unwrap().len())
            .sum::<usize>()
    });
    assert_eq!(handle.join().unwrap(), 0);
}
