//! Calibration: what the provider's own history says about how far actual hours land from
//! the likely estimate, so that a P80 means 80 %.
//!
//! The model is empirical on purpose. Estimation errors are skewed, lumpy (tasks hit their
//! estimate exactly far more often than any smooth distribution allows) and differ by kind
//! and size of work, so the calibrated distribution of `actual / likely` for a new task is a
//! mixture of *weighted empirical distributions* of past ratios, from the most specific group
//! of past tasks like it to all of them (the [`Cascade`]):
//!
//! * the same project and category in the same size bucket (a doubling of the likely hours),
//! * the same project in that size bucket,
//! * the same category and *roundness* (how round the estimate is: whole hours, half hours,
//!   quarter hours, 5 minutes or other) in that size bucket,
//! * the same roundness in that size bucket,
//! * the size bucket,
//! * a four times wider size bucket,
//! * all tasks,
//!
//! each level taking, of what the levels before it left, the share `n / (n + prior)`, where
//! `n` is the effective number of tasks behind it. Older tasks weigh less (a half-life in
//! days), because estimation habits drift. Mixing empirical distributions instead of fitting
//! a parametric one keeps the ties: a quantile can land exactly on a past actual, which is
//! what makes coverage honest on data full of round numbers (and tasks estimated in round
//! numbers land exactly on their estimate far more often, hence the roundness levels).

use std::collections::HashMap;

use crate::history::Record;

pub(crate) mod walk;

/// The least weight a task keeps for its age (four half-lives): recency favours new tasks
/// but never silences the rest of the history.
pub(crate) const MIN_WEIGHT: f64 = 1.0 / 16.0;

/// How far the shares of a mixture reach down the levels of similar past tasks.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub enum Cascade {
    /// Project × category × size → project × size → category × roundness × size →
    /// roundness × size → size → a 4× wider size → all tasks.
    #[default]
    Long,
    /// The method before the long cascade: category × size → size → all tasks. Kept to
    /// compare against (`docs/backtest.md`).
    Short,
}

/// How a calibration is fitted. The defaults are what the backtests on the three real
/// datasets in `docs/backtest.md` support; none of them was tuned to one dataset.
#[derive(Clone, Debug, PartialEq)]
pub struct CalibrationSettings {
    /// A task's weight halves for every this many days it finished before the newest task.
    pub half_life_days: f64,
    /// Width of a size bucket, in doublings of the likely hours.
    pub bucket_width: f64,
    /// Tasks' worth of evidence at which a size bucket (or the wider one) counts as much as
    /// the broader tasks it is shrunk toward.
    pub size_prior: f64,
    /// Tasks' worth of evidence at which a narrower group within a size bucket (a category,
    /// a project, a roundness) counts as much as the broader tasks it is shrunk toward.
    pub category_prior: f64,
    /// Which levels the mixture has.
    pub cascade: Cascade,
    // Other readings of issue 11's cascade, measured against the defaults in
    // `docs/backtest.md` ("Readings tried") and kept so the figures can be reproduced; none
    // helped on all three datasets, so each default is the cascade as the issue words it.
    /// Whether a level holding exactly the tasks of a broader level after it is left out
    /// (it would otherwise count the same tasks twice).
    pub distinct_levels: bool,
    /// Where the size buckets are cut, in doublings: 0 cuts at 1, 2, 4 … hours; 0.5 centres
    /// the buckets on them.
    pub bucket_offset: f64,
    /// How many size buckets the wider bucket spans.
    pub wide_factor: f64,
    /// Whether `n` is the plain number of tasks instead of Kish's effective number.
    pub count_tasks: bool,
}

impl Default for CalibrationSettings {
    fn default() -> Self {
        Self {
            half_life_days: 730.0,
            bucket_width: 1.0,
            size_prior: 30.0,
            category_prior: 30.0,
            cascade: Cascade::Long,
            distinct_levels: false,
            bucket_offset: 0.0,
            wide_factor: 4.0,
            count_tasks: false,
        }
    }
}

impl CalibrationSettings {
    /// The half-life, infinite (no recency) when not a positive number.
    fn half_life(&self) -> f64 {
        if self.half_life_days.is_finite() && self.half_life_days > 0.0 {
            self.half_life_days
        } else {
            f64::INFINITY
        }
    }

    /// A task's weight at `age` days before the newest task.
    pub(crate) fn weight(&self, age: f64) -> f64 {
        // However old, a task keeps MIN_WEIGHT of a new one's weight: one task dated far
        // after the others (a typo'd year) can never take all the weight.
        (-age / self.half_life() * std::f64::consts::LN_2)
            .exp()
            .max(MIN_WEIGHT)
    }
}

/// How round an estimate is: the coarsest unit it is a whole number of. Estimates in round
/// numbers are guesses of a different kind from "3 h 40 min", and land on themselves more.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub enum Roundness {
    WholeHours,
    HalfHours,
    QuarterHours,
    FiveMinutes,
    Other,
}

impl Roundness {
    /// The roundness of a likely estimate in hours. Estimates converted from minutes or
    /// pomodoros carry a few decimals (25 minutes is 0.416667 h), hence the tolerance.
    pub fn of(likely: f64) -> Self {
        let whole = |unit: f64| {
            let n = likely / unit;
            n.is_finite() && n >= 0.5 && (n - n.round()).abs() < 1e-3
        };
        if whole(1.0) {
            Self::WholeHours
        } else if whole(0.5) {
            Self::HalfHours
        } else if whole(0.25) {
            Self::QuarterHours
        } else if whole(1.0 / 12.0) {
            Self::FiveMinutes
        } else {
            Self::Other
        }
    }
}

/// What the calibration is told about a task to predict. Only `likely` is needed; a project
/// or category the history has not seen just skips the levels that would use it.
#[derive(Clone, Copy, Debug, PartialEq)]
pub struct TaskKind<'a> {
    pub project: Option<&'a str>,
    pub category: Option<&'a str>,
    pub likely: f64,
}

impl<'a> TaskKind<'a> {
    /// A task of a new project (every brief's items): category and size only.
    pub fn new(category: Option<&'a str>, likely: f64) -> Self {
        Self {
            project: None,
            category,
            likely,
        }
    }

    /// A past or ongoing task, with its project.
    pub fn of(record: &'a Record) -> Self {
        Self {
            project: Some(&record.project),
            category: record.category.as_deref(),
            likely: record.likely,
        }
    }
}

/// One group of similar past tasks, a level of the cascade. Projects and categories are
/// interned as numbers ([`Names`]).
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub(crate) enum Group {
    ProjectCategorySize(u32, u32, i32),
    ProjectSize(u32, i32),
    CategoryRoundSize(u32, Roundness, i32),
    RoundSize(Roundness, i32),
    CategorySize(u32, i32),
    Size(i32),
    Wide(i32),
    All,
}

/// Project and category names as numbers, so groups are cheap to hash and copy.
#[derive(Clone, Debug, Default)]
pub(crate) struct Names(HashMap<String, u32>);

impl Names {
    pub(crate) fn intern(&mut self, name: &str) -> u32 {
        if let Some(&id) = self.0.get(name) {
            return id;
        }
        let id = self.0.len() as u32;
        self.0.insert(name.to_owned(), id);
        id
    }

    pub(crate) fn get(&self, name: &str) -> Option<u32> {
        self.0.get(name).copied()
    }
}

/// The cascade's groups for a task, most specific first, each with its prior; `All` last.
/// `project` and `category` are interned names (`None` when absent or never seen).
pub(crate) fn groups(
    settings: &CalibrationSettings,
    project: Option<u32>,
    category: Option<u32>,
    likely: f64,
) -> Vec<(Group, f64)> {
    let mut out = Vec::with_capacity(7);
    if likely.is_finite() && likely > 0.0 {
        let size = size_bucket(likely, settings.bucket_width, settings.bucket_offset);
        let narrow = settings.category_prior;
        let broad = settings.size_prior;
        match settings.cascade {
            Cascade::Short => {
                if let Some(c) = category {
                    out.push((Group::CategorySize(c, size), narrow));
                }
                out.push((Group::Size(size), broad));
            }
            Cascade::Long => {
                let round = Roundness::of(likely);
                if let Some(p) = project {
                    if let Some(c) = category {
                        out.push((Group::ProjectCategorySize(p, c, size), narrow));
                    }
                    out.push((Group::ProjectSize(p, size), narrow));
                }
                if let Some(c) = category {
                    out.push((Group::CategoryRoundSize(c, round, size), narrow));
                }
                out.push((Group::RoundSize(round, size), narrow));
                out.push((Group::Size(size), broad));
                let wide = size_bucket(
                    likely,
                    settings.bucket_width * settings.wide_factor,
                    settings.bucket_offset,
                );
                out.push((Group::Wide(wide), broad));
            }
        }
    }
    out.push((Group::All, 0.0));
    out
}

/// A distribution of ratios the mixture can be built from: its values (sorted, possibly
/// some with no weight) and its CDF.
pub(crate) trait Part {
    /// The values the CDF may step at, sorted ascending.
    fn values(&self) -> &[f64];
    /// P(ratio ≤ r).
    fn cdf(&self, r: f64) -> f64;
    /// P(ratio < r).
    fn cdf_below(&self, r: f64) -> f64;
    /// Kish's effective number of tasks, `(Σw)² / Σw²`.
    fn effective(&self) -> f64;
    /// Which tasks it holds: their number and the wrapping sum of their [`task_mark`]s, so
    /// that two levels holding the same tasks can be told apart from two that do not.
    fn members(&self) -> (usize, u64);
}

/// A task's mark for [`Part::members`]: SplitMix64 of its index, so that sums of marks of
/// different sets of tasks practically never agree.
pub(crate) fn task_mark(index: usize) -> u64 {
    let mut z = (index as u64).wrapping_add(0x9E37_79B9_7F4A_7C15);
    z = (z ^ (z >> 30)).wrapping_mul(0xBF58_476D_1CE4_E5B9);
    z = (z ^ (z >> 27)).wrapping_mul(0x94D0_49BB_1331_11EB);
    z ^ (z >> 31)
}

/// The shares of the present levels, most specific first: each takes `n / (n + prior)` of
/// what the levels before it left, the last (all tasks) the rest. `levels` yields, per level,
/// its part if the history has that group.
pub(crate) fn mixture<P: Part>(
    settings: &CalibrationSettings,
    levels: impl Iterator<Item = (Option<P>, f64)>,
) -> Vec<(f64, P)> {
    let mut levels: Vec<(P, f64)> = levels
        .filter_map(|(p, prior)| p.map(|p| (p, prior)))
        .collect();
    if settings.distinct_levels {
        // A level with exactly the tasks of a broader one after it says nothing the broader
        // one does not: it is left out rather than counted twice.
        let members: Vec<(usize, u64)> = levels.iter().map(|(p, _)| p.members()).collect();
        let mut index = 0;
        levels.retain(|_| {
            index += 1;
            !members[index..].contains(&members[index - 1])
        });
    }
    let mut parts = Vec::with_capacity(levels.len());
    let Some((all, _)) = levels.pop() else {
        return parts;
    };
    let mut left = 1.0;
    for (part, prior) in levels {
        let n = if settings.count_tasks {
            part.members().0 as f64
        } else {
            part.effective()
        };
        let share = left * (n / (n + prior.max(0.0)));
        if share > 0.0 {
            parts.push((share, part));
        }
        left -= share;
    }
    if left > 0.0 {
        parts.push((left, all));
    }
    parts
}

/// The `u`-quantile of a mixture: the smallest value where its CDF reaches `u`. The CDF
/// only steps at its parts' values, so each part's sorted values are searched for it.
pub(crate) fn mixture_quantile<P: Part>(parts: &[(f64, P)], u: f64) -> Option<f64> {
    let target = clamp_level(u) - 1e-12;
    let cdf = |r: f64| -> f64 { parts.iter().map(|(s, e)| s * e.cdf(r)).sum() };
    parts
        .iter()
        .filter_map(|(_, e)| {
            let values = e.values();
            let i = values.partition_point(|&r| cdf(r) < target);
            values.get(i).copied()
        })
        .reduce(f64::min)
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
    marks: u64,
}

impl Empirical {
    /// From (ratio, weight, task index) of each task.
    fn new(mut pairs: Vec<(f64, f64, usize)>) -> Option<Self> {
        pairs.retain(|(r, w, _)| r.is_finite() && w.is_finite() && *w > 0.0);
        if pairs.is_empty() {
            return None;
        }
        let marks = pairs
            .iter()
            .fold(0u64, |sum, p| sum.wrapping_add(task_mark(p.2)));
        pairs.sort_by(|a, b| a.0.total_cmp(&b.0));
        let total: f64 = pairs.iter().map(|p| p.1).sum();
        let squares: f64 = pairs.iter().map(|p| p.1 * p.1).sum();
        let mut running = 0.0;
        let mut ratios = Vec::with_capacity(pairs.len());
        let mut cumulative = Vec::with_capacity(pairs.len());
        for (r, w, _) in &pairs {
            running += w;
            ratios.push(*r);
            cumulative.push(running / total);
        }
        Some(Self {
            ratios,
            cumulative,
            effective: total * total / squares,
            tasks: pairs.len(),
            marks,
        })
    }
}

impl Part for &Empirical {
    fn values(&self) -> &[f64] {
        &self.ratios
    }

    fn cdf(&self, r: f64) -> f64 {
        let i = self.ratios.partition_point(|&x| x <= r);
        if i == 0 { 0.0 } else { self.cumulative[i - 1] }
    }

    fn cdf_below(&self, r: f64) -> f64 {
        let i = self.ratios.partition_point(|&x| x < r);
        if i == 0 { 0.0 } else { self.cumulative[i - 1] }
    }

    fn effective(&self) -> f64 {
        self.effective
    }

    fn members(&self) -> (usize, u64) {
        (self.tasks, self.marks)
    }
}

/// Why there is no calibration to be had.
#[derive(Debug, PartialEq, Eq)]
pub enum CalibrationError {
    NoUsableTasks,
}

impl CalibrationError {
    /// What is wrong, in words from the catalogs.
    pub fn message(&self) -> crate::messages::Message {
        match self {
            CalibrationError::NoUsableTasks => crate::msg!("calibration-no-usable-tasks"),
        }
    }
}

crate::catalog_error!(CalibrationError);

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

pub(crate) fn clamp_level(u: f64) -> f64 {
    if u.is_nan() { 0.5 } else { u.clamp(0.0, 1.0) }
}

/// The provider's calibration: fitted once from the history, then asked for the ratio
/// quantiles of any new task.
#[derive(Clone, Debug)]
pub struct Calibration {
    settings: CalibrationSettings,
    names: Names,
    overall: Empirical,
    groups: HashMap<Group, Empirical>,
    /// A broader calibration this one is shrunk toward, and this one's share of the mixture
    /// (a person's toward the team's: `history::person`).
    team: Option<(std::sync::Arc<Calibration>, f64)>,
}

/// Whether a record can teach the calibration anything: a positive finite likely estimate
/// and a finite, non-negative actual.
pub(crate) fn usable(r: &Record) -> bool {
    r.likely.is_finite() && r.likely > 0.0 && r.actual.is_finite() && r.actual >= 0.0
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
        let usable: Vec<&Record> = records.iter().filter(|r| usable(r)).collect();
        let newest = usable
            .iter()
            .map(|r| r.finished)
            .max()
            .ok_or(CalibrationError::NoUsableTasks)?;
        let mut names = Names::default();
        let mut all = Vec::with_capacity(usable.len());
        let mut groups: HashMap<Group, Vec<(f64, f64, usize)>> = HashMap::new();
        for (index, r) in usable.into_iter().enumerate() {
            let age = (day_number(newest) - day_number(r.finished)) as f64;
            let pair = (r.ratio(), settings.weight(age), index);
            all.push(pair);
            let project = Some(names.intern(&r.project));
            let category = r.category.as_deref().map(|c| names.intern(c));
            for (group, _) in groups_of(settings, project, category, r.likely) {
                groups.entry(group).or_default().push(pair);
            }
        }
        Ok(Self {
            settings: settings.clone(),
            names,
            overall: Empirical::new(all).ok_or(CalibrationError::NoUsableTasks)?,
            groups: groups
                .into_iter()
                .filter_map(|(g, p)| Empirical::new(p).map(|e| (g, e)))
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
    fn parts(&self, task: TaskKind<'_>) -> Vec<(f64, &Empirical)> {
        let project = task.project.and_then(|p| self.names.get(p));
        let category = task.category.and_then(|c| self.names.get(c));
        let mut parts = mixture(
            &self.settings,
            groups(&self.settings, project, category, task.likely)
                .into_iter()
                .map(|(group, prior)| {
                    let part = match group {
                        Group::All => Some(&self.overall),
                        _ => self.groups.get(&group),
                    };
                    (part, prior)
                }),
        );
        if let Some((team, share)) = &self.team {
            for part in &mut parts {
                part.0 *= share;
            }
            let rest = team.parts(task).into_iter();
            parts.extend(rest.map(|(s, e)| (s * (1.0 - share), e)));
            parts.retain(|(share, _)| *share > 0.0);
        }
        parts
    }

    /// The `u`-quantile of `actual / likely` for a task of this category and likely estimate:
    /// the inverse CDF the simulation samples with a uniform `u`. A category or size the
    /// history has not seen falls back to the broader levels; a non-positive or non-finite
    /// `likely` gets the distribution over all tasks.
    pub fn ratio_quantile(&self, category: Option<&str>, likely: f64, u: f64) -> f64 {
        self.task_ratio_quantile(TaskKind::new(category, likely), u)
    }

    /// [`Self::ratio_quantile`] for a task that may belong to a project in the history.
    pub fn task_ratio_quantile(&self, task: TaskKind<'_>, u: f64) -> f64 {
        mixture_quantile(&self.parts(task), u)
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
        let parts = self.parts(TaskKind::new(category, likely));
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
        self.task_hours_quantiles(TaskKind::new(category, likely), levels)
    }

    /// [`Self::hours_quantiles`] for a task that may belong to a project in the history.
    pub fn task_hours_quantiles(&self, task: TaskKind<'_>, levels: &[f64]) -> Vec<f64> {
        let parts = self.parts(task);
        levels
            .iter()
            .map(|&u| {
                task.likely
                    * mixture_quantile(&parts, u)
                        .unwrap_or_else(|| self.overall.ratios[self.overall.ratios.len() - 1])
            })
            .collect()
    }

    /// The whole calibrated ratio distribution for one task, for sampling it many times
    /// cheaply (`O(log n)` a draw).
    pub fn distribution(&self, category: Option<&str>, likely: f64) -> RatioDistribution {
        self.task_distribution(TaskKind::new(category, likely))
    }

    /// [`Self::distribution`] for a task that may belong to a project in the history.
    pub fn task_distribution(&self, task: TaskKind<'_>) -> RatioDistribution {
        let parts = self.parts(task);
        // Each part is sorted already, so a k-way merge (k ≤ 7) builds the mixture in one
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

/// The groups a past task belongs to: every level of the cascade but `All`.
pub(crate) fn groups_of(
    settings: &CalibrationSettings,
    project: Option<u32>,
    category: Option<u32>,
    likely: f64,
) -> impl Iterator<Item = (Group, f64)> {
    groups(settings, project, category, likely)
        .into_iter()
        .filter(|(g, _)| *g != Group::All)
}

/// The size bucket of a likely estimate: `floor(log2(hours) / width)`, so with width 1 the
/// buckets are [1, 2) hours, [2, 4) hours, [0.5, 1) hours and so on.
pub(crate) fn size_bucket(likely: f64, width: f64, offset: f64) -> i32 {
    let width = if width.is_finite() && width > 0.0 {
        width
    } else {
        1.0
    };
    let offset = if offset.is_finite() { offset } else { 0.0 };
    // The clamp keeps absurd estimates (1e-300 hours) from overflowing the cast.
    ((likely.log2() + offset) / width)
        .floor()
        .clamp(-1000.0, 1000.0) as i32
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
