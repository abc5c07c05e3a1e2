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
    let message = crate::msg!(
        "schema-wrong-type",
        path = path,
        expected = expected,
        found = found,
        hint = hint
    );
    RULE.at(span, message, None).rendered(lang)
}

pub(crate) fn missing_key(lang: Lang, path: &str, example: &str, span: Span) -> Diagnostic {
    let message = crate::msg!("schema-missing-key", path = path, example = example);
    RULE.at(span, message, None).rendered(lang)
}

pub(crate) fn missing_table(lang: Lang, table: &str, span: Span) -> Diagnostic {
    let message = crate::msg!("schema-missing-table", table = table);
    RULE.at(span, message, None).rendered(lang)
}

pub(crate) fn unknown_key(
    lang: Lang,
    path: &str,
    suggestion: Option<&str>,
    allowed: &[&str],
    span: Span,
) -> Diagnostic {
    let message = match suggestion {
        Some(s) if s.starts_with('[') => crate::msg!("schema-misplaced-key", path = path, s = s),
        Some(s) => crate::msg!("schema-unknown-key-near", path = path, s = s),
        None => crate::msg!(
            "schema-unknown-key",
            path = path,
            allowed = allowed.join(", ")
        ),
    };
    RULE.at(span, message, None).rendered(lang)
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
    let hint = crate::brief::closest_word(found, allowed)
        .map(|s| crate::t!(lang, "schema-did-you-mean", s = s))
        .unwrap_or_default();
    let message = crate::msg!(
        "schema-not-one-of",
        path = path,
        list = list,
        found = found,
        hint = hint
    );
    RULE.at(span, message, None).rendered(lang)
}

pub(crate) fn bad_value(lang: Lang, path: &str, what: String, span: Span) -> Diagnostic {
    let message = crate::msg!("schema-bad-value", path = path, what = what);
    RULE.at(span, message, None).rendered(lang)
}
