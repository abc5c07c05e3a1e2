//! Fuzzes the brief parser and the whole review: any bytes, read as a brief, must give
//! findings whose spans lie inside the file — never a panic, a hang or a stack overflow.

#![no_main]

use libfuzzer_sys::fuzz_target;
use trekant_core::{Lang, review_brief};

fuzz_target!(|data: &[u8]| {
    let source = String::from_utf8_lossy(data);
    let lang = match data.first() {
        Some(b) if b % 3 == 0 => Some(Lang::Da),
        Some(b) if b % 3 == 1 => Some(Lang::En),
        _ => None,
    };
    let review = review_brief(&source, lang, None);
    for d in &review.diagnostics {
        assert!(source.get(d.span.clone()).is_some(), "{d:?}");
    }
});
