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

// The findings are made by the parser, in `brief/schema.rs`; this is the rule's entry in the
// registry and its documentation.
use super::Rule;
use crate::brief::schema;

pub(crate) const RULE: Rule = Rule {
    code: schema::CODE,
    severity: schema::SEVERITY,
    topic: schema::TOPIC,
    check: None,
};
