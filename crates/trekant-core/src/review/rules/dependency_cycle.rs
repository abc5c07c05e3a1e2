//! **dependency-cycle** (error): items depend on each other in a circle.
//!
//! If `shop` needs `design` and `design` needs `shop`, neither can come first, and no scope
//! that includes one can be chosen. The finding names the whole cycle so it can be broken
//! where it is wrong.
//!
//! Example:
//!
//! ```toml
//! [[item]]
//! id = "design"
//! depends = ["shop"]     # error: dependency cycle: design → shop → design
//! [[item]]
//! id = "shop"
//! depends = ["design"]
//! ```

use std::collections::HashMap;

use super::{Context, Rule};
use crate::diagnostic::{Diagnostic, Severity, Topic};

pub(crate) const RULE: Rule = Rule {
    code: "dependency-cycle",
    severity: Severity::Error,
    topic: Topic::Scope,
    check: Some(check),
};

#[derive(Clone, Copy, PartialEq)]
enum Mark {
    New,
    OnPath,
    Done,
}

fn check(cx: &Context, out: &mut Vec<Diagnostic>) {
    let Some(brief) = cx.brief else { return };
    let index: HashMap<&str, usize> = brief
        .items
        .iter()
        .enumerate()
        .rev() // the first item with a duplicated id wins
        .map(|(i, item)| (item.id.value.as_str(), i))
        .collect();
    let edges: Vec<Vec<(usize, usize)>> = brief
        .items
        .iter()
        .map(|item| {
            item.depends
                .iter()
                .enumerate()
                .filter_map(|(d, dep)| index.get(dep.value.as_str()).map(|&to| (to, d)))
                .collect()
        })
        .collect();
    let mut mark = vec![Mark::New; brief.items.len()];
    // Iterative depth-first search: briefs may hold thousands of items, and a recursive
    // search could overflow the stack on a long chain.
    for root in 0..brief.items.len() {
        if mark[root] != Mark::New {
            continue;
        }
        let mut path: Vec<(usize, usize)> = vec![(root, 0)];
        mark[root] = Mark::OnPath;
        while let Some(&mut (node, ref mut next)) = path.last_mut() {
            let Some(&(to, dep)) = edges[node].get(*next) else {
                mark[node] = Mark::Done;
                path.pop();
                continue;
            };
            *next += 1;
            match mark[to] {
                Mark::New => {
                    mark[to] = Mark::OnPath;
                    path.push((to, 0));
                }
                Mark::OnPath => {
                    let start = path.iter().position(|&(n, _)| n == to).unwrap_or(0);
                    let mut names: Vec<&str> = path[start..]
                        .iter()
                        .map(|&(n, _)| brief.items[n].id.value.as_str())
                        .collect();
                    names.push(brief.items[to].id.value.as_str());
                    let cycle = names.join(" → ");
                    let message = crate::msg!("dependency-cycle-message", cycle = cycle);
                    let span = brief.items[node].depends[dep].span.clone();
                    out.push(RULE.at(span, message, None));
                }
                Mark::Done => {}
            }
        }
    }
}
