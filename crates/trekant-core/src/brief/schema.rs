//! The `schema` findings of the parser: a key missing, unknown, or holding a value of the
//! wrong type. What the rule means for the user is documented with the rule, in
//! `review/rules/schema.rs`; here are the findings themselves, made while parsing.

use crate::diagnostic::{Diagnostic, Severity, Topic};
use crate::lang::Lang;
use crate::span::Span;

/// The rule's stable code.
pub const CODE: &str = "schema";
/// How serious its findings are.
pub const SEVERITY: Severity = Severity::Error;
/// Which group of questions it belongs to.
pub const TOPIC: Topic = Topic::Process;

fn at(span: std::ops::Range<usize>, message: String, question: Option<String>) -> Diagnostic {
    Diagnostic {
        code: CODE,
        severity: SEVERITY,
        topic: TOPIC,
        span,
        message,
        question,
    }
}

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
    at(span, message, None)
}

pub(crate) fn missing_key(lang: Lang, path: &str, example: &str, span: Span) -> Diagnostic {
    let message = lang.pick(
        format!("`{path}` mangler; tilføj fx `{example}`"),
        format!("`{path}` is missing; add e.g. `{example}`"),
    );
    at(span, message, None)
}

pub(crate) fn missing_table(lang: Lang, table: &str, span: Span) -> Diagnostic {
    let message = lang.pick(
        format!("tabellen [{table}] mangler; start briefen med `[{table}]` og `name = \"…\"` (`trekant init` skriver et eksempel)"),
        format!("the [{table}] table is missing; start the brief with `[{table}]` and `name = \"…\"` (`trekant init` writes an example)"),
    );
    at(span, message, None)
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
    at(span, message, None)
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
    at(span, message, None)
}

pub(crate) fn bad_value(lang: Lang, path: &str, da: String, en: String, span: Span) -> Diagnostic {
    let message = lang.pick(format!("`{path}` {da}"), format!("`{path}` {en}"));
    at(span, message, None)
}
