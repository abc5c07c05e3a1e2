//! trekant's core: the domain of turning a client's wishes into an offer that can be
//! delivered — the brief, its critical review, the questions to ask, the simulation and the
//! verdict. Pure functions over values: no I/O, nothing printed.

pub mod backtest;
pub mod brief;
pub mod calendar;
pub mod calibration;
pub mod chart;
pub mod diagnostic;
pub mod estimate;
pub mod format;
pub mod habits;
pub mod history;
pub mod lang;
pub mod options;
#[cfg(feature = "pdf")]
pub mod pdf;
pub mod proposal;
pub mod questions;
pub mod review;
pub mod rules;
pub mod simulate;
pub mod span;
pub mod svg;
pub mod templates;
pub mod timesheet;
mod typst_escape;
mod wording;

pub use brief::Brief;
pub use diagnostic::{Diagnostic, Severity, Topic};
pub use lang::Lang;
pub use review::{Review, review_brief, review_brief_at, review_text};
