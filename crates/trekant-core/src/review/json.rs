//! The review as JSON, the stable shape of `trekant review --format json` and of the web
//! app's review answers: every finding with its 1-based line and column (columns count
//! characters) and the position just after it.

use serde_json::{Value, json};

use crate::diagnostic::Diagnostic;
use crate::forecast::estimate::Verdict;
use crate::span::LineIndex;

/// The whole review as JSON; `verdict` has the same shape as in `estimate --format json`.
pub fn review_json(
    file: &str,
    text: &str,
    diagnostics: &[Diagnostic],
    verdict: Option<&Verdict>,
) -> Value {
    let lines = LineIndex::new(text);
    let mut value = json!({
        "file": file,
        "diagnostics": diagnostics
            .iter()
            .map(|d| diagnostic_json(text, &lines, d))
            .collect::<Vec<_>>(),
    });
    if let Some(verdict) = verdict {
        value["verdict"] = verdict_json(verdict);
    }
    value
}

/// One finding as JSON.
pub fn diagnostic_json(text: &str, lines: &LineIndex, d: &Diagnostic) -> Value {
    let start = lines.position(text, d.span.start);
    let end = lines.position(text, d.span.end);
    let excerpt = text.get(d.span.clone()).unwrap_or("");
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
    })
}

/// The verdict object, probabilities to three decimals.
pub fn verdict_json(v: &Verdict) -> Value {
    let p = |x: f64| (x * 1000.0).round() / 1000.0;
    json!({
        "class": v.class,
        "p_budget": v.p_budget.map(p),
        "p_deadline": v.p_deadline.map(p),
        "p_both": p(v.p_both),
        "binding": v.binding,
    })
}
