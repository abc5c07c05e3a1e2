//! Per-item sampling tables: the function `G(z) = F⁻¹(Φ(z))` that maps the item's copula
//! coordinate `z` straight to hours, tabulated once per item so that a draw in the hot loop
//! is one gather and one multiply-add.
//!
//! Tabulating over `z` rather than over the uniform `u = Φ(z)` folds `Φ` into the table
//! (one lookup instead of two), and `G` is smooth in `z` for every distribution here — the
//! steep ends of `F⁻¹` near 0 and 1 are stretched out over the normal's tails — so linear
//! interpolation on an even grid is accurate everywhere.

use super::Distribution;
use super::normal::{cdf, pack, unpack_lerp};
use std::f64::consts::PI;
use std::sync::OnceLock;

/// Intervals of an item table (a 4 KiB table of value/rise pairs).
pub(crate) const Z_INTERVALS: usize = 512;

/// The table covers `−Z_MAX ≤ z ≤ Z_MAX`. The normal table's draws stay within ±4.0, so a
/// copula coordinate `√ρ·Z + √(1−ρ)·ε` stays within ±4.0·√2 < 5.7; beyond that the table
/// clamps, which never happens.
pub(crate) const Z_MAX: f64 = 6.0;

/// The `z` of node `k`.
fn z_node(k: usize) -> f64 {
    -Z_MAX + 2.0 * Z_MAX * k as f64 / Z_INTERVALS as f64
}

/// `G = F⁻¹ ∘ Φ` of one item, as linear pieces over an even grid of `z`.
#[derive(Clone)]
pub(crate) struct ZTable {
    pieces: Box<[u64; Z_INTERVALS]>,
}

impl ZTable {
    /// `G(z)`, clamped to the table's range.
    #[inline(always)]
    pub(crate) fn eval(&self, z: f32) -> f32 {
        // Position on the grid, shifted by half an interval so that piece k is centred on
        // the integer k: then the piece is found by rounding, which needs no float-to-int
        // conversion (Rust's saturating `as` does not vectorise) — adding 1.5·2²³ leaves
        // round(x) + 2²² in the low mantissa bits for any |x| < 2²².
        const SCALE: f32 = (Z_INTERVALS as f64 / (2.0 * Z_MAX)) as f32;
        const SHIFT: f32 = (Z_INTERVALS as f64 / 2.0 - 0.5) as f32;
        // Clamped a hair inside the last piece; z never gets that far (see Z_MAX).
        const LOW: f32 = -0.5;
        const HIGH: f32 = Z_INTERVALS as f32 - 0.5 - 1.0 / 1024.0;
        const MAGIC: f32 = 12_582_912.0;
        let x = (z * SCALE + SHIFT).clamp(LOW, HIGH);
        let y = x + MAGIC;
        let k = (y.to_bits() & 0x3F_FFFF).min(Z_INTERVALS as u32 - 1) as usize;
        let f = x - (y - MAGIC);
        unpack_lerp(self.pieces[k], f)
    }

    /// The table for an item with three-point estimate `low ≤ likely ≤ high`, `low < high`.
    pub(crate) fn build(distribution: Distribution, low: f64, likely: f64, high: f64) -> ZTable {
        debug_assert!(low < high && low <= likely && likely <= high);
        let nodes: Vec<f64> = match distribution {
            Distribution::Pert => {
                let mode = (likely - low) / (high - low);
                let alpha = 1.0 + 4.0 * mode;
                let beta = 1.0 + 4.0 * (1.0 - mode);
                beta_nodes(alpha, beta)
                    .into_iter()
                    .map(|x| low + (high - low) * x)
                    .collect()
            }
            Distribution::Triangular => {
                let mode = (likely - low) / (high - low);
                let grid = ZGrid::get();
                (0..=Z_INTERVALS)
                    .map(|k| {
                        low + (high - low) * triangular_quantile(mode, grid.lower[k], grid.upper[k])
                    })
                    .collect()
            }
            Distribution::Lognormal => {
                let (mu, sigma) = lognormal_parameters(low, high);
                (0..=Z_INTERVALS)
                    .map(|k| (mu + sigma * z_node(k)).exp())
                    .collect()
            }
        };
        ZTable::from_nodes(&nodes)
    }

    /// The table of a distribution given by quantile points (a calibrated item).
    pub(crate) fn from_quantiles(points: &super::QuantilePoints) -> ZTable {
        let grid = ZGrid::get();
        let nodes: Vec<f64> = grid.lower.iter().map(|&p| points.at(p)).collect();
        ZTable::from_nodes(&nodes)
    }

    /// A table that always gives `value`: a certain risk magnitude.
    pub(crate) fn constant(value: f64) -> ZTable {
        ZTable::from_nodes(&[value; Z_INTERVALS + 1])
    }

    /// Pieces from node values: each piece holds its centre value and its rise, to be
    /// evaluated at `f` in `[−½, ½]`. Both are rounded to `f32` from `f64`, so neighbouring
    /// pieces meet to within an `f32` rounding.
    fn from_nodes(nodes: &[f64]) -> ZTable {
        debug_assert_eq!(nodes.len(), Z_INTERVALS + 1);
        let pieces: Vec<u64> = nodes
            .windows(2)
            .map(|w| pack((0.5 * (w[0] + w[1])) as f32, (w[1] - w[0]) as f32))
            .collect();
        ZTable {
            pieces: pieces
                .into_boxed_slice()
                .try_into()
                .expect("Z_INTERVALS pieces"),
        }
    }
}

/// `z`-grid facts shared by every item: `Φ(z_k)` and `Φ(−z_k)` (each accurate in its own
/// tail, so that no quantile is computed from `1 − p` with `p` near 1).
struct ZGrid {
    lower: Vec<f64>,
    upper: Vec<f64>,
}

impl ZGrid {
    fn get() -> &'static ZGrid {
        static GRID: OnceLock<ZGrid> = OnceLock::new();
        GRID.get_or_init(|| ZGrid {
            lower: (0..=Z_INTERVALS).map(|k| cdf(z_node(k))).collect(),
            upper: (0..=Z_INTERVALS).map(|k| cdf(-z_node(k))).collect(),
        })
    }
}

/// The lognormal with `low` and `high` as its 5th and 95th percentiles: `ln X` is normal
/// with mean `(ln low + ln high)/2` and `Φ⁻¹(0.95)·σ` half the log-range. The likely value
/// is not used: two percentiles fix a lognormal.
pub(crate) fn lognormal_parameters(low: f64, high: f64) -> (f64, f64) {
    const Z95: f64 = 1.644_853_626_951_472_2;
    let mu = 0.5 * (low.ln() + high.ln());
    let sigma = (high.ln() - low.ln()) / (2.0 * Z95);
    (mu, sigma)
}

/// Quantile of the triangular distribution on `[0, 1]` with mode `c`, at lower-tail
/// probability `p` (with `q = 1 − p` given separately for accuracy near 1).
fn triangular_quantile(c: f64, p: f64, q: f64) -> f64 {
    if p < c {
        (p * c).sqrt()
    } else {
        1.0 - (q * (1.0 - c)).sqrt()
    }
}

/// Intervals of the integration grid for the beta distribution's CDF.
const BETA_INTERVALS: usize = 1024;

/// The integration grid `x(t) = (1 − cos πt)/2 = sin²(πt/2)` over even `t`, and per node
/// `ln x`, `ln(1 − x)`, `dx/dt`, and `sin(πt/2)`, `cos(πt/2)` for placing points between
/// nodes without calling the trigonometric functions again. The cosine grid crowds nodes into both ends, where the
/// quantiles of the tails live, and turns the density's `x^(α−1)` into an integrand in `t`
/// with at least linear growth, which the trapezoid rule handles well.
struct BetaGrid {
    ln_x: Vec<f64>,
    ln_1mx: Vec<f64>,
    dxdt: Vec<f64>,
    sin_half: Vec<f64>,
    cos_half: Vec<f64>,
}

impl BetaGrid {
    fn get() -> &'static BetaGrid {
        static GRID: OnceLock<BetaGrid> = OnceLock::new();
        GRID.get_or_init(|| {
            let n = BETA_INTERVALS;
            let t = |j: usize| j as f64 / n as f64;
            // The sin² form of (1 − cos πt)/2 keeps relative accuracy for tiny x.
            let sin_half: Vec<f64> = (0..=n).map(|j| (0.5 * PI * t(j)).sin()).collect();
            let cos_half: Vec<f64> = (0..=n).map(|j| (0.5 * PI * t(j)).cos()).collect();
            BetaGrid {
                ln_x: sin_half.iter().map(|s| (s * s).ln()).collect(),
                ln_1mx: cos_half.iter().map(|c| (c * c).ln()).collect(),
                dxdt: (0..=n).map(|j| 0.5 * PI * (PI * t(j)).sin()).collect(),
                sin_half,
                cos_half,
            }
        })
    }
}

/// The quantiles `F⁻¹(Φ(z_k))` of Beta(α, β) on `[0, 1]` at every table node, α, β ≥ 1.
///
/// The CDF is the cumulative trapezoid integral of the density over the cosine grid (the
/// normalising constant falls out as the total, so no beta function is needed). Lower-tail
/// quantiles are read from the integral summed from the left and upper-tail ones from the
/// integral summed from the right, so each tail keeps its relative accuracy.
fn beta_nodes(alpha: f64, beta: f64) -> Vec<f64> {
    let grid = BetaGrid::get();
    let z = ZGrid::get();
    let n = BETA_INTERVALS;
    // Integrand in t: x^(α−1) (1−x)^(β−1) dx/dt, zero at both ends (dx/dt = 0 there), and
    // never 0·∞ because the ends are set rather than computed.
    let mut density: Vec<f64> = (0..=n)
        .map(|j| {
            if j == 0 || j == n {
                0.0
            } else {
                ((alpha - 1.0) * grid.ln_x[j] + (beta - 1.0) * grid.ln_1mx[j]).exp() * grid.dxdt[j]
            }
        })
        .collect();
    let half = Z_INTERVALS / 2;
    let mut nodes = vec![0.0; Z_INTERVALS + 1];
    // Nodes 0..=half: lower-tail probabilities Φ(z_k), ascending with k.
    let lower = invert_cumulative(&density, &z.lower[..=half]);
    for (k, (j, tau)) in lower.into_iter().enumerate() {
        let (sin_b, cos_b) = small_sin_cos(0.5 * PI * tau);
        let s = grid.sin_half[j] * cos_b + grid.cos_half[j] * sin_b; // sin(π(t_j + τ)/2)
        nodes[k] = s * s;
    }
    // Nodes above half: the mirrored density (t → 1 − t) at upper-tail probabilities
    // Φ(−z_k), which ascend as k descends; x = 1 − sin²(π t'/2) = cos²(π t'/2).
    density.reverse();
    let targets: Vec<f64> = (half + 1..=Z_INTERVALS).rev().map(|k| z.upper[k]).collect();
    let upper = invert_cumulative(&density, &targets);
    for (k, (j, tau)) in (half + 1..=Z_INTERVALS).rev().zip(upper) {
        let (sin_b, cos_b) = small_sin_cos(0.5 * PI * tau);
        let c = grid.cos_half[j] * cos_b - grid.sin_half[j] * sin_b; // cos(π(t_j + τ)/2)
        nodes[k] = c * c;
    }
    nodes
}

/// `(sin b, cos b)` for `0 ≤ b ≤ π/2048` (half a grid step), exact to double precision
/// from the first terms of their series.
fn small_sin_cos(b: f64) -> (f64, f64) {
    let b2 = b * b;
    let sin = b * (1.0 - b2 / 6.0 * (1.0 - b2 / 20.0));
    let cos = 1.0 - b2 / 2.0 * (1.0 - b2 / 12.0);
    (sin, cos)
}

/// For ascending probabilities `targets`, where the normalised cumulative trapezoid
/// integral of `density` (given at `t_j = j/n`) reaches each of them: the grid interval `j`
/// and the offset `τ` into it, `t = j/n + τ`.
fn invert_cumulative(density: &[f64], targets: &[f64]) -> Vec<(usize, f64)> {
    let n = density.len() - 1;
    let dt = 1.0 / n as f64;
    let mut cumulative = Vec::with_capacity(n + 1);
    let mut sum = 0.0;
    cumulative.push(sum);
    for w in density.windows(2) {
        sum += 0.5 * dt * (w[0] + w[1]);
        cumulative.push(sum);
    }
    let total = sum;
    let mut j = 0;
    targets
        .iter()
        .map(|&p| {
            let target = p * total;
            while j < n - 1 && cumulative[j + 1] < target {
                j += 1;
            }
            // Inside the interval the trapezoid rule models the integrand as linear, so the
            // cumulative is quadratic in τ = t − t_j; solve it in the cancellation-free form.
            let h0 = density[j];
            let slope = (density[j + 1] - h0) / dt;
            let c = (target - cumulative[j]).max(0.0);
            let disc = (h0 * h0 + 2.0 * slope * c).max(0.0);
            let denom = h0 + disc.sqrt();
            let tau = if denom > 0.0 {
                (2.0 * c / denom).min(dt)
            } else {
                0.0
            };
            (j, tau)
        })
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn table_covers_every_copula_coordinate() {
        let max = super::super::normal::NormalTable::get().max_draw();
        // √ρ + √(1−ρ) is largest, √2, at ρ = ½.
        assert!(max * std::f64::consts::SQRT_2 < Z_MAX, "{max}");
    }

    #[test]
    fn uniform_beta_is_identity() {
        // Beta(1, 1) is the uniform: G(z) = Φ(z).
        let nodes = beta_nodes(1.0, 1.0);
        for (k, x) in nodes.iter().enumerate() {
            let exact = cdf(z_node(k));
            assert!((x - exact).abs() < 1e-7, "k={k} x={x} exact={exact}");
        }
    }

    #[test]
    fn eval_hits_nodes_and_clamps() {
        let table = ZTable::build(Distribution::Lognormal, 10.0, 20.0, 40.0);
        let (mu, sigma) = lognormal_parameters(10.0, 40.0);
        for k in [0, 1, 100, 256, 511] {
            let z = z_node(k) as f32;
            let exact = (mu + sigma * f64::from(z)).exp();
            let got = f64::from(table.eval(z));
            assert!(
                (got / exact - 1.0).abs() < 1e-5,
                "k={k} got={got} exact={exact}"
            );
        }
        assert_eq!(table.eval(-100.0), table.eval(-Z_MAX as f32));
        assert_eq!(table.eval(100.0), table.eval(Z_MAX as f32));
    }

    /// The largest error of a table against `exact`, over the copula coordinates that occur,
    /// relative to `scale` of the exact value.
    fn worst_error(table: &ZTable, exact: impl Fn(f64) -> f64, scale: impl Fn(f64) -> f64) -> f64 {
        let mut worst: f64 = 0.0;
        for i in 0..=20_000 {
            // Off the nodes on purpose: an irrational step.
            let z = -5.6 + 11.2 * i as f64 / 20_000.0 + 1e-4 * std::f64::consts::E;
            let got = f64::from(table.eval(z as f32));
            let want = exact(z);
            worst = worst.max((got - want).abs() / scale(want));
        }
        worst
    }

    fn phi(z: f64) -> f64 {
        use statrs::distribution::{ContinuousCDF, Normal};
        Normal::standard().cdf(z)
    }

    #[test]
    fn pert_tables_match_the_incomplete_beta() {
        let (low, high) = (10.0, 60.0);
        for mode in [0.0, 0.05, 0.2, 0.5, 0.75, 0.95, 1.0] {
            let likely = low + mode * (high - low);
            let table = ZTable::build(Distribution::Pert, low, likely, high);
            let (a, b) = (1.0 + 4.0 * mode, 1.0 + 4.0 * (1.0 - mode));
            let exact = |z: f64| {
                let p = phi(z).clamp(1e-300, 1.0 - 1e-16);
                low + (high - low) * statrs::function::beta::inv_beta_reg(a, b, p)
            };
            let worst = worst_error(&table, exact, |_| high - low);
            assert!(
                worst < 2e-5,
                "mode {mode}: worst error {worst:e} of the range"
            );
        }
    }

    #[test]
    fn triangular_and_lognormal_tables_match_closed_forms() {
        let (low, high) = (10.0, 60.0);
        for mode in [0.0, 0.3, 1.0] {
            let likely = low + mode * (high - low);
            let table = ZTable::build(Distribution::Triangular, low, likely, high);
            let exact = |z: f64| {
                let p = phi(z);
                let x = if p < mode {
                    (p * mode).sqrt()
                } else {
                    1.0 - ((1.0 - p) * (1.0 - mode)).sqrt()
                };
                low + (high - low) * x
            };
            let worst = worst_error(&table, exact, |_| high - low);
            assert!(
                worst < 2e-5,
                "triangular mode {mode}: worst error {worst:e}"
            );
        }
        let table = ZTable::build(Distribution::Lognormal, low, 20.0, high);
        let (mu, sigma) = lognormal_parameters(low, high);
        // Relative to the value: the lognormal's far tail is large.
        let worst = worst_error(&table, |z| (mu + sigma * z).exp(), |x| x);
        assert!(
            worst < 5e-5,
            "lognormal: worst error {worst:e} of the value"
        );
    }
}
