//! The pages: Start (paste a client's e-mail, see the review), Briefs (the folder), and a
//! brief (the client's words, the form, the TOML, the triangle panel, the options, the offer).
//!
//! Server-rendered with minijinja, as the core's documents are, in the page's language: a
//! `?lang=` in the address, else the brief's own language, else the browser's. Every sentence
//! comes from the `web.ftl` catalogs; the small plain script that makes the pages live
//! (`assets/app.js`) and the style sheet are compiled into the binary, so the app makes no
//! request to anywhere else. Every client and user text is escaped by the templates'
//! HTML auto-escaping; data for the script travels as JSON in a `<script
//! type="application/json">` with `<` escaped.

use std::sync::LazyLock;

use axum::Router;
use axum::extract::{Path, Query, State};
use axum::http::{HeaderMap, header};
use axum::response::{Html, IntoResponse, Response};
use axum::routing::get;
use minijinja::value::Kwargs;
use minijinja::{Environment, State as Jinja, Value, context};
use serde::{Deserialize, Serialize};
use serde_json::json;
use trekant_core::forecast::estimate;
use trekant_core::messages::Arg;
use trekant_core::{Lang, Severity};

use crate::AppState;
use crate::error::ApiError;

const TEMPLATES: &[(&str, &str)] = &[
    ("base.html", include_str!("../templates/base.html")),
    ("start.html", include_str!("../templates/start.html")),
    ("briefs.html", include_str!("../templates/briefs.html")),
    ("brief.html", include_str!("../templates/brief.html")),
    ("history.html", include_str!("../templates/history.html")),
    ("login.html", include_str!("../templates/login.html")),
    ("people.html", include_str!("../templates/people.html")),
];

const APP_JS: &str = include_str!("../assets/app.js");
const APP_CSS: &str = include_str!("../assets/app.css");

/// The messages the script shows (everything else is rendered on the server).
const SCRIPT_MESSAGES: &[&str] = &[
    "web-js-reviewing",
    "web-js-no-findings",
    "web-js-copied",
    "web-js-saved",
    "web-js-saving",
    "web-js-conflict",
    "web-js-failed",
    "web-js-simulating",
    "web-js-question",
    "web-js-verdict-realistic",
    "web-js-verdict-tight",
    "web-js-verdict-unrealistic",
    "web-js-verdict-unknown",
    "web-js-p-budget",
    "web-js-p-deadline",
    "web-js-p-both",
    "web-js-price-at",
    "web-js-finish-at",
    "web-js-budget-line",
    "web-js-deadline-line",
    "web-js-chart-price",
    "web-js-chart-finish",
    "web-js-option-full-scope-by-deadline",
    "web-js-option-full-scope-normal-pace",
    "web-js-option-fit-budget-and-deadline",
    "web-js-option-recommended",
    "web-js-option-items",
    "web-js-option-deferred",
    "web-js-option-swapped",
    "web-js-option-finish",
    "web-js-option-odds",
    "web-js-option-not-feasible",
    "web-js-choose",
    "web-js-chosen",
    "web-js-created",
    "web-js-name-needed",
    "web-js-unsaved",
    "web-js-no-limit",
    "web-js-email-intro",
    "web-js-email-closing",
    "web-hours-short",
    "web-js-accepting",
    "web-js-see-history",
];

static ENV: LazyLock<Environment<'static>> = LazyLock::new(|| {
    let mut env = Environment::new();
    for (name, source) in TEMPLATES {
        env.add_template(name, source)
            .expect("the built-in templates parse (tested)");
    }
    env.add_function("t", translate);
    env
});

/// `t("id", name=value…)` in a template: the message in the page's language (`lang`).
fn translate(state: &Jinja, id: &str, kwargs: Kwargs) -> Result<String, minijinja::Error> {
    let lang = state
        .lookup("lang")
        .and_then(|l| l.as_str().and_then(Lang::from_code))
        .unwrap_or_default();
    let mut args = Vec::new();
    for key in kwargs.args() {
        let value: Value = kwargs.get(key)?;
        let arg = match value.as_i64() {
            Some(n) if value.kind() == minijinja::value::ValueKind::Number => Arg::Number(n as f64),
            _ => Arg::Text(value.to_string()),
        };
        args.push((key, arg));
    }
    Ok(trekant_core::messages::format(lang, id, &args))
}

pub fn routes() -> Router<AppState> {
    Router::new()
        .route("/", get(start))
        .route("/briefs", get(briefs))
        .route("/briefs/{name}", get(brief))
        .route("/assets/app.js", get(script))
        .route("/assets/app.css", get(style))
}

async fn script() -> Response {
    asset(APP_JS, "text/javascript; charset=utf-8")
}

async fn style() -> Response {
    asset(APP_CSS, "text/css; charset=utf-8")
}

fn asset(body: &'static str, content_type: &'static str) -> Response {
    (
        [
            (header::CONTENT_TYPE, content_type),
            (header::CACHE_CONTROL, "no-cache"),
        ],
        body,
    )
        .into_response()
}

/// `?lang=da` or `?lang=en`: the switch.
#[derive(Debug, Default, Deserialize)]
pub struct LangQuery {
    lang: Option<String>,
}

impl LangQuery {
    pub(crate) fn chosen(&self) -> Option<Lang> {
        self.lang.as_deref().and_then(Lang::from_code)
    }
}

use crate::lang::browser_lang;

/// What every page gives the base template.
#[derive(Serialize)]
pub(crate) struct Frame {
    lang: &'static str,
    /// Appended to the app's own links when the user chose a language.
    keep: String,
    other_lang: &'static str,
    csrf: String,
    /// The script's messages, as JSON.
    messages: String,
    page: &'static str,
    /// Whether there is a history store (the History page is linked only then).
    history: bool,
    /// On a team server, who is logged in (the nav names them and has the logout button).
    person: Option<String>,
    /// Whether they are an owner (the People page is linked only then).
    owner: bool,
}

pub(crate) fn frame(state: &AppState, lang: Lang, chosen: bool, page: &'static str) -> Frame {
    let messages: serde_json::Map<String, serde_json::Value> = SCRIPT_MESSAGES
        .iter()
        .map(|id| {
            (
                (*id).to_owned(),
                trekant_core::messages::text(lang, id).into(),
            )
        })
        .collect();
    let session = crate::security::current_session();
    Frame {
        lang: lang.code(),
        keep: if chosen {
            format!("?lang={}", lang.code())
        } else {
            String::new()
        },
        other_lang: lang.pick("en", "da"),
        csrf: crate::security::page_csrf(&state.guard),
        messages: script_json(&serde_json::Value::Object(messages)),
        page,
        history: state.history.is_some(),
        owner: session
            .as_ref()
            .is_some_and(|s| s.caller.user.role == trekant_store::Role::Owner),
        person: session.map(|s| s.caller.user.name),
    }
}

/// JSON to put inside `<script type="application/json">`: no `<` can close the element.
fn script_json(value: &serde_json::Value) -> String {
    value
        .to_string()
        .replace('<', "\\u003c")
        .replace('>', "\\u003e")
        .replace('&', "\\u0026")
}

pub(crate) fn ser(value: &impl Serialize) -> Value {
    Value::from(minijinja::value::Serde(value))
}

/// A brief's name as one segment of a URL path.
pub(crate) fn url_part(name: &str) -> String {
    name.bytes()
        .map(|b| match b {
            b'A'..=b'Z' | b'a'..=b'z' | b'0'..=b'9' | b'-' | b'.' | b'_' | b'~' => {
                (b as char).to_string()
            }
            _ => format!("%{b:02X}"),
        })
        .collect()
}

pub(crate) fn render(name: &str, ctx: minijinja::Value) -> Result<Response, ApiError> {
    let html = ENV
        .get_template(name)
        .and_then(|t| t.render(ctx))
        .map_err(|e| ApiError::Internal(format!("page {name}: {e:#}")))?;
    Ok((
        [
            (header::CACHE_CONTROL, "no-store"),
            (header::X_CONTENT_TYPE_OPTIONS, "nosniff"),
        ],
        Html(html),
    )
        .into_response())
}

async fn start(
    State(state): State<AppState>,
    Query(query): Query<LangQuery>,
    headers: HeaderMap,
) -> Result<Response, ApiError> {
    let lang = query.chosen().unwrap_or_else(|| browser_lang(&headers));
    let frame = frame(&state, lang, query.chosen().is_some(), "start");
    render(
        "start.html",
        context! { frame => ser(&frame), lang => lang.code() },
    )
}

/// One row of the Briefs page.
#[derive(Serialize)]
struct Row {
    name: String,
    /// The name as it goes in the page's address.
    href: String,
    title: Option<String>,
    client: Option<String>,
    /// `realistic`, `tight`, `unrealistic`; none without a budget or deadline.
    verdict: Option<String>,
    p_both: Option<String>,
    price: Option<String>,
    /// The finish date at the provider's confidence.
    finish: Option<String>,
    deadline: Option<String>,
    error: Option<String>,
}

async fn briefs(
    State(state): State<AppState>,
    caller: Option<axum::Extension<crate::team::Caller>>,
    Query(query): Query<LangQuery>,
    headers: HeaderMap,
) -> Result<Response, ApiError> {
    let lang = query.chosen().unwrap_or_else(|| browser_lang(&headers));
    let rows = crate::api::each_brief(&state, caller.as_deref(), move |briefs, name| {
        row(briefs, name, lang)
    })
    .await?;
    let frame = frame(&state, lang, query.chosen().is_some(), "briefs");
    let dir = match state.team {
        Some(_) => trekant_core::t!(lang, "teambriefs-web-database"),
        None => state.folder.dir().display().to_string(),
    };
    render(
        "briefs.html",
        context! { frame => ser(&frame), lang => lang.code(), rows => ser(&rows), dir },
    )
}

/// A brief's row: parsed, and when it has no errors simulated once — the verdict and the
/// price come from the same run.
fn row(briefs: &crate::briefs::Briefs, name: &str, lang: Lang) -> Row {
    let mut row = Row {
        name: name.to_owned(),
        href: url_part(name),
        title: None,
        client: None,
        verdict: None,
        p_both: None,
        price: None,
        finish: None,
        deadline: None,
        error: None,
    };
    let read = match briefs.read(name) {
        Ok(read) => read,
        Err(error) => {
            row.error = Some(error.to_string());
            return row;
        }
    };
    let parsed = trekant_core::brief::parse_brief(&read.text, None);
    let brief = &parsed.brief;
    row.title = brief.project.name.as_ref().map(|n| n.value.clone());
    row.client = brief.project.client.as_ref().map(|c| c.value.clone());
    row.deadline = brief
        .request
        .deadline
        .as_ref()
        .map(|d| trekant_core::format::date(d.value, lang));
    if let Some(error) = parsed
        .diagnostics
        .iter()
        .find(|d| d.severity == Severity::Error)
    {
        let at =
            trekant_core::span::LineIndex::new(&read.text).position(&read.text, error.span.start);
        row.error = Some(format!("{}:{}: {}", at.line, at.column, error.message));
        return row;
    }
    let settings = match crate::api::settings_for(brief, &crate::api::Tweaks::default()) {
        Ok(settings) => settings,
        Err(error) => {
            row.error = Some(error.to_string());
            return row;
        }
    };
    match estimate::estimate(brief, &settings) {
        Ok(report) => {
            let has_limit = brief.request.budget.is_some() || brief.request.deadline.is_some();
            if has_limit {
                row.verdict = serde_json::to_value(report.verdict.class)
                    .ok()
                    .and_then(|v| v.as_str().map(str::to_owned));
                row.p_both = Some(trekant_core::format::percent(report.verdict.p_both, lang));
            }
            row.price = Some(trekant_core::format::money(
                report.price,
                brief.currency(),
                lang,
            ));
            row.finish = Some(trekant_core::format::date(
                report.finish_at_confidence,
                lang,
            ));
        }
        Err(error) => row.error = Some(error.to_string()),
    }
    row
}

async fn brief(
    State(state): State<AppState>,
    caller: Option<axum::Extension<crate::team::Caller>>,
    Path(name): Path<String>,
    Query(query): Query<LangQuery>,
) -> Result<Response, ApiError> {
    let read = state.briefs(caller.as_deref())?.read(&name)?;
    let worker_name = name.clone();
    let (review, lang, fields, words) = state
        .pool
        .run(move || {
            let review =
                trekant_core::review_brief_at(&read.text, None, None, Some(crate::api::today()));
            let value = trekant_core::review::json::ReviewJson::new(
                &worker_name,
                &read.text,
                &review.diagnostics,
                review.verdict.as_ref(),
            )
            .to_value();
            let fields = review.brief.as_ref().map(crate::form::fields);
            // Without items or a rate there is nothing to simulate: the page says what to add
            // instead of a panel of errors. (The review's verdict, when there is one, already
            // proved the brief can be priced.)
            let priceable = review.verdict.is_some()
                || review
                    .brief
                    .as_ref()
                    .is_some_and(|b| !b.items.is_empty() && b.me.rate.is_some());
            let words = review
                .brief
                .as_ref()
                .and_then(|b| crate::form::client_words(b, &read.text, &review.diagnostics));
            (
                json!({"review": value, "toml": read.text, "etag": read.etag, "priceable": priceable}),
                review.lang,
                fields,
                words,
            )
        })
        .await?;
    let lang = query.chosen().unwrap_or(lang);
    let frame = frame(&state, lang, query.chosen().is_some(), "brief");
    let data = script_json(&json!({
        "name": name,
        "etag": review["etag"],
        "review": review["review"],
        "fields": fields,
        "words": words,
        "lang": lang.code(),
    }));
    let errors = review["review"]["diagnostics"]
        .as_array()
        .map_or(0, |d| d.iter().filter(|d| d["severity"] == "error").count());
    render(
        "brief.html",
        context! {
            frame => ser(&frame), lang => lang.code(), href => url_part(&name), name, data,
            fields => ser(&fields), words => ser(&words), errors,
            toml => review["toml"].as_str().unwrap_or(""),
            pdf => cfg!(feature = "pdf"),
            priceable => review["priceable"].as_bool().unwrap_or(false),
        },
    )
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn every_template_parses_and_every_message_it_uses_exists_in_both_languages() {
        let env = &*ENV;
        let da = trekant_core::messages::ids("da");
        let en = trekant_core::messages::ids("en");
        let exists = |id: &str| {
            assert!(da.iter().any(|i| i == id), "{id} is missing in da");
            assert!(en.iter().any(|i| i == id), "{id} is missing in en");
        };
        for (name, source) in TEMPLATES {
            env.get_template(name).unwrap();
            for (at, _) in source.match_indices("t(\"") {
                let id = source[at + 3..].split('"').next().unwrap();
                if !id.ends_with('-') {
                    exists(id); // else a prefix completed in the template; its ids are below
                }
            }
        }
        let completed = ["realistic", "tight", "unrealistic"]
            .map(|v| format!("web-verdict-{v}"))
            .into_iter()
            .chain((0..3).map(|i| format!("web-estimate-{i}")))
            .chain(
                ["none", "must", "should", "could", "wont"].map(|p| format!("web-priority-{p}")),
            );
        for id in completed {
            exists(&id);
        }
        for id in SCRIPT_MESSAGES {
            exists(id);
        }
        for (at, _) in APP_JS.match_indices("msg('") {
            let id = APP_JS[at + 5..].split('\'').next().unwrap();
            if !id.ends_with('-') {
                assert!(
                    SCRIPT_MESSAGES.contains(&id),
                    "app.js uses {id}, not passed to it"
                );
            }
        }
        let fields = crate::form::fields(&trekant_core::Brief::default());
        for group in &fields.groups {
            exists(group.title);
            for field in &group.fields {
                exists(field.label);
            }
        }
    }

    #[test]
    fn script_json_cannot_close_its_element() {
        let json = script_json(&json!({"x": "</script><b>&"}));
        assert!(!json.contains('<') && !json.contains('>'), "{json}");
        let back: serde_json::Value = serde_json::from_str(&json).unwrap();
        assert_eq!(back["x"], "</script><b>&");
    }
}
