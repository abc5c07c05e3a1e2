//! Integration tests of the store: one test binary, one module per area.

mod history;
mod path;
mod tracking;
