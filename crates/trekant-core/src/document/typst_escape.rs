//! Escaping for Typst, the language of the PDF proposal: client text placed in a Typst
//! document must come out as the client wrote it, never as markup or code. A brief saying
//! `#panic("x")`, `$x$` or `]` is text, like any other.
//!
//! Templates ending in `.typ.j2` escape every value for Typst markup by default (the
//! minijinja formatter below), as `.html.j2` templates escape for HTML. Values that go into
//! Typst code instead — the SVG charts passed to `image(bytes(...))`, the document title —
//! go through the `typst_str` filter, which makes a quoted Typst string literal.

use minijinja::value::Value;
use minijinja::{AutoEscape, Environment, Error, Output, State};

/// The name of the auto-escape mode for `.typ` templates.
const MODE: &str = "typst";

/// Characters that mean something in Typst markup, anywhere in a line or at its start:
/// code (`#`), math (`$`), strong and emphasis, raw text, labels and references, content
/// blocks, shorthands (`~`, `--`, `...`, `-1`), headings, lists, enumerations (`1.`), term
/// lists, comments and links (`//`, `https:`), smart quotes, and the backslash itself.
const ACTIVE: &[char] = &[
    '\\', '#', '$', '*', '_', '`', '<', '>', '@', '[', ']', '~', '=', '-', '+', '/', '\'', '"',
    '.', ':',
];

/// Typst's newline characters (`typst_syntax::is_newline`).
fn is_newline(c: char) -> bool {
    matches!(
        c,
        '\n' | '\x0B' | '\x0C' | '\r' | '\u{0085}' | '\u{2028}' | '\u{2029}'
    )
}

/// `text` as Typst markup that shows exactly `text`.
///
/// Every active character is escaped with a backslash, which Typst accepts before any
/// character. A newline becomes a forced line break (`\ `) rather than a new source line,
/// because a new line could end the list item or table cell the text sits in, and a blank
/// line would start a new paragraph outside it. Other control characters are dropped.
pub fn markup(text: &str) -> String {
    let mut out = String::with_capacity(text.len() + text.len() / 4);
    let mut chars = text.chars().peekable();
    while let Some(c) = chars.next() {
        if is_newline(c) {
            if c == '\r' && chars.peek() == Some(&'\n') {
                chars.next();
            }
            out.push_str("\\ ");
        } else if ACTIVE.contains(&c) {
            out.push('\\');
            out.push(c);
        } else if c == '\t' {
            out.push(' ');
        } else if !c.is_control() {
            out.push(c);
        }
    }
    out
}

/// `text` as a quoted Typst string literal, for values used in Typst code.
pub(crate) fn string_literal(text: &str) -> String {
    let mut out = String::with_capacity(text.len() + 2);
    out.push('"');
    for c in text.chars() {
        match c {
            '\\' => out.push_str("\\\\"),
            '"' => out.push_str("\\\""),
            '\n' => out.push_str("\\n"),
            '\r' => out.push_str("\\r"),
            '\t' => out.push_str("\\t"),
            c if c.is_control() || is_newline(c) => {
                out.push_str(&format!("\\u{{{:x}}}", u32::from(c)));
            }
            c => out.push(c),
        }
    }
    out.push('"');
    out
}

/// Sets up `env` so that `.typ` templates (`proposal.typ.j2`) escape every value for Typst
/// markup unless it is marked safe, and offers the `typst_str` filter. Other templates keep
/// minijinja's default (HTML escaping for `.html`).
pub(crate) fn configure(env: &mut Environment) {
    env.set_auto_escape_callback(auto_escape);
    env.set_formatter(format);
    env.add_filter("typst_str", |value: Value| {
        Value::from_safe_string(string_literal(&plain(&value)))
    });
}

/// The escaping of a template by its name: Typst for `.typ`, minijinja's default elsewhere.
pub(crate) fn auto_escape(name: &str) -> AutoEscape {
    let stem = name.strip_suffix(".j2").unwrap_or(name);
    if stem.ends_with(".typ") {
        AutoEscape::Custom(MODE.into())
    } else {
        minijinja::default_auto_escape_callback(name)
    }
}

/// The formatter: Typst markup escaping in `.typ` templates, minijinja's own elsewhere.
pub(crate) fn format(out: &mut Output, state: &mut State, value: &Value) -> Result<(), Error> {
    match state.auto_escape() {
        AutoEscape::Custom(mode) if mode == MODE => {
            let text = if value.is_safe() {
                plain(value)
            } else {
                markup(&plain(value))
            };
            out.write_str(&text).map_err(Error::from)
        }
        _ => minijinja::escape_formatter(out, state, value),
    }
}

/// The text of a value; `none` and undefined print nothing in a Typst document.
fn plain(value: &Value) -> String {
    if value.is_none() || value.is_undefined() {
        String::new()
    } else {
        value.to_string()
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn every_active_character_is_escaped() {
        assert_eq!(markup("#panic(\"x\")"), r#"\#panic(\"x\")"#);
        assert_eq!(markup("$x$ * _a_ `r`"), r"\$x\$ \* \_a\_ \`r\`");
        assert_eq!(markup("<script>@ref [a] ~"), r"\<script\>\@ref \[a\] \~");
        assert_eq!(
            markup("= h - l + e / t: 1. 'q'"),
            r"\= h \- l \+ e \/ t\: 1\. \'q\'"
        );
        assert_eq!(markup(r"\u{41} https://x"), r"\\u{41} https\:\/\/x");
        assert_eq!(markup("plain æøå ÆØÅ 12"), "plain æøå ÆØÅ 12");
    }

    #[test]
    fn newlines_become_line_breaks_and_controls_go() {
        assert_eq!(markup("a\nb\r\nc\rd\u{2028}e"), r"a\ b\ c\ d\ e");
        assert_eq!(markup("a\n\n- b"), r"a\ \ \- b");
        assert_eq!(markup("a\tb\u{0}c\u{1b}"), "a bc");
    }

    #[test]
    fn string_literals_are_quoted_and_escaped() {
        assert_eq!(string_literal("plain"), "\"plain\"");
        assert_eq!(
            string_literal("a\"b\\c\nd\te\u{0}f\u{2028}"),
            r#""a\"b\\c\nd\te\u{0}f\u{2028}""#
        );
        assert_eq!(
            string_literal(r##"<svg fill="#fff">"##),
            r##""<svg fill=\"#fff\">""##
        );
    }

    #[test]
    fn typ_templates_escape_by_default_and_others_do_not_change() {
        let mut env = Environment::new();
        configure(&mut env);
        let text = "{{ v }}|{{ v | safe }}|{{ v | typst_str }}|{{ n }}";
        for name in ["a.typ.j2", "a.html.j2", "a.md.j2"] {
            env.add_template_owned(name, text.to_owned()).unwrap();
        }
        let ctx = minijinja::context! { v => "#x <b>", n => () };
        let render = |name: &str| env.get_template(name).unwrap().render(&ctx).unwrap();
        assert_eq!(render("a.typ.j2"), r##"\#x \<b\>|#x <b>|"#x <b>"|"##);
        assert_eq!(render("a.html.j2"), "#x &lt;b&gt;|#x <b>|\"#x <b>\"|None");
        assert_eq!(render("a.md.j2"), "#x <b>|#x <b>|\"#x <b>\"|None");
    }
}
