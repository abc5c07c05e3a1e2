//! Summaries of simulated samples: empirical quantiles (by selection, not a full sort),
//! the mean, and the probability of staying at or under a threshold.

use std::cmp::Ordering;

/// A number the summaries work on: the simulation's `f64` hours and `f32` days.
pub trait Sample: Copy + sealed::Sealed {
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

mod sealed {
    pub trait Sealed {}
    impl Sealed for f64 {}
    impl Sealed for f32 {}
}

/// The figures every report shows for a simulated quantity.
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
        let q = quantiles(samples, &[0.10, 0.50, 0.80, 0.95]);
        Some(Summary {
            mean: mean(samples),
            p10: q[0],
            p50: q[1],
            p80: q[2],
            p95: q[3],
        })
    }
}

/// The mean, summed in `f64` in sample order (so the same samples give the same bits).
/// `NaN` for no samples.
pub fn mean<T: Sample>(samples: &[T]) -> f64 {
    let sum: f64 = samples.iter().map(|&x| x.to_f64()).sum();
    sum / samples.len() as f64
}

/// The share of samples at or under `threshold`: P(X ≤ threshold). `NaN` for no samples.
pub fn probability_at_most<T: Sample>(samples: &[T], threshold: f64) -> f64 {
    let hits = samples.iter().filter(|&&x| x.to_f64() <= threshold).count();
    hits as f64 / samples.len() as f64
}

/// The empirical `p`-quantile of `samples` (0 ≤ p ≤ 1), interpolating between order
/// statistics as NumPy and R do by default ("type 7": position `(n − 1)·p`). Reorders
/// `samples`; `O(n)` on average. Panics on an empty slice or `p` outside `[0, 1]`.
pub fn quantile_in_place<T: Sample>(samples: &mut [T], p: f64) -> f64 {
    assert!(!samples.is_empty(), "quantile of no samples");
    select_quantile(samples, 0, p)
}

/// Several empirical quantiles at once (type 7, as [`quantile_in_place`]), in the order
/// of `ps`. Copies `samples` once; each selection then works only on the part above the
/// previous one. Panics on an empty slice or a probability outside `[0, 1]`.
pub fn quantiles<T: Sample>(samples: &[T], ps: &[f64]) -> Vec<f64> {
    assert!(!samples.is_empty(), "quantiles of no samples");
    let mut work = samples.to_vec();
    let mut order: Vec<usize> = (0..ps.len()).collect();
    order.sort_by(|&a, &b| ps[a].total_cmp(&ps[b]));
    let mut out = vec![0.0; ps.len()];
    let mut start = 0;
    for &i in &order {
        out[i] = select_quantile(&mut work, start, ps[i]);
        start = position(work.len(), ps[i]).0;
    }
    out
}

/// Where the `p`-quantile of `n` samples lies: the order statistic below it and the
/// weight of the next one.
fn position(n: usize, p: f64) -> (usize, f64) {
    assert!(
        (0.0..=1.0).contains(&p),
        "quantile probability {p} is outside [0, 1]"
    );
    let position = (n - 1) as f64 * p;
    let below = position.floor() as usize;
    (below, position - below as f64)
}

/// The `p`-quantile of `samples`, given that `samples[..start]` already holds the smallest
/// `start` values (so the selection can skip them).
fn select_quantile<T: Sample>(samples: &mut [T], start: usize, p: f64) -> f64 {
    let (below, weight) = position(samples.len(), p);
    let rest = &mut samples[start..];
    let (_, lower, above) = rest.select_nth_unstable_by(below - start, T::order);
    let lower = lower.to_f64();
    if weight == 0.0 || above.is_empty() {
        return lower;
    }
    // The next order statistic is the least of what selection put above.
    let upper = above
        .iter()
        .map(|x| x.to_f64())
        .fold(f64::INFINITY, f64::min);
    lower + weight * (upper - lower)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn sorted_quantile(samples: &[f32], p: f64) -> f64 {
        let mut s = samples.to_vec();
        s.sort_by(f32::total_cmp);
        let position = (s.len() - 1) as f64 * p;
        let below = position.floor() as usize;
        let lower = f64::from(s[below]);
        match s.get(below + 1) {
            Some(&upper) => lower + (position - below as f64) * (f64::from(upper) - lower),
            None => lower,
        }
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
        fn quantiles_are_ordered(samples in proptest::collection::vec(0f32..1e4, 1..300)) {
            let q = quantiles(&samples, &[0.0, 0.1, 0.5, 0.8, 0.95, 1.0]);
            proptest::prop_assert!(q.windows(2).all(|w| w[0] <= w[1]));
        }
    }

    #[test]
    fn small_cases() {
        let s = [3.0f32, 1.0, 2.0, 4.0];
        assert_eq!(quantiles(&s, &[0.5]), vec![2.5]);
        assert_eq!(quantiles(&s, &[0.0, 1.0]), vec![1.0, 4.0]);
        assert_eq!(mean(&s), 2.5);
        assert_eq!(probability_at_most(&s, 2.0), 0.5);
        let summary = Summary::of(&[7.0]).unwrap();
        assert_eq!((summary.mean, summary.p10, summary.p95), (7.0, 7.0, 7.0));
        assert!(Summary::of::<f64>(&[]).is_none());
    }
}
