//! Integration tests of the core library: one test binary, one module per area.

mod parse;
mod robustness;
mod wording;
