//! The review as JSON, the stable shape of `trekant review --format json` and of the web
//! app's review answers: every finding with its 1-based line and column (columns count
//! characters) and the position just after it, and the verdict when there is one.
//!
//! [`ReviewJson`] serialises as it is written, one finding at a time: a long text with a
//! million findings never holds them all as JSON values at once.

use serde::Serialize;
use serde::ser::SerializeMap as _;
use serde_json::{Value, json};

use crate::diagnostic::Diagnostic;
use crate::forecast::estimate::{Verdict, verdict_json};
use crate::span::LineIndex;

/// A review to serialise: the file's name and text, its findings and its verdict.
pub struct ReviewJson<'a> {
    file: &'a str,
    text: &'a str,
    lines: LineIndex,
    diagnostics: &'a [Diagnostic],
    verdict: Option<&'a Verdict>,
}

impl<'a> ReviewJson<'a> {
    pub fn new(
        file: &'a str,
        text: &'a str,
        diagnostics: &'a [Diagnostic],
        verdict: Option<&'a Verdict>,
    ) -> Self {
        ReviewJson {
            file,
            text,
            lines: LineIndex::new(text),
            diagnostics,
            verdict,
        }
    }

    /// The whole review as one JSON value, for answers small enough to hold.
    pub fn to_value(&self) -> Value {
        serde_json::to_value(self).unwrap_or(Value::Null)
    }
}

impl Serialize for ReviewJson<'_> {
    fn serialize<S: serde::Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        let mut map = serializer.serialize_map(None)?;
        map.serialize_entry("file", self.file)?;
        map.serialize_entry("diagnostics", &Findings(self))?;
        if let Some(verdict) = self.verdict {
            map.serialize_entry("verdict", &verdict_json(verdict))?;
        }
        map.end()
    }
}

struct Findings<'r, 'a>(&'r ReviewJson<'a>);

impl Serialize for Findings<'_, '_> {
    fn serialize<S: serde::Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        let review = self.0;
        serializer.collect_seq(
            review
                .diagnostics
                .iter()
                .map(|d| diagnostic_json(review.text, &review.lines, d)),
        )
    }
}

/// One finding as JSON. `related` lists the other places of the same finding (a repeated
/// word), each with its line, column, end and excerpt; empty when there are none.
pub fn diagnostic_json(text: &str, lines: &LineIndex, d: &Diagnostic) -> Value {
    let start = lines.position(text, d.span.start);
    let end = lines.position(text, d.span.end);
    let excerpt = text.get(d.span.clone()).unwrap_or("");
    let related: Vec<Value> = d
        .related
        .iter()
        .map(|span| {
            let start = lines.position(text, span.start);
            let end = lines.position(text, span.end);
            json!({
                "line": start.line,
                "column": start.column,
                "end_line": end.line,
                "end_column": end.column,
                "excerpt": text.get(span.clone()).unwrap_or(""),
            })
        })
        .collect();
    json!({
        "code": d.code,
        "severity": d.severity,
        "message": d.message,
        "line": start.line,
        "column": start.column,
        "end_line": end.line,
        "end_column": end.column,
        "excerpt": excerpt,
        "question": d.question,
        "related": related,
    })
}
