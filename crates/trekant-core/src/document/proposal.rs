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
    offer: &'static str,
    for_client: &'static str,
    issued: &'static str,
    purpose: &'static str,
    success: &'static str,
    understanding: &'static str,
    options: &'static str,
    option: &'static str,
    price: &'static str,
    ready: &'static str,
    confidence: &'static str,
    odds: &'static str,
    options_note: String,
    scope: &'static str,
    recommended: &'static str,
    not_possible: &'static str,
    phase2: &'static str,
    included: &'static str,
    excluded: &'static str,
    assumptions: &'static str,
    risks: &'static str,
    probability: &'static str,
    questions: &'static str,
    terms: &'static str,
    revisions: &'static str,
    valid_until: &'static str,
    payment: &'static str,
    charts: &'static str,
    chart_note: &'static str,
    rounds: &'static str,
    hours: &'static str,
}

fn labels(lang: Lang) -> Labels {
    match lang {
        Lang::Da => Labels {
            offer: "Tilbud",
            for_client: "til",
            issued: "Dato",
            purpose: "Formål",
            success: "Sådan måler vi succes",
            understanding: "Vores forståelse af opgaven",
            options: "Muligheder",
            option: "Mulighed",
            price: "Pris",
            ready: "Klar",
            confidence: "Sikkerhed",
            odds: "Budget og dato holder",
            options_note: String::new(),
            scope: "Omfang",
            recommended: "Anbefalet",
            not_possible: "Ikke muligt",
            phase2: "Fase 2",
            included: "Det får I",
            excluded: "Ikke med i denne omgang",
            assumptions: "Forudsætninger",
            risks: "Risici",
            probability: "sandsynlighed",
            questions: "Åbne spørgsmål",
            terms: "Vilkår",
            revisions: "Rettelsesrunder",
            valid_until: "Tilbuddet gælder til",
            payment: "Betaling",
            charts: "Usikkerheden i tal",
            chart_note: "Fordelingen af pris og leveringsdato over simulerede forløb af projektet.",
            rounds: "runder",
            hours: "timer",
        },
        Lang::En => Labels {
            offer: "Proposal",
            for_client: "for",
            issued: "Date",
            purpose: "Purpose",
            success: "How we measure success",
            understanding: "Our understanding",
            options: "Options",
            option: "Option",
            price: "Price",
            ready: "Ready",
            confidence: "Confidence",
            odds: "Budget and date hold",
            options_note: String::new(),
            scope: "Scope",
            recommended: "Recommended",
            not_possible: "Not possible",
            phase2: "Phase 2",
            included: "What you get",
            excluded: "Not included this time",
            assumptions: "Assumptions",
            risks: "Risks",
            probability: "probability",
            questions: "Open questions",
            terms: "Terms",
            revisions: "Rounds of changes",
            valid_until: "This offer is valid until",
            payment: "Payment",
            charts: "The uncertainty in figures",
            chart_note: "How price and delivery date spread over simulated runs of the project.",
            rounds: "rounds",
            hours: "hours",
        },
    }
}

#[derive(Serialize)]
struct OptionView {
    kind: Kind,
    title: &'static str,
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
pub(crate) fn option_title(kind: Kind, lang: Lang) -> &'static str {
    match kind {
        Kind::FullScopeByDeadline => {
            lang.pick("Det hele til jeres deadline", "Everything by your deadline")
        }
        Kind::FullScopeNormalPace => {
            lang.pick("Det hele i normalt tempo", "Everything at normal pace")
        }
        Kind::FitBudgetAndDeadline => lang.pick(
            "Det, der passer i budget og tid",
            "What fits your budget and date",
        ),
        Kind::Recommended => lang.pick("Vores anbefaling", "Our recommendation"),
    }
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
            Some(lang.pick(
                format!(
                    "Kan ikke nås med {} sikkerhed (højst {}).",
                    percent(options.confidence, lang),
                    percent(offer.p_both, lang)
                ),
                format!(
                    "Cannot be met at {} confidence (at most {}).",
                    percent(options.confidence, lang),
                    percent(offer.p_both, lang)
                ),
            ))
        } else if offer.rush_hours > 0.0 {
            Some(lang.pick(
                format!(
                    "Kræver {} timer med hastetillæg.",
                    hours(offer.rush_hours, lang)
                ),
                format!(
                    "Needs {} hours at the rush rate.",
                    hours(offer.rush_hours, lang)
                ),
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
            note: lead_offer.swapped.contains(id).then(|| {
                lang.pick(
                    format!("i stedet for: {}", label(id)),
                    format!("instead of: {}", label(id)),
                )
            }),
        })
        .collect();
    let excluded = brief
        .items
        .iter()
        .filter(|i| !lead_offer.items.contains(&i.id.value))
        .map(|i| ItemView {
            title: i.label().to_owned(),
            note: Some(if lead_offer.deferred.contains(&i.id.value) {
                lang.pick(
                    "kan komme i fase 2".to_owned(),
                    "can follow in phase 2".to_owned(),
                )
            } else {
                lang.pick("ikke ønsket".to_owned(), "not wanted".to_owned())
            }),
        })
        .collect();
    let me = &brief.me;
    let rate = me.rate.as_ref().map_or(0.0, |r| r.value);
    let mut assumptions = vec![
        lang.pick(
            format!("Arbejdet udføres med {} timer om ugen til {} i timen; timer ud over det, der er aftalt, faktureres til samme pris.", hours(me.hours_per_week(), lang), money(rate, currency, lang)),
            format!("The work is done at {} hours a week at {} an hour; hours beyond what is agreed are billed at the same rate.", hours(me.hours_per_week(), lang), money(rate, currency, lang)),
        ),
        lang.pick(
            format!("Priser og datoer holder med {} sikkerhed i vores simulering af projektet ({} forløb), ud fra estimater med usikkerhed for hver del.", percent(options.confidence, lang), hours(report.trials as f64, lang)),
            format!("Prices and dates hold with {} confidence in our simulation of the project ({} runs), from estimates with uncertainty for every part.", percent(options.confidence, lang), hours(report.trials as f64, lang)),
        ),
        lang.pick(
            format!("Start {}; weekender og helligdage er ikke arbejdsdage.", date(report.start, lang)),
            format!("Start {}; weekends and public holidays are not working days.", date(report.start, lang)),
        ),
    ];
    if !brief.risks.is_empty() {
        assumptions.push(lang.pick(
            "Materiale fra jer (tekster, billeder, adgange) leveres til tiden; forsinkelser flytter leveringsdatoen tilsvarende.".to_owned(),
            "Material from you (copy, images, access) arrives on time; delays move the delivery date accordingly.".to_owned(),
        ));
    }
    let risks = brief
        .risks
        .iter()
        .map(|r| {
            let mut effect = Vec::new();
            if let Some(e) = &r.effort {
                effect.push(lang.pick(
                    format!(
                        "{}–{} ekstra timer",
                        hours(e.value.low, lang),
                        hours(e.value.high, lang)
                    ),
                    format!(
                        "{}–{} extra hours",
                        hours(e.value.low, lang),
                        hours(e.value.high, lang)
                    ),
                ));
            }
            if let Some(d) = &r.delay {
                effect.push(lang.pick(
                    format!(
                        "{}–{} arbejdsdages ventetid",
                        hours(d.value.low, lang),
                        hours(d.value.high, lang)
                    ),
                    format!(
                        "{}–{} working days of waiting",
                        hours(d.value.low, lang),
                        hours(d.value.high, lang)
                    ),
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
        title: lang.pick("Pris for det fulde ønske", "Price of the full wish"),
        limit: brief.request.budget.as_ref().map(|b| {
            (
                b.value,
                lang.pick(
                    format!("budget {}", money_fmt(b.value)),
                    format!("budget {}", money_fmt(b.value)),
                ),
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
            lang.pick(
                format!("deadline {}", date(d.value, lang)),
                format!("deadline {}", date(d.value, lang)),
            ),
        )
    });
    let quoted_day = report
        .working_days
        .partition_point(|w| *w < report.finish_at_confidence) as f64;
    let finish_chart = svg::histogram(&svg::Histogram {
        sorted: &finish_days,
        title: lang.pick(
            "Leveringsdato for det fulde ønske",
            "Delivery date of the full wish",
        ),
        limit: deadline_day,
        quote: Some((
            quoted_day,
            format!("{level} {}", date(report.finish_at_confidence, lang)),
        )),
        fmt: &date_fmt,
        discrete: true,
    });
    let mut t = labels(lang);
    t.options_note = lang.pick(
        format!("Priser og datoer er sat, så de holder med {} sikkerhed. Sidste kolonne er chancen for, at både jeres budget og jeres dato holder.", percent(options.confidence, lang)),
        format!("Prices and dates are set to hold with {} confidence. The last figure is the chance that both your budget and your date hold.", percent(options.confidence, lang)),
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
