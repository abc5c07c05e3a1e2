//! The `syntax` findings of the parser: the file is not valid TOML, or not UTF-8 text. What
//! the rule means for the user is documented with the rule, in `review/rules/syntax.rs`;
//! here are the findings themselves, made while reading.

use crate::diagnostic::{Diagnostic, Severity, Topic};
use crate::lang::Lang;

/// The rule's stable code.
pub const CODE: &str = "syntax";
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

/// The finding for a TOML parse error, pointing at its span.
pub(crate) fn from_toml_error(lang: Lang, source: &str, error: &toml::de::Error) -> Diagnostic {
    let span = error.span().unwrap_or(0..0);
    let span = span.start.min(source.len())..span.end.min(source.len());
    let detail = error.message().trim();
    let message = lang.pick(
        format!("ugyldig TOML: {detail}"),
        format!("invalid TOML: {detail}"),
    );
    at(span, message, None)
}

/// The finding for a file that is not UTF-8 text, at the first byte that is not.
pub fn not_utf8(lang: Lang, valid_up_to: usize) -> Diagnostic {
    let message = lang.pick(
        "filen er ikke UTF-8-tekst; gem den som UTF-8 (eller er det en binær fil?)".to_owned(),
        "the file is not UTF-8 text; save it as UTF-8 (or is it a binary file?)".to_owned(),
    );
    at(valid_up_to..valid_up_to, message, None)
}
