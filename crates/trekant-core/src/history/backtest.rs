//! Backtesting the calibration the way the product is used: walking forward through a
//! history day by day, predict each day's finished tasks' P50/P80/P90 from everything
//! finished on earlier days, and measure how honest those quantiles were.
//!
//! The earliest part of the history (the train fraction) is only a warm-up: nothing is
//! predicted for it. The order is by finished date, never random, because estimation habits
//! drift and a random split would let the future leak into the calibration. The calibration
//! is refitted for every test day, as a freelancer's calibration grows with each closed task.
//!
//! A few huge tasks dominate the pinball loss, so the loss comes with a 90 % interval from
//! resampling the test days (a day's tasks stay together: they share that day's calibration).

use rayon::prelude::*;
use serde::Serialize;

use crate::history::Record;
use crate::history::calibration::walk::{Fenwick, Walk};
use crate::history::calibration::{Calibration, CalibrationError, CalibrationSettings, day_number};

/// The levels every backtest scores, in the order of [`Coverage`]'s fields.
pub const LEVELS: [f64; 3] = [0.5, 0.8, 0.9];

/// The share of training tasks when the caller does not say: the earliest two thirds.
pub const DEFAULT_TRAIN_FRACTION: f64 = 2.0 / 3.0;

/// Real actuals come from minutes and pomodoros written with a few decimals, so a predicted
/// quantile within a millionth (relative) of an actual counts as hitting it exactly.
const TIE_TOLERANCE: f64 = 1e-6;

/// Below this many test tasks a backtest's coverage says little: 11 tasks put a P80's
/// coverage anywhere from 0.55 to 1 by chance.
pub const FEW_TEST_TASKS: usize = 100;

/// How many resamplings of the test days give the loss's interval.
const RESAMPLES: usize = 1000;

/// The outcome of a backtest, serialised exactly as `trekant backtest --format json` prints it.
#[derive(Clone, Debug, PartialEq, Serialize)]
pub struct BacktestReport {
    /// Tasks of the warm-up: the earliest, before the first predicted day.
    pub train: usize,
    /// Later tasks, each predicted from every task finished on an earlier day.
    pub test: usize,
    pub coverage: Coverage,
    /// Mean quantile (pinball) loss in hours over the test tasks and the three levels.
    pub pinball_loss: f64,
    /// The raw likely estimate used as every quantile.
    pub baseline: Scores,
    /// A single ratio distribution over all earlier tasks (no category, size or recency):
    /// the comparator the calibration has to beat.
    pub fixed_ratio: Scores,
    /// The 5 % and 95 % points of the calibrated pinball loss over resamplings of the test
    /// days.
    pub pinball_interval: [f64; 2],
    /// Days with tasks to predict.
    pub test_days: usize,
}

impl BacktestReport {
    /// Whether there are too few test tasks for the coverage to mean much.
    pub fn few_tasks(&self) -> bool {
        self.test < FEW_TEST_TASKS
    }
}

/// Coverage and loss of one way of predicting.
#[derive(Clone, Debug, PartialEq, Serialize)]
pub struct Scores {
    pub coverage: Coverage,
    pub pinball_loss: f64,
}

/// Coverage at each level.
#[derive(Clone, Debug, PartialEq, Serialize)]
pub struct Coverage {
    pub p50: LevelCoverage,
    pub p80: LevelCoverage,
    pub p90: LevelCoverage,
}

impl Coverage {
    /// (nominal level, coverage) pairs in level order.
    pub fn levels(&self) -> [(f64, &LevelCoverage); 3] {
        [
            (LEVELS[0], &self.p50),
            (LEVELS[1], &self.p80),
            (LEVELS[2], &self.p90),
        ]
    }

    /// Whether every nominal level lies within `slack` of its [below, at_or_below] range.
    pub fn honest_within(&self, slack: f64) -> bool {
        self.levels()
            .iter()
            .all(|(level, c)| c.contains(*level, slack))
    }
}

/// The share of held-out actuals strictly below a predicted quantile, and at or below it.
/// With ties at round numbers a quantile is honest when its level lies between the two.
#[derive(Clone, Copy, Debug, PartialEq, Serialize)]
pub struct LevelCoverage {
    pub below: f64,
    pub at_or_below: f64,
}

impl LevelCoverage {
    pub fn contains(&self, level: f64, slack: f64) -> bool {
        self.below - slack <= level && level <= self.at_or_below + slack
    }
}

/// Why a backtest could not be run.
#[derive(Debug, PartialEq)]
pub enum BacktestError {
    BadFraction(f64),
    TooFewTasks { tasks: usize, days: usize },
    Calibration(CalibrationError),
}

impl BacktestError {
    /// What is wrong, in words from the catalogs.
    pub fn message(&self) -> crate::messages::Message {
        match self {
            BacktestError::BadFraction(found) => {
                crate::msg!("backtest-bad-fraction", found = found.to_string())
            }
            BacktestError::TooFewTasks { tasks, days } => {
                crate::msg!("backtest-too-few-tasks", tasks = *tasks, days = *days)
            }
            BacktestError::Calibration(error) => error.message(),
        }
    }
}

crate::catalog_error!(BacktestError);

impl From<CalibrationError> for BacktestError {
    fn from(error: CalibrationError) -> Self {
        BacktestError::Calibration(error)
    }
}

/// Backtest the default calibration on a history, training on the earliest `train_fraction`
/// of the tasks by finished date.
pub fn backtest(records: &[Record], train_fraction: f64) -> Result<BacktestReport, BacktestError> {
    backtest_with(records, train_fraction, &CalibrationSettings::default())
}

/// [`backtest`] with explicit calibration settings.
pub fn backtest_with(
    records: &[Record],
    train_fraction: f64,
    settings: &CalibrationSettings,
) -> Result<BacktestReport, BacktestError> {
    walk_forward(records, train_fraction, settings, score_days)
}

/// [`backtest_with`] the slow, obvious way: the calibration and the fixed ratio fitted afresh
/// for every test day. The same report (up to the last bits of the losses), quadratic in the
/// history's length: the reference the incremental walk is checked and timed against.
#[doc(hidden)]
pub fn backtest_refitting(
    records: &[Record],
    train_fraction: f64,
    settings: &CalibrationSettings,
) -> Result<BacktestReport, BacktestError> {
    walk_forward(records, train_fraction, settings, score_days_refitting)
}

/// How the test days are scored: tallies per day of the calibration, the raw estimate and the
/// fixed ratio, from the sorted tasks and each day's `(start, end)` in them.
type Scorer = fn(&[Record], &[(usize, usize)], &CalibrationSettings) -> Vec<[Tally; 3]>;

/// The warm-up's and the test part's sizes, and each test day's tallies.
fn scored_days(
    records: &[Record],
    train_fraction: f64,
    settings: &CalibrationSettings,
    score: Scorer,
) -> Result<(usize, usize, Vec<[Tally; 3]>), BacktestError> {
    let (mut all, test) = split_by_time(records, train_fraction)?;
    let train = all.len();
    // Fail early, as a frozen backtest would, when the warm-up cannot be fitted.
    Calibration::fit_with(&all, settings)?;
    all.extend_from_slice(&test);
    // Each test day is predicted from the tasks before it: a prefix of the sorted tasks.
    let mut days: Vec<(usize, usize)> = Vec::new();
    let mut start = train;
    for day in test.chunk_by(|a, b| a.finished == b.finished) {
        days.push((start, start + day.len()));
        start += day.len();
    }
    Ok((train, test.len(), score(&all, &days, settings)))
}

/// Two calibrations walked forward through the same history: their pinball losses and how
/// sure the difference is.
#[derive(Clone, Debug, PartialEq, Serialize)]
pub struct PairedLosses {
    /// The calibrated pinball loss of the base settings and of the other.
    pub pinball_loss: [f64; 2],
    /// The other's loss relative to the base's, minus 1 (−0.01 is 1 % lower).
    pub change: f64,
    /// The 5 % and 95 % points of `change` when the test days are drawn again with
    /// replacement, a day's two losses together (seeded).
    pub change_interval: [f64; 2],
}

/// Walk forward through `records` with two settings and compare their losses day by day: the
/// honest way to tell whether a change of method helps, when a few huge tasks dominate the
/// loss and move both methods' losses together.
pub fn compare(
    records: &[Record],
    train_fraction: f64,
    base: &CalibrationSettings,
    other: &CalibrationSettings,
) -> Result<PairedLosses, BacktestError> {
    let (_, _, a) = scored_days(records, train_fraction, base, score_days)?;
    let (_, _, b) = scored_days(records, train_fraction, other, score_days)?;
    let days: Vec<(f64, f64)> = a
        .iter()
        .zip(&b)
        .map(|(a, b)| (a[0].loss, b[0].loss))
        .collect();
    let tasks: usize = a.iter().map(|day| day[0].tasks).sum();
    let per_task = |loss: f64| loss / (tasks.max(1) * LEVELS.len()) as f64;
    let (sum_a, sum_b) = days
        .iter()
        .fold((0.0, 0.0), |(x, y), day| (x + day.0, y + day.1));
    Ok(PairedLosses {
        pinball_loss: [per_task(sum_a), per_task(sum_b)],
        change: if sum_a > 0.0 {
            sum_b / sum_a - 1.0
        } else {
            0.0
        },
        change_interval: crate::history::person::paired_interval(&days),
    })
}

fn walk_forward(
    records: &[Record],
    train_fraction: f64,
    settings: &CalibrationSettings,
    score: Scorer,
) -> Result<BacktestReport, BacktestError> {
    let (train, test, scored) = scored_days(records, train_fraction, settings, score)?;
    let mut total: [Tally; 3] = Default::default();
    let mut day_losses = Vec::with_capacity(scored.len());
    for day in &scored {
        day_losses.push((day[0].loss, day[0].tasks));
        for (sum, part) in total.iter_mut().zip(day) {
            sum.merge(part);
        }
    }
    let calibrated = total[0].scores();
    Ok(BacktestReport {
        train,
        test,
        coverage: calibrated.coverage,
        pinball_loss: calibrated.pinball_loss,
        baseline: total[1].scores(),
        fixed_ratio: total[2].scores(),
        pinball_interval: resampled_interval(&day_losses),
        test_days: day_losses.len(),
    })
}

/// Score each test day `(start, end)` of the sorted tasks `all`, predicting its tasks from
/// `all[..start]`: one walk forward that adds each day's tasks to the calibration and to the
/// fixed ratio's sorted ratios as it passes them, instead of refitting both for every day.
fn score_days(
    all: &[Record],
    days: &[(usize, usize)],
    settings: &CalibrationSettings,
) -> Vec<[Tally; 3]> {
    let mut walk = Walk::new(all, settings);
    let mut fixed = FixedRatio::new(all);
    days.iter()
        .map(|&(start, end)| {
            walk.advance_to(start);
            fixed.advance_to(start);
            let quantiles = fixed.quantiles();
            // The day's questions are independent, so they are asked in parallel and tallied
            // in order: the same sums whatever the thread count.
            let predicted: Vec<Option<Vec<f64>>> = (start..end)
                .into_par_iter()
                .map(|task| walk.hours_quantiles(task, all[task].likely, &LEVELS))
                .collect();
            let mut tallies: [Tally; 3] = Default::default();
            for (r, calibrated) in all[start..end].iter().zip(predicted) {
                let Some(calibrated) = calibrated else {
                    continue; // cannot happen: the warm-up is never empty
                };
                tallies[0].add(r, &calibrated);
                tallies[1].add(r, &[r.likely; 3]);
                let scaled: Vec<f64> = quantiles.iter().map(|q| r.likely * q).collect();
                tallies[2].add(r, &scaled);
            }
            tallies
        })
        .collect()
}

/// The walk as it was first written: both methods fitted afresh for every test day.
fn score_days_refitting(
    all: &[Record],
    days: &[(usize, usize)],
    settings: &CalibrationSettings,
) -> Vec<[Tally; 3]> {
    days.iter()
        .map(|&(start, end)| {
            let earlier = &all[..start];
            let calibration = Calibration::fit_with(earlier, settings).unwrap();
            let fixed = fixed_ratio_quantiles(earlier);
            let mut tallies: [Tally; 3] = Default::default();
            for r in &all[start..end] {
                let calibrated = calibration
                    .task_hours_quantiles(crate::history::calibration::TaskKind::of(r), &LEVELS);
                tallies[0].add(r, &calibrated);
                tallies[1].add(r, &[r.likely; 3]);
                let scaled: Vec<f64> = fixed.iter().map(|q| r.likely * q).collect();
                tallies[2].add(r, &scaled);
            }
            tallies
        })
        .collect()
}

/// The comparator as the walk goes: the ratios of every task seen so far, counted by their
/// place among all the history's ratios, so an order statistic is a search, not a sort.
struct FixedRatio {
    sorted: Vec<f64>,
    /// Each task's place in `sorted`.
    places: Vec<usize>,
    counts: Fenwick,
    known: usize,
}

impl FixedRatio {
    fn new(all: &[Record]) -> Self {
        let mut order: Vec<usize> = (0..all.len()).collect();
        order.sort_by(|&a, &b| all[a].ratio().total_cmp(&all[b].ratio()));
        let mut places = vec![0; all.len()];
        for (place, &task) in order.iter().enumerate() {
            places[task] = place;
        }
        Self {
            sorted: order.iter().map(|&t| all[t].ratio()).collect(),
            places,
            counts: Fenwick::new(all.len()),
            known: 0,
        }
    }

    fn advance_to(&mut self, end: usize) {
        for task in self.known..end {
            self.counts.add(self.places[task], 1.0);
        }
        self.known = self.known.max(end);
    }

    /// [`fixed_ratio_quantiles`] of the tasks seen so far.
    fn quantiles(&self) -> Vec<f64> {
        LEVELS
            .iter()
            .map(|&p| {
                let k = crate::stats::rank(self.known, p);
                self.sorted[self.counts.nth(k as f64)]
            })
            .collect()
    }
}

/// The 5 % and 95 % points of the mean pinball loss when the days `(summed loss, tasks)` are
/// drawn again with replacement. Seeded, so a backtest always reports the same interval.
fn resampled_interval(days: &[(f64, usize)]) -> [f64; 2] {
    if days.is_empty() {
        return [0.0, 0.0];
    }
    // SplitMix64: a few lines, good enough to pick days, and the same on every platform.
    let mut state: u64 = 0x7265_6b61_6e74;
    let mut next = move || {
        state = state.wrapping_add(0x9E37_79B9_7F4A_7C15);
        let mut z = state;
        z = (z ^ (z >> 30)).wrapping_mul(0xBF58_476D_1CE4_E5B9);
        z = (z ^ (z >> 27)).wrapping_mul(0x94D0_49BB_1331_11EB);
        z ^ (z >> 31)
    };
    let n = days.len() as u64;
    let mut means: Vec<f64> = (0..RESAMPLES)
        .map(|_| {
            let (mut loss, mut tasks) = (0.0, 0usize);
            for _ in 0..n {
                let (l, t) = days[(next() % n) as usize];
                loss += l;
                tasks += t;
            }
            loss / (tasks.max(1) * LEVELS.len()) as f64
        })
        .collect();
    let q = crate::stats::quantiles_in_place(&mut means, &[0.05, 0.95]);
    [q[0], q[1]]
}

/// Split usable records at the `fraction` point in time order. The boundary moves to a day
/// boundary, so no day's tasks are on both sides: the calibration never sees a task that
/// finished on or after the first test day.
pub fn split_by_time(
    records: &[Record],
    fraction: f64,
) -> Result<(Vec<Record>, Vec<Record>), BacktestError> {
    if !(fraction > 0.0 && fraction < 1.0) {
        return Err(BacktestError::BadFraction(fraction));
    }
    let mut usable: Vec<Record> = records
        .iter()
        .filter(|r| {
            r.likely.is_finite() && r.likely > 0.0 && r.actual.is_finite() && r.actual >= 0.0
        })
        .cloned()
        .collect();
    // Stable, so tasks of one day keep their order in the file.
    usable.sort_by_key(|r| day_number(r.finished));
    let n = usable.len();
    let mut days: Vec<_> = usable.iter().map(|r| r.finished).collect();
    days.dedup();
    let too_few = || BacktestError::TooFewTasks {
        tasks: n,
        days: days.len(),
    };
    if days.len() < 2 {
        return Err(too_few());
    }
    let mut k = ((n as f64) * fraction).round().clamp(1.0, (n - 1) as f64) as usize;
    let day = usable[k - 1].finished;
    let mut forward = k;
    while forward < n && usable[forward].finished == day {
        forward += 1;
    }
    if forward < n {
        k = forward;
    } else {
        // The boundary day runs to the end: put that whole day in the test part instead.
        while k > 0 && usable[k - 1].finished == day {
            k -= 1;
        }
        if k == 0 {
            return Err(too_few());
        }
    }
    let test = usable.split_off(k);
    Ok((usable, test))
}

/// The comparator: the ratio's quantiles over all training tasks, unweighted.
fn fixed_ratio_quantiles(train: &[Record]) -> Vec<f64> {
    let mut ratios: Vec<f64> = train.iter().map(Record::ratio).collect();
    crate::stats::quantiles_in_place(&mut ratios, &LEVELS)
}

/// Counts towards the coverage and pinball loss of one way of predicting.
#[derive(Debug, Default, PartialEq)]
pub(crate) struct Tally {
    tasks: usize,
    below: [usize; 3],
    at_or_below: [usize; 3],
    pub(crate) loss: f64,
}

impl Tally {
    pub(crate) fn add(&mut self, record: &Record, quantiles: &[f64]) {
        self.tasks += 1;
        for (i, (&level, &q)) in LEVELS.iter().zip(quantiles).enumerate() {
            let actual = record.actual;
            if actual < q * (1.0 - TIE_TOLERANCE) {
                self.below[i] += 1;
            }
            if actual <= q * (1.0 + TIE_TOLERANCE) {
                self.at_or_below[i] += 1;
            }
            self.loss += pinball(level, actual, q);
        }
    }

    pub(crate) fn merge(&mut self, other: &Tally) {
        self.tasks += other.tasks;
        for i in 0..LEVELS.len() {
            self.below[i] += other.below[i];
            self.at_or_below[i] += other.at_or_below[i];
        }
        self.loss += other.loss;
    }

    pub(crate) fn scores(&self) -> Scores {
        let n = self.tasks.max(1) as f64;
        let level = |i: usize| LevelCoverage {
            below: self.below[i] as f64 / n,
            at_or_below: self.at_or_below[i] as f64 / n,
        };
        Scores {
            coverage: Coverage {
                p50: level(0),
                p80: level(1),
                p90: level(2),
            },
            pinball_loss: self.loss / (n * LEVELS.len() as f64),
        }
    }
}

/// The quantile (pinball) loss of predicting `q` at `level` when `actual` happened: under-
/// predictions cost `level` per hour, over-predictions `1 - level`.
pub fn pinball(level: f64, actual: f64, q: f64) -> f64 {
    if actual >= q {
        level * (actual - q)
    } else {
        (1.0 - level) * (q - actual)
    }
}

#[cfg(test)]
mod tests {
    use jiff::civil::date;

    use super::*;
    use crate::history::calibration::Cascade;

    /// A small, lumpy history over six years: three projects, three categories, estimates of
    /// every roundness, ties at the estimate, a few tasks on the same day, two typo'd into a
    /// far year and one with an infinite ratio.
    fn lumpy_history() -> Vec<Record> {
        let mut state: u64 = 0x9e37_79b9_7f4a_7c15;
        let mut next = move || {
            state ^= state << 13;
            state ^= state >> 7;
            state ^= state << 17;
            (state >> 11) as f64 / (1u64 << 53) as f64
        };
        let likelies = [0.25, 0.5, 1.0, 2.0, 3.0, 0.416667, 0.7, 8.0, 1.5, 40.0];
        let mut records: Vec<Record> = (0..400)
            .map(|i| {
                let likely = likelies[(next() * likelies.len() as f64) as usize];
                let ratio = if next() < 0.3 {
                    1.0
                } else {
                    (next() * 3.0).max(0.05)
                };
                let day = (next() * 2200.0) as i64;
                Record {
                    project: format!("p{}", i % 3),
                    item: format!("t{i}"),
                    category: (i % 4 != 0).then(|| format!("c{}", i % 3)),
                    low: None,
                    likely,
                    high: None,
                    actual: likely * ratio,
                    finished: date(2019, 1, 1)
                        .checked_add(jiff::Span::new().days(day))
                        .unwrap(),
                }
            })
            .collect();
        // ~340 natural-log units of recency past the first day: the walk must move its
        // reference day or its weights overflow; and everything before falls to the floor.
        records[17].finished = date(3000, 1, 1);
        records[18].finished = date(3000, 1, 2);
        // A likely estimate too small to divide by: a usable task whose ratio is infinite,
        // in no group of the calibration but among the fixed ratio's.
        records[19].likely = 1e-310;
        records[19].actual = 1.0;
        records
    }

    fn both_ways(records: &[Record], fraction: f64, settings: &CalibrationSettings) {
        let (mut all, test) = split_by_time(records, fraction).unwrap();
        let train = all.len();
        all.extend_from_slice(&test);
        let mut days = Vec::new();
        let mut start = train;
        for day in test.chunk_by(|a, b| a.finished == b.finished) {
            days.push((start, start + day.len()));
            start += day.len();
        }
        let fast = score_days(&all, &days, settings);
        let slow = score_days_refitting(&all, &days, settings);
        assert_eq!(fast.len(), slow.len());
        for (day, (f, s)) in fast.iter().zip(&slow).enumerate() {
            for (a, b) in f.iter().zip(s) {
                assert_eq!(
                    (a.tasks, a.below, a.at_or_below),
                    (b.tasks, b.below, b.at_or_below),
                    "day {day}"
                );
                assert!(
                    (a.loss - b.loss).abs() <= 1e-9 * b.loss.max(1.0),
                    "day {day}: {a:?} {b:?}"
                );
            }
        }
    }

    #[test]
    fn the_walk_scores_every_day_as_refitting_would() {
        let records = lumpy_history();
        for fraction in [0.3, 0.67] {
            both_ways(&records, fraction, &CalibrationSettings::default());
        }
        let short = CalibrationSettings {
            cascade: Cascade::Short,
            ..CalibrationSettings::default()
        };
        both_ways(&records, 0.5, &short);
        let flat = CalibrationSettings {
            half_life_days: f64::INFINITY,
            ..CalibrationSettings::default()
        };
        both_ways(&records, 0.5, &flat);
        let short_memory = CalibrationSettings {
            half_life_days: 30.0,
            ..CalibrationSettings::default()
        };
        both_ways(&records, 0.5, &short_memory);
        // The readings measured against the defaults in docs/backtest.md.
        let readings = CalibrationSettings {
            distinct_levels: true,
            bucket_offset: 0.5,
            wide_factor: 2.0,
            ..CalibrationSettings::default()
        };
        both_ways(&records, 0.67, &readings);
        let counted = CalibrationSettings {
            count_tasks: true,
            distinct_levels: true,
            ..CalibrationSettings::default()
        };
        both_ways(&records, 0.5, &counted);
    }
}
