//! The wording rules against the corpus in `tests/corpus/`: every rule fires on text written
//! to trigger it and stays silent on precise text, in Danish and English; findings per
//! fixture are snapshot-tested.
//!
//! `corpus/rules/CODE.fires.LANG.txt` holds one example a line, each of which must give a
//! finding of CODE; `corpus/rules/CODE.silent.LANG.txt` holds lines that must not.
//! `corpus/*.toml` and `corpus/*.txt` are whole briefs and e-mails, vague or precise by name.

use std::path::{Path, PathBuf};

use trekant_core::span::LineIndex;
use trekant_core::{Diagnostic, Lang, Review, Severity, review_brief, review_text};

const WORDING: [&str; 6] = [
    "vague-wording",
    "minimizing",
    "urgency",
    "open-ended",
    "comparison-reference",
    "unbounded-revisions",
];

fn corpus() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/corpus")
}

fn read(path: &Path) -> String {
    std::fs::read_to_string(path).unwrap_or_else(|e| panic!("{}: {e}", path.display()))
}

fn wording(review: &Review) -> Vec<&Diagnostic> {
    review
        .diagnostics
        .iter()
        .filter(|d| WORDING.contains(&d.code))
        .collect()
}

/// The wording findings of a review as a person reads them: place, code, the words, and
/// the question.
fn render(source: &str, review: &Review) -> String {
    let index = LineIndex::new(source);
    let mut out = String::new();
    for d in wording(review) {
        let at = index.position(source, d.span.start);
        out.push_str(&format!(
            "{}:{} {} {:?}\n    {}\n",
            at.line,
            at.column,
            d.code,
            &source[d.span.clone()],
            d.question.as_deref().unwrap_or("")
        ));
    }
    out
}

fn lang_of(name: &str) -> Lang {
    if name.contains(".da.") || name.starts_with("da-") {
        Lang::Da
    } else {
        Lang::En
    }
}

/// The example lines of a fixture: not blank, not a `#` comment.
fn examples(text: &str) -> impl Iterator<Item = &str> {
    text.lines()
        .map(str::trim)
        .filter(|l| !l.is_empty() && !l.starts_with('#'))
}

#[test]
fn every_rule_fires_on_its_fixtures_in_both_languages() {
    let mut failures = Vec::new();
    for code in WORDING {
        for lang in ["da", "en"] {
            let path = corpus().join(format!("rules/{code}.fires.{lang}.txt"));
            let text = read(&path);
            let mut count = 0;
            for line in examples(&text) {
                count += 1;
                let review = review_text(line, Some(lang_of(&format!(".{lang}."))));
                if !review.diagnostics.iter().any(|d| d.code == code) {
                    failures.push(format!("{code} does not fire on: {line}"));
                }
            }
            assert!(count >= 4, "{} has only {count} examples", path.display());
        }
    }
    assert!(failures.is_empty(), "\n{}", failures.join("\n"));
}

#[test]
fn every_rule_stays_silent_on_its_precise_fixtures() {
    let mut failures = Vec::new();
    for code in WORDING {
        for lang in ["da", "en"] {
            let path = corpus().join(format!("rules/{code}.silent.{lang}.txt"));
            let text = read(&path);
            for line in examples(&text) {
                let review = review_text(line, Some(lang_of(&format!(".{lang}."))));
                for d in review.diagnostics.iter().filter(|d| d.code == code) {
                    failures.push(format!(
                        "{code} fires on {:?} in: {line}",
                        &line[d.span.clone()]
                    ));
                }
            }
        }
    }
    assert!(failures.is_empty(), "\n{}", failures.join("\n"));
}

#[test]
fn rule_fixtures_snapshots() {
    let mut names: Vec<String> = std::fs::read_dir(corpus().join("rules"))
        .unwrap()
        .map(|e| e.unwrap().file_name().to_string_lossy().into_owned())
        .filter(|n| n.ends_with(".txt"))
        .collect();
    names.sort();
    assert_eq!(names.len(), WORDING.len() * 4);
    for name in names {
        let source = read(&corpus().join("rules").join(&name));
        let review = review_text(&source, Some(lang_of(&name)));
        insta::assert_snapshot!(format!("rule-{name}"), render(&source, &review));
    }
}

fn corpus_files() -> Vec<String> {
    let mut names: Vec<String> = std::fs::read_dir(corpus())
        .unwrap()
        .map(|e| e.unwrap().file_name().to_string_lossy().into_owned())
        .filter(|n| n.ends_with(".toml") || n.ends_with(".txt"))
        .collect();
    names.sort();
    names
}

fn review_file(name: &str, source: &str, lang: Option<Lang>) -> Review {
    if name.ends_with(".toml") {
        review_brief(source, lang, None)
    } else {
        review_text(source, lang)
    }
}

#[test]
fn corpus_snapshots() {
    let names = corpus_files();
    assert!(names.len() >= 8, "{names:?}");
    for name in names {
        let source = read(&corpus().join(&name));
        let review = review_file(&name, &source, None);
        assert!(
            !review.has_errors(),
            "{name}: {:?}",
            review
                .diagnostics
                .iter()
                .filter(|d| d.severity == Severity::Error)
                .collect::<Vec<_>>()
        );
        insta::assert_snapshot!(format!("corpus-{name}"), render(&source, &review));
    }
}

#[test]
fn vague_briefs_trigger_every_rule_and_precise_ones_none() {
    for name in corpus_files() {
        let source = read(&corpus().join(&name));
        let review = review_file(&name, &source, None);
        let codes: Vec<&str> = wording(&review).iter().map(|d| d.code).collect();
        if name.contains("vague") {
            for code in WORDING {
                assert!(codes.contains(&code), "{name}: {code} does not fire");
            }
        } else {
            assert!(
                name.contains("precise"),
                "{name} is neither vague nor precise"
            );
            assert_eq!(codes, Vec::<&str>::new(), "{name}");
        }
    }
}

#[test]
fn findings_point_at_exactly_the_words_and_name_them() {
    for name in corpus_files().iter().filter(|n| n.contains("vague")) {
        let source = read(&corpus().join(name));
        let da = review_file(name, &source, Some(Lang::Da));
        let en = review_file(name, &source, Some(Lang::En));
        let (da, en) = (wording(&da), wording(&en));
        assert_eq!(da.len(), en.len(), "{name}");
        for (d, e) in da.iter().zip(&en) {
            assert_eq!((d.code, &d.span), (e.code, &e.span), "{name}");
            let excerpt = &source[d.span.clone()];
            assert!(!excerpt.is_empty(), "{name}: empty span for {}", d.code);
            let first = excerpt.chars().next().unwrap();
            let last = excerpt.chars().last().unwrap();
            assert!(first.is_alphanumeric(), "{name}: {excerpt:?}");
            assert!(last.is_alphanumeric() || last == '.', "{name}: {excerpt:?}");
            assert_eq!(d.severity, Severity::Warning);
            // Quoted back as written, or with a sentence-initial capital dropped.
            let one_line = excerpt
                .split_whitespace()
                .collect::<Vec<_>>()
                .join(" ")
                .to_lowercase();
            for finding in [d, e] {
                let question = finding.question.as_deref().unwrap().to_lowercase();
                assert!(question.contains(&one_line), "{question} / {excerpt}");
                let message = finding.message.to_lowercase();
                assert!(message.contains(&one_line), "{message} / {excerpt}");
            }
            assert_ne!(d.message, e.message, "{name}: message not translated");
            assert_ne!(d.question, e.question, "{name}: question not translated");
        }
    }
}

#[test]
fn danish_brief_is_found_where_the_words_stand() {
    let source = read(&corpus().join("da-vague-webshop.toml"));
    let review = review_brief(&source, None, None);
    // A repeated word is one finding with its other places related.
    let found: Vec<(&str, &str)> = wording(&review)
        .iter()
        .flat_map(|d| {
            std::iter::once(&d.span)
                .chain(&d.related)
                .map(|span| (d.code, &source[span.clone()]))
        })
        .collect();
    for expected in [
        ("vague-wording", "brugervenlig"),
        ("vague-wording", "Lækkert"),
        ("urgency", "hurtigst muligt"),
        ("minimizing", "lille opgave"),
        ("open-ended", "m.m."),
        ("comparison-reference", "à la Zalando"),
        ("unbounded-revisions", "ubegrænsede rettelser"),
        ("unbounded-revisions", "indtil vi er tilfredse"),
    ] {
        assert!(found.contains(&expected), "{expected:?} not in {found:?}");
    }
}
