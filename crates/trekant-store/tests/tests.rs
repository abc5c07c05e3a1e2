//! Integration tests of the store: one test binary. `history` and `tracking` are generic over
//! the `Store` trait and run by `suite` per backend; `sqlite` and `pg` test what only one backend has.

// Tests that skip for want of data or tools say so on the terminal.
#![allow(clippy::print_stdout, clippy::print_stderr)]

mod history;
mod logins;
mod path;
mod pg;
mod pg_briefs;
mod sqlite;
mod suite;
mod tracking;
