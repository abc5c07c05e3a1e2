//! The proposal: the offer document a client can read in two minutes — purpose, options led
//! by the recommendation, what is in and out, assumptions, risks, open questions, terms and
//! charts — rendered from minijinja templates to Markdown, self-contained HTML or Typst, and
//! with the `pdf` feature typeset from the Typst to PDF.

use jiff::ToSpan;
use jiff::civil::Date;
use minijinja::value::Serde;
use minijinja::{Environment, Value};
use serde::Serialize;

use crate::brief::Brief;
use crate::document::svg;
use crate::forecast::estimate::Report;
use crate::forecast::options::{Kind, Offer, Options};
use crate::format::{date, hours, money, percent};
use crate::lang::Lang;
use crate::review::questions::QuestionGroup;

/// The output format.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Format {
    Markdown,
    Html,
    /// Typst markup: the source of the PDF, also useful on its own (`typst compile`).
    Typst,
}

impl Format {
    /// The template's file name; its extension decides the escaping (HTML or Typst).
    pub fn template_name(self) -> &'static str {
        match self {
            Format::Markdown => "proposal.md.j2",
            Format::Html => "proposal.html.j2",
            Format::Typst => "proposal.typ.j2",
        }
    }
}

/// The built-in templates, by file name, for `trekant init --templates DIR` to write out.
pub const BUILT_IN: [(&str, &str); 3] = [
    (
        "proposal.md.j2",
        include_str!("../../templates/proposal.md.j2"),
    ),
    (
        "proposal.html.j2",
        include_str!("../../templates/proposal.html.j2"),
    ),
    (
        "proposal.typ.j2",
        include_str!("../../templates/proposal.typ.j2"),
    ),
];

#[derive(Debug, thiserror::Error)]
pub enum ProposalError {
    /// The template could not be read or rendered. (Not a `source` either: the message shows
    /// minijinja's whole report, and an error chain would print it twice.)
    #[error("template error: {0:#}")]
    Template(minijinja::Error),
    /// The rendered Typst could not be typeset. (Not a `source`: the message says it all,
    /// and an error chain would repeat it.)
    #[cfg(feature = "pdf")]
    #[error("typst: {0}")]
    Pdf(crate::document::pdf::PdfError),
}

impl From<minijinja::Error> for ProposalError {
    fn from(error: minijinja::Error) -> Self {
        ProposalError::Template(error)
    }
}

/// What goes into a proposal.
pub struct Input<'a> {
    pub brief: &'a Brief,
    pub lang: Lang,
    pub options: &'a Options,
    pub report: &'a Report,
    pub questions: &'a [QuestionGroup],
    /// The date the offer is issued (today).
    pub issued: Date,
}

/// Renders the proposal. `template` replaces the built-in template of the format.
pub fn render(
    input: &Input,
    format: Format,
    template: Option<&str>,
) -> Result<String, ProposalError> {
    let mut env = Environment::new();
    crate::document::markdown_escape::configure(&mut env);
    let name = format.template_name();
    let source = template.map_or_else(
        || {
            BUILT_IN
                .iter()
                .find(|(n, _)| *n == name)
                .map(|(_, s)| *s)
                .unwrap_or_default()
                .to_owned()
        },
        str::to_owned,
    );
    env.add_template_owned(name, source)?;
    let context = Value::from(Serde(context(input)));
    Ok(env.get_template(name)?.render(context)?)
}

/// Renders the proposal as Typst (the built-in or the given `proposal.typ.j2`) and typesets
/// it into a PDF.
#[cfg(feature = "pdf")]
pub fn render_pdf(input: &Input, template: Option<&str>) -> Result<Vec<u8>, ProposalError> {
    let source = render(input, Format::Typst, template)?;
    crate::document::pdf::pdf(&source, input.issued).map_err(ProposalError::Pdf)
}

/// The labels of the documents, per language, so one template serves both.
#[derive(Serialize)]
struct Labels {
    offer: String,
    for_client: String,
    issued: String,
    purpose: String,
    success: String,
    understanding: String,
    options: String,
    option: String,
    price: String,
    ready: String,
    confidence: String,
    odds: String,
    options_note: String,
    scope: String,
    recommended: String,
    not_possible: String,
    phase2: String,
    included: String,
    excluded: String,
    assumptions: String,
    risks: String,
    probability: String,
    questions: String,
    terms: String,
    revisions: String,
    valid_until: String,
    payment: String,
    charts: String,
    chart_note: String,
    rounds: String,
    hours: String,
}

fn labels(lang: Lang) -> Labels {
    let l = |id| crate::messages::text(lang, id);
    Labels {
        offer: l("proposal-offer"),
        for_client: l("proposal-for-client"),
        issued: l("proposal-issued"),
        purpose: l("proposal-purpose"),
        success: l("proposal-success"),
        understanding: l("proposal-understanding"),
        options: l("proposal-options"),
        option: l("proposal-option"),
        price: l("proposal-price"),
        ready: l("proposal-ready"),
        confidence: l("proposal-confidence"),
        odds: l("proposal-odds"),
        scope: l("proposal-scope"),
        recommended: l("proposal-recommended"),
        not_possible: l("proposal-not-possible"),
        phase2: l("proposal-phase2"),
        included: l("proposal-included"),
        excluded: l("proposal-excluded"),
        assumptions: l("proposal-assumptions"),
        risks: l("proposal-risks"),
        probability: l("proposal-probability"),
        questions: l("proposal-questions"),
        terms: l("proposal-terms"),
        revisions: l("proposal-revisions"),
        valid_until: l("proposal-valid-until"),
        payment: l("proposal-payment"),
        charts: l("proposal-charts"),
        chart_note: l("proposal-chart-note"),
        rounds: l("proposal-rounds"),
        hours: l("proposal-hours"),
        options_note: String::new(),
    }
}

#[derive(Serialize)]
struct OptionView {
    kind: Kind,
    title: String,
    recommended: bool,
    feasible: bool,
    price: String,
    finish: String,
    p_both: String,
    scope: Vec<String>,
    deferred: Vec<String>,
    phase2_price: Option<String>,
    note: Option<String>,
}

#[derive(Serialize)]
struct ItemView {
    title: String,
    note: Option<String>,
}

#[derive(Serialize)]
struct RiskView {
    title: String,
    probability: String,
    effect: String,
}

#[derive(Serialize)]
struct Context {
    lang: Lang,
    t: Labels,
    name: String,
    client: Option<String>,
    issued: String,
    purpose: Option<String>,
    success: Vec<String>,
    /// The client's request, line by line.
    understanding: Vec<String>,
    confidence: String,
    lead: OptionView,
    options: Vec<OptionView>,
    included: Vec<ItemView>,
    excluded: Vec<ItemView>,
    assumptions: Vec<String>,
    risks: Vec<RiskView>,
    questions: Vec<QuestionGroup>,
    revisions: Option<u32>,
    valid_until: String,
    payment: Option<String>,
    price_chart: String,
    finish_chart: String,
}

/// The option's name for the client.
pub(crate) fn option_title(kind: Kind, lang: Lang) -> String {
    let id = match kind {
        Kind::FullScopeByDeadline => "option-full-scope-by-deadline",
        Kind::FullScopeNormalPace => "option-full-scope-normal-pace",
        Kind::FitBudgetAndDeadline => "option-fit-budget-and-deadline",
        Kind::Recommended => "option-recommended",
    };
    crate::messages::text(lang, id)
}

/// The option the proposal leads with: the recommendation when it can be delivered,
/// else the first option that can.
fn lead(options: &Options) -> Option<&Offer> {
    let find = |kind| {
        options
            .options
            .iter()
            .find(|o| o.kind == kind && o.feasible)
    };
    find(Kind::Recommended)
        .or_else(|| find(Kind::FitBudgetAndDeadline))
        .or_else(|| find(Kind::FullScopeNormalPace))
        .or(options.options.first())
}

fn context(input: &Input) -> Context {
    let Input {
        brief,
        lang,
        options,
        report,
        ..
    } = *input;
    let currency = brief.currency();
    let label = |id: &str| {
        brief
            .item(id)
            .map_or(id.to_owned(), |i| i.label().to_owned())
    };
    let alt_title = |id: &str| {
        brief
            .item(id)
            .and_then(|i| i.alternative.as_ref())
            .and_then(|a| a.title.as_ref())
            .map(|t| t.value.clone())
    };
    let view = |offer: &Offer, recommended: bool| -> OptionView {
        let scope = offer
            .items
            .iter()
            .map(|id| match (offer.swapped.contains(id), alt_title(id)) {
                (true, Some(alt)) => alt,
                _ => label(id),
            })
            .collect();
        let note = if !offer.feasible {
            Some(crate::t!(
                lang,
                "option-not-feasible",
                confidence = percent(options.confidence, lang),
                odds = percent(offer.p_both, lang),
            ))
        } else if offer.rush_hours > 0.0 {
            Some(crate::t!(
                lang,
                "option-rush",
                hours = hours(offer.rush_hours, lang)
            ))
        } else {
            None
        };
        OptionView {
            kind: offer.kind,
            title: option_title(offer.kind, lang),
            recommended,
            feasible: offer.feasible,
            price: money(offer.price, currency, lang),
            finish: date(offer.finish, lang),
            p_both: percent(offer.p_both, lang),
            scope,
            deferred: offer.deferred.iter().map(|id| label(id)).collect(),
            phase2_price: (!offer.deferred.is_empty())
                .then(|| money(offer.phase2_price, currency, lang)),
            note,
        }
    };
    let lead_offer = lead(options).expect("options always has four offers");
    let lead_view = view(lead_offer, true);
    let mut ordered: Vec<OptionView> = vec![view(lead_offer, true)];
    ordered.extend(
        options
            .options
            .iter()
            .filter(|o| o.kind != lead_offer.kind)
            .map(|o| view(o, false)),
    );
    let included = lead_offer
        .items
        .iter()
        .map(|id| ItemView {
            title: match (lead_offer.swapped.contains(id), alt_title(id)) {
                (true, Some(alt)) => alt,
                _ => label(id),
            },
            note: lead_offer
                .swapped
                .contains(id)
                .then(|| crate::t!(lang, "item-instead-of", item = label(id))),
        })
        .collect();
    let excluded = brief
        .items
        .iter()
        .filter(|i| !lead_offer.items.contains(&i.id.value))
        .map(|i| ItemView {
            title: i.label().to_owned(),
            note: Some(if lead_offer.deferred.contains(&i.id.value) {
                crate::messages::text(lang, "item-phase-2")
            } else {
                crate::messages::text(lang, "item-not-wanted")
            }),
        })
        .collect();
    let me = &brief.me;
    let rate = me.rate.as_ref().map_or(0.0, |r| r.value);
    let mut assumptions = vec![
        crate::t!(
            lang,
            "assumption-pace",
            hours = hours(me.hours_per_week(), lang),
            rate = money(rate, currency, lang),
        ),
        crate::t!(
            lang,
            "assumption-simulation",
            confidence = percent(options.confidence, lang),
            trials = hours(report.trials as f64, lang),
        ),
        crate::t!(lang, "assumption-start", start = date(report.start, lang)),
    ];
    if !brief.risks.is_empty() {
        assumptions.push(crate::messages::text(lang, "assumption-material"));
    }
    let risks = brief
        .risks
        .iter()
        .map(|r| {
            let mut effect = Vec::new();
            if let Some(e) = &r.effort {
                effect.push(crate::t!(
                    lang,
                    "risk-extra-hours",
                    low = hours(e.value.low, lang),
                    high = hours(e.value.high, lang),
                ));
            }
            if let Some(d) = &r.delay {
                effect.push(crate::t!(
                    lang,
                    "risk-delay",
                    low = hours(d.value.low, lang),
                    high = hours(d.value.high, lang),
                ));
            }
            RiskView {
                title: r
                    .title
                    .as_ref()
                    .map_or_else(String::new, |t| t.value.clone()),
                probability: percent(r.probability.value, lang),
                effect: effect.join(", "),
            }
        })
        .collect();
    let valid_days = brief
        .terms
        .valid_days
        .as_ref()
        .map_or(crate::brief::defaults::VALID_DAYS, |v| v.value);
    let valid_until = input
        .issued
        .checked_add(i64::from(valid_days).days())
        .unwrap_or(input.issued);
    let money_fmt = |v: f64| money(v, currency, lang);
    // The charts mark the figures quoted at the confidence in force.
    let level = crate::stats::level_name(report.confidence);
    let price_chart = svg::histogram(&svg::Histogram {
        sorted: &report.sorted_cost,
        title: &crate::messages::text(lang, "chart-price-title"),
        limit: brief.request.budget.as_ref().map(|b| {
            (
                b.value,
                crate::t!(lang, "chart-budget", budget = money_fmt(b.value)),
            )
        }),
        quote: Some((report.price, format!("{level} {}", money_fmt(report.price)))),
        fmt: &money_fmt,
        discrete: false,
    });
    let finish_days: Vec<f64> = report
        .sorted_finish_days
        .iter()
        .map(|&d| f64::from(d))
        .collect();
    let day_date = |d: f64| {
        report.working_days
            [(d.max(0.0).round() as usize).min(report.working_days.len().saturating_sub(1))]
    };
    let date_fmt = |d: f64| date(day_date(d), lang);
    let deadline_day = brief.request.deadline.as_ref().map(|d| {
        let index = report.working_days.partition_point(|w| *w <= d.value);
        (
            index as f64 - 0.5,
            crate::t!(lang, "chart-deadline", deadline = date(d.value, lang)),
        )
    });
    let quoted_day = report
        .working_days
        .partition_point(|w| *w < report.finish_at_confidence) as f64;
    let finish_chart = svg::histogram(&svg::Histogram {
        sorted: &finish_days,
        title: &crate::messages::text(lang, "chart-finish-title"),
        limit: deadline_day,
        quote: Some((
            quoted_day,
            format!("{level} {}", date(report.finish_at_confidence, lang)),
        )),
        fmt: &date_fmt,
        discrete: true,
    });
    let mut t = labels(lang);
    t.options_note = crate::t!(
        lang,
        "proposal-options-note",
        confidence = percent(options.confidence, lang),
    );
    Context {
        lang,
        t,
        name: brief
            .project
            .name
            .as_ref()
            .map_or_else(String::new, |n| n.value.clone()),
        client: brief.project.client.as_ref().map(|c| c.value.clone()),
        issued: date(input.issued, lang),
        purpose: brief.project.purpose.as_ref().map(|p| p.value.clone()),
        success: brief
            .project
            .success
            .iter()
            .flat_map(|s| &s.value)
            .map(|c| c.value.clone())
            .collect(),
        understanding: brief
            .request
            .text
            .as_ref()
            .map(|t| {
                t.value
                    .trim()
                    .lines()
                    .map(|l| l.trim_end().to_owned())
                    .collect()
            })
            .unwrap_or_default(),
        confidence: percent(options.confidence, lang),
        lead: lead_view,
        options: ordered,
        included,
        excluded,
        assumptions,
        risks,
        questions: input.questions.to_vec(),
        revisions: brief.terms.revisions.as_ref().map(|r| r.value),
        valid_until: date(valid_until, lang),
        payment: brief.terms.payment.as_ref().map(|p| p.value.clone()),
        price_chart,
        finish_chart,
    }
}
