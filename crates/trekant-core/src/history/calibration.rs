//! Calibration: what the provider's own history says about how far actual hours land from
//! the likely estimate, so that a P80 means 80 %.
//!
//! The model is empirical on purpose. Estimation errors are skewed, lumpy (tasks hit their
//! estimate exactly far more often than any smooth distribution allows) and differ by kind
//! and size of work, so the calibrated distribution of `actual / likely` for a new task is a
//! mixture of *weighted empirical distributions* of past ratios:
//!
//! * tasks of the same category and the same size bucket (a doubling of the likely hours),
//! * shrunk toward all tasks of that size bucket,
//! * shrunk in turn toward all tasks,
//!
//! each level counting in proportion to its evidence, `n / (n + prior)`, where `n` is the
//! effective number of tasks behind it. Older tasks weigh less (a half-life in days),
//! because estimation habits drift. Mixing empirical distributions instead of fitting a
//! parametric one keeps the ties: a quantile can land exactly on a past actual, which is
//! what makes coverage honest on data full of round numbers.

use std::collections::{BTreeMap, HashMap};

use crate::history::Record;

/// The least weight a task keeps for its age (four half-lives): recency favours new tasks
/// but never silences the rest of the history.
const MIN_WEIGHT: f64 = 1.0 / 16.0;

/// How a calibration is fitted. The defaults are what the backtests on the three real
/// datasets in `docs/backtest.md` support; none of them was tuned to one dataset.
#[derive(Clone, Debug, PartialEq)]
pub struct CalibrationSettings {
    /// A task's weight halves for every this many days it finished before the newest task.
    pub half_life_days: f64,
    /// Width of a size bucket, in doublings of the likely hours.
    pub bucket_width: f64,
    /// Tasks' worth of evidence at which a size bucket counts as much as all tasks together.
    pub size_prior: f64,
    /// Tasks' worth of evidence at which a category (within a size bucket) counts as much as
    /// the size bucket it is shrunk toward.
    pub category_prior: f64,
}

impl Default for CalibrationSettings {
    fn default() -> Self {
        Self {
            half_life_days: 730.0,
            bucket_width: 1.0,
            size_prior: 30.0,
            category_prior: 30.0,
        }
    }
}

/// Why there is no calibration to be had.
#[derive(Debug, thiserror::Error, PartialEq, Eq)]
pub enum CalibrationError {
    #[error("the history has no task with a positive likely estimate and an actual")]
    NoUsableTasks,
}

/// A weighted empirical distribution of ratios: sorted values with their cumulative weight
/// normalised to 1, and the effective number of tasks behind it (Kish's `(Σw)² / Σw²`,
/// so that a few heavily weighted recent tasks do not count as many).
#[derive(Clone, Debug)]
struct Empirical {
    ratios: Vec<f64>,
    cumulative: Vec<f64>,
    effective: f64,
    tasks: usize,
}

impl Empirical {
    fn new(mut pairs: Vec<(f64, f64)>) -> Option<Self> {
        pairs.retain(|(r, w)| r.is_finite() && w.is_finite() && *w > 0.0);
        if pairs.is_empty() {
            return None;
        }
        pairs.sort_by(|a, b| a.0.total_cmp(&b.0));
        let total: f64 = pairs.iter().map(|p| p.1).sum();
        let squares: f64 = pairs.iter().map(|p| p.1 * p.1).sum();
        let mut running = 0.0;
        let mut ratios = Vec::with_capacity(pairs.len());
        let mut cumulative = Vec::with_capacity(pairs.len());
        for (r, w) in &pairs {
            running += w;
            ratios.push(*r);
            cumulative.push(running / total);
        }
        Some(Self {
            ratios,
            cumulative,
            effective: total * total / squares,
            tasks: pairs.len(),
        })
    }

    /// P(ratio ≤ r).
    fn cdf(&self, r: f64) -> f64 {
        let i = self.ratios.partition_point(|&x| x <= r);
        if i == 0 { 0.0 } else { self.cumulative[i - 1] }
    }

    /// P(ratio < r).
    fn cdf_below(&self, r: f64) -> f64 {
        let i = self.ratios.partition_point(|&x| x < r);
        if i == 0 { 0.0 } else { self.cumulative[i - 1] }
    }

    /// The share of evidence this distribution gets against its parent.
    fn trust(&self, prior: f64) -> f64 {
        self.effective / (self.effective + prior.max(0.0))
    }
}

/// The calibrated distribution of `actual / likely` for one kind and size of task, ready to
/// be sampled many times (the simulation draws from it by inverse CDF).
#[derive(Clone, Debug, PartialEq)]
pub struct RatioDistribution {
    ratios: Vec<f64>,
    cumulative: Vec<f64>,
}

impl RatioDistribution {
    /// The `u`-quantile of the ratio: the smallest ratio with at least `u` of the weight at or
    /// below it. `u` is clamped to [0, 1]; a NaN `u` gives the median.
    pub fn quantile(&self, u: f64) -> f64 {
        let u = clamp_level(u);
        // The epsilon keeps a level that equals a cumulative weight up to rounding on that
        // value rather than the next one.
        let i = self.cumulative.partition_point(|&c| c < u - 1e-12);
        self.ratios[i.min(self.ratios.len() - 1)]
    }

    /// The distinct ratios and the probability of each, smallest first.
    pub fn points(&self) -> impl Iterator<Item = (f64, f64)> + '_ {
        let mut previous = 0.0;
        self.ratios.iter().zip(&self.cumulative).map(move |(r, c)| {
            let p = c - previous;
            previous = *c;
            (*r, p)
        })
    }
}

fn clamp_level(u: f64) -> f64 {
    if u.is_nan() { 0.5 } else { u.clamp(0.0, 1.0) }
}

/// The provider's calibration: fitted once from the history, then asked for the ratio
/// quantiles of any new task.
#[derive(Clone, Debug)]
pub struct Calibration {
    settings: CalibrationSettings,
    overall: Empirical,
    sizes: BTreeMap<i32, Empirical>,
    cells: HashMap<(String, i32), Empirical>,
    /// A broader calibration this one is shrunk toward, and this one's share of the mixture
    /// (a person's toward the team's: `history::person`).
    team: Option<(std::sync::Arc<Calibration>, f64)>,
}

impl Calibration {
    /// Fit with the default settings.
    pub fn fit(records: &[Record]) -> Result<Self, CalibrationError> {
        Self::fit_with(records, &CalibrationSettings::default())
    }

    /// Fit from the usable records (positive finite likely, finite non-negative actual).
    pub fn fit_with(
        records: &[Record],
        settings: &CalibrationSettings,
    ) -> Result<Self, CalibrationError> {
        let usable: Vec<&Record> = records
            .iter()
            .filter(|r| {
                r.likely.is_finite() && r.likely > 0.0 && r.actual.is_finite() && r.actual >= 0.0
            })
            .collect();
        let newest = usable
            .iter()
            .map(|r| r.finished)
            .max()
            .ok_or(CalibrationError::NoUsableTasks)?;
        let half_life = if settings.half_life_days.is_finite() && settings.half_life_days > 0.0 {
            settings.half_life_days
        } else {
            f64::INFINITY
        };

        let mut all = Vec::with_capacity(usable.len());
        let mut sizes: BTreeMap<i32, Vec<(f64, f64)>> = BTreeMap::new();
        let mut cells: HashMap<(String, i32), Vec<(f64, f64)>> = HashMap::new();
        for r in usable {
            let age = (day_number(newest) - day_number(r.finished)) as f64;
            // However old, a task keeps MIN_WEIGHT of a new one's weight: one task dated far
            // after the others (a typo'd year) can never take all the weight.
            let weight = (-age / half_life * std::f64::consts::LN_2)
                .exp()
                .max(MIN_WEIGHT);
            let pair = (r.ratio(), weight);
            let bucket = size_bucket(r.likely, settings.bucket_width);
            all.push(pair);
            sizes.entry(bucket).or_default().push(pair);
            if let Some(category) = &r.category {
                cells
                    .entry((category.clone(), bucket))
                    .or_default()
                    .push(pair);
            }
        }
        Ok(Self {
            settings: settings.clone(),
            overall: Empirical::new(all).ok_or(CalibrationError::NoUsableTasks)?,
            sizes: sizes
                .into_iter()
                .filter_map(|(b, p)| Empirical::new(p).map(|e| (b, e)))
                .collect(),
            cells: cells
                .into_iter()
                .filter_map(|(k, p)| Empirical::new(p).map(|e| (k, e)))
                .collect(),
            team: None,
        })
    }

    /// This calibration shrunk toward a broader one: every distribution becomes `share` of
    /// this one's and the rest `team`'s (a person's history toward the team's, one level
    /// above the cascade). `share` is clamped to [0, 1]; [`Calibration::tasks`] stays this
    /// one's.
    pub fn shrunk_toward(mut self, team: std::sync::Arc<Calibration>, share: f64) -> Self {
        let share = if share.is_nan() {
            1.0
        } else {
            share.clamp(0.0, 1.0)
        };
        self.team = Some((team, share));
        self
    }

    /// How many tasks the calibration rests on.
    pub fn tasks(&self) -> usize {
        self.overall.tasks
    }

    pub fn settings(&self) -> &CalibrationSettings {
        &self.settings
    }

    /// The levels of the mixture for a task: (share, distribution), most specific first.
    fn parts(&self, category: Option<&str>, likely: f64) -> Vec<(f64, &Empirical)> {
        let bucket = (likely.is_finite() && likely > 0.0)
            .then(|| size_bucket(likely, self.settings.bucket_width));
        let size = bucket.and_then(|b| self.sizes.get(&b));
        let cell = match (category, bucket) {
            (Some(c), Some(b)) => self.cells.get(&(c.to_string(), b)),
            _ => None,
        };
        let mut parts = Vec::with_capacity(3);
        let mut left = 1.0;
        if let Some(cell) = cell {
            let share = cell.trust(self.settings.category_prior);
            parts.push((share, cell));
            left -= share;
        }
        if let Some(size) = size {
            let share = left * size.trust(self.settings.size_prior);
            parts.push((share, size));
            left -= share;
        }
        parts.push((left, &self.overall));
        if let Some((team, share)) = &self.team {
            for part in &mut parts {
                part.0 *= share;
            }
            let rest = team.parts(category, likely).into_iter();
            parts.extend(rest.map(|(s, e)| (s * (1.0 - share), e)));
        }
        parts.retain(|(share, _)| *share > 0.0);
        parts
    }

    /// The `u`-quantile of `actual / likely` for a task of this category and likely estimate:
    /// the inverse CDF the simulation samples with a uniform `u`. A category or size the
    /// history has not seen falls back to the broader levels; a non-positive or non-finite
    /// `likely` gets the distribution over all tasks.
    pub fn ratio_quantile(&self, category: Option<&str>, likely: f64, u: f64) -> f64 {
        let parts = self.parts(category, likely);
        let target = clamp_level(u) - 1e-12;
        let cdf = |r: f64| -> f64 { parts.iter().map(|(s, e)| s * e.cdf(r)).sum() };
        // The mixture's CDF only steps at its parts' values, so the quantile is the smallest
        // such value reaching the level; search each part's sorted values for it.
        parts
            .iter()
            .filter_map(|(_, e)| {
                let i = e.ratios.partition_point(|&r| cdf(r) < target);
                e.ratios.get(i).copied()
            })
            .reduce(f64::min)
            .unwrap_or_else(|| self.overall.ratios[self.overall.ratios.len() - 1])
    }

    /// The `u`-quantile of `actual / likely` for a task that has already taken `logged` hours
    /// and is not finished: the calibrated distribution with everything below
    /// `logged / likely` cut away (evidence-based scheduling's "given what we know now").
    /// When the task has outrun everything in the history, the best the history can say is
    /// "at least what is logged", so that is the answer.
    pub fn ratio_quantile_given(
        &self,
        category: Option<&str>,
        likely: f64,
        logged: f64,
        u: f64,
    ) -> f64 {
        let floor = if likely > 0.0 && logged.is_finite() && logged > 0.0 {
            logged / likely
        } else {
            0.0
        };
        let parts = self.parts(category, likely);
        let below: f64 = parts.iter().map(|(s, e)| s * e.cdf_below(floor)).sum();
        if below >= 1.0 - 1e-12 {
            return floor;
        }
        let level = below + clamp_level(u) * (1.0 - below);
        self.ratio_quantile(category, likely, level).max(floor)
    }

    /// Predicted quantiles of the final actual hours of an unfinished task with `logged`
    /// hours on it, one per level.
    pub fn hours_quantiles_given(
        &self,
        category: Option<&str>,
        likely: f64,
        logged: f64,
        levels: &[f64],
    ) -> Vec<f64> {
        levels
            .iter()
            .map(|&u| likely * self.ratio_quantile_given(category, likely, logged, u))
            .collect()
    }

    /// Predicted quantiles of actual hours for a task, one per level.
    pub fn hours_quantiles(&self, category: Option<&str>, likely: f64, levels: &[f64]) -> Vec<f64> {
        levels
            .iter()
            .map(|&u| likely * self.ratio_quantile(category, likely, u))
            .collect()
    }

    /// The whole calibrated ratio distribution for one task, for sampling it many times
    /// cheaply (`O(log n)` a draw).
    pub fn distribution(&self, category: Option<&str>, likely: f64) -> RatioDistribution {
        let parts = self.parts(category, likely);
        // Each part is sorted already, so a k-way merge (k ≤ 3) builds the mixture in one
        // pass; sorting the union would cost noticeably more on a large history.
        let mut next = vec![0usize; parts.len()];
        let mut ratios: Vec<f64> = Vec::new();
        let mut cumulative: Vec<f64> = Vec::new();
        let mut running = 0.0;
        loop {
            let smallest = parts
                .iter()
                .zip(&next)
                .enumerate()
                .filter_map(|(p, ((_, e), &i))| e.ratios.get(i).map(|&r| (p, r)))
                .min_by(|a, b| a.1.total_cmp(&b.1));
            let Some((p, r)) = smallest else { break };
            let (share, e) = parts[p];
            let i = next[p];
            let previous = if i == 0 { 0.0 } else { e.cumulative[i - 1] };
            running += share * (e.cumulative[i] - previous);
            next[p] += 1;
            // Equal ratios merge into one step, so `points()` reports each value once.
            if ratios.last() == Some(&r) {
                if let Some(last) = cumulative.last_mut() {
                    *last = running;
                }
            } else {
                ratios.push(r);
                cumulative.push(running);
            }
        }
        let total = running;
        for c in &mut cumulative {
            *c /= total;
        }
        RatioDistribution { ratios, cumulative }
    }
}

/// The size bucket of a likely estimate: `floor(log2(hours) / width)`, so with width 1 the
/// buckets are [1, 2) hours, [2, 4) hours, [0.5, 1) hours and so on.
fn size_bucket(likely: f64, width: f64) -> i32 {
    let width = if width.is_finite() && width > 0.0 {
        width
    } else {
        1.0
    };
    // The clamp keeps absurd estimates (1e-300 hours) from overflowing the cast.
    (likely.log2() / width).floor().clamp(-1000.0, 1000.0) as i32
}

/// Days since 1970-01-01 (proleptic Gregorian), for ages in days without a time zone.
pub(crate) fn day_number(date: jiff::civil::Date) -> i64 {
    // Howard Hinnant's days_from_civil: shift the year to start in March so leap days
    // fall at its end.
    let (y, m, d) = (
        i64::from(date.year()),
        i64::from(date.month()),
        i64::from(date.day()),
    );
    let y = if m <= 2 { y - 1 } else { y };
    let era = y.div_euclid(400);
    let yoe = y - era * 400;
    let mp = (m + 9) % 12;
    let doy = (153 * mp + 2) / 5 + d - 1;
    let doe = yoe * 365 + yoe / 4 - yoe / 100 + doy;
    era * 146_097 + doe - 719_468
}
