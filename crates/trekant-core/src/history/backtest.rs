//! Backtesting the calibration: fit on the earliest part of a history, predict the later
//! tasks' P50/P80/P90, and measure how honest those quantiles were.
//!
//! The split is by finished date, never random, because estimation habits drift and a
//! random split would let the future leak into the calibration.

use serde::Serialize;

use crate::history::Record;
use crate::history::calibration::{Calibration, CalibrationError, CalibrationSettings, day_number};

/// The levels every backtest scores, in the order of [`Coverage`]'s fields.
pub const LEVELS: [f64; 3] = [0.5, 0.8, 0.9];

/// The share of training tasks when the caller does not say: the earliest two thirds.
pub const DEFAULT_TRAIN_FRACTION: f64 = 2.0 / 3.0;

/// Real actuals come from minutes and pomodoros written with a few decimals, so a predicted
/// quantile within a millionth (relative) of an actual counts as hitting it exactly.
const TIE_TOLERANCE: f64 = 1e-6;

/// The outcome of a backtest, serialised exactly as `trekant backtest --format json` prints it.
#[derive(Clone, Debug, PartialEq, Serialize)]
pub struct BacktestReport {
    /// Tasks the calibration was fitted on.
    pub train: usize,
    /// Held-out tasks it was scored on.
    pub test: usize,
    pub coverage: Coverage,
    /// Mean quantile (pinball) loss in hours over held-out tasks and the three levels.
    pub pinball_loss: f64,
    /// The raw likely estimate used as every quantile.
    pub baseline: Scores,
    /// A single ratio distribution over all training tasks (no category, size or recency):
    /// the comparator the calibration has to beat. Not part of the JSON.
    #[serde(skip)]
    pub fixed_ratio: Scores,
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
#[derive(Debug, thiserror::Error, PartialEq)]
pub enum BacktestError {
    #[error("the train fraction must lie strictly between 0 and 1, found {0}")]
    BadFraction(f64),
    #[error(
        "a backtest needs tasks finished on at least two different days, to train on the earlier and test on the later; this history has {tasks} task(s) on {days} day(s)"
    )]
    TooFewTasks { tasks: usize, days: usize },
    #[error(transparent)]
    Calibration(#[from] CalibrationError),
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
    let (train, test) = split_by_time(records, train_fraction)?;
    let calibration = Calibration::fit_with(&train, settings)?;

    let calibrated = score(&test, |r| {
        calibration.hours_quantiles(r.category.as_deref(), r.likely, &LEVELS)
    });
    let baseline = score(&test, |r| vec![r.likely; LEVELS.len()]);
    let fixed = fixed_ratio_quantiles(&train);
    let fixed_ratio = score(&test, |r| fixed.iter().map(|q| r.likely * q).collect());

    Ok(BacktestReport {
        train: train.len(),
        test: test.len(),
        coverage: calibrated.coverage,
        pinball_loss: calibrated.pinball_loss,
        baseline,
        fixed_ratio,
    })
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

/// Coverage and pinball loss of a predictor over the test tasks.
fn score(test: &[Record], predict: impl Fn(&Record) -> Vec<f64>) -> Scores {
    let mut below = [0usize; 3];
    let mut at_or_below = [0usize; 3];
    let mut loss = 0.0;
    for record in test {
        let quantiles = predict(record);
        for (i, (&level, &q)) in LEVELS.iter().zip(&quantiles).enumerate() {
            let actual = record.actual;
            if actual < q * (1.0 - TIE_TOLERANCE) {
                below[i] += 1;
            }
            if actual <= q * (1.0 + TIE_TOLERANCE) {
                at_or_below[i] += 1;
            }
            loss += pinball(level, actual, q);
        }
    }
    let n = test.len().max(1) as f64;
    let level = |i: usize| LevelCoverage {
        below: below[i] as f64 / n,
        at_or_below: at_or_below[i] as f64 / n,
    };
    Scores {
        coverage: Coverage {
            p50: level(0),
            p80: level(1),
            p90: level(2),
        },
        pinball_loss: loss / (n * LEVELS.len() as f64),
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
