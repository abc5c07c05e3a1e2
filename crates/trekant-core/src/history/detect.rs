//! What a CSV file saved by a spreadsheet or a time tracker looks like, found from the file
//! itself: its encoding, the character between columns, the decimal separator of its numbers
//! and the form of its dates. Excel on a Danish machine saves `;`-separated Windows-1252 text
//! with decimal commas and `dd-mm-yyyy` dates; Numbers may save UTF-16; a tracker set to US
//! English writes `"1,234"` for a thousand hours and `01/05/2027` for the fifth of January.
//!
//! Number and date forms are decided once for the whole file or column, never row by row: a
//! row that reads `04/05/2027` means the same day as its neighbours do.

use jiff::civil::Date;
use serde::Serialize;

/// How the bytes of a file were turned into text.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Serialize)]
#[serde(rename_all = "kebab-case")]
pub enum Encoding {
    #[default]
    Utf8,
    /// UTF-8 with a byte-order mark in front, as Excel saves "CSV UTF-8".
    Utf8Bom,
    Utf16Le,
    Utf16Be,
    /// Not UTF-8 and without a byte-order mark: what Excel saves as plain "CSV" on Windows
    /// in western Europe.
    Windows1252,
}

impl Encoding {
    /// The encoding's usual name.
    pub fn name(self) -> &'static str {
        match self {
            Encoding::Utf8 => "UTF-8",
            Encoding::Utf8Bom => "UTF-8 (BOM)",
            Encoding::Utf16Le => "UTF-16 LE",
            Encoding::Utf16Be => "UTF-16 BE",
            Encoding::Windows1252 => "Windows-1252",
        }
    }
}

/// The text of a file's bytes: UTF-8 with or without a byte-order mark, UTF-16 with one, and
/// Windows-1252 for anything else (every byte means something in it, so decoding never fails).
pub fn decode(bytes: &[u8]) -> (String, Encoding) {
    if let Some(rest) = bytes.strip_prefix(b"\xEF\xBB\xBF") {
        return (
            String::from_utf8_lossy(rest).into_owned(),
            Encoding::Utf8Bom,
        );
    }
    if let Some(rest) = bytes.strip_prefix(b"\xFF\xFE") {
        return (utf16(rest, u16::from_le_bytes), Encoding::Utf16Le);
    }
    if let Some(rest) = bytes.strip_prefix(b"\xFE\xFF") {
        return (utf16(rest, u16::from_be_bytes), Encoding::Utf16Be);
    }
    match std::str::from_utf8(bytes) {
        Ok(text) => (text.to_string(), Encoding::Utf8),
        Err(_) => (
            bytes.iter().map(|&b| windows_1252(b)).collect(),
            Encoding::Windows1252,
        ),
    }
}

fn utf16(bytes: &[u8], unit: fn([u8; 2]) -> u16) -> String {
    let units = bytes
        .chunks(2)
        .map(|c| unit([c[0], *c.get(1).unwrap_or(&0)]));
    char::decode_utf16(units)
        .map(|c| c.unwrap_or(char::REPLACEMENT_CHARACTER))
        .collect()
}

/// Windows-1252 is Latin-1 except for 0x80–0x9F, where it keeps typographic marks.
fn windows_1252(byte: u8) -> char {
    const HIGH: [char; 32] = [
        '€', '\u{81}', '‚', 'ƒ', '„', '…', '†', '‡', 'ˆ', '‰', 'Š', '‹', 'Œ', '\u{8d}', 'Ž',
        '\u{8f}', '\u{90}', '‘', '’', '“', '”', '•', '–', '—', '˜', '™', 'š', '›', 'œ', '\u{9d}',
        'ž', 'Ÿ',
    ];
    match byte {
        0x80..=0x9F => HIGH[usize::from(byte - 0x80)],
        _ => char::from(byte),
    }
}

/// The column separator: the one of `,` `;` and tab that the header line (outside quotes)
/// holds most of; `,` when it holds none.
pub fn delimiter(text: &str) -> u8 {
    let header = text.lines().find(|l| !l.trim().is_empty()).unwrap_or("");
    let mut counts = [(b',', 0usize), (b';', 0), (b'\t', 0)];
    let mut quoted = false;
    for b in header.bytes() {
        if b == b'"' {
            quoted = !quoted;
        } else if !quoted && let Some(c) = counts.iter_mut().find(|(d, _)| *d == b) {
            c.1 += 1;
        }
    }
    // `max_by_key` keeps the last of equals; reversed, ties go to the comma.
    counts
        .iter()
        .rev()
        .max_by_key(|(_, n)| *n)
        .filter(|(_, n)| *n > 0)
        .map_or(b',', |(d, _)| *d)
}

/// The decimal separator of a file's numbers.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Serialize)]
#[serde(rename_all = "kebab-case")]
pub enum Decimal {
    #[default]
    Point,
    Comma,
}

impl Decimal {
    fn char(self) -> char {
        match self {
            Decimal::Point => '.',
            Decimal::Comma => ',',
        }
    }

    fn grouping(self) -> char {
        match self {
            Decimal::Point => ',',
            Decimal::Comma => '.',
        }
    }
}

/// A problem of a whole file or column, said once instead of on every row. Cells are given
/// with their line.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum FormError {
    MixedDecimals {
        point: (u64, String),
        comma: (u64, String),
    },
    NoDates {
        column: String,
        line: u64,
        cell: String,
    },
    BothDateOrders {
        column: String,
        day_first: (u64, String),
        month_first: (u64, String),
    },
}

impl FormError {
    /// What is wrong, in words from the catalogs.
    pub fn message(&self) -> crate::messages::Message {
        use crate::msg;
        match self {
            FormError::MixedDecimals { point, comma } => msg!(
                "form-mixed-decimals",
                point_line = point.0.to_string(),
                point = point.1,
                comma_line = comma.0.to_string(),
                comma = comma.1
            ),
            FormError::NoDates { column, line, cell } => msg!(
                "form-no-dates",
                line = line.to_string(),
                column = column,
                cell = cell
            ),
            FormError::BothDateOrders {
                column,
                day_first,
                month_first,
            } => msg!(
                "form-both-date-orders",
                column = column,
                day_line = day_first.0.to_string(),
                day = day_first.1,
                month_line = month_first.0.to_string(),
                month = month_first.1
            ),
        }
    }
}

crate::catalog_error!(FormError);

/// The decimal separator of numbers `(line, cell)`: a separator followed by other than three
/// digits, or the last of two different separators, can only be a decimal one; `1,234` alone
/// says nothing. When no cell decides, `fallback` does (the comma in a `;`-separated file or
/// under Danish column names, as Excel writes them).
pub fn decimal<'a>(
    cells: impl IntoIterator<Item = (u64, &'a str)>,
    fallback: Decimal,
) -> Result<Decimal, FormError> {
    let mut point = None;
    let mut comma = None;
    for (line, cell) in cells {
        let Some(found) = decimal_of(cell) else {
            continue;
        };
        let slot = match found {
            Decimal::Point => &mut point,
            Decimal::Comma => &mut comma,
        };
        slot.get_or_insert_with(|| (line, cell.to_string()));
    }
    match (point, comma) {
        (Some(point), Some(comma)) => Err(FormError::MixedDecimals { point, comma }),
        (Some(_), None) => Ok(Decimal::Point),
        (None, Some(_)) => Ok(Decimal::Comma),
        (None, None) => Ok(fallback),
    }
}

/// What one cell says about the decimal separator, if anything.
fn decimal_of(cell: &str) -> Option<Decimal> {
    let cell = cell.trim();
    let last = cell.rfind(['.', ','])?;
    let sep = if cell.as_bytes()[last] == b'.' {
        Decimal::Point
    } else {
        Decimal::Comma
    };
    let other = sep.grouping();
    if cell[..last].contains(other) {
        return Some(sep); // `1.234,5` or `1,234.5`
    }
    if cell[..last].contains(sep.char()) {
        return Some(if sep == Decimal::Point {
            Decimal::Comma // `1.234.567`: points group, so the comma is the decimal
        } else {
            Decimal::Point
        });
    }
    let after = &cell[last + 1..];
    let grouped = after.len() == 3 && after.bytes().all(|b| b.is_ascii_digit());
    let before = cell[..last].trim_start_matches(['-', '+']);
    let digits = !before.is_empty() && before.bytes().all(|b| b.is_ascii_digit());
    (digits && !(grouped && before.len() <= 3 && before != "0")).then_some(sep)
}

/// A number written with `decimal` as its separator, maybe grouped in thousands by the other
/// one (`1.234,5` with a decimal comma) or by spaces; `None` when it is not one.
pub fn number(text: &str, decimal: Decimal) -> Option<f64> {
    let text: String = text
        .trim()
        .chars()
        .filter(|c| !matches!(c, ' ' | '\u{a0}' | '\u{202f}'))
        .collect();
    let group = decimal.grouping();
    let plain = if text.contains(group) {
        let (whole, fraction) = match text.split_once(decimal.char()) {
            Some((w, f)) => (w, Some(f)),
            None => (text.as_str(), None),
        };
        let whole_digits = whole.trim_start_matches(['-', '+']);
        let mut groups = whole_digits.split(group);
        let first = groups.next().unwrap_or("");
        let well_grouped = (1..=3).contains(&first.len())
            && groups.all(|g| g.len() == 3)
            && whole_digits
                .chars()
                .all(|c| c.is_ascii_digit() || c == group);
        if !well_grouped {
            return None;
        }
        let whole: String = whole.chars().filter(|&c| c != group).collect();
        match fraction {
            Some(f) => format!("{whole}.{f}"),
            None => whole,
        }
    } else {
        text.replace(decimal.char(), ".")
    };
    // Only plain decimals: `f64::from_str` would also take `inf`, `1e3` and `.5e-1`.
    let ok = plain
        .bytes()
        .enumerate()
        .all(|(i, b)| b.is_ascii_digit() || b == b'.' || (i == 0 && (b == b'-' || b == b'+')));
    ok.then(|| plain.parse().ok()).flatten()
}

/// How the dates of a column are written.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize)]
#[serde(rename_all = "kebab-case")]
pub enum DateForm {
    /// `2027-01-05`
    Iso,
    /// `05-01-2027`
    DayMonthYearDash,
    /// `05.01.2027`
    DayMonthYearDot,
    /// `05/01/2027`
    DayMonthYearSlash,
    /// `01/05/2027`, as US settings write it
    MonthDayYearSlash,
}

impl DateForm {
    /// The form as a pattern, `dd-mm-yyyy`.
    pub fn pattern(self) -> &'static str {
        match self {
            DateForm::Iso => "yyyy-mm-dd",
            DateForm::DayMonthYearDash => "dd-mm-yyyy",
            DateForm::DayMonthYearDot => "dd.mm.yyyy",
            DateForm::DayMonthYearSlash => "dd/mm/yyyy",
            DateForm::MonthDayYearSlash => "mm/dd/yyyy",
        }
    }

    /// A date written in this form; `None` when it is not one (or not a real day).
    pub fn parse(self, text: &str) -> Option<Date> {
        let (shape, [a, b, c]) = shape(text)?;
        let (y, m, d) = match (self, shape) {
            (DateForm::Iso, Shape::Iso) => (a, b, c),
            (DateForm::DayMonthYearDash, Shape::Dash)
            | (DateForm::DayMonthYearDot, Shape::Dot)
            | (DateForm::DayMonthYearSlash, Shape::Slash) => (c, b, a),
            (DateForm::MonthDayYearSlash, Shape::Slash) => (c, a, b),
            _ => return None,
        };
        Date::new(
            i16::try_from(y).ok()?,
            i8::try_from(m).ok()?,
            i8::try_from(d).ok()?,
        )
        .ok()
    }
}

#[derive(Clone, Copy, PartialEq, Eq)]
enum Shape {
    Iso,
    Dash,
    Dot,
    Slash,
}

/// The separator and three numbers of a date; a time after it (`05-01-2027 00:00`, as Excel
/// may add) is ignored.
fn shape(text: &str) -> Option<(Shape, [u32; 3])> {
    let text = text.split_whitespace().next()?;
    let text = text.split_once('T').map_or(text, |(d, _)| d);
    let sep = text.chars().find(|c| !c.is_ascii_digit())?;
    let parts: Vec<&str> = text.split(sep).collect();
    if parts.len() != 3 || parts.iter().any(|p| p.is_empty() || p.len() > 4) {
        return None;
    }
    let n = |p: &str| p.parse::<u32>().ok();
    let numbers = [n(parts[0])?, n(parts[1])?, n(parts[2])?];
    let year_first = parts[0].len() == 4 && parts[1].len() <= 2 && parts[2].len() <= 2;
    let year_last = parts[2].len() == 4 && parts[0].len() <= 2 && parts[1].len() <= 2;
    let shape = match (sep, year_first, year_last) {
        ('-', true, _) => Shape::Iso,
        ('-', _, true) => Shape::Dash,
        ('.', _, true) => Shape::Dot,
        ('/', _, true) => Shape::Slash,
        _ => return None,
    };
    Some((shape, numbers))
}

/// The form of the dates `(line, cell)` of the column named `column`, decided by the whole
/// column: `dd/mm/yyyy` or `mm/dd/yyyy` by whichever has a number above 12 where the other has
/// the month, and by `slash_default` when no cell tells. Cells in no known form are left for
/// the row to report, unless no cell at all is a date; `Ok(None)` means the column is empty.
pub fn date_form<'a>(
    column: &str,
    cells: impl IntoIterator<Item = (u64, &'a str)>,
    slash_default: DateForm,
) -> Result<Option<DateForm>, FormError> {
    let mut counts = [0usize; 4];
    let mut day_first = None;
    let mut month_first = None;
    let mut first_bad = None;
    let mut any = false;
    for (line, cell) in cells {
        if cell.trim().is_empty() {
            continue;
        }
        any = true;
        let Some((shape, [a, b, _])) = shape(cell) else {
            first_bad.get_or_insert_with(|| (line, cell.to_string()));
            continue;
        };
        counts[shape as usize] += 1;
        if shape == Shape::Slash {
            if a > 12 {
                day_first.get_or_insert_with(|| (line, cell.to_string()));
            }
            if b > 12 {
                month_first.get_or_insert_with(|| (line, cell.to_string()));
            }
        }
    }
    if !any {
        return Ok(None);
    }
    let Some(most) = (0..4).filter(|&i| counts[i] > 0).max_by_key(|&i| counts[i]) else {
        let (line, cell) = first_bad.unwrap_or_default();
        return Err(FormError::NoDates {
            column: column.to_string(),
            line,
            cell,
        });
    };
    let slash = match (day_first, month_first) {
        (Some(day_first), Some(month_first)) => {
            return Err(FormError::BothDateOrders {
                column: column.to_string(),
                day_first,
                month_first,
            });
        }
        (Some(_), None) => DateForm::DayMonthYearSlash,
        (None, Some(_)) => DateForm::MonthDayYearSlash,
        (None, None) => slash_default,
    };
    Ok(Some(match most {
        0 => DateForm::Iso,
        1 => DateForm::DayMonthYearDash,
        2 => DateForm::DayMonthYearDot,
        _ => slash,
    }))
}

/// A date in `form`, or in another unambiguous form (a column may mix ISO and `dd.mm.yyyy`);
/// a slash date is read only in the column's own order.
pub fn date_in(text: &str, form: DateForm) -> Option<Date> {
    form.parse(text).or_else(|| {
        [
            DateForm::Iso,
            DateForm::DayMonthYearDash,
            DateForm::DayMonthYearDot,
        ]
        .into_iter()
        .find_map(|f| f.parse(text))
    })
}

/// What was found out about a file, for the import report.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize)]
pub struct Detected {
    pub encoding: Encoding,
    /// `,`, `;` or a tab.
    pub delimiter: char,
    pub decimal: Decimal,
    /// `None` when the file had no rows to tell from.
    pub dates: Option<DateForm>,
    /// Whether the header was in Danish (`projekt,opgave,…`).
    pub danish_header: bool,
}

impl Default for Detected {
    fn default() -> Self {
        Detected {
            encoding: Encoding::Utf8,
            delimiter: ',',
            decimal: Decimal::Point,
            dates: None,
            danish_header: false,
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn decimal_evidence() {
        assert_eq!(decimal_of("1,5"), Some(Decimal::Comma));
        assert_eq!(decimal_of("1.50"), Some(Decimal::Point));
        assert_eq!(decimal_of("1,234"), None);
        assert_eq!(decimal_of("0,250"), Some(Decimal::Comma));
        assert_eq!(decimal_of("1.234,5"), Some(Decimal::Comma));
        assert_eq!(decimal_of("1,234.5"), Some(Decimal::Point));
        assert_eq!(decimal_of("1.234.567"), Some(Decimal::Comma));
        assert_eq!(decimal_of("12"), None);
    }

    #[test]
    fn numbers_in_either_locale() {
        assert_eq!(number("1,234", Decimal::Point), Some(1234.0));
        assert_eq!(number("1,234", Decimal::Comma), Some(1.234));
        assert_eq!(number("1.234,5", Decimal::Comma), Some(1234.5));
        assert_eq!(number("1 234,5", Decimal::Comma), Some(1234.5));
        assert_eq!(number("12,34,5", Decimal::Point), None);
        assert_eq!(number("inf", Decimal::Point), None);
        assert_eq!(number("1e3", Decimal::Point), None);
        assert_eq!(number("-2", Decimal::Point), Some(-2.0));
    }

    #[test]
    fn windows_1252_and_utf16() {
        assert_eq!(
            decode(b"K\xf8bmand \x80"),
            ("Købmand €".to_string(), Encoding::Windows1252)
        );
        let utf16: Vec<u8> = [0xFF, 0xFE]
            .into_iter()
            .chain("høj".encode_utf16().flat_map(u16::to_le_bytes))
            .collect();
        assert_eq!(decode(&utf16), ("høj".to_string(), Encoding::Utf16Le));
    }
}
