//! The JSON API, in the CLI's shapes (the pages use it; tests and other tools can too):
//!
//! | request | answer |
//! |---|---|
//! | `GET /api/session` | `{"csrf"}`; on a team server `{"csrf", "user"}` ([`crate::auth`]) |
//! | `GET /api/briefs` | `[{"name", "title", "client", "errors", "verdict", "first_error"}]` |
//! | `GET /api/briefs/{name}` | `{"name", "toml", "etag", "review"}` |
//! | `PUT /api/briefs/{name}` | the TOML text, `If-Match: <etag>` → `{"etag", "review"}`; 412 when the file changed |
//! | `PATCH /api/briefs/{name}` | `{"set": {path: value}, "remove": [paths]}`, `If-Match` → as PUT; comments kept ([`crate::patch`]) |
//! | `GET /api/briefs/{name}/versions` | `[{"version", "etag", "author", "author_email", "saved"}]` on a team server; 409 for a folder ([`crate::briefs`]) |
//! | `POST /api/briefs` | `{"name", "toml"}` or `{"name", "text"}` (a client's e-mail, drafted as `init --from` does) → 201 `{"name", "etag", "review"}`; 409 if it exists |
//! | `POST /api/briefs/{name}/estimate` | `{"exclude", "budget", "deadline", "hours_per_week", "confidence", "trials", "seed"}` (all optional) → estimate JSON |
//! | `POST /api/briefs/{name}/options` | the same → options JSON |
//! | `GET /api/briefs/{name}/proposal.{html,md,pdf}` | the offer, as `trekant proposal` writes it (PDF when built with `pdf`, else 404); the panel's tweaks as a query (`?exclude=a,b&budget=…`) |
//! | `POST /api/review` | any text → review JSON |
//! | `GET`/`POST /login` | the login form; a correct token sets the session cookie (a team server's people log in with [`crate::auth`]) |
//!
//! The history's rows (accept, the tracked projects, logging hours) are in [`crate::history`].
//! Every error is in the request's language ([`crate::lang`]).

use axum::Router;
use axum::body::Bytes;
use axum::extract::{Path, State};
use axum::http::{HeaderMap, StatusCode, header};
use axum::response::{Html, IntoResponse, Response};
use axum::routing::{get, post};
use jiff::civil::Date;
use serde::Deserialize;
use serde::de::DeserializeOwned;
use serde_json::{Value, json};
use trekant_core::brief::Priority;
use trekant_core::forecast::run::{Forecast, forecast};
use trekant_core::forecast::{estimate, options};
use trekant_core::review::json::ReviewJson;
use trekant_core::span::Spanned;
use trekant_core::{Brief, Review, Severity};

use crate::AppState;
use crate::error::ApiError;
use crate::security::SESSION_COOKIE;

/// The most trials one web request may ask for: a million take about a second; the CLI allows
/// more for a patient user, a shared server does not.
pub const MAX_WEB_TRIALS: usize = 1_000_000;

pub fn routes() -> Router<AppState> {
    Router::new()
        .route("/api/briefs", get(list_briefs).post(create_brief))
        .route(
            "/api/briefs/{name}",
            get(get_brief).put(put_brief).patch(patch_brief),
        )
        .route("/api/briefs/{name}/estimate", post(estimate_brief))
        .route("/api/briefs/{name}/{document}", get(proposal_brief))
        .route("/api/briefs/{name}/options", post(options_brief))
        .route("/api/review", post(review_any))
}

pub(crate) fn today() -> Date {
    jiff::ZonedDateTime::now().date()
}

/// Reviews a brief's text as `trekant review` does, with today's date for the triangle.
fn review_brief(text: &str) -> Review {
    trekant_core::review_brief_at(text, None, None, Some(today()))
}

fn review_value(name: &str, text: &str, review: &Review) -> Value {
    ReviewJson::new(name, text, &review.diagnostics, review.verdict.as_ref()).to_value()
}

async fn list_briefs(
    State(state): State<AppState>,
    caller: Option<axum::Extension<crate::team::Caller>>,
) -> Result<axum::Json<Value>, ApiError> {
    let rows = each_brief(&state, caller.as_deref(), brief_row).await?;
    Ok(axum::Json(Value::Array(rows)))
}

/// `row` of every brief `caller` works on, worked out in one slot of the pool.
pub(crate) async fn each_brief<T: Send + 'static>(
    state: &AppState,
    caller: Option<&crate::team::Caller>,
    row: impl Fn(&crate::briefs::Briefs, &str) -> T + Send + 'static,
) -> Result<Vec<T>, ApiError> {
    let briefs = state.briefs(caller)?;
    let names = briefs.list()?;
    state
        .pool
        .run(move || names.iter().map(|name| row(&briefs, name)).collect())
        .await
}

/// One row of the list; a brief that cannot be read is listed with its first error.
fn brief_row(briefs: &crate::briefs::Briefs, name: &str) -> Value {
    let read = match briefs.read(name) {
        Ok(read) => read,
        Err(error) => {
            return json!({"name": name, "title": null, "client": null, "errors": 1,
                          "verdict": null, "first_error": error.to_string()});
        }
    };
    let review = review_brief(&read.text);
    let errors: Vec<_> = review
        .diagnostics
        .iter()
        .filter(|d| d.severity == Severity::Error)
        .collect();
    let project = review.brief.as_ref().map(|b| &b.project);
    json!({
        "name": name,
        "title": project.and_then(|p| p.name.as_ref()).map(|n| &n.value),
        "client": project.and_then(|p| p.client.as_ref()).map(|c| &c.value),
        "errors": errors.len(),
        "verdict": review.verdict.as_ref().map(estimate::verdict_json),
        "first_error": errors.first().map(|d| &d.message),
    })
}

async fn get_brief(
    State(state): State<AppState>,
    caller: Option<axum::Extension<crate::team::Caller>>,
    Path(name): Path<String>,
) -> Result<Response, ApiError> {
    let read = state.briefs(caller.as_deref())?.read(&name)?;
    let etag = read.etag.clone();
    let value = state
        .pool
        .run(move || {
            let review = review_brief(&read.text);
            json!({
                "name": name,
                "toml": read.text,
                "etag": read.etag,
                "review": review_value(&name, &read.text, &review),
            })
        })
        .await?;
    Ok(with_etag(axum::Json(value), &etag))
}

fn with_etag(body: impl IntoResponse, etag: &str) -> Response {
    let mut response = body.into_response();
    if let Ok(value) = etag.parse() {
        response.headers_mut().insert(header::ETAG, value);
    }
    response
}

/// Saves a brief's text. A brief with errors is saved too (it is work in progress); the
/// answer carries its review.
async fn put_brief(
    State(state): State<AppState>,
    caller: Option<axum::Extension<crate::team::Caller>>,
    Path(name): Path<String>,
    headers: HeaderMap,
    body: Bytes,
) -> Result<Response, ApiError> {
    let if_match = if_match(&headers)?;
    let text = utf8(body)?;
    let briefs = state.briefs(caller.as_deref())?;
    save_and_review(&state, &briefs, name, text, &if_match).await
}

/// Changes a brief field by field ([`crate::patch`]), keeping its comments, order and
/// layout; otherwise as PUT.
async fn patch_brief(
    State(state): State<AppState>,
    caller: Option<axum::Extension<crate::team::Caller>>,
    Path(name): Path<String>,
    headers: HeaderMap,
    body: Bytes,
) -> Result<Response, ApiError> {
    let if_match = if_match(&headers)?;
    let patch: crate::patch::Patch = json_body(&body)?;
    let briefs = state.briefs(caller.as_deref())?;
    let read = briefs.read(&name)?;
    // The patch applies to the version the client loaded, or not at all.
    briefs.check_etag(&name, &if_match, &read.etag)?;
    let text = crate::patch::apply(&read.text, &patch)?;
    save_and_review(&state, &briefs, name, text, &if_match).await
}

fn if_match(headers: &HeaderMap) -> Result<String, ApiError> {
    headers
        .get(header::IF_MATCH)
        .and_then(|v| v.to_str().ok())
        .map(str::to_owned)
        .ok_or_else(|| ApiError::PreconditionRequired(crate::tr!("web-error-if-match")))
}

async fn save_and_review(
    state: &AppState,
    briefs: &crate::briefs::Briefs,
    name: String,
    text: String,
    if_match: &str,
) -> Result<Response, ApiError> {
    let etag = briefs.save(&name, &text, if_match)?;
    let answer = state
        .pool
        .run({
            let etag = etag.clone();
            move || {
                let review = review_brief(&text);
                json!({ "etag": etag, "review": review_value(&name, &text, &review) })
            }
        })
        .await?;
    Ok(with_etag(axum::Json(answer), &etag))
}

/// A new brief: a whole brief's TOML, or a client's e-mail to draft one from (what
/// `trekant init --from` does).
#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct NewBrief {
    name: String,
    toml: Option<String>,
    text: Option<String>,
}

async fn create_brief(
    State(state): State<AppState>,
    caller: Option<axum::Extension<crate::team::Caller>>,
    body: Bytes,
) -> Result<Response, ApiError> {
    let new: NewBrief = json_body(&body)?;
    let toml = match (new.toml, new.text) {
        (Some(toml), None) => toml,
        (None, Some(text)) => {
            if text.trim().is_empty() {
                return Err(ApiError::unprocessable(crate::tr!("web-error-empty-text")));
            }
            trekant_core::brief::draft::draft_from_email(&text, today()).toml
        }
        _ => {
            return Err(ApiError::unprocessable(crate::tr!(
                "web-error-toml-or-text"
            )));
        }
    };
    let name = new.name;
    let etag = state.briefs(caller.as_deref())?.create(&name, &toml)?;
    let answer = state
        .pool
        .run({
            let etag = etag.clone();
            move || {
                let review = review_brief(&toml);
                json!({
                    "name": name,
                    "etag": etag,
                    "review": review_value(&name, &toml, &review),
                })
            }
        })
        .await?;
    Ok(with_etag((StatusCode::CREATED, axum::Json(answer)), &etag))
}

/// Reviews any text: a brief when it reads as one (a TOML document with a `[project]`
/// table), else as a client's e-mail.
async fn review_any(State(state): State<AppState>, body: Bytes) -> Result<Response, ApiError> {
    let text = utf8(body)?;
    let value = state
        .pool
        .run(move || {
            let is_brief = text
                .parse::<toml::Table>()
                .is_ok_and(|table| table.contains_key("project"));
            let review = if is_brief {
                review_brief(&text)
            } else {
                trekant_core::review_text(&text, None)
            };
            let name = if is_brief { "brief.toml" } else { "text" };
            review_value(name, &text, &review)
        })
        .await?;
    Ok(axum::Json(value).into_response())
}

/// What the triangle panel moves: items out of scope, the client's budget and deadline, the
/// provider's hours per week, the confidence, and the simulation's size and seed.
#[derive(Debug, Default, Deserialize, PartialEq)]
#[serde(deny_unknown_fields)]
pub struct Tweaks {
    #[serde(default)]
    pub exclude: Vec<String>,
    pub budget: Option<f64>,
    /// `YYYY-MM-DD`.
    pub deadline: Option<String>,
    pub hours_per_week: Option<f64>,
    pub confidence: Option<f64>,
    pub trials: Option<usize>,
    pub seed: Option<u64>,
}

/// The seed when neither the request nor the brief gives one: fixed, so that moving one
/// slider changes only what that slider changes (the same random numbers every time).
const DEFAULT_SEED: u64 = 1;

/// A brief reviewed without errors, with the tweaks applied, and the settings to run it.
pub(crate) struct Tweaked<'a> {
    pub brief: Brief,
    pub settings: estimate::Settings,
    /// The review of the brief as written, waiting for the simulation its triangle rules
    /// judge (for the offer's open questions): only a route that needs it pays for it.
    pub review: trekant_core::review::Pending<'a>,
    pub lang: trekant_core::Lang,
}

/// The brief (reviewed, without errors) with the tweaks applied, and the settings to run it.
pub(crate) fn tweaked<'a>(text: &'a str, tweaks: &Tweaks) -> Result<Tweaked<'a>, ApiError> {
    let pending = trekant_core::review::read_brief(text, None, None);
    let Some(brief) = pending.simulable().cloned() else {
        return Err(unsound(text, pending.finish(None)));
    };
    let lang = pending.lang();
    let mut brief = brief;
    let unset = 0..0;
    for id in &tweaks.exclude {
        let ids: Vec<&str> = brief.items.iter().map(|i| i.id.value.as_str()).collect();
        let Some(index) = ids.iter().position(|i| i == id) else {
            let hint = trekant_core::suggest::closest(id, ids.iter().copied())
                .map(|near| crate::tr!("web-error-did-you-mean", near = near))
                .unwrap_or_default();
            return Err(ApiError::unprocessable(crate::tr!(
                "web-error-no-item",
                id = id.as_str(),
                hint = hint
            )));
        };
        brief.items[index].priority = Some(Spanned::new(Priority::Wont, unset.clone()));
    }
    if let Some(budget) = tweaks.budget {
        if !(budget.is_finite() && budget > 0.0) {
            return Err(ApiError::unprocessable(crate::tr!(
                "web-error-budget",
                value = budget.to_string()
            )));
        }
        brief.request.budget = Some(Spanned::new(budget, unset.clone()));
    }
    if let Some(deadline) = &tweaks.deadline {
        let deadline: Date = deadline.trim().parse().map_err(|_| {
            ApiError::unprocessable(crate::tr!("web-error-deadline", value = deadline.as_str()))
        })?;
        brief.request.deadline = Some(Spanned::new(deadline, unset.clone()));
    }
    if let Some(hours) = tweaks.hours_per_week {
        if !(hours > 0.0 && hours <= 168.0) {
            return Err(ApiError::unprocessable(crate::tr!(
                "web-error-hours-per-week",
                value = hours.to_string()
            )));
        }
        brief.me.hours_per_week = Some(Spanned::new(hours, unset.clone()));
        // Rushing never means fewer hours than normal.
        if brief.me.max_hours_per_week() < hours {
            brief.me.max_hours_per_week = Some(Spanned::new(hours, unset.clone()));
        }
    }
    let settings = settings_for(&brief, tweaks)?;
    Ok(Tweaked {
        brief,
        settings,
        review: pending,
        lang,
    })
}

/// A brief that cannot be simulated: its errors, to fix first.
fn unsound(text: &str, review: Review) -> ApiError {
    let errors: Vec<_> = review
        .diagnostics
        .iter()
        .filter(|d| d.severity == Severity::Error)
        .cloned()
        .collect();
    let Some(first) = errors.first() else {
        return ApiError::unprocessable(crate::tr!("web-error-not-a-brief"));
    };
    ApiError::Unprocessable {
        message: crate::tr!(
            "web-error-brief-errors",
            count = errors.len(),
            first = first.message.as_str()
        ),
        details: ReviewJson::new("brief", text, &errors, None).to_value(),
    }
}

/// The price and the finish date as cumulative curves for the panel's charts: `[value,
/// share of trials at most it]` at 41 quantiles from the 1st to the 99th percentile.
fn curves(report: &estimate::Report) -> Value {
    use trekant_core::stats::Ecdf;
    let shares: Vec<f64> = (0..=40)
        .map(|i| 0.01 + 0.98 * f64::from(i) / 40.0)
        .collect();
    let n = report.sorted_cost.count();
    if n == 0 {
        return json!({"price": [], "finish": []});
    }
    let ranks: Vec<usize> = shares
        .iter()
        .map(|q| ((q * n as f64) as usize).min(n - 1))
        .collect();
    let prices = report.sorted_cost.order_statistics(&ranks);
    let days = &report.sorted_finish_days;
    let price: Vec<Value> = prices
        .iter()
        .zip(&shares)
        .map(|(x, q)| json!([x.round(), share(*q)]))
        .collect();
    let finish: Vec<Value> = ranks
        .iter()
        .zip(&shares)
        .filter_map(|(&r, q)| {
            let day = *days.get(r)? as usize;
            let date = report.working_days.get(day)?;
            Some(json!([date.to_string(), share(*q)]))
        })
        .collect();
    json!({ "price": price, "finish": finish })
}

fn share(q: f64) -> f64 {
    (q * 10_000.0).round() / 10_000.0
}

/// How a brief is simulated: its own trials, seed and confidence unless the tweaks say
/// otherwise, from today.
pub(crate) fn settings_for(brief: &Brief, tweaks: &Tweaks) -> Result<estimate::Settings, ApiError> {
    let trials = tweaks.trials.unwrap_or(brief.model.trials() as usize);
    if trials > MAX_WEB_TRIALS {
        return Err(ApiError::unprocessable(crate::tr!(
            "web-error-trials",
            max = MAX_WEB_TRIALS.to_string(),
            value = trials.to_string()
        )));
    }
    let seed = tweaks
        .seed
        .or(brief.model.seed.as_ref().map(|s| s.value))
        .unwrap_or(DEFAULT_SEED);
    let confidence = tweaks.confidence.unwrap_or(brief.me.confidence());
    estimate::Settings::new(trials, seed, confidence, today(), None)
        .map_err(|e| ApiError::unprocessable(e.to_string().replace("--", "")))
}

async fn estimate_brief(
    State(state): State<AppState>,
    caller: Option<axum::Extension<crate::team::Caller>>,
    Path(name): Path<String>,
    body: Bytes,
) -> Result<Response, ApiError> {
    let briefs = state.briefs(caller.as_deref())?;
    simulate_tweaked(&state, &briefs, &name, &body, |brief, settings| {
        let report = estimate::estimate(brief, settings)
            .map_err(|e| ApiError::unprocessable(e.to_string()))?;
        let mut value = estimate::report_json(&report);
        value["curves"] = curves(&report);
        Ok(value)
    })
    .await
}

async fn options_brief(
    State(state): State<AppState>,
    caller: Option<axum::Extension<crate::team::Caller>>,
    Path(name): Path<String>,
    body: Bytes,
) -> Result<Response, ApiError> {
    let briefs = state.briefs(caller.as_deref())?;
    simulate_tweaked(&state, &briefs, &name, &body, |brief, settings| {
        let offers = options::options(brief, settings)
            .map_err(|e| ApiError::unprocessable(e.to_string()))?;
        serde_json::to_value(&offers).map_err(|e| ApiError::Internal(e.to_string()))
    })
    .await
}

/// Reads a brief, applies the request's tweaks and runs `simulate` on the pool: what the
/// estimate and options routes share.
async fn simulate_tweaked(
    state: &AppState,
    briefs: &crate::briefs::Briefs,
    name: &str,
    body: &Bytes,
    simulate: impl FnOnce(&Brief, &estimate::Settings) -> Result<Value, ApiError> + Send + 'static,
) -> Result<Response, ApiError> {
    let tweaks: Tweaks = json_body_or_default(body)?;
    let read = briefs.read(name)?;
    let value = state
        .pool
        .run(move || -> Result<Value, ApiError> {
            let Tweaked {
                brief, settings, ..
            } = tweaked(&read.text, &tweaks)?;
            simulate(&brief, &settings)
        })
        .await??;
    Ok(axum::Json(value).into_response())
}

/// The panel's tweaks in a query string, for the offer's links: `exclude` is a comma-separated
/// list of item ids.
#[derive(Debug, Default, Deserialize)]
#[serde(deny_unknown_fields)]
struct TweakQuery {
    #[serde(default)]
    exclude: String,
    budget: Option<f64>,
    deadline: Option<String>,
    hours_per_week: Option<f64>,
    confidence: Option<f64>,
}

impl From<TweakQuery> for Tweaks {
    fn from(q: TweakQuery) -> Self {
        Tweaks {
            exclude: q
                .exclude
                .split(',')
                .map(str::trim)
                .filter(|id| !id.is_empty())
                .map(str::to_owned)
                .collect(),
            budget: q.budget,
            deadline: q.deadline.filter(|d| !d.trim().is_empty()),
            hours_per_week: q.hours_per_week,
            confidence: q.confidence,
            trials: None,
            seed: None,
        }
    }
}

/// `GET /api/briefs/{name}/proposal.{html,md,pdf}`: the offer, rendered as `trekant proposal`
/// renders it, with the panel's tweaks from the query string.
async fn proposal_brief(
    State(state): State<AppState>,
    caller: Option<axum::Extension<crate::team::Caller>>,
    Path((name, document)): Path<(String, String)>,
    query: axum::extract::RawQuery,
) -> Result<Response, ApiError> {
    use trekant_core::document::proposal::{self, Format, Input};
    let name = name.as_str();
    let extension = document.strip_prefix("proposal.").ok_or_else(|| {
        ApiError::NotFound(crate::tr!(
            "web-error-no-document",
            name = name,
            document = document.as_str()
        ))
    })?;
    let (format, content_type) = match extension {
        "html" => (Format::Html, "text/html; charset=utf-8"),
        "md" => (Format::Markdown, "text/markdown; charset=utf-8"),
        "pdf" if cfg!(feature = "pdf") => (Format::Typst, "application/pdf"),
        "pdf" => {
            return Err(ApiError::NotFound(crate::tr!("web-error-no-pdf")));
        }
        other => {
            return Err(ApiError::NotFound(crate::tr!(
                "web-error-bad-format",
                extension = other
            )));
        }
    };
    let tweaks: Tweaks = serde_urlencoded_query(query.0.as_deref())?;
    let read = state.briefs(caller.as_deref())?.read(name)?;
    let stem = name.trim_end_matches(".toml").to_owned();
    // Numbered as the offer accepting it records: after the offers in the store, when there is
    // one (as `trekant proposal` numbers it).
    let recorded = match &state.history {
        Some(history) => Some(
            history
                .for_caller(caller.as_deref())?
                .run(|store| store.offers())
                .await?
                .map_err(|e| ApiError::Internal(e.to_string()))?
                .into_iter()
                .map(|o| o.number)
                .collect::<Vec<_>>(),
        ),
        None => None,
    };
    let shared = state.clone();
    let document = state
        .pool
        .run(move || -> Result<Vec<u8>, ApiError> {
            let Tweaked {
                brief,
                settings,
                review,
                lang,
            } = tweaked(&read.text, &tweaks)?;
            let Forecast { report, options } = forecast(&brief, &settings, true)
                .map_err(|e| ApiError::unprocessable(e.to_string()))?;
            let offers = options.ok_or_else(|| ApiError::Internal("no options".into()))?;
            // Untweaked, the brief is the one reviewed: its triangle is judged on the offer's
            // own simulation. Tweaked, the questions are still about the brief as written.
            let review = if tweaks == Tweaks::default() {
                review.finish(Some(&report))
            } else {
                review.review(Some(settings.today))
            };
            let diagnostics = review.diagnostics;
            let lines = trekant_core::span::LineIndex::new(&read.text);
            let groups = trekant_core::review::questions::questions(&diagnostics, lang, |o| {
                lines.position(&read.text, o).line
            });
            let logo = match &brief.me.logo {
                Some(logo) => Some(shared.folder.logo(&logo.value, lang)?),
                None => None,
            };
            let input = Input {
                brief: &brief,
                lang,
                options: &offers,
                report: &report,
                questions: &groups,
                issued: settings.today,
                number: proposal::offer_number(settings.today.year(), recorded.as_deref(), &stem),
                logo,
            };
            #[cfg(feature = "pdf")]
            let rendered = if matches!(format, Format::Typst) {
                proposal::render_pdf(&input, None)
            } else {
                proposal::render(&input, format, None).map(String::into_bytes)
            };
            #[cfg(not(feature = "pdf"))]
            let rendered = proposal::render(&input, format, None).map(String::into_bytes);
            rendered.map_err(|e| ApiError::Internal(e.to_string()))
        })
        .await??;
    let download = format!(
        "inline; filename=\"{}.{extension}\"",
        name.trim_end_matches(".toml")
    );
    Ok((
        [
            (header::CONTENT_TYPE, content_type.to_owned()),
            (header::CONTENT_DISPOSITION, download),
        ],
        document,
    )
        .into_response())
}

fn serde_urlencoded_query(query: Option<&str>) -> Result<Tweaks, ApiError> {
    let query: axum::extract::Query<TweakQuery> = axum::extract::Query::try_from_uri(
        &format!("/?{}", query.unwrap_or(""))
            .parse()
            .map_err(|_| ApiError::BadRequest(crate::tr!("web-error-bad-query")))?,
    )
    .map_err(|e| ApiError::unprocessable(crate::tr!("web-error-query", detail = e.body_text())))?;
    Ok(query.0.into())
}

fn utf8(body: Bytes) -> Result<String, ApiError> {
    String::from_utf8(body.to_vec()).map_err(|e| {
        ApiError::BadRequest(crate::tr!(
            "web-error-body-not-utf8",
            at = e.utf8_error().valid_up_to().to_string()
        ))
    })
}

/// A JSON body: malformed JSON is a 400, well-formed JSON with unusable values a 422.
pub(crate) fn json_body<T: DeserializeOwned>(body: &[u8]) -> Result<T, ApiError> {
    serde_json::from_slice(body).map_err(|error| match error.classify() {
        serde_json::error::Category::Data => {
            ApiError::unprocessable(crate::tr!("web-error-values", detail = error.to_string()))
        }
        _ => ApiError::BadRequest(crate::tr!("web-error-bad-json", detail = error.to_string())),
    })
}

/// As [`json_body`], an empty body being the default.
pub(crate) fn json_body_or_default<T: DeserializeOwned + Default>(
    body: &[u8],
) -> Result<T, ApiError> {
    if body.iter().all(u8::is_ascii_whitespace) {
        Ok(T::default())
    } else {
        json_body(body)
    }
}

pub(crate) async fn login_page(State(state): State<AppState>) -> Html<String> {
    Html(login_html(&state.guard.csrf, None))
}

#[derive(Deserialize)]
pub(crate) struct LoginForm {
    pub(crate) token: String,
}

pub(crate) async fn login(
    State(state): State<AppState>,
    axum::Form(form): axum::Form<LoginForm>,
) -> Response {
    match state.guard.login(&form.token) {
        Some(session) => {
            let cookie = format!("{SESSION_COOKIE}={session}; HttpOnly; SameSite=Strict; Path=/");
            (
                StatusCode::SEE_OTHER,
                [
                    (header::SET_COOKIE, cookie),
                    (header::LOCATION, "/".to_owned()),
                ],
            )
                .into_response()
        }
        None => (
            StatusCode::UNAUTHORIZED,
            Html(login_html(
                &state.guard.csrf,
                Some(&crate::tr!("web-login-wrong")),
            )),
        )
            .into_response(),
    }
}

fn login_html(csrf: &str, problem: Option<&str>) -> String {
    // The catalog's words, escaped all the same.
    let esc = |text: &str| {
        text.replace('&', "&amp;")
            .replace('<', "&lt;")
            .replace('>', "&gt;")
    };
    let problem = problem
        .map(|p| format!("<p role=\"alert\">{}</p>", esc(p)))
        .unwrap_or_default();
    let lang = crate::lang::current().code();
    let title = esc(&crate::tr!("web-login-title"));
    let token = esc(&crate::tr!("web-login-token"));
    let button = esc(&crate::tr!("web-login-button"));
    format!(
        "<!doctype html><html lang=\"{lang}\"><head><meta charset=\"utf-8\">\
<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\
<meta name=\"trekant-csrf\" content=\"{csrf}\"><title>trekant — {title}</title></head>\
<body><main><h1>trekant</h1>{problem}<form method=\"post\" action=\"/login\">\
<label>{token} <input name=\"token\" type=\"password\" autocomplete=\"current-password\" required autofocus></label> \
<button>{button}</button></form></main></body></html>"
    )
}
