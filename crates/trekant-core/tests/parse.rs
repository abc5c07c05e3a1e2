//! Parsing briefs: values, spans and schema errors.

use trekant_core::Lang;
use trekant_core::brief::parse_brief;

#[test]
fn unknown_key_suggests_the_nearest() {
    let src = "[project]\nname = \"x\"\n[request]\ndedline = 2027-02-15\n";
    let parsed = parse_brief(src, Some(Lang::En));
    assert_eq!(parsed.diagnostics.len(), 1, "{:?}", parsed.diagnostics);
    let d = &parsed.diagnostics[0];
    assert_eq!(d.code, "schema");
    assert!(
        d.message.contains("did you mean `deadline`"),
        "{}",
        d.message
    );
    assert_eq!(&src[d.span.clone()], "dedline");
}
