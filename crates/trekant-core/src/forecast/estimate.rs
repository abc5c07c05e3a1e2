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
use crate::history::calibration::Calibration;

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
}

/// Mean and quantiles of a sampled quantity.
#[derive(Clone, Copy, Debug, PartialEq, Serialize)]
pub struct Summary {
    pub mean: f64,
    pub p10: f64,
    pub p50: f64,
    pub p80: f64,
    pub p95: f64,
}

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
    /// Every trial's cost, sorted ascending (for charts).
    pub sorted_cost: Vec<f64>,
    /// The working day index (0 = first working day) of each trial's finish, sorted.
    pub sorted_finish_days: Vec<u32>,
    /// The working days from the start, long enough to date every trial.
    pub working_days: Vec<Date>,
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
/// category and size (certain, single-number items stay certain).
pub fn model_for(brief: &Brief, calibration: Option<&Calibration>) -> Model {
    let mut model = model_of(brief);
    if let Some(cal) = calibration {
        model.calibrated = brief
            .items
            .iter()
            .map(|item| {
                let e = item.estimate.value;
                if e.point || e.likely <= 0.0 {
                    return None;
                }
                let category = item.category.as_ref().map(|c| c.value.as_str());
                let ratios = cal.distribution(category, e.likely);
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
pub fn model_of(brief: &Brief) -> Model {
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
        distribution: brief.model.distribution(),
        correlation: brief.model.correlation(),
        calibrated: Vec::new(),
    }
}

/// More working days than this (about 40 years) is taken as a mistake, not a plan.
const MAX_WORKING_DAYS: usize = 10_000;

/// Simulates the wanted scope of a brief at normal capacity.
pub fn estimate(brief: &Brief, settings: &Settings) -> Result<Report, EstimateError> {
    let rate = brief.me.rate.as_ref().ok_or(EstimateError::NoRate)?.value;
    let mask = wanted(brief);
    if !mask.iter().any(|m| *m) {
        return Err(EstimateError::NoItems);
    }
    let model = model_for(brief, settings.calibration.as_deref());
    let samples = simulate::simulate(&model, &mask, settings.trials, settings.seed)?;
    let sampled_hours = samples.hours;
    let start = brief
        .project
        .start
        .as_ref()
        .map_or(settings.today, |s| s.value);

    let mut cal = Calendar::for_me(&brief.me);
    let per_day = calendar::hours_per_day(brief.me.hours_per_week(), cal.workdays_per_week());
    let finish_days: Vec<u32> = sampled_hours
        .iter()
        .zip(&samples.delay_days)
        .map(|(&h, &d)| finish_day(h, f64::from(d), per_day))
        .collect();
    let last = finish_days.iter().copied().max().unwrap_or(0) as usize;
    if last >= MAX_WORKING_DAYS {
        return Err(EstimateError::TooLong(MAX_WORKING_DAYS));
    }
    let working_days = cal.working_days(start, last + 1);
    if working_days.len() <= last {
        return Err(EstimateError::NoWorkingDays);
    }

    let costs: Vec<f64> = sampled_hours.iter().map(|h| h * rate).collect();
    let budget = brief.request.budget.as_ref().map(|b| b.value);
    let deadline_days = brief
        .request
        .deadline
        .as_ref()
        .map(|d| deadline_index(&mut cal, start, d.value));
    let verdict = verdict(
        &costs,
        &finish_days,
        budget,
        deadline_days,
        settings.confidence,
    );

    let hours = summary(&sampled_hours);
    let cost = summary(&costs);
    let mut sorted_cost = costs;
    sorted_cost.sort_by(f64::total_cmp);
    let mut sorted_finish_days = finish_days;
    sorted_finish_days.sort_unstable();
    let day_at = |q| day_at_sorted(&sorted_finish_days, &working_days, q);
    let finish = DateSummary {
        p10: day_at(0.10),
        p50: day_at(0.50),
        p80: day_at(0.80),
        p95: day_at(0.95),
    };
    Ok(Report {
        trials: settings.trials,
        seed: settings.seed,
        confidence: settings.confidence,
        calibrated: settings.calibration.is_some(),
        calibration_tasks: settings.calibration.as_ref().map_or(0, |c| c.tasks()),
        start,
        hours,
        cost,
        finish,
        verdict,
        sorted_cost,
        sorted_finish_days,
        working_days,
    })
}

fn day_at_sorted(sorted: &[u32], working_days: &[Date], q: f64) -> Date {
    working_days[sorted[quantile_index(sorted.len(), q)] as usize]
}

/// The working-day index (0-based) on which a trial finishes: the day its last hour is
/// worked, then its waiting days on top.
pub fn finish_day(hours: f64, delay_days: f64, hours_per_day: f64) -> u32 {
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
pub fn deadline_index(cal: &mut Calendar, start: Date, deadline: Date) -> u32 {
    cal.working_days_between(start, deadline) as u32
}

/// The empirical quantile's index: the smallest sample with at least share `q` at or below.
fn quantile_index(len: usize, q: f64) -> usize {
    ((q * len as f64).ceil() as usize).clamp(1, len.max(1)) - 1
}

/// Mean and P10/P50/P80/P95 of samples (empirical quantiles).
pub fn summary(samples: &[f64]) -> Summary {
    let mut sorted = samples.to_vec();
    sorted.sort_by(f64::total_cmp);
    let at = |q| sorted[quantile_index(sorted.len(), q)];
    Summary {
        mean: samples.iter().sum::<f64>() / samples.len().max(1) as f64,
        p10: at(0.10),
        p50: at(0.50),
        p80: at(0.80),
        p95: at(0.95),
    }
}

/// The verdict from per-trial costs and finish days.
pub fn verdict(
    costs: &[f64],
    finish_days: &[u32],
    budget: Option<f64>,
    deadline_days: Option<u32>,
    confidence: f64,
) -> Verdict {
    let n = costs.len().max(1) as f64;
    let budget_ok = |i: usize| budget.is_none_or(|b| costs[i] <= b);
    let deadline_ok = |i: usize| deadline_days.is_none_or(|d| finish_days[i] < d);
    let (mut in_budget, mut in_time, mut both) = (0usize, 0usize, 0usize);
    for i in 0..costs.len() {
        let (b, d) = (budget_ok(i), deadline_ok(i));
        in_budget += usize::from(b);
        in_time += usize::from(d);
        both += usize::from(b && d);
    }
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

/// The verdict in one sentence, for people.
pub fn verdict_sentence(report: &Report, brief: &Brief, lang: crate::lang::Lang) -> String {
    use crate::format::{money, percent};
    let v = &report.verdict;
    let currency = brief.currency();
    let price = money(report.cost.p80, currency, lang);
    let p80_date = crate::format::date(report.finish.p80, lang);
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
