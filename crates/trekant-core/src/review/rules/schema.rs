//! **schema** (error): a key is missing, unknown, or holds a value of the wrong type.
//!
//! The brief format (v1) is strict on purpose: a misspelt key (`dedline`) would otherwise
//! be silently ignored, and the estimate would be made without the client's deadline.
//! Unknown keys are reported with the nearest known key as a suggestion, or with the table
//! where the key belongs.
//!
//! Required: `[project] name`; in every `[[item]]`, `id` and `estimate`; in every
//! `[[risk]]`, `probability`. Dates are TOML dates without quotes (`2027-02-15`); amounts and
//! hours are numbers without quotes; an estimate is one number or `[low, likely, high]`.
//!
//! Example:
//!
//! ```toml
//! [request]
//! dedline = 2027-02-15   # error: unknown key `request.dedline` — did you mean `deadline`?
//! budget = "40000"       # error: expected a number, found a string
//! ```

use super::Rule;
use crate::diagnostic::{Diagnostic, Severity, Topic};
use crate::lang::Lang;
use crate::span::Span;

pub(crate) const RULE: Rule = Rule {
    code: "schema",
    severity: Severity::Error,
    topic: Topic::Process,
    check: None,
};

pub(crate) fn wrong_type(
    lang: Lang,
    path: &str,
    expected: &str,
    found: &str,
    hint: &str,
    span: Span,
) -> Diagnostic {
    let message = lang.pick(
        format!("`{path}` skal være {expected}, men er {found}{hint}"),
        format!("`{path}` must be {expected}, found {found}{hint}"),
    );
    RULE.at(span, message, None)
}

pub(crate) fn missing_key(lang: Lang, path: &str, example: &str, span: Span) -> Diagnostic {
    let message = lang.pick(
        format!("`{path}` mangler; tilføj fx `{example}`"),
        format!("`{path}` is missing; add e.g. `{example}`"),
    );
    RULE.at(span, message, None)
}

pub(crate) fn missing_table(lang: Lang, table: &str, span: Span) -> Diagnostic {
    let message = lang.pick(
        format!("tabellen [{table}] mangler; start briefen med `[{table}]` og `name = \"…\"` (`trekant init` skriver et eksempel)"),
        format!("the [{table}] table is missing; start the brief with `[{table}]` and `name = \"…\"` (`trekant init` writes an example)"),
    );
    RULE.at(span, message, None)
}

pub(crate) fn unknown_key(
    lang: Lang,
    path: &str,
    suggestion: Option<&str>,
    allowed: &[&str],
    span: Span,
) -> Diagnostic {
    let message = match suggestion {
        Some(s) if s.starts_with('[') => lang.pick(
            format!("ukendt nøgle `{path}` — den hører til i {s}"),
            format!("unknown key `{path}` — it belongs in {s}"),
        ),
        Some(s) => lang.pick(
            format!("ukendt nøgle `{path}` — mente du `{s}`?"),
            format!("unknown key `{path}` — did you mean `{s}`?"),
        ),
        None => lang.pick(
            format!(
                "ukendt nøgle `{path}`; kendte nøgler her: {}",
                allowed.join(", ")
            ),
            format!(
                "unknown key `{path}`; known keys here: {}",
                allowed.join(", ")
            ),
        ),
    };
    RULE.at(span, message, None)
}

pub(crate) fn not_one_of(
    lang: Lang,
    path: &str,
    found: &str,
    allowed: &[&str],
    span: Span,
) -> Diagnostic {
    let list = allowed
        .iter()
        .map(|a| format!("\"{a}\""))
        .collect::<Vec<_>>()
        .join(", ");
    let hint = crate::suggest::closest(found, allowed.iter().copied())
        .map(|s| {
            lang.pick(
                format!(" — mente du \"{s}\"?"),
                format!(" — did you mean \"{s}\"?"),
            )
        })
        .unwrap_or_default();
    let message = lang.pick(
        format!("`{path}` skal være en af {list}, ikke \"{found}\"{hint}"),
        format!("`{path}` must be one of {list}, not \"{found}\"{hint}"),
    );
    RULE.at(span, message, None)
}

pub(crate) fn bad_value(lang: Lang, path: &str, da: String, en: String, span: Span) -> Diagnostic {
    let message = lang.pick(format!("`{path}` {da}"), format!("`{path}` {en}"));
    RULE.at(span, message, None)
}
