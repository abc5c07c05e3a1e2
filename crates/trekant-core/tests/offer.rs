//! The offer's sender and terms: every new key read, defaulted and validated with a
//! located error; the profile's `[terms]` filled key by key.

use trekant_core::brief::{Customer, PaymentAt, Voice, parse_brief, parse_profile};
use trekant_core::{Lang, review_brief};

const BRIEF: &str = r#"
[project]
name = "Webshop"
language = "da"
summary = "En webshop med betaling"
quote = "Det skal være nemt"
contact = "Lone Madsen"
[request]
budget = 50000
budget_includes_vat = true
[me]
rate = 850
name = "Mette Holm"
company = "Holm Digital ApS"
cvr = "12 34 56 78"
email = "mette@holmdigital.dk"
phone = "+45 20 30 40 50"
address = "Nørregade 1, 8000 Aarhus C"
logo = "logo.svg"
[[item]]
id = "shop"
title = "Webshop"
description = "Shop med kurv og betaling"
estimate = [20, 30, 45]
priority = "must"
[terms]
customer = "business"
payment = [{ share = 0.3, at = "start" }, { share = 0.7, at = "shop" }]
payment_days = 8
valid_days = 14
change_rate = 950
"#;

#[test]
fn reads_every_key_of_the_offer() {
    let parsed = parse_brief(BRIEF, None);
    assert!(parsed.diagnostics.is_empty(), "{:?}", parsed.diagnostics);
    let brief = parsed.brief;
    assert_eq!(brief.me.cvr.as_ref().unwrap().value, "12345678");
    assert_eq!(brief.me.voice(), Voice::Vi);
    assert_eq!(brief.me.logo.as_ref().unwrap().value, "logo.svg");
    assert_eq!(brief.project.contact.as_ref().unwrap().value, "Lone Madsen");
    assert_eq!(
        brief.items[0].description.as_ref().unwrap().value,
        "Shop med kurv og betaling"
    );
    assert_eq!(
        brief.payment_plan(),
        [
            (0.3, PaymentAt::Start),
            (0.7, PaymentAt::Item("shop".into()))
        ]
    );
    assert_eq!(brief.payment_days(), 8);
    assert_eq!(brief.valid_days(), 14);
    assert_eq!(brief.change_rate(), Some(950.0));
    // Defaults for DKK: 25 % moms, prices rounded up to 500.
    assert_eq!(brief.vat(), 0.25);
    assert_eq!(brief.round_to(), 500.0);
    // The budget includes moms, as written: compared ex. moms.
    assert_eq!(brief.budget_ex_vat(), Some(40_000.0));
}

#[test]
fn defaults_follow_the_currency_and_the_customer() {
    let brief = parse_brief(
        "[project]\nname = \"x\"\ncurrency = \"EUR\"\n[request]\nbudget = 1000\n",
        None,
    )
    .brief;
    assert_eq!(brief.vat(), 0.0);
    assert_eq!(brief.round_to(), 100.0);
    assert_eq!(brief.customer(), Customer::Business);
    assert!(!brief.budget_includes_vat());
    assert_eq!(brief.payment_plan(), [(1.0, PaymentAt::Delivery)]);
    assert_eq!(brief.payment_days(), 14);
    assert_eq!(brief.valid_days(), 30);
    assert_eq!(brief.me.voice(), Voice::Jeg);
    let consumer = parse_brief(
        "[project]\nname = \"x\"\n[request]\nbudget = 1250\n[terms]\ncustomer = \"consumer\"\n",
        None,
    )
    .brief;
    assert!(consumer.budget_includes_vat());
    assert_eq!(consumer.budget_ex_vat(), Some(1000.0));
}

/// Every bad value is one schema error at the value, in both languages.
#[test]
fn bad_values_are_located_errors() {
    let cases = [
        ("cvr = \"12 34 56 78\"", "cvr = \"1234567\"", "\"1234567\""),
        (
            "cvr = \"12 34 56 78\"",
            "cvr = \"1234567a\"",
            "\"1234567a\"",
        ),
        (
            "email = \"mette@holmdigital.dk\"",
            "email = \"mette\"",
            "\"mette\"",
        ),
        (
            "customer = \"business\"",
            "customer = \"firma\"",
            "\"firma\"",
        ),
        ("payment_days = 8", "vat = 25", "25"),
        ("payment_days = 8", "round_to = 0", "0"),
        ("change_rate = 950", "change_rate = -5", "-5"),
        (
            "{ share = 0.3, at = \"start\" }, { share = 0.7, at = \"shop\" }",
            "{ share = 0.3, at = \"start\" }, { share = 0.6, at = \"shop\" }",
            "[{ share = 0.3, at = \"start\" }, { share = 0.6, at = \"shop\" }]",
        ),
        ("at = \"shop\"", "at = \"shoop\"", "\"shoop\""),
        ("share = 0.3", "share = 1.3", "1.3"),
        (
            "budget_includes_vat = true",
            "budget_includes_vat = \"ja\"",
            "\"ja\"",
        ),
        ("logo = \"logo.svg\"", "voice = \"os\"", "\"os\""),
    ];
    for lang in [Lang::Da, Lang::En] {
        for (from, to, at) in cases {
            let source = BRIEF.replace(from, to);
            assert_ne!(source, BRIEF, "{from}");
            let review = review_brief(&source, Some(lang), None);
            let errors: Vec<_> = review
                .diagnostics
                .iter()
                .filter(|d| d.code == "schema")
                .collect();
            assert_eq!(errors.len(), 1, "{to}: {errors:?}");
            assert_eq!(&source[errors[0].span.clone()], at, "{to}");
        }
    }
    let review = review_brief(BRIEF, Some(Lang::Da), None);
    assert!(!review.diagnostics.iter().any(|d| d.code == "schema"));
}

#[test]
fn the_share_error_says_what_they_sum_to() {
    let source = BRIEF.replace("share = 0.7", "share = 0.6");
    let review = review_brief(&source, Some(Lang::En), None);
    let error = review
        .diagnostics
        .iter()
        .find(|d| d.code == "schema")
        .unwrap();
    assert!(error.message.contains("0.90"), "{}", error.message);
}

#[test]
fn the_profile_terms_fill_the_brief_key_by_key() {
    let profile = parse_profile(
        "[me]\nrate = 700\nname = \"Mette\"\ncvr = \"87654321\"\n\
         [terms]\nvalid_days = 45\npayment_days = 30\nround_to = 1000\n",
        Lang::En,
    );
    assert!(profile.diagnostics.is_empty(), "{:?}", profile.diagnostics);
    let review = review_brief(BRIEF, None, Some(&profile));
    let brief = review.brief.unwrap();
    // The brief's own terms win; what it leaves out comes from the profile.
    assert_eq!(brief.valid_days(), 14);
    assert_eq!(brief.payment_days(), 8);
    assert_eq!(brief.round_to(), 1000.0);
    assert_eq!(brief.me.name.as_ref().unwrap().value, "Mette Holm");
    assert_eq!(brief.me.cvr.as_ref().unwrap().value, "12345678");
    let bad = parse_profile("[terms]\nvat = 2\n", Lang::En);
    assert_eq!(bad.diagnostics.len(), 1);
}
