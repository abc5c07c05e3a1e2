//! Integration tests of the CLI, run against the built `trekant` binary.

mod cli;
mod examples;
mod history;
mod pseudo;
mod simulate;
mod track;
mod typst;
