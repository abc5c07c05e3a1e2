//! The proposal: the offer document a client can read in two minutes — purpose, options led
//! by the recommendation, what is in and out, assumptions, risks, open questions, terms and
//! charts — rendered from minijinja templates to Markdown, self-contained HTML or Typst, and
//! with the `pdf` feature typeset from the Typst to PDF.

use jiff::ToSpan;
use jiff::civil::Date;
use minijinja::value::Serde;
use minijinja::{Environment, Value};
use serde::Serialize;

use crate::brief::{Brief, Customer, PaymentAt, Voice};
use crate::document::svg;
use crate::forecast::estimate::Report;
use crate::forecast::options::{Kind, Offer, Options};
use crate::forecast::price::{self, Amounts};
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

impl ProposalError {
    /// What went wrong, in words from the catalogs (`Display` is the English); the
    /// template engine's and the typesetter's own reports stay as they wrote them.
    pub fn message(&self) -> crate::messages::Message {
        match self {
            ProposalError::Template(error) => {
                crate::msg!("proposal-template-error", error = format!("{error:#}"))
            }
            #[cfg(feature = "pdf")]
            ProposalError::Pdf(error) => {
                crate::msg!("proposal-typst-error", error = error.to_string())
            }
        }
    }
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
    /// The offer's number, `<year>-<n>` (see [`offer_number`]).
    pub number: String,
    /// The sender's logo as a `data:` URI (checked by `brief::logo`), for the HTML.
    pub logo: Option<String>,
}

/// The offer's number, `<year>-<n>`: `n` follows the highest number of that year among the
/// offers already recorded (`recorded`, when there is a store); without a store, it is the
/// number in the brief's file name (`tilbud-17.toml` → 17), else a stable number made from
/// the name, so that the same brief keeps its number.
pub fn offer_number(year: i16, recorded: Option<&[String]>, file_stem: &str) -> String {
    let prefix = format!("{year}-");
    if let Some(recorded) = recorded {
        let highest = recorded
            .iter()
            .filter_map(|n| n.strip_prefix(&prefix)?.parse::<u32>().ok())
            .max()
            .unwrap_or(0);
        return format!("{prefix}{}", highest + 1);
    }
    let digits: String = file_stem
        .chars()
        .skip_while(|c| !c.is_ascii_digit())
        .take_while(char::is_ascii_digit)
        .take(6)
        .collect();
    let n = match digits.parse::<u32>() {
        Ok(n) if n > 0 => n,
        // FNV-1a: the same name, the same number, 100–999.
        _ => {
            let hash = file_stem.bytes().fold(0x811c_9dc5u32, |h, b| {
                (h ^ u32::from(b)).wrapping_mul(0x0100_0193)
            });
            100 + hash % 900
        }
    };
    format!("{prefix}{n}")
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
    // The offer a client signs (`offer.ftl`).
    number: String,
    contact_person: String,
    cvr: String,
    task: String,
    client_quote: String,
    what_it_takes: String,
    item: String,
    delivered: String,
    amount: String,
    /// The price column's heading: "Pris ekskl. moms" / "Pris inkl. moms" / "Pris".
    amount_basis: String,
    delivery: String,
    payment_plan: String,
    payment_when: String,
    alternatives: String,
    alternatives_note: String,
    accept: String,
    accept_note: String,
    accept_client: String,
    accept_sender: String,
    accept_name: String,
    accept_date: String,
    accept_signature: String,
}

fn labels(lang: Lang, voice: Voice, basis: &str) -> Labels {
    let l = |id| crate::messages::text(lang, id);
    let v = |id| crate::t!(lang, id, voice = voice_word(voice));
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
        recommended: v("offer-recommendation"),
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
        number: l("offer-number"),
        contact_person: l("offer-contact"),
        cvr: l("offer-cvr"),
        task: l("offer-task"),
        client_quote: l("offer-client-quote"),
        what_it_takes: l("offer-what-it-takes"),
        item: l("offer-item"),
        delivered: l("offer-delivered"),
        amount: l("offer-amount"),
        amount_basis: format!("{} {basis}", l("offer-amount")).trim().to_owned(),
        delivery: l("offer-delivery"),
        payment_plan: l("offer-payment-plan"),
        payment_when: l("offer-payment-when"),
        alternatives: l("offer-alternatives"),
        alternatives_note: String::new(),
        accept: l("offer-accept"),
        accept_note: String::new(),
        accept_client: l("offer-accept-client"),
        accept_sender: l("offer-accept-sender"),
        accept_name: l("offer-accept-name"),
        accept_date: l("offer-accept-date"),
        accept_signature: l("offer-accept-signature"),
    }
}

/// The selector value of a message that speaks as the provider.
fn voice_word(voice: Voice) -> &'static str {
    match voice {
        Voice::Jeg => "jeg",
        Voice::Vi => "vi",
    }
}

#[derive(Serialize)]
struct OptionView {
    kind: Kind,
    title: String,
    recommended: bool,
    feasible: bool,
    /// The firm price (rounded up; ex. VAT for a business, incl. for a consumer).
    price: String,
    finish: String,
    p_both: String,
    scope: Vec<String>,
    deferred: Vec<String>,
    phase2_price: Option<String>,
    note: Option<String>,
    /// Set when the option is the same as one shown before it: that one's title.
    same_as: Option<String>,
}

#[derive(Serialize)]
struct ItemView {
    title: String,
    note: Option<String>,
}

/// One item of the offer with its part of the price.
#[derive(Serialize)]
struct PricedItem {
    title: String,
    description: Option<String>,
    /// "instead of: …" when delivered as its cheaper alternative.
    note: Option<String>,
    amount: String,
    finish: String,
}

/// A line of the price: label and amount.
#[derive(Serialize)]
struct PriceLine {
    label: String,
    amount: String,
    /// The line the customer reads as the price (bold).
    main: bool,
}

#[derive(Serialize)]
struct PaymentView {
    /// "30 % ved opstart".
    label: String,
    date: String,
    amount: String,
}

/// The offer the client can accept: the recommendation, priced.
#[derive(Serialize)]
struct OfferView {
    title: String,
    /// False only when no non-empty scope fits: the offer then says what it takes.
    feasible: bool,
    /// The headline: the price the customer reads first.
    price: String,
    /// Ex. VAT, VAT and incl. VAT (just the price where there is no VAT).
    price_lines: Vec<PriceLine>,
    finish: String,
    p_both: String,
    /// "Budget og dato holder med 84 % sandsynlighed" (or "no budget or date set").
    odds_line: String,
    items: Vec<PricedItem>,
    /// Musts left for a phase 2, in a sentence ("Kagekatalog kommer i fase 2.").
    deferred_musts: Option<String>,
    /// What the whole must-list needs ("kræver 55.000 kr. eller levering 14. januar 2027").
    needs: Option<String>,
    /// The deferred items and their price, priced apart.
    phase2: Option<String>,
    payments: Vec<PaymentView>,
}

#[derive(Serialize)]
struct RiskView {
    title: String,
    probability: String,
    effect: String,
}

/// The sender, as the header and acceptance block show them.
#[derive(Serialize)]
struct SenderView {
    name: Option<String>,
    company: Option<String>,
    cvr: Option<String>,
    email: Option<String>,
    phone: Option<String>,
    address: Option<String>,
    /// A `data:` URI (HTML only).
    logo: Option<String>,
}

/// The terms, each a sentence.
#[derive(Serialize)]
struct TermsView {
    revisions: Option<String>,
    payment: Option<String>,
    payment_days: String,
    valid_until: String,
    change_rate: Option<String>,
    late_material: String,
}

#[derive(Serialize)]
struct Context {
    lang: Lang,
    t: Labels,
    name: String,
    client: Option<String>,
    contact: Option<String>,
    issued: String,
    number: String,
    voice: &'static str,
    sender: SenderView,
    has_sender: bool,
    /// The task in the provider's words (`project.summary`, else written from the purpose
    /// and the items), paragraph by paragraph.
    summary: Vec<String>,
    /// A short quote the provider chose (`project.quote`).
    quote: Option<String>,
    purpose: Option<String>,
    success: Vec<String>,
    /// The same as `summary` (older templates show it under "understanding"); the client's
    /// e-mail is never pasted into an offer.
    understanding: Vec<String>,
    confidence: String,
    offer: OfferView,
    lead: OptionView,
    /// Every option, the lead first (older templates list them all).
    options: Vec<OptionView>,
    /// The options other than the lead, duplicates marked with `same_as`.
    alternatives: Vec<OptionView>,
    included: Vec<ItemView>,
    excluded: Vec<ItemView>,
    assumptions: Vec<String>,
    risks: Vec<RiskView>,
    questions: Vec<QuestionGroup>,
    revisions: Option<u32>,
    valid_until: String,
    payment: Option<String>,
    terms: TermsView,
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

/// The option the proposal leads with: the recommendation, which is feasible whenever any
/// non-empty scope is (its musts deferred if need be); when none is, it is what the musts
/// take, and the offer says so.
fn lead(options: &Options) -> &Offer {
    options
        .options
        .iter()
        .find(|o| o.kind == Kind::Recommended)
        .or(options.options.first())
        .expect("options always has four offers")
}

/// "a, b og c" in the language.
fn and_list(items: &[String], lang: Lang) -> String {
    match items.split_last() {
        None => String::new(),
        Some((last, [])) => last.clone(),
        Some((last, rest)) => crate::t!(lang, "list-and", rest = rest.join(", "), last = last),
    }
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
    let customer = brief.customer();
    let vat_rate = brief.vat();
    let voice = brief.me.voice();
    let money_fmt = |v: f64| money(v, currency, lang);
    let whole = |v: i64| money(v as f64, currency, lang);
    let with_basis = |amount: String| {
        if vat_rate <= 0.0 {
            amount
        } else {
            let basis = match customer {
                Customer::Business => "offer-basis-ex",
                Customer::Consumer => "offer-basis-incl",
            };
            format!("{amount} {}", crate::messages::text(lang, basis))
        }
    };
    // The basis of every amount, said once per table: "ekskl. moms" (empty without VAT).
    let basis = match (vat_rate > 0.0, customer) {
        (false, _) => String::new(),
        (true, Customer::Business) => crate::messages::text(lang, "offer-basis-ex"),
        (true, Customer::Consumer) => crate::messages::text(lang, "offer-basis-incl"),
    };
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
    let shown_title =
        |offer: &Offer, id: &str| match (offer.swapped.contains(&id.to_owned()), alt_title(id)) {
            (true, Some(alt)) => alt,
            _ => label(id),
        };
    let start = report.start;
    let priced_of = |offer: &Offer| price::price(brief, offer, start);
    let lead_offer = lead(options);
    let view = |offer: &Offer, recommended: bool| -> OptionView {
        let priced = priced_of(offer);
        let note = if !offer.feasible {
            Some(crate::t!(
                lang,
                "option-not-feasible",
                confidence = percent(options.confidence, lang),
                odds = percent(offer.p_both, lang),
            ))
        } else if offer.p_both < options.confidence {
            Some(crate::t!(
                lang,
                "offer-option-misses",
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
            // Never a star on an option that fails the confidence.
            recommended: recommended && offer.feasible && offer.p_both >= options.confidence,
            feasible: offer.feasible,
            price: whole(priced.headline),
            finish: date(offer.finish, lang),
            p_both: percent(offer.p_both, lang),
            scope: offer
                .items
                .iter()
                .map(|id| shown_title(offer, id))
                .collect(),
            deferred: offer.deferred.iter().map(|id| label(id)).collect(),
            phase2_price: priced.phase2.map(|p| whole(p.headline(customer))),
            note,
            same_as: None,
        }
    };
    let lead_view = view(lead_offer, true);
    let mut ordered: Vec<OptionView> = vec![view(lead_offer, true)];
    ordered.extend(
        options
            .options
            .iter()
            .filter(|o| o.kind != lead_offer.kind)
            .map(|o| view(o, false)),
    );
    // The alternatives: the other options, each shown once.
    let mut shown: Vec<&Offer> = vec![lead_offer];
    let mut alternatives = Vec::new();
    for o in options.options.iter().filter(|o| o.kind != lead_offer.kind) {
        let mut v = view(o, false);
        if let Some(same) = shown.iter().find(|s| s.same_as(o)) {
            v.same_as = Some(if same.kind == lead_offer.kind {
                crate::t!(lang, "offer-same-as-lead", voice = voice_word(voice))
            } else {
                crate::t!(
                    lang,
                    "offer-same-as",
                    option = option_title(same.kind, lang)
                )
            });
        }
        shown.push(o);
        alternatives.push(v);
    }

    // The offer itself.
    let priced = priced_of(lead_offer);
    let fits = lead_offer.feasible;
    let items: Vec<PricedItem> = priced
        .items
        .iter()
        .map(|p| {
            let swapped = lead_offer.swapped.contains(&p.id);
            PricedItem {
                title: shown_title(lead_offer, &p.id),
                description: if swapped {
                    None
                } else {
                    brief
                        .item(&p.id)
                        .and_then(|i| i.description.as_ref())
                        .map(|d| d.value.clone())
                },
                note: swapped.then(|| crate::t!(lang, "item-instead-of", item = label(&p.id))),
                amount: whole(p.amount),
                finish: date(p.finish, lang),
            }
        })
        .collect();
    let mut price_lines = Vec::new();
    if vat_rate <= 0.0 {
        price_lines.push(PriceLine {
            label: crate::messages::text(lang, "offer-fixed-price"),
            amount: whole(priced.total.ex_vat),
            main: true,
        });
    } else {
        let vat_pct = crate::format::decimal(vat_rate * 100.0, 0, lang);
        let ex = PriceLine {
            label: crate::messages::text(lang, "offer-price-ex-vat"),
            amount: whole(priced.total.ex_vat),
            main: customer == Customer::Business,
        };
        let vat = PriceLine {
            label: vat_pct,
            amount: whole(priced.total.vat),
            main: false,
        };
        let incl = PriceLine {
            label: crate::messages::text(lang, "offer-price-incl-vat"),
            amount: whole(priced.total.incl_vat),
            main: false,
        };
        match customer {
            Customer::Business => price_lines.extend([
                ex,
                PriceLine {
                    label: crate::t!(lang, "offer-vat", rate = vat.label),
                    ..vat
                },
                incl,
            ]),
            // A consumer reads the price incl. VAT; the VAT is part of it.
            Customer::Consumer => price_lines.extend([
                PriceLine {
                    label: crate::messages::text(lang, "offer-price-consumer"),
                    amount: whole(priced.total.incl_vat),
                    main: true,
                },
                PriceLine {
                    label: crate::t!(lang, "offer-vat-included", rate = vat.label.clone()),
                    amount: vat.amount,
                    main: false,
                },
            ]),
        }
    }
    let has_limits = brief.request.budget.is_some() || brief.request.deadline.is_some();
    let odds_line = if has_limits {
        crate::t!(lang, "offer-odds", odds = percent(lead_offer.p_both, lang))
    } else {
        crate::messages::text(lang, "offer-no-limits")
    };
    let needs = {
        let mut needs = Vec::new();
        if let Some(b) = lead_offer.needs_budget {
            let b = Amounts::firm(b, vat_rate, brief.round_to(), customer).headline(customer);
            needs.push(crate::t!(lang, "offer-needs-budget", budget = whole(b)));
        }
        if let Some(d) = lead_offer.needs_deadline {
            needs.push(crate::t!(
                lang,
                "offer-needs-deadline",
                deadline = date(d, lang)
            ));
        }
        (!needs.is_empty()).then(|| {
            let musts = crate::messages::text(lang, "offer-all-musts");
            let mut sentence = crate::t!(
                lang,
                "offer-needs",
                musts = musts,
                needs = needs.join(&crate::messages::text(lang, "offer-or")),
            );
            // The sentence ends with its last word, unless that is "kr." already.
            if !sentence.ends_with('.') {
                sentence.push('.');
            }
            sentence
        })
    };
    let deferred_musts = (!lead_offer.deferred_must.is_empty()).then(|| {
        let names: Vec<String> = lead_offer
            .deferred_must
            .iter()
            .map(|id| label(id))
            .collect();
        crate::t!(
            lang,
            "offer-deferred-musts",
            items = and_list(&names, lang),
            count = names.len(),
        )
    });
    let phase2 = priced.phase2.map(|p| {
        let names: Vec<String> = lead_offer.deferred.iter().map(|id| label(id)).collect();
        crate::t!(
            lang,
            "offer-phase2",
            items = and_list(&names, lang),
            price = with_basis(whole(p.headline(customer))),
        )
    });
    let payments = priced
        .payments
        .iter()
        .map(|p| {
            let share = percent(p.share, lang);
            let label = match &p.at {
                PaymentAt::Start => crate::t!(lang, "offer-pay-start", share = share),
                PaymentAt::Delivery => crate::t!(lang, "offer-pay-delivery", share = share),
                PaymentAt::Item(id) => {
                    let item = shown_title(lead_offer, id);
                    crate::t!(lang, "offer-pay-item", share = share, item = item)
                }
            };
            PaymentView {
                label,
                date: date(p.date, lang),
                amount: whole(p.amount),
            }
        })
        .collect();
    let offer = OfferView {
        title: if fits {
            crate::t!(lang, "offer-recommendation", voice = voice_word(voice))
        } else {
            crate::messages::text(lang, "offer-what-it-takes")
        },
        feasible: fits,
        price: whole(priced.headline),
        price_lines,
        finish: date(lead_offer.finish, lang),
        p_both: percent(lead_offer.p_both, lang),
        odds_line,
        items,
        deferred_musts,
        needs,
        phase2,
        payments,
    };

    let included = lead_offer
        .items
        .iter()
        .map(|id| ItemView {
            title: shown_title(lead_offer, id),
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
    let assumptions = vec![
        crate::t!(
            lang,
            "assumption-pace",
            hours = hours(me.hours_per_week(), lang),
            rate = money_fmt(rate),
        ),
        crate::t!(
            lang,
            "assumption-simulation",
            confidence = percent(options.confidence, lang),
            trials = hours(report.trials as f64, lang),
        ),
        crate::t!(lang, "assumption-start", start = date(report.start, lang)),
    ];
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
    let valid_until = input
        .issued
        .checked_add(i64::from(brief.valid_days()).days())
        .unwrap_or(input.issued);
    let (price_chart, finish_chart) = charts(brief, lang, report);
    let mut t = labels(lang, voice, &basis);
    t.options_note = crate::t!(
        lang,
        "proposal-options-note",
        confidence = percent(options.confidence, lang),
    );
    t.alternatives_note = crate::t!(
        lang,
        "offer-alternatives-note",
        confidence = percent(options.confidence, lang),
    );
    let client = brief.project.client.as_ref().map(|c| c.value.clone());
    t.accept_note = crate::t!(
        lang,
        "offer-accept-note",
        number = input.number.as_str(),
        voice = voice_word(voice),
    );
    let text = |v: &Option<crate::span::Spanned<String>>| v.as_ref().map(|v| v.value.clone());
    let sender = SenderView {
        name: text(&me.name),
        company: text(&me.company),
        cvr: text(&me.cvr),
        email: text(&me.email),
        phone: text(&me.phone),
        address: text(&me.address),
        logo: input.logo.clone(),
    };
    let has_sender = sender.name.is_some() || sender.company.is_some();
    let summary = summary(brief, lang);
    let terms = TermsView {
        revisions: brief.terms.revisions.as_ref().map(|r| {
            crate::t!(
                lang,
                "offer-term-revisions",
                count = r.value as usize,
                rounds = r.value.to_string()
            )
        }),
        payment: brief.terms.payment.as_ref().map(|p| p.value.clone()),
        payment_days: crate::t!(
            lang,
            "offer-term-payment-days",
            days = brief.payment_days().to_string(),
        ),
        valid_until: crate::t!(lang, "offer-term-valid", date = date(valid_until, lang)),
        change_rate: brief.change_rate().map(|r| {
            crate::t!(
                lang,
                "offer-term-change-rate",
                rate = with_basis(money_fmt(r)),
            )
        }),
        late_material: crate::t!(lang, "offer-term-material", voice = voice_word(voice)),
    };
    Context {
        lang,
        t,
        name: brief
            .project
            .name
            .as_ref()
            .map_or_else(String::new, |n| n.value.clone()),
        client,
        contact: brief.project.contact.as_ref().map(|c| c.value.clone()),
        issued: date(input.issued, lang),
        number: input.number.clone(),
        voice: voice_word(voice),
        sender,
        has_sender,
        understanding: summary.clone(),
        summary,
        quote: brief
            .project
            .quote
            .as_ref()
            .map(|q| q.value.trim().to_owned()),
        purpose: brief.project.purpose.as_ref().map(|p| p.value.clone()),
        success: brief
            .project
            .success
            .iter()
            .flat_map(|s| &s.value)
            .map(|c| c.value.clone())
            .collect(),
        confidence: percent(options.confidence, lang),
        offer,
        lead: lead_view,
        options: ordered,
        alternatives,
        included,
        excluded,
        assumptions,
        risks,
        questions: input.questions.to_vec(),
        revisions: brief.terms.revisions.as_ref().map(|r| r.value),
        valid_until: date(valid_until, lang),
        payment: brief.terms.payment.as_ref().map(|p| p.value.clone()),
        terms,
        price_chart,
        finish_chart,
    }
}

/// The task in the provider's words: `project.summary` by paragraph, else a sentence made
/// from the purpose and the items wanted. Never the client's own e-mail.
fn summary(brief: &Brief, lang: Lang) -> Vec<String> {
    if let Some(summary) = &brief.project.summary {
        return summary
            .value
            .split("\n\n")
            .map(|p| p.split_whitespace().collect::<Vec<_>>().join(" "))
            .filter(|p| !p.is_empty())
            .collect();
    }
    let wanted: Vec<String> = brief
        .items
        .iter()
        .filter(|i| i.priority() != crate::brief::Priority::Wont)
        .map(|i| i.label().to_owned())
        .collect();
    let mut text = Vec::new();
    if !wanted.is_empty() {
        let items = and_list(&wanted, lang);
        text.push(match &brief.project.purpose {
            Some(p) => crate::t!(
                lang,
                "offer-summary-purpose",
                purpose = p.value.trim().trim_end_matches('.'),
                items = items,
            ),
            None => crate::t!(lang, "offer-summary-items", items = items),
        });
    }
    text
}

/// The price and finish-date charts, with the figures quoted at the confidence marked.
fn charts(brief: &Brief, lang: Lang, report: &Report) -> (String, String) {
    let currency = brief.currency();
    let money_fmt = |v: f64| money(v, currency, lang);
    let level = crate::stats::level_name(report.confidence);
    // The chart's costs are ex. VAT: so is the budget marked on it.
    let price_chart = svg::histogram(&svg::Histogram {
        sorted: &report.sorted_cost,
        title: &crate::messages::text(lang, "chart-price-title"),
        limit: brief
            .budget_ex_vat()
            .map(|b| (b, crate::t!(lang, "chart-budget", budget = money_fmt(b)))),
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
    (price_chart, finish_chart)
}
