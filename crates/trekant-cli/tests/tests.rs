//! Integration tests of the CLI, run against the built `trekant` binary.

// Tests that skip for want of data or tools say so on the terminal.
#![allow(clippy::print_stdout, clippy::print_stderr)]

mod cli;
mod db_briefs;
mod email_to_change_order;
mod examples;
mod forecast;
mod history;
mod login;
mod offer;
mod person;
mod pseudo;
mod serve;
mod shell;
mod simulate;
mod store;
mod team;
mod track;
mod typst;
