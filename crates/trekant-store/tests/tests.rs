//! Integration tests of the store: one test binary. `history` and `tracking` are generic over
//! the `Store` trait and run by `suite` per backend; `sqlite` tests what only SQLite has.

mod history;
mod path;
mod sqlite;
mod suite;
mod tracking;
