//! Integration tests of the CLI, run against the built `trekant` binary.

mod cli;
mod examples;
mod forecast;
mod history;
mod simulate;
mod track;
mod typst;
