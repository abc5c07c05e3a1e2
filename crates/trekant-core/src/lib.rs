//! trekant's core: the domain of turning a client's wishes into an offer that can be
//! delivered — the brief, its critical review, the questions to ask, the simulation and the
//! verdict. Pure functions over values: no I/O, nothing printed.

pub mod brief;
pub mod diagnostic;
pub mod document;
pub mod forecast;
pub mod format;
pub mod history;
pub mod lang;
pub mod messages;
pub mod review;
pub mod span;
pub mod stats;
pub mod suggest;
pub mod tracking;

pub use brief::Brief;
pub use diagnostic::{Diagnostic, Severity, Topic};
pub use lang::Lang;
pub use review::{Review, review_brief, review_brief_at, review_text};
