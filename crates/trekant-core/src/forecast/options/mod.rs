//! The counter-offers: what the client's budget and date buy, what the full wish costs,
//! and what the expert would do — each priced at the chosen confidence.
//!
//! Every option is evaluated on the same simulated trials (common random numbers), so the
//! difference between two scopes is the difference in their items, not in the dice.

use jiff::civil::Date;
use serde::Serialize;

use crate::brief::{Brief, Priority};
use crate::forecast::calendar::{self, Calendar};
use crate::forecast::estimate::{EstimateError, Settings, deadline_index, finish_day};
use crate::forecast::simulate::{self, Simulator};
use crate::stats::quantile_in_place;

/// Which counter-offer.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize)]
#[serde(rename_all = "kebab-case")]
pub enum Kind {
    FullScopeByDeadline,
    FullScopeNormalPace,
    FitBudgetAndDeadline,
    Recommended,
}

/// One option, as `trekant options --format json` shows it (a stable interface).
#[derive(Clone, Debug, PartialEq, Serialize)]
pub struct Offer {
    pub kind: Kind,
    pub feasible: bool,
    /// The price at the confidence quantile of cost, in whole currency units.
    #[serde(serialize_with = "whole")]
    pub price: f64,
    /// The finish date at the confidence quantile.
    pub finish: Date,
    /// P(cost ≤ budget and finish ≤ deadline) for this option; 1 where the client set neither.
    pub p_both: f64,
    /// Hours worked above normal capacity (at the confidence quantile of hours).
    pub rush_hours: f64,
    /// Item ids delivered, in brief order (swapped ones included by their own id).
    pub items: Vec<String>,
    /// Item ids delivered as their cheaper `alternative`.
    pub swapped: Vec<String>,
    /// Item ids left for a phase 2.
    pub deferred: Vec<String>,
    /// The price of the deferred items at the confidence quantile, done later at normal pace.
    #[serde(serialize_with = "whole")]
    pub phase2_price: f64,
    /// Weekly capacity the option needs.
    pub hours_per_week: f64,
    /// When infeasible: the budget the must-haves would need (at the confidence).
    #[serde(
        skip_serializing_if = "Option::is_none",
        serialize_with = "whole_option"
    )]
    pub needs_budget: Option<f64>,
    /// When infeasible: the date the must-haves would need (at the confidence).
    #[serde(skip_serializing_if = "Option::is_none")]
    pub needs_deadline: Option<Date>,
    /// Must-have item ids the option leaves for a phase 2 because not all of them fit (the
    /// recommendation still offers the most valuable scope that does; `needs_budget` and
    /// `needs_deadline` then say what the whole must-list needs).
    pub deferred_must: Vec<String>,
    /// Per delivered item (as in `items`): its mean hours in the form delivered, the weight
    /// of its share of the price.
    #[serde(skip)]
    pub item_hours: Vec<f64>,
    /// Per delivered item (as in `items`): the date it is done at the confidence, the work
    /// done in dependency order and the risks spread over it.
    #[serde(skip)]
    pub item_finish: Vec<Date>,
}

impl Offer {
    /// Whether the client could not tell the two offers apart: the same scope, delivered
    /// the same way, at the same price and date. Shown once ("Samme som …").
    pub fn same_as(&self, other: &Offer) -> bool {
        self.feasible == other.feasible
            && self.items == other.items
            && self.swapped == other.swapped
            && self.price == other.price
            && self.finish == other.finish
    }
}

/// All four options of a brief.
#[derive(Clone, Debug, PartialEq, Serialize)]
pub struct Options {
    pub confidence: f64,
    pub currency: String,
    pub options: Vec<Offer>,
}

/// How an item is delivered in a scope.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub(crate) enum Form {
    Left,
    Original,
    Alternative,
}

/// Every item's hours in every trial, on common random numbers, and what the risks add.
///
/// Unlike the estimate, the scope search keeps `O(trials × items)`: it evaluates thousands
/// of candidate scopes, and with the draws at hand each costs one pass over the trials.
pub(crate) struct Draws {
    pub items: Vec<Vec<f32>>,
    pub risk_hours: Vec<f32>,
    pub delay_days: Vec<f32>,
    /// The wanted scope run as the estimate runs it, when asked for: the same simulator,
    /// so a request that shows the estimate and the options simulates once.
    pub wanted: Option<simulate::SamplesF32>,
}

impl Draws {
    /// Simulates each item alone (plus the risks) and the risks alone: item `i`'s draws are
    /// the difference, since the simulator gives an item the same draws whatever the scope.
    /// With `wanted` (a mask over the model's items), also runs that scope whole.
    pub fn simulate(
        model: &simulate::Model,
        trials: usize,
        seed: u64,
        wanted: Option<&[bool]>,
    ) -> Result<Draws, EstimateError> {
        let simulator = Simulator::new(model)?;
        let wanted = match wanted {
            Some(mask) => Some(simulator.run_f32(mask, trials, seed)?),
            None => None,
        };
        let n = model.items.len();
        let mut mask = vec![false; n];
        let base = simulator.run(&mask, trials, seed)?;
        let mut items = Vec::with_capacity(n);
        for i in 0..n {
            mask[i] = true;
            let with = simulator.run(&mask, trials, seed)?;
            mask[i] = false;
            items.push(
                with.hours
                    .iter()
                    .zip(&base.hours)
                    .map(|(w, b)| (w - b).max(0.0) as f32)
                    .collect(),
            );
        }
        Ok(Draws {
            items,
            risk_hours: base.hours.iter().map(|&h| h as f32).collect(),
            delay_days: base.delay_days,
            wanted,
        })
    }
}

/// Everything the scope search needs, precomputed once.
pub(crate) struct Problem {
    pub draws: Draws,
    /// Per brief item: its index in `draws.items`, and its alternative's if any.
    pub original: Vec<usize>,
    pub alternative: Vec<Option<usize>>,
    pub value: Vec<f64>,
    pub alt_value: Vec<f64>,
    pub must: Vec<bool>,
    /// Set while searching for the best scope when not all musts fit: musts may be left.
    pub relax_musts: std::cell::Cell<bool>,
    /// Items not wanted at all (`wont`).
    pub excluded: Vec<bool>,
    /// Dependencies as brief item indices.
    pub depends: Vec<Vec<usize>>,
    /// Items in an order where dependencies come first.
    pub order: Vec<usize>,
    pub rate: f64,
    pub budget: Option<f64>,
    pub deadline_days: Option<u32>,
    pub confidence: f64,
    pub hours_per_day: f64,
}

impl Problem {
    /// Whether item `i` must be delivered in the scope searched.
    fn is_must(&self, i: usize) -> bool {
        self.must[i] && !self.relax_musts.get()
    }

    /// Per-trial hours of a scope (risks included).
    pub fn hours(&self, scope: &[Form]) -> Vec<f64> {
        let mut hours: Vec<f64> = self
            .draws
            .risk_hours
            .iter()
            .map(|&h| f64::from(h))
            .collect();
        for (i, form) in scope.iter().enumerate() {
            if let Some(k) = self.draw_index(i, *form) {
                add(&mut hours, &self.draws.items[k]);
            }
        }
        hours
    }

    fn draw_index(&self, item: usize, form: Form) -> Option<usize> {
        match form {
            Form::Left => None,
            Form::Original => Some(self.original[item]),
            Form::Alternative => self.alternative[item],
        }
    }

    /// P(cost ≤ budget and finish ≤ deadline) of per-trial hours at normal pace.
    pub fn p_both(&self, hours: &[f64]) -> f64 {
        let ok = hours
            .iter()
            .zip(&self.draws.delay_days)
            .filter(|(h, d)| self.trial_ok(**h, f64::from(**d)))
            .count();
        ok as f64 / hours.len().max(1) as f64
    }

    fn trial_ok(&self, hours: f64, delay: f64) -> bool {
        self.budget.is_none_or(|b| hours * self.rate <= b)
            && self
                .deadline_days
                .is_none_or(|d| finish_day(hours, delay, self.hours_per_day) < d)
    }

    pub fn feasible(&self, hours: &[f64]) -> bool {
        self.p_both(hours) >= self.confidence
    }

    // Only the tests' brute-force search needs it; the real search tracks value and
    // validity as it builds a scope.
    #[cfg(test)]
    pub fn value_of(&self, scope: &[Form]) -> f64 {
        scope
            .iter()
            .enumerate()
            .map(|(i, f)| match f {
                Form::Left => 0.0,
                Form::Original => self.value[i],
                Form::Alternative => self.alt_value[i],
            })
            .sum()
    }

    /// A scope is valid when every must is delivered (in some form), nothing unwanted is,
    /// and every delivered item's dependencies are delivered.
    #[cfg(test)]
    pub fn valid(&self, scope: &[Form]) -> bool {
        scope.iter().enumerate().all(|(i, f)| {
            let delivered = *f != Form::Left;
            (!self.is_must(i) || delivered)
                && (!self.excluded[i] || !delivered)
                && (*f != Form::Alternative || self.alternative[i].is_some())
                && (!delivered || self.depends[i].iter().all(|&d| scope[d] != Form::Left))
        })
    }
}

fn add(total: &mut [f64], draws: &[f32]) {
    for (t, d) in total.iter_mut().zip(draws) {
        *t += f64::from(*d);
    }
}

/// Value of an item to the client: its `value`, else a weight by priority.
fn item_value(priority: Priority, value: Option<f64>) -> f64 {
    value.unwrap_or(match priority {
        Priority::Must => 10.0,
        Priority::Should => 6.0,
        Priority::Could => 3.0,
        Priority::Wont => 0.0,
    })
}

/// Up to this many candidate scopes, the search is exhaustive (with pruning); above it,
/// greedy by value per hour, then made maximal.
const EXACT_LIMIT: f64 = 20_000.0;

/// Sets up the scope problem of a brief: draws for every item and alternative on common
/// random numbers.
pub(crate) fn problem(brief: &Brief, settings: &Settings) -> Result<Problem, EstimateError> {
    problem_with(brief, settings, None)
}

/// [`problem`], running the `wanted` scope of the brief's items whole as well (see
/// [`Draws::wanted`]).
pub(crate) fn problem_with(
    brief: &Brief,
    settings: &Settings,
    wanted: Option<&[bool]>,
) -> Result<Problem, EstimateError> {
    let rate = brief.me.rate.as_ref().ok_or(EstimateError::NoRate)?.value;
    if brief.items.is_empty() {
        return Err(EstimateError::NoItems);
    }
    let mut model = crate::forecast::estimate::model_for(brief, settings.calibration.as_deref());
    let n = brief.items.len();
    let mut alternative = vec![None; n];
    for (i, item) in brief.items.iter().enumerate() {
        if let Some(alt) = &item.alternative {
            let e = alt.estimate.value;
            alternative[i] = Some(model.items.len());
            model.items.push(simulate::ItemEffort {
                low: e.low,
                likely: e.likely,
                high: e.high,
            });
            if !model.calibrated.is_empty() {
                // Alternatives are priced from their own three-point estimate.
                model.calibrated.push(None);
            }
        }
    }
    // The alternatives come after the brief's items in the model: out of the wanted scope.
    let wanted = wanted.map(|mask| {
        let mut mask = mask.to_vec();
        mask.resize(model.items.len(), false);
        mask
    });
    let draws = Draws::simulate(&model, settings.trials, settings.seed, wanted.as_deref())?;
    let ids: std::collections::HashMap<&str, usize> = brief
        .items
        .iter()
        .enumerate()
        .rev()
        .map(|(i, item)| (item.id.value.as_str(), i))
        .collect();
    let depends: Vec<Vec<usize>> = brief
        .items
        .iter()
        .map(|item| {
            item.depends
                .iter()
                .filter_map(|d| ids.get(d.value.as_str()).copied())
                .collect()
        })
        .collect();
    let value: Vec<f64> = brief
        .items
        .iter()
        .map(|i| item_value(i.priority(), i.value.as_ref().map(|v| v.value)))
        .collect();
    let alt_value = brief
        .items
        .iter()
        .zip(&value)
        .map(|(item, v)| {
            item.alternative
                .as_ref()
                .and_then(|a| a.value.as_ref().map(|x| x.value))
                .unwrap_or(v * 0.7)
        })
        .collect();
    let mut cal = Calendar::for_me(&brief.me);
    let start = brief
        .project
        .start
        .as_ref()
        .map_or(settings.today, |s| s.value);
    let deadline_days = brief
        .request
        .deadline
        .as_ref()
        .map(|d| deadline_index(&mut cal, start, d.value));
    Ok(Problem {
        original: (0..n).collect(),
        alternative,
        must: brief
            .items
            .iter()
            .map(|i| i.priority() == Priority::Must)
            .collect(),
        excluded: brief
            .items
            .iter()
            .map(|i| i.priority() == Priority::Wont)
            .collect(),
        relax_musts: std::cell::Cell::new(false),
        order: topological_order(&depends),
        depends,
        value,
        alt_value,
        rate,
        budget: brief.budget_ex_vat(),
        deadline_days,
        confidence: settings.confidence,
        hours_per_day: calendar::hours_per_day(brief.me.hours_per_week(), cal.workdays_per_week()),
        draws,
    })
}

/// Items ordered so that each comes after its dependencies (cycles, which review reports as
/// errors, are broken arbitrarily).
fn topological_order(depends: &[Vec<usize>]) -> Vec<usize> {
    let n = depends.len();
    let mut placed = vec![false; n];
    let mut order = Vec::with_capacity(n);
    while order.len() < n {
        let before = order.len();
        for i in 0..n {
            if !placed[i] && depends[i].iter().all(|&d| placed[d] || d == i) {
                placed[i] = true;
                order.push(i);
            }
        }
        if order.len() == before {
            // A cycle: place the first unplaced item to make progress.
            let i = (0..n).find(|&i| !placed[i]).expect("some item is unplaced");
            placed[i] = true;
            order.push(i);
        }
    }
    order
}

/// The most valuable valid, feasible scope; `allow_alternatives` lets items be swapped.
/// `None` when not even the must-haves fit.
pub(crate) fn best_scope(problem: &Problem, allow_alternatives: bool) -> Option<Vec<Form>> {
    let space: f64 = (0..problem.order.len())
        .map(|i| forms(problem, i, allow_alternatives).len() as f64)
        .product();
    if space <= EXACT_LIMIT {
        exact(problem, allow_alternatives)
    } else {
        greedy(problem, allow_alternatives)
    }
}

/// The forms an item may take in a scope search.
fn forms(problem: &Problem, i: usize, allow_alternatives: bool) -> Vec<Form> {
    if problem.excluded[i] {
        return vec![Form::Left];
    }
    let mut forms = vec![Form::Original];
    if allow_alternatives && problem.alternative[i].is_some() {
        forms.push(Form::Alternative);
    }
    if !problem.is_must(i) {
        forms.push(Form::Left);
    }
    forms
}

/// Exhaustive search over the items in dependency order, pruning on feasibility (adding
/// work never makes a scope more feasible, trial by trial) and on value.
fn exact(problem: &Problem, allow_alternatives: bool) -> Option<Vec<Form>> {
    struct Search<'p> {
        problem: &'p Problem,
        allow: bool,
        best: Option<(f64, f64, Vec<Form>)>,
        /// The most value the items from position k on could add.
        remaining: Vec<f64>,
    }
    impl Search<'_> {
        fn go(&mut self, k: usize, scope: &mut Vec<Form>, hours: &[f64], value: f64) {
            let p = self.problem;
            if let Some((best, _, _)) = &self.best
                && value + self.remaining[k] < *best - 1e-9
            {
                return;
            }
            if k == p.order.len() {
                if !p.feasible(hours) {
                    return;
                }
                let total: f64 = hours.iter().sum();
                let better = match &self.best {
                    None => true,
                    // More value wins; at equal value, fewer hours.
                    Some((v, h, _)) => {
                        value > v + 1e-9 || ((value - v).abs() <= 1e-9 && total < *h)
                    }
                };
                if better {
                    self.best = Some((value, total, scope.clone()));
                }
                return;
            }
            let i = p.order[k];
            for form in forms(p, i, self.allow) {
                if form != Form::Left && p.depends[i].iter().any(|&d| scope[d] == Form::Left) {
                    continue;
                }
                scope[i] = form;
                match p.draw_index(i, form) {
                    None => self.go(k + 1, scope, hours, value),
                    Some(d) => {
                        let mut next = hours.to_vec();
                        add(&mut next, &p.draws.items[d]);
                        // Infeasible now means infeasible with anything more added.
                        if p.feasible(&next) {
                            let v = value
                                + if form == Form::Original {
                                    p.value[i]
                                } else {
                                    p.alt_value[i]
                                };
                            self.go(k + 1, scope, &next, v);
                        }
                    }
                }
                scope[i] = Form::Left;
            }
        }
    }
    let n = problem.order.len();
    let mut remaining = vec![0.0; n + 1];
    for k in (0..n).rev() {
        let i = problem.order[k];
        let best_form = if problem.excluded[i] {
            0.0
        } else {
            problem.value[i].max(problem.alt_value[i])
        };
        remaining[k] = remaining[k + 1] + best_form;
    }
    let mut search = Search {
        problem,
        allow: allow_alternatives,
        best: None,
        remaining,
    };
    let base = problem.hours(&vec![Form::Left; n]);
    search.go(0, &mut vec![Form::Left; n], &base, 0.0);
    search.best.map(|(_, _, scope)| scope)
}

/// Greedy for large briefs: the musts first (swapped to alternatives, largest saving first,
/// while they do not fit), then optional items by value per likely hour, as long as the
/// scope stays feasible; repeated until nothing more fits, which makes the result maximal.
fn greedy(problem: &Problem, allow_alternatives: bool) -> Option<Vec<Form>> {
    let n = problem.order.len();
    let mut scope: Vec<Form> = (0..n)
        .map(|i| {
            if problem.is_must(i) {
                Form::Original
            } else {
                Form::Left
            }
        })
        .collect();
    // Musts pull in their dependencies.
    for &i in problem.order.iter().rev() {
        if scope[i] != Form::Left {
            for &d in &problem.depends[i] {
                if scope[d] == Form::Left && !problem.excluded[d] {
                    scope[d] = Form::Original;
                }
            }
        }
    }
    let mean = |k: usize| mean_of(&problem.draws.items[k]);
    let mut hours = problem.hours(&scope);
    if !problem.feasible(&hours) {
        if !allow_alternatives {
            return None;
        }
        let mut swaps: Vec<(f64, usize)> = (0..n)
            .filter(|&i| scope[i] == Form::Original)
            .filter_map(|i| {
                problem.alternative[i].map(|a| (mean(problem.original[i]) - mean(a), i))
            })
            .filter(|(saving, _)| *saving > 0.0)
            .collect();
        swaps.sort_by(|a, b| b.0.total_cmp(&a.0));
        for (_, i) in swaps {
            scope[i] = Form::Alternative;
            hours = problem.hours(&scope);
            if problem.feasible(&hours) {
                break;
            }
        }
        if !problem.feasible(&hours) {
            return None;
        }
    }
    let mut candidates: Vec<(f64, usize)> = (0..n)
        .filter(|&i| scope[i] == Form::Left && !problem.excluded[i])
        .map(|i| (problem.value[i] / mean(problem.original[i]).max(0.01), i))
        .collect();
    candidates.sort_by(|a, b| b.0.total_cmp(&a.0));
    loop {
        let mut changed = false;
        for &(_, i) in &candidates {
            if scope[i] != Form::Left || problem.depends[i].iter().any(|&d| scope[d] == Form::Left)
            {
                continue;
            }
            let mut tries = vec![Form::Original];
            if allow_alternatives && problem.alternative[i].is_some() {
                tries.push(Form::Alternative);
            }
            for form in tries {
                let Some(k) = problem.draw_index(i, form) else {
                    continue;
                };
                let mut next = hours.clone();
                add(&mut next, &problem.draws.items[k]);
                if problem.feasible(&next) {
                    scope[i] = form;
                    hours = next;
                    changed = true;
                    break;
                }
            }
        }
        if !changed {
            return Some(scope);
        }
    }
}

/// The price, date and odds of delivering per-trial `hours` at `hours_per_week`.
struct Outcome {
    price: f64,
    finish_day: u32,
    p_both: f64,
    rush_hours: f64,
}

impl Problem {
    fn outcome(
        &self,
        hours: &[f64],
        hours_per_week: f64,
        normal: f64,
        surcharge: f64,
        workdays: usize,
    ) -> Outcome {
        let per_day = calendar::hours_per_day(hours_per_week, workdays);
        // Above normal capacity, that share of every hour is rush work.
        let rush_share = ((hours_per_week - normal) / hours_per_week).max(0.0);
        let factor = 1.0 + surcharge * rush_share;
        let mut costs = Vec::with_capacity(hours.len());
        let mut days = Vec::with_capacity(hours.len());
        let mut ok = 0usize;
        for (h, d) in hours.iter().zip(&self.draws.delay_days) {
            let cost = h * self.rate * factor;
            let day = finish_day(*h, f64::from(*d), per_day);
            ok += usize::from(
                self.budget.is_none_or(|b| cost <= b)
                    && self.deadline_days.is_none_or(|dl| day < dl),
            );
            costs.push(cost);
            days.push(day);
        }
        let q = self.confidence;
        Outcome {
            price: quantile_in_place(&mut costs, q),
            finish_day: quantile_in_place(&mut days, q) as u32,
            p_both: ok as f64 / hours.len().max(1) as f64,
            rush_hours: quantile_in_place(&mut hours.to_vec(), q) * rush_share,
        }
    }

    /// The working day each delivered item is done by, at the confidence: the items worked
    /// in dependency order, the risks' hours and delay spread over the work in proportion.
    fn milestones(&self, scope: &[Form], per_day: f64) -> Vec<(usize, u32)> {
        let trials = self.draws.delay_days.len();
        let total = self.hours(scope);
        let mut done = vec![0.0f64; trials];
        let mut out = Vec::new();
        for &i in &self.order {
            let Some(k) = self.draw_index(i, scope[i]) else {
                continue;
            };
            add(&mut done, &self.draws.items[k]);
            let mut days: Vec<u32> = (0..trials)
                .map(|t| {
                    let risk = f64::from(self.draws.risk_hours[t]);
                    let work = total[t] - risk;
                    let share = if work > 0.0 { done[t] / work } else { 1.0 };
                    let delay = f64::from(self.draws.delay_days[t]) * share;
                    finish_day(done[t] + risk * share, delay, per_day)
                })
                .collect();
            out.push((i, quantile_in_place(&mut days, self.confidence) as u32));
        }
        out.sort_by_key(|(i, _)| *i);
        out
    }

    /// P(finish ≤ deadline) at a weekly capacity.
    fn p_deadline(&self, hours: &[f64], hours_per_week: f64, workdays: usize) -> f64 {
        let Some(deadline) = self.deadline_days else {
            return 1.0;
        };
        let per_day = calendar::hours_per_day(hours_per_week, workdays);
        let ok = hours
            .iter()
            .zip(&self.draws.delay_days)
            .filter(|(h, d)| finish_day(**h, f64::from(**d), per_day) < deadline)
            .count();
        ok as f64 / hours.len().max(1) as f64
    }
}

/// Bytes the options take per trial for each simulated item (the brief's items, their
/// alternatives, and the risks' base run): the draws kept in `f32`, and the allocator's
/// share of each run's transient `f64` hours and `f32` delays. Measured: 200 items × 1M
/// trials peak at 2.3 GB.
pub(crate) const BYTES_PER_ITEM_TRIAL: u64 = 12;

/// About how many bytes [`options`] needs for `brief` at `trials` trials.
pub fn memory_needed(brief: &Brief, trials: usize) -> u64 {
    let alternatives = brief
        .items
        .iter()
        .filter(|i| i.alternative.is_some())
        .count();
    let simulated = (brief.items.len() + alternatives + 1) as u64;
    simulated
        .saturating_mul(trials as u64)
        .saturating_mul(BYTES_PER_ITEM_TRIAL)
}

/// Computes the four options of a brief.
pub fn options(brief: &Brief, settings: &Settings) -> Result<Options, EstimateError> {
    options_of(brief, settings, &problem(brief, settings)?)
}

/// The four options from a scope problem already simulated.
pub(crate) fn options_of(
    brief: &Brief,
    settings: &Settings,
    problem: &Problem,
) -> Result<Options, EstimateError> {
    let n = brief.items.len();
    let me = &brief.me;
    let normal = me.hours_per_week();
    let max = me.max_hours_per_week();
    let surcharge = me.rush_surcharge();
    let mut cal = Calendar::for_me(me);
    let workdays = cal.workdays_per_week();
    let start = brief
        .project
        .start
        .as_ref()
        .map_or(settings.today, |s| s.value);
    let ids: Vec<String> = brief.items.iter().map(|i| i.id.value.clone()).collect();

    let full: Vec<Form> = (0..n)
        .map(|i| {
            if problem.excluded[i] {
                Form::Left
            } else {
                Form::Original
            }
        })
        .collect();
    let full_hours = problem.hours(&full);

    // Dates for every finish day any option can reach: the slowest is normal pace.
    let slowest = full_hours
        .iter()
        .zip(&problem.draws.delay_days)
        .map(|(h, d)| finish_day(*h, f64::from(*d), problem.hours_per_day))
        .max()
        .unwrap_or(0) as usize;
    if slowest >= 10_000 {
        return Err(EstimateError::TooLong(10_000));
    }
    let days = cal.working_days(start, slowest + 1);
    if days.len() <= slowest {
        return Err(EstimateError::NoWorkingDays);
    }
    let date = |day: u32| days[(day as usize).min(days.len() - 1)];

    let phase2 = |scope: &[Form]| -> f64 {
        let mut hours = vec![0.0; problem.draws.delay_days.len()];
        let mut any = false;
        for (i, form) in scope.iter().enumerate() {
            if *form == Form::Left && !problem.excluded[i] {
                add(&mut hours, &problem.draws.items[problem.original[i]]);
                any = true;
            }
        }
        if !any {
            return 0.0;
        }
        let mut costs: Vec<f64> = hours.iter().map(|h| h * problem.rate).collect();
        quantile_in_place(&mut costs, settings.confidence)
    };
    let offer = |kind, scope: &[Form], outcome: &Outcome, per_week: f64, feasible: bool| {
        let pick = |want: &dyn Fn(usize) -> bool| -> Vec<String> {
            (0..n)
                .filter(|&i| want(i))
                .map(|i| ids[i].clone())
                .collect()
        };
        let per_day = calendar::hours_per_day(per_week, workdays);
        let item_finish = problem
            .milestones(scope, per_day)
            .into_iter()
            .map(|(_, day)| date(day).min(date(outcome.finish_day)))
            .collect();
        let item_hours = (0..n)
            .filter_map(|i| problem.draw_index(i, scope[i]))
            .map(|k| mean_of(&problem.draws.items[k]))
            .collect();
        Offer {
            kind,
            feasible,
            price: outcome.price.round(),
            finish: date(outcome.finish_day),
            p_both: round3(outcome.p_both),
            rush_hours: (outcome.rush_hours * 10.0).round() / 10.0,
            items: pick(&|i| scope[i] != Form::Left),
            swapped: pick(&|i| scope[i] == Form::Alternative),
            deferred: pick(&|i| scope[i] == Form::Left && !problem.excluded[i]),
            phase2_price: phase2(scope).round(),
            hours_per_week: per_week,
            needs_budget: None,
            needs_deadline: None,
            deferred_must: Vec::new(),
            item_hours,
            item_finish,
        }
    };

    // A: the full scope by the deadline, rushing only as much as needed.
    let by_deadline = {
        let enough = |c: f64| problem.p_deadline(&full_hours, c, workdays) >= settings.confidence;
        let capacity = if enough(normal) {
            Some(normal)
        } else if enough(max) {
            let (mut lo, mut hi) = (normal, max);
            while hi - lo > 0.25 {
                let mid = (lo + hi) / 2.0;
                if enough(mid) { hi = mid } else { lo = mid }
            }
            Some((hi * 4.0).ceil() / 4.0)
        } else {
            None
        };
        let per_week = capacity.unwrap_or(max);
        let outcome = problem.outcome(&full_hours, per_week, normal, surcharge, workdays);
        let mut offer = offer(
            Kind::FullScopeByDeadline,
            &full,
            &outcome,
            per_week,
            capacity.is_some(),
        );
        if capacity.is_none() {
            offer.p_both = round3(
                problem
                    .p_deadline(&full_hours, max, workdays)
                    .min(outcome.p_both),
            );
        }
        offer
    };

    // B: the full scope at normal pace.
    let normal_pace = {
        let outcome = problem.outcome(&full_hours, normal, normal, surcharge, workdays);
        offer(Kind::FullScopeNormalPace, &full, &outcome, normal, true)
    };

    // C and D: the most valuable scope that fits, without and with alternatives.
    let fitted = |kind, allow, problem: &Problem| match best_scope(problem, allow) {
        Some(scope) => {
            let hours = problem.hours(&scope);
            let outcome = problem.outcome(&hours, normal, normal, surcharge, workdays);
            offer(kind, &scope, &outcome, normal, true)
        }
        None => {
            // Not even the musts fit: show them (in their cheapest form, where alternatives
            // are allowed) and what budget and date they would need.
            let musts: Vec<Form> = (0..n)
                .map(|i| match (problem.must[i], allow, problem.alternative[i]) {
                    (false, _, _) => Form::Left,
                    (true, true, Some(alt))
                        if mean_of(&problem.draws.items[alt])
                            < mean_of(&problem.draws.items[problem.original[i]]) =>
                    {
                        Form::Alternative
                    }
                    (true, _, _) => Form::Original,
                })
                .collect();
            let hours = problem.hours(&musts);
            let outcome = problem.outcome(&hours, normal, normal, surcharge, workdays);
            let mut offer = offer(kind, &musts, &outcome, normal, false);
            // Name only the side that fails.
            offer.needs_budget = problem
                .budget
                .filter(|b| outcome.price > *b)
                .map(|_| outcome.price.round());
            offer.needs_deadline = problem
                .deadline_days
                .filter(|d| outcome.finish_day >= *d)
                .map(|_| date(outcome.finish_day));
            offer
        }
    };
    let fit = fitted(Kind::FitBudgetAndDeadline, false, problem);
    let mut recommended = fitted(Kind::Recommended, true, problem);
    if !recommended.feasible {
        // Not all musts fit: the recommendation is still an offer the client can accept,
        // the most valuable scope that fits with musts deferred, if any non-empty one does.
        problem.relax_musts.set(true);
        let relaxed = best_scope(problem, true);
        problem.relax_musts.set(false);
        if let Some(scope) = relaxed.filter(|s| s.iter().any(|f| *f != Form::Left)) {
            let hours = problem.hours(&scope);
            let outcome = problem.outcome(&hours, normal, normal, surcharge, workdays);
            let mut offer = offer(Kind::Recommended, &scope, &outcome, normal, true);
            offer.deferred_must = (0..n)
                .filter(|&i| scope[i] == Form::Left && problem.must[i])
                .map(|i| ids[i].clone())
                .collect();
            offer.needs_budget = recommended.needs_budget;
            offer.needs_deadline = recommended.needs_deadline;
            recommended = offer;
        }
    }

    Ok(Options {
        confidence: settings.confidence,
        currency: brief.currency().to_owned(),
        options: vec![by_deadline, normal_pace, fit, recommended],
    })
}

/// Amounts are quoted in whole units: `38500`, not `38500.0`.
fn whole<S: serde::Serializer>(amount: &f64, serializer: S) -> Result<S::Ok, S::Error> {
    serializer.serialize_i64(amount.round() as i64)
}

fn whole_option<S: serde::Serializer>(
    amount: &Option<f64>,
    serializer: S,
) -> Result<S::Ok, S::Error> {
    match amount {
        Some(a) => whole(a, serializer),
        None => serializer.serialize_none(),
    }
}

fn mean_of(draws: &[f32]) -> f64 {
    draws.iter().map(|&x| f64::from(x)).sum::<f64>() / draws.len().max(1) as f64
}

fn round3(p: f64) -> f64 {
    (p * 1000.0).round() / 1000.0
}

#[cfg(test)]
mod tests;
