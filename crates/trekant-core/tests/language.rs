//! Language detection against short client e-mails written by hand, each with the language a
//! reader would say it is in (`fixtures/language.txt`), several of them mixed.

use trekant_core::Lang;
use trekant_core::lang::detect::detect;

#[test]
fn every_fixture_email_is_read_in_its_language() {
    let path = concat!(env!("CARGO_MANIFEST_DIR"), "/tests/fixtures/language.txt");
    let text = std::fs::read_to_string(path).unwrap();
    let mut wrong = Vec::new();
    let (mut da, mut en) = (0, 0);
    for line in text
        .lines()
        .filter(|l| !l.is_empty() && !l.starts_with('#'))
    {
        let (code, email) = line.split_once('|').expect("`da|text` or `en|text`");
        let expected = Lang::from_code(code).expect("da or en");
        match expected {
            Lang::Da => da += 1,
            Lang::En => en += 1,
        }
        if detect(email) != Some(expected) {
            wrong.push(format!("{code}: {email} (read as {:?})", detect(email)));
        }
    }
    assert!(
        da >= 15 && en >= 15,
        "{da} Danish and {en} English fixtures"
    );
    assert!(wrong.is_empty(), "misread:\n{}", wrong.join("\n"));
}

#[test]
fn an_english_email_with_danish_looking_words_is_reviewed_in_english() {
    let review = trekant_core::review_text(
        "Ready for launch at the fair: a page for booking, fast",
        None,
    );
    assert_eq!(review.lang, Lang::En);
    assert!(
        review
            .diagnostics
            .iter()
            .any(|d| d.code == "vague-wording" && d.message.contains("fast")),
        "{:#?}",
        review.diagnostics
    );
}
