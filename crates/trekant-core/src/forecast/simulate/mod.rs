//! Monte Carlo simulation of a project's effort and waiting time: thousands of possible
//! outcomes of a scope of work, from which the estimate, the price and the verdict are read.
//!
//! This module knows nothing of briefs or calendars. It takes plain numbers — three-point
//! estimates of items, risks with a probability and a three-point effort and/or delay, a
//! distribution family and a correlation — and returns, per trial, the total billable hours
//! and the total working days of waiting. The caller turns hours into money and days into
//! dates.
//!
//! # The model
//!
//! - Each item's hours follow PERT-beta over (low, likely, high) — Beta(α, β) on
//!   `[low, high]` with α = 1 + 4(m − a)/(b − a), β = 1 + 4(b − m)/(b − a) — or the
//!   triangular distribution, or the lognormal with `low` and `high` as its 5th and 95th
//!   percentiles (the likely value is then unused: two percentiles fix a lognormal, and
//!   `low` must be positive). An item with `low == high` is certain.
//! - Items' errors move together through a Gaussian copula with one common factor:
//!   `z_i = √ρ·Z + √(1−ρ)·ε_i`, `x_i = F_i⁻¹(Φ(z_i))`. Each item keeps its own
//!   distribution; ρ only couples them, so it widens the spread of the total, not its mean.
//! - Each risk happens independently with its probability; when it does, its effort (hours)
//!   and delay (working days) are drawn independently of each other and of the items, from
//!   the same distribution family.
//!
//! # How it is fast
//!
//! Each item gets a table of `G_i(z) = F_i⁻¹(Φ(z))` over an even grid of `z` (512 linear
//! pieces, built once per item by integrating its density), and the normal draws `ε_i` and
//! `Z` come from a table of `Φ⁻¹` (4096 linear pieces). So one item in one trial costs two
//! table lookups with linear interpolation — two gathered loads in the vectorised loop —
//! on random bits from xoshiro256++ streams stepped side by side in vector registers. The
//! loops are compiled for AVX-512, AVX2 and the baseline, and the best one is picked at run
//! time. Trials are cut into fixed chunks of [`CHUNK`] that run in parallel (rayon), and
//! only the totals are kept, so memory is `O(trials)`, not `O(trials × items)`.
//!
//! # Determinism and common random numbers
//!
//! Every chunk of trials draws from its own streams, keyed by the seed, the chunk's index
//! and what the stream is for (the common factor, item `i`, risk `r`). So the same seed
//! gives the same bits whatever the number of threads, and item `i` gets the same draws in
//! trial `t` whichever other items are in scope: comparing two scopes compares them on the
//! same simulated futures. The bits are also the same on every x86-64 machine, with or
//! without AVX2: every compiled version of the loops does the same IEEE operations.
//!
//! # Precision
//!
//! The tables' interpolation error is below 1e-5 of an item's range for PERT and
//! triangular items and 2e-5 of the value for lognormal ones (tested against the
//! incomplete beta function and the closed forms), far inside the 0.5% that quantiles are
//! held to, and below the Monte Carlo error of any practical run. The tables hold `f32` and
//! each trial's hours are summed in `f32`, whose rounding (6e-8 per addition, ~1e-6 over a
//! hundred items) is smaller still, and `f32` doubles the width of every vector operation.
//! The hours are handed out as `f64` because every caller goes on to money and dates in
//! `f64`; delays are a few days and stay `f32`. That is 12 bytes per trial.

mod kernel;
mod normal;
mod rng;
mod table;

/// The shape of an item's hours between its low and high: the simulator's own, so that it
/// needs nothing of briefs (the estimate maps a brief's `[model] distribution` onto it).
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub enum Distribution {
    #[default]
    Pert,
    Triangular,
    Lognormal,
}
pub use crate::stats::{
    Sample, Summary, mean, order_statistics, probability_at_most, quantile_in_place, quantiles,
};

use normal::NormalTable;
use rayon::prelude::*;
use rng::{Lanes, Purpose, STEP_U32};
use table::ZTable;

/// Trials simulated when the caller does not say: enough that two seeds agree on the P80 of
/// a typical project's hours to well within 1%.
pub const DEFAULT_TRIALS: usize = 20_000;

/// Trials per chunk: the unit of parallel work and of seeding. A chunk's buffers (four of
/// 16 KiB) stay in the L2 cache while every item is added to them. Part of the output's
/// definition: changing it changes which random numbers each trial gets.
pub const CHUNK: usize = 4096;

/// One item's effort in hours: a three-point estimate; `low == high` means certain.
#[derive(Clone, Copy, Debug, PartialEq)]
pub struct ItemEffort {
    pub low: f64,
    pub likely: f64,
    pub high: f64,
}

impl ItemEffort {
    pub fn new(low: f64, likely: f64, high: f64) -> ItemEffort {
        ItemEffort { low, likely, high }
    }

    /// An effort known exactly.
    pub fn certain(hours: f64) -> ItemEffort {
        ItemEffort::new(hours, hours, hours)
    }
}

/// A risk: with `probability` it happens, and then adds `effort` billable hours and/or
/// `delay` working days of waiting, each a three-point estimate `[low, likely, high]`.
#[derive(Clone, Copy, Debug, PartialEq)]
pub struct RiskModel {
    pub probability: f64,
    pub effort: Option<[f64; 3]>,
    pub delay: Option<[f64; 3]>,
}

/// What to simulate.
#[derive(Clone, Debug, PartialEq)]
pub struct Model {
    pub items: Vec<ItemEffort>,
    pub risks: Vec<RiskModel>,
    pub distribution: Distribution,
    /// ρ in `[0, 1]`: how much the items' errors move together.
    pub correlation: f64,
    /// Items whose hours follow a given distribution instead of their three-point estimate
    /// (the provider's calibration: the likely estimate times their historical ratio). Empty,
    /// or one entry per item.
    pub calibrated: Vec<Option<QuantilePoints>>,
}

/// A distribution given by its quantile function at some probabilities: `(p, value)` with
/// `p` increasing within `(0, 1)` and values non-decreasing; read by linear interpolation,
/// held flat beyond the first and last point.
#[derive(Clone, Debug, PartialEq)]
pub struct QuantilePoints(pub Vec<(f64, f64)>);

impl QuantilePoints {
    /// The value at probability `p`.
    pub fn at(&self, p: f64) -> f64 {
        let points = &self.0;
        let Some(&(first_p, first_v)) = points.first() else {
            return 0.0;
        };
        if p <= first_p {
            return first_v;
        }
        let i = points.partition_point(|(q, _)| *q < p);
        match points.get(i) {
            None => points[points.len() - 1].1,
            Some(&(p1, v1)) => {
                let (p0, v0) = points[i - 1];
                if p1 > p0 {
                    v0 + (v1 - v0) * (p - p0) / (p1 - p0)
                } else {
                    v1
                }
            }
        }
    }

    fn is_valid(&self) -> bool {
        !self.0.is_empty()
            && self
                .0
                .iter()
                .all(|(p, v)| *p > 0.0 && *p < 1.0 && v.is_finite() && *v >= 0.0)
            && self
                .0
                .windows(2)
                .all(|w| w[0].0 < w[1].0 && w[0].1 <= w[1].1)
    }
}

/// The simulated outcomes, one entry per trial.
#[derive(Clone, Debug, Default, PartialEq)]
pub struct Samples {
    /// Billable hours: the items in scope plus the effort of the risks that happened.
    pub hours: Vec<f64>,
    /// Working days of waiting caused by the risks that happened.
    pub delay_days: Vec<f32>,
}

/// The simulated outcomes with the hours as the simulation sums them, in `f32`
/// ([`Simulator::run_f32`]).
#[derive(Clone, Debug, Default, PartialEq)]
pub struct SamplesF32 {
    pub hours: Vec<f32>,
    pub delay_days: Vec<f32>,
}

/// Why a model cannot be simulated.
#[derive(Clone, Debug, PartialEq, thiserror::Error)]
pub enum SimError {
    #[error("correlation must be a number from 0 to 1, not {0}")]
    Correlation(f64),
    #[error("item {index}: {problem}")]
    Item {
        index: usize,
        problem: EstimateProblem,
    },
    #[error("risk {index}: {problem}")]
    Risk { index: usize, problem: RiskProblem },
    #[error("the scope mask has {mask} entries but the model has {items} items")]
    MaskLength { mask: usize, items: usize },
    #[error("item {0}: its calibrated distribution is not an increasing quantile function")]
    Calibrated(usize),
    #[error("{calibrated} calibrated entries for {items} items")]
    CalibratedLength { calibrated: usize, items: usize },
}

/// What is wrong with a three-point estimate.
#[derive(Clone, Copy, Debug, PartialEq, Eq, thiserror::Error)]
pub enum EstimateProblem {
    #[error("the estimate is not finite")]
    NotFinite,
    #[error("the estimate is not ordered low ≤ likely ≤ high")]
    NotOrdered,
    #[error("a lognormal estimate needs a low value above zero")]
    LognormalNotPositive,
}

/// What is wrong with a risk.
#[derive(Clone, Copy, Debug, PartialEq, Eq, thiserror::Error)]
pub enum RiskProblem {
    #[error("the probability must be a number from 0 to 1")]
    Probability,
    #[error("effort: {0}")]
    Effort(EstimateProblem),
    #[error("delay: {0}")]
    Delay(EstimateProblem),
}

/// Simulates `trials` outcomes of the items selected by `mask` (one entry per item) and all
/// the risks, from `seed`. A shorthand for [`Simulator::new`] then [`Simulator::run`]; build
/// a `Simulator` once to run many scopes of the same model.
pub fn simulate(
    model: &Model,
    mask: &[bool],
    trials: usize,
    seed: u64,
) -> Result<Samples, SimError> {
    Simulator::new(model)?.run(mask, trials, seed)
}

#[cfg(test)]
thread_local! {
    /// Simulators built on this thread: the tests' proof of one simulation per request.
    pub(crate) static BUILT: std::cell::Cell<usize> = const { std::cell::Cell::new(0) };
}

/// A model made ready to simulate: every item's and risk's sampling table built once, so
/// that many scopes (masks) can be run against it cheaply and on common random numbers.
pub struct Simulator {
    items: Vec<Effort>,
    risks: Vec<Risk>,
    /// √ρ: the common factor's weight.
    common: f32,
    /// √(1−ρ): an item's own noise's weight.
    own: f32,
}

enum Effort {
    Certain(f64),
    Uncertain(ZTable),
}

struct Risk {
    index: usize,
    /// The probability scaled to 2³²: a risk fires when its uniform word is below this.
    threshold: u64,
    effort: Option<ZTable>,
    delay: Option<ZTable>,
}

impl Simulator {
    /// Checks the model and builds its tables (in parallel; well under a millisecond for a
    /// hundred items).
    pub fn new(model: &Model) -> Result<Simulator, SimError> {
        #[cfg(test)]
        BUILT.with(|built| built.set(built.get() + 1));
        let rho = model.correlation;
        if !(0.0..=1.0).contains(&rho) {
            return Err(SimError::Correlation(rho));
        }
        let distribution = model.distribution;
        for (index, item) in model.items.iter().enumerate() {
            check_estimate(distribution, [item.low, item.likely, item.high])
                .map_err(|problem| SimError::Item { index, problem })?;
        }
        for (index, risk) in model.risks.iter().enumerate() {
            check_risk(distribution, risk).map_err(|problem| SimError::Risk { index, problem })?;
        }
        if !model.calibrated.is_empty() && model.calibrated.len() != model.items.len() {
            return Err(SimError::CalibratedLength {
                calibrated: model.calibrated.len(),
                items: model.items.len(),
            });
        }
        if let Some(index) = model
            .calibrated
            .iter()
            .position(|c| c.as_ref().is_some_and(|q| !q.is_valid()))
        {
            return Err(SimError::Calibrated(index));
        }
        let items = model
            .items
            .par_iter()
            .enumerate()
            .map(|(index, item)| {
                if let Some(Some(points)) = model.calibrated.get(index) {
                    Effort::Uncertain(ZTable::from_quantiles(points))
                } else if item.low == item.high {
                    Effort::Certain(item.low)
                } else {
                    Effort::Uncertain(ZTable::build(
                        distribution,
                        item.low,
                        item.likely,
                        item.high,
                    ))
                }
            })
            .collect();
        let magnitude = |e: [f64; 3]| {
            if e[0] == e[2] {
                ZTable::constant(e[0])
            } else {
                ZTable::build(distribution, e[0], e[1], e[2])
            }
        };
        let risks = model
            .risks
            .iter()
            .enumerate()
            .filter(|(_, risk)| {
                risk.probability > 0.0 && (risk.effort.is_some() || risk.delay.is_some())
            })
            .map(|(index, risk)| Risk {
                index,
                threshold: (risk.probability * 4_294_967_296.0).round() as u64,
                effort: risk.effort.map(magnitude),
                delay: risk.delay.map(magnitude),
            })
            .collect();
        Ok(Simulator {
            items,
            risks,
            common: rho.sqrt() as f32,
            own: (1.0 - rho).sqrt() as f32,
        })
    }

    /// How many items the model has (the length a mask must have).
    pub fn items(&self) -> usize {
        self.items.len()
    }

    /// Simulates `trials` outcomes of the items with `mask[i] == true`, plus all risks.
    ///
    /// Trial `t`'s draws depend only on `seed`, `t` and what is drawn — not on the number of
    /// threads, not on `trials` (a longer run extends a shorter one), and not on the mask:
    /// adding item `i` to the scope adds exactly item `i`'s draws to every trial (up to
    /// `f32` rounding of the sum).
    pub fn run(&self, mask: &[bool], trials: usize, seed: u64) -> Result<Samples, SimError> {
        let (hours, delay_days) = self.run_as(mask, trials, seed, f64::from)?;
        Ok(Samples { hours, delay_days })
    }

    /// [`Simulator::run`] with each trial's hours exactly as summed, in `f32`: half the
    /// memory, and no conversion for a caller that reads quantiles (an `f32` order
    /// statistic is the same value as the `f64` one of the converted hours).
    pub fn run_f32(&self, mask: &[bool], trials: usize, seed: u64) -> Result<SamplesF32, SimError> {
        let (hours, delay_days) = self.run_as(mask, trials, seed, |h| h)?;
        Ok(SamplesF32 { hours, delay_days })
    }

    /// Runs the scope, handing each trial's `f32` hours through `convert`.
    fn run_as<H: Copy + Default + Send>(
        &self,
        mask: &[bool],
        trials: usize,
        seed: u64,
        convert: impl Fn(f32) -> H + Sync,
    ) -> Result<(Vec<H>, Vec<f32>), SimError> {
        if mask.len() != self.items.len() {
            return Err(SimError::MaskLength {
                mask: mask.len(),
                items: self.items.len(),
            });
        }
        let mut scope = Scope {
            tables: Vec::new(),
            certain: 0.0,
        };
        let mut certain = 0.0f64;
        for ((index, effort), _) in self.items.iter().enumerate().zip(mask).filter(|(_, m)| **m) {
            match effort {
                Effort::Certain(hours) => certain += hours,
                Effort::Uncertain(table) => scope.tables.push((index, table)),
            }
        }
        scope.certain = certain as f32;
        let mut hours = vec![H::default(); trials];
        let mut delay_days = vec![0.0f32; trials];
        hours
            .par_chunks_mut(CHUNK)
            .zip(delay_days.par_chunks_mut(CHUNK))
            .enumerate()
            .for_each_init(Scratch::new, |scratch, (chunk, (hours, delay))| {
                let sums = self.run_chunk(&scope, seed, chunk as u64, scratch, delay);
                for (out, &sum) in hours.iter_mut().zip(sums) {
                    *out = convert(sum);
                }
            });
        Ok((hours, delay_days))
    }

    /// Simulates one chunk: adds the risks' delays into `delay` and returns the hours,
    /// summed in `f32` in the scratch buffer.
    fn run_chunk<'s>(
        &self,
        scope: &Scope,
        seed: u64,
        chunk: u64,
        scratch: &'s mut Scratch,
        delay: &mut [f32],
    ) -> &'s [f32] {
        let normal = NormalTable::get();
        let n = delay.len();
        // Streams are generated in whole steps; a short last chunk simply uses a prefix.
        let generated = n.div_ceil(STEP_U32) * STEP_U32;
        let Scratch {
            u,
            v,
            common,
            hours,
        } = scratch;
        let (u, v, common) = (&mut u[..generated], &mut v[..generated], &mut common[..n]);
        let hours = &mut hours[..n];
        hours.fill(0.0);

        if self.common > 0.0 {
            kernel::fill_uniforms(&mut Lanes::new(seed, Purpose::Common, 0, chunk), u);
            kernel::common_factor(normal, self.common, &u[..n], common);
        } else {
            common.fill(0.0);
        }
        for &(index, table) in &scope.tables {
            kernel::fill_uniforms(&mut Lanes::new(seed, Purpose::Item, index as u64, chunk), u);
            kernel::add_item(normal, table, common, self.own, &u[..n], hours);
        }
        if scope.certain != 0.0 {
            for h in hours.iter_mut() {
                *h += scope.certain;
            }
        }
        for risk in &self.risks {
            let index = risk.index as u64;
            kernel::fill_uniforms(&mut Lanes::new(seed, Purpose::RiskFires, index, chunk), u);
            if let Some(table) = &risk.effort {
                kernel::fill_uniforms(&mut Lanes::new(seed, Purpose::RiskEffort, index, chunk), v);
                kernel::add_risk(normal, table, risk.threshold, &u[..n], &v[..n], hours);
            }
            if let Some(table) = &risk.delay {
                kernel::fill_uniforms(&mut Lanes::new(seed, Purpose::RiskDelay, index, chunk), v);
                kernel::add_risk(normal, table, risk.threshold, &u[..n], &v[..n], delay);
            }
        }
        hours
    }
}

/// The items of one run's scope: the uncertain ones with their model index (which keys
/// their random streams), and the certain ones' hours summed.
struct Scope<'a> {
    tables: Vec<(usize, &'a ZTable)>,
    certain: f32,
}

/// One worker's buffers for a chunk: two streams' words, the common factor and the hours
/// summed so far, per trial.
struct Scratch {
    u: Vec<u32>,
    v: Vec<u32>,
    common: Vec<f32>,
    hours: Vec<f32>,
}

impl Scratch {
    fn new() -> Scratch {
        Scratch {
            u: vec![0; CHUNK],
            v: vec![0; CHUNK],
            common: vec![0.0; CHUNK],
            hours: vec![0.0; CHUNK],
        }
    }
}

fn check_estimate(
    distribution: Distribution,
    [low, likely, high]: [f64; 3],
) -> Result<(), EstimateProblem> {
    if !(low.is_finite() && likely.is_finite() && high.is_finite()) {
        return Err(EstimateProblem::NotFinite);
    }
    if !(low <= likely && likely <= high) {
        return Err(EstimateProblem::NotOrdered);
    }
    if distribution == Distribution::Lognormal && low < high && low <= 0.0 {
        return Err(EstimateProblem::LognormalNotPositive);
    }
    Ok(())
}

fn check_risk(distribution: Distribution, risk: &RiskModel) -> Result<(), RiskProblem> {
    if !(0.0..=1.0).contains(&risk.probability) {
        return Err(RiskProblem::Probability);
    }
    if let Some(effort) = risk.effort {
        check_estimate(distribution, effort).map_err(RiskProblem::Effort)?;
    }
    if let Some(delay) = risk.delay {
        check_estimate(distribution, delay).map_err(RiskProblem::Delay)?;
    }
    Ok(())
}
