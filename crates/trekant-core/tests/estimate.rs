//! The estimate: figures at the confidence in force, quantiles that match a full sort, and
//! the settings' bounds.

use jiff::civil::date;
use trekant_core::brief::parse_brief;
use trekant_core::forecast::estimate::{Settings, SettingsError, estimate};
use trekant_core::stats::{Ecdf, quantile_sorted};

const BRIEF: &str = "[project]\nname = \"t\"\nstart = 2027-03-01\n[me]\nrate = 950\n\
[request]\nbudget = 60000\ndeadline = 2027-04-01\n\
[[item]]\nid = \"a\"\nestimate = [20, 30, 60]\n\
[[item]]\nid = \"b\"\nestimate = [10, 20, 50]\n\
[[risk]]\ntitle = \"r\"\nprobability = 0.3\neffort = [4, 8, 20]\ndelay = [1, 3, 10]\n";

fn settings(confidence: f64) -> Settings {
    Settings::new(20_000, 11, confidence, date(2027, 3, 1), None).unwrap()
}

#[test]
fn price_and_date_follow_the_confidence() {
    let brief = parse_brief(BRIEF, None).brief;
    for confidence in [0.6, 0.8, 0.9, 0.95, 0.975] {
        let report = estimate(&brief, &settings(confidence)).unwrap();
        // The lazily sorted costs are the old full sort; the quotes are its quantiles.
        let sorted: &[f64] = &report.sorted_cost;
        assert!(sorted.windows(2).all(|w| w[0] <= w[1]));
        assert_eq!(report.price, quantile_sorted(sorted, confidence));
        let days: &[u32] = &report.sorted_finish_days;
        assert_eq!(days.len(), 20_000);
        let day = quantile_sorted(days, confidence);
        assert_eq!(
            report.finish_at_confidence,
            report.working_days[day as usize]
        );
        assert_eq!(report.cost.p80, quantile_sorted(sorted, 0.8));
        assert_eq!(report.cost.p95, quantile_sorted(sorted, 0.95));
        assert_eq!(
            report.finish.p10,
            report.working_days[quantile_sorted(days, 0.1) as usize]
        );
        assert_eq!(report.confidence, confidence);
    }
    let at80 = estimate(&brief, &settings(0.8)).unwrap();
    let at90 = estimate(&brief, &settings(0.9)).unwrap();
    assert_eq!(at80.price, at80.cost.p80);
    assert!(at90.price > at80.price, "{} vs {}", at90.price, at80.price);
    assert_eq!(
        at80.cost, at90.cost,
        "the summary does not depend on the confidence"
    );
}

#[test]
fn the_costs_answer_a_chart_without_sorting_as_the_sorted_slice_does() {
    let brief = parse_brief(BRIEF, None).brief;
    let unsorted = estimate(&brief, &settings(0.8)).unwrap().sorted_cost;
    let sorted_copy = unsorted.clone();
    let sorted: Vec<f64> = sorted_copy.to_vec();
    let n = sorted.len();
    let ranks = [0, n / 100, n / 2, n - 1];
    assert_eq!(
        unsorted.order_statistics(&ranks),
        sorted.order_statistics(&ranks)
    );
    let xs: Vec<f64> = (0..50).map(|i| 20_000.0 + 2_000.0 * f64::from(i)).collect();
    assert_eq!(unsorted.count_at_most(&xs), sorted.count_at_most(&xs));
    assert_eq!(unsorted.count(), n);
}

#[test]
fn settings_are_checked_where_they_are_made() {
    let today = date(2027, 1, 4);
    assert_eq!(
        Settings::new(99, 1, 0.8, today, None).unwrap_err(),
        SettingsError::Trials(99)
    );
    assert!(Settings::new(100, 1, 0.8, today, None).is_ok());
    assert!(Settings::new(10_000_000, 1, 0.8, today, None).is_ok());
    assert!(Settings::new(10_000_001, 1, 0.8, today, None).is_err());
    for bad in [0.0, 1.0, -0.5, f64::NAN, f64::INFINITY] {
        let error = Settings::new(1000, 1, bad, today, None).unwrap_err();
        assert!(matches!(error, SettingsError::Confidence(_)));
        assert!(
            error
                .to_string()
                .starts_with("--confidence must be between 0 and 1")
        );
    }
    // A core caller that builds settings by hand gets an error, never a panic.
    let brief = parse_brief(BRIEF, None).brief;
    let mut unchecked = settings(0.8);
    unchecked.confidence = 1.5;
    assert!(estimate(&brief, &unchecked).is_err());
    unchecked.confidence = 0.8;
    unchecked.trials = 0;
    assert!(estimate(&brief, &unchecked).is_err());
}

#[test]
fn a_brief_that_continues_a_project_of_the_history_learns_from_its_tasks() {
    use std::sync::Arc;
    use trekant_core::history::Record;
    use trekant_core::history::calibration::Calibration;
    // 40 development tasks of "Kaffe Nord" took twice their estimate; 200 of other projects
    // took exactly their estimate.
    let record = |project: &str, i: usize, ratio: f64| Record {
        project: project.into(),
        item: format!("t{i}"),
        category: Some("dev".into()),
        low: None,
        likely: 10.0,
        high: None,
        actual: 10.0 * ratio,
        finished: date(2027, 1, 4),
    };
    let mut history: Vec<Record> = (0..40).map(|i| record("Kaffe Nord", i, 2.0)).collect();
    history.extend((0..200).map(|i| record(&format!("other-{}", i % 5), i, 1.0)));
    let calibration = Arc::new(Calibration::fit(&history).unwrap());
    let brief = |name: &str| {
        let text = format!(
            "[project]\nname = \"{name}\"\nstart = 2027-03-01\n[me]\nrate = 950\n\
             [[item]]\nid = \"shop\"\nestimate = [8, 10, 14]\ncategory = \"dev\"\n"
        );
        parse_brief(&text, None).brief
    };
    let settings = Settings::new(20_000, 11, 0.8, date(2027, 3, 1), Some(calibration)).unwrap();
    // A new project's item is calibrated on every project's tasks: 5/6 of them took exactly
    // their estimate, so even its P80 is 10 h.
    let new = estimate(&brief("Webshop for Bager Syd"), &settings).unwrap();
    assert_eq!(new.hours.p80, 10.0);
    // Phase 2 of "Kaffe Nord" is calibrated on that project's own tasks first: its two
    // project levels (40 tasks each, prior 30) take 1 - (30/70)² = 82 % of the mixture, all
    // at twice the estimate, so its median is 20 h.
    let continued = estimate(&brief("Kaffe Nord"), &settings).unwrap();
    assert_eq!(continued.hours.p50, 20.0);
}
