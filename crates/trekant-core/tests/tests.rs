//! Integration tests of the core library: one test binary, one module per area.

// Tests that skip for want of data or tools say so on the terminal.
#![allow(clippy::print_stdout, clippy::print_stderr)]

mod backtest;
mod calendar;
mod calibration;
mod context;
mod draft;
mod estimate;
mod habits;
mod history;
mod language;
mod layers;
mod offer;
mod parse;
mod real_data;
mod review_corpus;
mod review_labels;
mod robustness;
mod rules;
mod simulate;
mod timesheet;
mod validation;
mod wording;
