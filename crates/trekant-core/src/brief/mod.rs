//! The brief, format v1: what the client asked for and what the provider would deliver.
//!
//! Every value keeps the span it was read from, so a finding about it can point at it.
//! Parsing is best effort: a brief with errors still yields everything that could be read,
//! so that one review reports all problems at once.

pub mod draft;
pub mod logo;
mod parse;
mod profile;
pub mod schema;
pub mod syntax;

pub use parse::{Parsed, parse_brief};
pub use profile::{Profile, parse_profile};

use jiff::civil::{Date, Weekday};

use crate::lang::Lang;
use crate::span::{Span, Spanned};

/// A parsed brief.
#[derive(Clone, Debug, Default)]
pub struct Brief {
    pub project: Project,
    pub request: Request,
    pub me: Me,
    pub items: Vec<Item>,
    pub risks: Vec<Risk>,
    pub model: Model,
    pub terms: Terms,
    /// Where each top-level table was written, for findings about a table as a whole.
    pub tables: TableSpans,
    /// Keys written with a value that could not be read (`request.budget = "lots"`), by
    /// path (`item.priority` for any item) and the value's span. A schema error already
    /// explains each; the missing-X rules stay silent about them.
    pub rejected: Vec<(String, Span)>,
}

impl Brief {
    /// Whether the key at `path` was written but rejected, anywhere in `within` if given.
    pub fn rejected(&self, path: &str, within: Option<&Span>) -> bool {
        self.rejected.iter().any(|(p, span)| {
            p == path && within.is_none_or(|w| w.start <= span.start && span.end <= w.end)
        })
    }
}

#[derive(Clone, Debug, Default)]
pub struct TableSpans {
    pub project: Option<Span>,
    pub request: Option<Span>,
    pub me: Option<Span>,
    pub terms: Option<Span>,
    /// How many `[[item]]` tables were written, read or not.
    pub item_tables: usize,
}

#[derive(Clone, Debug, Default)]
pub struct Project {
    pub name: Option<Spanned<String>>,
    pub client: Option<Spanned<String>>,
    pub language: Option<Spanned<Lang>>,
    pub currency: Option<Spanned<String>>,
    pub purpose: Option<Spanned<String>>,
    /// `None` when the key is absent; `Some(empty)` when the client gave an empty list.
    pub success: Option<Spanned<Vec<Spanned<String>>>>,
    pub start: Option<Spanned<Date>>,
    /// The task in the provider's words, for the offer.
    pub summary: Option<Spanned<String>>,
    /// A short quote from the client the provider chooses to show in the offer.
    pub quote: Option<Spanned<String>>,
    /// The client's contact person ("Lone Madsen").
    pub contact: Option<Spanned<String>>,
}

/// The side of the triangle a client can call non-negotiable.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Fixed {
    Scope,
    Budget,
    Deadline,
}

#[derive(Clone, Debug, Default)]
pub struct Request {
    pub text: Option<Spanned<String>>,
    pub budget: Option<Spanned<f64>>,
    pub deadline: Option<Spanned<Date>>,
    pub fixed: Vec<Spanned<Fixed>>,
    /// Whether `budget` includes VAT (moms); see [`Brief::budget_includes_vat`].
    pub budget_includes_vat: Option<Spanned<bool>>,
}

/// Which public holidays the calendar skips.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub enum Holidays {
    #[default]
    Dk,
    None,
}

/// The provider's settings as written (in the brief, or filled from the profile).
#[derive(Clone, Debug, Default)]
pub struct Me {
    pub rate: Option<Spanned<f64>>,
    pub hours_per_week: Option<Spanned<f64>>,
    pub max_hours_per_week: Option<Spanned<f64>>,
    pub rush_surcharge: Option<Spanned<f64>>,
    pub holidays: Option<Spanned<Holidays>>,
    pub days_off: Option<Spanned<Vec<Date>>>,
    pub workdays: Option<Spanned<Vec<Weekday>>>,
    pub confidence: Option<Spanned<f64>>,
    /// The sender of the offer.
    pub name: Option<Spanned<String>>,
    pub company: Option<Spanned<String>>,
    /// The Danish business registration number: 8 digits (spaces removed when read).
    pub cvr: Option<Spanned<String>>,
    pub email: Option<Spanned<String>>,
    pub phone: Option<Spanned<String>>,
    pub address: Option<Spanned<String>>,
    /// A PNG, JPEG or SVG file: relative to the file that names it when read from a brief;
    /// the CLI makes a profile's logo absolute. Checked where it is read ([`logo::check`]).
    pub logo: Option<Spanned<String>>,
    pub voice: Option<Spanned<Voice>>,
}

/// Whether the provider writes as one person or as a company.
#[derive(Clone, Copy, Debug, PartialEq, Eq, serde::Serialize)]
#[serde(rename_all = "lowercase")]
pub enum Voice {
    /// "jeg" / "I".
    Jeg,
    /// "vi" / "we".
    Vi,
}

/// Defaults for a provider who has said nothing: a full Danish working week.
pub mod defaults {
    pub const HOURS_PER_WEEK: f64 = 30.0;
    pub const MAX_HOURS_PER_WEEK: f64 = 45.0;
    pub const RUSH_SURCHARGE: f64 = 0.5;
    pub const CONFIDENCE: f64 = 0.8;
    pub const CORRELATION: f64 = 0.3;
    pub const TRIALS: u64 = 20_000;
    pub const VALID_DAYS: u32 = 30;
    pub const PAYMENT_DAYS: u32 = 14;
    /// Danish moms.
    pub const VAT_DKK: f64 = 0.25;
    pub const ROUND_TO_DKK: f64 = 500.0;
    pub const ROUND_TO_OTHER: f64 = 100.0;
}

impl Me {
    pub fn hours_per_week(&self) -> f64 {
        value_or(&self.hours_per_week, defaults::HOURS_PER_WEEK)
    }

    /// Rushing never means working less than normal.
    pub fn max_hours_per_week(&self) -> f64 {
        value_or(&self.max_hours_per_week, defaults::MAX_HOURS_PER_WEEK).max(self.hours_per_week())
    }

    pub fn rush_surcharge(&self) -> f64 {
        value_or(&self.rush_surcharge, defaults::RUSH_SURCHARGE)
    }

    pub fn holidays(&self) -> Holidays {
        self.holidays.as_ref().map(|h| h.value).unwrap_or_default()
    }

    pub fn days_off(&self) -> &[Date] {
        self.days_off.as_ref().map_or(&[], |d| &d.value)
    }

    pub fn workdays(&self) -> Vec<Weekday> {
        self.workdays.as_ref().map_or_else(
            || {
                vec![
                    Weekday::Monday,
                    Weekday::Tuesday,
                    Weekday::Wednesday,
                    Weekday::Thursday,
                    Weekday::Friday,
                ]
            },
            |w| w.value.clone(),
        )
    }

    pub fn confidence(&self) -> f64 {
        value_or(&self.confidence, defaults::CONFIDENCE)
    }

    /// How the provider speaks: as written, else "vi" for a company and "jeg" otherwise.
    pub fn voice(&self) -> Voice {
        self.voice.as_ref().map_or(
            if self.company.is_some() {
                Voice::Vi
            } else {
                Voice::Jeg
            },
            |v| v.value,
        )
    }
}

fn value_or(value: &Option<Spanned<f64>>, default: f64) -> f64 {
    value.as_ref().map_or(default, |v| v.value)
}

/// An estimate in hours: `[low, likely, high]`, or a single certain number.
#[derive(Clone, Copy, Debug, PartialEq)]
pub struct Estimate {
    pub low: f64,
    pub likely: f64,
    pub high: f64,
    /// Written as one number: the provider claims certainty.
    pub point: bool,
}

impl Estimate {
    pub fn point(hours: f64) -> Self {
        Estimate {
            low: hours,
            likely: hours,
            high: hours,
            point: true,
        }
    }

    pub fn three(low: f64, likely: f64, high: f64) -> Self {
        Estimate {
            low,
            likely,
            high,
            point: false,
        }
    }

    pub fn values(&self) -> [f64; 3] {
        [self.low, self.likely, self.high]
    }
}

#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub enum Priority {
    Must,
    Should,
    Could,
    Wont,
}

impl Priority {
    pub fn as_str(self) -> &'static str {
        match self {
            Priority::Must => "must",
            Priority::Should => "should",
            Priority::Could => "could",
            Priority::Wont => "wont",
        }
    }
}

/// A cheaper way to serve the same purpose as an item.
#[derive(Clone, Debug)]
pub struct Alternative {
    pub title: Option<Spanned<String>>,
    pub estimate: Spanned<Estimate>,
    pub value: Option<Spanned<f64>>,
    pub span: Span,
}

/// One deliverable in scope.
#[derive(Clone, Debug)]
pub struct Item {
    pub id: Spanned<String>,
    pub title: Option<Spanned<String>>,
    pub estimate: Spanned<Estimate>,
    pub priority: Option<Spanned<Priority>>,
    pub value: Option<Spanned<f64>>,
    pub depends: Vec<Spanned<String>>,
    pub category: Option<Spanned<String>>,
    pub alternative: Option<Alternative>,
    /// What the item is, in the provider's words, for the offer.
    pub description: Option<Spanned<String>>,
    /// The item's whole table.
    pub span: Span,
}

impl Item {
    /// Priority as the model uses it: an item with none is treated as `should`.
    pub fn priority(&self) -> Priority {
        self.priority.as_ref().map_or(Priority::Should, |p| p.value)
    }

    /// The item's name for people: its title, else its id.
    pub fn label(&self) -> &str {
        self.title.as_ref().map_or(&self.id.value, |t| &t.value)
    }
}

/// A three-point range, or a certain number, for a risk's effort or delay.
pub type Range3 = Estimate;

#[derive(Clone, Debug)]
pub struct Risk {
    pub title: Option<Spanned<String>>,
    pub probability: Spanned<f64>,
    pub effort: Option<Spanned<Range3>>,
    pub delay: Option<Spanned<Range3>>,
    pub span: Span,
}

/// The per-item effort distribution.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub enum Distribution {
    #[default]
    Pert,
    Triangular,
    Lognormal,
}

#[derive(Clone, Debug, Default)]
pub struct Model {
    pub distribution: Option<Spanned<Distribution>>,
    pub correlation: Option<Spanned<f64>>,
    pub trials: Option<Spanned<u64>>,
    pub seed: Option<Spanned<u64>>,
}

impl Model {
    pub fn distribution(&self) -> Distribution {
        self.distribution
            .as_ref()
            .map(|d| d.value)
            .unwrap_or_default()
    }

    pub fn correlation(&self) -> f64 {
        value_or(&self.correlation, defaults::CORRELATION)
    }

    pub fn trials(&self) -> u64 {
        self.trials.as_ref().map_or(defaults::TRIALS, |t| t.value)
    }
}

/// The offer's terms, from the brief's `[terms]` and, key by key, the profile's.
#[derive(Clone, Debug, Default)]
pub struct Terms {
    pub revisions: Option<Spanned<u32>>,
    pub valid_days: Option<Spanned<u32>>,
    /// Payment terms in words (`payment = "40% at start, 60% at launch"`).
    pub payment: Option<Spanned<String>>,
    /// The payment plan (`payment = [{ share = 0.3, at = "start" }, …]`); its shares sum to 1.
    pub payment_plan: Option<Spanned<Vec<Instalment>>>,
    pub customer: Option<Spanned<Customer>>,
    /// The VAT rate, 0–1.
    pub vat: Option<Spanned<f64>>,
    /// Fixed prices are rounded up to a multiple of this (> 0).
    pub round_to: Option<Spanned<f64>>,
    pub payment_days: Option<Spanned<u32>>,
    /// The hourly rate for work outside the offer.
    pub change_rate: Option<Spanned<f64>>,
}

/// Who the offer is for: a business compares prices ex. VAT, a consumer incl. VAT.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, serde::Serialize)]
#[serde(rename_all = "lowercase")]
pub enum Customer {
    #[default]
    Business,
    Consumer,
}

/// One payment of the plan.
#[derive(Clone, Debug, PartialEq)]
pub struct Instalment {
    pub share: Spanned<f64>,
    pub at: Spanned<PaymentAt>,
}

/// When a payment falls due.
#[derive(Clone, Debug, PartialEq, Eq, serde::Serialize)]
#[serde(rename_all = "lowercase")]
pub enum PaymentAt {
    Start,
    Delivery,
    /// When this item (by id) is delivered.
    #[serde(untagged)]
    Item(String),
}

impl Brief {
    /// The language of questions and proposal: the brief's own, else guessed from the request.
    pub fn language(&self) -> Lang {
        self.project
            .language
            .as_ref()
            .map(|l| l.value)
            .or_else(|| {
                self.request
                    .text
                    .as_ref()
                    .and_then(|t| crate::lang::detect::detect(&t.value))
            })
            .unwrap_or_default()
    }

    pub fn currency(&self) -> &str {
        self.project.currency.as_ref().map_or("DKK", |c| &c.value)
    }

    pub fn is_fixed(&self, side: Fixed) -> bool {
        self.request.fixed.iter().any(|f| f.value == side)
    }

    pub fn item(&self, id: &str) -> Option<&Item> {
        self.items.iter().find(|i| i.id.value == id)
    }

    pub fn customer(&self) -> Customer {
        self.terms
            .customer
            .as_ref()
            .map(|c| c.value)
            .unwrap_or_default()
    }

    /// The VAT rate: as written, else 25 % moms for DKK and none for other currencies.
    pub fn vat(&self) -> f64 {
        let default = if self.currency() == "DKK" {
            defaults::VAT_DKK
        } else {
            0.0
        };
        value_or(&self.terms.vat, default)
    }

    /// What fixed prices are rounded up to: as written, else 500 for DKK and 100 otherwise.
    pub fn round_to(&self) -> f64 {
        let default = if self.currency() == "DKK" {
            defaults::ROUND_TO_DKK
        } else {
            defaults::ROUND_TO_OTHER
        };
        value_or(&self.terms.round_to, default)
    }

    /// Whether the client's budget includes VAT: as written, else true for consumers and
    /// false for businesses (who think ex. VAT).
    pub fn budget_includes_vat(&self) -> bool {
        self.request
            .budget_includes_vat
            .as_ref()
            .map_or(self.customer() == Customer::Consumer, |b| b.value)
    }

    /// The client's budget ex. VAT, to compare with the simulated cost.
    pub fn budget_ex_vat(&self) -> Option<f64> {
        let budget = self.request.budget.as_ref()?.value;
        Some(if self.budget_includes_vat() {
            budget / (1.0 + self.vat())
        } else {
            budget
        })
    }

    /// The payment plan as (share, when): as written, else everything on delivery.
    pub fn payment_plan(&self) -> Vec<(f64, PaymentAt)> {
        match &self.terms.payment_plan {
            Some(plan) if !plan.value.is_empty() => plan
                .value
                .iter()
                .map(|i| (i.share.value, i.at.value.clone()))
                .collect(),
            _ => vec![(1.0, PaymentAt::Delivery)],
        }
    }

    pub fn payment_days(&self) -> u32 {
        self.terms
            .payment_days
            .as_ref()
            .map_or(defaults::PAYMENT_DAYS, |d| d.value)
    }

    pub fn valid_days(&self) -> u32 {
        self.terms
            .valid_days
            .as_ref()
            .map_or(defaults::VALID_DAYS, |d| d.value)
    }

    /// The hourly rate for work outside the offer: `terms.change_rate`, else `me.rate`.
    pub fn change_rate(&self) -> Option<f64> {
        self.terms
            .change_rate
            .as_ref()
            .or(self.me.rate.as_ref())
            .map(|r| r.value)
    }
}
