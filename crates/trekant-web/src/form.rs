//! What the brief page shows of a brief: its fields as form inputs, each with the path a
//! PATCH writes it back to ([`crate::patch`]), and the client's words with the findings inside
//! them as character offsets for the page to underline.

use serde::Serialize;
use trekant_core::brief::{Estimate, Priority};
use trekant_core::span::Spanned;
use trekant_core::{Brief, Diagnostic};

/// One input: the PATCH path, the label's message id, the value as written, the input type.
#[derive(Serialize)]
pub struct Field {
    pub path: &'static str,
    pub label: &'static str,
    pub value: String,
    /// `text`, `number`, `date` or `textarea`.
    pub kind: &'static str,
    pub step: &'static str,
}

#[derive(Serialize)]
pub struct Group {
    pub title: &'static str,
    pub fields: Vec<Field>,
}

#[derive(Serialize)]
pub struct ItemRow {
    pub id: String,
    pub title: String,
    pub estimate: [String; 3],
    /// `must`, `should`, `could`, `wont`, or empty.
    pub priority: &'static str,
    pub value: String,
    pub alternative_title: String,
    pub alternative: [String; 3],
    pub has_alternative: bool,
}

#[derive(Serialize)]
pub struct RiskRow {
    pub index: usize,
    pub title: String,
    pub probability: String,
}

/// The brief as the page's form and panel see it.
#[derive(Serialize)]
pub struct Fields {
    pub groups: Vec<Group>,
    pub items: Vec<ItemRow>,
    pub risks: Vec<RiskRow>,
    /// The panel's starting point: the brief's own values (or the defaults in force).
    pub currency: String,
    pub budget: Option<f64>,
    pub deadline: Option<String>,
    pub hours_per_week: f64,
    pub confidence: f64,
}

fn text(value: Option<&Spanned<String>>) -> String {
    value.map(|v| v.value.clone()).unwrap_or_default()
}

fn number(value: Option<&Spanned<f64>>) -> String {
    value.map(|v| plain(v.value)).unwrap_or_default()
}

/// A number as a person writes it in a form: no trailing `.0`.
fn plain(value: f64) -> String {
    if value.fract() == 0.0 && value.abs() < 1e15 {
        format!("{}", value as i64)
    } else {
        format!("{value}")
    }
}

fn three(estimate: &Estimate) -> [String; 3] {
    [
        plain(estimate.low),
        plain(estimate.likely),
        plain(estimate.high),
    ]
}

fn field(path: &'static str, label: &'static str, value: String, kind: &'static str) -> Field {
    let step = if path.ends_with("confidence") {
        "0.05"
    } else {
        "any"
    };
    Field {
        path,
        label,
        value,
        kind,
        step,
    }
}

pub fn fields(brief: &Brief) -> Fields {
    let p = &brief.project;
    let r = &brief.request;
    let me = &brief.me;
    let terms = &brief.terms;
    let date =
        |d: Option<&Spanned<jiff::civil::Date>>| d.map(|d| d.value.to_string()).unwrap_or_default();
    let whole = |n: Option<&Spanned<u32>>| n.map(|n| n.value.to_string()).unwrap_or_default();
    let groups = vec![
        Group {
            title: "web-form-project",
            fields: vec![
                field(
                    "project.name",
                    "web-field-name",
                    text(p.name.as_ref()),
                    "text",
                ),
                field(
                    "project.client",
                    "web-field-client",
                    text(p.client.as_ref()),
                    "text",
                ),
                field(
                    "project.purpose",
                    "web-field-purpose",
                    text(p.purpose.as_ref()),
                    "text",
                ),
                field(
                    "project.start",
                    "web-field-start",
                    date(p.start.as_ref()),
                    "date",
                ),
            ],
        },
        Group {
            title: "web-form-request",
            fields: vec![
                field(
                    "request.text",
                    "web-field-text",
                    text(r.text.as_ref()),
                    "textarea",
                ),
                field(
                    "request.budget",
                    "web-field-budget",
                    number(r.budget.as_ref()),
                    "number",
                ),
                field(
                    "request.deadline",
                    "web-field-deadline",
                    date(r.deadline.as_ref()),
                    "date",
                ),
            ],
        },
        Group {
            title: "web-form-me",
            fields: vec![
                field(
                    "me.rate",
                    "web-field-rate",
                    number(me.rate.as_ref()),
                    "number",
                ),
                field(
                    "me.hours_per_week",
                    "web-field-hours",
                    number(me.hours_per_week.as_ref()),
                    "number",
                ),
                field(
                    "me.confidence",
                    "web-field-confidence",
                    number(me.confidence.as_ref()),
                    "number",
                ),
            ],
        },
        Group {
            title: "web-form-terms",
            fields: vec![
                field(
                    "terms.revisions",
                    "web-field-revisions",
                    whole(terms.revisions.as_ref()),
                    "number",
                ),
                field(
                    "terms.valid_days",
                    "web-field-valid-days",
                    whole(terms.valid_days.as_ref()),
                    "number",
                ),
                field(
                    "terms.payment",
                    "web-field-payment",
                    text(terms.payment.as_ref()),
                    "text",
                ),
            ],
        },
    ];
    let items = brief
        .items
        .iter()
        .map(|item| {
            let alternative = item.alternative.as_ref();
            ItemRow {
                id: item.id.value.clone(),
                title: text(item.title.as_ref()),
                estimate: three(&item.estimate.value),
                priority: match item.priority.as_ref().map(|p| p.value) {
                    Some(Priority::Must) => "must",
                    Some(Priority::Should) => "should",
                    Some(Priority::Could) => "could",
                    Some(Priority::Wont) => "wont",
                    None => "",
                },
                value: number(item.value.as_ref()),
                alternative_title: alternative
                    .map(|a| text(a.title.as_ref()))
                    .unwrap_or_default(),
                alternative: alternative
                    .map(|a| three(&a.estimate.value))
                    .unwrap_or_default(),
                has_alternative: alternative.is_some(),
            }
        })
        .collect();
    let risks = brief
        .risks
        .iter()
        .enumerate()
        .map(|(index, risk)| RiskRow {
            index,
            title: text(risk.title.as_ref()),
            probability: plain(risk.probability.value),
        })
        .collect();
    Fields {
        groups,
        items,
        risks,
        currency: brief.currency().to_owned(),
        budget: r.budget.as_ref().map(|b| b.value),
        deadline: r.deadline.as_ref().map(|d| d.value.to_string()),
        hours_per_week: me.hours_per_week(),
        confidence: me.confidence(),
    }
}

/// A finding inside the client's words, in characters from the start of the words.
#[derive(Serialize)]
pub struct Mark {
    pub start: usize,
    pub end: usize,
    pub code: &'static str,
    pub severity: trekant_core::Severity,
    pub message: String,
    pub question: Option<String>,
}

#[derive(Serialize)]
pub struct Words {
    pub text: String,
    pub marks: Vec<Mark>,
}

/// The client's words (`request.text`) as written in the file, with the findings that point
/// into them. The words are shown as the file has them (a basic string's escapes stay
/// visible) so that every finding's place in the file is its place on the page.
pub fn client_words(brief: &Brief, source: &str, diagnostics: &[Diagnostic]) -> Option<Words> {
    let span = brief.request.text.as_ref()?.span.clone();
    let raw = source.get(span.clone())?;
    let (open, close) = ["\"\"\"", "'''", "\"", "'"]
        .iter()
        .find(|q| raw.starts_with(**q) && raw.ends_with(**q) && raw.len() >= 2 * q.len())
        .map(|q| (q.len(), q.len()))?;
    let mut start = span.start + open;
    if open == 3 {
        // TOML drops a newline right after the opening quotes.
        if source[start..].starts_with("\r\n") {
            start += 2;
        } else if source[start..].starts_with('\n') {
            start += 1;
        }
    }
    let end = span.end - close;
    let words = source.get(start..end)?;
    let chars = |from: usize, to: usize| source.get(from..to).map_or(0, |s| s.chars().count());
    let marks = diagnostics
        .iter()
        .filter(|d| d.span.start >= start && d.span.end <= end && d.span.end > d.span.start)
        .map(|d| Mark {
            start: chars(start, d.span.start),
            end: chars(start, d.span.end),
            code: d.code,
            severity: d.severity,
            message: d.message.clone(),
            question: d.question.clone(),
        })
        .collect();
    Some(Words {
        text: words.to_owned(),
        marks,
    })
}
