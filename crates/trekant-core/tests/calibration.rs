//! Calibration against known answers on small synthetic histories.

use jiff::civil::{Date, date};
use proptest::prelude::*;
use trekant_core::history::Record;
use trekant_core::history::calibration::{
    Calibration, CalibrationError, CalibrationSettings, Cascade, Roundness, TaskKind,
};

fn task(category: Option<&str>, likely: f64, ratio: f64, finished: Date) -> Record {
    Record {
        project: "p".into(),
        item: format!("t{likely}-{ratio}"),
        category: category.map(str::to_string),
        low: None,
        likely,
        high: None,
        actual: likely * ratio,
        finished,
    }
}

const DAY: Date = date(2026, 6, 1);

#[test]
fn a_constant_ratio_is_every_quantile() {
    let history: Vec<Record> = (1..=20).map(|_| task(None, 4.0, 1.5, DAY)).collect();
    let c = Calibration::fit(&history).unwrap();
    assert_eq!(c.tasks(), 20);
    for u in [0.0, 0.1, 0.5, 0.8, 0.9, 1.0] {
        assert_eq!(c.ratio_quantile(None, 4.0, u), 1.5);
    }
    assert_eq!(c.hours_quantiles(None, 4.0, &[0.5, 0.9]), vec![6.0, 6.0]);
}

#[test]
fn quantiles_of_equally_weighted_ratios() {
    // Ratios 1..=10 on one day, one size: the u-quantile is the smallest ratio with at least
    // u of the tasks at or below it.
    let history: Vec<Record> = (1..=10).map(|r| task(None, 2.0, r as f64, DAY)).collect();
    let c = Calibration::fit(&history).unwrap();
    let q = |u| c.ratio_quantile(None, 2.0, u);
    assert_eq!(
        (q(0.0), q(0.1), q(0.5), q(0.55), q(0.8), q(0.9), q(1.0)),
        (1.0, 1.0, 5.0, 6.0, 8.0, 9.0, 10.0)
    );
    assert_eq!(q(f64::NAN), 5.0, "a NaN level means the median");
    assert_eq!(q(7.0), 10.0, "levels are clamped");
}

#[test]
fn hours_already_logged_cut_off_what_can_no_longer_happen() {
    // Ratios 1..=10, likely 1 h, 5 h logged and not done: 4 of 10 outcomes are gone, so the
    // conditional median is the unconditional 0.4 + 0.5 * 0.6 = 0.7 quantile.
    let history: Vec<Record> = (1..=10).map(|r| task(None, 1.0, r as f64, DAY)).collect();
    let c = Calibration::fit(&history).unwrap();
    assert_eq!(c.ratio_quantile_given(None, 1.0, 5.0, 0.5), 7.0);
    assert_eq!(c.ratio_quantile_given(None, 1.0, 5.0, 0.0), 5.0);
    assert_eq!(
        c.hours_quantiles_given(None, 1.0, 0.0, &[0.5, 0.9]),
        vec![5.0, 9.0]
    );
    // Past everything in the history: at least what is logged.
    assert_eq!(c.ratio_quantile_given(None, 1.0, 12.5, 0.9), 12.5);
}

#[test]
fn older_tasks_weigh_less_by_the_half_life() {
    // Ten tasks two years (one half-life) old at ratio 1, ten recent ones at ratio 2: the old
    // ones carry weight 1/2 each, so P(ratio = 1) = 5 / 15 = 1/3.
    let old = date(2024, 6, 1);
    let recent = old.checked_add(jiff::Span::new().days(730)).unwrap();
    let mut history: Vec<Record> = (0..10).map(|_| task(None, 2.0, 1.0, old)).collect();
    history.extend((0..10).map(|_| task(None, 2.0, 2.0, recent)));
    let c = Calibration::fit(&history).unwrap();
    assert_eq!(c.ratio_quantile(None, 2.0, 0.33), 1.0);
    assert_eq!(c.ratio_quantile(None, 2.0, 0.34), 2.0);

    let flat = CalibrationSettings {
        half_life_days: f64::INFINITY,
        ..CalibrationSettings::default()
    };
    let c = Calibration::fit_with(&history, &flat).unwrap();
    assert_eq!(c.ratio_quantile(None, 2.0, 0.5), 1.0);
    assert_eq!(c.ratio_quantile(None, 2.0, 0.51), 2.0);
}

#[test]
fn a_category_is_shrunk_toward_its_size_bucket_by_its_evidence() {
    // 30 tasks of "design" at ratio 2 and 90 of "dev" at ratio 1, all of one size and day.
    // design's own distribution gets 30 / (30 + 30) = 1/2; the size bucket (120 tasks) gets
    // 120 / (120 + 30) of the remaining half, the overall the rest; both hold ratio 2 at 1/4.
    // So P(ratio = 1 | design) = 1/2 * 3/4 = 0.375.
    let mut history: Vec<Record> = (0..30)
        .map(|_| task(Some("design"), 3.0, 2.0, DAY))
        .collect();
    history.extend((0..90).map(|_| task(Some("dev"), 3.0, 1.0, DAY)));
    let c = Calibration::fit(&history).unwrap();
    assert_eq!(c.ratio_quantile(Some("design"), 3.0, 0.37), 1.0);
    assert_eq!(c.ratio_quantile(Some("design"), 3.0, 0.38), 2.0);
    // An unknown category gets the size bucket and the overall: P(ratio = 1) = 3/4.
    assert_eq!(c.ratio_quantile(Some("copywriting"), 3.0, 0.74), 1.0);
    assert_eq!(c.ratio_quantile(Some("copywriting"), 3.0, 0.76), 2.0);
    assert_eq!(c.ratio_quantile(None, 3.0, 0.76), 2.0);
}

#[test]
fn the_size_of_the_estimate_selects_its_bucket() {
    // Small tasks (1 h) always double; big ones (16 h) take exactly their estimate.
    // The short cascade (size, then all tasks) shows the size bucket alone; the long one
    // puts the wider bucket between them (below).
    let short = CalibrationSettings {
        cascade: Cascade::Short,
        ..CalibrationSettings::default()
    };
    let mut history: Vec<Record> = (0..300).map(|_| task(None, 1.0, 2.0, DAY)).collect();
    history.extend((0..300).map(|_| task(None, 16.0, 1.0, DAY)));
    let c = Calibration::fit_with(&history, &short).unwrap();
    // Bucket share 300 / 330; the overall's half of the rest is the other ratio.
    assert_eq!(c.ratio_quantile(None, 1.5, 0.9), 2.0);
    assert_eq!(c.ratio_quantile(None, 1.5, 0.04), 1.0);
    assert_eq!(c.ratio_quantile(None, 1.5, 0.05), 2.0);
    assert_eq!(c.ratio_quantile(None, 20.0, 0.95), 1.0);
    // A size never seen falls back to all tasks: half and half.
    assert_eq!(c.ratio_quantile(None, 4.0, 0.5), 1.0);
    assert_eq!(c.ratio_quantile(None, 4.0, 0.51), 2.0);
    // So does a likely that is no size at all.
    assert_eq!(c.ratio_quantile(None, 0.0, 0.51), 2.0);
    assert_eq!(c.ratio_quantile(None, f64::NAN, 0.51), 2.0);
}

#[test]
fn no_usable_task_is_an_error() {
    assert_eq!(
        Calibration::fit(&[]).unwrap_err(),
        CalibrationError::NoUsableTasks
    );
    let mut bad = task(None, 1.0, 1.0, DAY);
    bad.likely = 0.0;
    assert_eq!(
        Calibration::fit(&[bad]).unwrap_err(),
        CalibrationError::NoUsableTasks
    );
}

#[test]
fn the_distribution_lists_each_ratio_once_with_its_probability() {
    let history: Vec<Record> = [1.0, 1.0, 2.0, 4.0]
        .iter()
        .map(|&r| task(None, 1.0, r, DAY))
        .collect();
    let c = Calibration::fit(&history).unwrap();
    let points: Vec<(f64, f64)> = c.distribution(None, 1.0).points().collect();
    assert_eq!(points.len(), 3);
    for ((r, p), (er, ep)) in points.iter().zip([(1.0, 0.5), (2.0, 0.25), (4.0, 0.25)]) {
        assert_eq!(*r, er);
        assert!((p - ep).abs() < 1e-12, "{points:?}");
    }
}

fn history() -> impl Strategy<Value = Vec<Record>> {
    proptest::collection::vec(
        (
            proptest::option::of(prop_oneof!["a", "b", "c"]),
            0.1f64..50.0,
            0.0f64..5.0,
            0i64..2000,
        ),
        1..80,
    )
    .prop_map(|rows| {
        rows.into_iter()
            .map(|(c, likely, ratio, day)| {
                let finished = date(2020, 1, 1)
                    .checked_add(jiff::Span::new().days(day))
                    .unwrap();
                task(c.as_deref(), likely, ratio, finished)
            })
            .collect()
    })
}

proptest! {
    #[test]
    fn quantiles_are_ordered_and_match_the_distribution(
        records in history(),
        likely in 0.05f64..100.0,
        category in proptest::option::of(prop_oneof!["a", "b", "z"]),
    ) {
        let c = Calibration::fit(&records).unwrap();
        let distribution = c.distribution(category.as_deref(), likely);
        let mut previous = f64::NEG_INFINITY;
        for i in 0..=100 {
            let u = i as f64 / 100.0;
            let q = c.ratio_quantile(category.as_deref(), likely, u);
            prop_assert!(q >= previous);
            prop_assert_eq!(q, distribution.quantile(u));
            previous = q;
        }
    }
}

#[test]
fn one_task_dated_far_ahead_cannot_take_all_the_weight() {
    // Issue 12 row 6: twenty tasks in 2026 with ratios from 1 to 2.9, and one typo'd into 2207
    // at ratio 5. Recency used to give the others weight 2^-90: P10 = P50 = P95 = 5.
    let mut history: Vec<Record> = (0..20)
        .map(|i| task(None, 4.0, 1.0 + f64::from(i) * 0.1, DAY))
        .collect();
    history.push(task(None, 4.0, 5.0, date(2207, 6, 1)));
    let c = Calibration::fit(&history).unwrap();
    let p10 = c.ratio_quantile(None, 4.0, 0.1);
    let p50 = c.ratio_quantile(None, 4.0, 0.5);
    assert!(p10 < 1.5, "P10 {p10}");
    assert!(p10 < p50, "P10 {p10} P50 {p50}");
    assert_eq!(c.ratio_quantile(None, 4.0, 0.99), 5.0);
}

#[test]
fn roundness_is_the_coarsest_unit_an_estimate_is_a_whole_number_of() {
    use Roundness::*;
    for (likely, expected) in [
        (1.0, WholeHours),
        (40.0, WholeHours),
        (2.5, HalfHours),
        (0.5, HalfHours),
        (0.75, QuarterHours),
        (1.25, QuarterHours),
        // 25 and 40 minutes, as converters write them.
        (0.416667, FiveMinutes),
        (0.666667, FiveMinutes),
        (0.7, Other),
        (0.075, Other),
        (0.01, Other),
    ] {
        assert_eq!(Roundness::of(likely), expected, "{likely}");
    }
}

#[test]
fn round_estimates_learn_from_round_estimates() {
    // Of the same size: 60 tasks estimated at whole hours took exactly their estimate, 60
    // estimated as 1.3 h ran half again over. Each roundness (60 tasks) takes 60 / 90 of the
    // mixture; the size bucket, the wider one and all tasks, which share the rest, hold half
    // of each.
    let mut history: Vec<Record> = (0..60).map(|_| task(None, 1.0, 1.0, DAY)).collect();
    history.extend((0..60).map(|_| task(None, 1.3, 1.5, DAY)));
    let c = Calibration::fit(&history).unwrap();
    // So P(ratio = 1) = 2/3 + 1/3 × 1/2 = 5/6 for a whole-hour estimate.
    assert_eq!(c.ratio_quantile(None, 1.0, 0.83), 1.0);
    assert_eq!(c.ratio_quantile(None, 1.0, 0.84), 1.5);
    // The odd estimate's mixture is the mirror image: ratio 1 up to 1/6.
    assert_eq!(c.ratio_quantile(None, 1.3, 0.16), 1.0);
    assert_eq!(c.ratio_quantile(None, 1.3, 0.17), 1.5);
    // The method before the long cascade cannot tell them apart.
    let short = CalibrationSettings {
        cascade: Cascade::Short,
        ..CalibrationSettings::default()
    };
    let c = Calibration::fit_with(&history, &short).unwrap();
    assert_eq!(c.ratio_quantile(None, 1.0, 0.49), 1.0);
    assert_eq!(c.ratio_quantile(None, 1.0, 0.51), 1.5);
}

#[test]
fn a_project_in_the_history_speaks_for_its_own_tasks() {
    // Project "slow" always took double, "quick" its estimate, 30 tasks each, one size.
    let mut history: Vec<Record> = (0..30).map(|_| task(None, 2.0, 2.0, DAY)).collect();
    for r in &mut history {
        r.project = "slow".into();
    }
    history.extend((0..30).map(|_| task(None, 2.0, 1.0, DAY)));
    let c = Calibration::fit(&history).unwrap();
    let slow = TaskKind {
        project: Some("slow"),
        category: None,
        likely: 2.0,
    };
    // The project's own tasks take half the mixture; every broader level holds both halves.
    assert_eq!(c.task_ratio_quantile(slow, 0.24), 1.0);
    assert_eq!(c.task_ratio_quantile(slow, 0.26), 2.0);
    // A new project (every brief) or one never seen gets no project level: half and half.
    assert_eq!(c.ratio_quantile(None, 2.0, 0.49), 1.0);
    assert_eq!(c.ratio_quantile(None, 2.0, 0.51), 2.0);
    let unknown = TaskKind {
        project: Some("new"),
        ..slow
    };
    assert_eq!(c.task_ratio_quantile(unknown, 0.51), 2.0);
    assert_eq!(
        c.task_hours_quantiles(slow, &[0.26]),
        vec![4.0],
        "hours are the likely estimate times the ratio"
    );
    let d = c.task_distribution(slow);
    assert_eq!(d.quantile(0.24), 1.0);
    assert_eq!(d.quantile(0.26), 2.0);
}

#[test]
fn a_size_never_seen_falls_back_to_the_wider_bucket_first() {
    // 1-hour tasks double, 64-hour ones take their estimate. A 2-hour task has no size
    // bucket of its own but shares the 4x wider one ([1, 16) h) with the 1-hour tasks.
    let mut history: Vec<Record> = (0..300).map(|_| task(None, 1.0, 2.0, DAY)).collect();
    history.extend((0..300).map(|_| task(None, 64.0, 1.0, DAY)));
    let c = Calibration::fit(&history).unwrap();
    // The roundness-and-size and size levels are empty; the wider bucket takes 300 / 330.
    assert_eq!(c.ratio_quantile(None, 2.0, 0.04), 1.0);
    assert_eq!(c.ratio_quantile(None, 2.0, 0.05), 2.0);
}

#[test]
fn a_level_holding_the_same_tasks_as_a_broader_one_counts_once_when_asked() {
    // Every task is of project "p", so the project's level holds the whole history. Of one
    // size: 60 whole-hour estimates took exactly their estimate, 60 of 1.3 h ran half over.
    let mut history: Vec<Record> = (0..60).map(|_| task(None, 1.0, 1.0, DAY)).collect();
    history.extend((0..60).map(|_| task(None, 1.3, 1.5, DAY)));
    let of_p = TaskKind {
        project: Some("p"),
        category: None,
        likely: 1.0,
    };
    // Read literally, the project's level (120 tasks) takes 120 / 150 first, half of it at
    // ratio 1; the roundness level 60 / 90 of the rest: P(ratio = 1) = 0.4 + 0.2 × 5/6.
    let c = Calibration::fit(&history).unwrap();
    assert_eq!(c.task_ratio_quantile(of_p, 0.56), 1.0);
    assert_eq!(c.task_ratio_quantile(of_p, 0.57), 1.5);
    // With distinct levels the project's level, the size bucket and the wider one are all
    // the whole history: only the roundness level and all tasks are left, 5/6 at ratio 1, as
    // for a task of a new project.
    let distinct = CalibrationSettings {
        distinct_levels: true,
        ..CalibrationSettings::default()
    };
    let c = Calibration::fit_with(&history, &distinct).unwrap();
    assert_eq!(c.task_ratio_quantile(of_p, 0.83), 1.0);
    assert_eq!(c.task_ratio_quantile(of_p, 0.84), 1.5);
    assert_eq!(c.ratio_quantile(None, 1.0, 0.83), 1.0);
    assert_eq!(c.ratio_quantile(None, 1.0, 0.84), 1.5);
}

#[test]
fn buckets_can_be_centred_on_round_sizes_and_the_wider_one_narrowed() {
    // 1-hour tasks double, 6-hour ones take their estimate, 300 each.
    let mut history: Vec<Record> = (0..300).map(|_| task(None, 1.0, 2.0, DAY)).collect();
    history.extend((0..300).map(|_| task(None, 6.0, 1.0, DAY)));
    // Cut at 1, 2, 4 h, a 1.2-hour task shares its bucket with the 1-hour tasks only
    // (300 / 330); half of the rest is ratio 1.
    let c = Calibration::fit(&history).unwrap();
    assert_eq!(c.ratio_quantile(None, 1.2, 0.04), 1.0);
    assert_eq!(c.ratio_quantile(None, 1.2, 0.05), 2.0);
    // A 2.1-hour task has no bucket of its own, and the wider bucket of four doublings,
    // [1, 16) h, holds both halves.
    assert_eq!(c.ratio_quantile(None, 2.1, 0.49), 1.0);
    assert_eq!(c.ratio_quantile(None, 2.1, 0.51), 2.0);
    // A 0.8-hour task has neither: all tasks, half and half.
    assert_eq!(c.ratio_quantile(None, 0.8, 0.49), 1.0);
    assert_eq!(c.ratio_quantile(None, 0.8, 0.51), 2.0);
    // Centred on 1, 2, 4 h ([0.71, 1.41) h, [1.41, 2.83) h, …), a 0.8-hour task is one
    // hour's size; the wider bucket, [0.71, 11.3) h, holds both.
    let centred = CalibrationSettings {
        bucket_offset: 0.5,
        ..CalibrationSettings::default()
    };
    let c = Calibration::fit_with(&history, &centred).unwrap();
    assert_eq!(c.ratio_quantile(None, 0.8, 0.04), 1.0);
    assert_eq!(c.ratio_quantile(None, 0.8, 0.05), 2.0);
    assert_eq!(c.ratio_quantile(None, 2.1, 0.49), 1.0);
    assert_eq!(c.ratio_quantile(None, 2.1, 0.51), 2.0);
    // Two doublings wide instead of four ([1, 4) h, [4, 16) h), the 2.1-hour task's wider
    // bucket holds only the 1-hour tasks.
    let two = CalibrationSettings {
        wide_factor: 2.0,
        ..CalibrationSettings::default()
    };
    let c = Calibration::fit_with(&history, &two).unwrap();
    assert_eq!(c.ratio_quantile(None, 2.1, 0.04), 1.0);
    assert_eq!(c.ratio_quantile(None, 2.1, 0.05), 2.0);
}
