//! The loop with the CLI alone, as a Danish freelancer would walk it: a client's e-mail →
//! `init --from` → items written → `review` → `questions` → `options` → `proposal` →
//! `accept` → `track log` → `change` (a preview, then `--accept`) → a change order to sign.

use std::io::Write as _;
use std::path::Path;
use std::process::{Command, Stdio};

use crate::cli::{code, scratch, stderr, stdout, trekant};

const MAIL: &str = "Emne: Ny webshop til Kaffe Nord

Hej!

Vi er et lille kafferisteri i Aarhus og vil gerne have en ny webshop, hvor kunderne kan \
købe bønner og tegne abonnement. Den skal være lækker og professionel, og den skal være \
klar senest 15. december. Vores budget er ca. 40.000 kr.

Mvh
Lone Madsen
Kaffe Nord ApS
";

/// What the freelancer adds after `init --from`: their items, who they are, a later date
/// agreed with the client, and a seed so that proposal, accept and change agree.
fn items(deadline: jiff::civil::Date) -> String {
    format!(
        r#"
[me]
rate = 850
name = "Mads Mikkelsen"
company = "Mikkelsen Web ApS"
cvr = "12345678"
email = "mads@example.dk"

[[item]]
id = "design"
title = "Design af webshoppen"
estimate = [8, 12, 20]
priority = "must"

[[item]]
id = "shop"
title = "Webshop med abonnementer"
estimate = [14, 20, 32]
priority = "must"
depends = ["design"]

[model]
seed = 7
trials = 4000

[terms]
revisions = 2
# deadline moved: {deadline}
"#
    )
}

fn run(dir: &Path, args: &[&str]) -> std::process::Output {
    let db = dir.join("trekant.db");
    let mut all = vec!["--db", db.to_str().unwrap()];
    all.extend_from_slice(args);
    trekant(&all)
}

/// The amount of a change order's table row (Markdown: `| label | 49\.500 kr. |`).
fn row_amount(md: &str, label: &str) -> i64 {
    let line = md
        .lines()
        .find(|l| l.starts_with("| ") && l.contains(label))
        .unwrap_or_else(|| panic!("no row {label} in\n{md}"));
    let cell = line.trim_end_matches(" |").rsplit(" | ").next().unwrap();
    cell.chars()
        .filter(char::is_ascii_digit)
        .collect::<String>()
        .parse()
        .unwrap()
}

#[test]
fn from_an_email_to_a_signed_change_order() {
    let dir = scratch("loop");
    let mail = dir.join("mail.txt");
    std::fs::write(&mail, MAIL).unwrap();
    let brief = dir.join("kaffe.toml");
    let (mail_s, brief_s) = (mail.to_str().unwrap(), brief.to_str().unwrap());

    // init --from: the mail verbatim, budget and deadline proposed with their quotes.
    let init = run(&dir, &["init", "--from", mail_s, "-o", brief_s]);
    assert_eq!(code(&init), 0, "{}", stderr(&init));
    let drafted = std::fs::read_to_string(&brief).unwrap();
    assert!(drafted.contains("budget = 40000 "), "{drafted}");
    assert!(
        drafted.contains("fra mailen: \"budget er ca. 40.000 kr.\""),
        "{drafted}"
    );
    let today = jiff::ZonedDateTime::now().date();
    let december = (0..2)
        .map(|k| jiff::civil::date(today.year() + k, 12, 15))
        .find(|d| *d > today)
        .unwrap();
    assert!(
        drafted.contains(&format!("deadline = {december} ")),
        "{drafted}"
    );
    assert!(drafted.contains("contact = \"Lone Madsen\""), "{drafted}");
    assert!(stderr(&init).contains("40.000 kr."), "{}", stderr(&init));
    // It reviews with no errors as it is.
    let review = run(&dir, &["review", brief_s]);
    assert_eq!(code(&review), 0, "{}", stdout(&review));

    // The freelancer writes the items (and agrees a later date with the client).
    let later = today.checked_add(jiff::Span::new().days(120)).unwrap();
    let edited = drafted
        .replace(
            &format!("deadline = {december}"),
            &format!("deadline = {later}"),
        )
        .replace("# client = \"\"", "client = \"Kaffe Nord ApS\"")
        + &items(later);
    std::fs::write(&brief, edited).unwrap();
    let review = run(&dir, &["review", brief_s]);
    assert_eq!(code(&review), 0, "{}", stdout(&review));

    // questions: to Lone by first name, in the company's "vi", adjectives agreeing.
    let questions = run(&dir, &["questions", brief_s]);
    assert_eq!(code(&questions), 0, "{}", stderr(&questions));
    let q = stdout(&questions);
    assert!(q.starts_with("Hej Lone,\n"), "{q}");
    assert!(q.contains("har vi nogle spørgsmål"), "{q}");
    assert!(q.contains("I synes er 'lækre' og 'professionelle'"), "{q}");

    // No history yet (the database comes with the first offer accepted).
    let options = run(
        &dir,
        &["options", brief_s, "--format", "json", "--no-history"],
    );
    assert_eq!(code(&options), 0, "{}", stderr(&options));
    let options: serde_json::Value = serde_json::from_str(&stdout(&options)).unwrap();
    let recommended = options["options"]
        .as_array()
        .unwrap()
        .iter()
        .find(|o| o["kind"] == "recommended")
        .unwrap();
    assert_eq!(recommended["feasible"], true, "{recommended}");

    let offer = dir.join("tilbud.html");
    let proposal = run(
        &dir,
        &[
            "proposal",
            brief_s,
            "-o",
            offer.to_str().unwrap(),
            "--no-history",
        ],
    );
    assert_eq!(code(&proposal), 0, "{}", stderr(&proposal));

    // accept: the offer recorded, its scope tracked.
    let accept = run(&dir, &["accept", brief_s]);
    assert_eq!(code(&accept), 0, "{}", stderr(&accept));
    let accepted = stdout(&accept);
    assert!(
        accepted.contains("accepteret for Ny webshop til Kaffe Nord"),
        "{accepted}"
    );
    assert!(
        accepted.contains("følger `Ny webshop til Kaffe Nord`"),
        "{accepted}"
    );
    let again = run(&dir, &["accept", brief_s]);
    assert_eq!(code(&again), 2, "accepting twice: {}", stdout(&again));

    let log = run(&dir, &["track", "log", "design", "3", "--lang", "da"]);
    assert_eq!(code(&log), 0, "{}", stderr(&log));

    // A preview records nothing.
    let change = [
        "change",
        brief_s,
        "--title",
        "Gavekort",
        "--estimate",
        "4,6,10",
    ];
    let preview = run(&dir, &change);
    assert_eq!(code(&preview), 0, "{}", stderr(&preview));
    assert!(
        stderr(&preview).contains("intet er registreret"),
        "{}",
        stderr(&preview)
    );
    let status = |dir: &Path| -> serde_json::Value {
        let out = run(dir, &["track", "status", "--format", "json"]);
        serde_json::from_str(&stdout(&out)).unwrap()
    };
    assert_eq!(status(&dir)["changes"].as_array().unwrap().len(), 0);
    let md = stdout(&preview);
    let accepted_price = row_amount(&md, "Accepteret pris (tilbud");
    let change_price = row_amount(&md, "Ændringen: Gavekort");
    let total = row_amount(&md, "Ny samlet pris, ekskl. moms");
    assert_eq!(total, accepted_price + change_price, "{md}");
    assert_eq!(change_price % 500, 0, "rounded like the offer: {md}");
    assert!(change_price >= 6 * 850, "{md}");
    assert!(
        accepted.contains(&crate_money(accepted_price)),
        "the accepted offer's own total: {accepted} vs {md}"
    );
    assert_eq!(
        row_amount(&md, "I alt inkl. moms"),
        total * 125 / 100,
        "{md}"
    );

    // --accept: recorded, and the order written to sign.
    let order = dir.join("aendring.html");
    let mut accept_change = change.to_vec();
    accept_change.extend(["--accept", "-o", order.to_str().unwrap()]);
    let signed = run(&dir, &accept_change);
    assert_eq!(code(&signed), 0, "{}", stderr(&signed));
    let html = std::fs::read_to_string(&order).unwrap();
    for part in [
        "Ændringsordre: Gavekort",
        "Mikkelsen Web ApS",
        "CVR 12345678",
        "Kaffe Nord ApS",
        "Lone Madsen",
        "Accepteret af kunden",
        "Underskrift",
        "Mads Mikkelsen",
    ] {
        assert!(html.contains(part), "{part} in {html}");
    }
    let s = status(&dir);
    let changes = s["changes"].as_array().unwrap();
    assert_eq!(changes.len(), 1);
    assert_eq!(changes[0]["accepted"], true);
    assert_eq!(changes[0]["price"], change_price as f64);
}

/// `49500` as the Danish money the output shows: "49.500 kr.".
fn crate_money(amount: i64) -> String {
    trekant_core::format::money(amount as f64, "DKK", trekant_core::Lang::Da)
}

#[test]
fn init_reads_the_mail_from_standard_input() {
    let mut child = Command::new(env!("CARGO_BIN_EXE_trekant"))
        .args(["init", "--from", "-"])
        .env("NO_COLOR", "1")
        .stdin(Stdio::piped())
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .spawn()
        .unwrap();
    child
        .stdin
        .take()
        .unwrap()
        .write_all(b"Hi,\nWe can spend $5,000 and need it by the end of January.\n\"\"\" \\ end")
        .unwrap();
    let out = child.wait_with_output().unwrap();
    assert_eq!(code(&out), 0, "{}", stderr(&out));
    let toml = stdout(&out);
    assert!(toml.contains("language = \"en\""), "{toml}");
    assert!(toml.contains("currency = \"USD\""), "{toml}");
    assert!(toml.contains("budget = 5000 "), "{toml}");
    assert!(toml.contains("-01-31 "), "{toml}");
    assert!(toml.contains("\\\"\\\"\\\" \\\\ end\"\"\""), "{toml}");
}

#[test]
fn accept_refuses_an_option_that_does_not_hold() {
    let dir = scratch("accept-infeasible");
    let today = jiff::ZonedDateTime::now().date();
    let brief = dir.join("tight.toml");
    std::fs::write(
        &brief,
        format!(
            r#"[project]
name = "Tight"
language = "en"
start = {today}
[request]
budget = 1000
deadline = {today}
[me]
rate = 900
[[item]]
id = "all"
estimate = [80, 100, 160]
priority = "must"
[model]
seed = 1
trials = 2000
"#
        ),
    )
    .unwrap();
    let out = run(&dir, &["accept", brief.to_str().unwrap()]);
    assert_eq!(code(&out), 2, "{}", stdout(&out));
    assert!(
        stderr(&out).contains("cannot be accepted"),
        "{}",
        stderr(&out)
    );
    let out = run(
        &dir,
        &[
            "accept",
            brief.to_str().unwrap(),
            "--option",
            "full-scope-normal-pace",
        ],
    );
    assert_eq!(code(&out), 0, "{}", stderr(&out));
}
