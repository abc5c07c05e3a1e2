//! The history CSV: reading, validation by line, writing back.

use jiff::civil::date;
use proptest::prelude::*;
use trekant_core::history::detect::{DateForm, Decimal, Encoding, FormError};
use trekant_core::history::{
    HistoryError, Record, parse_history, parse_history_bytes, write_history,
};

const HEADER: &str = "project,item,category,low,likely,high,actual,finished\n";

#[test]
fn reads_rows_with_optional_low_high_and_category() {
    let text = format!(
        "{HEADER}Kaffe Nord,shop,development,25,40,80,52.5,2027-02-10\nKaffe Nord,logo,,,6,,4,2027-02-11\n"
    );
    let parsed = parse_history(&text).unwrap();
    assert!(parsed.errors.is_empty(), "{:?}", parsed.errors);
    assert_eq!(parsed.lines, vec![2, 3]);
    assert_eq!(
        parsed.records[0],
        Record {
            project: "Kaffe Nord".into(),
            item: "shop".into(),
            category: Some("development".into()),
            low: Some(25.0),
            likely: 40.0,
            high: Some(80.0),
            actual: 52.5,
            finished: date(2027, 2, 10),
        }
    );
    let logo = &parsed.records[1];
    assert_eq!(
        (logo.category.as_deref(), logo.low, logo.high),
        (None, None, None)
    );
    assert!((logo.ratio() - 4.0 / 6.0).abs() < 1e-12);
}

#[test]
fn columns_may_come_in_any_order() {
    let text =
        "finished,actual,likely,high,low,category,item,project\n2027-01-05,3,2,,,design,a,p\n";
    let parsed = parse_history(text).unwrap();
    assert_eq!(parsed.records.len(), 1);
    assert_eq!(parsed.records[0].likely, 2.0);
    assert_eq!(parsed.records[0].actual, 3.0);
}

#[test]
fn every_bad_row_is_reported_by_its_line() {
    let text = format!(
        "{HEADER}\
p,ok,,,2,,3,2027-01-05
p,word,,,two,,3,2027-01-05
p,negative,,,2,,-1,2027-01-05
p,zero,,,0,,1,2027-01-05
p,date,,,2,,3,2027-02-30
p,order,,3,2,,3,2027-01-05
p,high,,,2,1,3,2027-01-05
p,short,,,2,,3
,noproject,,,2,,3,2027-01-05
p,ok,,,5,,5,2027-01-05
p,nan,,,NaN,,3,2027-01-05
"
    );
    let parsed = parse_history(&text).unwrap();
    assert_eq!(parsed.records.len(), 1);
    let lines: Vec<u64> = parsed.errors.iter().map(|e| e.line).collect();
    assert_eq!(lines, vec![3, 4, 5, 6, 7, 8, 9, 10, 11, 12]);
    let message = |line: u64| {
        parsed
            .errors
            .iter()
            .find(|e| e.line == line)
            .unwrap()
            .to_string()
    };
    assert_eq!(
        message(3),
        "line 3: `likely` is not a number of hours: `two`"
    );
    assert!(
        message(4).contains("`actual` must be a non-negative number"),
        "{}",
        message(4)
    );
    assert!(message(5).contains("more than 0 hours"), "{}", message(5));
    assert!(message(6).contains("like 2027-02-15"), "{}", message(6));
    assert!(
        message(7).contains("`low` (3) is above `likely` (2)"),
        "{}",
        message(7)
    );
    assert!(message(8).contains("`high` (1) is below"), "{}", message(8));
    assert!(
        message(9).contains("expected 8 fields, found 7"),
        "{}",
        message(9)
    );
    assert!(
        message(10).contains("`project` is empty"),
        "{}",
        message(10)
    );
    assert_eq!(
        message(11),
        "line 11: duplicates line 2: same project, item and finished date"
    );
}

#[test]
fn a_recurring_item_on_another_day_is_not_a_duplicate() {
    let text = format!("{HEADER}p,call,,,1,,1,2027-01-05\np,call,,,1,,1.5,2027-01-12\n");
    let parsed = parse_history(&text).unwrap();
    assert_eq!(parsed.records.len(), 2);
    assert!(parsed.errors.is_empty());
}

#[test]
fn header_problems_stop_the_whole_file() {
    assert_eq!(parse_history(""), Err(HistoryError::Empty));
    let unknown = parse_history("project,item,category,low,likely,high,actual,finsihed\n");
    assert_eq!(
        unknown.unwrap_err().to_string(),
        "line 1: unknown column `finsihed`; did you mean `finished`?"
    );
    let twice = parse_history("project,item,category,low,likely,high,actual,finished,likely\n");
    assert_eq!(twice, Err(HistoryError::DuplicateColumn("likely".into())));
    let missing = parse_history("project,item,likely,actual,finished\n");
    assert_eq!(
        missing.unwrap_err().to_string(),
        "line 1: the header lacks `category`, `low`, `high`"
    );
}

#[test]
fn a_byte_order_mark_is_not_part_of_the_header() {
    let text = format!("\u{feff}{HEADER}p,a,,,1,,1,2027-01-05\n");
    assert_eq!(parse_history(&text).unwrap().records.len(), 1);
}

#[test]
fn blank_lines_are_ignored() {
    let text = format!("{HEADER}p,a,,,1,,1,2027-01-05\n\n\np,b,,,1,,2,2027-01-05\n");
    let parsed = parse_history(&text).unwrap();
    assert_eq!(parsed.records.len(), 2);
    assert_eq!(parsed.lines, vec![2, 5]);
}

#[test]
fn written_history_reads_back_identically() {
    let text = format!(
        "{HEADER}\"Kaffe, Nord\",\"say \"\"hi\"\"\",dev,1,2.5,4,0.1,2027-01-05\np,b,,,0.30000000000000004,,7,2026-12-31\n"
    );
    let parsed = parse_history(&text).unwrap();
    let written = write_history(&parsed.records);
    assert!(written.starts_with(HEADER));
    assert_eq!(parse_history(&written).unwrap().records, parsed.records);
}

/// Windows-1252 bytes of a text (every char of which is in Latin-1), as Excel saves "CSV".
fn windows_1252(text: &str) -> Vec<u8> {
    text.chars()
        .map(|c| u8::try_from(u32::from(c)).expect("a Latin-1 character"))
        .collect()
}

/// UTF-16 LE with its byte-order mark, as Excel saves "Unicode text" and Numbers may.
fn utf16_le(text: &str) -> Vec<u8> {
    let mut bytes = vec![0xFF, 0xFE];
    bytes.extend(text.encode_utf16().flat_map(u16::to_le_bytes));
    bytes
}

/// A history kept in Excel on a Danish machine, saved as CSV: `;` between columns, decimal
/// commas, a thousands point, `dd-mm-yyyy` dates, Danish headers, CRLF line ends.
const DANISH_EXCEL: &str = "Projekt;Opgave;Kategori;Lav;Sandsynlig;Høj;Faktisk;Afsluttet\r\n\
Købmand Hansen;logo;design;4;6;10;7,5;05-01-2027\r\n\
Købmand Hansen;webshop;udvikling;800;1.000;1.500;1.234,5;13-02-2027\r\n\
Bageriet Ø;møde;;;1,5;;1,25;01-03-2027\r\n";

#[test]
fn a_danish_excel_export_in_windows_1252_imports_as_it_is() {
    let parsed = parse_history_bytes(&windows_1252(DANISH_EXCEL)).unwrap();
    assert!(parsed.errors.is_empty(), "{:?}", parsed.errors);
    let d = parsed.detected;
    assert_eq!(d.encoding, Encoding::Windows1252);
    assert_eq!(d.delimiter, ';');
    assert_eq!(d.decimal, Decimal::Comma);
    assert_eq!(d.dates, Some(DateForm::DayMonthYearDash));
    assert!(d.danish_header);
    assert_eq!(parsed.lines, vec![2, 3, 4]);
    let shop = &parsed.records[1];
    assert_eq!(shop.project, "Købmand Hansen");
    assert_eq!(shop.category.as_deref(), Some("udvikling"));
    assert_eq!(
        (shop.low, shop.likely, shop.high),
        (Some(800.0), 1000.0, Some(1500.0))
    );
    assert_eq!(shop.actual, 1234.5);
    assert_eq!(shop.finished, date(2027, 2, 13));
    let meeting = &parsed.records[2];
    assert_eq!(
        (meeting.project.as_str(), meeting.likely, meeting.actual),
        ("Bageriet Ø", 1.5, 1.25)
    );
    assert_eq!(meeting.finished, date(2027, 3, 1));
}

#[test]
fn the_same_history_in_utf8_with_bom_and_in_utf16_reads_the_same() {
    let reference = parse_history_bytes(&windows_1252(DANISH_EXCEL)).unwrap();
    let mut bom = b"\xEF\xBB\xBF".to_vec();
    bom.extend(DANISH_EXCEL.as_bytes());
    let utf8 = parse_history_bytes(&bom).unwrap();
    assert_eq!(utf8.detected.encoding, Encoding::Utf8Bom);
    assert_eq!(utf8.records, reference.records);
    // Excel's "Unicode text" is UTF-16 with tabs between the columns, dates with points.
    let tabbed = DANISH_EXCEL.replace(';', "\t").replace('-', ".");
    let utf16 = parse_history_bytes(&utf16_le(&tabbed)).unwrap();
    assert!(utf16.errors.is_empty(), "{:?}", utf16.errors);
    assert_eq!(utf16.detected.encoding, Encoding::Utf16Le);
    assert_eq!(utf16.detected.delimiter, '\t');
    assert_eq!(utf16.detected.dates, Some(DateForm::DayMonthYearDot));
    assert_eq!(utf16.records, reference.records);
}

#[test]
fn slash_dates_are_read_one_way_for_the_whole_column() {
    // 13/02 can only be day first, so 04/05 in the same column is the fourth of May.
    let text = format!("{HEADER}p,a,,,1,,1,04/05/2027\np,b,,,1,,1,13/02/2027\n");
    let parsed = parse_history(&text).unwrap();
    assert_eq!(parsed.detected.dates, Some(DateForm::DayMonthYearSlash));
    assert_eq!(parsed.records[0].finished, date(2027, 5, 4));
    let text = format!("{HEADER}p,a,,,1,,1,04/05/2027\np,b,,,1,,1,02/13/2027\n");
    let parsed = parse_history(&text).unwrap();
    assert_eq!(parsed.detected.dates, Some(DateForm::MonthDayYearSlash));
    assert_eq!(parsed.records[0].finished, date(2027, 4, 5));
    let text = format!("{HEADER}p,a,,,1,,1,13/05/2027\np,b,,,1,,1,02/13/2027\n");
    let both = parse_history(&text).unwrap_err().to_string();
    assert!(
        both.contains("line 2: `13/05/2027`") && both.contains("line 3: `02/13/2027`"),
        "{both}"
    );
}

#[test]
fn a_whole_column_problem_is_said_once() {
    let mut text = String::from(HEADER);
    for i in 0..32 {
        text.push_str(&format!("p,t{i},,,2,,3,Feb {} 2027\n", i % 28 + 1));
    }
    let error = parse_history(&text).unwrap_err();
    assert_eq!(
        error,
        HistoryError::Form(FormError::NoDates {
            column: "finished".into(),
            line: 2,
            cell: "Feb 1 2027".into()
        })
    );
    let mut text = String::from(HEADER);
    for i in 0..32 {
        text.push_str(&format!("p,t{i},,,,,3,2027-01-05\n"));
    }
    let error = parse_history(&text).unwrap_err().to_string();
    assert!(
        error.starts_with("line 2: `likely` is empty, and so on every one of the 32 rows"),
        "{error}"
    );
}

#[test]
fn numbers_with_both_decimal_separators_are_refused_once() {
    let text = format!(
        "{HEADER}p,a,,,1.5,,2,2027-01-05\np,b,,,1,,2,2027-01-05\np,c,,,2,,2,5,2027-01-05\n"
    );
    // The last row has a decimal comma unquoted: one field too many, a bad row of its own.
    let parsed = parse_history(&text).unwrap();
    assert_eq!(parsed.errors.len(), 1);
    let text = format!("{HEADER}p,a,,,1.5,,2,2027-01-05\np,c,,,2,,\"2,5\",2027-01-05\n");
    assert_eq!(
        parse_history(&text),
        Err(HistoryError::Form(FormError::MixedDecimals {
            point: (2, "1.5".into()),
            comma: (3, "2,5".into()),
        }))
    );
}

#[test]
fn an_english_history_keeps_its_thousands_separator() {
    let text = format!("{HEADER}p,a,,,\"1,000\",,\"1,234\",2027-01-05\np,b,,,1.5,,2,2027-01-05\n");
    let parsed = parse_history(&text).unwrap();
    assert_eq!(parsed.detected.decimal, Decimal::Point);
    assert_eq!(
        (parsed.records[0].likely, parsed.records[0].actual),
        (1000.0, 1234.0)
    );
}

fn record() -> impl Strategy<Value = Record> {
    (
        "[a-zA-Z0-9 ,\"]{1,12}",
        "[a-z0-9-]{1,8}",
        proptest::option::of("[a-z]{1,6}"),
        0.001f64..1e4,
        0.0f64..1e4,
        0i16..3000,
        1i8..=12,
        1i8..=28,
    )
        .prop_map(
            |(project, item, category, likely, actual, y, m, d)| Record {
                project: project.trim().to_string() + "x",
                item,
                category,
                low: Some(likely / 2.0),
                likely,
                high: None,
                actual,
                finished: date(y + 1, m, d),
            },
        )
}

proptest! {
    #[test]
    fn any_records_round_trip(records in proptest::collection::vec(record(), 0..20)) {
        // Duplicate keys are rejected on reading, so keep the first of each.
        let mut seen = std::collections::HashSet::new();
        let records: Vec<Record> = records
            .into_iter()
            .filter(|r| seen.insert((r.project.clone(), r.item.clone(), r.finished)))
            .collect();
        let parsed = parse_history(&write_history(&records)).unwrap();
        prop_assert!(parsed.errors.is_empty(), "{:?}", parsed.errors);
        prop_assert_eq!(parsed.records, records);
    }

    #[test]
    fn no_text_makes_the_reader_panic(text in "(?s).{0,400}") {
        let _ = parse_history(&text);
        let _ = parse_history(&format!("{HEADER}{text}"));
    }
}
