//! **suspicious-number** (warning): the budget is not the number you meant: `40.000` written
//! the Danish way, or an amount below one hour of your work.
//!
//! TOML reads `budget = 40.000` as forty with three decimals, not forty thousand: a dot is a
//! decimal point in TOML, whatever the brief's language. Every price, verdict and option
//! would then be judged against a budget of 40. Write thousands without separators
//! (`40000`) or with underscores (`40_000`). A budget below one hour at `me.rate` is
//! flagged too: no real budget buys less than an hour, so it is a typo or a unit mix-up.
//!
//! Example:
//!
//! ```toml
//! [request]
//! budget = 40.000   # read as 40: write 40000 or 40_000
//! ```

use super::{Context, Rule};
use crate::diagnostic::{Diagnostic, Severity, Topic};

pub(crate) const RULE: Rule = Rule {
    code: "suspicious-number",
    severity: Severity::Warning,
    topic: Topic::Money,
    check: Some(check),
};

/// The number a value written with dots between groups of three digits ("40.000",
/// "1.250.000") meant, if it is written that way.
pub fn thousands_meant(written: &str) -> Option<u64> {
    let mut groups = written.trim().split('.');
    let head = groups.next()?;
    let rest: Vec<&str> = groups.collect();
    let digits = |g: &str| !g.is_empty() && g.bytes().all(|b| b.is_ascii_digit());
    if rest.is_empty()
        || !digits(head)
        || head.len() > 3
        || !rest.iter().all(|g| g.len() == 3 && digits(g))
    {
        return None;
    }
    let joined: String = std::iter::once(head).chain(rest).collect();
    joined.parse().ok()
}

fn check(cx: &Context, out: &mut Vec<Diagnostic>) {
    let Some(brief) = cx.brief else { return };
    let Some(budget) = &brief.request.budget else {
        return;
    };
    let written = cx.source.get(budget.span.clone()).unwrap_or("");
    let rate = brief.me.rate.as_ref().map(|r| r.value).filter(|r| *r > 0.0);
    let currency = brief.currency();
    let money = |v: f64| crate::format::money(v, currency, cx.lang);
    if let Some(meant) = thousands_meant(written) {
        let message = crate::msg!(
            "suspicious-number-dots",
            written = written.trim(),
            read = read_as(budget.value, cx.lang),
            meant = meant.to_string(),
            underscored = underscored(meant),
        );
        out.push(RULE.at(budget.span.clone(), message, None));
    } else if let Some(rate) = rate
        && budget.value < rate
    {
        let message = crate::msg!(
            "suspicious-number-below-hour",
            budget = money(budget.value),
            rate = money(rate),
        );
        out.push(RULE.at(budget.span.clone(), message, None));
    }
}

/// The number as TOML read it, without trailing zeros: "40", "1,25".
fn read_as(value: f64, lang: crate::lang::Lang) -> String {
    let text = crate::format::decimal(value, 3, lang);
    if value.fract() == 0.0 {
        crate::format::decimal(value, 0, lang)
    } else {
        text.trim_end_matches('0').to_string()
    }
}

/// `40000` as `40_000`, the way TOML lets thousands be grouped.
fn underscored(n: u64) -> String {
    let digits = n.to_string();
    let mut out = String::new();
    for (i, c) in digits.chars().enumerate() {
        if i > 0 && (digits.len() - i).is_multiple_of(3) {
            out.push('_');
        }
        out.push(c);
    }
    out
}

#[cfg(test)]
mod tests {
    use super::{thousands_meant, underscored};

    #[test]
    fn dots_between_groups_of_three_are_thousands() {
        assert_eq!(thousands_meant("40.000"), Some(40_000));
        assert_eq!(thousands_meant("1.250.000"), Some(1_250_000));
        assert_eq!(thousands_meant(" 5.500 "), Some(5_500));
        for not in [
            "40000", "40.5", "40.00", "4000.000", "1.2345", "1e3", "40_000", ".500",
        ] {
            assert_eq!(thousands_meant(not), None, "{not}");
        }
        assert_eq!(underscored(40_000), "40_000");
        assert_eq!(underscored(1_250_000), "1_250_000");
        assert_eq!(underscored(500), "500");
    }
}
