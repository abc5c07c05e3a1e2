//! The calibration refitted day by day, without refitting: walking forward through a history,
//! each day's tasks are added to the groups of the cascade once, and every question is
//! answered from running sums, so a walk over `n` tasks costs `O(n log n)` instead of one
//! fit (`O(n log n)`) per day.
//!
//! Recency weights depend on the newest task, which moves as the days go by. They are kept
//! relative to a reference day: a task's weight `2^(-(newest - day) / half-life)` is its
//! stored `2^((day - reference) / half-life)` times one factor for all tasks. Tasks that fall
//! to the floor weight ([`MIN_WEIGHT`]) move, once, to a count of floored tasks. The answers
//! are those of [`Calibration::fit_with`] on the same tasks (a test checks), up to the last
//! bits of the sums.
//!
//! [`Calibration::fit_with`]: super::Calibration::fit_with

use std::collections::HashMap;

use crate::history::Record;

use super::{
    CalibrationSettings, Group, MIN_WEIGHT, Names, Part, clamp_level, day_number, groups, mixture,
    task_mark,
};

/// Sums over positions `0..i` in `O(log n)`, with `O(log n)` updates.
#[derive(Clone, Debug)]
pub(crate) struct Fenwick(Vec<f64>);

impl Fenwick {
    pub(crate) fn new(n: usize) -> Self {
        Self(vec![0.0; n + 1])
    }

    pub(crate) fn add(&mut self, position: usize, value: f64) {
        let mut i = position + 1;
        while i < self.0.len() {
            self.0[i] += value;
            i += i & i.wrapping_neg();
        }
    }

    /// The sum over positions `0..end`.
    pub(crate) fn prefix(&self, end: usize) -> f64 {
        let mut i = end.min(self.0.len() - 1);
        let mut sum = 0.0;
        while i > 0 {
            sum += self.0[i];
            i &= i - 1;
        }
        sum
    }

    /// The first position whose prefix sum through it exceeds `target`, for whole counts:
    /// the `target`-th smallest (0-based) of the counted positions.
    pub(crate) fn nth(&self, target: f64) -> usize {
        let n = self.0.len() - 1;
        let mut position = 0;
        let mut left = target;
        let mut step = n.next_power_of_two();
        while step > 0 {
            let next = position + step;
            if next <= n && self.0[next] <= left {
                position = next;
                left -= self.0[next];
            }
            step >>= 1;
        }
        position
    }
}

/// One group of the cascade as the walk fills it: the sorted ratios of every task that will
/// ever join it, and the weights of those that have.
#[derive(Clone, Debug)]
struct Growing {
    prior: f64,
    values: Vec<f64>,
    /// Recent tasks' weights relative to the reference day, by position in `values`.
    fresh: Fenwick,
    fresh_sum: f64,
    fresh_squares: f64,
    /// Floored tasks, counted by position.
    floored: Fenwick,
    floored_count: f64,
    tasks: usize,
    /// The wrapping sum of the known tasks' marks.
    marks: u64,
}

/// A group as of the walk's current day: its weights scaled to that day.
struct View<'a> {
    group: &'a Growing,
    scale: f64,
    total: f64,
}

impl View<'_> {
    fn at(&self, end: usize) -> f64 {
        let g = self.group;
        let floored = if g.floored_count > 0.0 {
            g.floored.prefix(end) * MIN_WEIGHT
        } else {
            0.0
        };
        (g.fresh.prefix(end) * self.scale + floored) / self.total
    }
}

impl Part for View<'_> {
    fn values(&self) -> &[f64] {
        &self.group.values
    }

    fn cdf(&self, r: f64) -> f64 {
        self.at(self.group.values.partition_point(|&x| x <= r))
    }

    fn cdf_below(&self, r: f64) -> f64 {
        self.at(self.group.values.partition_point(|&x| x < r))
    }

    fn effective(&self) -> f64 {
        let g = self.group;
        let squares =
            g.fresh_squares * self.scale * self.scale + g.floored_count * MIN_WEIGHT * MIN_WEIGHT;
        self.total * self.total / squares
    }

    fn members(&self) -> (usize, u64) {
        (self.group.tasks, self.group.marks)
    }
}

/// The walk: tasks sorted by day, the first `known` of them in the calibration.
pub(crate) struct Walk {
    settings: CalibrationSettings,
    /// `ln 2 / half-life`, 0 without recency.
    rate: f64,
    days: Vec<i64>,
    ratios: Vec<f64>,
    /// Each task's groups in cascade order (`All` last), and its position in each.
    members: Vec<Vec<(usize, usize)>>,
    groups: Vec<Growing>,
    /// Every finite ratio of the history, sorted: where the mixture's quantile is searched.
    sorted: Vec<f64>,
    known: usize,
    floored: usize,
    reference: i64,
    newest: i64,
    largest: f64,
}

impl Walk {
    /// Prepare a walk over usable `records` sorted by finished day; nothing is known yet.
    pub(crate) fn new(records: &[Record], settings: &CalibrationSettings) -> Self {
        let half_life = settings.half_life();
        let rate = if half_life.is_finite() {
            std::f64::consts::LN_2 / half_life
        } else {
            0.0
        };
        let mut names = Names::default();
        let mut index: HashMap<Group, usize> = HashMap::new();
        let mut priors: Vec<f64> = Vec::new();
        let mut joining: Vec<Vec<(f64, usize)>> = Vec::new();
        let mut members: Vec<Vec<(usize, usize)>> = Vec::with_capacity(records.len());
        for (task, r) in records.iter().enumerate() {
            let project = Some(names.intern(&r.project));
            let category = r.category.as_deref().map(|c| names.intern(c));
            let ratio = r.ratio();
            let mut mine = Vec::with_capacity(8);
            for (group, prior) in groups(settings, project, category, r.likely) {
                let g = *index.entry(group).or_insert_with(|| {
                    priors.push(prior);
                    joining.push(Vec::new());
                    joining.len() - 1
                });
                if ratio.is_finite() {
                    joining[g].push((ratio, task));
                }
                mine.push((g, usize::MAX));
            }
            members.push(mine);
        }
        let mut groups = Vec::with_capacity(joining.len());
        for (g, (mut tasks, prior)) in joining.into_iter().zip(priors).enumerate() {
            tasks.sort_by(|a, b| a.0.total_cmp(&b.0).then(a.1.cmp(&b.1)));
            for (position, &(_, task)) in tasks.iter().enumerate() {
                if let Some(slot) = members[task].iter_mut().find(|(h, _)| *h == g) {
                    slot.1 = position;
                }
            }
            groups.push(Growing {
                prior,
                values: tasks.iter().map(|t| t.0).collect(),
                fresh: Fenwick::new(tasks.len()),
                fresh_sum: 0.0,
                fresh_squares: 0.0,
                floored: Fenwick::new(tasks.len()),
                floored_count: 0.0,
                tasks: 0,
                marks: 0,
            });
        }
        let mut sorted: Vec<f64> = records
            .iter()
            .map(Record::ratio)
            .filter(|r| r.is_finite())
            .collect();
        sorted.sort_by(f64::total_cmp);
        sorted.dedup();
        let days: Vec<i64> = records.iter().map(|r| day_number(r.finished)).collect();
        let reference = days.first().copied().unwrap_or(0);
        Self {
            settings: settings.clone(),
            rate,
            ratios: records.iter().map(Record::ratio).collect(),
            days,
            members,
            groups,
            sorted,
            known: 0,
            floored: 0,
            reference,
            newest: reference,
            largest: f64::NEG_INFINITY,
        }
    }

    /// A task's weight relative to the reference day.
    fn fresh_weight(&self, task: usize) -> f64 {
        (self.rate * (self.days[task] - self.reference) as f64).exp()
    }

    /// Add the tasks before `end` (a day boundary) to the calibration.
    pub(crate) fn advance_to(&mut self, end: usize) {
        let end = end.min(self.days.len());
        if end <= self.known {
            return;
        }
        self.newest = self.days[end - 1];
        // Keep the stored weights within range: past ~400 half-lives from the reference
        // (a typo'd year) they would overflow, so start again from the newest day.
        if self.rate * (self.newest - self.reference) as f64 > 300.0 {
            self.reference = self.newest;
            let live = self.floored..self.known;
            for g in &mut self.groups {
                g.fresh = Fenwick::new(g.values.len());
                g.fresh_sum = 0.0;
                g.fresh_squares = 0.0;
            }
            for task in live {
                self.add_fresh(task, 1.0);
            }
        }
        for task in self.known..end {
            if self.ratios[task].is_finite() {
                self.add_fresh(task, 1.0);
                let mark = task_mark(task);
                for &(g, _) in &self.members[task] {
                    let group = &mut self.groups[g];
                    group.tasks += 1;
                    group.marks = group.marks.wrapping_add(mark);
                }
                self.largest = self.largest.max(self.ratios[task]);
            }
        }
        self.known = end;
        // Tasks reach the floor in day order, so the floored ones are a prefix.
        while self.floored < self.known {
            let age = (self.newest - self.days[self.floored]) as f64;
            let unfloored = (-age / self.settings.half_life() * std::f64::consts::LN_2).exp();
            if unfloored >= MIN_WEIGHT {
                break;
            }
            let task = self.floored;
            if self.ratios[task].is_finite() {
                self.add_fresh(task, -1.0);
                for &(g, position) in &self.members[task] {
                    let group = &mut self.groups[g];
                    group.floored.add(position, 1.0);
                    group.floored_count += 1.0;
                }
            }
            self.floored += 1;
        }
    }

    /// Add (`sign` 1) or take away (-1) a task's fresh weight in all its groups. A task whose
    /// ratio is not a number (a likely estimate too small to divide by) is in no group.
    fn add_fresh(&mut self, task: usize, sign: f64) {
        if !self.ratios[task].is_finite() {
            return;
        }
        let w = self.fresh_weight(task);
        for &(g, position) in &self.members[task] {
            let group = &mut self.groups[g];
            group.fresh.add(position, sign * w);
            group.fresh_sum += sign * w;
            group.fresh_squares += sign * w * w;
        }
    }

    /// The predicted hours at each level for task `task` (its own groups, any project), from
    /// the tasks known so far; `None` before any task is known.
    pub(crate) fn hours_quantiles(
        &self,
        task: usize,
        likely: f64,
        levels: &[f64],
    ) -> Option<Vec<f64>> {
        if self.known == 0 {
            return None;
        }
        let scale = (-self.rate * (self.newest - self.reference) as f64).exp();
        let parts = mixture(
            &self.settings,
            self.members[task].iter().map(|&(g, _)| {
                let group = &self.groups[g];
                let view = (group.tasks > 0).then_some(View {
                    group,
                    scale,
                    total: group.fresh_sum * scale + group.floored_count * MIN_WEIGHT,
                });
                (view, group.prior)
            }),
        );
        // Quantiles rise with the level, so each level's search starts where the last ended.
        let (mut from, mut previous) = (0, f64::NEG_INFINITY);
        let mut hours = Vec::with_capacity(levels.len());
        for &u in levels {
            let u = clamp_level(u);
            if u < previous {
                from = 0;
            }
            let (ratio, at) = self.quantile(&parts, u, from);
            (from, previous) = (at, u);
            hours.push(likely * ratio);
        }
        Some(hours)
    }

    /// The mixture's quantile, and where it is in the history's sorted ratios: one search
    /// over every ratio of the history from `from` on (a ratio no known task has leaves the
    /// CDF where it was, so the smallest one reaching the level is a known one), instead of
    /// one search per part.
    fn quantile(&self, parts: &[(f64, View<'_>)], u: f64, from: usize) -> (f64, usize) {
        // A level of 0 means the smallest known ratio: the first where the CDF is positive.
        let target = (clamp_level(u) - 1e-12).max(f64::MIN_POSITIVE);
        let cdf = |r: f64| -> f64 { parts.iter().map(|(s, e)| s * e.cdf(r)).sum() };
        let from = from.min(self.sorted.len());
        let i = from + self.sorted[from..].partition_point(|&r| cdf(r) < target);
        // Past the end only by rounding: the largest known ratio, as a fitted calibration says.
        (self.sorted.get(i).copied().unwrap_or(self.largest), i)
    }
}
