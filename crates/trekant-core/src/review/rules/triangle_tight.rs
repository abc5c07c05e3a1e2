//! **triangle-tight** (warning): by the simulation, the client's budget and deadline hold
//! together in at least half of the outcomes, but less often than your confidence.
//!
//! The wanted scope is simulated at normal capacity and compared with `request.budget` and
//! `request.deadline`. Between 50 % and `me.confidence` (default 80 %) a fixed price at the
//! client's budget is a coin flip you lose too often: the finding names the side that binds,
//! with the figures. Price at your confidence, or trim the scope (`trekant options`).
//!
//! Needs `me.rate` and a budget or a deadline (and `project.start`, or today, for dates).
//!
//! Example: the must-haves' P80 price is 44,000 against a budget of 40,000, with
//! P(budget holds) = 65 %: tight, and the budget binds.

use super::{Context, Rule};
use crate::diagnostic::{Diagnostic, Severity, Topic};
use crate::forecast::estimate::{Binding, VerdictClass};
use crate::format::{date, money, percent};

pub(crate) const RULE: Rule = Rule {
    code: "triangle-tight",
    severity: Severity::Warning,
    topic: Topic::Money,
    check: Some(check),
};

fn check(cx: &Context, out: &mut Vec<Diagnostic>) {
    check_class(cx, out, VerdictClass::Tight, &RULE);
}

/// Shared by both triangle rules: reports the verdict when it has the given class.
pub(super) fn check_class(
    cx: &Context,
    out: &mut Vec<Diagnostic>,
    class: VerdictClass,
    rule: &Rule,
) {
    let (Some(brief), Some(report)) = (cx.brief, cx.estimate) else {
        return;
    };
    let verdict = &report.verdict;
    if verdict.class != class {
        return;
    }
    let lang = cx.lang;
    let currency = brief.currency();
    let odds = percent(verdict.p_both, lang);
    let confidence = percent(report.confidence, lang);
    // The figures quoted are those at the confidence in force (P80 at the default 0.8).
    let level = crate::stats::level_name(report.confidence);
    let budget_part = brief.request.budget.as_ref().map(|b| {
        let price = money(report.price, currency, lang);
        let p = percent(verdict.p_budget.unwrap_or(1.0), lang);
        crate::t!(
            lang,
            "triangle-tight-budget-part",
            budget = money(b.value, currency, lang),
            p = p,
            level = level.as_str(),
            price = price,
        )
    });
    let deadline_part = brief.request.deadline.as_ref().map(|d| {
        let p = percent(verdict.p_deadline.unwrap_or(1.0), lang);
        let quoted = date(report.finish_at_confidence, lang);
        crate::t!(
            lang,
            "triangle-tight-deadline-part",
            deadline = date(d.value, lang),
            p = p,
            level = level.as_str(),
            date = quoted,
        )
    });
    let parts: Vec<String> = budget_part.into_iter().chain(deadline_part).collect();
    let binding = match verdict.binding {
        Binding::Budget => crate::t!(lang, "triangle-binds-budget"),
        Binding::Deadline => crate::t!(lang, "triangle-binds-deadline"),
        Binding::Both => crate::t!(lang, "triangle-binds-both"),
        Binding::None => crate::t!(lang, "triangle-binds-nothing"),
    };
    let what = match class {
        VerdictClass::Unrealistic => crate::t!(lang, "triangle-unrealistic-word"),
        _ => crate::t!(lang, "triangle-tight-word"),
    };
    let message = crate::msg!(
        "triangle-tight-message",
        what = what,
        odds = odds,
        confidence = confidence,
        parts = parts.join("; "),
        binding = binding,
    );
    let question = match verdict.binding {
        Binding::Deadline => crate::msg!("triangle-question-deadline"),
        Binding::Both => crate::msg!("triangle-question-both"),
        _ => crate::msg!("triangle-question-budget"),
    };
    let span = match verdict.binding {
        Binding::Deadline => brief.request.deadline.as_ref().map(|d| d.span.clone()),
        _ => brief.request.budget.as_ref().map(|b| b.span.clone()),
    }
    .or_else(|| brief.request.deadline.as_ref().map(|d| d.span.clone()))
    .unwrap_or(0..0);
    out.push(rule.at(span, message, Some(question.to_owned())));
}
