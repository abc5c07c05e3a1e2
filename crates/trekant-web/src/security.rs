//! Who may talk to the app, and how. The local app binds to loopback; on any other address
//! it needs a token (a login page turns it into a session cookie; API clients send
//! `Authorization: Bearer <token>`). Every state-changing request that is not bearer-
//! authenticated carries the CSRF header the pages get from the server, and a request for a
//! `Host` other than the bound address or `localhost` is refused (DNS rebinding).

use std::collections::HashSet;
use std::sync::Mutex;

use axum::extract::{Request, State};
use axum::http::{Method, header};
use axum::middleware::Next;
use axum::response::{IntoResponse, Response};

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
/// On a team server the person is looked up from their session ([`team_caller`]) and put on
/// the request as a [`Caller`].
pub async fn guard(State(state): State<AppState>, mut request: Request, next: Next) -> Response {
    if let Err(error) = check_host(&state, &request) {
        return error.into_response();
    }
    if let Some(team) = &state.team {
        let token = bearer(&request).or_else(|| cookie(&request, SESSION_COOKIE));
        match team_caller(team, token).await {
            Ok(Some(caller)) => {
                request.extensions_mut().insert(caller);
            }
            Ok(None) if is_public(request.uri().path()) => {}
            Ok(None) => {
                return ApiError::Unauthorized(crate::tr!("web-error-log-in")).into_response();
            }
            Err(error) => return error.into_response(),
        }
    }
    match check(&state, &request) {
        Ok(()) => next.run(request).await,
        Err(error) => error.into_response(),
    }
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
    // A team server's bearer token is a session's, checked above.
    let bearer = guard.bearer_ok(request)
        || (state.team.is_some()
            && request.extensions().get::<Caller>().is_some()
            && self::bearer(request).is_some());
    let path = request.uri().path();
    let login_page = path == "/login";
    // A client's offer link on a team server: public, its token in the path is its key.
    let offer_link = state.team.is_some() && path.starts_with("/offer/");
    if guard.token.is_some() && !bearer && !login_page && !offer_link && !guard.session_ok(request)
    {
        return Err(ApiError::Unauthorized(crate::tr!("web-error-log-in")));
    }
    let changes_state = matches!(
        *request.method(),
        Method::POST | Method::PUT | Method::PATCH | Method::DELETE
    );
    // The login form proves itself with the token, an offer's accept form with the link's
    // token; everything else needs the CSRF header.
    let accept_form = offer_link && crate::share::is_accept_form(path);
    if changes_state && !bearer && !login_page && !accept_form {
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
fn log_unreachable(error: &trekant_store::StoreError) {
    eprintln!("trekant serve: the database: {error}");
}
