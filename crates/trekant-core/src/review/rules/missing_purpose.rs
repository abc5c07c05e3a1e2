//! **missing-purpose** (warning): the brief does not say what the work is for.
//!
//! "A webshop" is a solution; "sell coffee subscriptions online" is the purpose behind it.
//! Without the purpose there is no way to judge which wishes matter, which can wait, and
//! whether a cheaper alternative would serve the client just as well. Write it in
//! `project.purpose`, in the client's own terms.
//!
//! A plain request (an e-mail, a text file) without a purpose gets the same question, once it
//! is long enough to be a request (see `text_gaps.rs` for what counts as answered).
//!
//! Example:
//!
//! ```toml
//! [project]
//! name = "Webshop for Kaffe Nord"
//! purpose = "Sell coffee subscriptions online"   # add this
//! ```

use super::{Context, Rule};
use crate::diagnostic::{Diagnostic, Severity, Topic};

pub(crate) const RULE: Rule = Rule {
    code: "missing-purpose",
    severity: Severity::Warning,
    topic: Topic::Purpose,
    check: Some(check),
};

fn check(cx: &Context, out: &mut Vec<Diagnostic>) {
    let Some(brief) = cx.brief else {
        // A plain e-mail leaves the same gap, and gets the same question.
        return super::text_gaps::check(cx.scanned(), super::text_gaps::Gap::Purpose, &RULE, out);
    };
    if brief
        .project
        .purpose
        .as_ref()
        .is_some_and(|p| !p.value.trim().is_empty())
        || brief.rejected("project.purpose", None)
    {
        return;
    }
    let span = brief
        .tables
        .project
        .clone()
        .map_or(0..0, |s| s.start..s.start);
    let message = crate::msg!("missing-purpose-message");
    let question = crate::msg!("missing-purpose-question");
    out.push(RULE.at(span, message, Some(question.to_owned())));
}
