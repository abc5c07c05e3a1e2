//! **unknown-dependency** (error): an item `depends` on an id that no item has.
//!
//! Dependencies decide what can be cut from scope: an item cannot be delivered without the
//! items it depends on. A dependency on an id that does not exist is almost always a typo,
//! and is reported with the closest existing id.
//!
//! Example:
//!
//! ```toml
//! [[item]]
//! id = "shop"
//! depends = ["desing"]   # error: no item has id "desing" — did you mean "design"?
//! ```

use std::collections::HashSet;

use super::{Context, Rule};
use crate::diagnostic::{Diagnostic, Severity, Topic};
use crate::suggest::closest;

pub(crate) const RULE: Rule = Rule {
    code: "unknown-dependency",
    severity: Severity::Error,
    topic: Topic::Scope,
    check: Some(check),
};

fn check(cx: &Context, out: &mut Vec<Diagnostic>) {
    let Some(brief) = cx.brief else { return };
    let ids: HashSet<&str> = brief.items.iter().map(|i| i.id.value.as_str()).collect();
    let mut all: Vec<&str> = ids.iter().copied().collect();
    all.sort_unstable();
    for item in &brief.items {
        for dependency in &item.depends {
            let id = dependency.value.as_str();
            if ids.contains(id) {
                continue;
            }
            let message = match closest(id, all.iter().copied()) {
                Some(near) => crate::msg!("unknown-dependency-near", id = id, near = near),
                None => crate::msg!("unknown-dependency-message", id = id),
            };
            out.push(RULE.at(dependency.span.clone(), message, None));
        }
    }
}
