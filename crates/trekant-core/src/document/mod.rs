//! What a person reads: the proposal and its
//! templates (Markdown, HTML, Typst, and PDF behind the `pdf` feature), the brief templates
//! `init` writes, and the charts (terminal and SVG).

pub mod accept;
pub mod change_order;
pub mod chart;
pub mod markdown_escape;
#[cfg(feature = "pdf")]
pub mod pdf;
pub mod proposal;
pub mod svg;
pub mod templates;
mod typst_escape;
