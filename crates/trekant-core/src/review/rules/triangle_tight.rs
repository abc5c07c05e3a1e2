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
    let (Some(brief), Some(report)) = (cx.brief, cx.estimate.as_ref()) else {
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
        lang.pick(
            format!(
                "budgettet på {} holder i {p} af udfaldene ({level}-pris {price})",
                money(b.value, currency, lang)
            ),
            format!(
                "the budget of {} holds in {p} of outcomes ({level} price {price})",
                money(b.value, currency, lang)
            ),
        )
    });
    let deadline_part = brief.request.deadline.as_ref().map(|d| {
        let p = percent(verdict.p_deadline.unwrap_or(1.0), lang);
        let quoted = date(report.finish_at_confidence, lang);
        lang.pick(
            format!(
                "deadline {} holder i {p} ({level}-dato {quoted})",
                date(d.value, lang)
            ),
            format!(
                "the deadline of {} holds in {p} ({level} date {quoted})",
                date(d.value, lang)
            ),
        )
    });
    let parts: Vec<String> = budget_part.into_iter().chain(deadline_part).collect();
    let binding = match verdict.binding {
        Binding::Budget => lang.pick("budgettet", "the budget"),
        Binding::Deadline => lang.pick("deadline", "the deadline"),
        Binding::Both => lang.pick("både budget og deadline", "both budget and deadline"),
        Binding::None => lang.pick("intet", "nothing"),
    };
    let what = match class {
        VerdictClass::Unrealistic => lang.pick("urealistisk", "unrealistic"),
        _ => lang.pick("stramt", "tight"),
    };
    let message = lang.pick(
        format!("trekanten er {what}: budget og deadline holder samlet i {odds} af udfaldene (mål: {confidence}); {}; det er {binding}, der binder", parts.join("; ")),
        format!("the triangle is {what}: budget and deadline hold together in {odds} of outcomes (target: {confidence}); {}; {binding} binds", parts.join("; ")),
    );
    let question = match verdict.binding {
        Binding::Deadline => lang.pick(
            "Med det ønskede omfang er datoen svær at holde. Hvad er vigtigst: datoen eller at alt kommer med i første omgang?",
            "With the scope you want, the date is hard to hold. What matters more: the date, or having everything in the first version?",
        ),
        Binding::Both => lang.pick(
            "Det fulde ønske passer hverken i budget eller tid. Hvilke dele giver størst værdi i første version, så resten kan komme i en fase 2?",
            "The full wish fits neither the budget nor the time. Which parts give the most value in a first version, so the rest can follow in a phase 2?",
        ),
        _ => lang.pick(
            "Med det ønskede omfang er budgettet stramt. Er der luft i budgettet, eller skal vi vælge, hvad der kommer med først?",
            "With the scope you want, the budget is tight. Is there room in the budget, or should we choose what comes first?",
        ),
    };
    let span = match verdict.binding {
        Binding::Deadline => brief.request.deadline.as_ref().map(|d| d.span.clone()),
        _ => brief.request.budget.as_ref().map(|b| b.span.clone()),
    }
    .or_else(|| brief.request.deadline.as_ref().map(|d| d.span.clone()))
    .unwrap_or(0..0);
    out.push(rule.at(span, message, Some(question.to_owned())));
}
