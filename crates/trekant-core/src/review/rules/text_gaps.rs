//! The gaps of a plain e-mail: the questions a brief's missing budget, deadline, purpose
//! and success measure raise (`missing-budget`, `missing-deadline`, `missing-purpose`,
//! `missing-success`), asked of free text too. Not a rule: those rules call it when there is
//! no brief. A short note ("can you fix the button?") is not asked for a budget; a request
//! of some length is.
//!
//! What counts as answered is read generously, since a question asked twice costs the
//! client's patience: any amount of money answers the budget, but "our budget is small"
//! does not (it names the budget, so the finding points at it); any date or week answers
//! the deadline; a word of purpose ("so that", "formålet", "in order to", a verb of outcome
//! such as "increase", "sælge") answers the purpose; a word of measuring ("measure",
//! "succes", "KPI", a percentage) answers the success question.

use super::Rule;
use super::clause::{has, has_stem};
use super::unmeasurable_success::MONTHS;
use crate::diagnostic::Diagnostic;
use crate::messages::Message;
use crate::review::text::{Scanned, TextKind, Words};

/// Below this many words a text is a note, not a request.
const MIN_WORDS: usize = 25;

/// Which gap a rule asks about.
#[derive(Clone, Copy)]
pub(crate) enum Gap {
    Budget,
    Deadline,
    Purpose,
    Success,
}

/// Adds `rule`'s finding for `gap` when the plain texts of the review leave it open.
pub(crate) fn check(scanned: &[Scanned], gap: Gap, rule: &Rule, out: &mut Vec<Diagnostic>) {
    let Some(text) = scanned
        .iter()
        .find(|s| s.text.kind == TextKind::Document && s.words.len() >= MIN_WORDS)
    else {
        return;
    };
    let words = &text.words;
    let all = 0..words.len();
    let (message, at): (Message, usize) = match gap {
        Gap::Budget => {
            if has_amount(words) {
                return;
            }
            match (0..words.len()).find(|&j| money_budget(words, j)) {
                Some(j) => {
                    let w = words.span(&(j..j + 1));
                    let said = text.text.raw.get(w.clone()).unwrap_or("");
                    (crate::msg!("text-vague-budget-message", w = said), w.start)
                }
                None => (crate::msg!("text-missing-budget-message"), 0),
            }
        }
        Gap::Deadline => {
            if has_date(words) {
                return;
            }
            (crate::msg!("text-missing-deadline-message"), 0)
        }
        Gap::Purpose => {
            if has(words, all.clone(), PURPOSE_WORDS)
                || has_stem(words, all, PURPOSE_STEMS)
                || has_pair(words, PURPOSE_PAIRS)
            {
                return;
            }
            (crate::msg!("text-missing-purpose-message"), 0)
        }
        Gap::Success => {
            if has_stem(words, all, SUCCESS_STEMS) || words_have_percent(text) {
                return;
            }
            (crate::msg!("text-missing-success-message"), 0)
        }
    };
    let question = match gap {
        Gap::Budget => crate::msg!("missing-budget-question"),
        Gap::Deadline => crate::msg!("missing-deadline-question"),
        Gap::Purpose => crate::msg!("missing-purpose-question"),
        Gap::Success => crate::msg!("missing-success-question"),
    };
    let at = text.text.offset + at;
    out.push(rule.at(at..at, message, Some(question)));
}

const BUDGET_WORDS: &[&str] = &[
    "budget",
    "budgets",
    "budgettet",
    "budgetter",
    "budgetramme",
    "budgetrammen",
    "afford",
    "råd",
];

/// "our budget is small", not "a performance budget" nor "the Office of Management and
/// Budget".
fn money_budget(words: &Words, j: usize) -> bool {
    BUDGET_WORDS.contains(&words.norm(j))
        && !words.is_name(j)
        && !matches!(
            words.before(j),
            Some("performance" | "time" | "page" | "error" | "weight" | "risk" | "carbon" | "tids")
        )
}

const CURRENCIES: &[&str] = &[
    "kr", "kroner", "dkk", "eur", "euro", "euros", "usd", "gbp", "dollars", "pounds", "sek", "nok",
    "k",
];

/// A number with a currency: "$40,000", "35.000 kr.", "50k", "€ 2.000".
fn has_amount(words: &Words) -> bool {
    (0..words.len()).any(|j| {
        let w = words.norm(j);
        if !w.starts_with(|c: char| c.is_ascii_digit()) {
            return false;
        }
        let sign = j > 0 && words.rest_after(j - 1).contains(['$', '£', '€']);
        let unit = CURRENCIES.contains(&words.norm(j + 1))
            || w.ends_with('k')
            || w.ends_with("kr")
            || w.ends_with("dkk");
        sign || unit
    })
}

const WEEKDAYS: &[&str] = &[
    "monday",
    "tuesday",
    "wednesday",
    "thursday",
    "friday",
    "mandag",
    "tirsdag",
    "onsdag",
    "torsdag",
    "fredag",
];

/// A date: a month beside a number, an ISO or numeric date, a week, a weekday, a quarter, a
/// season after "by"/"inden".
fn has_date(words: &Words) -> bool {
    let number = |j: usize| words.norm(j).starts_with(|c: char| c.is_ascii_digit());
    (0..words.len()).any(|j| {
        let w = words.norm(j);
        let month = MONTHS.contains(&w) && j > 0 && (number(j - 1) || number(j + 1));
        let numeric = numeric_date(w);
        let week = matches!(w, "week" | "uge") && number(j + 1);
        let quarter = matches!(w, "q1" | "q2" | "q3" | "q4");
        let season = matches!(
            w,
            "christmas"
                | "jul"
                | "julen"
                | "easter"
                | "påske"
                | "påsken"
                | "summer"
                | "sommer"
                | "sommerferien"
                | "efterårsferien"
                | "vinterferien"
        ) && j > 0
            && matches!(
                words.norm(j - 1),
                "before" | "by" | "inden" | "før" | "til" | "until"
            );
        month || numeric || week || quarter || WEEKDAYS.contains(&w) || season
    })
}

/// "15/1", "15.01.2027", "2027-03-01"; not "2.5" or "1.000.000".
fn numeric_date(w: &str) -> bool {
    let parts: Vec<&str> = w.split(['-', '/', '.']).collect();
    let digits = |p: &str| !p.is_empty() && p.len() <= 4 && p.bytes().all(|b| b.is_ascii_digit());
    match parts[..] {
        [a, b] => w.contains('/') && digits(a) && digits(b) && a.len() <= 2 && b.len() <= 2,
        [a, b, c] => digits(a) && digits(c) && digits(b) && b.len() <= 2,
        _ => false,
    }
}

const PURPOSE_WORDS: &[&str] = &[
    "purpose",
    "goal",
    "goals",
    "aim",
    "objective",
    "objectives",
    "because",
    "formål",
    "formålet",
    "mål",
    "målet",
    "målsætning",
    "målsætningen",
    "fordi",
    "why",
    "hvorfor",
];

/// Verbs of outcome, as stems: what the work is for.
const PURPOSE_STEMS: &[&str] = &[
    "increas",
    "reduc",
    "grow",
    "attract",
    "convert",
    "øge",
    "øger",
    "reducer",
    "tiltrække",
    "spare",
    "sælge",
];

const PURPOSE_PAIRS: &[(&str, &str)] = &[
    ("so", "that"),
    ("so", "we"),
    ("so", "our"),
    ("so", "customers"),
    ("in", "order"),
    ("for", "at"),
    ("så", "vi"),
    ("så", "vores"),
    ("så", "kunderne"),
    ("så", "flere"),
    ("more", "customers"),
    ("flere", "kunder"),
];

fn has_pair(words: &Words, pairs: &[(&str, &str)]) -> bool {
    (1..words.len()).any(|j| {
        let pair = (words.norm(j - 1), words.norm(j));
        pairs.iter().any(|&(a, b)| pair == (a, b))
    })
}

/// Words of measuring, as stems.
const SUCCESS_STEMS: &[&str] = &[
    "measur",
    "success",
    "kpi",
    "target",
    "metric",
    "måle",
    "måler",
    "måles",
    "succes",
    "konvertering",
    "conversion",
];

/// "20 %", "20%": a percentage measures.
fn words_have_percent(text: &Scanned) -> bool {
    text.text.raw.contains('%')
}

#[cfg(test)]
mod tests {
    use crate::Lang;

    /// The codes of the questions a plain e-mail gets.
    fn asked(text: &str, lang: Lang) -> Vec<(&'static str, String)> {
        let review = crate::review::review_text(text, Some(lang));
        crate::review::questions::questions(&review.diagnostics, lang, |_| 1)
            .into_iter()
            .flat_map(|g| g.questions)
            .map(|q| (q.code, q.text))
            .collect()
    }

    fn codes(text: &str, lang: Lang) -> Vec<&'static str> {
        asked(text, lang).into_iter().map(|(c, _)| c).collect()
    }

    #[test]
    fn an_email_gets_the_gap_questions_a_brief_gets() {
        let email = "Hi, we are a small bakery in Leeds and we would like a new website with our \
            menu, our opening hours and a page about the team. Could you send us an offer? \
            Best regards, Anna";
        let asked = codes(email, Lang::En);
        for code in [
            "missing-purpose",
            "missing-success",
            "missing-deadline",
            "missing-budget",
        ] {
            assert!(asked.contains(&code), "{code} not asked: {asked:?}");
        }
    }

    #[test]
    fn answered_gaps_are_not_asked() {
        let email = "Vi vil gerne have en ny hjemmeside, så flere kunder finder os. Budgettet er \
            35.000 kr., og siden skal være klar 1. marts. Vi måler på antallet af henvendelser \
            via kontaktformularen, og vi har tekster og billeder klar til dig.";
        assert_eq!(codes(email, Lang::Da), Vec::<&str>::new());
    }

    #[test]
    fn a_small_budget_asks_about_money() {
        let email = "We would like a new website for our shop, so that more customers find us. \
            Our budget is small, and we measure success by online orders. It must be live by \
            15 March 2027, before the spring season starts for us.";
        let review = crate::review::review_text(email, Some(Lang::En));
        let budget = review
            .diagnostics
            .iter()
            .find(|d| d.code == "missing-budget")
            .expect("a budget question");
        assert_eq!(&email[budget.span.start..budget.span.start + 6], "budget");
        assert!(budget.message.contains("no amount"), "{}", budget.message);
    }

    #[test]
    fn quick_delivery_is_not_asked_about_load_times() {
        let email = "We need a booking page for our clinic and would pay extra for fast \
            delivery. The purpose is to cut phone calls; we measure it by calls per week. \
            Budget $8,000.";
        let asked = asked(email, Lang::En);
        assert!(
            !asked.iter().any(|(c, _)| *c == "vague-wording"),
            "{asked:?}"
        );
        assert!(asked.iter().any(|(c, _)| *c == "urgency"), "{asked:?}");
    }
}
