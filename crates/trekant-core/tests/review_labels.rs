//! The review measured on real text it was not written for: every text in
//! `../shared/data/requests-en/` is reviewed in English and its findings are matched to the
//! hand labels in `../shared/data/review-labels/` (see the README there):
//!
//! - `labels-en.tsv`: each finding of an earlier build, judged TP or FP. A labelled finding
//!   still *fires* when a finding of the same code on the same words starts on its line; a
//!   TP is *kept* when that line is shown, as a finding or as one of the other places of a
//!   finding folded once per document ([`trekant_core::Diagnostic::related`]).
//! - `misses-en.tsv`: sentences the earlier build missed, with their importance; one counts
//!   as found when any finding, or any place of one, lands on its line.
//!
//! Run with `cargo test -p trekant-core --test tests review_labels -- --nocapture` to see the
//! figures. Skips, saying so, when the data is absent.

use std::collections::BTreeMap;
use std::path::{Path, PathBuf};

use trekant_core::span::LineIndex;
use trekant_core::{Diagnostic, Lang, review_text};

fn data_dir() -> PathBuf {
    std::env::var_os("TREKANT_DATA").map_or_else(
        || Path::new(env!("CARGO_MANIFEST_DIR")).join("../../../shared/data"),
        PathBuf::from,
    )
}

/// One place a finding shows: its code, line, the words, and whether it is the finding
/// itself (not one of its other places).
struct Place {
    code: &'static str,
    line: usize,
    words: String,
    primary: bool,
}

/// Whitespace made single spaces, lower case: "and the\nlike" and "and the like" are one.
fn normal(words: &str) -> String {
    words
        .split_whitespace()
        .collect::<Vec<_>>()
        .join(" ")
        .to_lowercase()
}

fn places(text: &str, diagnostics: &[Diagnostic]) -> Vec<Place> {
    let lines = LineIndex::new(text);
    let mut out = Vec::new();
    for d in diagnostics {
        let spans = std::iter::once((&d.span, true)).chain(d.related.iter().map(|s| (s, false)));
        for (span, primary) in spans {
            out.push(Place {
                code: d.code,
                line: lines.position(text, span.start).line,
                words: normal(text.get(span.clone()).unwrap_or("")),
                primary,
            });
        }
    }
    out
}

/// The rows of a TSV file after its header.
fn rows(path: &Path) -> Vec<Vec<String>> {
    let text = std::fs::read_to_string(path).unwrap_or_else(|e| panic!("{}: {e}", path.display()));
    text.lines()
        .skip(1)
        .filter(|l| !l.trim().is_empty())
        .map(|l| l.split('\t').map(str::to_owned).collect())
        .collect()
}

#[test]
fn review_on_labelled_english_requests() {
    let data = data_dir();
    let labels = data.join("review-labels/labels-en.tsv");
    if !labels.exists() {
        println!("skipped: {} is absent", labels.display());
        return;
    }
    // Every file's places, by its name as the labels write it ("requests-en/x.txt").
    let mut reviewed: BTreeMap<String, Vec<Place>> = BTreeMap::new();
    let dir = data.join("requests-en");
    for entry in std::fs::read_dir(&dir).unwrap() {
        let path = entry.unwrap().path();
        let name = path.file_name().unwrap().to_string_lossy().into_owned();
        if !name.ends_with(".txt") {
            continue;
        }
        let text = std::fs::read_to_string(&path).unwrap();
        let review = review_text(&text, Some(Lang::En));
        reviewed.insert(
            format!("requests-en/{name}"),
            places(&text, &review.diagnostics),
        );
    }
    let at = |file: &str| reviewed.get(file).map_or(&[][..], Vec::as_slice);

    let (mut fp, mut fp_firing, mut tp, mut tp_kept) = (0, 0, 0, 0);
    let mut notes = Vec::new();
    for row in rows(&labels) {
        let [file, line, code, excerpt, label, ..] = &row[..] else {
            panic!("short row {row:?}");
        };
        let line: usize = line.parse().unwrap();
        let words = normal(&excerpt.trim_matches('\'').replace("\\n", " "));
        let matching = |p: &&Place| p.code == code && p.line == line && p.words == words;
        let fires = at(file).iter().filter(matching).any(|p| p.primary);
        let shown = at(file).iter().any(|p| matching(&p));
        match label.as_str() {
            "FP" => {
                fp += 1;
                if fires {
                    fp_firing += 1;
                    notes.push(format!("FP still fires: {file}:{line} {code} {excerpt}"));
                }
            }
            "TP" => {
                tp += 1;
                if shown {
                    tp_kept += 1;
                } else {
                    notes.push(format!("TP lost: {file}:{line} {code} {excerpt}"));
                }
            }
            other => panic!("label {other}"),
        }
    }

    let misses = data.join("review-labels/misses-en.tsv");
    let mut found = [0usize; 4];
    let mut total = [0usize; 4];
    for row in rows(&misses) {
        let [file, line, importance, issue, ..] = &row[..] else {
            panic!("short row {row:?}");
        };
        let line: usize = line.parse().unwrap();
        let importance: usize = importance.parse().unwrap();
        total[importance] += 1;
        if at(file).iter().any(|p| p.line == line) {
            found[importance] += 1;
        } else if importance >= 2 {
            notes.push(format!("missed ({importance}): {file}:{line} {issue}"));
        }
    }

    let percent = |a: usize, b: usize| 100.0 * a as f64 / b.max(1) as f64;
    println!("{}", notes.join("\n"));
    println!(
        "labelled false positives still firing: {fp_firing}/{fp} ({:.0} %)",
        percent(fp_firing, fp)
    );
    println!(
        "true positives kept: {tp_kept}/{tp} ({:.0} %)",
        percent(tp_kept, tp)
    );
    for importance in [3, 2] {
        println!(
            "importance-{importance} misses found: {}/{} ({:.0} %)",
            found[importance],
            total[importance],
            percent(found[importance], total[importance])
        );
    }
    assert!(fp > 0 && tp > 0);
    assert!(
        percent(fp_firing, fp) <= 10.0,
        "false positives still firing"
    );
    assert!(percent(tp_kept, tp) >= 90.0, "true positives lost");
}
