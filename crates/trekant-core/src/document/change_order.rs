//! The change order: a short document that prices a client's new wish (what is added, the
//! price, the new delivery date, the effect on budget and deadline), rendered from minijinja
//! templates to Markdown or self-contained HTML like the proposal.
//!
//! Client text (the change's title, the project name) is escaped for the output: HTML
//! escaping in `.html.j2`, Markdown escaping in `.md.j2` (every value, unless marked safe),
//! so a title with `#`, `*`, `|`, `<script>`, `[x](javascript:…)` or a newline comes out as
//! the text it is.

use jiff::civil::Date;
use minijinja::{AutoEscape, Environment, Error, Output, State, Value};
use serde::Serialize;

use crate::brief::Brief;
use crate::forecast::change::PricedChange;
use crate::forecast::estimate::VerdictClass;
use crate::format::{date, hours, money, percent};
use crate::lang::Lang;

/// The output format of a change order.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Format {
    Markdown,
    Html,
}

impl Format {
    /// The template's file name; its extension decides the escaping.
    pub fn template_name(self) -> &'static str {
        match self {
            Format::Markdown => "change_order.md.j2",
            Format::Html => "change_order.html.j2",
        }
    }
}

/// The built-in templates, by file name.
pub const BUILT_IN: [(&str, &str); 2] = [
    (
        "change_order.md.j2",
        include_str!("../../templates/change_order.md.j2"),
    ),
    (
        "change_order.html.j2",
        include_str!("../../templates/change_order.html.j2"),
    ),
];

/// One part of the change order: a heading and its lines.
#[derive(Clone, Debug, PartialEq, Serialize)]
pub struct Section {
    pub title: String,
    pub lines: Vec<String>,
}

fn section(title: &str, lines: Vec<String>) -> Section {
    Section {
        title: title.to_string(),
        lines,
    }
}

#[derive(Serialize)]
struct Context {
    lang: &'static str,
    heading: String,
    sections: Vec<Section>,
}

/// Renders the change order for `priced` against `brief`.
pub fn render(
    priced: &PricedChange,
    brief: &Brief,
    lang: Lang,
    format: Format,
) -> Result<String, Error> {
    let (heading, sections) = sections(priced, brief, lang);
    fill(heading, sections, lang, format)
}

/// The template of `format` filled with the order's heading and sections.
fn fill(
    heading: String,
    sections: Vec<Section>,
    lang: Lang,
    format: Format,
) -> Result<String, Error> {
    let context = Context {
        lang: lang.code(),
        heading,
        sections,
    };
    let mut env = Environment::new();
    configure(&mut env);
    let name = format.template_name();
    let source = BUILT_IN
        .iter()
        .find(|(n, _)| *n == name)
        .map_or("", |(_, s)| *s);
    env.add_template(name, source)?;
    let mut text = env
        .get_template(name)?
        .render(Value::from(minijinja::value::Serde(context)))?;
    // minijinja drops a template's final newline; a text file ends with one.
    if !text.ends_with('\n') {
        text.push('\n');
    }
    Ok(text)
}

/// The auto-escape modes of the change order's templates.
const MARKDOWN: &str = "markdown";
const HTML: &str = "html";

/// `.md` templates escape every value for Markdown, `.html` templates for HTML.
fn configure(env: &mut Environment) {
    env.set_auto_escape_callback(|name| {
        let stem = name.strip_suffix(".j2").unwrap_or(name);
        if stem.ends_with(".md") {
            AutoEscape::Custom(MARKDOWN.into())
        } else if stem.ends_with(".html") {
            AutoEscape::Custom(HTML.into())
        } else {
            AutoEscape::None
        }
    });
    env.set_formatter(|out: &mut Output, state: &mut State, value: &Value| {
        let text = if value.is_none() || value.is_undefined() {
            String::new()
        } else {
            value.to_string()
        };
        let text = match state.auto_escape() {
            _ if value.is_safe() => text,
            AutoEscape::Custom(mode) if mode == MARKDOWN => markdown(&text),
            AutoEscape::Custom(mode) if mode == HTML => crate::document::svg::escape(&text),
            _ => text,
        };
        out.write_str(&text).map_err(Error::from)
    });
}

/// Characters that start Markdown (CommonMark and GitHub's) inline syntax wherever they
/// stand: emphasis, code, links and images (`[`), raw HTML and autolinks, entities, table
/// cells, strikethrough, headings' closing `#`, and the backslash itself. Each is escaped
/// with a backslash, which CommonMark accepts before any ASCII punctuation. `(`, `)` and `!`
/// need no escape once `[` and `]` have one, so the order's own text stays as it was.
const MARKDOWN_ACTIVE: &[char] = &['\\', '`', '*', '_', '[', ']', '<', '>', '|', '~', '&', '#'];

/// `text` as Markdown inline text that shows exactly `text`. The change order places every
/// value after a heading's `#` or a list item's `-`, so a line break (which could start a
/// heading, a list or a table of its own) becomes a space, other control characters are
/// dropped, and a value that would open a nested list (`- x`, `+ x`, `1. x`) is escaped.
pub fn markdown(text: &str) -> String {
    let mut out = String::with_capacity(text.len() + text.len() / 8);
    let digits = text.chars().take_while(char::is_ascii_digit).count();
    for (n, c) in text.chars().enumerate() {
        let opens_list = (n == 0 && matches!(c, '-' | '+' | '='))
            || (n == digits && n > 0 && matches!(c, '.' | ')'));
        if matches!(c, '\n' | '\r' | '\u{2028}' | '\u{2029}' | '\u{85}' | '\t') {
            out.push(' ');
        } else if MARKDOWN_ACTIVE.contains(&c) || opens_list {
            out.push('\\');
            out.push(c);
        } else if !c.is_control() {
            out.push(c);
        }
    }
    out
}

fn class_name(class: VerdictClass, lang: Lang) -> String {
    match class {
        VerdictClass::Realistic => crate::t!(lang, "change-order-realistic"),
        VerdictClass::Tight => crate::t!(lang, "change-order-tight"),
        VerdictClass::Unrealistic => crate::t!(lang, "change-order-unrealistic"),
        VerdictClass::Unknown => crate::t!(lang, "change-order-unknown"),
    }
}

/// The change order's content as (heading, lines), shared by Markdown and HTML.
fn sections(p: &PricedChange, brief: &Brief, lang: Lang) -> (String, Vec<Section>) {
    let currency = brief.currency();
    let m = |v: f64| money(v, currency, lang);
    let d = |v: Date| date(v, lang);
    let h = |v: f64| hours(v, lang);
    let conf = percent(p.confidence, lang);
    let project = brief.project.name.as_ref().map_or("", |n| n.value.as_str());
    let heading = crate::t!(lang, "change-order-heading", title = p.title.as_str());
    let e = &p.estimate;
    let effort = if e.point {
        format!("{} {}", h(e.likely), crate::t!(lang, "change-order-hours"))
    } else {
        crate::t!(
            lang,
            "change-order-effort-range",
            low = h(e.low),
            high = h(e.high),
            likely = h(e.likely),
        )
    };
    let mut out = Vec::new();
    out.push(section(
        &crate::t!(lang, "change-order-what-is-added"),
        vec![
            crate::t!(
                lang,
                "change-order-title-project",
                title = p.title.as_str(),
                project = project,
            ),
            crate::t!(lang, "change-order-effort", effort = effort),
        ],
    ));
    out.push(section(
        &crate::t!(lang, "change-order-price"),
        vec![
            crate::t!(
                lang,
                "change-order-added",
                added = m(p.added),
                confidence = conf.as_str()
            ),
            crate::t!(
                lang,
                "change-order-total",
                before = m(p.price_before),
                after = m(p.price_before + p.added),
            ),
        ],
    ));
    out.push(section(
        &crate::t!(lang, "change-order-delivery-title"),
        vec![crate::t!(
            lang,
            "change-order-delivery",
            after = d(p.finish_after),
            before = d(p.finish_before),
        )],
    ));
    let mut effect = Vec::new();
    if let Some(budget) = &brief.request.budget {
        let (before, after) = (
            p.before.verdict.p_budget.unwrap_or(1.0),
            p.after.verdict.p_budget.unwrap_or(1.0),
        );
        effect.push(crate::t!(
            lang,
            "change-order-budget-effect",
            budget = m(budget.value),
            after = percent(after, lang),
            before = percent(before, lang),
        ));
    }
    if let Some(deadline) = &brief.request.deadline {
        let (before, after) = (
            p.before.verdict.p_deadline.unwrap_or(1.0),
            p.after.verdict.p_deadline.unwrap_or(1.0),
        );
        effect.push(crate::t!(
            lang,
            "change-order-deadline-effect",
            deadline = d(deadline.value),
            after = percent(after, lang),
            before = percent(before, lang),
        ));
    }
    effect.push(crate::t!(
        lang,
        "change-order-verdict",
        after = class_name(p.after.verdict.class, lang),
        after_odds = percent(p.after.verdict.p_both, lang),
        before = class_name(p.before.verdict.class, lang),
        before_odds = percent(p.before.verdict.p_both, lang),
    ));
    out.push(section(&crate::t!(lang, "change-order-effect"), effect));
    out.push(section(
        &crate::t!(lang, "change-order-validity"),
        vec![crate::t!(
            lang,
            "change-order-valid-until",
            date = d(p.valid_until)
        )],
    ));
    (heading, out)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn order(title: &str) -> (String, Vec<Section>) {
        (
            format!("Change order: {title}"),
            vec![
                section(
                    "What is added",
                    vec![
                        format!("{title} (project: Kaffe)"),
                        "Effort: 6 hours".into(),
                    ],
                ),
                section(
                    "Validity",
                    vec!["This offer is valid until 1 May 2027.".into()],
                ),
            ],
        )
    }

    #[test]
    fn plain_text_renders_as_the_hand_written_order_did() {
        let (heading, sections) = order("Gift cards");
        assert_eq!(
            fill(
                heading.clone(),
                sections.clone(),
                Lang::En,
                Format::Markdown
            )
            .unwrap(),
            "# Change order: Gift cards\n\n## What is added\n\n- Gift cards (project: Kaffe)\n\
             - Effort: 6 hours\n\n## Validity\n\n- This offer is valid until 1 May 2027.\n"
        );
        assert_eq!(
            fill(heading, sections, Lang::En, Format::Html).unwrap(),
            "<!DOCTYPE html>\n<html lang=\"en\">\n<head>\n<meta charset=\"utf-8\">\n\
             <title>Change order: Gift cards</title>\n</head>\n<body>\n\
             <h1>Change order: Gift cards</h1>\n<h2>What is added</h2>\n<ul>\n\
             <li>Gift cards (project: Kaffe)</li>\n<li>Effort: 6 hours</li>\n</ul>\n\
             <h2>Validity</h2>\n<ul>\n<li>This offer is valid until 1 May 2027.</li>\n</ul>\n\
             </body>\n</html>\n"
        );
    }

    #[test]
    fn client_text_in_markdown_is_inert() {
        let evil = "# big *bold* | cell <script>alert(1)</script> [x](javascript:alert(1)) \
                    ![p](http://evil/pixel.gif) `code` ~~s~~ &amp; _e_ \\\nnew line\r\n## heading";
        let (heading, sections) = order(evil);
        let md = fill(heading, sections, Lang::En, Format::Markdown).unwrap();
        let lines: Vec<&str> = md.lines().collect();
        // Exactly the order's own lines: the newlines in the title started nothing.
        assert_eq!(lines.len(), 10, "{md}");
        assert_eq!(lines.iter().filter(|l| l.starts_with('#')).count(), 3);
        // Every active character of the title is escaped wherever it appears.
        let unescaped = |c: char| {
            md.match_indices(c)
                .any(|(i, _)| i == 0 || !md[..i].ends_with('\\'))
        };
        for c in ['<', '>', '[', ']', '*', '|', '`', '~', '&', '_'] {
            assert!(!unescaped(c), "{c} in {md}");
        }
        assert!(md.contains(r"\<script\>alert(1)\</script\>"), "{md}");
        assert!(md.contains(r"\[x\](javascript:alert(1))"), "{md}");
        assert!(md.contains(r"\# big \*bold\* \| cell"), "{md}");
    }

    #[test]
    fn markdown_escapes_what_would_open_a_list_or_a_heading() {
        assert_eq!(markdown("- x"), r"\- x");
        assert_eq!(markdown("+ x"), r"\+ x");
        assert_eq!(markdown("12. x"), r"12\. x");
        assert_eq!(markdown("3) x"), r"3\) x");
        assert_eq!(markdown("a - b 1. c (d)!"), "a - b 1. c (d)!");
        assert_eq!(markdown("a\nb\tc\u{0}d"), "a b cd");
        assert_eq!(markdown("Café æøå 80 %"), "Café æøå 80 %");
    }

    #[test]
    fn client_text_in_html_is_escaped() {
        let (heading, sections) = order("<b>\"x\" & 'y'</b>");
        let html = fill(heading, sections, Lang::En, Format::Html).unwrap();
        assert!(!html.contains("<b>"), "{html}");
        assert!(html.contains("&lt;b&gt;&quot;x&quot; &amp; &#39;y&#39;&lt;/b&gt;"));
    }
}
