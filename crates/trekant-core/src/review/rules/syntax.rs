//! **syntax** (error): the file is not valid TOML.
//!
//! A brief is a TOML file; when the TOML itself is broken, nothing else can be read. The
//! finding points at the first place the parser could not understand and says what it
//! expected there.
//!
//! Common causes: a missing closing quote or bracket, text without quotes
//! (`name = Kaffe Nord` instead of `name = "Kaffe Nord"`), a key written twice, or a date
//! with the wrong shape (`2027-2-15` instead of `2027-02-15`).
//!
//! Example:
//!
//! ```toml
//! [project]
//! name = "Webshop for Kaffe Nord     # the closing quote is missing
//! ```

use super::Rule;
use crate::diagnostic::{Diagnostic, Severity, Topic};
use crate::lang::Lang;

pub(crate) const RULE: Rule = Rule {
    code: "syntax",
    severity: Severity::Error,
    topic: Topic::Process,
    check: None,
};

/// The finding for a TOML parse error, pointing at its span.
pub(crate) fn from_toml_error(lang: Lang, source: &str, error: &toml::de::Error) -> Diagnostic {
    let span = error.span().unwrap_or(0..0);
    let span = span.start.min(source.len())..span.end.min(source.len());
    let detail = error.message().trim();
    let message = crate::msg!("syntax-invalid-toml", detail = detail);
    RULE.at(span, message, None).rendered(lang)
}

/// The finding for a file that is not UTF-8 text, at the first byte that is not.
pub fn not_utf8(lang: Lang, valid_up_to: usize) -> Diagnostic {
    let message = crate::msg!("syntax-not-utf8");
    RULE.at(valid_up_to..valid_up_to, message, None)
        .rendered(lang)
}
