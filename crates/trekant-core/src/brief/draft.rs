//! A first brief from a client's e-mail (`trekant init --from MAIL`, and the web app's "new
//! brief from a mail"): the mail verbatim in `[request] text`, its language, and the budget
//! and deadline the mail names, each with a comment quoting the words it came from, so the
//! provider can check the guess. The items are left as commented skeletons: breaking the
//! work into parts is the provider's job, not something to guess from a mail.
//!
//! The extraction reads the mail as words and numbers, not with patterns over characters:
//! "ca. 40.000 kr.", "40k", "DKK 40,000", "$5,000", "senest 15. december", "inden jul",
//! "by March 1st", "udgangen af marts", "uge 12". A number is money only with a currency or a
//! thousands suffix beside it, and an amount per hour or per month is never a budget. A date
//! is a deadline when a deadline word ("senest", "inden", "by", "before", "klar", …) comes
//! shortly before it in the same sentence, or when it is the only date in the mail.

use jiff::civil::{Date, Weekday};
use serde::Serialize;

use crate::lang::Lang;
use crate::span::Span;

/// A value found in the mail, with the words it came from.
#[derive(Clone, Debug, PartialEq, Serialize)]
pub struct Found<T> {
    pub value: T,
    /// The mail's own words, on one line, as the brief's comment quotes them.
    pub quote: String,
    /// Where in the mail (bytes).
    pub span: Span,
}

/// A first brief made from an e-mail.
#[derive(Clone, Debug, PartialEq, Serialize)]
pub struct Draft {
    /// The brief, as TOML text, ready to write to a file.
    pub toml: String,
    /// The brief's language: the mail's, when it could be told, else the one asked for.
    pub lang: Lang,
    /// Whether the language was read from the mail (rather than given or defaulted).
    pub lang_detected: bool,
    /// The currency the budget was written in (ISO 4217), when the mail names one.
    pub currency: Option<&'static str>,
    pub budget: Option<Found<f64>>,
    pub deadline: Option<Found<Date>>,
    /// The sender's name from the sign-off ("Mvh\nLone Hansen"): the client's contact.
    pub contact: Option<Found<String>>,
}

/// The brief for `text` (a client's e-mail) as of `today`, in the mail's language (English
/// when it cannot be told).
pub fn draft_from_email(text: &str, today: Date) -> Draft {
    draft_from_email_in(text, today, None)
}

/// [`draft_from_email`] in `lang` when given, else the mail's language.
pub fn draft_from_email_in(text: &str, today: Date, lang: Option<Lang>) -> Draft {
    let detected = crate::lang::detect::detect(text);
    let (lang, lang_detected) = match (lang, detected) {
        (Some(lang), _) => (lang, false),
        (None, Some(lang)) => (lang, true),
        (None, None) => (Lang::default(), false),
    };
    let tokens = tokens(text);
    let money = find_budget(text, &tokens);
    let currency = money.as_ref().and_then(|(_, c)| *c);
    let budget = money.map(|(found, _)| found);
    let deadline = find_deadline(text, &tokens, today);
    let contact = find_contact(text);
    let subject = subject(text);
    let mut draft = Draft {
        toml: String::new(),
        lang,
        lang_detected,
        currency,
        budget,
        deadline,
        contact,
    };
    draft.toml = write_toml(text, &draft, subject.as_deref(), today);
    draft
}

// ---------------------------------------------------------------------------------------
// The brief's text.

fn write_toml(mail: &str, d: &Draft, subject: Option<&str>, today: Date) -> String {
    let lang = d.lang;
    let t = |id: &str| crate::messages::text(lang, id);
    let mut out = String::new();
    let comment = |out: &mut String, text: &str| {
        for line in text.lines() {
            out.push_str("# ");
            out.push_str(line);
            out.push('\n');
        }
    };
    comment(
        &mut out,
        &crate::t!(lang, "draft-header", day = today.to_string()),
    );
    out.push('\n');
    out.push_str("[project]\n");
    let name = subject.map_or_else(|| t("draft-name"), str::to_string);
    let pad = |line: String, note: &str| format!("{line:<40} # {}\n", one_line(note));
    out.push_str(&pad(
        format!("name = {}", basic_string(&name)),
        &t("draft-name-note"),
    ));
    out.push_str(&pad("# client = \"\"".to_string(), &t("draft-client-note")));
    if let Some(contact) = &d.contact {
        out.push_str(&pad(
            format!("contact = {}", basic_string(&contact.value)),
            &crate::t!(lang, "draft-from-mail", quote = contact.quote.as_str()),
        ));
    }
    out.push_str(&pad(
        format!("language = \"{}\"", lang.code()),
        &t("draft-language-note"),
    ));
    out.push_str(&format!(
        "currency = \"{}\"\n",
        d.currency.unwrap_or(lang.pick("DKK", "DKK"))
    ));
    out.push_str(&pad(
        "# purpose = \"\"".to_string(),
        &t("draft-purpose-note"),
    ));
    out.push_str(&pad("# success = []".to_string(), &t("draft-success-note")));
    out.push_str(&pad(format!("# start = {today}"), &t("draft-start-note")));
    out.push('\n');
    out.push_str("[request]\n");
    comment(&mut out, &t("draft-text-note"));
    out.push_str("text = ");
    out.push_str(&multiline_string(mail));
    out.push('\n');
    match &d.budget {
        Some(b) => out.push_str(&pad(
            format!("budget = {}", number(b.value)),
            &crate::t!(lang, "draft-from-mail", quote = b.quote.as_str()),
        )),
        None => out.push_str(&pad("# budget = 0".to_string(), &t("draft-no-budget"))),
    }
    match &d.deadline {
        Some(dl) => out.push_str(&pad(
            format!("deadline = {}", dl.value),
            &crate::t!(lang, "draft-from-mail", quote = dl.quote.as_str()),
        )),
        None => out.push_str(&pad(
            "# deadline = YYYY-MM-DD".to_string(),
            &t("draft-no-deadline"),
        )),
    }
    out.push_str(&pad(
        "# fixed = [\"deadline\"]".to_string(),
        &t("draft-fixed-note"),
    ));
    out.push('\n');
    comment(&mut out, &t("draft-me-note"));
    out.push_str("# [me]\n");
    out.push_str(&pad("# rate = 850".to_string(), &t("draft-rate-note")));
    out.push('\n');
    comment(&mut out, &t("draft-items-note"));
    for (id, title, estimate, priority, depends) in [
        ("design", "draft-item-design", "[8, 12, 20]", "must", None),
        (
            "build",
            "draft-item-build",
            "[16, 24, 40]",
            "must",
            Some("design"),
        ),
    ] {
        out.push_str("#\n# [[item]]\n");
        out.push_str(&pad(format!("# id = \"{id}\""), &t("draft-id-note")));
        out.push_str(&format!("# title = {}\n", basic_string(&t(title))));
        out.push_str(&pad(
            format!("# estimate = {estimate}"),
            &t("draft-estimate-note"),
        ));
        out.push_str(&pad(
            format!("# priority = \"{priority}\""),
            "must | should | could | wont",
        ));
        if let Some(on) = depends {
            out.push_str(&format!("# depends = [\"{on}\"]\n"));
        }
    }
    out
}

/// A whole number without a fraction, else the shortest decimal that reads back the same.
fn number(v: f64) -> String {
    if v.fract() == 0.0 && v.abs() < 1e15 {
        format!("{}", v as i64)
    } else {
        format!("{v}")
    }
}

/// `text` on one line, fit for a TOML comment: line breaks become spaces, other control
/// characters (which a TOML comment may not hold) are dropped.
fn one_line(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    for c in text.chars() {
        if matches!(c, '\n' | '\r' | '\u{2028}' | '\u{2029}' | '\u{85}') {
            if !out.ends_with(' ') {
                out.push(' ');
            }
        } else if c == '\t' || !c.is_control() {
            out.push(c);
        }
    }
    out.trim().to_string()
}

/// A TOML basic string on one line: `"` and `\` escaped, control characters as escapes.
pub fn basic_string(text: &str) -> String {
    let mut out = String::with_capacity(text.len() + 2);
    out.push('"');
    for c in text.chars() {
        match c {
            '"' => out.push_str("\\\""),
            '\\' => out.push_str("\\\\"),
            '\n' => out.push_str("\\n"),
            '\r' => out.push_str("\\r"),
            '\t' => out.push_str("\\t"),
            c if c.is_control() => out.push_str(&format!("\\u{:04X}", c as u32)),
            c => out.push(c),
        }
    }
    out.push('"');
    out
}

/// A TOML multi-line basic string holding exactly `text`: its lines as they are, with `\`
/// escaped, every `"` of a run of two or more (which could close the string) and a final `"`
/// escaped, and control characters other than tab and line feed written as escapes (a
/// carriage return too: a parser may turn a raw CRLF into LF).
pub fn multiline_string(text: &str) -> String {
    let mut out = String::with_capacity(text.len() + 8);
    out.push_str("\"\"\"\n");
    let chars: Vec<char> = text.chars().collect();
    for (i, &c) in chars.iter().enumerate() {
        match c {
            '\\' => out.push_str("\\\\"),
            '"' => {
                let next = chars.get(i + 1) == Some(&'"');
                let prev = i > 0 && chars[i - 1] == '"';
                if next || prev || i + 1 == chars.len() {
                    out.push_str("\\\"");
                } else {
                    out.push('"');
                }
            }
            '\n' | '\t' => out.push(c),
            c if c.is_control() => out.push_str(&format!("\\u{:04X}", c as u32)),
            c => out.push(c),
        }
    }
    out.push_str("\"\"\"");
    out
}

// ---------------------------------------------------------------------------------------
// The mail as tokens.

#[derive(Clone, Copy, Debug, PartialEq, Eq)]
enum Kind {
    Word,
    Number,
    Punct,
}

#[derive(Clone, Debug)]
struct Token<'a> {
    text: &'a str,
    lower: String,
    kind: Kind,
    start: usize,
    end: usize,
    /// Whitespace between this token and the one before it.
    gap: &'a str,
}

fn tokens(text: &str) -> Vec<Token<'_>> {
    let mut out = Vec::new();
    let mut chars = text.char_indices().peekable();
    let mut gap_start = 0;
    while let Some(&(start, c)) = chars.peek() {
        if c.is_whitespace() {
            chars.next();
            continue;
        }
        let kind = if c.is_ascii_digit() {
            Kind::Number
        } else if c.is_alphabetic() {
            Kind::Word
        } else {
            Kind::Punct
        };
        let mut end = start + c.len_utf8();
        chars.next();
        if kind != Kind::Punct {
            while let Some(&(i, c)) = chars.peek() {
                let same = match kind {
                    Kind::Number => c.is_ascii_digit(),
                    _ => c.is_alphabetic(),
                };
                if !same {
                    break;
                }
                end = i + c.len_utf8();
                chars.next();
            }
        }
        let piece = &text[start..end];
        out.push(Token {
            text: piece,
            lower: piece.to_lowercase(),
            kind,
            start,
            end,
            gap: &text[gap_start..start],
        });
        gap_start = end;
    }
    out
}

impl Token<'_> {
    fn is(&self, word: &str) -> bool {
        self.lower == word
    }

    fn tight(&self) -> bool {
        self.gap.is_empty()
    }

    /// Whether a line break comes before this token.
    fn new_line(&self) -> bool {
        self.gap.contains('\n')
    }

    fn digits(&self) -> usize {
        if self.kind == Kind::Number {
            self.text.len()
        } else {
            0
        }
    }
}

/// Whether token `i` ends a sentence: `!`, `?`, `;`, a line break after it, or a full stop
/// that is not part of an abbreviation ("ca.", "kr.", "d.") or a number.
fn ends_sentence(t: &[Token], i: usize) -> bool {
    let tok = &t[i];
    if t.get(i + 1)
        .is_some_and(|n| n.gap.matches('\n').count() >= 2)
    {
        return true;
    }
    match tok.text {
        "!" | "?" | ";" => true,
        "." => {
            let next_gap = t.get(i + 1).is_none_or(|n| !n.tight());
            let abbreviation = i > 0
                && (t[i - 1].kind == Kind::Number
                    || ABBREVIATIONS.contains(&t[i - 1].lower.as_str()));
            next_gap && !abbreviation
        }
        _ => false,
    }
}

/// Words written with a full stop that ends no sentence.
const ABBREVIATIONS: &[&str] = &[
    "ca", "kr", "d", "fx", "evt", "inkl", "ekskl", "max", "maks", "mio", "nr", "jf", "bl", "a",
    "etc", "e", "g", "i", "approx", "no", "st", "mr", "mrs", "ms", "dr", "jan", "feb", "mar",
    "apr", "jun", "jul", "aug", "sep", "sept", "okt", "oct", "nov", "dec", "mill",
];

/// The index of the first token of the sentence holding token `i`, at most `max` back.
fn sentence_start(t: &[Token], i: usize, max: usize) -> usize {
    let mut s = i;
    while s > 0 && i - s < max && !ends_sentence(t, s - 1) && !t[s].new_line() {
        s -= 1;
    }
    s
}

/// The mail's words from token `from` to token `to` (inclusive), on one line.
fn quote(text: &str, t: &[Token], from: usize, to: usize) -> (String, Span) {
    let span = t[from].start..t[to].end;
    (one_line(&text[span.clone()]), span)
}

// ---------------------------------------------------------------------------------------
// Money.

/// A number read from tokens `i..end`, thousands groups and decimals understood the way
/// both languages write them: a separator (`.`, `,`, a space) before exactly three digits
/// groups thousands ("40.000", "40,000", "40 000"); before one or two it is a decimal mark.
fn read_number(t: &[Token], i: usize) -> Option<(f64, usize)> {
    let first = t.get(i).filter(|x| x.kind == Kind::Number)?;
    let mut whole = first.text.to_string();
    let mut j = i + 1;
    let grouping = first.digits() <= 3;
    if grouping {
        while let (Some(sep), Some(group)) = (t.get(j), t.get(j + 1)) {
            let dotted = matches!(sep.text, "." | "," | "'") && sep.tight() && group.tight();
            let spaced = sep.kind == Kind::Number
                && matches!(sep.gap, " " | "\u{a0}" | "\u{202f}")
                && sep.digits() == 3;
            if dotted && group.digits() == 3 {
                whole.push_str(group.text);
                j += 2;
            } else if spaced {
                whole.push_str(sep.text);
                j += 1;
            } else {
                break;
            }
        }
    }
    let mut value: f64 = whole.parse().ok()?;
    if let (Some(sep), Some(frac)) = (t.get(j), t.get(j + 1))
        && matches!(sep.text, "." | ",")
        && sep.tight()
        && frac.tight()
        && (1..=2).contains(&frac.digits())
    {
        value += frac.text.parse::<f64>().ok()? / 10f64.powi(frac.digits() as i32);
        j += 2;
    }
    Some((value, j))
}

/// The currency a word or sign stands for.
fn currency_of(word: &str) -> Option<&'static str> {
    Some(match word {
        "kr" | "kroner" | "kr." | "dkk" | "kroners" => "DKK",
        "$" | "usd" | "dollar" | "dollars" => "USD",
        "€" | "eur" | "euro" | "euros" => "EUR",
        "£" | "gbp" | "pounds" | "pund" => "GBP",
        "sek" => "SEK",
        "nok" => "NOK",
        _ => return None,
    })
}

fn multiplier(word: &str) -> Option<f64> {
    match word {
        "k" | "tusind" | "tusinde" | "thousand" => Some(1e3),
        "mio" | "million" | "millioner" | "millions" | "mill" => Some(1e6),
        _ => None,
    }
}

/// Words that make an amount a rate, not a total: "kr. i timen", "$90 per hour", "99 kr./md".
const PER_UNIT: &[&str] = &[
    "time", "timen", "timer", "måned", "måneden", "md", "mdr", "år", "året", "hour", "hr", "hours",
    "month", "mo", "year", "week", "uge", "ugen", "stk", "styk", "piece", "each", "day", "dag",
    "dagen", "user", "bruger",
];

const BUDGET_WORDS: &[&str] = &[
    "budget",
    "budgettet",
    "budgetter",
    "ramme",
    "rammen",
    "pris",
    "prisen",
    "max",
    "maks",
    "maksimalt",
    "højst",
    "afsat",
    "beløb",
    "koste",
    "betale",
    "råd",
    "spend",
    "afford",
    "maximum",
    "most",
    "around",
    "about",
    "price",
    "cost",
    "allocated",
    "ca",
    "omkring",
    "cirka",
    "approximately",
    "roughly",
];

struct Money {
    value: f64,
    currency: Option<&'static str>,
    from: usize,
    to: usize,
}

/// The money expression whose number starts at token `i`, if it is one.
fn money_at(t: &[Token], i: usize) -> Option<Money> {
    let (mut value, mut j) = read_number(t, i)?;
    let mut from = i;
    let mut currency = None;
    let mut marked = false;
    // A sign or code before: "$5,000", "DKK 40.000", "kr. 40.000", "US$ 5,000".
    if i >= 1 {
        let mut k = i - 1;
        if t[k].text == "." && k >= 1 && t[k].tight() {
            k -= 1;
        }
        if let Some(c) = currency_of(&t[k].lower) {
            currency = Some(c);
            from = k;
            marked = true;
            if k >= 1 && t[k].text == "$" && t[k - 1].is("us") && t[k].tight() {
                from = k - 1;
            }
        }
    }
    // A thousands suffix: "40k", "40 tusind", "1,5 mio.".
    if let Some(next) = t.get(j)
        && next.kind == Kind::Word
        && let Some(m) = multiplier(&next.lower)
        && (next.tight() || next.text.chars().count() > 1)
    {
        value *= m;
        j += 1;
        marked = true;
        if t.get(j).is_some_and(|n| n.text == "." && n.tight()) {
            j += 1;
        }
    }
    // A currency after: "40.000 kr.", "5,000 USD", "40.000,-".
    if let Some(next) = t.get(j) {
        if let Some(c) = currency_of(&next.lower) {
            currency = currency.or(Some(c));
            marked = true;
            j += 1;
            if t.get(j).is_some_and(|n| n.text == "." && n.tight()) {
                j += 1;
            }
        } else if next.text == ","
            && next.tight()
            && t.get(j + 1).is_some_and(|n| n.text == "-" && n.tight())
        {
            currency = currency.or(Some("DKK"));
            marked = true;
            j += 2;
        }
    }
    if !marked || value <= 0.0 {
        return None;
    }
    // A rate, not a total.
    let rest: Vec<&str> = t[j..].iter().take(3).map(|x| x.lower.as_str()).collect();
    let per = rest.iter().take(2).any(|w| {
        matches!(
            *w,
            "/" | "pr" | "per" | "om" | "a" | "an" | "i" | "hver" | "every"
        )
    });
    if per && rest.iter().any(|w| PER_UNIT.contains(w)) {
        return None;
    }
    if rest.first().is_some_and(|w| *w == "/") {
        return None;
    }
    Some(Money {
        value,
        currency,
        from,
        to: j - 1,
    })
}

fn find_budget(text: &str, t: &[Token]) -> Option<(Found<f64>, Option<&'static str>)> {
    // (has a budget word, the first such word, the amount)
    let mut best: Option<(bool, usize, Money)> = None;
    let mut i = 0;
    while i < t.len() {
        let Some(m) = money_at(t, i) else {
            i += 1;
            continue;
        };
        let start = sentence_start(t, m.from, 10);
        let keyword = (start..m.from).find(|&k| {
            BUDGET_WORDS.contains(&t[k].lower.as_str()) || t[k].lower.starts_with("budget")
        });
        let next = i.max(m.to) + 1;
        if best
            .as_ref()
            .is_none_or(|(had, _, _)| keyword.is_some() && !had)
        {
            best = Some((keyword.is_some(), keyword.unwrap_or(m.from), m));
        }
        i = next;
    }
    let (_, from, m) = best?;
    let (quote, span) = quote(text, t, from, m.to);
    Some((
        Found {
            value: m.value.round(),
            quote,
            span,
        },
        m.currency,
    ))
}

// ---------------------------------------------------------------------------------------
// Dates.

fn month_of(word: &str) -> Option<i8> {
    let w = word.trim_end_matches('.');
    Some(match w {
        "januar" | "january" | "jan" => 1,
        "februar" | "february" | "feb" => 2,
        "marts" | "march" | "mar" => 3,
        "april" | "apr" => 4,
        "maj" | "may" => 5,
        "juni" | "june" | "jun" => 6,
        "juli" | "july" | "jul" => 7,
        "august" | "aug" => 8,
        "september" | "sep" | "sept" => 9,
        "oktober" | "october" | "okt" | "oct" => 10,
        "november" | "nov" => 11,
        "december" | "dec" => 12,
        _ => return None,
    })
}

/// Whether a month's name is cut short ("dec"), so a full stop after it is part of it.
fn abbreviated(month: &str) -> bool {
    month.chars().count() <= 4
        && !matches!(month, "maj" | "may" | "juni" | "juli" | "june" | "july")
}

const DEADLINE_WORDS: &[&str] = &[
    "senest",
    "inden",
    "før",
    "deadline",
    "klar",
    "færdig",
    "færdigt",
    "lancering",
    "lancere",
    "lanceres",
    "åbning",
    "åbner",
    "åbne",
    "live",
    "online",
    "levering",
    "leveret",
    "levere",
    "leveres",
    "by",
    "before",
    "ready",
    "done",
    "launch",
    "launching",
    "due",
    "latest",
    "until",
    "till",
    "finished",
    "delivered",
    "opening",
    "opens",
    "time",
];

/// A date the mail names: in which month, which day, and the year if written.
struct Named {
    day: Option<i8>,
    month: i8,
    year: Option<i16>,
    /// Last day of the month ("udgangen af marts").
    end_of_month: bool,
    /// A weekday of an ISO week ("uge 12").
    week: Option<i8>,
    /// Written only in digits ("15/12"): taken only after a deadline word.
    numeric: bool,
    /// A holiday ("jul", "Christmas"): taken only after a deadline word ("god jul" is none).
    holiday: bool,
    from: usize,
    to: usize,
}

fn year_at(t: &[Token], j: usize) -> Option<(i16, usize)> {
    let mut k = j;
    if t.get(k).is_some_and(|x| x.text == ",") {
        k += 1;
    }
    let tok = t.get(k).filter(|x| x.digits() == 4)?;
    let y: i16 = tok.text.parse().ok()?;
    (2000..=2100).contains(&y).then_some((y, k + 1))
}

fn day_value(tok: &Token) -> Option<i8> {
    if !(1..=2).contains(&tok.digits()) {
        return None;
    }
    let d: i8 = tok.text.parse().ok()?;
    (1..=31).contains(&d).then_some(d)
}

fn is_ordinal(tok: Option<&Token>) -> bool {
    tok.is_some_and(|x| x.tight() && matches!(x.lower.as_str(), "st" | "nd" | "rd" | "th"))
}

/// The date whose expression starts at token `i`, if one does.
fn date_at(t: &[Token], i: usize) -> Option<Named> {
    let tok = &t[i];
    let plain = |day, month, year: Option<(i16, usize)>, to: usize| Named {
        day,
        month,
        year: year.map(|y| y.0),
        end_of_month: false,
        week: None,
        numeric: false,
        holiday: false,
        from: i,
        to: year.map_or(to, |y| y.1 - 1),
    };
    match tok.kind {
        Kind::Number => {
            // 2027-03-15
            if tok.digits() == 4
                && let [_, d1, m, d2, d] = t.get(i..i + 5)?
                && d1.text == "-"
                && d2.text == "-"
                && m.digits() == 2
                && d.digits() == 2
            {
                return Some(Named {
                    day: Some(d.text.parse().ok()?),
                    month: m.text.parse().ok()?,
                    year: Some(tok.text.parse().ok()?),
                    numeric: true,
                    to: i + 4,
                    ..plain(None, 0, None, i)
                });
            }
            let day = day_value(tok)?;
            let mut j = i + 1;
            if is_ordinal(t.get(j)) {
                j += 1;
            }
            if t.get(j).is_some_and(|x| x.text == "." && x.tight()) {
                // "15. december" or "15.12.2026"
                if let Some(m) = t.get(j + 1).filter(|x| x.tight()).and_then(day_value)
                    && (1..=12).contains(&m)
                {
                    return numeric_date(t, i, day, m, j + 2);
                }
                j += 1;
            } else if t.get(j).is_some_and(|x| x.text == "/" && x.tight()) {
                let m = t.get(j + 1).filter(|x| x.tight()).and_then(day_value)?;
                if !(1..=12).contains(&m) {
                    return None;
                }
                return numeric_date(t, i, day, m, j + 2);
            }
            if t.get(j).is_some_and(|x| x.is("of")) {
                j += 1;
            }
            let month = t.get(j).and_then(|x| month_of(&x.lower))?;
            let mut to = j;
            if t.get(j + 1).is_some_and(|x| x.text == "." && x.tight()) && abbreviated(&t[j].lower)
            {
                to = j + 1;
            }
            Some(plain(Some(day), month, year_at(t, to + 1), to))
        }
        Kind::Word => {
            // "December 15th, 2026", "March 1"; "jul 15" is July, "jul" alone Christmas.
            let mut j = i + 1;
            if t.get(j).is_some_and(|x| x.text == "." && x.tight()) {
                j += 1;
            }
            if let Some(month) = month_of(&tok.lower)
                && let Some(day) = t.get(j).and_then(day_value)
            {
                let mut to = j;
                if is_ordinal(t.get(j + 1)) {
                    to = j + 1;
                }
                return Some(plain(Some(day), month, year_at(t, to + 1), to));
            }
            let holiday = |day, month, to: usize| Named {
                holiday: true,
                ..plain(Some(day), month, year_at(t, to + 1), to)
            };
            match tok.lower.as_str() {
                "jul" | "julen" | "juleaften" | "christmas" | "xmas" => Some(holiday(24, 12, i)),
                "nytår" | "nytaar" | "nytåret" => Some(holiday(31, 12, i)),
                "new" if t.get(i + 1).is_some_and(|x| x.lower.starts_with("year")) => {
                    Some(holiday(31, 12, i + 1))
                }
                "udgangen" | "slutningen" | "ultimo" | "end" => {
                    let mut j = i + 1;
                    if t.get(j).is_some_and(|x| x.is("af") || x.is("of")) {
                        j += 1;
                    }
                    let month = t.get(j).and_then(|x| month_of(&x.lower))?;
                    Some(Named {
                        end_of_month: true,
                        ..plain(None, month, year_at(t, j + 1), j)
                    })
                }
                "uge" | "week" => {
                    let w = t.get(i + 1).filter(|x| (1..=2).contains(&x.digits()))?;
                    let week: i8 = w.text.parse().ok()?;
                    (1..=53).contains(&week).then_some(())?;
                    Some(Named {
                        week: Some(week),
                        ..plain(None, 1, year_at(t, i + 2), i + 1)
                    })
                }
                _ => None,
            }
        }
        Kind::Punct => None,
    }
}

/// "15/12", "15.12.2026", "15/12-26": the year, if any, after `/`, `.` or `-`.
fn numeric_date(t: &[Token], i: usize, day: i8, month: i8, j: usize) -> Option<Named> {
    let mut year = None;
    let mut to = j - 1;
    if let (Some(sep), Some(y)) = (t.get(j), t.get(j + 1))
        && matches!(sep.text, "/" | "." | "-")
        && sep.tight()
        && y.tight()
    {
        year = match y.digits() {
            4 => y.text.parse().ok(),
            2 => y.text.parse::<i16>().ok().map(|y| 2000 + y),
            _ => None,
        };
        if year.is_some() {
            to = j + 1;
        }
    }
    // "1.500" or "2.50" read as numbers, not dates.
    if t.get(to + 1)
        .is_some_and(|x| x.tight() && x.kind == Kind::Number)
    {
        return None;
    }
    Some(Named {
        day: Some(day),
        month,
        year,
        end_of_month: false,
        week: None,
        numeric: true,
        holiday: false,
        from: i,
        to,
    })
}

/// The date a [`Named`] means: its year if written (and not past), else the first such
/// day after `today`.
fn resolve(n: &Named, today: Date) -> Option<Date> {
    let make = |year: i16| -> Option<Date> {
        if let Some(week) = n.week {
            return jiff::civil::ISOWeekDate::new(year, week, Weekday::Friday)
                .ok()
                .map(|w| w.date());
        }
        let first = Date::new(year, n.month, 1).ok()?;
        if n.end_of_month {
            return Some(first.last_of_month());
        }
        Date::new(year, n.month, n.day?).ok()
    };
    match n.year {
        Some(y) => make(y).filter(|d| *d > today),
        None => (0..8)
            .filter_map(|k| make(today.year() + k))
            .find(|d| *d > today),
    }
}

fn find_deadline(text: &str, t: &[Token], today: Date) -> Option<Found<Date>> {
    // (keyword index, date)
    let mut dates: Vec<(Option<usize>, Named, Date)> = Vec::new();
    let mut i = 0;
    while i < t.len() {
        let Some(named) = date_at(t, i) else {
            i += 1;
            continue;
        };
        let to = named.to;
        if let Some(day) = resolve(&named, today) {
            let start = sentence_start(t, named.from, 8);
            let keyword = (start..named.from)
                .rev()
                .find(|&k| DEADLINE_WORDS.contains(&t[k].lower.as_str()));
            if keyword.is_some() || !(named.numeric || named.holiday) {
                dates.push((keyword, named, day));
            }
        }
        i = to + 1;
    }
    let chosen = dates
        .iter()
        .find(|(k, _, _)| k.is_some())
        .or_else(|| (dates.len() == 1).then(|| &dates[0]))?;
    let (keyword, named, day) = chosen;
    let (quote, span) = quote(text, t, keyword.unwrap_or(named.from), named.to);
    Some(Found {
        value: *day,
        quote,
        span,
    })
}

// ---------------------------------------------------------------------------------------
// Subject and sign-off.

/// The mail's subject line ("Subject: New website", "Emne: Ny hjemmeside"), without "Re:".
fn subject(text: &str) -> Option<String> {
    for line in text.lines().take(20) {
        let line = line.trim();
        let lower = line.to_lowercase();
        for key in ["subject:", "emne:", "vedr.:", "vedrørende:"] {
            if lower.starts_with(key) {
                let mut rest = line[key.len()..].trim();
                while let Some(r) = ["re:", "sv:", "fw:", "fwd:", "vs:"]
                    .iter()
                    .find(|p| rest.to_lowercase().starts_with(*p))
                {
                    rest = rest[r.len()..].trim();
                }
                let rest = one_line(rest);
                return (!rest.is_empty()).then(|| rest.chars().take(80).collect());
            }
        }
    }
    None
}

const SIGN_OFFS: &[&str] = &[
    "mvh",
    "med venlig hilsen",
    "venlig hilsen",
    "vh",
    "hilsen",
    "de bedste hilsner",
    "bedste hilsner",
    "kh",
    "kærlig hilsen",
    "best",
    "best regards",
    "regards",
    "kind regards",
    "cheers",
    "thanks",
    "thank you",
    "many thanks",
    "sincerely",
    "yours sincerely",
    "all the best",
    "warm regards",
    "br",
];

/// The name under the mail's sign-off: "Mvh\nLone Hansen" or "Best, Maria".
fn find_contact(text: &str) -> Option<Found<String>> {
    let lines: Vec<(usize, &str)> = text
        .split_inclusive('\n')
        .scan(0usize, |at, line| {
            let start = *at;
            *at += line.len();
            Some((start, line))
        })
        .collect();
    for (n, (start, line)) in lines.iter().enumerate().rev() {
        let trimmed = line.trim().trim_end_matches([',', '.', '!']);
        let lower = trimmed.to_lowercase();
        let Some(sign_off) = SIGN_OFFS
            .iter()
            .filter(|s| lower.starts_with(*s))
            .max_by_key(|s| s.len())
        else {
            continue;
        };
        // A sign-off is a whole word ("Best," but not "Bestilling").
        let rest = &trimmed[sign_off.len()..];
        if rest.chars().next().is_some_and(char::is_alphanumeric) {
            continue;
        }
        let rest_on_line = rest.trim_start_matches([',', ' ']).trim();
        let (name_line, offset) = if rest_on_line.is_empty() {
            let next = lines[n + 1..].iter().find(|(_, l)| !l.trim().is_empty())?;
            (
                next.1.trim(),
                next.0 + next.1.find(next.1.trim()).unwrap_or(0),
            )
        } else {
            (rest_on_line, start + line.find(rest_on_line).unwrap_or(0))
        };
        let words: Vec<&str> = name_line
            .split_whitespace()
            .map(|w| w.trim_end_matches([',', '.']))
            .collect();
        let is_name = |w: &&str| {
            w.chars().next().is_some_and(char::is_uppercase)
                && w.chars().all(|c| c.is_alphabetic() || c == '-')
                && w.chars().count() >= 2
        };
        if words.is_empty() || words.len() > 4 || !words.iter().all(is_name) {
            return None;
        }
        let end = (*start + line.len()).max(offset + name_line.len());
        let span = *start..end.min(text.len());
        return Some(Found {
            value: words.join(" "),
            quote: one_line(&text[span.clone()]),
            span,
        });
    }
    None
}

#[cfg(test)]
mod tests {
    use super::*;
    use jiff::civil::date;

    const TODAY: Date = date(2026, 11, 29);

    fn budget(text: &str) -> Option<f64> {
        find_budget(text, &tokens(text)).map(|(f, _)| f.value)
    }

    fn deadline(text: &str) -> Option<Date> {
        find_deadline(text, &tokens(text), TODAY).map(|f| f.value)
    }

    #[test]
    fn amounts_in_the_ways_mails_write_them() {
        for (text, want) in [
            ("Vores budget er ca. 40.000 kr. for det hele.", 40000.0),
            ("We have around 40k for this.", 40000.0),
            ("Our budget is DKK 40,000 in total.", 40000.0),
            ("We can spend $5,000.", 5000.0),
            ("Budgettet er 40 000 kr.", 40000.0),
            ("Vi har afsat 25.000,- til projektet", 25000.0),
            ("Vi har 1,5 mio. kr. i alt", 1_500_000.0),
            ("max 12.500 DKK", 12500.0),
            ("kr. 30.000 er vores ramme", 30000.0),
            ("€3.500 is what we have", 3500.0),
            ("a budget of 7500 USD", 7500.0),
            ("Budget: 40 tusind kroner", 40000.0),
        ] {
            assert_eq!(budget(text), Some(want), "{text}");
        }
    }

    #[test]
    fn rates_prices_and_bare_numbers_are_no_budget() {
        for text in [
            "Vi er 40 ansatte og har 3.000 kunder.",
            "Vi betaler normalt 850 kr. i timen.",
            "Abonnementet koster 99 kr./md.",
            "Call me on 40 50 60 70 or at 12.30.",
            "We pay $90 per hour.",
        ] {
            assert_eq!(budget(text), None, "{text}");
        }
    }

    #[test]
    fn the_amount_beside_a_budget_word_wins() {
        let text = "Vores kaffe koster 89 kr. pr. pose, og budgettet er ca. 40.000 kr.";
        let (found, currency) = find_budget(text, &tokens(text)).unwrap();
        assert_eq!(found.value, 40000.0);
        assert_eq!(found.quote, "budgettet er ca. 40.000 kr.");
        assert_eq!(&text[found.span], "budgettet er ca. 40.000 kr.");
        assert_eq!(currency, Some("DKK"));
    }

    #[test]
    fn deadlines_in_danish_and_english() {
        for (text, want) in [
            (
                "Den skal være klar senest 15. december.",
                date(2026, 12, 15),
            ),
            ("Vi vil gerne have den inden jul.", date(2026, 12, 24)),
            (
                "Det skal være færdigt inden 1. marts 2027.",
                date(2027, 3, 1),
            ),
            ("Deadline er 15/1.", date(2027, 1, 15)),
            ("Klar til udgangen af februar", date(2027, 2, 28)),
            ("We need it by December 15th.", date(2026, 12, 15)),
            ("Ready by the 1st of March, please", date(2027, 3, 1)),
            ("It must launch before Christmas.", date(2026, 12, 24)),
            ("by the end of January 2027", date(2027, 1, 31)),
            ("Den skal være klar i uge 12", date(2027, 3, 26)),
            ("deadline 2027-02-15", date(2027, 2, 15)),
            ("Vi åbner butikken 3. februar", date(2027, 2, 3)),
            // A date already past this year means next year's.
            ("senest 1. november", date(2027, 11, 1)),
        ] {
            assert_eq!(deadline(text), Some(want), "{text}");
        }
    }

    #[test]
    fn dates_that_are_no_deadline() {
        for text in [
            "Vi har 3.5 timer om ugen og 1.500 kunder.",
            "God jul og godt nytår!",
            "Vi mødtes 3. februar 2020 og 4. marts 2020.",
            "Ring på 12/13 eller skriv.",
        ] {
            assert_eq!(deadline(text), None, "{text}");
        }
    }

    #[test]
    fn the_deadline_word_is_quoted() {
        let text = "Hej!\nVi har et møde 3. december. Siden skal være klar senest 15. januar.";
        let found = find_deadline(text, &tokens(text), TODAY).unwrap();
        assert_eq!(found.value, date(2027, 1, 15));
        assert_eq!(found.quote, "senest 15. januar");
    }

    #[test]
    fn the_first_name_under_the_sign_off() {
        let c = |t: &str| find_contact(t).map(|f| f.value);
        assert_eq!(
            c("Hej\n\nVi vil gerne...\n\nMvh\nLone Hansen\nKaffe Nord"),
            Some("Lone Hansen".into())
        );
        assert_eq!(c("Hi,\nplease help.\n\nBest,\nMaria"), Some("Maria".into()));
        assert_eq!(
            c("Hi,\nplease help.\nBest regards, Tom Jones"),
            Some("Tom Jones".into())
        );
        assert_eq!(c("Hi,\nplease help."), None);
    }

    #[test]
    fn the_subject_names_the_project() {
        assert_eq!(
            subject("Subject: Re: New website\n\nHi"),
            Some("New website".into())
        );
        assert_eq!(subject("Emne: Ny webshop\n"), Some("Ny webshop".into()));
        assert_eq!(subject("Hej\n"), None);
    }

    #[test]
    fn strings_are_quoted_for_toml() {
        assert_eq!(basic_string("a \"b\" \\ \n"), r#""a \"b\" \\ \n""#);
        assert_eq!(
            multiline_string("x\"\"\"y\""),
            "\"\"\"\nx\\\"\\\"\\\"y\\\"\"\"\""
        );
        assert_eq!(
            multiline_string("say \"hi\" ok"),
            "\"\"\"\nsay \"hi\" ok\"\"\""
        );
    }
}
