//! **missing-rate** (warning): no hourly rate is set, so nothing can be priced.
//!
//! Hours become money through `me.rate`. Without it, `review` cannot tell whether the
//! must-haves fit the budget, and `estimate`, `options` and `proposal` refuse to guess a
//! price. Set it once in your profile (`$XDG_CONFIG_HOME/trekant/profile.toml`, a `[me]`
//! table) or per brief.
//!
//! Example:
//!
//! ```toml
//! [me]
//! rate = 850   # per hour, in the project currency
//! ```

use super::{Context, Rule};
use crate::diagnostic::{Diagnostic, Severity, Topic};

pub(crate) const RULE: Rule = Rule {
    code: "missing-rate",
    severity: Severity::Warning,
    topic: Topic::Money,
    check: Some(check),
};

fn check(cx: &Context, out: &mut Vec<Diagnostic>) {
    let Some(brief) = cx.brief else { return };
    if brief.me.rate.is_some() || brief.rejected("me.rate", None) || brief.items.is_empty() {
        return;
    }
    let span = brief
        .tables
        .me
        .clone()
        .or(brief.tables.project.clone())
        .map_or(0..0, |s| s.start..s.start);
    let message = crate::msg!("missing-rate-message");
    out.push(RULE.at(span, message, None));
}
