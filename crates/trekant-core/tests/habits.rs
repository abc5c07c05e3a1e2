//! The description of estimation habits behind `trekant calibration`.

use jiff::civil::date;
use trekant_core::history::Record;
use trekant_core::history::habits::habits;

fn task(category: &str, likely: f64, actual: f64, year: i16, month: i8) -> Record {
    Record {
        project: "p".into(),
        item: format!("{category}{likely}{actual}{year}{month}"),
        category: Some(category.into()),
        low: None,
        likely,
        high: None,
        actual,
        finished: date(year, month, 1),
    }
}

#[test]
fn medians_multipliers_by_category_size_and_quarter() {
    let history = vec![
        task("dev", 4.0, 4.0, 2026, 1),
        task("dev", 4.0, 8.0, 2026, 2),
        task("dev", 4.0, 6.0, 2026, 5),
        task("design", 1.0, 0.5, 2026, 5),
    ];
    let h = habits(&history).unwrap();
    assert_eq!(h.overall.tasks, 4);
    assert_eq!(h.overall.median, 1.0);
    assert_eq!(h.overall.p80, 2.0);
    assert_eq!(h.overall.on_estimate, 0.25);
    assert_eq!(h.overall.over, 0.5);
    assert_eq!(h.by_category[0].name, "dev");
    assert_eq!(h.by_category[0].ratios.median, 1.5);
    let sizes: Vec<&str> = h.by_size.iter().map(|g| g.name.as_str()).collect();
    assert_eq!(sizes, ["1–2 h", "4–8 h"]);
    let periods: Vec<&str> = h.trend.iter().map(|g| g.name.as_str()).collect();
    assert_eq!(periods, ["2026-Q1", "2026-Q2"]);
    assert!(habits(&[]).is_none());
}
