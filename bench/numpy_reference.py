#!/usr/bin/env python3
"""The NumPy reference for trekant's simulation benchmark.

The same model as `crates/trekant-bench` (the same items, from the same formula): PERT
items, their errors coupled by a Gaussian copula with one common factor
(z_i = sqrt(rho) * Z + sqrt(1 - rho) * eps_i), the hours summed per trial.

`--method rank` (the reference the benchmark's ratio is taken against) is the
straightforward NumPy way: NumPy can draw from the beta distribution but has no inverse
incomplete beta function to map Phi(z_i) through, so each item's exact beta draws are sorted
and handed to the trials in the order of the item's z_i. That is the Gaussian copula with the
item's empirical distribution as its marginal, the standard way to impose a rank correlation
on independent draws. (SciPy's `betaincinv(a, b, ndtr(z))` would be the textbook route, and is
far slower still.)

`--method table` is NumPy given the engine's own trick: each item's quantile function over
z, G(z) = F^-1(Phi(z)), tabulated once and interpolated with `np.interp`. It is there to
show how much of the gap is the method and how much is the language.

Prints the time of each run, the mean and P80 of the total hours (to check that it is the same
model as the Rust run), and finally `best_seconds <s>` for bench/run.sh.
"""

import argparse
import math
import time

import numpy as np


def items(n):
    """The benchmark's items: the formula in crates/trekant-bench/src/main.rs."""
    out = []
    for k in range(n):
        low = 4.0 + 2.0 * (k % 7)
        likely = low * (1.5 + 0.1 * (k % 5))
        high = likely * (2.0 + 0.25 * (k % 4))
        out.append((low, likely, high))
    return out


def pert_shape(low, likely, high):
    alpha = 1.0 + 4.0 * (likely - low) / (high - low)
    beta = 1.0 + 4.0 * (high - likely) / (high - low)
    return alpha, beta


def simulate_rank(model, rho, trials, seed):
    rng = np.random.default_rng(seed)
    a, b = math.sqrt(rho), math.sqrt(1.0 - rho)
    common = rng.standard_normal(trials)
    total = np.zeros(trials)
    for low, likely, high in model:
        alpha, beta = pert_shape(low, likely, high)
        z = a * common + b * rng.standard_normal(trials)
        draws = np.sort(rng.beta(alpha, beta, trials))
        x = np.empty(trials)
        x[np.argsort(z)] = draws
        total += low + (high - low) * x
    return total


Z_MAX = 6.0
Z_NODES = 513


def quantile_table(low, likely, high, grid_points=20001):
    """G(z) = F^-1(Phi(z)) at evenly spaced z: the beta CDF by the trapezoid rule on a fine
    grid, inverted by interpolation."""
    alpha, beta = pert_shape(low, likely, high)
    x = np.linspace(0.0, 1.0, grid_points)
    with np.errstate(divide="ignore", invalid="ignore"):
        density = np.where((x > 0) & (x < 1), x ** (alpha - 1) * (1 - x) ** (beta - 1), 0.0)
    cdf = np.concatenate(([0.0], np.cumsum(0.5 * (density[1:] + density[:-1]))))
    cdf /= cdf[-1]
    z = np.linspace(-Z_MAX, Z_MAX, Z_NODES)
    p = np.array([0.5 * math.erfc(-v / math.sqrt(2.0)) for v in z])
    return low + (high - low) * np.interp(p, cdf, x)


def simulate_table(model, rho, trials, seed):
    rng = np.random.default_rng(seed)
    a, b = math.sqrt(rho), math.sqrt(1.0 - rho)
    zgrid = np.linspace(-Z_MAX, Z_MAX, Z_NODES)
    tables = [quantile_table(*item) for item in model]
    common = a * rng.standard_normal(trials)
    total = np.zeros(trials)
    for table in tables:
        z = common + b * rng.standard_normal(trials)
        total += np.interp(z, zgrid, table)
    return total


def main():
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--items", type=int, default=100)
    parser.add_argument("--trials", type=int, default=1_000_000)
    parser.add_argument("--repeat", type=int, default=3)
    parser.add_argument("--seed", type=int, default=7)
    parser.add_argument("--correlation", type=float, default=0.3)
    parser.add_argument("--method", choices=["rank", "table"], default="rank")
    parser.add_argument(
        "--summary",
        action="store_true",
        help="time the estimate's summary too: mean, quantiles of hours and cost, P(cost <= budget)",
    )
    args = parser.parse_args()

    simulate = simulate_rank if args.method == "rank" else simulate_table
    model = items(args.items)
    times = []
    total = None
    for _ in range(args.repeat):
        start = time.perf_counter()
        total = simulate(model, args.correlation, args.trials, args.seed)
        if args.summary:
            cost = total * 900.0
            levels = [0.1, 0.5, 0.8, 0.95, 0.9]
            np.quantile(total, levels, method="inverted_cdf")
            np.quantile(cost, levels, method="inverted_cdf")
            total.mean(), cost.mean(), np.count_nonzero(cost <= cost.mean())
        times.append(time.perf_counter() - start)
    times.sort()
    print(
        f"numpy ({args.method}{' + summary' if args.summary else ''}): "
        f"{args.items} items x {args.trials} trials, "
        f"numpy {np.__version__}, one thread"
    )
    print(
        f"  best {times[0]:.4f} s, median {times[len(times) // 2]:.4f} s over {len(times)} runs"
    )
    p10, p50, p80, p95 = np.quantile(total, [0.1, 0.5, 0.8, 0.95])
    print(
        f"  hours: mean {total.mean():.1f}  p10 {p10:.1f}  p50 {p50:.1f}  "
        f"p80 {p80:.1f}  p95 {p95:.1f}"
    )
    print(f"best_seconds {times[0]:.6f}")


if __name__ == "__main__":
    main()
