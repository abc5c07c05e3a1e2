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

// The findings are made by the parser, in `brief/syntax.rs`; this is the rule's entry in the
// registry and its documentation.
use super::Rule;
use crate::brief::syntax;

pub(crate) const RULE: Rule = Rule {
    code: syntax::CODE,
    severity: syntax::SEVERITY,
    topic: syntax::TOPIC,
    check: None,
};
