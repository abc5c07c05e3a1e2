//! Integration tests of the core library: one test binary, one module per area.

mod backtest;
mod calendar;
mod calibration;
mod estimate;
mod habits;
mod history;
mod options;
mod parse;
mod real_data;
mod robustness;
mod rules;
mod simulate;
mod timesheet;
mod wording;
