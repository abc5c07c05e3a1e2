//! How fast review is, per megabyte: over the real requests in `shared/data/requests-en/`
//! (beside the repository; `TREKANT_REQUESTS` names another folder) and over a generated
//! 1 MB e-mail. Review should be linear in the size of its input, so the per-megabyte time
//! should not grow with the input.
//!
//!     cargo bench -p trekant-core --bench review
//!
//! The requests are read where they lie and never copied into the repository.

// A program that reports to the terminal: printing is its job.
#![allow(clippy::print_stdout, clippy::print_stderr)]

use std::hint::black_box;
use std::path::PathBuf;
use std::time::{Duration, Instant};

use criterion::{BenchmarkId, Criterion, Throughput, criterion_group, criterion_main};
use trekant_core::{review_brief, review_text};

const MB: f64 = 1_048_576.0;

fn requests_dir() -> PathBuf {
    std::env::var_os("TREKANT_REQUESTS").map_or_else(
        || PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("../../../shared/data/requests-en"),
        PathBuf::from,
    )
}

/// The real requests, by file name; empty (with a note) when the folder is not there.
fn requests() -> Vec<(String, String)> {
    let dir = requests_dir();
    let Ok(entries) = std::fs::read_dir(&dir) else {
        println!(
            "note: {} not found; skipping the real requests (set TREKANT_REQUESTS)",
            dir.display()
        );
        return Vec::new();
    };
    let mut files: Vec<(String, String)> = entries
        .filter_map(Result::ok)
        .filter(|e| e.path().extension().is_some_and(|x| x == "txt"))
        .filter_map(|e| {
            let text = std::fs::read_to_string(e.path()).ok()?;
            Some((e.file_name().to_string_lossy().into_owned(), text))
        })
        .collect();
    files.sort();
    files
}

/// About `size` bytes of client e-mail, vague and precise, Danish and English.
fn generated(size: usize) -> String {
    let parts = [
        include_str!("../tests/corpus/en-email-vague.txt"),
        include_str!("../tests/corpus/da-email-vague.txt"),
        include_str!("../tests/corpus/en-email-precise.txt"),
        include_str!("../tests/corpus/da-email-precise.txt"),
    ];
    let mut text = String::with_capacity(size + 4096);
    for part in parts.iter().cycle() {
        if text.len() >= size {
            break;
        }
        text.push_str(part);
        text.push_str("\n\n");
    }
    text
}

/// A brief of `items` items, each titled with a vague word, as TOML.
fn big_brief(items: usize) -> String {
    let mut brief =
        String::from("[project]\nname = \"Big\"\nlanguage = \"en\"\n[request]\ntext = \"\"\"\n");
    brief.push_str(include_str!("../tests/corpus/en-email-vague.txt"));
    brief.push_str("\"\"\"\n");
    for i in 0..items {
        brief.push_str(&format!(
            "[[item]]\nid = \"item-{i}\"\ntitle = \"A simple page number {i}\"\nestimate = [1, 2, 3]\npriority = \"must\"\n"
        ));
    }
    brief
}

/// Times `f` over `bytes` of input for about a second and prints milliseconds per MB.
fn print_per_megabyte(what: &str, bytes: usize, mut f: impl FnMut()) {
    f();
    let started = Instant::now();
    let mut runs = 0u32;
    while started.elapsed() < Duration::from_secs(1) || runs < 3 {
        f();
        runs += 1;
    }
    let per_run = started.elapsed().as_secs_f64() / f64::from(runs);
    println!(
        "{what}: {:.1} kB, {:.2} ms per run, {:.1} ms per MB",
        bytes as f64 / 1024.0,
        per_run * 1e3,
        per_run * 1e3 * MB / bytes as f64
    );
}

fn bench(c: &mut Criterion) {
    let requests = requests();
    let total: usize = requests.iter().map(|(_, t)| t.len()).sum();
    if !requests.is_empty() {
        print_per_megabyte("requests-en, all files", total, || {
            for (_, text) in &requests {
                black_box(review_text(black_box(text), None));
            }
        });
        let mut group = c.benchmark_group("requests-en");
        for (name, text) in &requests {
            group.throughput(Throughput::Bytes(text.len() as u64));
            group.bench_with_input(BenchmarkId::from_parameter(name), text, |b, text| {
                b.iter(|| review_text(black_box(text), None));
            });
        }
        group.finish();
    }

    let mut group = c.benchmark_group("generated");
    group.sample_size(20);
    for size in [64 * 1024, 1 << 20] {
        let text = generated(size);
        print_per_megabyte(&format!("generated e-mail, {size} B"), text.len(), || {
            black_box(review_text(black_box(&text), None));
        });
        group.throughput(Throughput::Bytes(text.len() as u64));
        group.bench_with_input(BenchmarkId::new("e-mail", size), &text, |b, text| {
            b.iter(|| review_text(black_box(text), None));
        });
    }
    let brief = big_brief(20_000);
    print_per_megabyte("brief with 20,000 items", brief.len(), || {
        black_box(review_brief(black_box(&brief), None, None));
    });
    group.throughput(Throughput::Bytes(brief.len() as u64));
    group.bench_with_input(BenchmarkId::new("brief", 20_000), &brief, |b, brief| {
        b.iter(|| review_brief(black_box(brief), None, None));
    });
    group.finish();
}

criterion_group!(benches, bench);
criterion_main!(benches);
