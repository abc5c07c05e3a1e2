//! Logging in to a team server (`trekant serve --db postgres://…`), and its people:
//!
//! | request | answer |
//! |---|---|
//! | `GET /api/session` | `{"csrf"}`; on a team server `{"csrf", "user": {"id", "email", "name", "role"}}` |
//! | `POST /api/login` | `{"email", "password"}` → `{"token", "expires", "user"}`: a bearer token for API clients; 401 when wrong, 429 with `Retry-After` after too many failures |
//! | `POST /api/logout` | ends the request's session (bearer or cookie), clears the cookie → 204 |
//! | `GET`/`POST /login` | the login page; a right password sets the session cookie and goes to `/` |
//! | `POST /logout` | the nav's button (a form with the `csrf` field): as `/api/logout`, then the login page |
//! | `GET /api/people` | everyone: `[{"id", "email", "name", "role"}]` |
//! | `POST /api/people` | `{"email", "name", "role"}` → 201 `{"user", "password"}`, the password generated and shown once (owners only) |
//! | `DELETE /api/people/{id}` | removes a person and ends their sessions → 204 (owners only; never the last owner) |
//! | `GET /people`, `POST /people`, `POST /people/{id}/delete` | the People page and its forms |
//!
//! The session checks themselves are [`crate::security`]'s. Failed logins are counted in the
//! database ([`trekant_store::LoginLimits`]), so every process of the team refuses the same
//! guesser; a wrong e-mail address and a wrong password get the same answer. In the local
//! app, `/login` is the token login it always had and the rest is a 404.

use std::net::SocketAddr;
use std::time::Duration;

use axum::body::Bytes;
use axum::extract::{ConnectInfo, Path, Query, State};
use axum::http::{HeaderMap, HeaderValue, StatusCode, header};
use axum::response::{IntoResponse, Response};
use axum::routing::{delete, get, post};
use axum::{Extension, Form, Json, Router};
use minijinja::context;
use serde::Deserialize;
use serde_json::{Value, json};
use trekant_store::{LoginAttempt, NewUser, PgStore, Removal, Role, StoreError, User};

use crate::AppState;
use crate::error::ApiError;
use crate::pages::{LangQuery, frame, render, ser};
use crate::security::{SESSION_COOKIE, Session, clear_cookie};
use crate::team::Team;

pub fn routes() -> Router<AppState> {
    Router::new()
        .route("/api/session", get(session))
        .route("/api/login", post(api_login))
        .route("/api/logout", post(api_logout))
        .route("/login", get(login_page).post(login_form))
        .route("/logout", post(logout_form))
        .route("/api/people", get(list_people).post(add_person_api))
        .route("/api/people/{id}", delete(remove_person_api))
        .route("/people", get(people_page).post(add_person_form))
        .route("/people/{id}/delete", post(remove_person_form))
}

/// A person as the API shows them.
fn user_json(user: &User) -> Value {
    json!({
        "id": user.id,
        "email": user.email,
        "name": user.name,
        "role": user.role.as_str(),
    })
}

async fn session(
    State(state): State<AppState>,
    session: Option<Extension<Session>>,
) -> Json<Value> {
    Json(match session {
        Some(Extension(session)) => {
            json!({"csrf": session.csrf, "user": user_json(&session.caller.user)})
        }
        None => json!({ "csrf": state.guard.csrf }),
    })
}

/// The team, or a 404 in the local app.
fn team(state: &AppState) -> Result<&Team, ApiError> {
    state
        .team
        .as_ref()
        .ok_or_else(|| ApiError::NotFound(crate::tr!("login-team-only")))
}

/// The request's session; the security layer lets no team request without one past, this is
/// the second lock.
fn logged_in(session: Option<Extension<Session>>) -> Result<Session, ApiError> {
    session
        .map(|Extension(session)| session)
        .ok_or_else(|| ApiError::Unauthorized(crate::tr!("login-needed")))
}

/// The request's session, if its person is an owner; a member gets a 403.
fn owner(session: Option<Extension<Session>>) -> Result<Session, ApiError> {
    let session = logged_in(session)?;
    if session.caller.user.role != Role::Owner {
        return Err(ApiError::Forbidden(crate::tr!("login-owners-only")));
    }
    Ok(session)
}

/// Runs `work` on the team's database on a blocking thread (the store blocks).
async fn db<T: Send + 'static>(
    team: &Team,
    work: impl FnOnce(&PgStore) -> Result<T, StoreError> + Send + 'static,
) -> Result<T, ApiError> {
    let pg = team.pg.clone();
    tokio::task::spawn_blocking(move || work(&pg))
        .await
        .map_err(|error| ApiError::Internal(format!("a database call failed: {error}")))?
        .map_err(store_error)
}

/// A person that cannot be added says why; a database that cannot be asked is a 503 (and
/// the operator's log says why).
fn store_error(error: StoreError) -> ApiError {
    let text = || {
        error
            .catalog()
            .map_or_else(|| error.to_string(), |m| m.render(crate::lang::current()))
    };
    match &error {
        StoreError::UserExists(_) => ApiError::Conflict(text()),
        StoreError::BadEmail(_) | StoreError::ShortPassword { .. } => {
            ApiError::unprocessable(text())
        }
        _ => {
            crate::security::log_unreachable(&error);
            ApiError::Busy(crate::tr!("web-error-database"))
        }
    }
}

/// What a login came to.
enum Outcome {
    In {
        token: String,
        expires: jiff::Timestamp,
        user: User,
    },
    /// A wrong password or an unknown e-mail address: the same answer.
    Wrong,
    Blocked(Duration),
}

/// Checks an e-mail address and password, counting the attempt against the limits first:
/// once they are used up, even the right password is refused until the window passes.
async fn log_in(
    team: &Team,
    email: String,
    password: String,
    address: Option<String>,
) -> Result<Outcome, ApiError> {
    let limits = team.limits;
    let life = team.session_life;
    db(team, move |pg| {
        if let LoginAttempt::Blocked { retry_after } =
            pg.begin_login(&email, address.as_deref(), &limits)?
        {
            return Ok(Outcome::Blocked(retry_after));
        }
        let Some(user) = pg.verify_password(&email, &password)? else {
            return Ok(Outcome::Wrong);
        };
        pg.login_succeeded(&email)?;
        let (token, expires) = pg.create_session(user.id, life)?;
        Ok(Outcome::In {
            token,
            expires,
            user,
        })
    })
    .await
}

/// The client's address, for the limit per address: the socket's peer (`serve` gives it).
/// Without one (a test's request, or an app served some other way) only the e-mail
/// address's limit applies.
fn client_address(connect: Option<Extension<ConnectInfo<SocketAddr>>>) -> Option<String> {
    connect.map(|Extension(ConnectInfo(address))| address.ip().to_string())
}

/// The 429 of a blocked login, with `Retry-After` in seconds.
fn too_many(retry_after: Duration, body: impl IntoResponse) -> Response {
    let mut response = (StatusCode::TOO_MANY_REQUESTS, body).into_response();
    response.headers_mut().insert(
        header::RETRY_AFTER,
        HeaderValue::from(retry_after.as_secs()),
    );
    response
}

fn blocked_text(retry_after: Duration) -> String {
    let minutes = retry_after.as_secs().div_ceil(60).max(1);
    crate::tr!("login-blocked", minutes = minutes as f64)
}

#[derive(Deserialize)]
struct Credentials {
    email: String,
    password: String,
}

async fn api_login(
    State(state): State<AppState>,
    connect: Option<Extension<ConnectInfo<SocketAddr>>>,
    body: Bytes,
) -> Result<Response, ApiError> {
    let team = team(&state)?;
    let given: Credentials = crate::api::json_body(&body)?;
    let address = client_address(connect);
    Ok(
        match log_in(team, given.email, given.password, address).await? {
            Outcome::In {
                token,
                expires,
                user,
            } => Json(json!({
                "token": token,
                "expires": expires.to_string(),
                "user": user_json(&user),
            }))
            .into_response(),
            Outcome::Wrong => ApiError::Unauthorized(crate::tr!("login-wrong")).into_response(),
            Outcome::Blocked(retry_after) => too_many(
                retry_after,
                Json(json!({ "error": blocked_text(retry_after) })),
            ),
        },
    )
}

async fn api_logout(
    State(state): State<AppState>,
    session: Option<Extension<Session>>,
) -> Result<Response, ApiError> {
    let team = team(&state)?;
    let session = logged_in(session)?;
    db(team, move |pg| pg.end_session(&session.token)).await?;
    Ok((
        StatusCode::NO_CONTENT,
        [(header::SET_COOKIE, clear_cookie())],
    )
        .into_response())
}

async fn logout_form(
    State(state): State<AppState>,
    session: Option<Extension<Session>>,
) -> Result<Response, ApiError> {
    let team = team(&state)?;
    let session = logged_in(session)?;
    db(team, move |pg| pg.end_session(&session.token)).await?;
    Ok(see_other("/login", Some(clear_cookie())))
}

fn see_other(location: &str, cookie: Option<HeaderValue>) -> Response {
    let mut response = (
        StatusCode::SEE_OTHER,
        [(header::LOCATION, location.to_owned())],
    )
        .into_response();
    if let Some(cookie) = cookie {
        response.headers_mut().insert(header::SET_COOKIE, cookie);
    }
    response
}

/// The login page: a team server's e-mail and password, the local app's token.
async fn login_page(
    State(state): State<AppState>,
    session: Option<Extension<Session>>,
) -> Result<Response, ApiError> {
    if state.team.is_none() {
        return Ok(crate::api::login_page(State(state)).await.into_response());
    }
    if session.is_some() {
        return Ok(see_other("/", None));
    }
    login_html(StatusCode::OK, None, "")
}

fn login_html(
    status: StatusCode,
    problem: Option<&str>,
    email: &str,
) -> Result<Response, ApiError> {
    let lang = crate::lang::current();
    let mut response = render(
        "login.html",
        context! {
            lang => lang.code(), other_lang => lang.pick("en", "da"), problem, email,
        },
    )?;
    *response.status_mut() = status;
    Ok(response)
}

/// Both login forms' fields: the local app's `token`, a team server's `email` and
/// `password`.
#[derive(Deserialize)]
struct LoginFields {
    token: Option<String>,
    email: Option<String>,
    password: Option<String>,
}

async fn login_form(
    State(state): State<AppState>,
    connect: Option<Extension<ConnectInfo<SocketAddr>>>,
    headers: HeaderMap,
    Form(fields): Form<LoginFields>,
) -> Result<Response, ApiError> {
    let Some(team) = &state.team else {
        let form = crate::api::LoginForm {
            token: fields.token.unwrap_or_default(),
        };
        return Ok(crate::api::login(State(state.clone()), Form(form)).await);
    };
    // Another site's page posting its own e-mail and password would log the browser in as
    // someone else (login CSRF); browsers say where a form came from.
    if headers
        .get("sec-fetch-site")
        .is_some_and(|site| site == "cross-site")
    {
        return login_html(
            StatusCode::FORBIDDEN,
            Some(&crate::tr!("login-cross-site")),
            "",
        );
    }
    let email = fields.email.unwrap_or_default();
    let password = fields.password.unwrap_or_default();
    let address = client_address(connect);
    match log_in(team, email.clone(), password, address).await? {
        Outcome::In { token, .. } => {
            let cookie = format!(
                "{SESSION_COOKIE}={token}; HttpOnly; SameSite=Strict; Path=/; Max-Age={}",
                team.session_life.as_secs()
            );
            let cookie = HeaderValue::from_str(&cookie)
                .map_err(|e| ApiError::Internal(format!("a session cookie: {e}")))?;
            Ok(see_other("/", Some(cookie)))
        }
        Outcome::Wrong => login_html(
            StatusCode::UNAUTHORIZED,
            Some(&crate::tr!("login-wrong")),
            &email,
        ),
        Outcome::Blocked(retry_after) => Ok(too_many(
            retry_after,
            login_html(
                StatusCode::TOO_MANY_REQUESTS,
                Some(&blocked_text(retry_after)),
                &email,
            )?,
        )),
    }
}

async fn list_people(
    State(state): State<AppState>,
    session: Option<Extension<Session>>,
) -> Result<Json<Value>, ApiError> {
    let team = team(&state)?;
    logged_in(session)?;
    let people = db(team, PgStore::users).await?;
    Ok(Json(people.iter().map(user_json).collect()))
}

/// A person to add, from the API or the People page's form.
#[derive(Deserialize)]
struct NewPerson {
    email: String,
    name: String,
    /// `owner` or `member` (the default).
    #[serde(default)]
    role: Option<String>,
}

/// Adds a person with a generated password: the person and the password, shown once.
async fn add_person(team: &Team, new: NewPerson) -> Result<(User, String), ApiError> {
    let role = match new.role.as_deref().map(str::trim) {
        None | Some("" | "member") => Role::Member,
        Some("owner") => Role::Owner,
        Some(other) => {
            return Err(ApiError::unprocessable(crate::tr!(
                "login-bad-role",
                role = other
            )));
        }
    };
    if new.name.trim().is_empty() {
        return Err(ApiError::unprocessable(crate::tr!("login-name-needed")));
    }
    db(team, move |pg| {
        let password = trekant_store::generate_password()?;
        let user = pg.add_user(&NewUser {
            email: &new.email,
            name: &new.name,
            role,
            password: &password,
        })?;
        Ok((user, password))
    })
    .await
}

/// Removes the person `id` names, with their sessions; never the last owner.
async fn remove_person(team: &Team, id: &str) -> Result<User, ApiError> {
    let no_such = || ApiError::NotFound(crate::tr!("login-no-person", id = id));
    let number: i64 = id.trim().parse().map_err(|_| no_such())?;
    match db(team, move |pg| pg.remove_user(number)).await? {
        Removal::Removed(user) => Ok(user),
        Removal::NoSuchUser => Err(no_such()),
        Removal::LastOwner(user) => Err(ApiError::Conflict(crate::tr!(
            "login-last-owner",
            name = user.name
        ))),
    }
}

async fn add_person_api(
    State(state): State<AppState>,
    session: Option<Extension<Session>>,
    body: Bytes,
) -> Result<Response, ApiError> {
    let team = team(&state)?;
    owner(session)?;
    let new: NewPerson = crate::api::json_body(&body)?;
    let (user, password) = add_person(team, new).await?;
    Ok((
        StatusCode::CREATED,
        Json(json!({"user": user_json(&user), "password": password})),
    )
        .into_response())
}

async fn remove_person_api(
    State(state): State<AppState>,
    session: Option<Extension<Session>>,
    Path(id): Path<String>,
) -> Result<Response, ApiError> {
    let team = team(&state)?;
    owner(session)?;
    remove_person(team, &id).await?;
    Ok(StatusCode::NO_CONTENT.into_response())
}

/// What the People page says after a form: a new person's password, or what went wrong.
#[derive(Default, serde::Serialize)]
struct Notice {
    added: Option<String>,
    password: Option<String>,
    removed: Option<String>,
    problem: Option<String>,
}

async fn people_page(
    State(state): State<AppState>,
    session: Option<Extension<Session>>,
    Query(query): Query<LangQuery>,
) -> Result<Response, ApiError> {
    people_html(&state, session, &query, StatusCode::OK, Notice::default()).await
}

/// The People page: everyone, and for an owner the forms to add and remove.
async fn people_html(
    state: &AppState,
    session: Option<Extension<Session>>,
    query: &LangQuery,
    status: StatusCode,
    notice: Notice,
) -> Result<Response, ApiError> {
    let team = team(state)?;
    let session = logged_in(session)?;
    let lang = crate::lang::current();
    let people = db(team, PgStore::users).await?;
    let people: Vec<Value> = people
        .iter()
        .map(|user| {
            let mut row = user_json(user);
            row["created"] = json!(trekant_core::format::date(
                user.created
                    .to_zoned_datetime(jiff::tz::TimeZone::system())
                    .date(),
                lang
            ));
            row["you"] = json!(user.id == session.caller.user.id);
            row
        })
        .collect();
    let frame = frame(state, lang, query.chosen().is_some(), "people");
    let mut response = render(
        "people.html",
        context! {
            frame => ser(&frame), lang => lang.code(), people => ser(&people),
            owner => session.caller.user.role == Role::Owner, notice => ser(&notice),
        },
    )?;
    *response.status_mut() = status;
    Ok(response)
}

/// A form's failure, shown on the page with the status the API would answer.
fn problem(error: ApiError) -> (StatusCode, Notice) {
    let text = error.to_string();
    let status = error.into_response().status();
    (
        status,
        Notice {
            problem: Some(text),
            ..Notice::default()
        },
    )
}

async fn add_person_form(
    State(state): State<AppState>,
    session: Option<Extension<Session>>,
    Query(query): Query<LangQuery>,
    Form(new): Form<NewPerson>,
) -> Result<Response, ApiError> {
    let team = team(&state)?;
    let session = Some(Extension(owner(session)?));
    let (status, notice) = match add_person(team, new).await {
        Ok((user, password)) => (
            StatusCode::CREATED,
            Notice {
                added: Some(user.name),
                password: Some(password),
                ..Notice::default()
            },
        ),
        Err(error) => problem(error),
    };
    people_html(&state, session, &query, status, notice).await
}

async fn remove_person_form(
    State(state): State<AppState>,
    session: Option<Extension<Session>>,
    Query(query): Query<LangQuery>,
    Path(id): Path<String>,
) -> Result<Response, ApiError> {
    let team = team(&state)?;
    let session = Some(Extension(owner(session)?));
    let (status, notice) = match remove_person(team, &id).await {
        Ok(user) => (
            StatusCode::OK,
            Notice {
                removed: Some(user.name),
                ..Notice::default()
            },
        ),
        Err(error) => problem(error),
    };
    people_html(&state, session, &query, status, notice).await
}
