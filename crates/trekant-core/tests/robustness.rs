//! Bad input: whatever a user hands it, review returns findings — never a panic, a hang or a
//! stack overflow — and every finding points inside the file.

use proptest::prelude::*;
use trekant_core::{Lang, Review, review_brief, review_text};

/// Every finding's span lies inside the source, on character boundaries.
fn assert_spans_valid(source: &str, review: &Review) {
    for d in &review.diagnostics {
        assert!(
            source.get(d.span.clone()).is_some(),
            "{} has span {:?} outside or inside a character of a {}-byte source",
            d.code,
            d.span,
            source.len()
        );
    }
}

fn review_both(source: &str) {
    for lang in [None, Some(Lang::Da), Some(Lang::En)] {
        let review = review_brief(source, lang, None);
        assert_spans_valid(source, &review);
        let review = review_text(source, lang);
        assert_spans_valid(source, &review);
    }
}

/// Runs `f`. No time limit is asserted (a timed test fails on a slow machine and proves
/// nothing on a fast one): that the work per finding does not grow with the line is a
/// property test of the renderer, and the review's speed is a criterion benchmark
/// (`benches/review.rs`). What these tests assert is that huge input finishes, whole.
fn within<T>(_what: &str, f: impl FnOnce() -> T) -> T {
    f()
}

const BRIEF: &str = include_str!("corpus/da-vague-webshop.toml");
const BRIEF_EN: &str = include_str!("corpus/en-vague-booking.toml");
const EMAIL: &str = include_str!("corpus/en-email-vague.txt");

#[test]
fn empty_and_blank_files() {
    for source in ["", " ", "\n", "\r\n", "\u{feff}", "\"\"\"", "[", "#"] {
        review_both(source);
    }
    assert!(review_text("", None).diagnostics.is_empty());
}

#[test]
fn a_binary_file() {
    // A deterministic 3 kB of noise, as from an image renamed .toml.
    let mut state = 0x2545_f491_4f6c_dd1du64;
    let bytes: Vec<u8> = (0..3 * 1024)
        .map(|_| {
            state ^= state << 13;
            state ^= state >> 7;
            state ^= state << 17;
            state as u8
        })
        .collect();
    review_both(&String::from_utf8_lossy(&bytes));
}

#[test]
fn a_one_megabyte_email() {
    let mut source = String::with_capacity(1 << 20);
    while source.len() < 1 << 20 {
        source.push_str(EMAIL);
        source.push_str("\n\n");
    }
    let review = within("a 1 MB e-mail", || review_text(&source, None));
    assert_spans_valid(&source, &review);
    let copies = source.matches("right away").count();
    let urgent = review
        .diagnostics
        .iter()
        .filter(|d| d.code == "urgency")
        .map(|d| 1 + d.related.len())
        .sum::<usize>();
    // One finding per phrase, with every other place of it related.
    assert_eq!(urgent, copies);
}

#[test]
fn a_one_megabyte_line_without_spaces() {
    for unit in ["a", "æ", "-", ".", "a.", "\\n", "1", "😀"] {
        let source = unit.repeat((1 << 20) / unit.len());
        within("a 1 MB line", || review_both(&source));
    }
}

#[test]
fn a_hundred_thousand_nested_arrays() {
    let depth = 100_000;
    let source = format!("a = {}{}", "[".repeat(depth), "]".repeat(depth));
    // Run on a thread with a normal main-thread stack, as the CLI would.
    let review = std::thread::Builder::new()
        .stack_size(8 << 20)
        .spawn(move || {
            let review = review_brief(&source, None, None);
            assert_spans_valid(&source, &review);
            review
        })
        .unwrap()
        .join()
        .expect("review of deeply nested arrays panicked");
    assert!(review.has_errors());
}

#[test]
fn twenty_thousand_items() {
    let mut source = String::from(
        "[project]\nname = \"Big\"\nlanguage = \"en\"\n[request]\ntext = \"A simple shop\"\n",
    );
    for i in 0..20_000 {
        source.push_str(&format!(
            "[[item]]\nid = \"item-{i}\"\ntitle = \"A modern page number {i}\"\nestimate = [1, 2, 3]\npriority = \"must\"\n"
        ));
    }
    let review = within("a 20,000-item brief", || review_brief(&source, None, None));
    assert_spans_valid(&source, &review);
    let vague = review
        .diagnostics
        .iter()
        .filter(|d| d.code == "vague-wording")
        .map(|d| 1 + d.related.len())
        .sum::<usize>();
    assert_eq!(vague, 20_001);
}

/// Edits a text at character boundaries: `edits` of (position, kind, character).
fn mutate(source: &str, edits: &[(usize, u8, char)]) -> String {
    let mut chars: Vec<char> = source.chars().collect();
    for &(at, kind, c) in edits {
        let at = if chars.is_empty() {
            0
        } else {
            at % chars.len()
        };
        match kind % 3 {
            0 => chars.insert(at, c),
            1 if !chars.is_empty() => {
                chars.remove(at);
            }
            _ if !chars.is_empty() => chars[at] = c,
            _ => chars.push(c),
        }
    }
    chars.into_iter().collect()
}

/// Characters that matter to TOML and to the wording engine.
fn interesting_char() -> impl Strategy<Value = char> {
    prop_oneof![
        prop::sample::select(vec![
            '"', '\'', '[', ']', '{', '}', '=', '\n', '\\', '.', '-', ',', '#', ' ', 'æ', 'ø', 'å',
            '’', '%', '(', ')', '\u{0}', '\u{feff}', '😀', 'İ', 'ß',
        ]),
        any::<char>(),
    ]
}

proptest! {
    #![proptest_config(ProptestConfig { cases: 256, ..ProptestConfig::default() })]

    #[test]
    fn arbitrary_bytes_never_panic(bytes in prop::collection::vec(any::<u8>(), 0..2048)) {
        review_both(&String::from_utf8_lossy(&bytes));
    }

    #[test]
    fn arbitrary_strings_never_panic(source in "\\PC{0,600}") {
        review_both(&source);
    }

    #[test]
    fn mutated_briefs_never_panic(
        which in 0..3usize,
        edits in prop::collection::vec((any::<usize>(), any::<u8>(), interesting_char()), 1..12),
    ) {
        let base = [BRIEF, BRIEF_EN, EMAIL][which];
        review_both(&mutate(base, &edits));
    }

    #[test]
    fn wording_words_glued_together_never_panic(
        words in prop::collection::vec(prop::sample::select(vec![
            "just", "like", "lige", "bare", "etc.", "osv.", "m.m.", "à", "la", "until", "we're",
            "happy", "ubegrænsede", "rettelser", "fast", "under", "2", "s", "ASAP", "Airbnb's",
            "www.x.dk", "(", ")", ".", ",", "\\n", "\n\n", "- ", "and", "more", "så", "hurtigt",
            "som", "muligt", "i", "stil", "med", "Zalando", "Simple", "secure", "PCI-DSS",
        ]), 0..60),
        sep in prop::sample::select(vec![" ", "", "\n", ", "]),
    ) {
        let text = words.join(sep);
        review_both(&text);
        let brief = format!("[project]\nname = \"x\"\n[request]\ntext = \"\"\"{}\"\"\"\n", text.replace('"', "'"));
        review_both(&brief);
    }
}
