//! The `schema` findings of the parser: a key missing, unknown, or holding a value of the
//! wrong type. What the rule means for the user is documented with the rule, in
//! `review/rules/schema.rs`; here are the findings themselves, made while parsing.

use crate::diagnostic::{Diagnostic, Severity, Topic};
use crate::lang::Lang;
use crate::messages::Message;
use crate::span::Span;

/// The rule's stable code.
pub const CODE: &str = "schema";
/// How serious its findings are.
pub const SEVERITY: Severity = Severity::Error;
/// Which group of questions it belongs to.
pub const TOPIC: Topic = Topic::Process;

/// A finding, its words made in `lang` from the catalog message.
fn at(lang: Lang, span: std::ops::Range<usize>, message: Message) -> Diagnostic {
    Diagnostic {
        code: CODE,
        severity: SEVERITY,
        topic: TOPIC,
        span,
        message: String::new(),
        question: None,
        message_key: message,
        question_key: None,
        related: Vec::new(),
    }
    .rendered(lang)
}

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
        hint = hint,
    );
    at(lang, span, message)
}

pub(crate) fn missing_key(lang: Lang, path: &str, example: &str, span: Span) -> Diagnostic {
    let message = crate::msg!("schema-missing-key", path = path, example = example);
    at(lang, span, message)
}

pub(crate) fn missing_table(lang: Lang, table: &str, span: Span) -> Diagnostic {
    let message = crate::msg!("schema-missing-table", table = table);
    at(lang, span, message)
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
    at(lang, span, message)
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
        .map(|s| crate::t!(lang, "schema-did-you-mean", s = s))
        .unwrap_or_default();
    let message = crate::msg!(
        "schema-not-one-of",
        path = path,
        list = list,
        found = found,
        hint = hint,
    );
    at(lang, span, message)
}

/// A value of the right type that is still wrong; `what` says how, in the brief's language.
pub(crate) fn bad_value(lang: Lang, path: &str, what: String, span: Span) -> Diagnostic {
    let message = crate::msg!("schema-bad-value", path = path, what = what);
    at(lang, span, message)
}
