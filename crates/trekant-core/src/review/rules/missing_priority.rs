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
    for (n, item) in brief.items.iter().enumerate() {
        // An item's keys lie between its header and the next item's: a priority written
        // there but unreadable already has its schema error.
        let end = brief
            .items
            .get(n + 1)
            .map_or(usize::MAX, |next| next.span.start);
        if item.priority.is_some() || brief.rejected("item.priority", Some(&(item.span.start..end)))
        {
            continue;
        }
        let label = item.label();
        let message = crate::msg!("missing-priority-message", label = label);
        let question = crate::msg!("missing-priority-question", label = label);
        out.push(RULE.at(item.id.span.clone(), message, Some(question)));
    }
}
