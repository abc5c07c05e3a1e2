//! Fuzzes the review of free text (a client's e-mail): any bytes must give wording
//! findings whose spans lie inside the text, quickly, and never a panic.

#![no_main]

use libfuzzer_sys::fuzz_target;
use trekant_core::review_text;

fuzz_target!(|data: &[u8]| {
    let source = String::from_utf8_lossy(data);
    let review = review_text(&source, None);
    for d in &review.diagnostics {
        assert!(source.get(d.span.clone()).is_some(), "{d:?}");
    }
});
