//! Integration tests of the core library: one test binary, one module per area.

mod calendar;
mod options;
mod parse;
mod robustness;
mod simulate;
mod wording;
