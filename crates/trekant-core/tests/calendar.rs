//! The Danish holiday calendar against an independent reference: the PyPI `holidays`
//! package's Denmark, written to `fixtures/dk_holidays.csv` by
//! `scripts/generate_dk_holidays.py`.

use std::collections::BTreeSet;

use jiff::civil::{Date, Weekday, date};
use trekant_core::brief::Holidays;
use trekant_core::forecast::calendar::{Calendar, danish_holidays};

fn reference() -> BTreeSet<Date> {
    include_str!("fixtures/dk_holidays.csv")
        .lines()
        .skip(1)
        .map(|line| line.split(',').next().unwrap().parse().unwrap())
        .collect()
}

#[test]
fn danish_holidays_match_the_reference_2000_to_2060() {
    let reference = reference();
    let ours: BTreeSet<Date> = (2000..=2060)
        .flat_map(danish_holidays)
        .map(|h| h.date)
        .collect();
    let missing: Vec<_> = reference.difference(&ours).collect();
    let extra: Vec<_> = ours.difference(&reference).collect();
    assert!(
        missing.is_empty() && extra.is_empty(),
        "missing {missing:?}, extra {extra:?}"
    );
    assert_eq!(ours.len(), 634);
}

#[test]
fn store_bededag_ends_after_2023() {
    let names = |y| {
        danish_holidays(y)
            .into_iter()
            .map(|h| h.name)
            .collect::<Vec<_>>()
    };
    assert!(names(2023).contains(&"Store bededag"));
    assert!(!names(2024).contains(&"Store bededag"));
}

#[test]
fn working_days_skip_every_reference_holiday() {
    let weekdays = [
        Weekday::Monday,
        Weekday::Tuesday,
        Weekday::Wednesday,
        Weekday::Thursday,
        Weekday::Friday,
    ];
    let mut calendar = Calendar::new(&weekdays, Holidays::Dk, &[]);
    for holiday in reference() {
        assert!(!calendar.is_working_day(holiday), "{holiday}");
    }
    // 2027 has 261 weekdays; six holidays fall on one (1 Jan, 25, 26 and 29 Mar, 6 and
    // 17 May); Easter Sunday, Whit Sunday and Christmas fall on weekends. Counted with
    // Python's `holidays` as 255.
    assert_eq!(
        calendar.working_days_between(date(2027, 1, 1), date(2027, 12, 31)),
        255
    );
}
