//! **probability-range** (error): a risk's `probability` is not between 0 and 1.
//!
//! A probability is a share: 0.4 means "happens in four projects out of ten". Writing 40
//! for 40 % is the usual slip; the finding suggests the share.
//!
//! Example:
//!
//! ```toml
//! [[risk]]
//! title = "Photos arrive late"
//! probability = 40   # error: must be between 0 and 1 — did you mean 0.4?
//! ```

use super::{Context, Rule};
use crate::diagnostic::{Diagnostic, Severity, Topic};

pub(crate) const RULE: Rule = Rule {
    code: "probability-range",
    severity: Severity::Error,
    topic: Topic::Process,
    check: Some(check),
};

fn check(cx: &Context, out: &mut Vec<Diagnostic>) {
    let Some(brief) = cx.brief else { return };
    for risk in &brief.risks {
        let p = risk.probability.value;
        if (0.0..=1.0).contains(&p) {
            continue;
        }
        let hint = if p > 1.0 && p <= 100.0 {
            crate::t!(
                cx.lang,
                "probability-range-hint",
                p = (p / 100.0).to_string()
            )
        } else {
            String::new()
        };
        let message = crate::msg!("probability-range-message", p = p, hint = hint);
        out.push(RULE.at(risk.probability.span.clone(), message, None));
    }
}
