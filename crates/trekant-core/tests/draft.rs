//! A brief drafted from a client's e-mail (`trekant init --from`): the mail comes back word
//! for word whatever it holds, budget and deadline are read from it, and the brief reviews
//! with no errors.

use jiff::civil::{Date, date};
use proptest::prelude::*;
use trekant_core::Lang;
use trekant_core::brief::draft::{draft_from_email, draft_from_email_in};

const TODAY: Date = date(2026, 11, 29);

const DANISH: &str = "Emne: Ny webshop til Kaffe Nord\n\
\n\
Hej!\n\
\n\
Vi er et lille kafferisteri i Aarhus og vil gerne have en ny webshop, hvor kunderne kan \
købe bønner og tegne abonnement. Den skal være lækker og professionel, og den skal være \
klar senest 15. december, så vi kan nå julesalget. Vores budget er ca. 40.000 kr.\n\
\n\
Mvh\n\
Lone Madsen\n\
Kaffe Nord ApS\n";

const ENGLISH: &str = "Subject: Booking site\r\n\r\nHi there,\r\n\r\nWe are a small physio \
clinic and need online booking. Our budget is around DKK 40,000 and it should be live \
by March 1st.\r\n\r\nBest,\r\nMaria\r\n";

/// The brief's `[request] text`, read back the way `review` reads it.
fn text_back(toml: &str) -> String {
    let review = trekant_core::review_brief(toml, None, None);
    let errors: Vec<_> = review
        .diagnostics
        .iter()
        .filter(|d| d.severity == trekant_core::Severity::Error)
        .map(|d| format!("{}: {}", d.code, d.message))
        .collect();
    assert!(errors.is_empty(), "{errors:?}\n{toml}");
    review
        .brief
        .and_then(|b| b.request.text.map(|t| t.value))
        .unwrap_or_else(|| panic!("no request text in\n{toml}"))
}

#[test]
fn a_danish_mail_becomes_a_danish_brief_with_budget_and_deadline() {
    let draft = draft_from_email(DANISH, TODAY);
    assert_eq!(draft.lang, Lang::Da);
    assert!(draft.lang_detected);
    assert_eq!(draft.budget.as_ref().map(|b| b.value), Some(40000.0));
    assert_eq!(draft.currency, Some("DKK"));
    assert_eq!(
        draft.deadline.as_ref().map(|d| d.value),
        Some(date(2026, 12, 15))
    );
    assert_eq!(
        draft.contact.as_ref().map(|c| c.value.as_str()),
        Some("Lone Madsen")
    );
    let toml = &draft.toml;
    assert!(
        toml.contains("name = \"Ny webshop til Kaffe Nord\""),
        "{toml}"
    );
    assert!(toml.contains("language = \"da\""), "{toml}");
    assert!(toml.contains("contact = \"Lone Madsen\""), "{toml}");
    let budget = toml.lines().find(|l| l.starts_with("budget = ")).unwrap();
    assert!(budget.starts_with("budget = 40000 "), "{budget}");
    assert!(
        budget.contains("fra mailen: \"budget er ca. 40.000 kr.\""),
        "{budget}"
    );
    let deadline = toml.lines().find(|l| l.starts_with("deadline = ")).unwrap();
    assert!(deadline.starts_with("deadline = 2026-12-15 "), "{deadline}");
    assert!(deadline.contains("\"senest 15. december\""), "{deadline}");
    // Item skeletons, commented, in Danish.
    assert!(toml.contains("# [[item]]"), "{toml}");
    assert!(toml.contains("Design af forside og undersider"), "{toml}");
    assert_eq!(text_back(toml), DANISH);
}

#[test]
fn an_english_mail_with_crlf_comes_back_byte_for_byte() {
    let draft = draft_from_email(ENGLISH, TODAY);
    assert_eq!(draft.lang, Lang::En);
    assert_eq!(draft.budget.as_ref().map(|b| b.value), Some(40000.0));
    assert_eq!(
        draft.deadline.as_ref().map(|d| d.value),
        Some(date(2027, 3, 1))
    );
    assert_eq!(
        draft.contact.as_ref().map(|c| c.value.as_str()),
        Some("Maria")
    );
    assert!(draft.toml.contains("name = \"Booking site\""));
    assert!(
        draft.toml.contains("from the mail: \"by March 1st\""),
        "{}",
        draft.toml
    );
    assert_eq!(text_back(&draft.toml), ENGLISH);
}

#[test]
fn the_projects_example_mail_drafts_a_sound_brief() {
    let mail = include_str!("../../../examples/client-email.txt");
    let draft = draft_from_email(mail, TODAY);
    assert_eq!(draft.lang, Lang::En);
    // "our budget is small" and "ASAP" name no amount and no date.
    assert_eq!(draft.budget, None);
    assert_eq!(draft.deadline, None);
    assert!(draft.toml.contains("# budget = 0"));
    assert_eq!(text_back(&draft.toml), mail);
}

#[test]
fn the_language_asked_for_wins_over_the_mails() {
    let draft = draft_from_email_in(ENGLISH, TODAY, Some(Lang::Da));
    assert_eq!(draft.lang, Lang::Da);
    assert!(!draft.lang_detected);
    assert!(draft.toml.contains("language = \"da\""));
    assert!(draft.toml.contains("fra mailen"));
}

#[test]
fn nasty_mails_come_back_exactly() {
    for mail in [
        "",
        "\"",
        "\"\"\"",
        "ends with a quote\"",
        "ends with two\"\"",
        "a \"\"\" b ''' c \"\"\"\"\"\" d",
        "back\\slash at the end\\",
        "line continuation \\\n  next",
        "\\u0041 is not A, \\n is not a newline",
        "nul \u{0} bell \u{7} esc \u{1b} del \u{7f} bom \u{feff} c1 \u{85}",
        "tab\there\r\nwindows\rmac\n",
        "\n\nstarts with blank lines",
        "emoji 🎉 and æøå and RTL \u{202e}text",
        "Subject: \"quoted\" \\ subject\u{0}\nbody",
        "Subject: x\n\nMvh\n\"Evil\" Name\n",
        "# not a comment\n[project]\nname = \"injected\"\n",
        "]]\n[[item]]\nid = \"x\"\nestimate = 1\n",
    ] {
        let draft = draft_from_email(mail, TODAY);
        assert_eq!(text_back(&draft.toml), mail, "{mail:?}");
    }
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(200))]

    /// Whatever the mail holds, the brief parses, reviews without errors and holds the mail.
    #[test]
    fn any_mail_comes_back(mail in "(\\PC|[\"\\\\\u{0}-\u{1f}\u{7f}\r\n'])*") {
        let draft = draft_from_email(&mail, TODAY);
        prop_assert_eq!(text_back(&draft.toml), mail);
    }
}
