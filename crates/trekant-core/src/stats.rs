//! Summaries of samples: the one empirical quantile of trekant (by selection, not a full
//! sort), the mean, the probability of staying at or under a threshold, and [`Summary`].
//!
//! Every quantile in trekant — of simulated hours, prices and finish days, of past ratios in
//! the habits and the backtest — is the same one: the smallest sample with at least share
//! `p` of the samples at or below it (the inverse of the empirical CDF, R's "type 1"). It is
//! always one of the samples, so it works alike on hours, money and whole working days, and a
//! monotone map commutes with it (the price quantile is the rate times the hours quantile,
//! bit for bit). The weighted step-CDF quantile of the calibration mixture
//! (`history::calibration`) is the same definition over weighted samples.

use std::cmp::Ordering;

/// A number the summaries work on: the simulation's `f64` hours, `f32` hours and days, and
/// whole working days.
pub trait Sample: Copy + Send + Sync + sealed::Sealed {
    fn to_f64(self) -> f64;
    fn order(&self, other: &Self) -> Ordering;
}

impl Sample for f64 {
    fn to_f64(self) -> f64 {
        self
    }
    fn order(&self, other: &Self) -> Ordering {
        self.total_cmp(other)
    }
}

impl Sample for f32 {
    fn to_f64(self) -> f64 {
        f64::from(self)
    }
    fn order(&self, other: &Self) -> Ordering {
        self.total_cmp(other)
    }
}

impl Sample for u32 {
    fn to_f64(self) -> f64 {
        f64::from(self)
    }
    fn order(&self, other: &Self) -> Ordering {
        self.cmp(other)
    }
}

mod sealed {
    pub trait Sealed {}
    impl Sealed for f64 {}
    impl Sealed for f32 {}
    impl Sealed for u32 {}
}

/// The levels every report shows: P10, P50, P80 and P95.
pub const LEVELS: [f64; 4] = [0.10, 0.50, 0.80, 0.95];

/// The figures every report shows for a sampled quantity.
#[derive(Clone, Copy, Debug, PartialEq, serde::Serialize)]
pub struct Summary {
    pub mean: f64,
    pub p10: f64,
    pub p50: f64,
    pub p80: f64,
    pub p95: f64,
}

impl Summary {
    /// The mean and the 10th, 50th, 80th and 95th empirical percentiles of `samples`.
    /// `None` when there are no samples.
    pub fn of<T: Sample>(samples: &[T]) -> Option<Summary> {
        if samples.is_empty() {
            return None;
        }
        let q = quantiles(samples, &LEVELS);
        Some(Summary::from_parts(mean(samples), [q[0], q[1], q[2], q[3]]))
    }

    /// A summary from its mean and its quantiles at [`LEVELS`].
    pub fn from_parts(mean: f64, q: [f64; 4]) -> Summary {
        Summary {
            mean,
            p10: q[0],
            p50: q[1],
            p80: q[2],
            p95: q[3],
        }
    }

    /// Each figure mapped through `f` (rounding for a report, say).
    pub fn map(&self, f: impl Fn(f64) -> f64) -> Summary {
        Summary {
            mean: f(self.mean),
            p10: f(self.p10),
            p50: f(self.p50),
            p80: f(self.p80),
            p95: f(self.p95),
        }
    }
}

/// The mean, summed in `f64` in sample order (so the same samples give the same bits).
/// `NaN` for no samples.
pub fn mean<T: Sample>(samples: &[T]) -> f64 {
    let sum: f64 = samples.iter().map(|&x| x.to_f64()).sum();
    sum / samples.len() as f64
}

/// The share of samples at or under `threshold`: P(X ≤ threshold), counted, not sorted.
/// `NaN` for no samples.
pub fn probability_at_most<T: Sample>(samples: &[T], threshold: f64) -> f64 {
    let hits = samples.iter().filter(|&&x| x.to_f64() <= threshold).count();
    hits as f64 / samples.len() as f64
}

/// The 0-based rank of the `p`-quantile among `n` samples: the smallest `k` with at least
/// share `p` of the samples at ranks `0..=k`. The tolerance keeps a level that is a whole
/// share of `n` in decimal (0.8 of 1,000) on its order statistic despite binary rounding.
/// Panics on `n == 0` or `p` outside `[0, 1]`.
pub fn rank(n: usize, p: f64) -> usize {
    assert!(n > 0, "quantile of no samples");
    assert!(
        (0.0..=1.0).contains(&p),
        "quantile probability {p} is outside [0, 1]"
    );
    ((p * n as f64 - 1e-9).ceil().max(1.0) as usize).min(n) - 1
}

/// The `p`-quantile of samples already sorted ascending. Panics as [`rank`].
pub fn quantile_sorted<T: Sample>(sorted: &[T], p: f64) -> T {
    sorted[rank(sorted.len(), p)]
}

/// The `p`-quantile of `samples` by selection: `O(n)` on average. Reorders `samples`.
/// Panics as [`rank`].
pub fn quantile_in_place<T: Sample>(samples: &mut [T], p: f64) -> f64 {
    let k = rank(samples.len(), p);
    let (_, v, _) = samples.select_nth_unstable_by(k, T::order);
    v.to_f64()
}

/// Several quantiles at once, in the order of `ps`, from one copy of `samples`.
/// Panics as [`rank`].
pub fn quantiles<T: Sample>(samples: &[T], ps: &[f64]) -> Vec<f64> {
    let mut work = samples.to_vec();
    quantiles_in_place(&mut work, ps)
}

/// Several quantiles at once, in the order of `ps`; reorders `samples`. Panics as [`rank`].
pub(crate) fn quantiles_in_place<T: Sample>(samples: &mut [T], ps: &[f64]) -> Vec<f64> {
    let ranks: Vec<usize> = ps.iter().map(|&p| rank(samples.len(), p)).collect();
    order_statistics(samples, &ranks)
        .into_iter()
        .map(Sample::to_f64)
        .collect()
}

/// The order statistics of `samples` at 0-based `ranks` (in any order; each must be below
/// `samples.len()`), by nested selection: the middle rank splits the slice and both halves
/// go on at once, in parallel when they are large. Reorders `samples`. The answer does not
/// depend on how the work was split: an order statistic is one value.
pub fn order_statistics<T: Sample>(samples: &mut [T], ranks: &[usize]) -> Vec<T> {
    let mut order: Vec<usize> = (0..ranks.len()).collect();
    order.sort_by_key(|&i| ranks[i]);
    let mut sorted_ranks: Vec<usize> = order.iter().map(|&i| ranks[i]).collect();
    sorted_ranks.dedup();
    let mut found = vec![None; sorted_ranks.len()];
    select_all(samples, 0, &sorted_ranks, &mut found);
    ranks
        .iter()
        .map(|r| {
            let i = sorted_ranks
                .binary_search(r)
                .expect("every rank was selected");
            found[i].expect("every rank was selected")
        })
        .collect()
}

/// Below this many samples a selection is not worth a second thread.
const PARALLEL_SELECT: usize = 1 << 16;

/// Selects `ranks` (ascending, distinct; counted from the start of the whole slice, of which
/// `part` begins at `offset`) into `found`.
fn select_all<T: Sample>(part: &mut [T], offset: usize, ranks: &[usize], found: &mut [Option<T>]) {
    if ranks.is_empty() {
        return;
    }
    let mid = ranks.len() / 2;
    let k = ranks[mid] - offset;
    let (left, value, right) = part.select_nth_unstable_by(k, T::order);
    found[mid] = Some(*value);
    let (left_ranks, rest) = ranks.split_at(mid);
    let right_ranks = &rest[1..];
    let (left_found, rest_found) = found.split_at_mut(mid);
    let right_found = &mut rest_found[1..];
    let right_offset = offset + k + 1;
    if left.len().min(right.len()) >= PARALLEL_SELECT
        && !left_ranks.is_empty()
        && !right_ranks.is_empty()
    {
        rayon::join(
            || select_all(left, offset, left_ranks, left_found),
            || select_all(right, right_offset, right_ranks, right_found),
        );
    } else {
        select_all(left, offset, left_ranks, left_found);
        select_all(right, right_offset, right_ranks, right_found);
    }
}

/// `f32` samples counted into buckets of equal width between their least and greatest
/// value, so that order statistics are found in two passes over the samples, which are read
/// in place, never copied or reordered: the counts say which bucket holds each rank, and one
/// pass gathers only those buckets' samples (a few hundred each) to select among. The bucket
/// of a sample is a monotone function of it (subtracting, multiplying and truncating all
/// keep order), so a bucket holds a contiguous stretch of the sorted samples and the answer
/// is exactly the order statistic. Samples that are not all finite fall into one bucket:
/// still exact, only slower.
#[derive(Clone, Debug)]
pub struct Buckets {
    low: f32,
    scale: f32,
    /// The last bucket's index.
    last: usize,
    /// `ends[b]`: how many samples lie in buckets `0..=b`.
    ends: Vec<usize>,
}

/// Samples per parallel piece of a pass over the samples.
const PIECE: usize = 1 << 16;

impl Buckets {
    /// Counts `samples` into buckets (in parallel).
    pub fn of(samples: &[f32]) -> Buckets {
        use rayon::prelude::*;
        let (low, high, finite) = samples
            .par_chunks(PIECE)
            .map(|piece| {
                let (mut low, mut high, mut finite) = (f32::INFINITY, f32::NEG_INFINITY, true);
                for &v in piece {
                    low = if v < low { v } else { low };
                    high = if v > high { v } else { high };
                    finite &= v.is_finite();
                }
                (low, high, finite)
            })
            .reduce(
                || (f32::INFINITY, f32::NEG_INFINITY, true),
                |a, b| (a.0.min(b.0), a.1.max(b.1), a.2 && b.2),
            );
        // About 64 samples a bucket, at most 2¹⁴ buckets (64 KiB of counts per thread).
        let count = (samples.len() / 64).clamp(1, 1 << 14);
        let scale = count as f32 / (high - low);
        let (low, scale) = if finite && high > low && scale.is_finite() {
            (low, scale)
        } else {
            (0.0, 0.0)
        };
        let mut buckets = Buckets {
            low,
            scale,
            last: count - 1,
            ends: Vec::new(),
        };
        let counts = samples
            .par_chunks(PIECE)
            .fold(
                || vec![0u32; count],
                |mut counts, piece| {
                    for &v in piece {
                        counts[buckets.bucket(v)] += 1;
                    }
                    counts
                },
            )
            .reduce(
                || vec![0u32; count],
                |mut a, b| {
                    a.iter_mut().zip(b).for_each(|(x, y)| *x += y);
                    a
                },
            );
        buckets.ends = counts
            .iter()
            .scan(0usize, |sum, &c| {
                *sum += c as usize;
                Some(*sum)
            })
            .collect();
        buckets
    }

    /// The bucket of `v`: monotone in `v` (for finite samples; all in bucket 0 otherwise).
    #[inline(always)]
    fn bucket(&self, v: f32) -> usize {
        // Clamped (`max` takes the NaN of an infinite sample times a zero scale to 0), then
        // rounded without a float-to-int conversion: adding 1.5·2²³ leaves round(x) + 2²²
        // in the low mantissa bits for any 0 ≤ x < 2²². Every step keeps order.
        const MAGIC: f32 = 12_582_912.0;
        let x = (v - self.low) * self.scale;
        // Comparisons rather than `max`/`min`, whose NaN rules cost instructions.
        let x = if x > 0.0 { x } else { 0.0 };
        let last = self.last as f32;
        let x = if x < last { x } else { last };
        ((x + MAGIC).to_bits() & 0x3F_FFFF) as usize
    }

    /// How many of `samples` — the very samples counted — are at or under each of
    /// `thresholds` (ascending or not): the buckets below a threshold's own are counted
    /// whole, and one pass counts in the threshold's bucket.
    pub fn count_at_most(&self, samples: &[f32], thresholds: &[f32]) -> Vec<usize> {
        let mut wanted: Vec<usize> = thresholds.iter().map(|&g| self.bucket(g)).collect();
        wanted.sort_unstable();
        wanted.dedup();
        if wanted.len() >= usize::from(u16::MAX) {
            let thresholds: Vec<f64> = thresholds.iter().map(|&g| f64::from(g)).collect();
            return count_at_most_unsorted(samples, &thresholds, f64::from);
        }
        let slot = self.slots(&wanted);
        let gathered = self.gather(samples, &slot, wanted.len());
        thresholds
            .iter()
            .map(|&g| {
                let b = self.bucket(g);
                let below = b.checked_sub(1).map_or(0, |a| self.ends[a]);
                let within = gathered[usize::from(slot[b])]
                    .iter()
                    .filter(|&&v| v <= g)
                    .count();
                below + within
            })
            .collect()
    }

    /// A bucket-to-slot table: `wanted[i]`'s bucket maps to `i`, every other to `u16::MAX`.
    fn slots(&self, wanted: &[usize]) -> Vec<u16> {
        let mut slot = vec![u16::MAX; self.ends.len()];
        for (i, &b) in wanted.iter().enumerate() {
            slot[b] = i as u16;
        }
        slot
    }

    /// The samples of the buckets with a slot, by slot, in one parallel pass.
    fn gather(&self, samples: &[f32], slot: &[u16], slots: usize) -> Vec<Vec<f32>> {
        use rayon::prelude::*;
        let empty = || vec![Vec::new(); slots];
        samples
            .par_chunks(PIECE)
            .fold(empty, |mut gathered: Vec<Vec<f32>>, piece| {
                for &v in piece {
                    let s = slot[self.bucket(v)];
                    if s != u16::MAX {
                        gathered[usize::from(s)].push(v);
                    }
                }
                gathered
            })
            .reduce(empty, |mut a, b| {
                a.iter_mut().zip(b).for_each(|(x, y)| x.extend(y));
                a
            })
    }

    /// The order statistics of `samples` — the very samples counted — at 0-based `ranks`
    /// (in any order; each below `samples.len()`), in the order of `ranks`.
    pub fn order_statistics(&self, samples: &[f32], ranks: &[usize]) -> Vec<f32> {
        // The bucket of each rank, and the rank within its bucket.
        let places: Vec<(usize, usize)> = ranks
            .iter()
            .map(|&k| {
                let b = self.ends.partition_point(|&end| end <= k);
                let before = b.checked_sub(1).map_or(0, |a| self.ends[a]);
                (b, k - before)
            })
            .collect();
        let mut wanted: Vec<usize> = places.iter().map(|&(b, _)| b).collect();
        wanted.sort_unstable();
        wanted.dedup();
        if wanted.len() >= usize::from(u16::MAX) {
            return order_statistics(&mut samples.to_vec(), ranks);
        }
        let slot = self.slots(&wanted);
        let mut gathered = self.gather(samples, &slot, wanted.len());
        places
            .iter()
            .map(|&(b, r)| {
                let s = usize::from(slot[b]);
                *gathered[s].select_nth_unstable_by(r, f32::total_cmp).1
            })
            .collect()
    }
}

/// The `p`-quantile of whole numbers given as counts: `counts[v]` samples have the value
/// `v`. The same quantile as [`rank`] on the samples, in `O(values)`. `None` for no samples.
pub(crate) fn quantile_of_counts(counts: &[usize], p: f64) -> Option<u32> {
    let n: usize = counts.iter().sum();
    if n == 0 {
        return None;
    }
    let k = rank(n, p);
    let mut seen = 0;
    for (value, &c) in counts.iter().enumerate() {
        seen += c;
        if seen > k {
            return Some(value as u32);
        }
    }
    None
}

/// The short name of the quantile at level `p`: "P80" for 0.8, "P87.5" for 0.875.
pub(crate) fn level_name(p: f64) -> String {
    let percent = (p * 1000.0).round() / 10.0;
    format!("P{percent}")
}

/// An empirical distribution that answers what a chart asks — a few order statistics and
/// the CDF at a few points — without a full sort when it is not sorted already.
pub trait Ecdf {
    /// How many samples there are.
    fn count(&self) -> usize;
    /// The samples at 0-based `ranks` in ascending order.
    fn order_statistics(&self, ranks: &[usize]) -> Vec<f64>;
    /// How many samples are at or under each of `thresholds` (ascending).
    fn count_at_most(&self, thresholds: &[f64]) -> Vec<usize>;
}

/// Samples sorted ascending.
impl Ecdf for [f64] {
    fn count(&self) -> usize {
        self.len()
    }
    fn order_statistics(&self, ranks: &[usize]) -> Vec<f64> {
        ranks.iter().map(|&k| self[k]).collect()
    }
    fn count_at_most(&self, thresholds: &[f64]) -> Vec<usize> {
        thresholds
            .iter()
            .map(|x| self.partition_point(|v| v <= x))
            .collect()
    }
}

/// Samples sorted ascending.
impl Ecdf for Vec<f64> {
    fn count(&self) -> usize {
        self.len()
    }
    fn order_statistics(&self, ranks: &[usize]) -> Vec<f64> {
        self.as_slice().order_statistics(ranks)
    }
    fn count_at_most(&self, thresholds: &[f64]) -> Vec<usize> {
        self.as_slice().count_at_most(thresholds)
    }
}

/// How many of the (unsorted) `values`, mapped through `f`, are at or under each of
/// `thresholds` (ascending), in one parallel pass: each value is counted at the first
/// threshold it does not exceed, found from a guess as if the thresholds were evenly spaced
/// (a chart's are) and then corrected, so any ascending thresholds give exact counts.
pub(crate) fn count_at_most_unsorted<T: Sample>(
    values: &[T],
    thresholds: &[f64],
    f: impl Fn(T) -> f64 + Sync,
) -> Vec<usize> {
    use rayon::prelude::*;
    let m = thresholds.len();
    if m == 0 {
        return Vec::new();
    }
    let (first, last) = (thresholds[0], thresholds[m - 1]);
    let scale = if last > first {
        (m - 1) as f64 / (last - first)
    } else {
        0.0
    };
    let slot = |v: f64| {
        // `as` saturates (and takes NaN to 0); the loops below make the guess exact.
        let mut j = (((v - first) * scale) as usize).min(m);
        while j > 0 && thresholds[j - 1] >= v {
            j -= 1;
        }
        while j < m && thresholds[j] < v {
            j += 1;
        }
        j
    };
    let hist = values
        .par_chunks(1 << 14)
        .fold(
            || vec![0usize; m + 1],
            |mut hist, chunk| {
                for v in chunk.iter().map(|&x| f(x)).filter(|v| !v.is_nan()) {
                    hist[slot(v)] += 1;
                }
                hist
            },
        )
        .reduce(
            || vec![0usize; m + 1],
            |mut a, b| {
                a.iter_mut().zip(b).for_each(|(x, y)| *x += y);
                a
            },
        );
    hist[..m]
        .iter()
        .scan(0, |sum, c| {
            *sum += c;
            Some(*sum)
        })
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    fn sorted_quantile(samples: &[f32], p: f64) -> f64 {
        let mut s = samples.to_vec();
        s.sort_by(f32::total_cmp);
        f64::from(quantile_sorted(&s, p))
    }

    proptest::proptest! {
        #[test]
        fn selection_matches_sorting(
            samples in proptest::collection::vec(-1e6f32..1e6, 1..300),
            ps in proptest::collection::vec(0.0f64..=1.0, 1..6),
        ) {
            let many = quantiles(&samples, &ps);
            for (i, &p) in ps.iter().enumerate() {
                let expected = sorted_quantile(&samples, p);
                proptest::prop_assert_eq!(many[i], expected);
                proptest::prop_assert_eq!(quantile_in_place(&mut samples.clone(), p), expected);
            }
        }

        #[test]
        fn order_statistics_match_sorting(
            samples in proptest::collection::vec(0u32..50, 1..400),
            picks in proptest::collection::vec(0usize..1000, 1..8),
        ) {
            let mut sorted = samples.clone();
            sorted.sort_unstable();
            let ranks: Vec<usize> = picks.iter().map(|p| p % samples.len()).collect();
            let got = order_statistics(&mut samples.clone(), &ranks);
            let want: Vec<u32> = ranks.iter().map(|&r| sorted[r]).collect();
            proptest::prop_assert_eq!(got, want);
            let mut counts = vec![0usize; 50];
            for &s in &samples {
                counts[s as usize] += 1;
            }
            for p in [0.0, 0.1, 0.5, 0.8, 0.95, 1.0] {
                proptest::prop_assert_eq!(quantile_of_counts(&counts, p), Some(quantile_sorted(&sorted, p)));
            }
        }

        #[test]
        fn quantiles_are_ordered(samples in proptest::collection::vec(0f32..1e4, 1..300)) {
            let q = quantiles(&samples, &[0.0, 0.1, 0.5, 0.8, 0.95, 1.0]);
            proptest::prop_assert!(q.windows(2).all(|w| w[0] <= w[1]));
        }
    }

    /// Samples with many ties, negatives, signed zeros and a wide spread.
    fn awkward() -> impl proptest::strategy::Strategy<Value = Vec<f32>> {
        use proptest::prelude::*;
        proptest::collection::vec(
            prop_oneof![
                -1e3f32..1e3,
                (0u8..5).prop_map(f32::from),
                Just(-0.0f32),
                Just(0.0f32),
                -1e30f32..1e30,
            ],
            1..400,
        )
    }

    proptest::proptest! {
        #[test]
        fn buckets_give_the_order_statistics_and_counts_of_sorting(
            samples in awkward(),
            picks in proptest::collection::vec(0usize..1000, 1..8),
            thresholds in proptest::collection::vec(-2e3f32..2e3, 0..8),
        ) {
            let mut sorted = samples.clone();
            sorted.sort_by(f32::total_cmp);
            let buckets = Buckets::of(&samples);
            let ranks: Vec<usize> = picks.iter().map(|p| p % samples.len()).collect();
            let got: Vec<u32> = buckets
                .order_statistics(&samples, &ranks)
                .iter()
                .map(|v| v.to_bits())
                .collect();
            let want: Vec<u32> = ranks.iter().map(|&r| sorted[r].to_bits()).collect();
            proptest::prop_assert_eq!(got, want);
            let counts = buckets.count_at_most(&samples, &thresholds);
            let want: Vec<usize> = thresholds
                .iter()
                .map(|&g| samples.iter().filter(|&&v| v <= g).count())
                .collect();
            proptest::prop_assert_eq!(counts, want);
        }
    }

    #[test]
    fn buckets_of_samples_that_are_not_all_finite_are_still_exact() {
        let samples = [
            3.0f32,
            f32::INFINITY,
            -1.0,
            f32::NAN,
            2.0,
            f32::NEG_INFINITY,
            2.0,
        ];
        let mut sorted = samples.to_vec();
        sorted.sort_by(f32::total_cmp);
        let buckets = Buckets::of(&samples);
        let ranks: Vec<usize> = (0..samples.len()).collect();
        let got = buckets.order_statistics(&samples, &ranks);
        assert_eq!(
            got.iter().map(|v| v.to_bits()).collect::<Vec<_>>(),
            sorted.iter().map(|v| v.to_bits()).collect::<Vec<_>>()
        );
        assert_eq!(
            buckets.count_at_most(&samples, &[-5.0, 2.0, 1e38]),
            [1, 4, 5]
        );
        // All equal, and a large sample whose selection spans several parallel pieces.
        let same = vec![7.5f32; 1000];
        assert_eq!(
            Buckets::of(&same).order_statistics(&same, &[0, 999]),
            [7.5, 7.5]
        );
        let many: Vec<f32> = (0..300_000u32)
            .map(|i| (i.wrapping_mul(2_654_435_761) % 100_003) as f32 * 0.01)
            .collect();
        let mut sorted = many.clone();
        sorted.sort_by(f32::total_cmp);
        let ranks = [0, 29_999, 150_000, 240_000, 284_999, 299_999];
        assert_eq!(
            Buckets::of(&many).order_statistics(&many, &ranks),
            ranks.map(|r| sorted[r])
        );
    }

    #[test]
    fn large_selection_in_parallel_matches_sorting() {
        // Big enough that both halves of the first split run on their own.
        let samples: Vec<f32> = (0..400_000u32)
            .map(|i| (i.wrapping_mul(2_654_435_761) % 1_000_003) as f32)
            .collect();
        let mut sorted = samples.clone();
        sorted.sort_by(f32::total_cmp);
        let ps = [0.01, 0.10, 0.5, 0.8, 0.9, 0.95, 0.99];
        let got = quantiles(&samples, &ps);
        for (p, q) in ps.iter().zip(got) {
            assert_eq!(q, f64::from(quantile_sorted(&sorted, *p)));
        }
    }

    #[test]
    fn counting_matches_the_sorted_cdf() {
        let values: Vec<f64> = (0..100_000u32)
            .map(|i| f64::from(i.wrapping_mul(2_654_435_761) % 10_007) / 7.0)
            .collect();
        let mut sorted = values.clone();
        sorted.sort_by(f64::total_cmp);
        let xs: Vec<f64> = (0..60).map(|i| -10.0 + f64::from(i) * 30.0).collect();
        assert_eq!(
            count_at_most_unsorted(&values, &xs, |v| v),
            sorted.count_at_most(&xs)
        );
        // Uneven thresholds and values beyond them count exactly too.
        let uneven = [-5.0, 0.0, 0.5, 3.0, 700.0, 1_000.0, 1_400.0, 1_430.0];
        assert_eq!(
            count_at_most_unsorted(&values, &uneven, |v| v),
            sorted.count_at_most(&uneven)
        );
    }

    #[test]
    fn small_cases() {
        let s = [3.0f32, 1.0, 2.0, 4.0];
        // The smallest sample with at least half at or below it.
        assert_eq!(quantiles(&s, &[0.5]), vec![2.0]);
        assert_eq!(quantiles(&s, &[0.0, 0.51, 1.0]), vec![1.0, 3.0, 4.0]);
        // 0.8 of 5 is 4 in decimal, whatever binary rounding makes of it.
        assert_eq!(rank(5, 0.8), 3);
        assert_eq!(rank(10, 0.7), 6);
        assert_eq!(rank(20_000, 0.1), 1_999);
        assert_eq!(mean(&s), 2.5);
        assert_eq!(probability_at_most(&s, 2.0), 0.5);
        let summary = Summary::of(&[7.0]).unwrap();
        assert_eq!((summary.mean, summary.p10, summary.p95), (7.0, 7.0, 7.0));
        assert!(Summary::of::<f64>(&[]).is_none());
        assert_eq!(quantile_of_counts(&[0, 0], 0.5), None);
        assert_eq!(
            [
                level_name(0.8),
                level_name(0.9),
                level_name(0.875),
                level_name(0.95)
            ],
            ["P80", "P90", "P87.5", "P95"]
        );
    }
}
