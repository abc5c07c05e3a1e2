//! Integration tests of the store: one test binary, one module per area.

// Tests that skip for want of data or tools say so on the terminal.
#![allow(clippy::print_stdout, clippy::print_stderr)]

mod history;
mod path;
mod tracking;
