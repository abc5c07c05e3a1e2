//! Times trekant's Monte Carlo simulation on the benchmark model that
//! `bench/numpy_reference.py` also builds, and reports peak memory; `bench/run.sh` runs both
//! and prints the ratio.
//!
//! Usage: `trekant-bench [--items N] [--trials N] [--repeat N] [--seed N] [--risks N]`
//! Prints one line per measurement and, last, `best_seconds <s>` for the runner to read.

// A program that reports to the terminal: printing is its job.
#![allow(clippy::print_stdout, clippy::print_stderr)]

use std::time::{Duration, Instant};

use trekant_core::forecast::simulate::{
    self, Distribution, ItemEffort, Model, RiskModel, Simulator, Summary,
};

/// The benchmark model: `items` PERT items with varied, skewed estimates (the same formula
/// as `bench/numpy_reference.py`), correlation 0.3, and `risks` risks.
fn model(items: usize, risks: usize) -> Model {
    Model {
        items: (0..items)
            .map(|k| {
                let low = 4.0 + 2.0 * (k % 7) as f64;
                let likely = low * (1.5 + 0.1 * (k % 5) as f64);
                let high = likely * (2.0 + 0.25 * (k % 4) as f64);
                ItemEffort::new(low, likely, high)
            })
            .collect(),
        risks: (0..risks)
            .map(|r| RiskModel {
                probability: 0.1 + 0.05 * (r % 5) as f64,
                effort: Some([2.0, 5.0, 12.0]),
                delay: Some([1.0, 3.0, 10.0]),
            })
            .collect(),
        distribution: Distribution::Pert,
        correlation: 0.3,
        calibrated: Vec::new(),
    }
}

struct Args {
    items: usize,
    trials: usize,
    repeat: usize,
    seed: u64,
    risks: usize,
}

fn parse_args() -> Result<Args, String> {
    let mut args = Args {
        items: 100,
        trials: 1_000_000,
        repeat: 10,
        seed: 7,
        risks: 0,
    };
    let mut it = std::env::args().skip(1);
    while let Some(flag) = it.next() {
        let value = it.next().ok_or_else(|| format!("{flag} needs a value"))?;
        let number = |v: &str| v.parse::<u64>().map_err(|e| format!("{flag} {v}: {e}"));
        match flag.as_str() {
            "--items" => args.items = number(&value)? as usize,
            "--trials" => args.trials = number(&value)? as usize,
            "--repeat" => args.repeat = number(&value)?.max(1) as usize,
            "--seed" => args.seed = number(&value)?,
            "--risks" => args.risks = number(&value)? as usize,
            _ => return Err(format!("unknown flag {flag}")),
        }
    }
    Ok(args)
}

/// Peak resident memory of this process so far, in MiB (Linux `VmHWM`).
fn peak_rss_mib() -> Option<f64> {
    let status = std::fs::read_to_string("/proc/self/status").ok()?;
    let line = status.lines().find(|l| l.starts_with("VmHWM:"))?;
    let kib: f64 = line.split_whitespace().nth(1)?.parse().ok()?;
    Some(kib / 1024.0)
}

/// CPU time this process has used so far (user + system), in seconds (Linux
/// `/proc/self/stat`, in clock ticks of 10 ms).
fn cpu_seconds() -> Option<f64> {
    let stat = std::fs::read_to_string("/proc/self/stat").ok()?;
    // Fields after the command name, which is in parentheses and may contain spaces.
    let rest = &stat[stat.rfind(')')? + 2..];
    let fields: Vec<&str> = rest.split_whitespace().collect();
    let utime: f64 = fields.get(11)?.parse().ok()?;
    let stime: f64 = fields.get(12)?.parse().ok()?;
    Some((utime + stime) / 100.0)
}

fn seconds(d: Duration) -> f64 {
    d.as_secs_f64()
}

fn main() -> std::process::ExitCode {
    let args = match parse_args() {
        Ok(a) => a,
        Err(e) => {
            eprintln!("trekant-bench: {e}");
            return std::process::ExitCode::from(2);
        }
    };
    let model = model(args.items, args.risks);
    let mask = vec![true; args.items];

    // Peak memory first, while the high-water mark still belongs to one simulation and its
    // summary (the repeats below hold two results at once).
    let before = peak_rss_mib();
    let samples = simulate::simulate(&model, &mask, args.trials, args.seed).expect("valid model");
    let hours = Summary::of(&samples.hours).expect("trials > 0");
    let peak = peak_rss_mib();

    // End to end, as a caller sees it: tables built and trials run, every repeat.
    let mut totals = Vec::new();
    for _ in 0..args.repeat {
        let start = Instant::now();
        let again = simulate::simulate(&model, &mask, args.trials, args.seed).expect("valid model");
        totals.push(seconds(start.elapsed()));
        assert_eq!(again.hours, samples.hours, "same seed, same bits");
    }

    // The two parts separately: building the tables, and running trials on them.
    let mut builds = Vec::new();
    let mut simulator = None;
    for _ in 0..args.repeat {
        let start = Instant::now();
        simulator = Some(Simulator::new(&model).expect("valid model"));
        builds.push(seconds(start.elapsed()));
    }
    let simulator = simulator.expect("at least one repeat");
    let mut runs = Vec::new();
    let cpu_before = cpu_seconds();
    for _ in 0..args.repeat {
        let start = Instant::now();
        let again = simulator
            .run(&mask, args.trials, args.seed)
            .expect("mask fits");
        runs.push(seconds(start.elapsed()));
        assert_eq!(again.hours, samples.hours, "same seed, same bits");
    }

    let cpu_per_run = match (cpu_before, cpu_seconds()) {
        (Some(before), Some(after)) => Some((after - before) / args.repeat as f64),
        _ => None,
    };
    totals.sort_by(f64::total_cmp);
    runs.sort_by(f64::total_cmp);
    builds.sort_by(f64::total_cmp);
    let median = |v: &[f64]| v[v.len() / 2];
    println!(
        "rust: {} items x {} trials, {} risks, {} threads",
        args.items,
        args.trials,
        args.risks,
        rayon::current_num_threads()
    );
    println!(
        "  simulate (end to end): best {:.4} s, median {:.4} s over {} runs",
        totals[0],
        median(&totals),
        totals.len()
    );
    println!(
        "  of which: tables best {:.5} s, median {:.5} s; trials best {:.4} s, median {:.4} s; {:.2} ns per item-trial (best, wall)",
        builds[0],
        median(&builds),
        runs[0],
        median(&runs),
        runs[0] * 1e9 / (args.items.max(1) * args.trials.max(1)) as f64
    );
    if let Some(cpu) = cpu_per_run {
        // On a shared machine wall time depends on what else runs; CPU time much less so.
        println!(
            "  CPU time per run of the trials: {:.4} s ({:.2} ns per item-trial); on {} free cores that is {:.4} s",
            cpu,
            cpu * 1e9 / (args.items.max(1) * args.trials.max(1)) as f64,
            rayon::current_num_threads(),
            cpu / rayon::current_num_threads() as f64
        );
    }
    println!(
        "  hours: mean {:.1}  p10 {:.1}  p50 {:.1}  p80 {:.1}  p95 {:.1}",
        hours.mean, hours.p10, hours.p50, hours.p80, hours.p95
    );
    if let (Some(before), Some(peak)) = (before, peak) {
        println!(
            "  peak memory of one simulation and its summary: {:.1} MiB resident ({:.1} MiB before; samples {:.1} MiB)",
            peak,
            before,
            (samples.hours.len() * 8 + samples.delay_days.len() * 4) as f64 / 1_048_576.0
        );
    }
    println!("best_seconds {:.6}", totals[0]);
    std::process::ExitCode::SUCCESS
}
