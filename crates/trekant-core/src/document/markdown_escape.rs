//! Escaping for Markdown: client text placed in a Markdown proposal or question list must
//! come out as the client wrote it, never as markup. `<script>`, `<img onerror=…>`,
//! `![x](http://evil/pixel.gif)` and `[click](javascript:…)` stay text; a newline cannot
//! start a heading or end a list item; `|` cannot break a table.
//!
//! Templates ending in `.md.j2` escape every value this way by default, as `.html.j2`
//! templates escape for HTML and `.typ.j2` for Typst.

use minijinja::value::Value;
use minijinja::{AutoEscape, Environment, Error, Output, State};

/// The name of the auto-escape mode for `.md` templates.
const MODE: &str = "markdown";

/// Characters that are markup anywhere in a line: inline code, emphasis, links and images
/// (`[`, `]`; an escaped `[` leaves `!` and `(` harmless), raw HTML and autolinks (`<`, `>`),
/// table cells, strikethrough, and the backslash itself.
const ACTIVE: &[char] = &['\\', '`', '*', '_', '[', ']', '<', '>', '|', '~'];

/// `text` as Markdown that shows exactly `text` (CommonMark and GitHub's tables).
///
/// Active characters are escaped with a backslash, which CommonMark accepts before any ASCII
/// punctuation. Line breaks become spaces: the text may sit in a heading, a list item or a
/// table cell, which a new line would end. At the start of the text, what would open a block
/// (`#` heading, `>` quote, `-`/`+`/`=` list or underline, `1.` numbered list) is escaped
/// too. Other control characters are dropped.
pub fn markdown(text: &str) -> String {
    let mut out = String::with_capacity(text.len() + text.len() / 8);
    let text = text.trim_start_matches([' ', '\t']);
    let digits = text.chars().take_while(char::is_ascii_digit).count();
    let mut chars = text.chars().peekable();
    let mut index = 0usize;
    while let Some(c) = chars.next() {
        let at_start = index == 0 && matches!(c, '#' | '>' | '-' | '+' | '=');
        let number_mark = index == digits
            && digits > 0
            && matches!(c, '.' | ')')
            && chars.peek().is_none_or(|next| next.is_whitespace());
        index += 1;
        if matches!(
            c,
            '\n' | '\r' | '\x0B' | '\x0C' | '\u{0085}' | '\u{2028}' | '\u{2029}'
        ) {
            if c == '\r' && chars.peek() == Some(&'\n') {
                chars.next();
            }
            out.push(' ');
        } else if ACTIVE.contains(&c) || at_start || number_mark {
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

/// Sets up `env` so that `.md` templates escape every value for Markdown unless it is marked
/// safe; `.typ` and `.html` templates keep their own escaping.
pub(crate) fn configure(env: &mut Environment) {
    crate::document::typst_escape::configure(env);
    env.set_auto_escape_callback(|name| {
        let stem = name.strip_suffix(".j2").unwrap_or(name);
        if stem.ends_with(".md") || stem.ends_with(".markdown") {
            AutoEscape::Custom(MODE.into())
        } else {
            crate::document::typst_escape::auto_escape(name)
        }
    });
    env.set_formatter(format);
}

/// The formatter: Markdown escaping in `.md` templates, Typst's or HTML's elsewhere.
fn format(out: &mut Output, state: &mut State, value: &Value) -> Result<(), Error> {
    match state.auto_escape() {
        AutoEscape::Custom(mode) if mode == MODE => {
            let text = if value.is_none() || value.is_undefined() {
                String::new()
            } else if value.is_safe() {
                value.to_string()
            } else {
                markdown(&value.to_string())
            };
            out.write_str(&text).map_err(Error::from)
        }
        _ => crate::document::typst_escape::format(out, state, value),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn client_markup_stays_text() {
        assert_eq!(
            markdown("<script>alert(1)</script>"),
            r"\<script\>alert(1)\</script\>"
        );
        assert_eq!(
            markdown("<img src=x onerror=alert(1)>"),
            r"\<img src=x onerror=alert(1)\>"
        );
        assert_eq!(
            markdown("![x](http://evil/pixel.gif)"),
            r"!\[x\](http://evil/pixel.gif)"
        );
        assert_eq!(
            markdown("[click](javascript:alert(1))"),
            r"\[click\](javascript:alert(1))"
        );
        assert_eq!(markdown("Shop\n# Owned"), "Shop # Owned");
        assert_eq!(markdown("a | b"), r"a \| b");
        assert_eq!(markdown("# h"), r"\# h");
        assert_eq!(markdown("- item"), r"\- item");
        assert_eq!(markdown("12. maj"), r"12\. maj");
        assert_eq!(
            markdown("*fed* _kursiv_ `kode`"),
            r"\*fed\* \_kursiv\_ \`kode\`"
        );
        assert_eq!(
            markdown("107.508 kr. – 18. januar 2027, æøå"),
            "107.508 kr. – 18. januar 2027, æøå"
        );
    }
}
