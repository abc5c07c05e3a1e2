//! The history in the web app: accepting an offer (what `trekant accept` does), the tracked
//! projects with their hours against the estimates (`trekant track status`), logging hours,
//! marking items done and closing a project (`trekant track log|done|close`), and the
//! calibration (`trekant calibration`). The JSON has the CLI's shapes:
//!
//! | request | answer |
//! |---|---|
//! | `POST /api/briefs/{name}/accept` | `{"option", "date", …the triangle's tweaks}` (all optional) → 201 `{"offer", "tracked", "option", "priced", "message"}`; 409 when it is already accepted and tracked, or without a store |
//! | `GET /api/history` | `{"projects": [track status JSON], "offers": [accepted offers], "calibration": calibration JSON or null}` (on a team server the caller's, with `"team"` and `"people"` as `trekant calibration` gives them, each person with their `"name"`) |
//! | `GET /api/history/{project}` | track status JSON |
//! | `POST /api/history/{project}/log` | `{"item", "hours", "date", "note"}` → 201 `{"logged", "status"}`; with an `Idempotency-Key` header a repeat logs nothing and answers as the first did (`Idempotent-Replayed: true`), the key with another entry is a 422 |
//! | `POST /api/history/{project}/done` | `{"item", "date"}` → `{"done", "status"}` |
//! | `POST /api/history/{project}/close` | `{"date", "unfinished": "drop" \| "finish"}` → the close report |
//!
//! Without a store (`trekant serve` without `--db` and no default database) every one of them
//! answers 409 with what to do.

use std::sync::Arc;

use axum::body::Bytes;
use axum::extract::{Path, State};
use axum::http::{HeaderMap, StatusCode};
use axum::response::{IntoResponse, Response};
use axum::routing::{get, post};
use axum::{Extension, Router};
use jiff::civil::Date;
use serde::{Deserialize, Serialize};
use serde_json::{Value, json};
use trekant_core::document::accept::{self, Acceptance, Refusal};
use trekant_core::forecast::options;
use trekant_core::forecast::tracking::{Forecast, StatusReport};
use trekant_core::history::calibration::Calibration;
use trekant_core::history::habits::{Habits, RatioSummary, habits};
use trekant_core::history::person::Basis;
use trekant_core::tracking::{
    AcceptedOffer, CloseReport, LogEntry, ProjectStatus, Unfinished, check_entry,
};
use trekant_core::{Lang, t};
use trekant_store::{MAX_KEY_CHARS, Store, StoreError};

use crate::AppState;
use crate::api::{Tweaked, Tweaks, json_body, json_body_or_default, today, tweaked};
use crate::calibration::Calibrated;
use crate::error::ApiError;
use crate::lang::ReqLang;
use crate::store::History;
use crate::team::Caller;

pub fn routes() -> Router<AppState> {
    Router::new()
        .route("/api/briefs/{name}/accept", post(accept_brief))
        .route("/api/history", get(history))
        .route("/api/history/{project}", get(project_status))
        .route("/api/history/{project}/log", post(log_hours))
        .route("/api/history/{project}/done", post(mark_done))
        .route("/api/history/{project}/close", post(close_project))
        .route("/history", get(history_page))
}

/// The store, or the 409 that says how to get one.
/// On a team server: the calling person's rows.
fn store(state: &AppState, caller: Option<&Caller>, lang: Lang) -> Result<History, ApiError> {
    state
        .history
        .as_ref()
        .ok_or_else(|| ApiError::Conflict(t!(lang, "web-history-no-store")))?
        .for_caller(caller)
}

/// A store error as the request's answer: what the user can fix is a 4xx in their language.
fn store_error(error: StoreError, lang: Lang) -> ApiError {
    match error {
        StoreError::NoSuchProject(project) => {
            ApiError::NotFound(t!(lang, "web-history-no-project", project = project))
        }
        StoreError::ProjectOpen(project) => {
            ApiError::Conflict(t!(lang, "web-accept-tracked", project = project))
        }
        StoreError::NoSuchItem { project, item } => ApiError::unprocessable(t!(
            lang,
            "web-history-no-item",
            project = project,
            item = item
        )),
        StoreError::Unfinished { items, .. } => ApiError::Conflict(t!(
            lang,
            "web-close-unfinished",
            count = items.len(),
            items = items.join(", ")
        )),
        StoreError::OfferExists(number) => {
            ApiError::Conflict(t!(lang, "web-accept-number-taken", number = number))
        }
        StoreError::Invalid(message) => ApiError::unprocessable(message),
        StoreError::KeyReused(key) => {
            ApiError::unprocessable(t!(lang, "web-log-key-reused", key = key))
        }
        StoreError::Busy { .. } => ApiError::Busy(t!(lang, "web-store-busy")),
        other => ApiError::Internal(other.to_string()),
    }
}

/// A `YYYY-MM-DD` the user typed in `field`, or today.
fn day_or_today(text: Option<&str>, field: &str, lang: Lang) -> Result<Date, ApiError> {
    match text.map(str::trim).filter(|t| !t.is_empty()) {
        None => Ok(today()),
        Some(text) => text.parse().map_err(|_| {
            ApiError::unprocessable(t!(lang, "web-not-a-date", field = field, text = text))
        }),
    }
}

/// The calibration a project's forecast uses: on a team server the caller's, as their
/// estimates use it (`team`, from [`crate::calibration::for_caller`]); else the store's own
/// history's, when it has usable tasks.
fn calibration(
    store: &dyn Store,
    team: Option<&Calibrated>,
) -> Result<Option<Arc<Calibration>>, StoreError> {
    match team {
        Some(calibrated) => Ok(calibrated.calibration.clone()),
        None => Ok(Calibration::fit(&store.export_history()?)
            .ok()
            .map(Arc::new)),
    }
}

/// The caller's calibration on a team server; `None` for the local app.
async fn team_calibration(
    state: &AppState,
    caller: Option<&Caller>,
) -> Result<Option<Calibrated>, ApiError> {
    match &state.team {
        Some(_) => Ok(Some(crate::calibration::for_caller(state, caller).await?)),
        None => Ok(None),
    }
}

/// A project's `track status --format json`.
fn status_report(
    store: &dyn Store,
    project: &str,
    calibration: Option<&Calibration>,
) -> Result<(ProjectStatus, StatusReport), StoreError> {
    let status = store.track_status(project)?;
    let forecast = Forecast::of(&status, calibration);
    let report = StatusReport::new(&status, &forecast);
    Ok((status, report))
}

/// A project's hours against its estimate, forecast with the calibration (the caller's on a
/// team server): what the routes that change a project answer with.
fn project_report(
    store: &dyn Store,
    project: &str,
    team: Option<&Calibrated>,
) -> Result<StatusReport, StoreError> {
    let fitted = calibration(store, team)?;
    status_report(store, project, fitted.as_deref()).map(|(_, report)| report)
}

/// Everything the History page and `GET /api/history` show.
#[derive(Serialize)]
pub(crate) struct Overview {
    pub projects: Vec<StatusReport>,
    pub offers: Vec<AcceptedOffer>,
    /// `trekant calibration --format json`; `null` without a history.
    pub calibration: Option<TeamHabits>,
}

/// `trekant calibration --format json`: how the person estimates (their own tasks, or the
/// team's while they have none), and on a team server each person against the team.
#[derive(Serialize)]
pub(crate) struct TeamHabits {
    #[serde(flatten)]
    pub habits: Habits,
    /// Whose tasks `habits` describes.
    pub basis: Basis,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub team: Option<RatioSummary>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub people: Option<Vec<crate::calibration::PersonRow>>,
}

/// On a team server: the team's database (for everyone's names) and the caller's calibration.
pub(crate) type TeamSide = (trekant_store::PgStore, Calibrated);

pub(crate) async fn overview(
    history: &History,
    team: Option<TeamSide>,
    lang: Lang,
) -> Result<Overview, ApiError> {
    history
        .run(move |store| -> Result<Overview, StoreError> {
            let records = store.export_history()?;
            let (fitted, calibration) = match &team {
                None => (
                    Calibration::fit(&records).ok().map(Arc::new),
                    habits(&records).map(|habits| TeamHabits {
                        habits,
                        basis: Basis::Person,
                        team: None,
                        people: None,
                    }),
                ),
                Some((pg, calibrated)) => (
                    calibrated.calibration.clone(),
                    crate::calibration::team_habits(store, pg, records)?,
                ),
            };
            let projects = store
                .open_projects()?
                .iter()
                .map(|p| status_report(store, p, fitted.as_deref()).map(|(_, r)| r))
                .collect::<Result<_, _>>()?;
            Ok(Overview {
                projects,
                offers: store.offers()?,
                calibration,
            })
        })
        .await?
        .map_err(|e| store_error(e, lang))
}

/// [`overview`]'s `team` for `caller`: `None` for the local app.
async fn team_side(
    state: &AppState,
    caller: Option<&Caller>,
) -> Result<Option<TeamSide>, ApiError> {
    Ok(team_calibration(state, caller)
        .await?
        .zip(state.team.as_ref())
        .map(|(calibrated, team)| (team.pg.clone(), calibrated)))
}

async fn history(
    State(state): State<AppState>,
    caller: Option<Extension<Caller>>,
    ReqLang(lang): ReqLang,
) -> Result<axum::Json<Overview>, ApiError> {
    let history = store(&state, caller.as_deref(), lang)?;
    let team = team_side(&state, caller.as_deref()).await?;
    Ok(axum::Json(overview(&history, team, lang).await?))
}

async fn project_status(
    State(state): State<AppState>,
    caller: Option<Extension<Caller>>,
    Path(project): Path<String>,
    ReqLang(lang): ReqLang,
) -> Result<axum::Json<StatusReport>, ApiError> {
    let history = store(&state, caller.as_deref(), lang)?;
    let team = team_calibration(&state, caller.as_deref()).await?;
    let report = history
        .run(move |store| project_report(store, &project, team.as_ref()))
        .await?
        .map_err(|e| store_error(e, lang))?;
    Ok(axum::Json(report))
}

/// The item `item` of an open project, or a 422 that names its items (and the closest).
fn known_item(status: &ProjectStatus, item: &str, lang: Lang) -> Result<(), ApiError> {
    if status.items.iter().any(|i| i.item == item) {
        return Ok(());
    }
    let ids: Vec<&str> = status.items.iter().map(|i| i.item.as_str()).collect();
    let suggestion = trekant_core::suggest::closest(item, ids.iter().copied())
        .map(|id| t!(lang, "track-did-you-mean", id = id))
        .unwrap_or_default();
    Err(ApiError::unprocessable(t!(
        lang,
        "track-unknown-item",
        project = status.name,
        item = item,
        suggestion = suggestion,
        items = ids.join(", "),
    )))
}

/// Hours on one item, as `trekant track log`.
#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct LogBody {
    item: String,
    hours: f64,
    date: Option<String>,
    note: Option<String>,
}

/// The header that makes a log count once: a client that lost the answer sends the same log
/// again with the same key, and the server logs nothing the second time but answers as it
/// did the first (with `Idempotent-Replayed: true`).
const IDEMPOTENCY_KEY: &str = "idempotency-key";
const IDEMPOTENT_REPLAYED: &str = "idempotent-replayed";

/// The request's `Idempotency-Key`, if it has one: 1 to [`MAX_KEY_CHARS`] visible ASCII
/// characters, else a 422.
fn idempotency_key(headers: &HeaderMap, lang: Lang) -> Result<Option<String>, ApiError> {
    let Some(value) = headers.get(IDEMPOTENCY_KEY) else {
        return Ok(None);
    };
    let key = value.to_str().unwrap_or("").trim();
    let visible = |c: char| c.is_ascii_graphic();
    if key.is_empty() || key.len() > MAX_KEY_CHARS || !key.chars().all(visible) {
        return Err(ApiError::unprocessable(t!(
            lang,
            "web-log-bad-key",
            max = MAX_KEY_CHARS
        )));
    }
    Ok(Some(key.to_owned()))
}

async fn log_hours(
    State(state): State<AppState>,
    caller: Option<Extension<Caller>>,
    Path(project): Path<String>,
    ReqLang(lang): ReqLang,
    headers: HeaderMap,
    body: Bytes,
) -> Result<Response, ApiError> {
    let history = store(&state, caller.as_deref(), lang)?;
    let key = idempotency_key(&headers, lang)?;
    let body: LogBody = json_body(&body)?;
    if !(body.hours.is_finite() && body.hours > 0.0 && body.hours <= 24.0) {
        return Err(ApiError::unprocessable(t!(
            lang,
            "track-hours-limit",
            hours = trekant_core::format::decimal(body.hours, 2, lang)
        )));
    }
    let day = day_or_today(body.date.as_deref(), "date", lang)?;
    let note = body.note.filter(|n| !n.trim().is_empty());
    let team = team_calibration(&state, caller.as_deref()).await?;
    let entry = LogEntry {
        item: body.item,
        hours: body.hours,
        day,
        note,
    };
    let answer = history
        .run(move |store| -> Result<(Value, bool), ApiError> {
            let status = store
                .track_status(&project)
                .map_err(|e| store_error(e, lang))?;
            known_item(&status, &entry.item, lang)?;
            check_entry(&entry, status.started, Some(today()))
                .map_err(|e| entry_error(&e, &status, lang))?;
            let (entry, repeated) = match key {
                Some(key) => {
                    let keyed = store
                        .track_log_keyed(&project, &entry, &key)
                        .map_err(|e| store_error(e, lang))?;
                    (keyed.entry, keyed.repeated)
                }
                None => {
                    store
                        .track_log_many(&project, std::slice::from_ref(&entry))
                        .map_err(|e| store_error(e, lang))?;
                    (entry, false)
                }
            };
            let report =
                project_report(store, &project, team.as_ref()).map_err(|e| store_error(e, lang))?;
            Ok((json!({ "logged": entry, "status": report }), repeated))
        })
        .await??;
    let (answer, repeated) = answer;
    let mut response = (StatusCode::CREATED, axum::Json(answer)).into_response();
    if repeated {
        response.headers_mut().insert(
            IDEMPOTENT_REPLAYED,
            axum::http::HeaderValue::from_static("true"),
        );
    }
    Ok(response)
}

fn entry_error(
    error: &trekant_core::tracking::EntryError,
    status: &ProjectStatus,
    lang: Lang,
) -> ApiError {
    use trekant_core::tracking::EntryError;
    ApiError::unprocessable(match error {
        EntryError::Hours { hours, .. } => t!(
            lang,
            "track-hours-limit",
            hours = trekant_core::format::decimal(*hours, 2, lang)
        ),
        EntryError::BeforeStart { day, .. } => t!(
            lang,
            "web-log-before-start",
            day = day.to_string(),
            started = status.started.to_string()
        ),
        EntryError::Future { day, today, .. } => t!(
            lang,
            "web-day-future",
            day = day.to_string(),
            today = today.to_string()
        ),
    })
}

/// An item finished, as `trekant track done`.
#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct DoneBody {
    item: String,
    date: Option<String>,
}

async fn mark_done(
    State(state): State<AppState>,
    caller: Option<Extension<Caller>>,
    Path(project): Path<String>,
    ReqLang(lang): ReqLang,
    body: Bytes,
) -> Result<axum::Json<Value>, ApiError> {
    let history = store(&state, caller.as_deref(), lang)?;
    let body: DoneBody = json_body(&body)?;
    let day = day_or_today(body.date.as_deref(), "date", lang)?;
    past(day, lang)?;
    let team = team_calibration(&state, caller.as_deref()).await?;
    history
        .run(move |store| -> Result<Value, ApiError> {
            let status = store
                .track_status(&project)
                .map_err(|e| store_error(e, lang))?;
            known_item(&status, &body.item, lang)?;
            if day < status.started {
                return Err(ApiError::unprocessable(t!(
                    lang,
                    "track-done-before-start",
                    day = day.to_string(),
                    started = status.started.to_string()
                )));
            }
            store
                .track_done(&project, &body.item, day)
                .map_err(|e| store_error(e, lang))?;
            let report =
                project_report(store, &project, team.as_ref()).map_err(|e| store_error(e, lang))?;
            Ok(json!({ "done": {"item": body.item, "day": day}, "status": report }))
        })
        .await?
        .map(axum::Json)
}

/// What is done or closed has happened: a day after today is a typo.
fn past(day: Date, lang: Lang) -> Result<(), ApiError> {
    if day > today() {
        return Err(ApiError::unprocessable(t!(
            lang,
            "web-day-future",
            day = day.to_string(),
            today = today().to_string()
        )));
    }
    Ok(())
}

/// Closing a project into the history, as `trekant track close`.
#[derive(Default, Deserialize)]
#[serde(deny_unknown_fields)]
struct CloseBody {
    date: Option<String>,
    /// `drop` or `finish`; without it, a project with unfinished items is not closed.
    unfinished: Option<String>,
}

async fn close_project(
    State(state): State<AppState>,
    caller: Option<Extension<Caller>>,
    Path(project): Path<String>,
    ReqLang(lang): ReqLang,
    body: Bytes,
) -> Result<axum::Json<CloseReport>, ApiError> {
    let history = store(&state, caller.as_deref(), lang)?;
    let body: CloseBody = json_body_or_default(&body)?;
    let day = day_or_today(body.date.as_deref(), "date", lang)?;
    past(day, lang)?;
    let unfinished = match body.unfinished.as_deref() {
        None => Unfinished::Refuse,
        Some("drop") => Unfinished::Drop,
        Some("finish") => Unfinished::Finish,
        Some(other) => {
            return Err(ApiError::unprocessable(t!(
                lang,
                "web-close-bad-unfinished",
                value = other
            )));
        }
    };
    history
        .run(move |store| store.track_close_unfinished(&project, day, unfinished))
        .await?
        .map(axum::Json)
        .map_err(|e| store_error(e, lang))
}

/// The accept button: the option the client took, with the triangle's tweaks the page shows.
#[derive(Default, Deserialize)]
#[serde(deny_unknown_fields)]
struct AcceptBody {
    /// An options-JSON kind; default `recommended`.
    option: Option<String>,
    /// The day the client said yes; default today.
    date: Option<String>,
    #[serde(default)]
    exclude: Vec<String>,
    budget: Option<f64>,
    deadline: Option<String>,
    hours_per_week: Option<f64>,
    confidence: Option<f64>,
    trials: Option<usize>,
    seed: Option<u64>,
}

async fn accept_brief(
    State(state): State<AppState>,
    caller: Option<Extension<Caller>>,
    Path(name): Path<String>,
    ReqLang(lang): ReqLang,
    body: Bytes,
) -> Result<Response, ApiError> {
    let history = store(&state, caller.as_deref(), lang)?;
    let body: AcceptBody = json_body_or_default(&body)?;
    let option = body.option.as_deref().unwrap_or("recommended");
    let kind = option_kind(option, lang)?;
    let day = day_or_today(body.date.as_deref(), "date", lang)?;
    let tweaks = Tweaks {
        exclude: body.exclude,
        budget: body.budget,
        deadline: body.deadline,
        hours_per_week: body.hours_per_week,
        confidence: body.confidence,
        trials: body.trials,
        seed: body.seed,
    };
    let read = state.briefs(caller.as_deref())?.read(&name)?;
    let stem = name.trim_end_matches(".toml").to_owned();
    let calibrated = crate::calibration::for_caller(&state, caller.as_deref()).await?;
    // The options as the page shows them (the same tweaks, seed and calibration), priced on
    // the pool.
    let (brief, all, brief_lang) = state
        .pool
        .run(move || -> Result<_, ApiError> {
            let Tweaked {
                brief,
                mut settings,
                lang: brief_lang,
                ..
            } = tweaked(&read.text, &tweaks)?;
            settings.today = day;
            calibrated.apply(&mut settings);
            let all = options::options(&brief, &settings)
                .map_err(|e| ApiError::unprocessable(e.to_string()))?;
            Ok((brief, all, brief_lang))
        })
        .await??;
    let _ = brief_lang;
    let currency = brief.currency().to_owned();
    let option_name = option.to_owned();
    // Checking, numbering and recording under the store's lock: two clicks record one offer.
    let confidence = all.confidence;
    let accepted = history
        .run(move |store| -> Result<Acceptance, ApiError> {
            let project = brief.project.name.as_ref().map(|n| n.value.clone());
            if let Some(project) = &project
                && store
                    .open_projects()
                    .map_err(|e| store_error(e, lang))?
                    .contains(project)
            {
                return Err(ApiError::Conflict(t!(
                    lang,
                    "web-accept-tracked",
                    project = project.as_str()
                )));
            }
            let recorded: Vec<String> = store
                .offers()
                .map_err(|e| store_error(e, lang))?
                .into_iter()
                .map(|o| o.number)
                .collect();
            let accepted = accept::accept(&brief, &all, kind, day, Some(&recorded), &stem)
                .map_err(|refusal| refused(refusal, &option_name, confidence, lang))?;
            store
                .record_offer(&accepted.offer)
                .map_err(|e| store_error(e, lang))?;
            store
                .track_start(&accepted.offer.brief, &accepted.items, day)
                .map_err(|e| store_error(e, lang))?;
            Ok(accepted)
        })
        .await??;
    let basis = if accepted.priced.customer == trekant_core::brief::Customer::Consumer {
        t!(lang, "accept-incl-vat")
    } else {
        t!(lang, "accept-ex-vat")
    };
    let message = t!(
        lang,
        "web-accept-recorded",
        number = accepted.offer.number.as_str(),
        project = accepted.offer.brief.as_str(),
        option = option_title(kind, lang),
        total = trekant_core::format::money(accepted.offer.total, &currency, lang),
        basis = basis,
        delivery = trekant_core::format::date(accepted.offer.delivery, lang),
    );
    Ok((
        StatusCode::CREATED,
        axum::Json(json!({
            "offer": accepted.offer,
            "tracked": accepted.items,
            "option": accepted.chosen,
            "priced": accepted.priced,
            "message": message,
        })),
    )
        .into_response())
}

/// The option an options-JSON kind names, or a 422 that lists the kinds.
pub(crate) fn option_kind(option: &str, lang: Lang) -> Result<options::Kind, ApiError> {
    accept::kind_from_name(option).ok_or_else(|| {
        let names: Vec<&str> = accept::KINDS.iter().map(|(_, n)| *n).collect();
        ApiError::unprocessable(t!(
            lang,
            "web-accept-no-option",
            option = option,
            options = names.join(", ")
        ))
    })
}

/// An option's title, as the options and the offer name it.
pub(crate) fn option_title(kind: options::Kind, lang: Lang) -> String {
    trekant_core::messages::text(lang, &format!("web-js-option-{}", accept::kind_name(kind)))
}

pub(crate) fn refused(refusal: Refusal, option: &str, confidence: f64, lang: Lang) -> ApiError {
    match refusal {
        Refusal::NoName => ApiError::unprocessable(t!(lang, "web-accept-no-name")),
        Refusal::NoSuchOption => {
            ApiError::unprocessable(t!(lang, "web-accept-no-such-option", option = option))
        }
        Refusal::Unacceptable {
            chosen,
            empty,
            others,
        } => {
            let titles: Vec<String> = others.iter().map(|k| option_title(*k, lang)).collect();
            ApiError::unprocessable(t!(
                lang,
                Refusal::message_id(empty),
                option = option_title(chosen.kind, lang),
                confidence = trekant_core::format::percent(confidence, lang),
                others = titles.len(),
                feasible = titles.join(", "),
            ))
        }
    }
}

/// One tracked project as the History page shows it: the figures of `track status`, formatted
/// in the page's language.
#[derive(Serialize)]
struct ProjectView {
    name: String,
    /// The name as it goes in an address.
    href: String,
    started: String,
    calibrated: bool,
    on_track: bool,
    logged: String,
    likely: String,
    plan: String,
    forecast: String,
    /// How far over the plan the forecast is, in hours (only when off track).
    over: String,
    /// Logged against likely, 0–100 (capped), for the bar.
    share: u32,
    items: Vec<ItemView>,
}

#[derive(Serialize)]
struct ItemView {
    id: String,
    title: Option<String>,
    logged: String,
    estimate: String,
    plan: String,
    now: String,
    done: Option<String>,
    from_change: bool,
    share: u32,
    over: bool,
}

/// One row of a calibration table.
#[derive(Serialize)]
struct GroupView {
    name: String,
    tasks: usize,
    median: String,
    p80: String,
    p90: String,
    over: String,
}

#[derive(Serialize)]
struct OfferView {
    number: String,
    project: String,
    option: String,
    total: String,
    delivery: String,
    accepted: String,
}

fn share(part: f64, whole: f64) -> u32 {
    if whole <= 0.0 {
        return 0;
    }
    (100.0 * part / whole).clamp(0.0, 100.0).round() as u32
}

fn project_view(report: &StatusReport, lang: Lang) -> ProjectView {
    let h = |v: f64| trekant_core::format::hours(v, lang);
    let items = report
        .items
        .iter()
        .map(|i| ItemView {
            id: i.item.clone(),
            title: i.title.clone(),
            logged: h(i.logged),
            estimate: match (i.low, i.high) {
                (Some(low), Some(high)) => format!("{}–{}", h(low), h(high)),
                _ => h(i.likely),
            },
            plan: h(i.plan_p80),
            now: h(i.p80),
            done: i.done.map(|d| trekant_core::format::date(d, lang)),
            from_change: i.from_change,
            share: share(i.logged, i.likely),
            over: i.logged > i.likely,
        })
        .collect();
    ProjectView {
        name: report.project.clone(),
        href: crate::pages::url_part(&report.project),
        started: trekant_core::format::date(report.started, lang),
        calibrated: report.calibrated,
        on_track: report.on_track,
        logged: h(report.logged),
        likely: h(report.likely),
        plan: h(report.plan_p80),
        forecast: h(report.forecast_p80),
        over: h((report.forecast_p80 - report.plan_p80).max(0.0)),
        share: share(report.logged, report.likely),
        items,
    }
}

fn group_views(
    groups: &[trekant_core::history::habits::GroupSummary],
    lang: Lang,
) -> Vec<GroupView> {
    groups
        .iter()
        .map(|g| GroupView {
            name: g.name.clone(),
            tasks: g.ratios.tasks,
            median: trekant_core::format::decimal(g.ratios.median, 2, lang),
            p80: trekant_core::format::decimal(g.ratios.p80, 2, lang),
            p90: trekant_core::format::decimal(g.ratios.p90, 2, lang),
            over: trekant_core::format::percent(g.ratios.over, lang),
        })
        .collect()
}

/// `GET /history`: the tracked projects, the accepted offers and the calibration; without a
/// store, how to get one.
pub(crate) async fn history_page(
    State(state): State<AppState>,
    caller: Option<Extension<Caller>>,
    axum::extract::Query(query): axum::extract::Query<crate::pages::LangQuery>,
    ReqLang(lang): ReqLang,
) -> Result<Response, ApiError> {
    let chosen = query.chosen().is_some();
    let frame = crate::pages::frame(&state, lang, chosen, "history");
    let Some(history) = state.history.as_ref() else {
        return crate::pages::render(
            "history.html",
            minijinja::context! { frame => crate::pages::ser(&frame), lang => lang.code(), store => false },
        );
    };
    let history = history.for_caller(caller.as_deref())?;
    let team = team_side(&state, caller.as_deref()).await?;
    let overview = overview(&history, team, lang).await?;
    // On a team server the page is the caller's: "Lone's history".
    let person = caller
        .as_deref()
        .filter(|_| state.team.is_some())
        .map(|c| c.user.name.clone());
    let title = person.as_deref().map(|name| {
        t!(
            lang,
            "teamcal-history-title",
            owner = crate::calibration::possessive(name, lang)
        )
    });
    let projects: Vec<ProjectView> = overview
        .projects
        .iter()
        .map(|p| project_view(p, lang))
        .collect();
    let offers: Vec<OfferView> = overview
        .offers
        .iter()
        .rev()
        .map(|o| OfferView {
            number: o.number.clone(),
            project: o.brief.clone(),
            option: accept::kind_from_name(&o.option)
                .map_or_else(|| o.option.clone(), |k| option_title(k, lang)),
            // A whole amount with the language's grouping (the offer keeps no currency).
            total: trekant_core::format::hours(o.total.round(), lang),
            delivery: trekant_core::format::date(o.delivery, lang),
            accepted: trekant_core::format::date(o.accepted, lang),
        })
        .collect();
    let calibration = overview.calibration.as_ref().map(|calibration| {
        let c = &calibration.habits;
        let o = &c.overall;
        // Someone with nothing of their own yet sees the team's tasks, and is told so.
        let (summary, none_own) = match calibration.basis {
            Basis::Person => ("calibration-summary", None),
            Basis::Team => (
                "person-team-summary",
                Some(t!(
                    lang,
                    "person-none-own",
                    person = person.clone().unwrap_or_default()
                )),
            ),
        };
        json!({
            "summary": t!(
                lang,
                summary,
                tasks = o.tasks.to_string(),
                median = trekant_core::format::decimal(o.median, 2, lang),
                p80 = trekant_core::format::decimal(o.p80, 2, lang),
                over = trekant_core::format::percent(o.over, lang),
            ),
            "none_own": none_own,
            "tables": [
                {"title": t!(lang, "calibration-by-category"), "rows": group_views(&c.by_category, lang)},
                {"title": t!(lang, "calibration-by-size"), "rows": group_views(&c.by_size, lang)},
                {"title": t!(lang, "calibration-over-time"), "rows": group_views(&c.trend, lang)},
            ],
            "people": calibration.team.as_ref().zip(calibration.people.as_ref()).map(
                |(team, people)| crate::calibration::people_view(team, people, caller.as_deref(), lang)
            ),
        })
    });
    let today = today().to_string();
    crate::pages::render(
        "history.html",
        minijinja::context! {
            frame => crate::pages::ser(&frame), lang => lang.code(), store => true, title,
            projects => crate::pages::ser(&projects), offers => crate::pages::ser(&offers),
            calibration => crate::pages::ser(&calibration), today,
        },
    )
}
