//! **unmeasurable-success** (warning): a success criterion has no number, date or target.
//!
//! "More customers" and "a modern look" cannot be checked at the end of a project, so they
//! cannot be met either. A criterion is taken as measurable when it holds a number (digits,
//! a percentage, or a number word such as "twenty"/"tyve") or a month (a date to reach it by).
//!
//! Example:
//!
//! ```toml
//! success = [
//!   "More customers",                           # warning: how many, by when?
//!   "200 active subscriptions by 1 June 2027",  # fine
//! ]
//! ```

use super::{Context, Rule};
use crate::diagnostic::{Diagnostic, Severity, Topic};

pub(crate) const RULE: Rule = Rule {
    code: "unmeasurable-success",
    severity: Severity::Warning,
    topic: Topic::Purpose,
    check: Some(check),
};

const NUMBER_WORDS: &[&str] = &[
    // English
    "one",
    "two",
    "three",
    "four",
    "five",
    "six",
    "seven",
    "eight",
    "nine",
    "ten",
    "eleven",
    "twelve",
    "twenty",
    "thirty",
    "forty",
    "fifty",
    "hundred",
    "thousand",
    "million",
    "double",
    "twice",
    "half",
    "percent",
    "doubled",
    "halved",
    "triple",
    // Danish
    "en",
    "et",
    "to",
    "tre",
    "fire",
    "fem",
    "seks",
    "syv",
    "otte",
    "ni",
    "ti",
    "elleve",
    "tolv",
    "tyve",
    "tredive",
    "fyrre",
    "halvtreds",
    "hundrede",
    "tusind",
    "million",
    "millioner",
    "dobbelt",
    "fordoble",
    "fordobles",
    "halvere",
    "halveres",
    "halvdelen",
    "procent",
];

pub(crate) const MONTHS: &[&str] = &[
    "january",
    "february",
    "march",
    "april",
    "may",
    "june",
    "july",
    "august",
    "september",
    "october",
    "november",
    "december",
    "januar",
    "februar",
    "marts",
    "maj",
    "juni",
    "juli",
    "oktober",
    "q1",
    "q2",
    "q3",
    "q4",
];

/// Whether a criterion names something that can be checked.
pub(crate) fn is_measurable(text: &str) -> bool {
    if text.chars().any(|c| c.is_ascii_digit() || c == '%') {
        return true;
    }
    text.split(|c: char| !c.is_alphanumeric())
        .map(str::to_lowercase)
        .any(|w| {
            // "en"/"et" are also the Danish articles; they only count before a unit word,
            // which is rare enough that we ignore them as numbers.
            (NUMBER_WORDS.contains(&w.as_str()) && w != "en" && w != "et")
                || MONTHS.contains(&w.as_str())
        })
}

fn check(cx: &Context, out: &mut Vec<Diagnostic>) {
    let Some(brief) = cx.brief else { return };
    for criterion in brief.project.success.iter().flat_map(|s| &s.value) {
        let text = criterion.value.trim();
        if text.is_empty() || is_measurable(text) {
            continue;
        }
        let message = crate::msg!("unmeasurable-success-message", text = text);
        let question = crate::msg!("unmeasurable-success-question", text = text);
        out.push(RULE.at(criterion.span.clone(), message, Some(question)));
    }
}

#[cfg(test)]
mod tests {
    use super::is_measurable;

    #[test]
    fn numbers_dates_and_words_count() {
        assert!(is_measurable("200 active subscriptions by 1 June 2027"));
        assert!(is_measurable("Konvertering på 3 %"));
        assert!(is_measurable("Fordoble antallet af bookinger inden juni"));
        assert!(is_measurable("Twice as many sign-ups"));
        assert!(!is_measurable("More customers"));
        assert!(!is_measurable("En moderne og brugervenlig side"));
    }
}
