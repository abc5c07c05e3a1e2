//! The `syntax` findings of the parser: the file is not valid TOML, or not UTF-8 text. What
//! the rule means for the user is documented with the rule, in `review/rules/syntax.rs`;
//! here are the findings themselves, made while reading.

use crate::diagnostic::{Diagnostic, Severity, Topic};
use crate::lang::Lang;
use crate::messages::Message;

/// The rule's stable code.
pub const CODE: &str = "syntax";
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

/// The finding for a TOML parse error, pointing at its span.
pub(crate) fn from_toml_error(lang: Lang, source: &str, error: &toml::de::Error) -> Diagnostic {
    let span = error.span().unwrap_or(0..0);
    let span = span.start.min(source.len())..span.end.min(source.len());
    let detail = error.message().trim();
    at(
        lang,
        span,
        crate::msg!("syntax-invalid-toml", detail = detail),
    )
}

/// The finding for a file that is not UTF-8 text, at the first byte that is not.
pub fn not_utf8(lang: Lang, valid_up_to: usize) -> Diagnostic {
    at(
        lang,
        valid_up_to..valid_up_to,
        crate::msg!("syntax-not-utf8"),
    )
}
