//! Integration tests of the CLI, run against the built `trekant` binary.

mod cli;
mod examples;
mod history;
mod simulate;
mod store;
mod track;
mod typst;
