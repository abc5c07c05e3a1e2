//! Money, hours and dates written the way a Danish or an English reader expects them:
//! "12.500 kr." and "31. marts 2027"; "DKK 12,500" and "31 March 2027".

use jiff::civil::Date;

use crate::lang::Lang;
use crate::messages::setting;
use crate::t;

/// A whole amount with thousands separators, in the currency's local form.
pub fn money(amount: f64, currency: &str, lang: Lang) -> String {
    let rounded = amount.round();
    let sign = if rounded < 0.0 { "-" } else { "" };
    let digits = grouped(rounded.abs(), &setting(lang, "number-group-separator"));
    let amount = format!("{sign}{digits}");
    match currency {
        "DKK" => t!(lang, "money-dkk", amount = amount),
        _ => t!(lang, "money", amount = amount, currency = currency),
    }
}

/// Hours as "12", "12,5" (Danish) or "12.5" (English).
pub fn hours(h: f64, lang: Lang) -> String {
    let text = if (h - h.round()).abs() < 0.05 {
        // `+ 0.0`: -0.01 h rounds to -0, which is shown as 0.
        grouped(h.round() + 0.0, &setting(lang, "number-group-separator"))
    } else {
        format!("{h:.1}")
    };
    if (h - h.round()).abs() >= 0.05 {
        text.replacen('.', &setting(lang, "number-decimal-separator"), 1)
    } else {
        text
    }
}

/// A number with `places` decimals and the locale's decimal separator: "1,11" or "1.11".
pub fn decimal(x: f64, places: usize, lang: Lang) -> String {
    format!("{x:.places$}").replacen('.', &setting(lang, "number-decimal-separator"), 1)
}

/// A date in words: "31. marts 2027" or "31 March 2027".
pub fn date(d: Date, lang: Lang) -> String {
    let month = crate::messages::format(lang, "month", &[("month", d.month().into())]);
    t!(
        lang,
        "date",
        day = d.day().to_string(),
        month = month,
        year = d.year().to_string(),
    )
}

/// A share as a percentage: "69 %" in Danish, "69%" in English.
pub fn percent(share: f64, lang: Lang) -> String {
    let p = (share * 100.0).round();
    t!(lang, "percent", p = p.to_string())
}

fn grouped(whole: f64, separator: &str) -> String {
    let digits = format!("{whole:.0}");
    let mut out = String::with_capacity(digits.len() + digits.len() / 3);
    for (i, c) in digits.chars().enumerate() {
        if i > 0 && (digits.len() - i) % 3 == 0 {
            out.push_str(separator);
        }
        out.push(c);
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;
    use jiff::civil::date as d;

    #[test]
    fn local_forms() {
        assert_eq!(money(12_500.0, "DKK", Lang::Da), "12.500 kr.");
        assert_eq!(money(12_500.0, "DKK", Lang::En), "DKK 12,500");
        assert_eq!(money(1_234_567.4, "EUR", Lang::Da), "1.234.567 EUR");
        assert_eq!(money(999.0, "DKK", Lang::Da), "999 kr.");
        assert_eq!(date(d(2027, 3, 31), Lang::Da), "31. marts 2027");
        assert_eq!(date(d(2027, 3, 31), Lang::En), "31 March 2027");
        assert_eq!(hours(12.5, Lang::Da), "12,5");
        assert_eq!(hours(12.5, Lang::En), "12.5");
        assert_eq!(hours(1200.0, Lang::Da), "1.200");
        assert_eq!(percent(0.694, Lang::Da), "69 %");
    }
}
