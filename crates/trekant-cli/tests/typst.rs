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
[request]
text = '''We need it ] fast #{1 + 1}
+ and /* this */ too'''
budget = 100000
[me]
rate = 100
[[item]]
id = "a"
title = '#panic("item") ]['
estimate = [1, 2, 3]
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
