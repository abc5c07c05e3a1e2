//! The hot loops of the simulation, each compiled several times — for AVX-512, for AVX2
//! and for the baseline target — with the best one picked at run time (`multiversion`),
//! so that one ordinary build is fast on every x86-64 machine.
//!
//! The loops are plain safe Rust that the compiler vectorises: the random streams are
//! stored lane by lane, table pieces are fetched with gathers, and float-to-index
//! conversion avoids the saturating `as` that would defeat vectorisation. Every version
//! does the same IEEE operations in the same order (Rust never fuses a multiply and an
//! add on its own), so results are bit-identical whichever version runs.
//!
//! The table lookups are the cost: two gathered loads per item and trial. With AVX-512 the
//! compiler gathers; for AVX2 its cost model prefers scalar loads feeding vector arithmetic,
//! which measured about 1.8× slower per item and trial on the development machine.

use super::normal::NormalTable;
use super::rng::Lanes;
use super::table::ZTable;
use multiversion::multiversion;

/// Fills `out` with uniform words from `lanes`.
#[multiversion(targets("x86_64+avx512f+avx512bw+avx512dq+avx512vl", "x86_64+avx2+fma"))]
pub(crate) fn fill_uniforms(lanes: &mut Lanes, out: &mut [u32]) {
    lanes.fill(out);
}

/// `out[t] = scale · Φ⁻¹(u[t])`: the common factor's share of every item's coordinate.
#[multiversion(targets("x86_64+avx512f+avx512bw+avx512dq+avx512vl", "x86_64+avx2+fma"))]
pub(crate) fn common_factor(normal: &NormalTable, scale: f32, u: &[u32], out: &mut [f32]) {
    common_factor_body(normal, scale, u, out);
}

/// `acc[t] += G(common[t] + own · Φ⁻¹(u[t]))`: one item's hours added to every trial.
#[multiversion(targets("x86_64+avx512f+avx512bw+avx512dq+avx512vl", "x86_64+avx2+fma"))]
pub(crate) fn add_item(
    normal: &NormalTable,
    table: &ZTable,
    common: &[f32],
    own: f32,
    u: &[u32],
    acc: &mut [f32],
) {
    add_item_body(normal, table, common, own, u, acc);
}

/// `acc[t] += G(Φ⁻¹(u[t]))` where the risk fires (`fires[t] < threshold`, a probability
/// scaled to 2³²): a risk's hours or days added to every trial in which it happens.
#[multiversion(targets("x86_64+avx512f+avx512bw+avx512dq+avx512vl", "x86_64+avx2+fma"))]
pub(crate) fn add_risk(
    normal: &NormalTable,
    table: &ZTable,
    threshold: u64,
    fires: &[u32],
    u: &[u32],
    acc: &mut [f32],
) {
    add_risk_body(normal, table, threshold, fires, u, acc);
}

#[inline(always)]
fn common_factor_body(normal: &NormalTable, scale: f32, u: &[u32], out: &mut [f32]) {
    let u = &u[..out.len()];
    for (o, &w) in out.iter_mut().zip(u) {
        *o = scale * normal.draw(w);
    }
}

#[inline(always)]
fn add_item_body(
    normal: &NormalTable,
    table: &ZTable,
    common: &[f32],
    own: f32,
    u: &[u32],
    acc: &mut [f32],
) {
    let n = acc.len();
    let (common, u) = (&common[..n], &u[..n]);
    for t in 0..n {
        let z = common[t] + own * normal.draw(u[t]);
        acc[t] += table.eval(z);
    }
}

#[inline(always)]
fn add_risk_body(
    normal: &NormalTable,
    table: &ZTable,
    threshold: u64,
    fires: &[u32],
    u: &[u32],
    acc: &mut [f32],
) {
    let n = acc.len();
    let (fires, u) = (&fires[..n], &u[..n]);
    for t in 0..n {
        let x = table.eval(normal.draw(u[t]));
        acc[t] += if u64::from(fires[t]) < threshold {
            x
        } else {
            0.0
        };
    }
}

/// The same loops compiled for the baseline target only, to check that every compiled
/// version gives the same bits.
#[cfg(test)]
pub(crate) mod portable {
    use super::*;

    pub(crate) fn fill_uniforms(lanes: &mut Lanes, out: &mut [u32]) {
        lanes.fill(out);
    }

    pub(crate) fn common_factor(normal: &NormalTable, scale: f32, u: &[u32], out: &mut [f32]) {
        common_factor_body(normal, scale, u, out);
    }

    pub(crate) fn add_item(
        normal: &NormalTable,
        table: &ZTable,
        common: &[f32],
        own: f32,
        u: &[u32],
        acc: &mut [f32],
    ) {
        add_item_body(normal, table, common, own, u, acc);
    }

    pub(crate) fn add_risk(
        normal: &NormalTable,
        table: &ZTable,
        threshold: u64,
        fires: &[u32],
        u: &[u32],
        acc: &mut [f32],
    ) {
        add_risk_body(normal, table, threshold, fires, u, acc);
    }
}

/// The same loops restricted to AVX2, so that path is checked on machines that would
/// otherwise always pick AVX-512.
#[cfg(test)]
mod avx2_only {
    use super::*;

    #[multiversion(targets("x86_64+avx2+fma"))]
    pub(crate) fn fill_uniforms(lanes: &mut Lanes, out: &mut [u32]) {
        lanes.fill(out);
    }

    #[multiversion(targets("x86_64+avx2+fma"))]
    pub(crate) fn common_factor(normal: &NormalTable, scale: f32, u: &[u32], out: &mut [f32]) {
        common_factor_body(normal, scale, u, out);
    }

    #[multiversion(targets("x86_64+avx2+fma"))]
    pub(crate) fn add_item(
        normal: &NormalTable,
        table: &ZTable,
        common: &[f32],
        own: f32,
        u: &[u32],
        acc: &mut [f32],
    ) {
        add_item_body(normal, table, common, own, u, acc);
    }

    #[multiversion(targets("x86_64+avx2+fma"))]
    pub(crate) fn add_risk(
        normal: &NormalTable,
        table: &ZTable,
        threshold: u64,
        fires: &[u32],
        u: &[u32],
        acc: &mut [f32],
    ) {
        add_risk_body(normal, table, threshold, fires, u, acc);
    }
}

#[cfg(test)]
mod tests {
    use super::super::Distribution;
    use super::super::rng::{Purpose, STEP_U32};
    use super::*;

    const N: usize = 4096;

    type Fill = fn(&mut Lanes, &mut [u32]);
    type Common = fn(&NormalTable, f32, &[u32], &mut [f32]);
    type Item = fn(&NormalTable, &ZTable, &[f32], f32, &[u32], &mut [f32]);
    type Risk = fn(&NormalTable, &ZTable, u64, &[u32], &[u32], &mut [f32]);

    /// Runs one version of every kernel on the same inputs and returns all outputs.
    fn run_all(
        fill: Fill,
        common: Common,
        item: Item,
        risk: Risk,
    ) -> (Vec<u32>, Vec<f32>, Vec<f32>) {
        let normal = NormalTable::get();
        let table = ZTable::build(Distribution::Pert, 4.0, 7.0, 19.0);
        let mut lanes = Lanes::new(42, Purpose::Item, 3, 5);
        let mut u = vec![0u32; N];
        let mut v = vec![0u32; N];
        fill(&mut lanes, &mut u);
        fill(&mut lanes, &mut v);
        let mut z = vec![0f32; N];
        common(normal, 0.5, &u, &mut z);
        let mut acc = vec![1.5f32; N];
        item(normal, &table, &z, 0.8, &v, &mut acc);
        risk(normal, &table, 1 << 31, &u, &v, &mut acc);
        let mut both = u;
        both.extend_from_slice(&v);
        (both, z, acc)
    }

    #[test]
    fn every_compiled_version_gives_the_same_bits() {
        assert_eq!(N % STEP_U32, 0);
        let portable = run_all(
            portable::fill_uniforms,
            portable::common_factor,
            portable::add_item,
            portable::add_risk,
        );
        let dispatched = run_all(fill_uniforms, common_factor, add_item, add_risk);
        let avx2 = run_all(
            avx2_only::fill_uniforms,
            avx2_only::common_factor,
            avx2_only::add_item,
            avx2_only::add_risk,
        );
        assert_eq!(portable.0, dispatched.0);
        assert_eq!(portable.0, avx2.0);
        let bits = |x: &[f32]| x.iter().map(|v| v.to_bits()).collect::<Vec<_>>();
        assert_eq!(bits(&portable.1), bits(&dispatched.1));
        assert_eq!(bits(&portable.1), bits(&avx2.1));
        assert_eq!(bits(&portable.2), bits(&dispatched.2));
        assert_eq!(bits(&portable.2), bits(&avx2.2));
    }
}
