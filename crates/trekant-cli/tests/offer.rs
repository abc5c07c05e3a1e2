//! The proposal as an offer a client can sign (issue 9): sender, moms, firm prices that sum,
//! the payment plan, validity, acceptance — and client text inert in every format.

use std::path::Path;
use std::process::Command;

use super::cli::{code, scratch, stderr, stdout, trekant, workspace};

fn example(name: &str) -> String {
    workspace()
        .join("examples")
        .join(name)
        .to_str()
        .unwrap()
        .to_owned()
}

/// "22.287 kr." → 22287.
fn kroner(cell: &str) -> i64 {
    let digits: String = cell
        .trim()
        .trim_end_matches("kr.")
        .chars()
        .filter(char::is_ascii_digit)
        .collect();
    digits
        .parse()
        .unwrap_or_else(|_| panic!("not an amount: {cell:?}"))
}

/// The rows of the Markdown table that follows the line `header` starts.
fn table_after<'a>(markdown: &'a str, header: &str) -> Vec<Vec<&'a str>> {
    let start = markdown
        .find(header)
        .unwrap_or_else(|| panic!("no {header:?} in {markdown}"));
    markdown[start..]
        .lines()
        .skip(2)
        .take_while(|l| l.starts_with('|'))
        .map(|l| l.trim_matches('|').split(" | ").map(str::trim).collect())
        .collect()
}

/// The amount of the line `label: amount` (bold or not) of the price's sum.
fn amount_after(markdown: &str, label: &str) -> i64 {
    let line = markdown
        .lines()
        .map(|l| l.trim_start_matches("**").trim_end().trim_end_matches("**"))
        .find(|l| l.starts_with(&format!("{label}: ")) && l.ends_with("kr."))
        .unwrap_or_else(|| panic!("no {label:?} in {markdown}"));
    kroner(&line[label.len() + 1..])
}

#[test]
fn the_kaffe_nord_offer_can_be_sent() {
    let output = trekant(&["proposal", &example("kaffe-nord.toml")]);
    assert_eq!(code(&output), 0, "{}", stderr(&output));
    let md = stdout(&output);
    // The sender, with CVR, and the client's contact.
    for text in [
        "**Holm Digital ApS** · Mette Holm",
        "CVR 12345678",
        "mette@holmdigital.dk",
        "Att. Lone Madsen",
    ] {
        assert!(md.contains(text), "{text:?} missing:\n{md}");
    }
    // The offer number: <year>-<n>.
    let number = md
        .split("Tilbudsnr. ")
        .nth(1)
        .and_then(|rest| rest.split_whitespace().next())
        .unwrap();
    let (year, n) = number.split_once('-').unwrap();
    assert!(year.len() == 4 && year.parse::<u32>().is_ok() && n.parse::<u32>().is_ok());

    // The client's e-mail is never pasted; the provider's summary is there instead.
    assert!(!md.contains("Det er jo bare en lille opgave") && !md.contains("Hej!"));
    assert!(md.contains("Vi bygger en webshop med eget design"));

    // The price ex. moms is rounded up to 500; moms and the total incl. moms follow.
    let ex = amount_after(&md, "Fast pris ekskl. moms");
    let moms = amount_after(&md, "Moms 25 %");
    let incl = amount_after(&md, "I alt inkl. moms");
    assert_eq!(ex % 500, 0, "{ex}");
    assert_eq!(moms, ex / 4);
    assert_eq!(incl, ex + moms);
    // The parts sum exactly to the price, and so do the payments.
    let items = table_after(&md, "| Del |");
    assert_eq!(items.len(), 4, "{items:?}");
    assert_eq!(items.iter().map(|r| kroner(r[2])).sum::<i64>(), ex);
    let payments = table_after(&md, "| Betaling |");
    let amounts: Vec<i64> = payments.iter().map(|r| kroner(r[2])).collect();
    assert_eq!(amounts.iter().sum::<i64>(), ex);
    assert_eq!(amounts, [ex * 3 / 10, ex * 4 / 10, ex * 3 / 10]);
    assert!(
        payments[0][0].starts_with("30 % ved opstart"),
        "{payments:?}"
    );
    assert!(payments[0][1].contains("januar 2027"));
    assert!(md.contains("Betalingsbetingelser: netto 14 dage."));

    // Valid for 30 days from today.
    let today = jiff::ZonedDateTime::now().date();
    let until = today.checked_add(jiff::ToSpan::days(30)).unwrap();
    let until = trekant_core::format::date(until, trekant_core::Lang::Da);
    assert!(
        md.contains(&format!("Tilbuddet gælder til {until}.")),
        "{until}"
    );
    // The acceptance block, with the sender's name.
    for text in [
        "## Accept",
        "**Accepteret af** Kaffe Nord ApS",
        "Underskrift: ___",
        "**Tilbudsgiver** Holm Digital ApS, Mette Holm",
    ] {
        assert!(md.contains(text), "{text:?} missing");
    }
    // The alternatives: no "not possible" as a price, no star.
    assert!(!md.contains("Ikke muligt") && !md.contains('★'));
}

/// A small SVG logo, as a sender would have.
const LOGO: &str = r##"<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 200 56" width="200" height="56"><rect x="0" y="6" width="44" height="44" rx="10" fill="#1f6f43"/><text x="54" y="35" font-size="20" font-weight="700" fill="#1f2933">Holm Digital</text></svg>"##;

/// The Kaffe Nord example with a logo, in `dir` (the logo beside it).
fn kaffe_nord_with_logo(dir: &Path) -> std::path::PathBuf {
    let source = std::fs::read_to_string(example("kaffe-nord.toml")).unwrap();
    std::fs::write(dir.join("logo.svg"), LOGO).unwrap();
    let brief = dir.join("kaffe.toml");
    let with_logo = source.replace(
        "address = \"Nørregade 12, 8000 Aarhus C\"\n",
        "address = \"Nørregade 12, 8000 Aarhus C\"\nlogo = \"logo.svg\"\n",
    );
    assert_ne!(with_logo, source);
    std::fs::write(&brief, with_logo).unwrap();
    brief
}

#[test]
fn the_kaffe_nord_html_embeds_the_logo_and_prints_on_three_pages() {
    let dir = scratch("offer-html");
    let html = dir.join("tilbud.html");
    let brief = kaffe_nord_with_logo(&dir);
    let output = trekant(&[
        "proposal",
        brief.to_str().unwrap(),
        "-o",
        html.to_str().unwrap(),
    ]);
    assert_eq!(code(&output), 0, "{}", stderr(&output));
    let page = std::fs::read_to_string(&html).unwrap();
    let logo = page.split("<img class=\"logo\" src=\"").nth(1).unwrap();
    assert!(logo.starts_with("data:image") && logo.contains("base64,PHN2Zy"));
    assert!(page.contains("id=\"accept\"") && page.contains("Accepteret af"));

    let chromium = Path::new("/usr/bin/chromium");
    if !chromium.exists() {
        eprintln!("skipped: printing the offer needs /usr/bin/chromium");
        return;
    }
    let pdf = dir.join("tilbud.pdf");
    let profile = dir.join("chromium-profile");
    let status = Command::new(chromium)
        .args([
            "--headless",
            "--no-sandbox",
            "--disable-gpu",
            "--no-first-run",
            "--disable-background-networking",
            "--disable-component-update",
            "--disable-sync",
            "--no-pdf-header-footer",
        ])
        .arg(format!("--user-data-dir={}", profile.display()))
        .arg(format!("--print-to-pdf={}", pdf.display()))
        .arg(format!("file://{}", html.display()))
        .output()
        .expect("chromium runs");
    assert!(status.status.success(), "{}", stderr(&status));
    let bytes = std::fs::read(&pdf).unwrap();
    // Every page object says `/Type /Page` (the tree itself is `/Pages`).
    let text = String::from_utf8_lossy(&bytes);
    let pages = text.matches("/Type /Page").count() - text.matches("/Type /Pages").count();
    assert!((1..=3).contains(&pages), "{pages} pages");
}

#[test]
fn a_logo_that_cannot_be_used_is_a_located_error() {
    let dir = scratch("offer-logo");
    let brief = kaffe_nord_with_logo(&dir);
    let source = std::fs::read_to_string(&brief).unwrap();
    let cases: [(&str, &[u8], &str); 3] = [
        ("missing.svg", b"", "kan ikke læses"),
        (
            "logo.png",
            b"not an image at all",
            "er ikke et PNG-, JPEG- eller SVG-billede",
        ),
        ("big.png", &[0x89; 600 * 1024], "er for stort"),
    ];
    for (name, bytes, says) in cases {
        if !bytes.is_empty() {
            std::fs::write(dir.join(name), bytes).unwrap();
        }
        std::fs::write(&brief, source.replace("logo.svg", name)).unwrap();
        let output = trekant(&["proposal", brief.to_str().unwrap()]);
        assert_eq!(code(&output), 1, "{name}: {}", stderr(&output));
        let message = stderr(&output);
        let line = source
            .lines()
            .position(|l| l.starts_with("logo ="))
            .unwrap()
            + 1;
        assert!(
            message.contains(&format!("kaffe.toml:{line}:8")) && message.contains(says),
            "{name}: {message}"
        );
    }
}

const EVIL: &str = r#"[project]
name = "Evil <script>alert(1)</script>"
client = "Evil & Co <img src=x onerror=alert(2)>"
contact = "<b>Lone</b> #set page(width: 1pt)"
summary = "<script>alert(3)</script> *bold* #emph[x] [link](javascript:alert(4))"
quote = "</blockquote><script>alert(5)</script> ]) #panic()"
start = 2027-01-04
[request]
text = "Vi skal have en shop. Mvh Bo Evilsen <script>alert(6)</script>"
budget = 100000
[me]
rate = 100
name = "<i>Mette</i> #pagebreak()"
company = "Holm & <Søn> ApS"
address = "`code` | pipe"
[[item]]
id = "a"
title = "<script>alert(7)</script> | cell"
description = "<img src=x onerror=alert(8)> #text(red)[x] \\ **b**"
estimate = [1, 2, 3]
priority = "must"
[terms]
payment = [{ share = 0.5, at = "start" }, { share = 0.5, at = "a" }]
"#;

#[test]
fn client_text_is_inert_in_every_format() {
    let dir = scratch("offer-evil");
    let brief = dir.join("evil.toml");
    std::fs::write(&brief, EVIL).unwrap();
    let brief = brief.to_str().unwrap();
    let render = |ext: &str| {
        let out = dir.join(format!("evil.{ext}"));
        let output = trekant(&["proposal", brief, "-o", out.to_str().unwrap()]);
        assert_eq!(code(&output), 0, "{ext}: {}", stderr(&output));
        std::fs::read_to_string(out).unwrap()
    };
    let html = render("html").to_lowercase();
    assert!(!html.contains("<script") && !html.contains("<img src=x"));
    assert!(!html.contains("<b>lone") && !html.contains("<i>mette"));
    assert!(html.contains("&lt;script&gt;alert(3)"));
    assert!(!html.contains("evilsen"), "the e-mail is never pasted");

    let md = render("md");
    // Every client `<` comes escaped.
    let bare = |tag: &str| md.match_indices(tag).any(|(i, _)| !md[..i].ends_with('\\'));
    assert!(
        !bare("<script") && !bare("<img") && !bare("<b>") && !bare("<i>"),
        "{md}"
    );
    assert!(md.contains("\\<script\\>alert(3)"));
    assert!(md.contains("\\| cell") && md.contains("\\| pipe"));
    assert!(!md.contains("Evilsen"));

    let typ = render("typ");
    for active in [
        "#set page(width",
        "#emph[",
        "#panic()",
        "#pagebreak()",
        "#text(red)",
    ] {
        let bare = typ
            .match_indices(active)
            .any(|(i, _)| !typ[..i].ends_with('\\'));
        assert!(!bare, "{active} came through: {typ}");
    }
    assert!(typ.contains("\\#set page") && typ.contains("\\#panic()"));
    assert!(!typ.contains("Evilsen"));
}

#[test]
fn a_consumer_offer_leads_with_the_price_incl_moms() {
    let dir = scratch("offer-consumer");
    let source = std::fs::read_to_string(example("kaffe-nord.toml"))
        .unwrap()
        .replace("customer = \"business\"", "customer = \"consumer\"");
    let brief = dir.join("privat.toml");
    std::fs::write(&brief, source).unwrap();
    let output = trekant(&["proposal", brief.to_str().unwrap()]);
    assert_eq!(code(&output), 0, "{}", stderr(&output));
    let md = stdout(&output);
    let incl = amount_after(&md, "Fast pris inkl. moms");
    let moms = amount_after(&md, "heraf moms 25 %");
    assert_eq!(incl % 500, 0, "{incl}");
    assert_eq!(moms, incl - (incl as f64 / 1.25).round() as i64);
    assert!(!md.contains("Fast pris ekskl. moms"));
    let items = table_after(&md, "| Del |");
    assert_eq!(items.iter().map(|r| kroner(r[2])).sum::<i64>(), incl);
    assert!(md.contains("| Pris inkl. moms |"));
}

/// Musts that cannot all fit: the offer defers one and says what the whole list needs;
/// when nothing fits, it says what the task takes.
#[test]
fn when_nothing_fits_the_offer_is_still_one_to_accept() {
    let dir = scratch("offer-nothing-fits");
    let tight = r#"[project]
name = "Webshop"
language = "da"
start = 2027-01-04
[request]
budget = 30000
[me]
rate = 1000
[[item]]
id = "shop"
title = "Webshop"
estimate = [18, 20, 24]
priority = "must"
value = 10
[[item]]
id = "catalog"
title = "Kagekatalog"
estimate = [20, 25, 30]
priority = "must"
value = 5
"#;
    let brief = dir.join("tight.toml");
    std::fs::write(&brief, tight).unwrap();
    let output = trekant(&["proposal", brief.to_str().unwrap()]);
    assert_eq!(code(&output), 0, "{}", stderr(&output));
    let md = stdout(&output);
    assert!(md.contains("## Mit tilbud"), "{md}");
    assert!(md.contains("**Kagekatalog kommer i fase 2.**"), "{md}");
    assert!(
        md.contains("Alle de nødvendige dele kræver et budget på"),
        "{md}"
    );
    assert!(!md.contains("Ikke muligt"));

    let options = trekant(&["options", brief.to_str().unwrap(), "--format", "json"]);
    let json: serde_json::Value = serde_json::from_str(&stdout(&options)).unwrap();
    let recommended = &json["options"][3];
    assert_eq!(recommended["kind"], "recommended");
    assert_eq!(recommended["feasible"], true);
    assert_eq!(recommended["deferred_must"], serde_json::json!(["catalog"]));

    std::fs::write(&brief, tight.replace("30000", "5000")).unwrap();
    let output = trekant(&["proposal", brief.to_str().unwrap()]);
    let md = stdout(&output);
    assert!(md.contains("## Det kræver opgaven"), "{md}");
    assert!(md.contains("**Det kræver opgaven: "), "{md}");
    assert!(!md.contains("## Betalingsplan"), "nothing to pay for yet");
}

#[test]
fn options_that_are_the_same_are_shown_once() {
    let output = trekant(&["proposal", &example("harbour-physio.toml")]);
    assert_eq!(code(&output), 0, "{}", stderr(&output));
    let md = stdout(&output);
    let rows = table_after(&md, "| Option |");
    let same = rows.iter().filter(|r| r[1].starts_with("Same as")).count();
    let priced = rows
        .iter()
        .filter(|r| r[1].ends_with("kr.") || r[1].starts_with("DKK"))
        .count();
    assert_eq!(
        same + priced + rows.iter().filter(|r| r[1] == "–").count(),
        rows.len()
    );
    assert!(same >= 1, "{rows:?}");
}
