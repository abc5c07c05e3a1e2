//! The standard normal distribution: exact `Φ` and `Φ⁻¹` in `f64` for building tables, and
//! the interpolated `Φ⁻¹` table that turns a uniform 32-bit word into a normal draw in the
//! hot loop.

use std::f64::consts::{FRAC_1_SQRT_2, PI};
use std::sync::OnceLock;

/// Intervals in the `Φ⁻¹` table. 4096 keeps the table (32 KiB of value/slope pairs) in the
/// L1 cache next to the item tables, and its error is far below what the quantiles need:
/// see `tests/simulate/accuracy.rs`.
pub(crate) const NORMAL_BITS: u32 = 12;
pub(crate) const NORMAL_INTERVALS: usize = 1 << NORMAL_BITS;

/// `Φ(z)`, accurate in both tails (through `erfc`, not `1 − erf`).
pub(crate) fn cdf(z: f64) -> f64 {
    0.5 * libm::erfc(-z * FRAC_1_SQRT_2)
}

/// The standard normal density.
pub(crate) fn pdf(z: f64) -> f64 {
    (-0.5 * z * z).exp() / (2.0 * PI).sqrt()
}

/// `Φ⁻¹(p)` for `0 < p < 1`, to about 1e-15: Newton's method on `Φ(z) − p`, which is
/// well conditioned because it works on the lower tail and mirrors the upper one.
pub(crate) fn inverse_cdf(p: f64) -> f64 {
    assert!(p > 0.0 && p < 1.0, "inverse_cdf needs 0 < p < 1, got {p}");
    if p > 0.5 {
        return -inverse_cdf(1.0 - p);
    }
    if p == 0.5 {
        return 0.0;
    }
    // A rough start (Tukey's lambda approximation of the normal), good to about 1% in the
    // body, so Newton needs only a few steps; in the far tail the log form is closer.
    let mut z = if p > 1e-6 {
        4.91 * (p.powf(0.14) - (1.0 - p).powf(0.14))
    } else {
        -(-2.0 * p.ln()).sqrt()
    };
    for _ in 0..100 {
        let step = (cdf(z) - p) / pdf(z);
        z -= step;
        if step.abs() <= 1e-15 * z.abs().max(1.0) {
            break;
        }
    }
    z
}

/// A linear piece of a table: a value in the low 32 bits and a slope in the high 32 bits.
/// One 64-bit gather fetches both, which halves the loads of the hot loop compared with
/// two 32-bit gathers.
#[inline(always)]
pub(crate) fn pack(value: f32, rise: f32) -> u64 {
    u64::from(value.to_bits()) | (u64::from(rise.to_bits()) << 32)
}

/// Evaluates a packed piece `value + f·slope`.
#[inline(always)]
pub(crate) fn unpack_lerp(piece: u64, f: f32) -> f32 {
    f32::from_bits(piece as u32) + f * f32::from_bits((piece >> 32) as u32)
}

/// `Φ⁻¹` as a table over the uniform: piece `k` covers `[k/N, (k+1)/N)`.
pub(crate) struct NormalTable {
    pub(crate) pieces: Box<[u64; NORMAL_INTERVALS]>,
}

impl NormalTable {
    /// The normal draw for a uniform word: its top 12 bits pick the interval, the next 12
    /// the point inside it (the middle of one of 4096 cells, so the draws are symmetric
    /// about zero). The low 8 bits are not needed at this resolution.
    #[inline(always)]
    pub(crate) fn draw(&self, word: u32) -> f32 {
        let k = (word >> (32 - NORMAL_BITS)) as usize;
        let cell = ((word >> 8) & 0xFFF) as f32;
        unpack_lerp(self.pieces[k], cell)
    }

    fn build() -> NormalTable {
        let n = NORMAL_INTERVALS;
        let mut nodes = vec![0.0f64; n + 1];
        for (k, node) in nodes.iter_mut().enumerate().take(n).skip(1) {
            *node = inverse_cdf(k as f64 / n as f64);
        }
        // Φ⁻¹ is infinite at 0 and 1. The end nodes are placed so that each end piece has
        // the mean of the normal's tail it stands for, E[Z | U < 1/N] = −N·φ(Φ⁻¹(1/N)), so
        // the table's draws keep mean 0 and lose only ~1e-4 of the variance there.
        let tail_mean = -(n as f64) * pdf(nodes[1]);
        nodes[0] = 2.0 * tail_mean - nodes[1];
        nodes[n] = -nodes[0];
        // Each piece holds its value at cell 0 and its rise per cell, so a draw is one
        // multiply-add on the cell number.
        const CELLS: f64 = 4096.0;
        let pieces: Vec<u64> = (0..n)
            .map(|k| {
                let per_cell = (nodes[k + 1] - nodes[k]) / CELLS;
                pack((nodes[k] + 0.5 * per_cell) as f32, per_cell as f32)
            })
            .collect();
        NormalTable {
            pieces: pieces
                .into_boxed_slice()
                .try_into()
                .expect("NORMAL_INTERVALS pieces"),
        }
    }

    /// The one shared table, built on first use (a few hundred microseconds).
    pub(crate) fn get() -> &'static NormalTable {
        static TABLE: OnceLock<NormalTable> = OnceLock::new();
        TABLE.get_or_init(NormalTable::build)
    }

    /// The largest draw the table can give; the item tables must cover
    /// `(√ρ + √(1−ρ))` times this.
    #[cfg(test)]
    pub(crate) fn max_draw(&self) -> f64 {
        f64::from(self.draw(u32::MAX))
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn inverse_cdf_inverts_cdf() {
        for &p in &[
            1e-12, 1e-9, 1e-6, 0.001, 0.025, 0.1, 0.3, 0.5, 0.7, 0.975, 0.999999,
        ] {
            let z = inverse_cdf(p);
            let back = cdf(z);
            assert!(
                ((back - p) / p.min(1.0 - p)).abs() < 1e-12,
                "p={p} z={z} back={back}"
            );
        }
        assert!((inverse_cdf(0.975) - 1.959_963_984_540_054).abs() < 1e-13);
    }

    #[test]
    fn table_is_symmetric_and_bounded() {
        let t = NormalTable::get();
        // Symmetric up to the f32 rounding of the pieces' rises.
        assert!((t.draw(0) + t.draw(u32::MAX)).abs() < 1e-6);
        assert!((t.draw(0x8000_0000) + t.draw(0x7FFF_FFFF)).abs() < 1e-6);
        assert!(t.draw(0x8000_0000) > 0.0 && t.draw(0x7FFF_FFFF) < 0.0);
        let max = t.max_draw();
        assert!(max > 3.9 && max < 4.1, "{max}");
    }
}
