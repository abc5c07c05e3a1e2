//! The estimate of a brief: the simulated distribution of hours, price and finish date, and
//! the verdict on whether the client's budget and deadline hold.
//!
//! This is where the brief meets the simulation and the calendar: items and risks become a
//! simulation model, sampled hours become prices at the provider's rate, and hours plus
//! waiting become finish dates in the provider's working calendar.

use jiff::civil::Date;
use serde::Serialize;

use crate::brief::{Brief, Priority};
use crate::forecast::calendar::{self, Calendar};
use crate::forecast::simulate::{self, ItemEffort, Model, QuantilePoints, RiskModel};
use crate::history::calibration::{Calibration, TaskKind};
use crate::stats::{self, Ecdf};

/// How to run an estimate.
#[derive(Clone, Debug)]
pub struct Settings {
    pub trials: usize,
    pub seed: u64,
    pub confidence: f64,
    /// The start when the brief gives none (the CLI passes today).
    pub today: Date,
    /// The provider's calibration from their history; `None` uses the raw estimates.
    pub calibration: Option<std::sync::Arc<Calibration>>,
}

/// The fewest trials a run may ask for: fewer give quantiles that change from seed to seed.
pub const MIN_TRIALS: usize = 100;
/// The most trials a run may ask for: 10 million take seconds and 120 MB.
pub const MAX_TRIALS: usize = 10_000_000;

/// Why settings are refused.
#[derive(Clone, Copy, Debug, thiserror::Error, PartialEq)]
pub enum SettingsError {
    #[error("--trials must be between 100 and 10,000,000, not {0}")]
    Trials(usize),
    #[error("--confidence must be between 0 and 1 (e.g. 0.8), not {0}")]
    Confidence(f64),
}

impl Settings {
    /// Settings within the bounds every front end enforces: [`MIN_TRIALS`]..=[`MAX_TRIALS`]
    /// trials and a confidence strictly between 0 and 1.
    pub fn new(
        trials: usize,
        seed: u64,
        confidence: f64,
        today: Date,
        calibration: Option<std::sync::Arc<Calibration>>,
    ) -> Result<Settings, SettingsError> {
        if !(MIN_TRIALS..=MAX_TRIALS).contains(&trials) {
            return Err(SettingsError::Trials(trials));
        }
        check_confidence(confidence)?;
        Ok(Settings {
            trials,
            seed,
            confidence,
            today,
            calibration,
        })
    }
}

impl SettingsError {
    /// What is wrong, in words from the catalogs (`Display` is the English).
    pub fn message(&self) -> crate::messages::Message {
        match self {
            SettingsError::Trials(trials) => {
                crate::msg!("settings-trials", trials = trials.to_string())
            }
            SettingsError::Confidence(confidence) => {
                crate::msg!("settings-confidence", confidence = confidence.to_string())
            }
        }
    }
}

impl EstimateError {
    /// Why the brief cannot be priced, in words from the catalogs (`Display` is the English).
    pub fn message(&self) -> crate::messages::Message {
        use crate::msg;
        match self {
            EstimateError::NoRate => msg!("estimate-no-rate"),
            EstimateError::NoItems => msg!("estimate-no-items"),
            EstimateError::NoWorkingDays => msg!("estimate-no-working-days"),
            EstimateError::TooLong(days) => msg!("estimate-too-long", days = days.to_string()),
            // The review refuses what the simulator would: this is a program's error.
            EstimateError::Simulation(error) => {
                msg!("estimate-cannot-simulate", error = error.to_string())
            }
            EstimateError::Settings(error) => error.message(),
        }
    }
}

fn check_confidence(confidence: f64) -> Result<(), SettingsError> {
    if confidence > 0.0 && confidence < 1.0 {
        Ok(())
    } else {
        Err(SettingsError::Confidence(confidence))
    }
}

/// Why a brief cannot be estimated.
#[derive(Debug, thiserror::Error, PartialEq)]
pub enum EstimateError {
    #[error("no hourly rate: set `rate` in the brief's [me] table or in your profile")]
    NoRate,
    #[error("the brief has no items to estimate: add at least one [[item]]")]
    NoItems,
    #[error("the calendar has no working days: check `me.workdays`")]
    NoWorkingDays,
    #[error("the work would take more than {0} working days; check the estimates and capacity")]
    TooLong(usize),
    #[error("cannot simulate: {0}")]
    Simulation(#[from] simulate::SimError),
    #[error(transparent)]
    Settings(#[from] SettingsError),
}

pub use crate::stats::Summary;

/// Quantiles of the finish date.
#[derive(Clone, Copy, Debug, PartialEq, Serialize)]
pub struct DateSummary {
    pub p10: Date,
    pub p50: Date,
    pub p80: Date,
    pub p95: Date,
}

/// How the client's wish compares with the distribution.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize)]
#[serde(rename_all = "lowercase")]
pub enum VerdictClass {
    Realistic,
    Tight,
    Unrealistic,
    Unknown,
}

/// Which side of the triangle fails.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize)]
#[serde(rename_all = "lowercase")]
pub enum Binding {
    Budget,
    Deadline,
    Both,
    None,
}

/// The verdict: how likely the budget and the deadline hold, at normal capacity.
#[derive(Clone, Copy, Debug, PartialEq, Serialize)]
pub struct Verdict {
    pub class: VerdictClass,
    /// `None` when the client gave no budget.
    pub p_budget: Option<f64>,
    /// `None` when the client gave no deadline.
    pub p_deadline: Option<f64>,
    pub p_both: f64,
    pub binding: Binding,
}

/// The outcome of `estimate`.
#[derive(Clone, Debug)]
pub struct Report {
    pub trials: usize,
    pub seed: u64,
    pub confidence: f64,
    pub calibrated: bool,
    /// How many past tasks the calibration rests on (0 when uncalibrated).
    pub calibration_tasks: usize,
    pub start: Date,
    pub hours: Summary,
    pub cost: Summary,
    pub finish: DateSummary,
    pub verdict: Verdict,
    /// The hours at the confidence in force (its quantile).
    pub hours_at_confidence: f64,
    /// The price at the confidence in force: the cost's quantile at `confidence`. What "a
    /// fixed price at your confidence" quotes.
    pub price: f64,
    /// The finish date at the confidence in force.
    pub finish_at_confidence: Date,
    /// Every trial's cost; reads as a slice sorted ascending (sorted on first such use), and
    /// answers charts and quantiles without sorting.
    pub sorted_cost: Costs,
    /// The working day index (0 = first working day) of each trial's finish; reads as a
    /// slice sorted ascending (made from counts on first such use).
    pub sorted_finish_days: FinishDays,
    /// The working days from the start, long enough to date every trial.
    pub working_days: Vec<Date>,
}

/// Every trial's cost: the trials' hours times the rate, kept in no particular order. Reads
/// as a slice of the costs sorted ascending (through `Deref`; the sort happens once, on
/// first use), while [`Ecdf`] and [`Costs::quantile`] answer by selection and counting.
#[derive(Clone, Debug)]
pub struct Costs {
    /// Each trial's hours, exactly as simulated (the simulation sums in `f32`), in trial
    /// order.
    hours: Vec<f32>,
    /// The hours counted into buckets, for order statistics without sorting.
    buckets: stats::Buckets,
    rate: f64,
    sorted: std::sync::OnceLock<Vec<f64>>,
}

impl Costs {
    /// How many trials.
    pub fn len(&self) -> usize {
        self.hours.len()
    }

    pub fn is_empty(&self) -> bool {
        self.hours.is_empty()
    }

    /// The costs sorted ascending (sorts once, in parallel).
    pub fn sorted(&self) -> &[f64] {
        self.sorted.get_or_init(|| {
            use rayon::prelude::*;
            let mut costs: Vec<f64> = self
                .hours
                .par_iter()
                .map(|&h| f64::from(h) * self.rate)
                .collect();
            costs.par_sort_unstable_by(f64::total_cmp);
            costs
        })
    }

    /// The cost's `p`-quantile (see [`stats::rank`]).
    pub fn quantile(&self, p: f64) -> f64 {
        self.order_statistics(&[stats::rank(self.len(), p)])[0]
    }

    /// The rank among hours that holds the cost of rank `k`: multiplying by the rate keeps
    /// the order, or reverses it for a negative rate.
    fn hours_rank(&self, k: usize) -> usize {
        if self.rate < 0.0 {
            self.len() - 1 - k
        } else {
            k
        }
    }
}

impl std::ops::Deref for Costs {
    type Target = [f64];
    fn deref(&self) -> &[f64] {
        self.sorted()
    }
}

impl Ecdf for Costs {
    fn count(&self) -> usize {
        self.len()
    }
    fn order_statistics(&self, ranks: &[usize]) -> Vec<f64> {
        if let Some(sorted) = self.sorted.get() {
            return sorted.order_statistics(ranks);
        }
        let hours_ranks: Vec<usize> = ranks.iter().map(|&k| self.hours_rank(k)).collect();
        self.buckets
            .order_statistics(&self.hours, &hours_ranks)
            .into_iter()
            .map(|h| f64::from(h) * self.rate)
            .collect()
    }
    fn count_at_most(&self, thresholds: &[f64]) -> Vec<usize> {
        if let Some(sorted) = self.sorted.get() {
            return sorted.count_at_most(thresholds);
        }
        // A cost threshold is an hours threshold: the greatest `f32` hours whose cost is
        // at or under it (the cost grows with the hours at a positive rate).
        let hours: Option<Vec<f32>> = if self.rate > 0.0 {
            thresholds
                .iter()
                .map(|&x| hours_at_most(x, self.rate))
                .collect()
        } else {
            None
        };
        match hours {
            Some(hours) => self.buckets.count_at_most(&self.hours, &hours),
            None => {
                stats::count_at_most_unsorted(&self.hours, thresholds, |h| f64::from(h) * self.rate)
            }
        }
    }
}

/// The greatest finite `f32` hours `g` with `g · rate ≤ cost` (in `f64`, as a cost is
/// computed), for a positive rate: then `h · rate ≤ cost` exactly when `h ≤ g`. `None` when
/// there is no such finite number.
fn hours_at_most(cost: f64, rate: f64) -> Option<f32> {
    let fits = |g: f32| f64::from(g) * rate <= cost;
    let mut g = (cost / rate) as f32;
    if !g.is_finite() {
        return None;
    }
    while !fits(g) {
        g = g.next_down();
        if !g.is_finite() {
            return None;
        }
    }
    while g.next_up().is_finite() && fits(g.next_up()) {
        g = g.next_up();
    }
    Some(g)
}

/// The working day index of every trial's finish, kept as counts per day. Reads as a slice
/// of the days sorted ascending (through `Deref`; made once, on first use).
#[derive(Clone, Debug)]
pub struct FinishDays {
    /// `counts[d]`: how many trials finish on working day `d`.
    counts: Vec<usize>,
    trials: usize,
    sorted: std::sync::OnceLock<Vec<u32>>,
}

impl FinishDays {
    /// How many trials.
    pub fn len(&self) -> usize {
        self.trials
    }

    pub fn is_empty(&self) -> bool {
        self.trials == 0
    }

    /// The finish day's `p`-quantile (see [`stats::rank`]); 0 for no trials.
    pub fn quantile(&self, p: f64) -> u32 {
        stats::quantile_of_counts(&self.counts, p).unwrap_or(0)
    }

    /// How many trials finish on each working day.
    pub fn counts(&self) -> &[usize] {
        &self.counts
    }

    /// The days sorted ascending.
    pub fn sorted(&self) -> &[u32] {
        self.sorted.get_or_init(|| {
            let mut days = Vec::with_capacity(self.trials);
            for (day, &c) in self.counts.iter().enumerate() {
                days.extend(std::iter::repeat_n(day as u32, c));
            }
            days
        })
    }
}

impl std::ops::Deref for FinishDays {
    type Target = [u32];
    fn deref(&self) -> &[u32] {
        self.sorted()
    }
}

/// The items in the scope the client asked for: everything not marked `wont`.
pub fn wanted(brief: &Brief) -> Vec<bool> {
    brief
        .items
        .iter()
        .map(|i| i.priority() != Priority::Wont)
        .collect()
}

/// Probabilities at which a calibrated item's quantile function is tabulated: dense in the
/// tails, where the ratio distributions of real work are long.
fn calibration_grid() -> impl Iterator<Item = f64> {
    (1..1000).map(|k| f64::from(k) / 1000.0)
}

/// The simulation model of a brief, calibrated on the provider's history when there is one:
/// each item's hours are then its likely estimate times the historical ratio for its
/// category and size (certain, single-number items stay certain). A brief that continues a
/// project of the history (the same `[project] name`) also learns from that project's tasks.
pub(crate) fn model_for(brief: &Brief, calibration: Option<&Calibration>) -> Model {
    let mut model = model_of(brief);
    if let Some(cal) = calibration {
        let project = brief.project.name.as_ref().map(|n| n.value.as_str());
        model.calibrated = brief
            .items
            .iter()
            .map(|item| {
                let e = item.estimate.value;
                if e.point || e.likely <= 0.0 {
                    return None;
                }
                let category = item.category.as_ref().map(|c| c.value.as_str());
                let ratios = cal.task_distribution(TaskKind {
                    project,
                    category,
                    likely: e.likely,
                });
                let mut last = 0.0f64;
                let points = calibration_grid()
                    .map(|u| {
                        // Monotone by construction; max() guards float ties.
                        last = last.max(e.likely * ratios.quantile(u));
                        (u, last)
                    })
                    .collect();
                Some(QuantilePoints(points))
            })
            .collect();
    }
    model
}

/// The simulation model of a brief's items and risks, from the raw estimates.
pub(crate) fn model_of(brief: &Brief) -> Model {
    let three = |e: &crate::brief::Estimate| [e.low, e.likely, e.high];
    Model {
        items: brief
            .items
            .iter()
            .map(|item| {
                let e = item.estimate.value;
                ItemEffort {
                    low: e.low,
                    likely: e.likely,
                    high: e.high,
                }
            })
            .collect(),
        risks: brief
            .risks
            .iter()
            .map(|risk| RiskModel {
                probability: risk.probability.value,
                effort: risk.effort.as_ref().map(|e| three(&e.value)),
                delay: risk.delay.as_ref().map(|d| three(&d.value)),
            })
            .collect(),
        distribution: simulate_distribution(brief.model.distribution()),
        correlation: brief.model.correlation(),
        calibrated: Vec::new(),
    }
}

/// More working days than this (about 40 years) is taken as a mistake, not a plan.
const MAX_WORKING_DAYS: usize = 10_000;

/// Simulates the wanted scope of a brief at normal capacity.
pub fn estimate(brief: &Brief, settings: &Settings) -> Result<Report, EstimateError> {
    let mask = check(brief, settings)?;
    let model = model_for(brief, settings.calibration.as_deref());
    let samples =
        simulate::Simulator::new(&model)?.run_f32(&mask, settings.trials, settings.seed)?;
    report_of(brief, settings, samples)
}

/// What an estimate needs before it simulates: a rate, wanted items, trials and a
/// confidence. Returns the wanted scope's mask.
pub(crate) fn check(brief: &Brief, settings: &Settings) -> Result<Vec<bool>, EstimateError> {
    brief.me.rate.as_ref().ok_or(EstimateError::NoRate)?;
    let mask = wanted(brief);
    if !mask.iter().any(|m| *m) {
        return Err(EstimateError::NoItems);
    }
    // What the quantiles need to exist; the front ends' bounds are [`Settings::new`]'s.
    if settings.trials == 0 {
        return Err(SettingsError::Trials(0).into());
    }
    check_confidence(settings.confidence)?;
    Ok(mask)
}

/// The estimate from a simulation of the wanted scope (see [`check`]).
pub(crate) fn report_of(
    brief: &Brief,
    settings: &Settings,
    samples: simulate::SamplesF32,
) -> Result<Report, EstimateError> {
    let rate = brief.me.rate.as_ref().ok_or(EstimateError::NoRate)?.value;
    let start = brief
        .project
        .start
        .as_ref()
        .map_or(settings.today, |s| s.value);

    let mut cal = Calendar::for_me(&brief.me);
    let per_day = calendar::hours_per_day(brief.me.hours_per_week(), cal.workdays_per_week());
    // The cost is ex. VAT; so is the budget it is compared with.
    let budget = brief.budget_ex_vat();
    let deadline_days = brief
        .request
        .deadline
        .as_ref()
        .map(|d| deadline_index(&mut cal, start, d.value));
    let tally = tally(
        &samples.hours,
        &samples.delay_days,
        per_day,
        rate,
        budget,
        deadline_days,
    );
    let last = tally.days.iter().rposition(|&c| c > 0).unwrap_or(0);
    if tally.too_long {
        return Err(EstimateError::TooLong(MAX_WORKING_DAYS));
    }
    let working_days = cal.working_days(start, last + 1);
    if working_days.len() <= last {
        return Err(EstimateError::NoWorkingDays);
    }
    let verdict = verdict_of(&tally, budget, deadline_days, settings.confidence);

    // The quantiles are order statistics of the hours as simulated, in `f32` (the
    // simulation sums in it), found by counting into buckets (see [`stats::Buckets`]) beside
    // the means, which are summed in trial order to keep their bits.
    let n = samples.hours.len();
    let mut levels = stats::LEVELS.to_vec();
    levels.push(settings.confidence);
    let ((hours_mean, cost_mean), buckets) = rayon::join(
        || {
            let (mut h, mut c) = (0.0f64, 0.0f64);
            for &x in &samples.hours {
                let x = f64::from(x);
                h += x;
                c += x * rate;
            }
            (h / n as f64, c / n as f64)
        },
        || stats::Buckets::of(&samples.hours),
    );
    let mut ranks: Vec<usize> = levels.iter().map(|&p| stats::rank(n, p)).collect();
    if rate < 0.0 {
        // A negative rate reverses the order: the cost of rank k is the rate times the hours
        // of the mirrored rank.
        ranks.extend(levels.iter().map(|&p| n - 1 - stats::rank(n, p)));
    }
    let found = buckets.order_statistics(&samples.hours, &ranks);
    let m = levels.len();
    let hours_q: Vec<f64> = found[..m].iter().map(|&h| f64::from(h)).collect();
    // The rate times the hours of a rank: the same bits as sorting the costs.
    let cost_q: Vec<f64> = (0..m)
        .map(|i| f64::from(found[if rate < 0.0 { m + i } else { i }]) * rate)
        .collect();
    let four = |q: &[f64]| [q[0], q[1], q[2], q[3]];
    let finish_days = FinishDays {
        counts: tally.days,
        trials: n,
        sorted: std::sync::OnceLock::new(),
    };
    let day_at = |q| working_days[finish_days.quantile(q) as usize];
    let finish = DateSummary {
        p10: day_at(0.10),
        p50: day_at(0.50),
        p80: day_at(0.80),
        p95: day_at(0.95),
    };
    let finish_at_confidence = day_at(settings.confidence);
    Ok(Report {
        trials: settings.trials,
        seed: settings.seed,
        confidence: settings.confidence,
        calibrated: settings.calibration.is_some(),
        calibration_tasks: settings.calibration.as_ref().map_or(0, |c| c.tasks()),
        start,
        hours: Summary::from_parts(hours_mean, four(&hours_q)),
        cost: Summary::from_parts(cost_mean, four(&cost_q)),
        finish,
        verdict,
        hours_at_confidence: hours_q[4],
        price: cost_q[4],
        finish_at_confidence,
        sorted_cost: Costs {
            hours: samples.hours,
            buckets,
            rate,
            sorted: std::sync::OnceLock::new(),
        },
        sorted_finish_days: finish_days,
        working_days,
    })
}

/// What one pass over the trials counts: finish days per working day, and how many trials
/// keep the budget, the deadline and both.
struct Tally {
    /// Trials per finish day, up to [`MAX_WORKING_DAYS`].
    days: Vec<usize>,
    /// Some trial finishes on or after [`MAX_WORKING_DAYS`].
    too_long: bool,
    in_budget: usize,
    in_time: usize,
    both: usize,
    trials: usize,
}

/// Counts the trials in parallel, chunk by chunk; counts add up the same in any order.
fn tally(
    hours: &[f32],
    delay_days: &[f32],
    per_day: f64,
    rate: f64,
    budget: Option<f64>,
    deadline_days: Option<u32>,
) -> Tally {
    use rayon::prelude::*;
    let empty = || Tally {
        days: Vec::new(),
        too_long: false,
        in_budget: 0,
        in_time: 0,
        both: 0,
        trials: 0,
    };
    hours
        .par_chunks(1 << 14)
        .zip(delay_days.par_chunks(1 << 14))
        .fold(empty, |mut t, (hours, delays)| {
            // The days first, then the counts: four interleaved histograms, so that trials
            // finishing on the same day (most of them, in a short project) do not each wait
            // for the previous one's count to be stored.
            let days: Vec<u32> = hours
                .iter()
                .zip(delays)
                .map(|(&h, &d)| finish_day_of_trial(f64::from(h), d, per_day))
                .collect();
            let longest = days.iter().copied().max().unwrap_or(0) as usize;
            if longest >= MAX_WORKING_DAYS {
                t.too_long = true;
            }
            let width = longest.min(MAX_WORKING_DAYS - 1) + 1;
            let mut lanes = vec![0usize; 4 * width];
            for (i, &day) in days.iter().enumerate() {
                let day = day as usize;
                if day < MAX_WORKING_DAYS {
                    lanes[(i & 3) * width + day] += 1;
                }
            }
            if t.days.len() < width {
                t.days.resize(width, 0);
            }
            for lane in lanes.chunks_exact(width) {
                t.days.iter_mut().zip(lane).for_each(|(x, y)| *x += y);
            }
            for (&h, &day) in hours.iter().zip(&days) {
                let b = budget.is_none_or(|b| f64::from(h) * rate <= b);
                let d = deadline_days.is_none_or(|d| (day as u64) < u64::from(d));
                t.in_budget += usize::from(b);
                t.in_time += usize::from(d);
                t.both += usize::from(b && d);
            }
            t.trials += hours.len();
            t
        })
        .reduce(empty, |mut a, b| {
            if a.days.len() < b.days.len() {
                a.days.resize(b.days.len(), 0);
            }
            a.days.iter_mut().zip(&b.days).for_each(|(x, y)| *x += y);
            a.too_long |= b.too_long;
            a.in_budget += b.in_budget;
            a.in_time += b.in_time;
            a.both += b.both;
            a.trials += b.trials;
            a
        })
}

/// [`finish_day`] of one simulated trial, without a call to `ceil` (which the baseline
/// x86-64 target has no instruction for) in the usual case: work and waiting of less than a
/// billion days, where rounding up is a truncation and a comparison. The same value.
#[inline(always)]
fn finish_day_of_trial(hours: f64, delay_days: f32, hours_per_day: f64) -> u32 {
    const FAR: f64 = 1e9;
    // The expression of `calendar::days_for_hours`, to the bit.
    let work = hours / hours_per_day - 1e-9;
    let wait = f64::from(delay_days);
    if work > 0.0 && work < FAR && (0.0..FAR).contains(&wait) {
        // Rounded to the nearest whole number without a float-to-int conversion (adding
        // 1.5·2⁵² leaves it in the low bits), then up by one if that was below.
        let ceil = |x: f64| {
            let near = (x + 6_755_399_441_055_744.0).to_bits() as u32;
            near + u32::from(f64::from(near) < x)
        };
        ceil(work) - 1 + ceil(wait)
    } else {
        finish_day(hours, wait, hours_per_day)
    }
}

/// The working-day index (0-based) on which a trial finishes: the day its last hour is
/// worked, then its waiting days on top.
pub(crate) fn finish_day(hours: f64, delay_days: f64, hours_per_day: f64) -> u32 {
    let work = calendar::days_for_hours(hours, hours_per_day);
    let wait = if delay_days.is_finite() && delay_days > 0.0 {
        delay_days.ceil().min(f64::from(u32::MAX / 4)) as u32
    } else {
        0
    };
    (work - 1).saturating_add(wait)
}

/// How many working days lie from `start` through `deadline`: a trial finishing on day index
/// `i` meets the deadline when `i < deadline_index`.
pub(crate) fn deadline_index(cal: &mut Calendar, start: Date, deadline: Date) -> u32 {
    cal.working_days_between(start, deadline) as u32
}

/// Mean and P10/P50/P80/P95 of samples (empirical quantiles, see [`stats::rank`]).
pub fn summary(samples: &[f64]) -> Summary {
    Summary::of(samples).unwrap_or(Summary::from_parts(f64::NAN, [f64::NAN; 4]))
}

/// The verdict from per-trial costs and finish days.
pub fn verdict(
    costs: &[f64],
    finish_days: &[u32],
    budget: Option<f64>,
    deadline_days: Option<u32>,
    confidence: f64,
) -> Verdict {
    let budget_ok = |i: usize| budget.is_none_or(|b| costs[i] <= b);
    let deadline_ok = |i: usize| deadline_days.is_none_or(|d| finish_days[i] < d);
    let (mut in_budget, mut in_time, mut both) = (0usize, 0usize, 0usize);
    for i in 0..costs.len() {
        let (b, d) = (budget_ok(i), deadline_ok(i));
        in_budget += usize::from(b);
        in_time += usize::from(d);
        both += usize::from(b && d);
    }
    verdict_from_counts(
        [in_budget, in_time, both],
        costs.len(),
        budget,
        deadline_days,
        confidence,
    )
}

fn verdict_of(
    tally: &Tally,
    budget: Option<f64>,
    deadline_days: Option<u32>,
    confidence: f64,
) -> Verdict {
    verdict_from_counts(
        [tally.in_budget, tally.in_time, tally.both],
        tally.trials,
        budget,
        deadline_days,
        confidence,
    )
}

/// The verdict from how many of `trials` keep the budget, the deadline and both.
fn verdict_from_counts(
    [in_budget, in_time, both]: [usize; 3],
    trials: usize,
    budget: Option<f64>,
    deadline_days: Option<u32>,
    confidence: f64,
) -> Verdict {
    let n = trials.max(1) as f64;
    let p_budget = budget.map(|_| in_budget as f64 / n);
    let p_deadline = deadline_days.map(|_| in_time as f64 / n);
    let p_both = both as f64 / n;
    let class = if budget.is_none() && deadline_days.is_none() {
        VerdictClass::Unknown
    } else if p_both >= confidence {
        VerdictClass::Realistic
    } else if p_both >= 0.5 {
        VerdictClass::Tight
    } else {
        VerdictClass::Unrealistic
    };
    let binding = match class {
        VerdictClass::Realistic | VerdictClass::Unknown => Binding::None,
        _ => {
            let budget_fails = p_budget.is_some_and(|p| p < confidence);
            let deadline_fails = p_deadline.is_some_and(|p| p < confidence);
            match (budget_fails, deadline_fails) {
                (true, true) => Binding::Both,
                (true, false) => Binding::Budget,
                (false, true) => Binding::Deadline,
                // Each holds alone but not together: the weaker side binds.
                (false, false) => {
                    if p_budget.unwrap_or(1.0) <= p_deadline.unwrap_or(1.0) {
                        Binding::Budget
                    } else {
                        Binding::Deadline
                    }
                }
            }
        }
    };
    Verdict {
        class,
        p_budget,
        p_deadline,
        p_both,
        binding,
    }
}

/// The stable JSON shape of an estimate (`estimate --format json`, and the web app's): hours
/// to a tenth, money in whole units, probabilities to a thousandth. Keys are only ever
/// added, at the end: `confidence`, `price` (the cost at the confidence) and
/// `finish_at_confidence` came after the verdict.
pub fn report_json(report: &Report) -> serde_json::Value {
    serde_json::json!({
        "trials": report.trials,
        "seed": report.seed,
        "calibrated": report.calibrated,
        "tasks": report.calibration_tasks,
        "hours": report.hours.map(|v| round_to(v, 1)),
        "cost": report.cost.map(|v| round_to(v, 0)),
        "finish": report.finish,
        "verdict": verdict_json(&report.verdict),
        "confidence": report.confidence,
        "price": round_to(report.price, 0),
        "finish_at_confidence": report.finish_at_confidence,
    })
}

/// The JSON shape of a verdict: probabilities to a thousandth.
pub fn verdict_json(v: &Verdict) -> serde_json::Value {
    let p = |x: f64| round_to(x, 3);
    serde_json::json!({
        "class": v.class,
        "p_budget": v.p_budget.map(p),
        "p_deadline": v.p_deadline.map(p),
        "p_both": p(v.p_both),
        "binding": v.binding,
    })
}

/// `v` rounded to `places` decimals.
fn round_to(v: f64, places: i32) -> f64 {
    let f = 10f64.powi(places);
    (v * f).round() / f
}

/// The verdict in one sentence, for people.
pub fn verdict_sentence(report: &Report, brief: &Brief, lang: crate::lang::Lang) -> String {
    use crate::format::{money, percent};
    let v = &report.verdict;
    let currency = brief.currency();
    let price = money(report.price, currency, lang);
    let p80_date = crate::format::date(report.finish_at_confidence, lang);
    let odds = percent(v.p_both, lang);
    let sides = {
        let mut parts = Vec::new();
        if let Some(p) = v.p_budget {
            parts.push(crate::t!(lang, "verdict-budget-side", p = percent(p, lang)));
        }
        if let Some(p) = v.p_deadline {
            parts.push(crate::t!(
                lang,
                "verdict-deadline-side",
                p = percent(p, lang)
            ));
        }
        parts.join(", ")
    };
    let binding = match v.binding {
        Binding::Budget => crate::messages::text(lang, "verdict-budget-binds"),
        Binding::Deadline => crate::messages::text(lang, "verdict-deadline-binds"),
        Binding::Both => crate::messages::text(lang, "verdict-both-bind"),
        Binding::None => String::new(),
    };
    match v.class {
        VerdictClass::Unknown => crate::t!(
            lang,
            "verdict-unknown",
            confidence = percent(report.confidence, lang),
            price = price,
            date = p80_date,
        ),
        VerdictClass::Realistic => crate::t!(lang, "verdict-realistic", odds = odds, sides = sides),
        VerdictClass::Tight => crate::t!(
            lang,
            "verdict-tight",
            odds = odds,
            sides = sides,
            binding = binding,
        ),
        VerdictClass::Unrealistic => crate::t!(
            lang,
            "verdict-unrealistic",
            odds = odds,
            sides = sides,
            binding = binding,
        ),
    }
}

/// A brief's `[model] distribution` as the simulator's.
fn simulate_distribution(d: crate::brief::Distribution) -> crate::forecast::simulate::Distribution {
    use crate::brief::Distribution as Brief;
    use crate::forecast::simulate::Distribution as Sim;
    match d {
        Brief::Pert => Sim::Pert,
        Brief::Triangular => Sim::Triangular,
        Brief::Lognormal => Sim::Lognormal,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_trials_finish_day_is_the_calendars_to_the_day() {
        let hours = [
            0.0,
            1e-12,
            0.5,
            7.999_999_999,
            8.0,
            8.000_000_1,
            39.999,
            40.0,
            41.0,
            1234.5,
            1e7,
            1e12,
            -3.0,
            f64::NAN,
            f64::INFINITY,
        ];
        let delays = [0.0f32, -0.0, 0.25, 1.0, 2.5, 1e6, 1e10, -1.0, f32::NAN];
        for per_day in [7.4, 8.0, 0.3] {
            for &h in &hours {
                for &d in &delays {
                    assert_eq!(
                        finish_day_of_trial(h, d, per_day),
                        finish_day(h, f64::from(d), per_day),
                        "{h} h, {d} days, {per_day} h/day"
                    );
                }
            }
        }
    }

    #[test]
    fn an_hours_threshold_splits_the_costs_where_the_cost_threshold_does() {
        for rate in [900.0, 0.1, 1234.567, 3.0e-5] {
            for cost in [0.0, 1.0, 899.999, 900.0, 1e6 / 3.0, 123_456.789, -5.0] {
                let g = hours_at_most(cost, rate).unwrap();
                assert!(f64::from(g) * rate <= cost, "{cost} at {rate}");
                assert!(f64::from(g.next_up()) * rate > cost, "{cost} at {rate}");
            }
        }
        assert_eq!(hours_at_most(f64::INFINITY, 1.0), None);
    }
}
