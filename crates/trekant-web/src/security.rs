//! Who may talk to the app, and how. The local app binds to loopback; on any other address
//! it needs a token (a login page turns it into a session cookie; API clients send
//! `Authorization: Bearer <token>`). Every state-changing request that is not bearer-
//! authenticated carries the CSRF header the pages get from the server, and a request for a
//! `Host` other than the bound address or `localhost` is refused (DNS rebinding).
//!
//! A team server (`serve --db postgres://…`) has people instead of a token: every request
//! but the public ones ([`is_public`]) carries a live session's token, as a bearer token or
//! in the session cookie ([`team_guard`]). A cookie's requests that change state carry the
//! session's own CSRF value ([`session_csrf`]) in the header, or, for the pages' plain forms,
//! as the form field `csrf`.

use std::collections::HashSet;
use std::sync::Mutex;

use axum::body::Body;
use axum::extract::{Request, State};
use axum::http::{HeaderValue, Method, StatusCode, header};
use axum::middleware::Next;
use axum::response::{IntoResponse, Response};
use sha2::{Digest, Sha256};

use crate::AppState;
use crate::error::ApiError;
use crate::team::{Caller, Team};

/// The header a state-changing request carries, with the value from `GET /api/session` or
/// the pages' `<meta name="trekant-csrf">`.
pub const CSRF_HEADER: &str = "x-trekant-csrf";
/// The session cookie the login page sets.
pub const SESSION_COOKIE: &str = "trekant_session";

/// Secrets of one server run.
#[derive(Debug)]
pub struct Guard {
    /// `None` on loopback without `--token`: nobody else can reach the app.
    pub token: Option<String>,
    pub csrf: String,
    /// Host headers the app answers: the bound address and `localhost` with its port.
    pub hosts: HashSet<String>,
    sessions: Mutex<HashSet<String>>,
}

impl Guard {
    pub fn new(token: Option<String>, bound: std::net::SocketAddr) -> Self {
        let port = bound.port();
        let mut hosts = HashSet::from([
            bound.to_string(),
            format!("localhost:{port}"),
            "localhost".to_owned(),
        ]);
        if bound.ip().is_loopback() {
            hosts.insert(format!("127.0.0.1:{port}"));
            hosts.insert(format!("[::1]:{port}"));
        }
        Guard {
            token,
            csrf: random_token(),
            hosts,
            sessions: Mutex::new(HashSet::new()),
        }
    }

    /// A new session for a correct token, else `None`.
    pub fn login(&self, token: &str) -> Option<String> {
        let expected = self.token.as_deref()?;
        if !constant_time_eq(token.trim().as_bytes(), expected.as_bytes()) {
            return None;
        }
        let session = random_token();
        self.sessions
            .lock()
            .unwrap_or_else(|p| p.into_inner())
            .insert(session.clone());
        Some(session)
    }

    fn has_session(&self, session: &str) -> bool {
        self.sessions
            .lock()
            .unwrap_or_else(|p| p.into_inner())
            .contains(session)
    }

    fn bearer_ok(&self, request: &Request) -> bool {
        let Some(token) = &self.token else {
            return false;
        };
        request
            .headers()
            .get(header::AUTHORIZATION)
            .and_then(|v| v.to_str().ok())
            .and_then(|v| v.strip_prefix("Bearer "))
            .is_some_and(|given| constant_time_eq(given.trim().as_bytes(), token.as_bytes()))
    }

    fn session_ok(&self, request: &Request) -> bool {
        cookie(request, SESSION_COOKIE).is_some_and(|s| self.has_session(&s))
    }
}

/// The checks, in order: Host, then authentication (when a token is set), then CSRF on
/// state-changing methods.
/// On a team server the person is looked up from their session ([`team_guard`]) and put on
/// the request as a [`Caller`].
pub async fn guard(State(state): State<AppState>, request: Request, next: Next) -> Response {
    if let Err(error) = check_host(&state, &request) {
        return error.into_response();
    }
    if let Some(team) = &state.team {
        return team_guard(team, request, next).await;
    }
    match check(&state, &request) {
        Ok(()) => next.run(request).await,
        Err(error) => error.into_response(),
    }
}

/// A team server's logged-in request: who, by which token, and the CSRF value of that
/// session. A request extension beside the [`Caller`], and, while the request is answered,
/// [`current_session`] (the pages' nav and CSRF `<meta>` come from it).
#[derive(Clone, Debug)]
pub struct Session {
    pub caller: Caller,
    /// The session's token (what logging out ends).
    pub token: String,
    /// Whether it came as `Authorization: Bearer` (else in the cookie).
    pub bearer: bool,
    /// [`session_csrf`] of the token.
    pub csrf: String,
}

tokio::task_local! {
    static SESSION: Session;
}

/// The session of the team server's request being answered, if it has one.
pub fn current_session() -> Option<Session> {
    SESSION.try_with(Clone::clone).ok()
}

/// The CSRF value the pages carry: the session's on a team server, the run's otherwise.
pub fn page_csrf(guard: &Guard) -> String {
    current_session().map_or_else(|| guard.csrf.clone(), |session| session.csrf)
}

/// The CSRF value of a team session: a hash of its token under a fixed label. Every `serve`
/// process of the team computes the same value without sharing a secret, and only who holds
/// the token (the browser that logged in) can know it.
pub fn session_csrf(token: &str) -> String {
    Sha256::new()
        .chain_update(b"trekant session csrf\0")
        .chain_update(token.as_bytes())
        .finalize()
        .iter()
        .map(|b| format!("{b:02x}"))
        .collect()
}

/// Team mode: a live session's token (bearer, else cookie) or a public path; without one, a
/// page is redirected to the login page and the API answers 401. A cookie's request that
/// changes state carries the session's CSRF value (bearer requests cannot be forged by
/// another site and need none).
async fn team_guard(team: &Team, mut request: Request, next: Next) -> Response {
    let (token, by_bearer) = match bearer(&request) {
        Some(token) => (Some(token), true),
        None => (cookie(&request, SESSION_COOKIE), false),
    };
    let had_token = token.is_some();
    let caller = match team_caller(team, token.clone()).await {
        Ok(caller) => caller,
        Err(error) => return error.into_response(),
    };
    let public = is_public(request.uri().path());
    let (Some(caller), Some(token)) = (caller, token) else {
        if public {
            return next.run(request).await;
        }
        if is_page(&request) {
            return to_login(&request, had_token && !by_bearer);
        }
        return ApiError::Unauthorized(crate::tr!("login-needed")).into_response();
    };
    let csrf = session_csrf(&token);
    if changes_state(request.method()) && !by_bearer && !public {
        let (back, given) = csrf_given(request).await;
        request = back;
        if !given.is_some_and(|given| constant_time_eq(given.as_bytes(), csrf.as_bytes())) {
            return ApiError::Forbidden(crate::tr!("web-error-csrf")).into_response();
        }
    }
    let session = Session {
        caller: caller.clone(),
        token,
        bearer: by_bearer,
        csrf,
    };
    request.extensions_mut().insert(caller);
    request.extensions_mut().insert(session.clone());
    SESSION.scope(session, next.run(request)).await
}

fn changes_state(method: &Method) -> bool {
    matches!(
        *method,
        Method::POST | Method::PUT | Method::PATCH | Method::DELETE
    )
}

/// A request for a page (not the API): a browser that is sent to log in.
fn is_page(request: &Request) -> bool {
    matches!(*request.method(), Method::GET | Method::HEAD)
        && !request.uri().path().starts_with("/api/")
}

/// `303 See Other` to the login page, in the language asked for; a cookie whose session is
/// gone is cleared.
fn to_login(request: &Request, stale_cookie: bool) -> Response {
    let location = match crate::lang::query_lang(request.uri().query()) {
        Some(lang) => format!("/login?lang={}", lang.code()),
        None => "/login".to_owned(),
    };
    let mut response = (StatusCode::SEE_OTHER, [(header::LOCATION, location)]).into_response();
    if stale_cookie {
        response
            .headers_mut()
            .insert(header::SET_COOKIE, clear_cookie());
    }
    response
}

/// The `Set-Cookie` value that removes the session cookie.
pub fn clear_cookie() -> HeaderValue {
    HeaderValue::from_static("trekant_session=; HttpOnly; SameSite=Strict; Path=/; Max-Age=0")
}

/// The CSRF value a request gives: the header, else (a plain HTML form) the form field
/// `csrf`. Reading the field means reading the body; the request is rebuilt around it.
async fn csrf_given(request: Request) -> (Request, Option<String>) {
    if let Some(given) = request
        .headers()
        .get(CSRF_HEADER)
        .and_then(|v| v.to_str().ok())
    {
        let given = given.to_owned();
        return (request, Some(given));
    }
    let form = request
        .headers()
        .get(header::CONTENT_TYPE)
        .and_then(|v| v.to_str().ok())
        .is_some_and(|v| v.starts_with("application/x-www-form-urlencoded"));
    if !form {
        return (request, None);
    }
    let (parts, body) = request.into_parts();
    let Ok(bytes) = axum::body::to_bytes(body, crate::MAX_BODY_BYTES).await else {
        return (Request::from_parts(parts, Body::empty()), None);
    };
    // The value is hex: never percent-encoded, so the raw pair is the value.
    let given = std::str::from_utf8(&bytes).ok().and_then(|text| {
        text.split('&')
            .find_map(|pair| pair.strip_prefix("csrf="))
            .map(str::to_owned)
    });
    (Request::from_parts(parts, Body::from(bytes)), given)
}

/// What a team server shows without a login: the login itself, the pages' assets, and the
/// client's offer links (their token is their key).
fn is_public(path: &str) -> bool {
    path == "/login"
        || path == "/api/login"
        || path.starts_with("/assets/")
        || path.starts_with("/offer/")
}

/// The person whose session token (`Authorization: Bearer <token>`, else the session cookie)
/// the request carries, if it is a live session.
async fn team_caller(team: &Team, token: Option<String>) -> Result<Option<Caller>, ApiError> {
    let Some(token) = token else {
        return Ok(None);
    };
    let team = team.clone();
    tokio::task::spawn_blocking(move || team.caller(&token))
        .await
        .map_err(|error| ApiError::Internal(format!("a session check failed: {error}")))?
        .map_err(|error| {
            log_unreachable(&error);
            ApiError::Busy(crate::tr!("web-error-database"))
        })
}

fn bearer(request: &Request) -> Option<String> {
    request
        .headers()
        .get(header::AUTHORIZATION)
        .and_then(|v| v.to_str().ok())
        .and_then(|v| v.strip_prefix("Bearer "))
        .map(|token| token.trim().to_owned())
}

fn check_host(state: &AppState, request: &Request) -> Result<(), ApiError> {
    let guard = &state.guard;
    let host = request
        .headers()
        .get(header::HOST)
        .and_then(|v| v.to_str().ok())
        .unwrap_or("");
    if !guard.hosts.contains(&host.to_ascii_lowercase()) {
        return Err(ApiError::Forbidden(crate::tr!(
            "web-error-host",
            hosts = guard.bound_hint(),
            host = host
        )));
    }
    Ok(())
}

fn check(state: &AppState, request: &Request) -> Result<(), ApiError> {
    let guard = &state.guard;
    let bearer = guard.bearer_ok(request);
    let path = request.uri().path();
    let login_page = path == "/login";
    if guard.token.is_some() && !bearer && !login_page && !guard.session_ok(request) {
        return Err(ApiError::Unauthorized(crate::tr!("web-error-log-in")));
    }
    let changes_state = changes_state(request.method());
    // The login form proves itself with the token; everything else needs the CSRF header.
    if changes_state && !bearer && !login_page {
        let given = request
            .headers()
            .get(CSRF_HEADER)
            .and_then(|v| v.to_str().ok())
            .unwrap_or("");
        if !constant_time_eq(given.as_bytes(), guard.csrf.as_bytes()) {
            return Err(ApiError::Forbidden(crate::tr!("web-error-csrf")));
        }
    }
    Ok(())
}

impl Guard {
    fn bound_hint(&self) -> String {
        let mut hosts: Vec<&str> = self.hosts.iter().map(String::as_str).collect();
        hosts.sort_unstable();
        hosts.join(", ")
    }
}

fn cookie(request: &Request, name: &str) -> Option<String> {
    request
        .headers()
        .get_all(header::COOKIE)
        .iter()
        .filter_map(|v| v.to_str().ok())
        .flat_map(|v| v.split(';'))
        .filter_map(|pair| pair.trim().split_once('='))
        .find(|(key, _)| *key == name)
        .map(|(_, value)| value.to_owned())
}

/// 128 bits from the operating system's generator, as hex.
pub fn random_token() -> String {
    let mut bytes = [0u8; 16];
    getrandom::fill(&mut bytes).expect("the operating system has no random numbers");
    bytes.iter().map(|b| format!("{b:02x}")).collect()
}

/// Compares secrets without leaking, through timing, how much of a guess was right.
fn constant_time_eq(a: &[u8], b: &[u8]) -> bool {
    a.len() == b.len() && a.iter().zip(b).fold(0u8, |acc, (x, y)| acc | (x ^ y)) == 0
}

/// The operator's log says why the database could not be asked; the client is told to retry.
#[allow(clippy::print_stderr)]
pub(crate) fn log_unreachable(error: &trekant_store::StoreError) {
    eprintln!("trekant serve: the database: {error}");
}
