//! The simulation against answers computed another way: closed forms, the incomplete beta
//! function, the normal approximation of a sum, and an exact (slow) sampler of the same
//! model; plus its promises about seeds, threads, scopes and risks.

use rand::SeedableRng;
use rand_distr::{Distribution as _, StandardNormal};
use rand_xoshiro::Xoshiro256PlusPlus;
use statrs::distribution::{ContinuousCDF, Normal};
use statrs::function::beta::inv_beta_reg;
use trekant_core::forecast::simulate::{
    DEFAULT_TRIALS, Distribution, EstimateProblem, ItemEffort, Model, RiskModel, Samples, SimError,
    Simulator, Summary, mean, probability_at_most, quantiles, simulate,
};

const PS: [f64; 8] = [0.05, 0.10, 0.25, 0.50, 0.75, 0.80, 0.90, 0.95];

fn model(items: Vec<ItemEffort>, distribution: Distribution, correlation: f64) -> Model {
    Model {
        items,
        risks: Vec::new(),
        distribution,
        correlation,
        calibrated: Vec::new(),
    }
}

fn all(model: &Model) -> Vec<bool> {
    vec![true; model.items.len()]
}

fn run(model: &Model, trials: usize, seed: u64) -> Samples {
    simulate(model, &all(model), trials, seed).expect("valid model")
}

fn assert_close(what: &str, got: f64, want: f64, relative: f64) {
    assert!(
        ((got - want) / want).abs() <= relative,
        "{what}: got {got}, want {want} (within {:.2}%)",
        relative * 100.0
    );
}

/// Exact PERT quantile through the regularised incomplete beta function.
fn pert_quantile(e: ItemEffort, p: f64) -> f64 {
    let mode = (e.likely - e.low) / (e.high - e.low);
    let (a, b) = (1.0 + 4.0 * mode, 1.0 + 4.0 * (1.0 - mode));
    e.low + (e.high - e.low) * inv_beta_reg(a, b, p)
}

fn pert_mean(e: ItemEffort) -> f64 {
    (e.low + 4.0 * e.likely + e.high) / 6.0
}

fn pert_variance(e: ItemEffort) -> f64 {
    let mode = (e.likely - e.low) / (e.high - e.low);
    let (a, b) = (1.0 + 4.0 * mode, 1.0 + 4.0 * (1.0 - mode));
    a * b / ((a + b).powi(2) * (a + b + 1.0)) * (e.high - e.low).powi(2)
}

/// A spread of skewed items, like a real brief's.
fn varied_items(n: usize) -> Vec<ItemEffort> {
    (0..n)
        .map(|k| {
            let low = 3.0 + (k % 7) as f64 * 2.0;
            let likely = low * (1.3 + 0.15 * (k % 5) as f64);
            let high = likely * (1.8 + 0.3 * (k % 4) as f64);
            ItemEffort::new(low, likely, high)
        })
        .collect()
}

#[test]
fn single_pert_item_matches_incomplete_beta_quantiles() {
    for item in [
        ItemEffort::new(10.0, 20.0, 60.0),
        ItemEffort::new(2.0, 2.0, 9.0),
        ItemEffort::new(40.0, 75.0, 80.0),
    ] {
        let m = model(vec![item], Distribution::Pert, 0.3);
        let samples = run(&m, 1_000_000, 11);
        let got = quantiles(&samples.hours, &PS);
        for (p, got) in PS.iter().zip(got) {
            assert_close(
                &format!("{item:?} P{}", p * 100.0),
                got,
                pert_quantile(item, *p),
                0.005,
            );
        }
        assert_close("mean", mean(&samples.hours), pert_mean(item), 0.002);
    }
}

#[test]
fn single_triangular_item_matches_closed_form_quantiles() {
    let (low, likely, high) = (5.0, 8.0, 20.0);
    let c = (likely - low) / (high - low);
    let exact = |p: f64| {
        let x = if p < c {
            (p * c).sqrt()
        } else {
            1.0 - ((1.0 - p) * (1.0 - c)).sqrt()
        };
        low + (high - low) * x
    };
    let m = model(
        vec![ItemEffort::new(low, likely, high)],
        Distribution::Triangular,
        0.3,
    );
    let samples = run(&m, 1_000_000, 12);
    for (p, got) in PS.iter().zip(quantiles(&samples.hours, &PS)) {
        assert_close(&format!("triangular P{}", p * 100.0), got, exact(*p), 0.005);
    }
    assert_close(
        "mean",
        mean(&samples.hours),
        (low + likely + high) / 3.0,
        0.002,
    );
}

#[test]
fn lognormal_item_has_low_and_high_as_its_5th_and_95th_percentiles() {
    let m = model(
        vec![ItemEffort::new(8.0, 12.0, 40.0)],
        Distribution::Lognormal,
        0.3,
    );
    let samples = run(&m, 1_000_000, 13);
    let q = quantiles(&samples.hours, &[0.05, 0.5, 0.95]);
    assert_close("P5", q[0], 8.0, 0.005);
    assert_close(
        "P50 (geometric mean of low and high)",
        q[1],
        (8.0f64 * 40.0).sqrt(),
        0.005,
    );
    assert_close("P95", q[2], 40.0, 0.005);
}

#[test]
fn sum_of_independent_items_matches_the_normal_approximation() {
    let items = varied_items(100);
    let mu: f64 = items.iter().map(|e| pert_mean(*e)).sum();
    let var: f64 = items.iter().map(|e| pert_variance(*e)).sum();
    let m = model(items, Distribution::Pert, 0.0);
    let samples = run(&m, 200_000, 14);
    let got_mean = mean(&samples.hours);
    let got_var = samples
        .hours
        .iter()
        .map(|h| (h - got_mean).powi(2))
        .sum::<f64>()
        / (samples.hours.len() - 1) as f64;
    assert_close("mean", got_mean, mu, 0.0005);
    assert_close("variance", got_var, var, 0.02);
    let normal = Normal::new(mu, var.sqrt()).unwrap();
    for (p, got) in [0.1, 0.5, 0.8, 0.9]
        .iter()
        .zip(quantiles(&samples.hours, &[0.1, 0.5, 0.8, 0.9]))
    {
        assert_close(
            &format!("P{}", p * 100.0),
            got,
            normal.inverse_cdf(*p),
            0.005,
        );
    }
}

#[test]
fn correlation_widens_the_spread_of_the_total_but_not_its_mean() {
    let items = varied_items(20);
    let mu: f64 = items.iter().map(|e| pert_mean(*e)).sum();
    let spread = |rho: f64| {
        let s = run(&model(items.clone(), Distribution::Pert, rho), 200_000, 15);
        let q = quantiles(&s.hours, &[0.1, 0.9]);
        (mean(&s.hours), q[1] - q[0])
    };
    let (mean0, width0) = spread(0.0);
    let (mean3, width3) = spread(0.3);
    let (mean8, width8) = spread(0.8);
    for (rho, m) in [(0.0, mean0), (0.3, mean3), (0.8, mean8)] {
        assert_close(&format!("mean at ρ = {rho}"), m, mu, 0.002);
    }
    assert!(width3 > 1.3 * width0, "ρ = 0.3 widens: {width0} → {width3}");
    assert!(
        width8 > 1.3 * width3,
        "ρ = 0.8 widens more: {width3} → {width8}"
    );
}

#[test]
fn full_correlation_adds_up_the_items_quantiles() {
    // With ρ = 1 every item sits at the same quantile in each trial, so the total's
    // quantiles are the sums of the items' quantiles.
    let items = varied_items(10);
    let samples = run(&model(items.clone(), Distribution::Pert, 1.0), 400_000, 16);
    for (p, got) in [0.1, 0.5, 0.9]
        .iter()
        .zip(quantiles(&samples.hours, &[0.1, 0.5, 0.9]))
    {
        let want: f64 = items.iter().map(|e| pert_quantile(*e, *p)).sum();
        assert_close(&format!("P{}", p * 100.0), got, want, 0.005);
    }
}

/// The same model sampled exactly, the slow way: normal draws from `rand_distr`, Φ and the
/// inverse incomplete beta from `statrs`. Nothing shared with the engine.
fn exact_sampler(items: &[ItemEffort], rho: f64, trials: usize, seed: u64) -> Vec<f64> {
    let mut rng = Xoshiro256PlusPlus::seed_from_u64(seed);
    let phi = Normal::standard();
    (0..trials)
        .map(|_| {
            let common: f64 = StandardNormal.sample(&mut rng);
            items
                .iter()
                .map(|&e| {
                    let own: f64 = StandardNormal.sample(&mut rng);
                    let z = rho.sqrt() * common + (1.0 - rho).sqrt() * own;
                    pert_quantile(e, phi.cdf(z))
                })
                .sum()
        })
        .collect()
}

#[test]
fn table_sampling_agrees_with_exact_sampling() {
    let items = varied_items(8);
    let trials = 60_000;
    let exact = exact_sampler(&items, 0.3, trials, 17);
    let fast = run(&model(items, Distribution::Pert, 0.3), trials, 17);
    let ps = [0.1, 0.5, 0.8, 0.95];
    let want = quantiles(&exact, &ps);
    let got = quantiles(&fast.hours, &ps);
    for i in 0..ps.len() {
        assert_close(&format!("P{}", ps[i] * 100.0), got[i], want[i], 0.005);
    }
}

/// A project like the examples': a handful of items and two risks.
fn typical() -> Model {
    Model {
        items: vec![
            ItemEffort::new(6.0, 10.0, 20.0),
            ItemEffort::new(25.0, 40.0, 80.0),
            ItemEffort::new(8.0, 12.0, 30.0),
            ItemEffort::certain(4.0),
            ItemEffort::new(10.0, 16.0, 40.0),
            ItemEffort::new(3.0, 5.0, 12.0),
        ],
        risks: vec![
            RiskModel {
                probability: 0.4,
                effort: Some([2.0, 5.0, 10.0]),
                delay: Some([3.0, 7.0, 15.0]),
            },
            RiskModel {
                probability: 0.2,
                effort: Some([4.0, 8.0, 24.0]),
                delay: None,
            },
        ],
        distribution: Distribution::Pert,
        correlation: 0.3,
        calibrated: Vec::new(),
    }
}

#[test]
fn same_seed_same_bits_and_seeds_agree_on_p80() {
    let m = typical();
    let a = run(&m, DEFAULT_TRIALS, 7);
    let b = run(&m, DEFAULT_TRIALS, 7);
    assert_eq!(a, b);
    let p80 = |s: &Samples| quantiles(&s.hours, &[0.8])[0];
    let reference = p80(&a);
    for seed in [1, 2, 3, 42, 1234, u64::MAX] {
        let other = run(&m, DEFAULT_TRIALS, seed);
        assert_ne!(other.hours, a.hours, "seed {seed} gives other draws");
        assert_close(
            &format!("P80 with seed {seed}"),
            p80(&other),
            reference,
            0.01,
        );
    }
}

#[test]
fn threads_do_not_change_the_bits() {
    let m = typical();
    let in_pool = |threads: usize| {
        rayon::ThreadPoolBuilder::new()
            .num_threads(threads)
            .build()
            .unwrap()
            .install(|| run(&m, 50_000, 99))
    };
    let one = in_pool(1);
    assert_eq!(one, in_pool(2));
    assert_eq!(one, in_pool(8));
}

#[test]
fn a_longer_run_extends_a_shorter_one() {
    let m = typical();
    let short = run(&m, 10_000, 5);
    let long = run(&m, 25_000, 5);
    assert_eq!(short.hours[..], long.hours[..10_000]);
    assert_eq!(short.delay_days[..], long.delay_days[..10_000]);
}

#[test]
fn scopes_share_random_numbers() {
    let m = Model {
        risks: Vec::new(),
        ..typical()
    };
    let sim = Simulator::new(&m).unwrap();
    let n = m.items.len();
    let only = |i: usize| {
        let mask: Vec<bool> = (0..n).map(|j| j == i).collect();
        sim.run(&mask, 20_000, 3).unwrap().hours
    };
    let singles: Vec<Vec<f64>> = (0..n).map(only).collect();
    let everything = sim.run(&vec![true; n], 20_000, 3).unwrap().hours;
    let without_1 = sim
        .run(&[true, false, true, true, true, true], 20_000, 3)
        .unwrap()
        .hours;
    for t in 0..20_000 {
        let sum: f64 = singles.iter().map(|s| s[t]).sum();
        // Equal up to the f32 rounding of the per-trial sum.
        assert!((everything[t] - sum).abs() <= 1e-5 * sum, "trial {t}");
        let added = everything[t] - without_1[t];
        assert!(
            (added - singles[1][t]).abs() <= 1e-5 * everything[t],
            "trial {t}"
        );
    }
    // Item 1's draws are the same whatever else is in scope, so its own distribution is too.
    assert_eq!(singles[1], only(1));
}

#[test]
fn certain_items_contribute_exactly_their_value() {
    let m = model(
        vec![ItemEffort::certain(12.5), ItemEffort::certain(7.25)],
        Distribution::Pert,
        0.3,
    );
    let s = run(&m, 5_000, 1);
    assert!(s.hours.iter().all(|&h| h == 19.75));
    assert!(s.delay_days.iter().all(|&d| d == 0.0));

    let mut mixed = typical();
    mixed.risks.clear();
    let sim = Simulator::new(&mixed).unwrap();
    let with = sim.run(&[true; 6], 5_000, 2).unwrap();
    let without = sim
        .run(&[true, true, true, false, true, true], 5_000, 2)
        .unwrap();
    for (w, wo) in with.hours.iter().zip(&without.hours) {
        assert!((w - wo - 4.0).abs() < 1e-4, "{w} - {wo}");
    }
}

#[test]
fn risks_fire_with_their_probability() {
    let item = vec![ItemEffort::new(10.0, 20.0, 30.0)];
    let risk = |probability: f64| RiskModel {
        probability,
        effort: Some([2.0, 5.0, 10.0]),
        delay: Some([3.0, 7.0, 15.0]),
    };
    let with_risks = |risks: Vec<RiskModel>| Model {
        items: item.clone(),
        risks,
        distribution: Distribution::Pert,
        correlation: 0.3,
        calibrated: Vec::new(),
    };
    let plain = run(&with_risks(Vec::new()), 50_000, 4);

    let never = run(&with_risks(vec![risk(0.0)]), 50_000, 4);
    assert_eq!(never, plain, "probability 0 never fires");

    let always = run(&with_risks(vec![risk(1.0)]), 50_000, 4);
    assert!(
        always
            .delay_days
            .iter()
            .all(|&d| (3.0 - 1e-4..=15.0 + 1e-4).contains(&d))
    );
    for (a, p) in always.hours.iter().zip(&plain.hours) {
        let extra = a - p;
        assert!(
            (2.0 - 1e-4..=10.0 + 1e-4).contains(&extra),
            "extra hours {extra}"
        );
    }
    let delay_mean = mean(&always.delay_days);
    assert_close(
        "delay mean",
        delay_mean,
        (3.0 + 4.0 * 7.0 + 15.0) / 6.0,
        0.01,
    );

    let sometimes = run(&with_risks(vec![risk(0.3)]), 200_000, 4);
    let fired = 1.0 - probability_at_most(&sometimes.delay_days, 0.0);
    assert!((fired - 0.3).abs() < 0.005, "fired in {fired} of trials");
}

#[test]
fn summary_reads_the_samples() {
    let s = run(&typical(), DEFAULT_TRIALS, 8);
    let summary = Summary::of(&s.hours).unwrap();
    let q = quantiles(&s.hours, &[0.1, 0.5, 0.8, 0.95]);
    assert_eq!(
        [summary.p10, summary.p50, summary.p80, summary.p95],
        [q[0], q[1], q[2], q[3]]
    );
    assert!(summary.p10 < summary.p50 && summary.p50 < summary.p80 && summary.p80 < summary.p95);
    assert_eq!(summary.mean, mean(&s.hours));
}

#[test]
fn invalid_models_are_errors_not_panics() {
    let mut m = typical();
    m.correlation = 1.5;
    assert_eq!(Simulator::new(&m).err(), Some(SimError::Correlation(1.5)));

    let mut m = typical();
    m.items[2] = ItemEffort::new(10.0, 5.0, 20.0);
    assert_eq!(
        Simulator::new(&m).err(),
        Some(SimError::Item {
            index: 2,
            problem: EstimateProblem::NotOrdered
        })
    );

    let mut m = typical();
    m.items[0] = ItemEffort::new(f64::NAN, 5.0, 20.0);
    assert!(matches!(
        Simulator::new(&m),
        Err(SimError::Item { index: 0, .. })
    ));

    let mut m = typical();
    m.distribution = Distribution::Lognormal;
    m.items[0] = ItemEffort::new(0.0, 5.0, 20.0);
    assert_eq!(
        Simulator::new(&m).err(),
        Some(SimError::Item {
            index: 0,
            problem: EstimateProblem::LognormalNotPositive
        })
    );

    let mut m = typical();
    m.risks[1].probability = -0.1;
    assert!(matches!(
        Simulator::new(&m),
        Err(SimError::Risk { index: 1, .. })
    ));

    let sim = Simulator::new(&typical()).unwrap();
    assert_eq!(
        sim.run(&[true, false], 10, 1).err(),
        Some(SimError::MaskLength { mask: 2, items: 6 })
    );
    assert_eq!(sim.run(&[true; 6], 0, 1).unwrap(), Samples::default());
}

#[test]
fn calibrated_items_follow_their_quantile_points() {
    use trekant_core::forecast::simulate::QuantilePoints;
    // Hours uniform on [10, 30]: the quantile function 10 + 20p.
    let points = QuantilePoints(
        (1..200)
            .map(|k| (k as f64 / 200.0, 10.0 + 20.0 * k as f64 / 200.0))
            .collect(),
    );
    let mut m = model(
        vec![ItemEffort::new(1.0, 2.0, 3.0)],
        Distribution::Pert,
        0.0,
    );
    m.calibrated = vec![Some(points)];
    let samples = simulate(&m, &all(&m), 50_000, 3).unwrap();
    for p in [0.1, 0.5, 0.9] {
        let q = quantiles(&samples.hours, &[p])[0];
        let exact = 10.0 + 20.0 * p;
        assert!(
            (q - exact).abs() < 0.01 * exact + 0.1,
            "p{p}: {q} vs {exact}"
        );
    }
    let mut bad = m.clone();
    bad.calibrated = vec![Some(QuantilePoints(vec![(0.5, 3.0), (0.4, 2.0)]))];
    assert!(simulate(&bad, &all(&bad), 10, 1).is_err());
    bad.calibrated = vec![None, None];
    assert!(simulate(&bad, &all(&bad), 10, 1).is_err());
}
