//! **missing-items** (warning): the brief has no work to estimate: no `[[item]]`, or every
//! item is `wont`.
//!
//! The items are your breakdown of the request into parts, each with an estimate in hours.
//! Without one that is wanted, `estimate`, `options` and `proposal` have nothing to price
//! and refuse; `review` says so first. Add the parts as `[[item]]` tables.
//!
//! Example:
//!
//! ```toml
//! [[item]]
//! id = "design"
//! estimate = [12, 20, 40]   # low, likely, high hours
//! priority = "must"
//! ```

use super::{Context, Rule};
use crate::brief::Priority;
use crate::diagnostic::{Diagnostic, Severity, Topic};

pub(crate) const RULE: Rule = Rule {
    code: "missing-items",
    severity: Severity::Warning,
    topic: Topic::Scope,
    check: Some(check),
};

fn check(cx: &Context, out: &mut Vec<Diagnostic>) {
    let Some(brief) = cx.brief else { return };
    // An item that could not be read has its schema error already.
    if brief.tables.item_tables > brief.items.len()
        || brief.items.iter().any(|i| i.priority() != Priority::Wont)
    {
        return;
    }
    let span = brief
        .tables
        .project
        .clone()
        .map_or(0..0, |s| s.start..s.start);
    let message = if brief.items.is_empty() {
        crate::msg!("missing-items-none")
    } else {
        crate::msg!("missing-items-all-wont")
    };
    out.push(RULE.at(span, message, None));
}
