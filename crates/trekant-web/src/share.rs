//! The client says yes online (team mode): a person shares an offer as a link, the client
//! opens it without logging in, reads the offer and accepts it with their name.
//!
//! | request | answer |
//! |---|---|
//! | `POST /api/briefs/{name}/share` | `{"option", …the triangle's tweaks}` (all optional, as the accept button's) → 201 `{"url": "/offer/<token>", "expires": "YYYY-MM-DD", "expires_at", "number", "option", "sha256"}`; 409 in the local app (share links need a team server); 422 for an option that cannot be accepted |
//! | `GET /offer/{token}` | the offer as shared with an accept form (name, checkbox); once accepted, the offer with who accepted it and when; 404 page for an unknown link, 410 page for an expired one |
//! | `POST /offer/{token}/accept` | a form: `name`, `accept=on` → 200 thank-you page; 409 page when it was already accepted (by whom, when); 410 page when it expired; 404 page for an unknown link; 422 (the form again) without a name or the checkbox |
//!
//! Sharing renders the offer exactly as `GET /api/briefs/{name}/proposal.html` does with the
//! same tweaks, works out what accepting it records (`document::accept::accept`: the priced
//! option, its items, the number, the delivery), and stores both as a snapshot
//! (`trekant_store::PgStore::create_share`): later edits of the brief change nothing the
//! client sees or accepts. The link expires when the offer's validity ends (the brief's
//! `terms.valid_days`, 30 days by default): at the end of its last valid day.
//!
//! The link's token (256 bits from the operating system's generator; only its SHA-256 is
//! stored) is the one key of these pages: it is not a session, opens this one snapshot and
//! nothing else, and the accept form needs no CSRF header (a page elsewhere cannot know the
//! token; the Host check still applies). Accepting records the name, the time, the client's
//! address and the SHA-256 of the offer's HTML, and records the offer and starts tracking its
//! items in the sharer's history, all in one database transaction with the share's change,
//! so a double submit records one offer.

use std::net::SocketAddr;

use axum::body::Bytes;
use axum::extract::{ConnectInfo, Path, State};
use axum::http::{HeaderMap, HeaderValue, StatusCode, header};
use axum::response::{Html, IntoResponse, Response};
use axum::routing::{get, post};
use axum::{Extension, Router};
use jiff::Timestamp;
use jiff::ToSpan;
use serde::{Deserialize, Serialize};
use serde_json::{Value, json};
use trekant_core::document::accept;
use trekant_core::document::proposal::Format;
use trekant_core::{Lang, t};
use trekant_store::{ClientYes, NewShare, Share, ShareAccept, StoreError};

use crate::AppState;
use crate::api::{Tweaks, json_body_or_default, recorded_numbers, render_offer, today};
use crate::error::ApiError;
use crate::history::{option_kind, option_title, refused};
use crate::lang::{ReqLang, browser_lang};
use crate::team::Caller;

/// The longest name the accept form takes.
const MAX_NAME_CHARS: usize = 200;

pub fn routes() -> Router<AppState> {
    Router::new()
        .route("/api/briefs/{name}/share", post(share_brief))
        .route("/offer/{token}", get(offer_page))
        .route("/offer/{token}/accept", post(accept_offer))
        .route("/assets/share.js", get(script))
}

/// The brief page's share button ([`crate::pages`] links it in team mode).
async fn script() -> Response {
    (
        [
            (header::CONTENT_TYPE, "text/javascript; charset=utf-8"),
            (header::CACHE_CONTROL, "no-cache"),
        ],
        include_str!("../assets/share.js"),
    )
        .into_response()
}

/// A store call on a blocking thread; a database that cannot be reached is a 503.
async fn blocking<T: Send + 'static>(
    work: impl FnOnce() -> Result<T, StoreError> + Send + 'static,
) -> Result<T, ApiError> {
    let lang = crate::lang::current();
    tokio::task::spawn_blocking(move || crate::lang::within(lang, work))
        .await
        .map_err(|error| ApiError::Internal(format!("a share call failed: {error}")))?
        .map_err(|error| match error {
            StoreError::Busy { .. } | StoreError::Unreachable(_) => {
                ApiError::Busy(crate::tr!("web-error-database"))
            }
            other => ApiError::Internal(other.to_string()),
        })
}

/// The body of `POST /api/briefs/{name}/share`: the option and the tweaks, split.
fn share_body(body: &[u8], lang: Lang) -> Result<(String, Tweaks), ApiError> {
    let mut value: Value = json_body_or_default(body)?;
    let option = match value.as_object_mut().and_then(|o| o.remove("option")) {
        None | Some(Value::Null) => "recommended".to_owned(),
        Some(Value::String(option)) => option,
        Some(other) => {
            return Err(ApiError::unprocessable(t!(
                lang,
                "share-bad-option",
                value = other.to_string()
            )));
        }
    };
    let tweaks = match value {
        Value::Null => Tweaks::default(),
        value => serde_json::from_value(value).map_err(|error| {
            ApiError::unprocessable(crate::tr!("web-error-values", detail = error.to_string()))
        })?,
    };
    Ok((option, tweaks))
}

async fn share_brief(
    State(state): State<AppState>,
    caller: Option<Extension<Caller>>,
    Path(name): Path<String>,
    ReqLang(lang): ReqLang,
    body: Bytes,
) -> Result<Response, ApiError> {
    let Some(team) = &state.team else {
        return Err(ApiError::Conflict(t!(lang, "share-needs-team")));
    };
    let Some(Extension(caller)) = caller else {
        return Err(ApiError::Unauthorized(crate::tr!("web-error-log-in")));
    };
    let (option, tweaks) = share_body(&body, lang)?;
    let kind = option_kind(&option, lang)?;
    let read = state.briefs(Some(&caller))?.read(&name)?;
    let stem = name.trim_end_matches(".toml").to_owned();
    let recorded = recorded_numbers(&state, Some(&caller)).await?;
    // Priced as the brief's page and the accept button price it for this person.
    let calibrated = crate::calibration::for_caller(&state, Some(&caller)).await?;
    let shared = state.clone();
    // The offer the client will see and what accepting it records: one simulation.
    let (offer, accepted) = state
        .pool
        .run(move || -> Result<_, ApiError> {
            let offer = render_offer(
                &shared,
                &read.text,
                &tweaks,
                &calibrated,
                recorded.as_deref(),
                &stem,
                Format::Html,
            )?;
            let accepted = accept::accept(
                &offer.brief,
                &offer.options,
                kind,
                offer.issued,
                recorded.as_deref(),
                &stem,
            )
            .map_err(|refusal| refused(refusal, &option, offer.options.confidence, lang))?;
            Ok((offer, accepted))
        })
        .await??;
    let valid_until = offer
        .issued
        .checked_add(i64::from(offer.brief.valid_days()).days())
        .unwrap_or(offer.issued);
    let expires = end_of(valid_until)?;
    let html = String::from_utf8(offer.document)
        .map_err(|e| ApiError::Internal(format!("the offer is not UTF-8: {e}")))?;
    let pg = team
        .pg
        .for_owner(&caller.owner())
        .map_err(|e| ApiError::Internal(e.to_string()))?;
    let basis = if accepted.priced.customer == trekant_core::brief::Customer::Consumer {
        t!(offer.lang, "accept-incl-vat")
    } else {
        t!(offer.lang, "accept-ex-vat")
    };
    let summary = t!(
        offer.lang,
        "share-summary",
        option = option_title(kind, offer.lang),
        total =
            trekant_core::format::money(accepted.offer.total, offer.brief.currency(), offer.lang),
        basis = basis,
        delivery = trekant_core::format::date(accepted.offer.delivery, offer.lang),
    );
    let message = t!(
        lang,
        "share-link-ready",
        date = trekant_core::format::date(valid_until, lang)
    );
    let brief = name.clone();
    let code = offer.lang.code();
    let (token, share) = blocking(move || {
        pg.create_share(&NewShare {
            brief: &brief,
            lang: code,
            html: &html,
            summary: &summary,
            offer: &accepted.offer,
            items: &accepted.items,
            expires,
        })
    })
    .await?;
    Ok((
        StatusCode::CREATED,
        axum::Json(json!({
            "url": format!("/offer/{token}"),
            "expires": valid_until.to_string(),
            "expires_at": share.expires.to_string(),
            "number": share.offer.number,
            "option": share.offer.option,
            "sha256": share.sha256,
            "summary": share.summary,
            "message": message,
        })),
    )
        .into_response())
}

/// The moment after the last day `day`, in the server's time zone.
fn end_of(day: jiff::civil::Date) -> Result<Timestamp, ApiError> {
    day.tomorrow()
        .and_then(|next| next.to_zoned_datetime(jiff::tz::TimeZone::system()))
        .map(|zoned| zoned.timestamp())
        .map_err(|e| ApiError::Internal(format!("no end to {day}: {e}")))
}

/// `GET /offer/{token}`: the offer as shared, with the accept form (or who accepted it).
async fn offer_page(
    State(state): State<AppState>,
    Path(token): Path<String>,
    headers: HeaderMap,
) -> Response {
    let (share, lang) = match opened(&state, &token, &headers).await {
        Ok(opened) => opened,
        Err(page) => return page,
    };
    if let Some(yes) = &share.accepted {
        return snapshot(StatusCode::OK, &share, &token, lang, Form::Accepted(yes));
    }
    if share.expired {
        return notice(StatusCode::GONE, lang, Notice::Expired(share.expires));
    }
    snapshot(StatusCode::OK, &share, &token, lang, Form::Open(None, ""))
}

/// The accept form as posted: both fields may be missing (the page says which is needed).
#[derive(Debug, Default, Deserialize)]
struct AcceptForm {
    #[serde(default)]
    name: String,
    accept: Option<String>,
}

/// `POST /offer/{token}/accept`: the client's yes.
async fn accept_offer(
    State(state): State<AppState>,
    Path(token): Path<String>,
    headers: HeaderMap,
    connect: Option<Extension<ConnectInfo<SocketAddr>>>,
    body: Bytes,
) -> Response {
    let (share, lang) = match opened(&state, &token, &headers).await {
        Ok(opened) => opened,
        Err(page) => return page,
    };
    let form: AcceptForm = serde_urlencoded(&body).unwrap_or_default();
    let name = form.name.trim().to_owned();
    let problem = if name.is_empty() {
        Some(t!(lang, "share-need-name"))
    } else if name.chars().count() > MAX_NAME_CHARS {
        Some(t!(lang, "share-name-too-long", max = MAX_NAME_CHARS))
    } else if form.accept.as_deref() != Some("on") {
        Some(t!(lang, "share-need-accept"))
    } else {
        None
    };
    if let Some(yes) = &share.accepted {
        return notice(StatusCode::CONFLICT, lang, Notice::Already(yes));
    }
    if share.expired {
        return notice(StatusCode::GONE, lang, Notice::Expired(share.expires));
    }
    if let Some(problem) = problem {
        return snapshot(
            StatusCode::UNPROCESSABLE_ENTITY,
            &share,
            &token,
            lang,
            Form::Open(Some(&problem), &name),
        );
    }
    let Some(team) = state.team.clone() else {
        return notice(StatusCode::NOT_FOUND, lang, Notice::Unknown);
    };
    let from = connect.map(|Extension(ConnectInfo(address))| address.ip().to_string());
    let day = today();
    let key = token.clone();
    let who = name.clone();
    let answer =
        tokio::task::spawn_blocking(move || team.pg.accept_share(&key, &who, from.as_deref(), day))
            .await;
    match answer {
        Ok(Ok(ShareAccept::Accepted { share, offer })) => notice(
            StatusCode::OK,
            lang,
            Notice::Thanks {
                share: &share,
                number: &offer.number,
            },
        ),
        Ok(Ok(ShareAccept::AlreadyAccepted(yes))) => {
            notice(StatusCode::CONFLICT, lang, Notice::Already(&yes))
        }
        Ok(Ok(ShareAccept::Expired(at))) => notice(StatusCode::GONE, lang, Notice::Expired(at)),
        Ok(Ok(ShareAccept::Unknown)) => notice(StatusCode::NOT_FOUND, lang, Notice::Unknown),
        Ok(Err(StoreError::ProjectOpen(_) | StoreError::OfferExists(_))) => {
            notice(StatusCode::CONFLICT, lang, Notice::Tracked)
        }
        Ok(Err(error)) => failure(error, lang),
        Err(error) => failure(StoreError::Invalid(error.to_string()), lang),
    }
}

fn serde_urlencoded(body: &[u8]) -> Option<AcceptForm> {
    let uri: axum::http::Uri = format!("/?{}", std::str::from_utf8(body).ok()?)
        .parse()
        .ok()?;
    axum::extract::Query::<AcceptForm>::try_from_uri(&uri)
        .ok()
        .map(|q| q.0)
}

/// The share behind a token; none in the local app.
async fn find(state: &AppState, token: &str) -> Result<Option<Share>, StoreError> {
    let Some(team) = state.team.clone() else {
        return Ok(None);
    };
    let token = token.to_owned();
    tokio::task::spawn_blocking(move || team.pg.share(&token))
        .await
        .map_err(|e| StoreError::Invalid(e.to_string()))?
}

/// The share behind a link, with the language its pages speak (the offer's); else the page
/// that says why there is none, in the browser's language.
async fn opened(
    state: &AppState,
    token: &str,
    headers: &HeaderMap,
) -> Result<(Share, Lang), Response> {
    let browser = browser_lang(headers);
    match find(state, token).await {
        Ok(Some(share)) => {
            let lang = Lang::from_code(&share.lang).unwrap_or(browser);
            Ok((share, lang))
        }
        Ok(None) => Err(notice(StatusCode::NOT_FOUND, browser, Notice::Unknown)),
        Err(error) => Err(failure(error, browser)),
    }
}

/// What goes below the offer.
enum Form<'a> {
    /// The form, with what was wrong with the last try and the name typed.
    Open(Option<&'a str>, &'a str),
    Accepted(&'a ClientYes),
}

#[derive(Serialize)]
struct FormView {
    token: String,
    number: String,
    summary: String,
    sha256: String,
    problem: Option<String>,
    name: String,
    accepted: Option<String>,
}

/// The offer's HTML as shared, with the form (or the acceptance) put in before `</body>`.
fn snapshot(
    status: StatusCode,
    share: &Share,
    token: &str,
    lang: Lang,
    form: Form<'_>,
) -> Response {
    let (problem, name, accepted) = match form {
        Form::Open(problem, name) => (problem.map(str::to_owned), name.to_owned(), None),
        Form::Accepted(yes) => (None, String::new(), Some(accepted_line(yes, lang))),
    };
    let view = FormView {
        token: crate::pages::url_part(token),
        number: share.offer.number.clone(),
        summary: share.summary.clone(),
        sha256: share.sha256.clone(),
        problem,
        name,
        accepted,
    };
    let fragment = match crate::pages::render_html(
        "offer-form.html",
        minijinja::context! { lang => lang.code(), form => crate::pages::ser(&view) },
    ) {
        Ok(fragment) => fragment,
        Err(error) => return error.into_response(),
    };
    let html = &share.html;
    let at = html.rfind("</body>").unwrap_or(html.len());
    let page = format!("{}{fragment}{}", &html[..at], &html[at..]);
    page_response(status, page)
}

/// "Accepted by NAME on DATE at TIME."
fn accepted_line(yes: &ClientYes, lang: Lang) -> String {
    let (date, time) = local(yes.at, lang);
    t!(
        lang,
        "share-accepted-by",
        name = yes.name.as_str(),
        date = date,
        time = time
    )
}

/// A moment as a date and an hh:mm in the server's time zone.
fn local(at: Timestamp, lang: Lang) -> (String, String) {
    let zoned = at.to_zoned_datetime(jiff::tz::TimeZone::system());
    (
        trekant_core::format::date(zoned.date(), lang),
        zoned.strftime("%H:%M").to_string(),
    )
}

/// The pages of a link that shows no offer, or the thanks after one.
enum Notice<'a> {
    Unknown,
    Expired(Timestamp),
    Already(&'a ClientYes),
    Thanks {
        share: &'a Share,
        number: &'a str,
    },
    /// The sharer already tracks the project (accepted another way): nothing was recorded.
    Tracked,
    /// The database cannot be reached just now.
    Busy,
    Broken,
}

fn notice(status: StatusCode, lang: Lang, notice: Notice<'_>) -> Response {
    let (title, lines): (String, Vec<String>) = match notice {
        Notice::Unknown => (
            t!(lang, "share-unknown-title"),
            vec![t!(lang, "share-unknown")],
        ),
        Notice::Expired(at) => {
            let (date, time) = local(at, lang);
            (
                t!(lang, "share-expired-title"),
                vec![t!(lang, "share-expired", date = date, time = time)],
            )
        }
        Notice::Already(yes) => (
            t!(lang, "share-already-title"),
            vec![accepted_line(yes, lang), t!(lang, "share-already")],
        ),
        Notice::Thanks { share, number } => {
            let yes = share.accepted.as_ref();
            let name = yes.map_or("", |y| y.name.as_str());
            (
                t!(lang, "share-thanks-title", name = name),
                vec![
                    yes.map(|y| accepted_line(y, lang)).unwrap_or_default(),
                    t!(lang, "share-thanks", number = number),
                    t!(lang, "share-fingerprint", sha256 = share.sha256.as_str()),
                ],
            )
        }
        Notice::Tracked => (
            t!(lang, "share-tracked-title"),
            vec![t!(lang, "share-tracked")],
        ),
        Notice::Busy => (t!(lang, "share-busy-title"), vec![t!(lang, "share-busy")]),
        Notice::Broken => (
            t!(lang, "share-broken-title"),
            vec![t!(lang, "share-broken")],
        ),
    };
    match crate::pages::render_html(
        "offer.html",
        minijinja::context! { lang => lang.code(), title, lines },
    ) {
        Ok(page) => page_response(status, page),
        Err(error) => error.into_response(),
    }
}

/// A store failure as a page: a busy database asks to try again; anything else is logged.
fn failure(error: StoreError, lang: Lang) -> Response {
    match error {
        StoreError::Busy { .. } | StoreError::Unreachable(_) => {
            let mut response = notice(StatusCode::SERVICE_UNAVAILABLE, lang, Notice::Busy);
            response
                .headers_mut()
                .insert(header::RETRY_AFTER, HeaderValue::from_static("1"));
            response
        }
        other => {
            log_failure(&other);
            notice(StatusCode::INTERNAL_SERVER_ERROR, lang, Notice::Broken)
        }
    }
}

#[allow(clippy::print_stderr)]
fn log_failure(error: &StoreError) {
    eprintln!("trekant serve: an offer link: {error}");
}

/// An offer link's page: never cached, never indexed, and no address (with the token in it)
/// passed on to a site the offer links to.
fn page_response(status: StatusCode, page: String) -> Response {
    let mut response = (status, Html(page)).into_response();
    let headers = response.headers_mut();
    headers.insert(header::CACHE_CONTROL, HeaderValue::from_static("no-store"));
    headers.insert(
        header::REFERRER_POLICY,
        HeaderValue::from_static("no-referrer"),
    );
    headers.insert(
        header::X_CONTENT_TYPE_OPTIONS,
        HeaderValue::from_static("nosniff"),
    );
    headers.insert("x-robots-tag", HeaderValue::from_static("noindex"));
    headers.insert(
        header::CONTENT_SECURITY_POLICY,
        HeaderValue::from_static(
            "default-src 'none'; style-src 'unsafe-inline'; img-src data:; \
             form-action 'self'; frame-ancestors 'none'; base-uri 'none'",
        ),
    );
    response
}
