//! The wording rules read text in context: `corpus/context/sentences.tsv` holds sentences in
//! Danish and English that describe what exists, negate, quote a label, are legal
//! boilerplate, repeat a word, use a word in another sense, or test where sentences end —
//! each with the finding it must give (or none). They were written before the rules were
//! run on them.

use std::path::Path;

use trekant_core::{Lang, review_text};

/// One case: language, what is expected, the kind of context, the text.
struct Case {
    lang: Lang,
    expect: String,
    kind: String,
    text: String,
}

fn cases() -> Vec<Case> {
    let path = Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/corpus/context/sentences.tsv");
    let source = std::fs::read_to_string(&path).unwrap();
    source
        .lines()
        .filter(|l| !l.trim().is_empty() && !l.starts_with('#'))
        .map(|line| {
            let fields: Vec<&str> = line.split('\t').collect();
            assert_eq!(fields.len(), 4, "{line}");
            Case {
                lang: match fields[0] {
                    "da" => Lang::Da,
                    "en" => Lang::En,
                    other => panic!("language {other} in {line}"),
                },
                expect: fields[1].to_owned(),
                kind: fields[2].to_owned(),
                text: fields[3].replace("\\n", "\n"),
            }
        })
        .collect()
}

/// Whether the review of a case gives what it expects; if not, what it gave.
fn check(case: &Case) -> Result<(), String> {
    let review = review_text(&case.text, Some(case.lang));
    // Wording findings point at words; the findings about a brief's gaps point at nothing.
    let found: Vec<(&str, &str)> = review
        .diagnostics
        .iter()
        .filter(|d| !d.span.is_empty())
        .map(|d| (d.code, &case.text[d.span.clone()]))
        .collect();
    let ok = match case.expect.split_once('=') {
        _ if case.expect == "-" => found.is_empty(),
        Some((code, n)) => {
            found.iter().filter(|(c, _)| *c == code).count() == n.parse::<usize>().unwrap()
        }
        None => found.iter().any(|(c, _)| *c == case.expect),
    };
    if ok {
        Ok(())
    } else {
        Err(format!(
            "[{}] expected {}, found {found:?}: {}",
            case.kind, case.expect, case.text
        ))
    }
}

#[test]
fn wording_rules_read_sentences_in_context() {
    let cases = cases();
    assert!(cases.len() >= 50);
    let failures: Vec<String> = cases.iter().filter_map(|c| check(c).err()).collect();
    assert!(failures.is_empty(), "\n{}", failures.join("\n"));
}
