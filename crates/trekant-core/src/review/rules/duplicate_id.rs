//! **duplicate-id** (error): two items share the same `id`.
//!
//! Item ids are how dependencies, options, tracked hours and change requests refer to an
//! item, so each must be unique. The finding points at the second use and names the line
//! of the first.
//!
//! Example:
//!
//! ```toml
//! [[item]]
//! id = "design"
//! [[item]]
//! id = "design"   # error: item id "design" is already used on line 2
//! ```

use std::collections::HashMap;

use super::{Context, Rule};
use crate::diagnostic::{Diagnostic, Severity, Topic};
use crate::span::LineIndex;

pub(crate) const RULE: Rule = Rule {
    code: "duplicate-id",
    severity: Severity::Error,
    topic: Topic::Scope,
    check: Some(check),
};

fn check(cx: &Context, out: &mut Vec<Diagnostic>) {
    let Some(brief) = cx.brief else { return };
    let mut first: HashMap<&str, usize> = HashMap::new();
    let mut lines: Option<LineIndex> = None;
    for item in &brief.items {
        let id = item.id.value.as_str();
        match first.get(id) {
            None => {
                first.insert(id, item.id.span.start);
            }
            Some(&offset) => {
                let line = lines
                    .get_or_insert_with(|| LineIndex::new(cx.source))
                    .position(cx.source, offset)
                    .line;
                let message = crate::msg!("duplicate-id-message", id = id, line = line);
                out.push(RULE.at(item.id.span.clone(), message, None));
            }
        }
    }
}
