//! **missing-priority** (warning): an item has no `priority`.
//!
//! When budget or time runs short, something has to give. Priorities (`must`, `should`,
//! `could`, `wont`) say what: the options keep every `must` and cut from the bottom. Items
//! without one are treated as `should`, which is a guess worth confirming with the client.
//!
//! Example:
//!
//! ```toml
//! [[item]]
//! id = "newsletter"
//! estimate = [4, 6, 10]
//! priority = "could"   # add this
//! ```

use super::{Context, Rule};
use crate::diagnostic::{Diagnostic, Severity, Topic};

pub(crate) const RULE: Rule = Rule {
    code: "missing-priority",
    severity: Severity::Warning,
    topic: Topic::Scope,
    check: Some(check),
};

fn check(cx: &Context, out: &mut Vec<Diagnostic>) {
    let Some(brief) = cx.brief else { return };
    for item in brief.items.iter().filter(|i| i.priority.is_none()) {
        let label = item.label();
        let message = crate::msg!("missing-priority-message", label = label);
        let question = crate::msg!("missing-priority-question", label = label);
        out.push(RULE.at(item.id.span.clone(), message, Some(question)));
    }
}
