//! Reading a brief from TOML into [`Brief`], keeping spans and collecting every schema error.
//!
//! The TOML is first parsed into a spanned tree (`toml::de::DeTable`), then walked by hand
//! against the v1 schema. Walking by hand, rather than deriving `Deserialize`, lets one pass
//! report every wrong type, missing and unknown key, each with its place and a fix.

use jiff::civil::{Date, Weekday};
use toml::de::{DeTable, DeValue};

use super::{
    Alternative, Brief, Customer, Distribution, Estimate, Fixed, Holidays, Instalment, Item, Me,
    Model, PaymentAt, Priority, Project, Request, Risk, Terms, Voice,
};
use super::{schema, syntax};
use crate::diagnostic::Diagnostic;
use crate::lang::Lang;
use crate::span::{Span, Spanned};

type TomlValue<'i> = toml::Spanned<DeValue<'i>>;

/// A brief as far as it could be read, and what was wrong with it.
#[derive(Clone, Debug)]
pub struct Parsed {
    pub brief: Brief,
    /// The language messages were written in.
    pub lang: Lang,
    /// Syntax and schema errors, in source order.
    pub diagnostics: Vec<Diagnostic>,
}

/// The keys each table of format v1 allows.
pub(crate) const TOP_KEYS: &[&str] =
    &["project", "request", "me", "item", "risk", "model", "terms"];
pub(crate) const PROJECT_KEYS: &[&str] = &[
    "name", "client", "language", "currency", "purpose", "success", "start", "summary", "quote",
    "contact",
];
pub(crate) const REQUEST_KEYS: &[&str] =
    &["text", "budget", "deadline", "fixed", "budget_includes_vat"];
pub(crate) const ME_KEYS: &[&str] = &[
    "rate",
    "hours_per_week",
    "max_hours_per_week",
    "rush_surcharge",
    "holidays",
    "days_off",
    "workdays",
    "confidence",
    "name",
    "company",
    "cvr",
    "email",
    "phone",
    "address",
    "logo",
    "voice",
];
pub(crate) const ITEM_KEYS: &[&str] = &[
    "id",
    "title",
    "estimate",
    "priority",
    "value",
    "depends",
    "category",
    "alternative",
    "description",
];
const ALTERNATIVE_KEYS: &[&str] = &["title", "estimate", "value"];
pub(crate) const RISK_KEYS: &[&str] = &["title", "probability", "effort", "delay"];
pub(crate) const MODEL_KEYS: &[&str] = &["distribution", "correlation", "trials", "seed"];
pub(crate) const TERMS_KEYS: &[&str] = &[
    "revisions",
    "valid_days",
    "payment",
    "customer",
    "vat",
    "round_to",
    "payment_days",
    "change_rate",
];
const PAYMENT_KEYS: &[&str] = &["share", "at"];

/// Every table's keys, to tell a user who put a key in the wrong table where it belongs.
const TABLES: &[(&str, &[&str])] = &[
    ("project", PROJECT_KEYS),
    ("request", REQUEST_KEYS),
    ("me", ME_KEYS),
    ("item", ITEM_KEYS),
    ("risk", RISK_KEYS),
    ("model", MODEL_KEYS),
    ("terms", TERMS_KEYS),
];

/// Parses a brief. `lang` chooses the language of messages; without it, the brief's own
/// `project.language` is used, else the language of its request text.
pub fn parse_brief(source: &str, lang: Option<Lang>) -> Parsed {
    let root = match DeTable::parse(source) {
        Ok(root) => root,
        Err(error) => {
            let lang = lang
                .or_else(|| crate::lang::detect::detect(source))
                .unwrap_or_default();
            return Parsed {
                brief: Brief::default(),
                lang,
                diagnostics: vec![syntax::from_toml_error(lang, source, &error)],
            };
        }
    };
    let lang = lang
        .or_else(|| sniff_language(root.get_ref()))
        .unwrap_or_default();
    let mut reader = Reader {
        lang,
        diagnostics: Vec::new(),
        rejected: Vec::new(),
    };
    let mut brief = reader.brief(root.get_ref(), root.span());
    brief.rejected = std::mem::take(&mut reader.rejected);
    let mut diagnostics = reader.diagnostics;
    diagnostics.sort_by_key(|d| (d.span.start, d.span.end));
    Parsed {
        brief,
        lang,
        diagnostics,
    }
}

/// The brief's language before the full walk, so that schema errors come in that language.
fn sniff_language(root: &DeTable) -> Option<Lang> {
    let text_of = |table: &str, key: &str| -> Option<String> {
        match root.get(table)?.get_ref() {
            DeValue::Table(t) => match t.get(key)?.get_ref() {
                DeValue::String(s) => Some(s.to_string()),
                _ => None,
            },
            _ => None,
        }
    };
    text_of("project", "language")
        .and_then(|code| Lang::from_code(&code))
        .or_else(|| text_of("request", "text").and_then(|text| crate::lang::detect::detect(&text)))
}

/// The walker: reads values of the expected types and records what is wrong.
pub(crate) struct Reader {
    pub(crate) lang: Lang,
    pub(crate) diagnostics: Vec<Diagnostic>,
    /// Keys written with a value that could not be read (see [`Brief::rejected`]).
    pub(crate) rejected: Vec<(String, Span)>,
}

/// What a value is, in words, for "expected X, found Y".
fn kind_of(value: &DeValue, lang: Lang) -> String {
    let id = match value {
        DeValue::String(_) => "found-string",
        DeValue::Integer(i) if i.as_str().starts_with('-') => "found-negative-integer",
        DeValue::Integer(_) => "found-integer",
        DeValue::Float(_) => "found-float",
        DeValue::Boolean(_) => "found-boolean",
        DeValue::Datetime(d) if d.date.is_some() && d.time.is_some() => "found-date-time",
        DeValue::Datetime(d) if d.date.is_none() => "found-time",
        DeValue::Datetime(_) => "found-date",
        DeValue::Array(_) => "found-array",
        DeValue::Table(_) => "found-table",
    };
    crate::messages::text(lang, id)
}

impl Reader {
    fn brief(&mut self, root: &DeTable, root_span: Span) -> Brief {
        self.check_keys(root, TOP_KEYS, "");
        let mut brief = Brief::default();
        match self.table_at(root, "project") {
            Some((table, span)) => {
                brief.project = self.project(table, span.clone());
                brief.tables.project = Some(span);
            }
            None if root.get("project").is_none() => {
                self.diagnostics.push(schema::missing_table(
                    self.lang,
                    "project",
                    root_span.start..root_span.start,
                ));
            }
            None => {}
        }
        if let Some((table, span)) = self.table_at(root, "request") {
            brief.request = self.request(table);
            brief.tables.request = Some(span);
        }
        if let Some((table, span)) = self.table_at(root, "me") {
            brief.me = self.me(table, "me");
            brief.tables.me = Some(span);
        }
        if let Some((table, _)) = self.table_at(root, "model") {
            brief.model = self.model(table);
        }
        if let Some((table, span)) = self.table_at(root, "terms") {
            brief.terms = self.terms(table, "terms");
            brief.tables.terms = Some(span);
        }
        for (table, span) in self.array_of_tables(root, "item") {
            brief.tables.item_tables += 1;
            if let Some(item) = self.item(table, span) {
                brief.items.push(item);
            }
        }
        for (table, span) in self.array_of_tables(root, "risk") {
            if let Some(risk) = self.risk(table, span) {
                brief.risks.push(risk);
            }
        }
        self.check_payment_items(&brief);
        brief
    }

    /// A payment due "when item X is delivered" must name an item of the brief.
    fn check_payment_items(&mut self, brief: &Brief) {
        let Some(plan) = &brief.terms.payment_plan else {
            return;
        };
        for instalment in &plan.value {
            if let PaymentAt::Item(id) = &instalment.at.value
                && brief.item(id).is_none()
            {
                let mut allowed = vec!["start", "delivery"];
                allowed.extend(brief.items.iter().map(|i| i.id.value.as_str()));
                self.rejected
                    .push(("terms.payment".into(), instalment.at.span.clone()));
                self.diagnostics.push(schema::not_one_of(
                    self.lang,
                    "terms.payment.at",
                    id,
                    &allowed,
                    instalment.at.span.clone(),
                ));
            }
        }
    }

    fn project(&mut self, table: &DeTable, span: Span) -> Project {
        self.check_keys(table, PROJECT_KEYS, "project");
        let name = self.string(table, "name", "project");
        if name.is_none() && table.get("name").is_none() {
            self.diagnostics.push(schema::missing_key(
                self.lang,
                "project.name",
                "name = \"Webshop for Kaffe Nord\"",
                span.start..span.start,
            ));
        }
        Project {
            name,
            client: self.string(table, "client", "project"),
            language: self.parse_enum(table, "language", "project", &["da", "en"], |s| {
                Lang::from_code(s).filter(|_| matches!(s, "da" | "en"))
            }),
            currency: self.currency(table),
            purpose: self.string(table, "purpose", "project"),
            success: self.string_list(table, "success", "project"),
            start: self.date(table, "start", "project"),
            summary: self.string(table, "summary", "project"),
            quote: self.string(table, "quote", "project"),
            contact: self.string(table, "contact", "project"),
        }
    }

    fn currency(&mut self, table: &DeTable) -> Option<Spanned<String>> {
        let currency = self.string(table, "currency", "project")?;
        let code = &currency.value;
        if code.len() == 3 && code.bytes().all(|b| b.is_ascii_uppercase()) {
            Some(currency)
        } else {
            self.diagnostics.push(schema::bad_value(
                self.lang,
                "project.currency",
                crate::t!(self.lang, "bad-currency", code = code),
                currency.span,
            ));
            None
        }
    }

    fn request(&mut self, table: &DeTable) -> Request {
        self.check_keys(table, REQUEST_KEYS, "request");
        let fixed = self
            .string_list(table, "fixed", "request")
            .map(|list| list.value)
            .unwrap_or_default()
            .into_iter()
            .filter_map(|side| {
                let value = match side.value.as_str() {
                    "scope" => Fixed::Scope,
                    "budget" => Fixed::Budget,
                    "deadline" => Fixed::Deadline,
                    other => {
                        self.diagnostics.push(schema::not_one_of(
                            self.lang,
                            "request.fixed",
                            other,
                            &["scope", "budget", "deadline"],
                            side.span,
                        ));
                        return None;
                    }
                };
                Some(Spanned::new(value, side.span))
            })
            .collect();
        Request {
            text: self.string(table, "text", "request"),
            budget: self.number(table, "budget", "request"),
            deadline: self.date(table, "deadline", "request"),
            fixed,
            budget_includes_vat: self.boolean(table, "budget_includes_vat", "request"),
        }
    }

    /// The `[me]` table, shared by briefs and profile files.
    pub(crate) fn me(&mut self, table: &DeTable, path: &str) -> Me {
        self.check_keys(table, ME_KEYS, path);
        let workdays = self.string_list(table, "workdays", path).map(|list| {
            let days = list
                .value
                .iter()
                .filter_map(|day| {
                    let weekday = weekday(&day.value);
                    if weekday.is_none() {
                        self.diagnostics.push(schema::not_one_of(
                            self.lang,
                            &format!("{path}.workdays"),
                            &day.value,
                            &["mon", "tue", "wed", "thu", "fri", "sat", "sun"],
                            day.span.clone(),
                        ));
                    }
                    weekday
                })
                .collect();
            Spanned::new(days, list.span)
        });
        let days_off = self.date_list(table, "days_off", path);
        Me {
            rate: self.number(table, "rate", path),
            hours_per_week: self.number(table, "hours_per_week", path),
            max_hours_per_week: self.number(table, "max_hours_per_week", path),
            rush_surcharge: self.number(table, "rush_surcharge", path),
            holidays: self.parse_enum(table, "holidays", path, &["dk", "none"], |s| match s {
                "dk" => Some(Holidays::Dk),
                "none" => Some(Holidays::None),
                _ => None,
            }),
            days_off,
            workdays,
            confidence: self.number(table, "confidence", path),
            name: self.string(table, "name", path),
            company: self.string(table, "company", path),
            cvr: self.cvr(table, path),
            email: self.email(table, path),
            phone: self.string(table, "phone", path),
            address: self.string(table, "address", path),
            logo: self.string(table, "logo", path),
            voice: self.parse_enum(table, "voice", path, &["jeg", "vi"], |s| {
                match s.to_lowercase().as_str() {
                    "jeg" => Some(Voice::Jeg),
                    "vi" => Some(Voice::Vi),
                    _ => None,
                }
            }),
        }
    }

    /// A CVR number: 8 digits; spaces between them are allowed and dropped.
    fn cvr(&mut self, table: &DeTable, path: &str) -> Option<Spanned<String>> {
        let value = self.get(table, "cvr")?;
        let text = match value.get_ref() {
            DeValue::String(s) => s.to_string(),
            DeValue::Integer(i) => i.as_str().to_owned(),
            _ => {
                self.wrong_type(path, "cvr", "expected-quoted-string", value);
                return None;
            }
        };
        let digits: String = text.chars().filter(|c| !c.is_whitespace()).collect();
        if digits.len() == 8 && digits.bytes().all(|b| b.is_ascii_digit()) {
            Some(Spanned::new(digits, value.span()))
        } else {
            self.rejected.push((join(path, "cvr"), value.span()));
            self.diagnostics.push(schema::bad_value(
                self.lang,
                &join(path, "cvr"),
                crate::t!(self.lang, "offer-bad-cvr", cvr = text),
                value.span(),
            ));
            None
        }
    }

    /// An e-mail address: something, an `@`, and a domain with a dot.
    fn email(&mut self, table: &DeTable, path: &str) -> Option<Spanned<String>> {
        let email = self.string(table, "email", path)?;
        let valid = email.value.split_once('@').is_some_and(|(user, domain)| {
            !user.is_empty()
                && domain.contains('.')
                && !domain.starts_with('.')
                && !domain.ends_with('.')
                && !email.value.chars().any(char::is_whitespace)
        });
        if valid {
            Some(email)
        } else {
            self.rejected
                .push((join(path, "email"), email.span.clone()));
            self.diagnostics.push(schema::bad_value(
                self.lang,
                &join(path, "email"),
                crate::t!(self.lang, "offer-bad-email", email = email.value.as_str()),
                email.span,
            ));
            None
        }
    }

    fn model(&mut self, table: &DeTable) -> Model {
        self.check_keys(table, MODEL_KEYS, "model");
        Model {
            distribution: self.parse_enum(
                table,
                "distribution",
                "model",
                &["pert", "triangular", "lognormal"],
                |s| match s {
                    "pert" => Some(Distribution::Pert),
                    "triangular" => Some(Distribution::Triangular),
                    "lognormal" => Some(Distribution::Lognormal),
                    _ => None,
                },
            ),
            correlation: self.number(table, "correlation", "model"),
            trials: self.unsigned(table, "trials", "model"),
            seed: self.unsigned(table, "seed", "model"),
        }
    }

    /// The `[terms]` table, shared by briefs and profile files.
    pub(crate) fn terms(&mut self, table: &DeTable, path: &str) -> Terms {
        self.check_keys(table, TERMS_KEYS, path);
        let small = |value: Option<Spanned<u64>>, reader: &mut Reader, key: &str| {
            let value = value?;
            match u32::try_from(value.value) {
                Ok(v) => Some(Spanned::new(v, value.span)),
                Err(_) => {
                    reader.diagnostics.push(schema::bad_value(
                        reader.lang,
                        &join(path, key),
                        crate::messages::text(reader.lang, "bad-unreasonably-large"),
                        value.span,
                    ));
                    None
                }
            }
        };
        let revisions = self.unsigned(table, "revisions", path);
        let valid_days = self.unsigned(table, "valid_days", path);
        let payment_days = self.unsigned(table, "payment_days", path);
        // `payment` is either words or a plan.
        let (payment, payment_plan) = match table.get("payment").map(|v| v.get_ref()) {
            Some(DeValue::Array(_)) => (None, self.payment_plan(table, path)),
            _ => (self.string(table, "payment", path), None),
        };
        let vat = self.number(table, "vat", path);
        let vat = self.checked(
            vat,
            path,
            "vat",
            |v| (0.0..=1.0).contains(&v),
            "offer-bad-vat",
        );
        let round_to = self.number(table, "round_to", path);
        let round_to = self.checked(
            round_to,
            path,
            "round_to",
            |v| v > 0.0,
            "offer-bad-positive",
        );
        let change_rate = self.number(table, "change_rate", path);
        let change_rate = self.checked(
            change_rate,
            path,
            "change_rate",
            |v| v > 0.0,
            "offer-bad-positive",
        );
        Terms {
            revisions: small(revisions, self, "revisions"),
            valid_days: small(valid_days, self, "valid_days"),
            payment,
            payment_plan,
            customer: self.parse_enum(table, "customer", path, &["business", "consumer"], |s| {
                match s {
                    "business" => Some(Customer::Business),
                    "consumer" => Some(Customer::Consumer),
                    _ => None,
                }
            }),
            vat,
            round_to,
            payment_days: small(payment_days, self, "payment_days"),
            change_rate,
        }
    }

    /// Keeps a number that passes `ok`; otherwise a located error saying what is allowed.
    fn checked(
        &mut self,
        value: Option<Spanned<f64>>,
        path: &str,
        key: &str,
        ok: impl Fn(f64) -> bool,
        message: &str,
    ) -> Option<Spanned<f64>> {
        let value = value?;
        if ok(value.value) {
            return Some(value);
        }
        self.rejected.push((join(path, key), value.span.clone()));
        self.diagnostics.push(schema::bad_value(
            self.lang,
            &join(path, key),
            crate::messages::text(self.lang, message),
            value.span,
        ));
        None
    }

    /// `payment = [{ share = 0.3, at = "start" }, …]`: shares above 0 that sum to 1; `at` is
    /// `start`, `delivery` or an item id (checked against the items once they are read).
    fn payment_plan(&mut self, table: &DeTable, path: &str) -> Option<Spanned<Vec<Instalment>>> {
        let (entries, span) = self.array(table, "payment", path, "offer-expected-payment")?;
        let plan_path = join(path, "payment");
        let mut plan = Vec::with_capacity(entries.len());
        let mut complete = true;
        for entry in entries {
            let DeValue::Table(t) = entry.get_ref() else {
                self.wrong_type(path, "payment", "offer-expected-payment", entry);
                complete = false;
                continue;
            };
            self.check_keys(t, PAYMENT_KEYS, &plan_path);
            let share = self.required(
                t,
                "share",
                &plan_path,
                "share = 0.3",
                &entry.span(),
                Self::number,
            );
            let share = self.checked(
                share,
                &plan_path,
                "share",
                |v| v > 0.0 && v <= 1.0,
                "offer-bad-share",
            );
            let at = self
                .required(
                    t,
                    "at",
                    &plan_path,
                    "at = \"delivery\"",
                    &entry.span(),
                    Self::string,
                )
                .map(|at| {
                    let when = match at.value.trim() {
                        "start" => PaymentAt::Start,
                        "delivery" => PaymentAt::Delivery,
                        id => PaymentAt::Item(id.to_owned()),
                    };
                    Spanned::new(when, at.span)
                });
            match (share, at) {
                (Some(share), Some(at)) => plan.push(Instalment { share, at }),
                _ => complete = false,
            }
        }
        if !complete {
            self.rejected.push((plan_path, span));
            return None;
        }
        let sum: f64 = plan.iter().map(|i| i.share.value).sum();
        if (sum - 1.0).abs() > 1e-6 {
            self.rejected.push((plan_path.clone(), span.clone()));
            self.diagnostics.push(schema::bad_value(
                self.lang,
                &plan_path,
                crate::t!(
                    self.lang,
                    "offer-bad-share-sum",
                    sum = crate::format::decimal(sum, 2, self.lang)
                ),
                span,
            ));
            return None;
        }
        Some(Spanned::new(plan, span))
    }

    fn item(&mut self, table: &DeTable, span: Span) -> Option<Item> {
        self.check_keys(table, ITEM_KEYS, "item");
        let id = self.required(table, "id", "item", "id = \"design\"", &span, Self::string);
        if let Some(id) = &id {
            let valid = !id.value.is_empty()
                && id
                    .value
                    .bytes()
                    .all(|b| b.is_ascii_lowercase() || b.is_ascii_digit() || b == b'-');
            if !valid {
                self.diagnostics.push(schema::bad_value(
                    self.lang,
                    "item.id",
                    crate::t!(self.lang, "bad-item-id", suggestion = suggest_id(&id.value)),
                    id.span.clone(),
                ));
            }
        }
        let estimate = self.required(
            table,
            "estimate",
            "item",
            "estimate = [8, 12, 20]",
            &span,
            Self::estimate,
        );
        let alternative = self.alternative(table);
        let item = Item {
            id: id?,
            title: self.string(table, "title", "item"),
            estimate: estimate?,
            priority: self.parse_enum(
                table,
                "priority",
                "item",
                &["must", "should", "could", "wont"],
                |s| match s {
                    "must" => Some(Priority::Must),
                    "should" => Some(Priority::Should),
                    "could" => Some(Priority::Could),
                    "wont" | "won't" => Some(Priority::Wont),
                    _ => None,
                },
            ),
            value: self.number(table, "value", "item"),
            depends: self
                .string_list(table, "depends", "item")
                .map(|d| d.value)
                .unwrap_or_default(),
            category: self.string(table, "category", "item"),
            alternative,
            description: self.string(table, "description", "item"),
            span,
        };
        Some(item)
    }

    fn alternative(&mut self, item: &DeTable) -> Option<Alternative> {
        let (table, span) = self.table_at(item, "alternative")?;
        self.check_keys(table, ALTERNATIVE_KEYS, "item.alternative");
        let estimate = self.required(
            table,
            "estimate",
            "item.alternative",
            "estimate = [4, 6, 10]",
            &span,
            Self::estimate,
        )?;
        Some(Alternative {
            title: self.string(table, "title", "item.alternative"),
            estimate,
            value: self.number(table, "value", "item.alternative"),
            span,
        })
    }

    fn risk(&mut self, table: &DeTable, span: Span) -> Option<Risk> {
        self.check_keys(table, RISK_KEYS, "risk");
        let probability = self.required(
            table,
            "probability",
            "risk",
            "probability = 0.3",
            &span,
            Self::number,
        );
        Some(Risk {
            title: self.string(table, "title", "risk"),
            probability: probability?,
            effort: self.estimate(table, "effort", "risk"),
            delay: self.estimate(table, "delay", "risk"),
            span,
        })
    }

    // ---- typed readers ----------------------------------------------------------------

    /// Reads a key that must be present, reporting its absence with an example line.
    fn required<T>(
        &mut self,
        table: &DeTable,
        key: &str,
        path: &str,
        example: &str,
        table_span: &Span,
        read: fn(&mut Self, &DeTable, &str, &str) -> Option<T>,
    ) -> Option<T> {
        if table.get(key).is_none() {
            self.diagnostics.push(schema::missing_key(
                self.lang,
                &format!("{path}.{key}"),
                example,
                table_span.start..table_span.start,
            ));
            return None;
        }
        read(self, table, key, path)
    }

    fn get<'t, 'i>(&self, table: &'t DeTable<'i>, key: &str) -> Option<&'t TomlValue<'i>> {
        table.get(key)
    }

    fn wrong_type(&mut self, path: &str, key: &str, expected: &'static str, value: &TomlValue) {
        self.rejected.push((join(path, key), value.span()));
        let found = kind_of(value.get_ref(), self.lang);
        let hint = match value.get_ref() {
            DeValue::String(s) if expected.contains("date") && s.len() == 10 => {
                crate::messages::text(self.lang, "hint-date-unquoted")
            }
            DeValue::String(s)
                if matches!(
                    expected,
                    "expected-number" | "expected-whole-number" | "expected-estimate"
                ) && s.parse::<f64>().is_ok() =>
            {
                crate::messages::text(self.lang, "hint-number-unquoted")
            }
            _ => String::new(),
        };
        self.diagnostics.push(schema::wrong_type(
            self.lang,
            &join(path, key),
            &crate::messages::text(self.lang, expected),
            &found,
            &hint,
            value.span(),
        ));
    }

    fn string(&mut self, table: &DeTable, key: &str, path: &str) -> Option<Spanned<String>> {
        let value = self.get(table, key)?;
        match value.get_ref() {
            DeValue::String(s) => Some(Spanned::new(s.to_string(), value.span())),
            _ => {
                self.wrong_type(path, key, "expected-quoted-string", value);
                None
            }
        }
    }

    fn boolean(&mut self, table: &DeTable, key: &str, path: &str) -> Option<Spanned<bool>> {
        let value = self.get(table, key)?;
        match value.get_ref() {
            DeValue::Boolean(b) => Some(Spanned::new(*b, value.span())),
            _ => {
                self.wrong_type(path, key, "offer-expected-boolean", value);
                None
            }
        }
    }

    fn number(&mut self, table: &DeTable, key: &str, path: &str) -> Option<Spanned<f64>> {
        let value = self.get(table, key)?;
        match as_number(value.get_ref()) {
            Some(n) => Some(Spanned::new(n, value.span())),
            None => {
                self.wrong_type(path, key, "expected-number", value);
                None
            }
        }
    }

    fn unsigned(&mut self, table: &DeTable, key: &str, path: &str) -> Option<Spanned<u64>> {
        let value = self.get(table, key)?;
        let parsed = match value.get_ref() {
            DeValue::Integer(i) => u64::from_str_radix(i.as_str(), i.radix()).ok(),
            _ => None,
        };
        if parsed.is_none() {
            self.wrong_type(path, key, "expected-whole-number", value);
        }
        parsed.map(|n| Spanned::new(n, value.span()))
    }

    fn date(&mut self, table: &DeTable, key: &str, path: &str) -> Option<Spanned<Date>> {
        let value = self.get(table, key)?;
        let date = as_date(value.get_ref());
        if date.is_none() {
            self.wrong_type(path, key, "expected-date", value);
        }
        date.map(|d| Spanned::new(d, value.span()))
    }

    fn array<'t, 'i>(
        &mut self,
        table: &'t DeTable<'i>,
        key: &str,
        path: &str,
        example: &'static str,
    ) -> Option<(&'t [TomlValue<'i>], Span)> {
        let value = self.get(table, key)?;
        match value.get_ref() {
            DeValue::Array(items) => Some((&items[..], value.span())),
            _ => {
                self.wrong_type(path, key, example, value);
                None
            }
        }
    }

    fn string_list(
        &mut self,
        table: &DeTable,
        key: &str,
        path: &str,
    ) -> Option<Spanned<Vec<Spanned<String>>>> {
        let example = "expected-string-list";
        let (items, span) = self.array(table, key, path, example)?;
        let mut out = Vec::with_capacity(items.len());
        for item in items {
            match item.get_ref() {
                DeValue::String(s) => out.push(Spanned::new(s.to_string(), item.span())),
                _ => self.wrong_type(path, key, "expected-strings", item),
            }
        }
        Some(Spanned::new(out, span))
    }

    fn date_list(&mut self, table: &DeTable, key: &str, path: &str) -> Option<Spanned<Vec<Date>>> {
        let example = "expected-date-list";
        let (items, span) = self.array(table, key, path, example)?;
        let mut out = Vec::with_capacity(items.len());
        for item in items {
            match as_date(item.get_ref()) {
                Some(d) => out.push(d),
                None => self.wrong_type(path, key, "expected-dates", item),
            }
        }
        Some(Spanned::new(out, span))
    }

    /// `[low, likely, high]` or a single number of hours.
    fn estimate(&mut self, table: &DeTable, key: &str, path: &str) -> Option<Spanned<Estimate>> {
        let value = self.get(table, key)?;
        let expected = "expected-estimate";
        let estimate = match value.get_ref() {
            DeValue::Array(items) if items.len() == 3 => {
                let numbers: Option<Vec<f64>> =
                    items.iter().map(|v| as_number(v.get_ref())).collect();
                numbers.map(|n| Estimate::three(n[0], n[1], n[2]))
            }
            DeValue::Array(items) if items.len() == 1 => {
                as_number(items[0].get_ref()).map(Estimate::point)
            }
            other => as_number(other).map(Estimate::point),
        };
        if estimate.is_none() {
            self.wrong_type(path, key, expected, value);
        }
        estimate.map(|e| Spanned::new(e, value.span()))
    }

    /// A string that must be one of a fixed set of words.
    pub(crate) fn parse_enum<T>(
        &mut self,
        table: &DeTable,
        key: &str,
        path: &str,
        allowed: &[&str],
        parse: impl Fn(&str) -> Option<T>,
    ) -> Option<Spanned<T>> {
        let text = self.string(table, key, path)?;
        match parse(text.value.trim()) {
            Some(value) => Some(Spanned::new(value, text.span)),
            None => {
                self.rejected.push((join(path, key), text.span.clone()));
                self.diagnostics.push(schema::not_one_of(
                    self.lang,
                    &join(path, key),
                    &text.value,
                    allowed,
                    text.span,
                ));
                None
            }
        }
    }

    // ---- tables -----------------------------------------------------------------------

    fn table_at<'t, 'i>(
        &mut self,
        parent: &'t DeTable<'i>,
        key: &str,
    ) -> Option<(&'t DeTable<'i>, Span)> {
        let value = parent.get(key)?;
        match value.get_ref() {
            DeValue::Table(t) => Some((t, value.span())),
            _ => {
                let header = "expected-table";
                self.wrong_type("", key, header, value);
                None
            }
        }
    }

    fn array_of_tables<'t, 'i>(
        &mut self,
        root: &'t DeTable<'i>,
        key: &str,
    ) -> Vec<(&'t DeTable<'i>, Span)> {
        let Some(value) = root.get(key) else {
            return Vec::new();
        };
        let expected = "expected-tables";
        match value.get_ref() {
            DeValue::Array(items) => items
                .iter()
                .filter_map(|item| match item.get_ref() {
                    DeValue::Table(t) => Some((t, item.span())),
                    _ => {
                        self.wrong_type("", key, expected, item);
                        None
                    }
                })
                .collect(),
            _ => {
                self.wrong_type("", key, expected, value);
                Vec::new()
            }
        }
    }

    /// Reports keys the schema does not know, with the nearest known key as a suggestion.
    pub(crate) fn check_keys(&mut self, table: &DeTable, allowed: &[&str], path: &str) {
        for (key, _) in table.iter() {
            let name = key.get_ref().as_ref();
            if allowed.contains(&name) {
                continue;
            }
            let suggestion = crate::suggest::closest(name, allowed.iter().copied())
                .map(|s| s.to_owned())
                .or_else(|| {
                    // The right key in the wrong table: say which table it belongs in.
                    TABLES
                        .iter()
                        .find(|(table, keys)| *table != path && keys.contains(&name))
                        .map(|(table, _)| format!("[{table}] {name}"))
                });
            self.diagnostics.push(schema::unknown_key(
                self.lang,
                &join(path, name),
                suggestion.as_deref(),
                allowed,
                key.span(),
            ));
        }
    }
}

fn join(path: &str, key: &str) -> String {
    if path.is_empty() {
        key.to_owned()
    } else {
        format!("{path}.{key}")
    }
}

fn as_number(value: &DeValue) -> Option<f64> {
    match value {
        DeValue::Integer(i) => i64::from_str_radix(i.as_str(), i.radix())
            .ok()
            .map(|n| n as f64),
        DeValue::Float(f) => f.as_str().replace('_', "").parse().ok(),
        _ => None,
    }
}

fn as_date(value: &DeValue) -> Option<Date> {
    match value {
        DeValue::Datetime(dt) if dt.time.is_none() && dt.offset.is_none() => {
            let d = dt.date?;
            Date::new(d.year as i16, d.month as i8, d.day as i8).ok()
        }
        _ => None,
    }
}

fn weekday(name: &str) -> Option<Weekday> {
    Some(match name.trim().to_ascii_lowercase().as_str() {
        "mon" | "monday" | "man" | "mandag" => Weekday::Monday,
        "tue" | "tuesday" | "tir" | "tirsdag" => Weekday::Tuesday,
        "wed" | "wednesday" | "ons" | "onsdag" => Weekday::Wednesday,
        "thu" | "thursday" | "tor" | "torsdag" => Weekday::Thursday,
        "fri" | "friday" | "fre" | "fredag" => Weekday::Friday,
        "sat" | "saturday" | "lør" | "lørdag" => Weekday::Saturday,
        "sun" | "sunday" | "søn" | "søndag" => Weekday::Sunday,
        _ => return None,
    })
}

/// A valid id made from an invalid one, for the error's suggestion.
fn suggest_id(id: &str) -> String {
    let mut out = String::new();
    for c in id.chars().flat_map(char::to_lowercase) {
        let c = match c {
            'æ' => "ae",
            'ø' => "oe",
            'å' => "aa",
            c if c.is_ascii_alphanumeric() => {
                out.push(c);
                continue;
            }
            _ => "-",
        };
        if !(c == "-" && out.ends_with('-')) {
            out.push_str(c);
        }
    }
    let trimmed = out.trim_matches('-');
    if trimmed.is_empty() {
        "item-1".to_owned()
    } else {
        trimmed.to_owned()
    }
}
