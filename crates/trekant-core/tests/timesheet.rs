//! Reading time-tracker exports and matching their entries to a project's items.

use jiff::civil::date;
use trekant_core::history::detect::{DateForm, Decimal, Encoding, FormError};
use trekant_core::history::timesheet::{
    ItemRef, TimeEntry, TimesheetError, TimesheetFormat, match_entries, parse_timesheet,
    parse_timesheet_bytes,
};

const ITEMS: [ItemRef<'static>; 3] = [
    ItemRef {
        id: "design",
        title: Some("Visual design"),
    },
    ItemRef {
        id: "shop",
        title: Some("Product catalogue and checkout"),
    },
    ItemRef {
        id: "shop-admin",
        title: Some("Shop administration"),
    },
];

#[test]
fn toggl_detailed_report() {
    let text = "\u{feff}User,Email,Client,Project,Task,Description,Billable,Start date,Start time,End date,End time,Duration,Tags,Amount ()\n\
Ann,a@x.dk,Kaffe Nord,Webshop,,Visual design,Yes,2027-01-05,09:00:00,2027-01-05,10:30:00,01:30:00,,\n\
Ann,a@x.dk,Kaffe Nord,Webshop,,shop: checkout bug,Yes,2027-01-06,09:00:00,2027-01-06,09:45:00,00:45:00,,\n\
Ann,a@x.dk,Kaffe Nord,Webshop,,Meeting,Yes,2027-01-06,13:00:00,2027-01-06,14:00:00,1:00:00,,\n\
Ann,a@x.dk,Kaffe Nord,Webshop,,Broken,Yes,someday,13:00:00,2027-01-06,14:00:00,1:00:00,,\n";
    let parsed = parse_timesheet(text, TimesheetFormat::Toggl).unwrap();
    assert_eq!(parsed.entries.len(), 3);
    assert_eq!(parsed.errors.len(), 1);
    assert_eq!(parsed.errors[0].line, 5);
    assert_eq!(parsed.entries[0].hours, 1.5);
    assert_eq!(parsed.entries[0].day, date(2027, 1, 5));
    assert_eq!(parsed.entries[1].hours, 0.75);

    let report = match_entries(&parsed.entries, &ITEMS);
    let items: Vec<&str> = report.matched.iter().map(|m| m.item.as_str()).collect();
    assert_eq!(items, ["design", "shop"]);
    assert_eq!(report.unmatched.len(), 1);
    assert_eq!(report.unmatched[0].name, "Meeting");
    assert_eq!(
        (report.unmatched[0].hours, report.unmatched[0].lines.clone()),
        (1.0, vec![4])
    );
}

#[test]
fn clockify_detailed_report_with_us_dates() {
    let text = "Project,Client,Description,Task,User,Group,Email,Tags,Billable,Start Date,Start Time,End Date,End Time,Duration (h),Duration (decimal),Billable Rate (DKK),Billable Amount (DKK)\n\
Webshop,Kaffe Nord,polish,design,Ann,,a@x.dk,,Yes,01/07/2027,09:00 AM,01/07/2027,11:15 AM,02:15:00,2.25,850,1912.5\n\
Webshop,Kaffe Nord,Shop administraton,,Ann,,a@x.dk,,Yes,01/08/2027,09:00 AM,01/08/2027,10:00 AM,01:00:00,1.00,850,850\n";
    let parsed = parse_timesheet(text, TimesheetFormat::Clockify).unwrap();
    assert!(parsed.errors.is_empty(), "{:?}", parsed.errors);
    assert_eq!(parsed.entries[0].day, date(2027, 1, 7));
    assert_eq!(parsed.entries[0].hours, 2.25);
    // The task names the item; the description is an alternative.
    assert_eq!(parsed.entries[0].name, "design");
    assert_eq!(parsed.entries[0].alternatives, vec!["polish".to_string()]);
    let report = match_entries(&parsed.entries, &ITEMS);
    let items: Vec<&str> = report.matched.iter().map(|m| m.item.as_str()).collect();
    // "Shop administraton" is a misspelt title: close enough, and close to nothing else.
    assert_eq!(items, ["design", "shop-admin"]);
    assert!(report.unmatched.is_empty());
}

#[test]
fn harvest_detailed_time_report_keeps_notes() {
    let text = "Date,Client,Project,Project Code,Task,Notes,Hours,Hours Rounded,Billable?,Invoiced?,First Name,Last Name\n\
2027-01-11,Kaffe Nord,Webshop,,Development,[shop] payment provider,3.5,3.5,Yes,No,Ann,Berg\n\
2027-01-12,Kaffe Nord,Webshop,,Design,,\"2.5\",2.5,Yes,No,Ann,Berg\n\
2027-01-12,Kaffe Nord,Webshop,,Development,,0,0,Yes,No,Ann,Berg\n";
    let parsed = parse_timesheet(text, TimesheetFormat::Harvest).unwrap();
    assert_eq!(parsed.entries.len(), 2);
    assert_eq!(parsed.errors.len(), 1, "a zero-hour entry is reported");
    assert_eq!(
        parsed.entries[0].note.as_deref(),
        Some("[shop] payment provider")
    );
    assert_eq!(parsed.entries[1].hours, 2.5);
    let report = match_entries(&parsed.entries, &ITEMS);
    let items: Vec<&str> = report.matched.iter().map(|m| m.item.as_str()).collect();
    assert_eq!(items, ["shop", "design"]);
}

#[test]
fn plain_csv_and_danish_dates() {
    let text = "item,date,hours,note\nshop,05.01.2027,2,first go\nSHOP ADMIN,2027-01-06,1,\nshop-admin: users,2027-01-07,1,\nshop - fix,2027-01-07,1,\n#design,2027-01-07,1,\n";
    let parsed = parse_timesheet(text, TimesheetFormat::Csv).unwrap();
    assert!(parsed.errors.is_empty(), "{:?}", parsed.errors);
    assert_eq!(parsed.entries[0].day, date(2027, 1, 5));
    assert_eq!(parsed.entries[0].note.as_deref(), Some("first go"));
    let report = match_entries(&parsed.entries, &ITEMS);
    let items: Vec<&str> = report.matched.iter().map(|m| m.item.as_str()).collect();
    assert_eq!(
        items,
        ["shop", "shop-admin", "shop-admin", "shop", "design"]
    );
}

#[test]
fn an_ambiguous_name_is_reported_not_guessed() {
    let items = [
        ItemRef {
            id: "a",
            title: Some("Landing page"),
        },
        ItemRef {
            id: "b",
            title: Some("landing-page"),
        },
    ];
    let entry = TimeEntry {
        name: "Landing Page".into(),
        alternatives: vec![],
        day: date(2027, 1, 5),
        hours: 1.0,
        note: None,
        line: 2,
    };
    let report = match_entries(&[entry.clone(), entry], &items);
    assert!(report.matched.is_empty());
    assert_eq!(report.unmatched[0].entries, 2);
    assert_eq!(
        report.unmatched[0].ambiguous,
        vec!["a".to_string(), "b".to_string()]
    );
}

#[test]
fn the_wrong_format_is_named() {
    let err = parse_timesheet("item,date,hours\n", TimesheetFormat::Toggl).unwrap_err();
    assert!(
        matches!(
            err,
            TimesheetError::MissingColumn {
                what: "timesheet-column-name",
                ..
            }
        ),
        "{err}"
    );
    assert!(
        err.to_string()
            .contains("does not look like a Toggl export"),
        "{err}"
    );
    assert_eq!(
        parse_timesheet("", TimesheetFormat::Csv).unwrap_err(),
        TimesheetError::Empty
    );
    assert!("toggl".parse::<TimesheetFormat>().is_ok());
    assert!("excel".parse::<TimesheetFormat>().is_err());
}

proptest::proptest! {
    #[test]
    fn no_export_makes_the_reader_panic(text in "(?s).{0,300}") {
        for format in [TimesheetFormat::Toggl, TimesheetFormat::Clockify, TimesheetFormat::Harvest, TimesheetFormat::Csv] {
            if let Ok(parsed) = parse_timesheet(&text, format) {
                let _ = match_entries(&parsed.entries, &ITEMS);
            }
            let _ = parse_timesheet(&format!("item,date,hours\n{text}"), format);
        }
    }
}

#[test]
fn clockify_in_english_groups_thousands_with_a_comma() {
    let text = "Project,Client,Description,Task,User,Start Date,Start Time,End Date,End Time,Duration (h),Duration (decimal)\n\
Webshop,Kaffe Nord,,Design,Ann,01/13/2027,09:00:00,01/13/2027,10:30:00,01:30:00,1.50\n\
Webshop,Kaffe Nord,,Development,Ann,01/05/2027,09:00:00,03/05/2027,10:00:00,1234:00:00,\"1,234.00\"\n\
Webshop,Kaffe Nord,,Development,Ann,01/06/2027,09:00:00,03/05/2027,10:00:00,1234:00:00,\"1,234\"\n";
    let parsed = parse_timesheet(text, TimesheetFormat::Clockify).unwrap();
    assert!(parsed.errors.is_empty(), "{:?}", parsed.errors);
    let hours: Vec<f64> = parsed.entries.iter().map(|e| e.hours).collect();
    assert_eq!(hours, [1.5, 1234.0, 1234.0]);
    // 01/13 says month first, so 01/05 is the fifth of January.
    assert_eq!(parsed.entries[1].day, date(2027, 1, 5));
    assert_eq!(parsed.detected.dates, Some(DateForm::MonthDayYearSlash));
}

#[test]
fn a_danish_toggl_export_in_utf16_reads_as_it_is() {
    let text = "Bruger;Email;Klient;Project;Task;Description;Billable;Start date;Start time;End date;End time;Duration\r\n\
Ann;ann@example.dk;Købmand;Webshop;Design;forside;Yes;05-01-2027;09:00:00;05-01-2027;10:30:00;01:30:00\r\n\
Ann;ann@example.dk;Købmand;Webshop;Development;kurv;Yes;13-01-2027;09:00:00;13-01-2027;11:00:00;02:00:00\r\n";
    let mut bytes = vec![0xFF, 0xFE];
    bytes.extend(text.encode_utf16().flat_map(u16::to_le_bytes));
    let parsed = parse_timesheet_bytes(&bytes, TimesheetFormat::Toggl).unwrap();
    assert!(parsed.errors.is_empty(), "{:?}", parsed.errors);
    assert_eq!(parsed.detected.encoding, Encoding::Utf16Le);
    assert_eq!(parsed.detected.delimiter, ';');
    assert_eq!(parsed.entries[1].day, date(2027, 1, 13));
    assert_eq!(parsed.entries[1].hours, 2.0);
}

#[test]
fn a_danish_harvest_export_in_windows_1252_has_decimal_commas() {
    let text = "Date;Client;Project;Task;Notes;Hours\r\n\
05.01.2027;K\u{f8}bmand;Webshop;Design;forside;1,5\r\n\
06.01.2027;K\u{f8}bmand;Webshop;Development;kurv;1.234,25\r\n";
    let bytes: Vec<u8> = text
        .chars()
        .map(|c| u8::try_from(u32::from(c)).unwrap())
        .collect();
    let parsed = parse_timesheet_bytes(&bytes, TimesheetFormat::Harvest).unwrap();
    assert!(parsed.errors.is_empty(), "{:?}", parsed.errors);
    assert_eq!(parsed.detected.encoding, Encoding::Windows1252);
    assert_eq!(parsed.detected.decimal, Decimal::Comma);
    let hours: Vec<f64> = parsed.entries.iter().map(|e| e.hours).collect();
    assert_eq!(hours, [1.5, 1234.25]);
    assert_eq!(parsed.entries[0].day, date(2027, 1, 5));
}

#[test]
fn a_date_column_with_no_dates_is_one_error() {
    let mut text = String::from("item,date,hours\n");
    for _ in 0..20 {
        text.push_str("shop,yesterday,1\n");
    }
    assert_eq!(
        parse_timesheet(&text, TimesheetFormat::Csv).unwrap_err(),
        TimesheetError::Form(FormError::NoDates {
            column: "date".into(),
            line: 2,
            cell: "yesterday".into()
        })
    );
}
