//! The change order: a short document the client signs for a new wish — who it is from and
//! to, the price they accepted, the change's firm price, the new total and delivery date,
//! what is added and its effect on budget and deadline, and lines to accept it on — rendered
//! from minijinja templates to Markdown, self-contained HTML styled like the proposal, or
//! Typst.
//!
//! Client text (the change's title, the project name, names and addresses) is escaped for
//! the output: HTML escaping in `.html.j2`, Markdown escaping in `.md.j2`, Typst markup
//! escaping in `.typ.j2` (every value, unless marked safe), so a title with `#`, `*`, `|`,
//! `<script>`, `[x](javascript:…)` or a newline comes out as the text it is.

use jiff::civil::Date;
use minijinja::{AutoEscape, Environment, Error, Output, State, Value};
use serde::Serialize;

use crate::brief::{Brief, Customer, Voice};
use crate::forecast::change::{Figures, PricedChange};
use crate::forecast::estimate::VerdictClass;
use crate::format::{date, hours, money, percent};
use crate::lang::Lang;

/// The output format of a change order.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Format {
    Markdown,
    Html,
    Typst,
}

impl Format {
    /// The template's file name; its extension decides the escaping.
    pub fn template_name(self) -> &'static str {
        match self {
            Format::Markdown => "change_order.md.j2",
            Format::Html => "change_order.html.j2",
            Format::Typst => "change_order.typ.j2",
        }
    }
}

/// The built-in templates, by file name.
pub const BUILT_IN: [(&str, &str); 3] = [
    (
        "change_order.md.j2",
        include_str!("../../templates/change_order.md.j2"),
    ),
    (
        "change_order.html.j2",
        include_str!("../../templates/change_order.html.j2"),
    ),
    (
        "change_order.typ.j2",
        include_str!("../../templates/change_order.typ.j2"),
    ),
];

/// One part of the change order: a heading and its lines.
#[derive(Clone, Debug, PartialEq, Serialize)]
pub struct Section {
    pub title: String,
    pub lines: Vec<String>,
}

/// One line of the order's price table.
#[derive(Clone, Debug, PartialEq, Serialize)]
pub struct Row {
    pub label: String,
    pub value: String,
    /// The line that matters most (the new total).
    pub strong: bool,
}

/// The acceptance block: what signing means, and the lines to sign on.
#[derive(Clone, Debug, Default, PartialEq, Serialize)]
pub struct Acceptance {
    pub title: String,
    pub text: String,
    pub client: String,
    pub name: String,
    pub date: String,
    pub signature: String,
    pub sender: String,
    pub sender_name: String,
}

/// Everything the templates show, in words.
#[derive(Clone, Debug, Default, PartialEq, Serialize)]
pub struct Order {
    pub heading: String,
    pub kicker: String,
    /// "Til tilbud 2027-1 · Webshop · 29. november 2026".
    pub reference: String,
    pub from_label: String,
    pub sender: Vec<String>,
    pub to_label: String,
    pub client: Vec<String>,
    pub summary: Vec<Row>,
    pub sections: Vec<Section>,
    pub acceptance: Option<Acceptance>,
}

#[derive(Serialize)]
struct Context<'a> {
    lang: &'static str,
    #[serde(flatten)]
    order: &'a Order,
}

/// Renders the change order for `priced` against `brief`, with `figures` (the accepted
/// price and the change's firm price), issued on `issued`.
pub fn render(
    priced: &PricedChange,
    figures: &Figures,
    brief: &Brief,
    lang: Lang,
    issued: Date,
    format: Format,
) -> Result<String, Error> {
    fill(&order(priced, figures, brief, lang, issued), lang, format)
}

/// The template of `format` filled with the order.
fn fill(order: &Order, lang: Lang, format: Format) -> Result<String, Error> {
    let context = Context {
        lang: lang.code(),
        order,
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
const TYPST: &str = "typst";

/// `.md` templates escape every value for Markdown, `.html` templates for HTML, `.typ`
/// templates for Typst markup (and offer `typst_str` for a value in Typst code).
fn configure(env: &mut Environment) {
    env.set_auto_escape_callback(|name| {
        let stem = name.strip_suffix(".j2").unwrap_or(name);
        if stem.ends_with(".md") {
            AutoEscape::Custom(MARKDOWN.into())
        } else if stem.ends_with(".html") {
            AutoEscape::Custom(HTML.into())
        } else if stem.ends_with(".typ") {
            AutoEscape::Custom(TYPST.into())
        } else {
            AutoEscape::None
        }
    });
    env.add_filter("typst_str", |value: Value| {
        Value::from_safe_string(crate::document::typst_escape::string_literal(
            &value.to_string(),
        ))
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
            AutoEscape::Custom(mode) if mode == TYPST => {
                crate::document::typst_escape::markup(&text)
            }
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

/// The sender's lines: company or name first, then name, CVR and contact details.
fn sender_lines(brief: &Brief, lang: Lang) -> Vec<String> {
    let me = &brief.me;
    let value = |v: &Option<crate::span::Spanned<String>>| v.as_ref().map(|v| v.value.clone());
    let mut lines = Vec::new();
    lines.extend(value(&me.company));
    lines.extend(value(&me.name));
    if let Some(cvr) = value(&me.cvr) {
        lines.push(crate::t!(lang, "change-order-cvr", cvr = cvr));
    }
    lines.extend(value(&me.address));
    lines.extend(value(&me.email));
    lines.extend(value(&me.phone));
    lines
}

/// The change order's content in words, shared by every format.
fn order(p: &PricedChange, f: &Figures, brief: &Brief, lang: Lang, issued: Date) -> Order {
    let currency = brief.currency();
    let m = |v: f64| money(v, currency, lang);
    let mi = |v: i64| money(v as f64, currency, lang);
    let d = |v: Date| date(v, lang);
    let h = |v: f64| hours(v, lang);
    let conf = percent(p.confidence, lang);
    let project = brief.project.name.as_ref().map_or("", |n| n.value.as_str());
    let we = brief.me.voice() == Voice::Vi;
    let basis = match f.customer {
        Customer::Business => crate::t!(lang, "change-order-ex-vat"),
        Customer::Consumer => crate::t!(lang, "change-order-incl-vat"),
    };
    let mut reference = Vec::new();
    if let Some(number) = &f.offer_number {
        reference.push(crate::t!(
            lang,
            "change-order-to-offer",
            number = number.as_str()
        ));
    }
    if !project.is_empty() {
        reference.push(project.to_string());
    }
    reference.push(d(issued));

    let mut summary = vec![
        Row {
            label: match &f.offer_number {
                Some(number) => {
                    crate::t!(
                        lang,
                        "change-order-accepted-price",
                        number = number.as_str()
                    )
                }
                None => crate::t!(lang, "change-order-current-price"),
            },
            value: mi(f.accepted),
            strong: false,
        },
        Row {
            label: crate::t!(lang, "change-order-change-price", title = p.title.as_str()),
            value: mi(f.change.headline(f.customer)),
            strong: false,
        },
        Row {
            label: crate::t!(lang, "change-order-new-total", basis = basis.as_str()),
            value: mi(f.new_total),
            strong: true,
        },
    ];
    let vat = brief.vat();
    if vat > 0.0 {
        let (label, total) = match f.customer {
            Customer::Business => (
                "change-order-total-incl-vat",
                (f.new_total as f64 * (1.0 + vat)).round(),
            ),
            Customer::Consumer => (
                "change-order-of-which-vat",
                (f.new_total as f64 * vat / (1.0 + vat)).round(),
            ),
        };
        summary.push(Row {
            label: crate::t!(lang, label, rate = percent(vat, lang)),
            value: m(total),
            strong: false,
        });
    }
    summary.push(Row {
        label: crate::t!(lang, "change-order-new-delivery"),
        value: crate::t!(
            lang,
            "change-order-delivery-moved",
            after = d(f.delivery_after),
            before = d(f.delivery_before),
        ),
        strong: false,
    });

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
    let mut sections = vec![Section {
        title: crate::t!(lang, "change-order-what-is-added"),
        lines: vec![
            p.title.clone(),
            crate::t!(lang, "change-order-effort", effort = effort),
            crate::t!(
                lang,
                "change-order-firm",
                confidence = conf.as_str(),
                round_to = m(brief.round_to()),
            ),
        ],
    }];
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
    if !effect.is_empty() {
        effect.push(crate::t!(
            lang,
            "change-order-verdict",
            after = class_name(p.after.verdict.class, lang),
            after_odds = percent(p.after.verdict.p_both, lang),
            before = class_name(p.before.verdict.class, lang),
            before_odds = percent(p.before.verdict.p_both, lang),
        ));
        sections.push(Section {
            title: crate::t!(lang, "change-order-effect"),
            lines: effect,
        });
    }
    sections.push(Section {
        title: crate::t!(lang, "change-order-validity"),
        lines: vec![crate::t!(
            lang,
            "change-order-valid-until",
            date = d(p.valid_until)
        )],
    });

    let sender = sender_lines(brief, lang);
    let sender_name = brief
        .me
        .name
        .as_ref()
        .or(brief.me.company.as_ref())
        .map(|n| n.value.clone())
        .unwrap_or_default();
    let mut client = Vec::new();
    client.extend(brief.project.client.as_ref().map(|c| c.value.clone()));
    client.extend(brief.project.contact.as_ref().map(|c| c.value.clone()));
    let acceptance = Acceptance {
        title: crate::t!(lang, "change-order-acceptance"),
        text: crate::t!(
            lang,
            "change-order-acceptance-text",
            voice = if we { "vi" } else { "jeg" },
            offer = f.offer_number.clone().unwrap_or_else(|| "none".into()),
        ),
        client: crate::t!(lang, "change-order-accepted-by"),
        name: crate::t!(lang, "change-order-sign-name"),
        date: crate::t!(lang, "change-order-sign-date"),
        signature: crate::t!(lang, "change-order-sign-signature"),
        sender: crate::t!(lang, "change-order-for-sender"),
        sender_name,
    };
    Order {
        heading: crate::t!(lang, "change-order-heading", title = p.title.as_str()),
        kicker: crate::t!(lang, "change-order-kicker"),
        reference: reference.join(" · "),
        from_label: crate::t!(lang, "change-order-from"),
        sender,
        to_label: crate::t!(lang, "change-order-to"),
        client,
        summary,
        sections,
        acceptance: Some(acceptance),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn section(title: &str, lines: Vec<String>) -> Section {
        Section {
            title: title.to_string(),
            lines,
        }
    }

    fn order(title: &str) -> Order {
        Order {
            heading: format!("Change order: {title}"),
            kicker: "Change order".into(),
            reference: format!("To offer 2027-1 · {title}"),
            from_label: "From".into(),
            sender: vec!["Studio ApS".into(), title.into()],
            to_label: "To".into(),
            client: vec![title.into()],
            summary: vec![
                Row {
                    label: format!("The change: {title}"),
                    value: "6.500 kr.".into(),
                    strong: false,
                },
                Row {
                    label: "New total".into(),
                    value: "56.000 kr.".into(),
                    strong: true,
                },
            ],
            sections: vec![
                section(
                    "What is added",
                    vec![title.to_string(), "Effort: 6 hours".into()],
                ),
                section(
                    "Validity",
                    vec!["This offer is valid until 1 May 2027.".into()],
                ),
            ],
            acceptance: Some(Acceptance {
                title: "Acceptance".into(),
                text: "We start once you accept.".into(),
                client: "Accepted by the client".into(),
                name: "Name".into(),
                date: "Date".into(),
                signature: "Signature".into(),
                sender: "For the provider".into(),
                sender_name: title.into(),
            }),
        }
    }

    #[test]
    fn plain_text_renders_in_every_format() {
        let o = order("Gift cards");
        let md = fill(&o, Lang::En, Format::Markdown).unwrap();
        assert!(
            md.starts_with("# Change order: Gift cards\n\nTo offer 2027-1 · Gift cards\n"),
            "{md}"
        );
        assert!(
            md.contains("**From:** Studio ApS, Gift cards  \n**To:** Gift cards\n"),
            "{md}"
        );
        assert!(
            md.contains(
                "| The change: Gift cards | 6\\.500 kr. |\n| **New total** | **56\\.000 kr.** |\n"
            ),
            "{md}"
        );
        assert!(
            md.contains("## What is added\n\n- Gift cards\n- Effort: 6 hours\n"),
            "{md}"
        );
        assert!(
            md.contains("## Acceptance\n\nWe start once you accept.\n"),
            "{md}"
        );
        assert!(md.contains("**For the provider:** Gift cards\n"), "{md}");
        let html = fill(&o, Lang::En, Format::Html).unwrap();
        assert!(
            html.starts_with("<!DOCTYPE html>\n<html lang=\"en\">"),
            "{html}"
        );
        assert!(html.contains("<h1>Change order: Gift cards</h1>"), "{html}");
        assert!(
            html.contains(
                "<tr class=\"strong\"><td>New total</td><td class=\"num\">56.000 kr.</td></tr>"
            ),
            "{html}"
        );
        assert!(
            html.contains("<div class=\"caption\">Signature</div>"),
            "{html}"
        );
        let typ = fill(&o, Lang::En, Format::Typst).unwrap();
        assert!(
            typ.contains("#set document(title: \"Change order: Gift cards\")"),
            "{typ}"
        );
        assert!(typ.contains("== What is added"), "{typ}");
        assert!(typ.contains("[6\\.500 kr\\.]"), "{typ}");
    }

    #[test]
    fn client_text_in_markdown_is_inert() {
        let evil = "# big *bold* | cell <script>alert(1)</script> [x](javascript:alert(1)) \
                    ![p](http://evil/pixel.gif) `code` ~~s~~ &amp; _e_ \\\nnew line\r\n## heading";
        let md = fill(&order(evil), Lang::En, Format::Markdown).unwrap();
        let clean = fill(&order("x"), Lang::En, Format::Markdown).unwrap();
        // Exactly the order's own lines: the newlines in the title started nothing.
        assert_eq!(md.lines().count(), clean.lines().count(), "{md}");
        let headings = |t: &str| t.lines().filter(|l| l.starts_with('#')).count();
        assert_eq!(headings(&md), headings(&clean));
        // Every active character of the title is escaped wherever it appears.
        let unescaped = |c: char| {
            md.match_indices(c)
                .any(|(i, _)| i == 0 || !md[..i].ends_with('\\'))
        };
        for c in ['<', '>', '[', ']', '`', '~', '&'] {
            assert!(!unescaped(c), "{c} in {md}");
        }
        assert!(md.contains(r"\<script\>alert(1)\</script\>"), "{md}");
        assert!(md.contains(r"\[x\](javascript:alert(1))"), "{md}");
        assert!(md.contains(r"\# big \*bold\* \| cell"), "{md}");
    }

    #[test]
    fn client_text_in_typst_is_inert() {
        let evil = "#panic(\"x\") $x$ ] [ *b* = h\n== heading";
        let typ = fill(&order(evil), Lang::En, Format::Typst).unwrap();
        assert!(
            typ.contains(r#"\#panic(\"x\") \$x\$ \] \[ \*b\* \= h\ \=\= heading"#),
            "{typ}"
        );
        assert!(
            typ.contains(r#"#set document(title: "Change order: #panic(\"x\")"#),
            "{typ}"
        );
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
        let html = fill(&order("<b>\"x\" & 'y'</b>"), Lang::En, Format::Html).unwrap();
        assert!(!html.contains("<b>"), "{html}");
        assert!(html.contains("&lt;b&gt;&quot;x&quot; &amp; &#39;y&#39;&lt;/b&gt;"));
    }
}
