//! How long importing and exporting 100,000 history rows takes in a real database file.
//! Run with `cargo bench -p trekant-store --bench import`.

// A program that reports to the terminal: printing is its job.
#![allow(clippy::print_stdout, clippy::print_stderr)]

use std::time::Instant;

use trekant_core::history::parse_history;
use trekant_store::{SqliteStore, Store};

fn main() {
    let rows = 100_000;
    let mut text = String::from("project,item,category,low,likely,high,actual,finished\n");
    for i in 0..rows {
        text.push_str(&format!(
            "p{},t{i},c{},,{},,{},20{:02}-{:02}-{:02}\n",
            i / 50,
            i % 10,
            1 + i % 8,
            0.25 * (1 + i % 40) as f64,
            15 + i * 10 / rows,
            1 + i % 12,
            1 + i % 28
        ));
    }
    let parsed = parse_history(&text).expect("well formed");
    let dir = tempfile::tempdir().expect("a temporary folder");
    let mut store = SqliteStore::open(&dir.path().join("history.db")).expect("a new database");

    let started = Instant::now();
    let report = store.import_history(&parsed, false).expect("imports");
    println!(
        "import 100,000 rows (one transaction)     {:>10.1?}  ({} new)",
        started.elapsed(),
        report.inserted
    );
    let started = Instant::now();
    let report = store.import_history(&parsed, false).expect("imports");
    println!(
        "re-import the same rows (all duplicates)  {:>10.1?}  ({} present)",
        started.elapsed(),
        report.already_present
    );
    let started = Instant::now();
    let exported = store.export_history().expect("exports");
    println!(
        "export 100,000 rows                       {:>10.1?}  ({} rows)",
        started.elapsed(),
        exported.len()
    );
}
