//! The proposal as Typst (`-o offer.typ`, always built) and as PDF (`-o offer.pdf`, with the
//! `pdf` feature): client text stays text, templates can be replaced, errors name them.

use super::cli::{code, scratch, stderr, trekant};

/// A brief whose every text field is Typst-active: code, math, markup, shorthands, a link, a
/// comment, a Unicode escape and lines that would start headings, lists and enumerations.
const ACTIVE: &str = r#"[project]
name = 'Shop #panic("x") $x$ *bold* _em_ <script>alert(1)</script>'
client = 'Evil ] Co [ @ref <label> ~ `raw` \u{41}'
purpose = '''= not a heading
- not a list
// not a comment
#set text(red)'''
success = ['1. not an enum', 'see https://example.com/x', 'a --- b ... c']
start = 2027-01-04
# The client's e-mail is never pasted into the offer; the quote the provider chooses is.
quote = '''We need it ] fast #{1 + 1}
+ and /* this */ too'''
[request]
text = '''We need it ] fast #{1 + 1}
+ and /* this */ too'''
budget = 1000
[me]
rate = 100
[[item]]
id = "a"
title = '#panic("item") ]['
estimate = [100, 200, 300]
priority = "must"
alternative = { title = '$ math $ \ back', estimate = [0.5, 1, 2], value = 9 }
[[risk]]
title = '#image("/etc/passwd")'
probability = 0.5
effort = [1, 2, 3]
[terms]
revisions = 1
payment = '50 % * 2 = "all" <b>'
"#;

#[test]
fn typst_source_escapes_client_text() {
    let dir = scratch("typst-source");
    let brief = dir.join("active.toml");
    std::fs::write(&brief, ACTIVE).unwrap();
    let typ = dir.join("active.typ");
    let output = trekant(&[
        "proposal",
        brief.to_str().unwrap(),
        "-o",
        typ.to_str().unwrap(),
    ]);
    assert_eq!(code(&output), 0, "{}", stderr(&output));
    let source = std::fs::read_to_string(&typ).unwrap();
    assert!(source.contains("#set page(") && source.contains("#table("));
    // In markup every active character is escaped; the document title is a string literal.
    let markup = source
        .lines()
        .filter(|l| !l.starts_with("#set document("))
        .collect::<Vec<_>>()
        .join("\n");
    assert!(source.contains(r#"#set document(title: "Proposal: Shop #panic(\"x\") $x$"#));
    for needle in ["#panic", "#image(\"/etc", "#set text(red)", "$x$", "#{1"] {
        for (at, _) in markup.match_indices(needle) {
            assert!(
                at > 0 && markup.as_bytes()[at - 1] == b'\\',
                "unescaped {needle:?} at byte {at}"
            );
        }
    }
    assert!(source.contains(r"\$x\$ \*bold\* \_em\_ \<script\>"));
    // Client lines never start a line of Typst: newlines became line breaks.
    assert!(source.contains(r"\= not a heading\ \- not a list\ \/\/ not a comment"));
}

#[test]
fn init_writes_the_typst_template() {
    let dir = scratch("typst-init");
    let output = trekant(&["init", "--templates", dir.join("tpl").to_str().unwrap()]);
    assert_eq!(code(&output), 0, "{}", stderr(&output));
    let text = std::fs::read_to_string(dir.join("tpl/proposal.typ.j2")).unwrap();
    assert!(text.contains("typst_str") && text.contains("#set page("));
}

/// The PDF itself: only with `--features pdf`.
#[cfg(feature = "pdf")]
mod pdf {
    use std::path::Path;

    use super::ACTIVE;
    use crate::cli::{code, scratch, stderr, trekant, workspace};

    /// Every field's text, as a reader of the document must see it.
    const LITERAL: &[&str] = &[
        r#"Shop #panic("x") $x$ *bold* _em_ <script>alert(1)</script>"#,
        r"Evil ] Co [ @ref <label> ~ `raw` \u{41}",
        "= not a heading",
        "- not a list",
        "// not a comment",
        "#set text(red)",
        "1. not an enum",
        "see https://example.com/x",
        "a --- b ... c",
        "We need it ] fast #{1 + 1}",
        "+ and /* this */ too",
        r#"#panic("item") ]["#,
        r"$ math $ \ back",
        r#"#image("/etc/passwd")"#,
        r#"50 % * 2 = "all" <b>"#,
    ];

    fn example(name: &str) -> String {
        workspace()
            .join("examples")
            .join(name)
            .to_str()
            .unwrap()
            .to_owned()
    }

    /// The text of a PDF, whitespace collapsed, or `None` when `pdftotext` (Debian's
    /// `poppler-utils`) is not installed.
    fn pdf_text(pdf: &Path) -> Option<String> {
        let output = std::process::Command::new("pdftotext")
            .args(["-enc", "UTF-8"])
            .arg(pdf)
            .arg("-")
            .output();
        match output {
            Ok(output) if output.status.success() => Some(
                String::from_utf8_lossy(&output.stdout)
                    .split_whitespace()
                    .collect::<Vec<_>>()
                    .join(" "),
            ),
            _ => {
                eprintln!(
                    "pdftotext is not installed (apt-get install poppler-utils): text not checked"
                );
                None
            }
        }
    }

    /// Writes the proposal of `brief` as PDF and checks it is one.
    fn write_pdf(brief: &str, pdf: &Path, extra: &[&str]) -> Vec<u8> {
        let mut args = vec!["proposal", brief, "-o", pdf.to_str().unwrap()];
        args.extend_from_slice(extra);
        let output = trekant(&args);
        assert_eq!(code(&output), 0, "{}", stderr(&output));
        let bytes = std::fs::read(pdf).unwrap();
        assert!(bytes.starts_with(b"%PDF-"), "{}: not a PDF", pdf.display());
        bytes
    }

    #[test]
    fn every_example_gives_a_pdf_in_danish_and_english() {
        let dir = scratch("pdf-examples");
        let cases = [
            ("kaffe-nord.toml", "Webshop for Kaffe Nord"),
            ("harbour-physio.toml", "Online booking for Harbour Physio"),
            (
                "tandlaege-nyhedsbrev.toml",
                "Nyhedsbrev og indkaldelser for Tandklinikken Vest",
            ),
        ];
        for (file, name) in cases {
            for (lang, heading) in [("da", "Betalingsplan"), ("en", "Payment plan")] {
                let pdf = dir.join(format!("{file}.{lang}.pdf"));
                let bytes = write_pdf(&example(file), &pdf, &["--lang", lang]);
                // Fonts and two charts: far more than an empty page.
                assert!(
                    bytes.len() > 20_000,
                    "{}: {} bytes",
                    pdf.display(),
                    bytes.len()
                );
                if let Some(text) = pdf_text(&pdf) {
                    assert!(text.contains(name), "{file} {lang}: {text}");
                    assert!(text.contains(heading), "{file} {lang}: {text}");
                }
            }
        }
    }

    #[test]
    fn typst_active_client_text_comes_out_literally() {
        let dir = scratch("pdf-active");
        let brief = dir.join("active.toml");
        std::fs::write(&brief, ACTIVE).unwrap();
        let pdf = dir.join("active.pdf");
        write_pdf(brief.to_str().unwrap(), &pdf, &[]);
        if let Some(text) = pdf_text(&pdf) {
            for literal in LITERAL {
                // Line breaks may fall anywhere: compare without whitespace.
                let squeezed = |s: &str| s.split_whitespace().collect::<String>();
                assert!(
                    squeezed(&text).contains(&squeezed(literal)),
                    "{literal:?} missing in: {text}"
                );
            }
        }
    }

    #[test]
    fn the_same_brief_gives_the_same_pdf() {
        let dir = scratch("pdf-same");
        let brief = example("harbour-physio.toml");
        let first = write_pdf(&brief, &dir.join("1.pdf"), &["--seed", "3"]);
        let second = write_pdf(&brief, &dir.join("2.pdf"), &["--seed", "3"]);
        assert!(first == second, "two runs differ");
    }

    #[test]
    fn a_typst_template_can_be_replaced_and_its_errors_name_it() {
        let dir = scratch("pdf-template");
        let templates = dir.join("tpl");
        let output = trekant(&["init", "--templates", templates.to_str().unwrap()]);
        assert_eq!(code(&output), 0, "{}", stderr(&output));
        let template = templates.join("proposal.typ.j2");
        let brief = example("kaffe-nord.toml");
        let pdf = dir.join("custom.pdf");
        let tpl = templates.to_str().unwrap();

        std::fs::write(&template, "= CUSTOM {{ name }}\n#lorem(20)\n").unwrap();
        write_pdf(&brief, &pdf, &["--template", tpl]);
        if let Some(text) = pdf_text(&pdf) {
            assert!(text.starts_with("CUSTOM Webshop for Kaffe Nord"), "{text}");
        }

        std::fs::write(&template, "= {{ name }}\n#no_such_function()\n").unwrap();
        let output = trekant(&[
            "proposal",
            &brief,
            "-o",
            pdf.to_str().unwrap(),
            "--template",
            tpl,
        ]);
        assert_eq!(code(&output), 2);
        let message = stderr(&output);
        assert!(
            message.contains(template.to_str().unwrap())
                && message.contains("typst: unknown variable: no_such_function")
                && message.contains("line 2"),
            "{message}"
        );

        // A template cannot read files: the document is one self-contained source.
        std::fs::write(&template, "#read(\"/etc/hostname\")\n").unwrap();
        let output = trekant(&[
            "proposal",
            &brief,
            "-o",
            pdf.to_str().unwrap(),
            "--template",
            tpl,
        ]);
        assert_eq!(code(&output), 2, "{}", stderr(&output));
    }
}
