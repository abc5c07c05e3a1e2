//! The working calendar: which days the provider works, and on which day a given number of
//! hours is done.
//!
//! Work proceeds at `hours_per_week`, spread evenly over the workdays, skipping weekends
//! (non-workdays), public holidays and days off. Waiting (risk delays) counts in working days.

use std::collections::BTreeSet;

use jiff::ToSpan;
use jiff::civil::{Date, Weekday};

use crate::brief::{Holidays, Me};

/// A public holiday.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Holiday {
    pub date: Date,
    /// The Danish name, as the calendar says it.
    pub name: &'static str,
}

/// Easter Sunday in the Gregorian calendar (the anonymous algorithm, Meeus/Jones/Butcher).
pub(crate) fn easter_sunday(year: i16) -> Date {
    let y = i32::from(year);
    let a = y % 19;
    let b = y / 100;
    let c = y % 100;
    let d = b / 4;
    let e = b % 4;
    let f = (b + 8) / 25;
    let g = (b - f + 1) / 3;
    let h = (19 * a + b - d - g + 15) % 30;
    let i = c / 4;
    let k = c % 4;
    let l = (32 + 2 * e + 2 * i - h - k) % 7;
    let m = (a + 11 * h + 22 * l) / 451;
    let month = (h + l - 7 * m + 114) / 31;
    let day = (h + l - 7 * m + 114) % 31 + 1;
    Date::new(year, month as i8, day as i8).expect("Easter is always a valid date")
}

/// The official Danish public holidays of a year (helligdage). Store bededag was abolished
/// from 2024.
pub fn danish_holidays(year: i16) -> Vec<Holiday> {
    let easter = easter_sunday(year);
    let from_easter = |days: i32, name| Holiday {
        date: easter.saturating_add(days.days()),
        name,
    };
    let fixed = |month, day, name| Holiday {
        date: Date::new(year, month, day).expect("fixed holidays are valid dates"),
        name,
    };
    let mut days = vec![
        fixed(1, 1, "Nytårsdag"),
        from_easter(-3, "Skærtorsdag"),
        from_easter(-2, "Langfredag"),
        from_easter(0, "Påskedag"),
        from_easter(1, "2. påskedag"),
    ];
    if year <= 2023 {
        days.push(from_easter(26, "Store bededag"));
    }
    days.extend([
        from_easter(39, "Kristi himmelfartsdag"),
        from_easter(49, "Pinsedag"),
        from_easter(50, "2. pinsedag"),
        fixed(12, 25, "Juledag"),
        fixed(12, 26, "2. juledag"),
    ]);
    days
}

/// When the provider works.
#[derive(Clone, Debug)]
pub struct Calendar {
    workdays: [bool; 7],
    holidays: Holidays,
    days_off: BTreeSet<Date>,
    /// Holiday dates already computed, by year.
    holiday_dates: BTreeSet<Date>,
    years_known: BTreeSet<i16>,
}

impl Calendar {
    pub fn new(workdays: &[Weekday], holidays: Holidays, days_off: &[Date]) -> Self {
        let mut mask = [false; 7];
        for day in workdays {
            mask[day.to_monday_zero_offset() as usize] = true;
        }
        Calendar {
            workdays: mask,
            holidays,
            days_off: days_off.iter().copied().collect(),
            holiday_dates: BTreeSet::new(),
            years_known: BTreeSet::new(),
        }
    }

    /// The calendar of the provider described by `[me]`.
    pub fn for_me(me: &Me) -> Self {
        Calendar::new(&me.workdays(), me.holidays(), me.days_off())
    }

    /// Number of workdays in a week.
    pub fn workdays_per_week(&self) -> usize {
        self.workdays.iter().filter(|w| **w).count()
    }

    fn ensure_year(&mut self, year: i16) {
        if self.holidays == Holidays::Dk && self.years_known.insert(year) {
            self.holiday_dates
                .extend(danish_holidays(year).into_iter().map(|h| h.date));
        }
    }

    pub fn is_working_day(&mut self, date: Date) -> bool {
        self.ensure_year(date.year());
        self.workdays[date.weekday().to_monday_zero_offset() as usize]
            && !self.holiday_dates.contains(&date)
            && !self.days_off.contains(&date)
    }

    /// The working days from `start` (inclusive) on, as many as asked for.
    ///
    /// Returns fewer only when the calendar has no working days at all or runs off the end
    /// of the supported date range.
    pub fn working_days(&mut self, start: Date, count: usize) -> Vec<Date> {
        let mut days = Vec::with_capacity(count);
        if self.workdays_per_week() == 0 {
            return days;
        }
        let mut date = start;
        while days.len() < count {
            if self.is_working_day(date) {
                days.push(date);
            }
            match date.tomorrow() {
                Ok(next) => date = next,
                Err(_) => break,
            }
        }
        days
    }

    /// Working days from `start` to `end`, both inclusive.
    pub fn working_days_between(&mut self, start: Date, end: Date) -> usize {
        let mut count = 0;
        let mut date = start;
        while date <= end {
            count += usize::from(self.is_working_day(date));
            match date.tomorrow() {
                Ok(next) => date = next,
                Err(_) => break,
            }
        }
        count
    }
}

/// Hours worked on each working day at a weekly capacity.
pub(crate) fn hours_per_day(hours_per_week: f64, workdays_per_week: usize) -> f64 {
    hours_per_week / workdays_per_week.max(1) as f64
}

/// How many working days `hours` of work take at `hours_per_day`: the finish is on the day
/// the last hour is worked, so 8 h at 8 h/day is one day; no work still takes its first day.
pub(crate) fn days_for_hours(hours: f64, hours_per_day: f64) -> u32 {
    // A tolerance, so that 40 h at 8 h/day is 5 days even after float sums.
    let days = (hours / hours_per_day - 1e-9).ceil();
    if days.is_finite() && days >= 1.0 {
        days.min(f64::from(u32::MAX / 2)) as u32
    } else {
        1
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use jiff::civil::date;

    fn weekdays() -> Vec<Weekday> {
        vec![
            Weekday::Monday,
            Weekday::Tuesday,
            Weekday::Wednesday,
            Weekday::Thursday,
            Weekday::Friday,
        ]
    }

    #[test]
    fn easter_dates() {
        assert_eq!(easter_sunday(2024), date(2024, 3, 31));
        assert_eq!(easter_sunday(2025), date(2025, 4, 20));
        assert_eq!(easter_sunday(2027), date(2027, 3, 28));
        assert_eq!(easter_sunday(2038), date(2038, 4, 25));
    }

    #[test]
    fn forty_hours_over_easter_2027_finish_on_wednesday() {
        let mut calendar = Calendar::new(&weekdays(), Holidays::Dk, &[]);
        let per_day = hours_per_day(40.0, calendar.workdays_per_week());
        let days = days_for_hours(40.0, per_day);
        assert_eq!(days, 5);
        let finish = *calendar
            .working_days(date(2027, 3, 22), days as usize)
            .last()
            .unwrap();
        assert_eq!(finish, date(2027, 3, 31));
    }

    #[test]
    fn days_off_and_no_holidays() {
        let mut calendar = Calendar::new(&weekdays(), Holidays::None, &[date(2027, 3, 23)]);
        assert!(calendar.is_working_day(date(2027, 3, 25)));
        assert!(!calendar.is_working_day(date(2027, 3, 23)));
        assert!(!calendar.is_working_day(date(2027, 3, 27)));
        assert_eq!(
            calendar.working_days_between(date(2027, 3, 22), date(2027, 3, 28)),
            4
        );
    }

    #[test]
    fn no_workdays_yields_no_days() {
        let mut calendar = Calendar::new(&[], Holidays::Dk, &[]);
        assert!(calendar.working_days(date(2027, 1, 1), 3).is_empty());
    }
}
