//! **price-cap** (warning): a fixed price in disguise — paid by the hour, but the hours
//! above the estimate are yours: "an overrun of the estimate cannot be invoiced", "hours
//! beyond the estimate are at the contractor's expense", "time and materials with a ceiling
//! of $50,000", "shall not exceed", "the estimate is binding"; "et overskredet estimat kan
//! ikke faktureres", "timer ud over estimatet betaler leverandøren selv", "dog maksimalt
//! 50.000 kr.", "estimatet er bindende".
//!
//! Billing by the hour with a cap keeps every risk of a fixed price (the overrun is yours)
//! and none of its reward (the hours saved are the client's). An estimate is a range, not a
//! promise; made binding, it must be priced like a fixed price, with its margin. Ask whether
//! the cap is the budget or a promise, and offer either a fixed price or hours without a cap
//! with a warning when the estimate is about to be passed.
//!
//! Choices made for precision: "capped at", "maximum" and "not exceed" count only about money
//! (a price, a cost, an amount, a currency), so "capped at 5 hours a month" of support is
//! left alone; "maksimalt" and "højst" only where the work is billed by the hour ("afregnes
//! efter medgået tid"), so a budget ("vores budget er højst 40.000 kr.") is not a cap.
//!
//! Example:
//!
//! ```toml
//! text = "Et overskredet estimat kan ikke faktureres"   # warning: a fixed price, then?
//! text = "Ekstra timer faktureres efter aftale"          # fine
//! ```

use std::ops::Range;
use std::sync::LazyLock;

use super::clause::{before_and_after, has, has_stem};
use super::{Context, Rule};
use crate::diagnostic::{Diagnostic, Severity, Topic};
use crate::review::text::{Lexicon, Phrase, Words, find_all};

pub(crate) const RULE: Rule = Rule {
    code: "price-cap",
    severity: Severity::Warning,
    topic: Topic::Money,
    check: Some(check),
};

/// Money: the cap is on a price, not on hours of support.
const MONEY: &[&str] = &[
    "price",
    "cost",
    "amount",
    "fee",
    "fees",
    "total",
    "invoice",
    "budget",
    "estimate",
    "quote",
    "quoted",
    "usd",
    "dkk",
    "eur",
    "gbp",
    "kr",
    "kroner",
    "pris",
    "prisen",
    "beløb",
    "beløbet",
    "estimatet",
    "tilbuddet",
    "tilbudte",
    "honorar",
    "honoraret",
];

/// Billing by the hour.
const HOURLY: &[&str] = &[
    "medgået",
    "afregnes",
    "afregner",
    "faktureres",
    "timepris",
    "timeforbrug",
    "hourly",
    "billed",
    "materials",
    "t&m",
    "hour",
    "hours",
    "timer",
];

/// Saying the overrun is not paid.
const NOT_PAID: &[&str] = &[
    "cannot", "can't", "not", "no", "won't", "expense", "own", "ikke", "selv", "egen", "ingen",
    "regning", "free", "gratis",
];

static PHRASES: &[Phrase<()>] = &[
    // English
    Phrase::new("overrun{,s}|overage{,s}", ()).guard(not_paid),
    Phrase::new(
        "beyond|above|over|exceeding the|its|our estimate|estimated|quote|quoted",
        (),
    )
    .guard(not_paid),
    Phrase::new("in excess of the estimate|quote", ()).guard(not_paid),
    Phrase::new("a|with ceiling|cap of", ()).guard(about_money),
    Phrase::new("capped at", ()).guard(about_money),
    Phrase::new("not to exceed", ()).guard(about_money),
    Phrase::new("shall|must|may|will not exceed", ()).guard(about_money),
    Phrase::new("ceiling price", ()),
    Phrase::new("estimate{,s} is|are binding", ()),
    Phrase::new("binding estimate{,s}", ()),
    // Danish
    Phrase::new(
        "overskredet|overskredne|overskridelse{,r,n} ?af estimatet|estimat|estimater|timeforbrug|tidsforbrug",
        (),
    )
    .guard(not_paid),
    Phrase::new("ud over|udover estimatet|tilbuddet|budgettet", ()).guard(not_paid),
    Phrase::new("dog|men maksimalt|højst|max|maks", ()).guard(billed_hourly),
    Phrase::new("loft over|på|for", ()).guard(about_money),
    Phrase::new("må|kan ?under ?ingen ?omstændigheder|ikke overstige|overskride", ())
        .guard(about_money),
    Phrase::new("estimat{,et,er,erne} er bindende", ()),
    Phrase::new("bindende estimat{,er}", ()),
];

static LEXICON: LazyLock<Lexicon<()>> = LazyLock::new(|| Lexicon::new(PHRASES));

/// The overrun is not paid: "cannot be invoiced", "at the contractor's expense", "selv".
fn not_paid(words: &Words, m: Range<usize>) -> Option<usize> {
    let (before, after) = before_and_after(words, &m);
    let clause = before.start..after.end;
    (has(words, clause.clone(), NOT_PAID)
        && has_stem(
            words,
            clause,
            &[
                "invoic", "bill", "charg", "paid", "pay", "expense", "cost", "fakturer", "betal",
                "afregn", "regning",
            ],
        ))
    .then_some(m.end)
}

/// Units that make a limit something other than money: "shall not exceed 5 pages".
const NOT_MONEY: &[&str] = &[
    "pages",
    "page",
    "months",
    "month",
    "days",
    "weeks",
    "years",
    "words",
    "characters",
    "minutes",
    "hours",
    "sider",
    "måneder",
    "dage",
    "uger",
    "år",
    "ord",
    "tegn",
    "timer",
];

/// The limit is on money: a price or an amount just before or after it.
fn about_money(words: &Words, m: Range<usize>) -> Option<usize> {
    let (before, after) = before_and_after(words, &m);
    let near = before.start.max(m.start.saturating_sub(4))..after.end.min(m.end + 6);
    if has(words, near.clone(), NOT_MONEY) {
        return None;
    }
    let currency = near.clone().any(|j| money_sign(words, j));
    (currency || has(words, near, MONEY)).then_some(m.end)
}

/// "$50,000", "€ 200": a currency sign right before a number.
fn money_sign(words: &Words, j: usize) -> bool {
    j > 0
        && words.norm(j).starts_with(|c: char| c.is_ascii_digit())
        && words.rest_after(j - 1).contains(['$', '£', '€'])
}

/// "afregnes efter medgået tid, dog maksimalt 50.000 kr.": a cap on hours billed.
fn billed_hourly(words: &Words, m: Range<usize>) -> Option<usize> {
    let (before, after) = before_and_after(words, &m);
    (has(words, before.start..after.end, HOURLY) && about_money(words, m.clone()).is_some())
        .then_some(m.end)
}

fn check(cx: &Context, out: &mut Vec<Diagnostic>) {
    for f in find_all(cx.scanned(), &LEXICON, |_, hits| hits) {
        out.push(RULE.quoting(
            cx.lang,
            f.span.clone(),
            &f.quoted(),
            "price-cap-message",
            "price-cap-question",
        ));
    }
}

#[cfg(test)]
mod tests {
    use crate::Lang;

    fn excerpts(text: &str, lang: Lang) -> Vec<String> {
        crate::review::rules::excerpts("price-cap", text, lang)
    }

    #[test]
    fn finds_caps() {
        assert_eq!(
            excerpts("Any overrun of the estimate cannot be invoiced.", Lang::En),
            ["overrun"]
        );
        assert_eq!(
            excerpts("Et overskredet estimat kan ikke faktureres.", Lang::Da),
            ["overskredet estimat"]
        );
    }

    #[test]
    fn precision() {
        assert!(
            excerpts(
                "Response time is 4 business hours, capped at 5 hours a month.",
                Lang::En
            )
            .is_empty()
        );
        assert!(excerpts("Vores budget er 40.000 kr. ekskl. moms.", Lang::Da).is_empty());
    }
}
