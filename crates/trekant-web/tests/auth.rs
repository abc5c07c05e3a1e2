//! Logging in to a team server and managing its people: the JSON login and the form, the
//! same answer for a wrong password and an unknown address, the limit on failed logins, the
//! session's CSRF value, logout, expiry, and owners against members. Needs
//! `TREKANT_TEST_DATABASE_URL`; skipped without it.

use std::net::SocketAddr;
use std::time::Duration;

use axum::Router;
use axum::body::Body;
use axum::extract::ConnectInfo;
use axum::http::{Request, Response, StatusCode, header};
use http_body_util::BodyExt;
use serde_json::{Value, json};
use tower::ServiceExt;
use trekant_web::{AppState, Config, app, team::Team};

use super::{Fixture, LOOPBACK, TeamFixture};

const PASSWORD: &str = "correct horse battery staple";

/// Another `serve` process of the same team (the same database), its team settings changed
/// by `change`.
fn another_process(team: &TeamFixture, change: impl FnOnce(&mut Team)) -> Router {
    let mut config = Config::new(
        team.fixture.dir.path().to_path_buf(),
        LOOPBACK.parse().unwrap(),
        None,
    )
    .with_team(team.pg.clone());
    change(config.team.as_mut().unwrap());
    app(AppState::new(&config).unwrap())
}

async fn send(app: &Router, request: Request<Body>) -> (StatusCode, Response<Body>) {
    let response = app.clone().oneshot(request).await.unwrap();
    (response.status(), response)
}

async fn body(response: Response<Body>) -> String {
    let bytes = response.into_body().collect().await.unwrap().to_bytes();
    String::from_utf8_lossy(&bytes).into_owned()
}

async fn json_of(app: &Router, request: Request<Body>) -> (StatusCode, Value) {
    let (status, response) = send(app, request).await;
    let text = body(response).await;
    (
        status,
        serde_json::from_str(&text).unwrap_or(Value::String(text)),
    )
}

fn plain(method: &str, uri: &str) -> axum::http::request::Builder {
    Request::builder()
        .method(method)
        .uri(uri)
        .header("host", LOOPBACK)
}

/// A browser's request: the session cookie, no bearer token.
fn with_cookie(method: &str, uri: &str, token: &str) -> axum::http::request::Builder {
    plain(method, uri).header("cookie", format!("trekant_session={token}"))
}

fn login_json(email: &str, password: &str) -> Request<Body> {
    plain("POST", "/api/login")
        .header("content-type", "application/json")
        .body(Body::from(
            json!({"email": email, "password": password}).to_string(),
        ))
        .unwrap()
}

fn login_form() -> axum::http::request::Builder {
    plain("POST", "/login").header("content-type", "application/x-www-form-urlencoded")
}

fn form_body(pairs: &[(&str, &str)]) -> Body {
    let text: Vec<String> = pairs
        .iter()
        .map(|(k, v)| format!("{k}={}", v.replace('@', "%40").replace(' ', "+")))
        .collect();
    Body::from(text.join("&"))
}

/// The session cookie's value from a `Set-Cookie`, and the whole header.
fn session_cookie(response: &Response<Body>) -> (String, String) {
    let set = response
        .headers()
        .get(header::SET_COOKIE)
        .expect("a Set-Cookie")
        .to_str()
        .unwrap()
        .to_owned();
    let value = set
        .strip_prefix("trekant_session=")
        .and_then(|rest| rest.split(';').next())
        .unwrap()
        .to_owned();
    (value, set)
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn the_json_login_gives_a_bearer_token_and_the_session_names_the_person() {
    let Some(team) = TeamFixture::new("the_json_login_gives_a_bearer_token") else {
        return;
    };
    let f = &team.fixture;
    // Any case of the address.
    let (status, answer) = f.json(login_json("Lone@Example.dk", PASSWORD)).await;
    assert_eq!(status, StatusCode::OK, "{answer}");
    let token = answer["token"].as_str().unwrap().to_owned();
    assert_eq!(token.len(), 64, "256 bits as hex");
    assert_eq!(answer["user"]["email"], "lone@example.dk");
    assert_eq!(answer["user"]["role"], "owner");
    let expires: jiff::Timestamp = answer["expires"].as_str().unwrap().parse().unwrap();
    let hours = expires.duration_since(jiff::Timestamp::now()).as_secs_f64() / 3600.0;
    assert!(
        (11.9..=12.0).contains(&hours),
        "a session lasts 12 h: {hours}"
    );

    let (status, session) = f
        .json(
            team.request("GET", "/api/session", &token)
                .body(Body::empty())
                .unwrap(),
        )
        .await;
    assert_eq!(status, StatusCode::OK);
    assert_eq!(
        session["user"],
        json!({"id": team.owner.id, "email": "lone@example.dk", "name": "Lone", "role": "owner"})
    );
    assert_eq!(
        session["csrf"],
        trekant_web::security::session_csrf(&token),
        "{session}"
    );
    assert_ne!(session["csrf"], f.csrf, "not the process's secret");
    let (status, _) = f
        .json(
            team.request("GET", "/api/briefs", &token)
                .body(Body::empty())
                .unwrap(),
        )
        .await;
    assert_eq!(status, StatusCode::OK);
    // Bad JSON is a 400, not a login.
    let (status, _) = f
        .json(
            plain("POST", "/api/login")
                .header("content-type", "application/json")
                .body(Body::from("{\"email\": "))
                .unwrap(),
        )
        .await;
    assert_eq!(status, StatusCode::BAD_REQUEST);
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn a_wrong_password_and_an_unknown_address_get_the_same_answer() {
    let Some(team) = TeamFixture::new("a_wrong_password_and_an_unknown_address") else {
        return;
    };
    let f = &team.fixture;
    let wrong = f
        .json(login_json("lone@example.dk", "not her password"))
        .await;
    let unknown = f.json(login_json("nobody@example.dk", PASSWORD)).await;
    assert_eq!(wrong.0, StatusCode::UNAUTHORIZED);
    assert_eq!(wrong, unknown);
    assert_eq!(wrong.1["error"], "Wrong e-mail address or password.");
    let danish = f
        .json({
            let mut request = login_json("nobody@example.dk", PASSWORD);
            request
                .headers_mut()
                .insert("accept-language", "da".parse().unwrap());
            request
        })
        .await;
    assert_eq!(
        danish.1["error"],
        "Forkert e-mailadresse eller adgangskode."
    );
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn too_many_failed_logins_are_refused_even_with_the_right_password() {
    let Some(team) = TeamFixture::new("too_many_failed_logins_are_refused") else {
        return;
    };
    let f = &team.fixture;
    // A right password forgets the address's failures so far.
    for _ in 0..4 {
        let (status, _) = f.json(login_json("lone@example.dk", "guess")).await;
        assert_eq!(status, StatusCode::UNAUTHORIZED);
    }
    let (status, _) = f.json(login_json("lone@example.dk", PASSWORD)).await;
    assert_eq!(status, StatusCode::OK);
    for _ in 0..5 {
        let (status, _) = f.json(login_json("LONE@example.dk", "guess")).await;
        assert_eq!(status, StatusCode::UNAUTHORIZED);
    }
    let (status, response) = f.send(login_json("lone@example.dk", PASSWORD)).await;
    assert_eq!(status, StatusCode::TOO_MANY_REQUESTS);
    let retry: u64 = response.headers()[header::RETRY_AFTER]
        .to_str()
        .unwrap()
        .parse()
        .unwrap();
    assert!((1..=900).contains(&retry), "{retry}");
    let answer: Value = serde_json::from_str(&body(response).await).unwrap();
    assert_eq!(
        answer["error"],
        "Too many failed logins. Try again in 15 minutes."
    );
    // The form is refused the same way, on any process of the team.
    let other = another_process(&team, |_| {});
    let (status, response) = send(
        &other,
        login_form()
            .body(form_body(&[
                ("email", "lone@example.dk"),
                ("password", PASSWORD),
            ]))
            .unwrap(),
    )
    .await;
    assert_eq!(status, StatusCode::TOO_MANY_REQUESTS);
    assert!(response.headers().contains_key(header::RETRY_AFTER));
    assert!(body(response).await.contains("Too many failed logins"));
    // Another person's address is not blocked.
    let (status, _) = f.json(login_json("mads@example.dk", PASSWORD)).await;
    assert_eq!(status, StatusCode::OK);

    // One client address guessing many people's: its own limit.
    let strict = another_process(&team, |team| team.limits.per_address = 3);
    let from = |email: &str, password: &str| {
        let mut request = login_json(email, password);
        request
            .extensions_mut()
            .insert(ConnectInfo(SocketAddr::from(([192, 0, 2, 7], 40000))));
        request
    };
    for email in ["a@example.dk", "b@example.dk", "c@example.dk"] {
        let (status, _) = json_of(&strict, from(email, "guess")).await;
        assert_eq!(status, StatusCode::UNAUTHORIZED);
    }
    let (status, _) = json_of(&strict, from("mads@example.dk", PASSWORD)).await;
    assert_eq!(status, StatusCode::TOO_MANY_REQUESTS);
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn the_login_form_sets_the_session_cookie_and_the_pages_carry_its_csrf() {
    let Some(team) = TeamFixture::new("the_login_form_sets_the_session_cookie") else {
        return;
    };
    let f = &team.fixture;
    let (status, response) = f
        .send(plain("GET", "/login?lang=da").body(Body::empty()).unwrap())
        .await;
    assert_eq!(status, StatusCode::OK);
    let page = body(response).await;
    assert!(page.contains("name=\"email\"") && page.contains("type=\"password\""));
    assert!(page.contains("Adgangskode"), "{page}");

    let (status, response) = f
        .send(
            login_form()
                .body(form_body(&[
                    ("email", "mads@example.dk"),
                    ("password", "x"),
                ]))
                .unwrap(),
        )
        .await;
    assert_eq!(status, StatusCode::UNAUTHORIZED);
    assert!(!response.headers().contains_key(header::SET_COOKIE));
    let page = body(response).await;
    assert!(page.contains("Wrong e-mail address or password."), "{page}");
    assert!(page.contains("value=\"mads@example.dk\""), "kept: {page}");

    let (status, response) = f
        .send(
            login_form()
                .body(form_body(&[
                    ("email", "mads@example.dk"),
                    ("password", PASSWORD),
                ]))
                .unwrap(),
        )
        .await;
    assert_eq!(status, StatusCode::SEE_OTHER);
    assert_eq!(response.headers()[header::LOCATION], "/");
    let (cookie, set) = session_cookie(&response);
    for part in [
        "HttpOnly",
        "SameSite=Strict",
        "Path=/",
        &format!("Max-Age={}", 12 * 3600),
    ] {
        assert!(set.contains(part), "{set}");
    }
    // The page knows who is logged in and carries the session's CSRF value.
    let csrf = trekant_web::security::session_csrf(&cookie);
    let (status, response) = f
        .send(
            with_cookie("GET", "/", &cookie)
                .body(Body::empty())
                .unwrap(),
        )
        .await;
    assert_eq!(status, StatusCode::OK);
    let page = body(response).await;
    assert!(
        page.contains(&format!("<meta name=\"trekant-csrf\" content=\"{csrf}\">")),
        "{page}"
    );
    assert!(page.contains("Logged in as Mads") && page.contains("action=\"/logout\""));
    assert!(
        !page.contains("href=\"/people"),
        "members have no People link"
    );
    // A browser's login from another site is refused.
    let (status, response) = f
        .send(
            login_form()
                .header("sec-fetch-site", "cross-site")
                .body(form_body(&[
                    ("email", "mads@example.dk"),
                    ("password", PASSWORD),
                ]))
                .unwrap(),
        )
        .await;
    assert_eq!(status, StatusCode::FORBIDDEN);
    assert!(!response.headers().contains_key(header::SET_COOKIE));
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn a_page_without_a_session_goes_to_the_login_page() {
    let Some(team) = TeamFixture::new("a_page_without_a_session_goes_to_the_login_page") else {
        return;
    };
    let f = &team.fixture;
    for (uri, to) in [
        ("/", "/login"),
        ("/briefs?lang=da", "/login?lang=da"),
        ("/briefs/kaffe-nord.toml", "/login"),
        ("/people", "/login"),
    ] {
        let (status, response) = f.send(plain("GET", uri).body(Body::empty()).unwrap()).await;
        assert_eq!(status, StatusCode::SEE_OTHER, "{uri}");
        assert_eq!(response.headers()[header::LOCATION], to, "{uri}");
    }
    // The API answers 401 in JSON; a stale cookie is cleared on the way to the login page.
    let (status, answer) = f
        .json(plain("GET", "/api/briefs").body(Body::empty()).unwrap())
        .await;
    assert_eq!(status, StatusCode::UNAUTHORIZED);
    assert!(answer["error"].as_str().unwrap().contains("/login"));
    let (status, response) = f
        .send(
            with_cookie("GET", "/briefs", "0123456789abcdef")
                .body(Body::empty())
                .unwrap(),
        )
        .await;
    assert_eq!(status, StatusCode::SEE_OTHER);
    let (value, set) = session_cookie(&response);
    assert!(value.is_empty() && set.contains("Max-Age=0"), "{set}");
    // The login page and the assets need no session.
    for uri in ["/login", "/assets/app.css"] {
        let (status, _) = f.send(plain("GET", uri).body(Body::empty()).unwrap()).await;
        assert_eq!(status, StatusCode::OK, "{uri}");
    }
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn cookie_requests_that_change_state_carry_the_sessions_csrf() {
    let Some(team) = TeamFixture::new("cookie_requests_that_change_state_carry_csrf") else {
        return;
    };
    let f = &team.fixture;
    let review = |builder: axum::http::request::Builder| {
        builder
            .header("content-type", "text/plain")
            .body(Body::from("We need a simple webshop ASAP."))
            .unwrap()
    };
    let cookie = &team.member_token;
    let (status, answer) = f
        .json(review(with_cookie("POST", "/api/review", cookie)))
        .await;
    assert_eq!(status, StatusCode::FORBIDDEN, "{answer}");
    // Neither the process's value nor another session's will do.
    for wrong in [
        f.csrf.clone(),
        trekant_web::security::session_csrf(&team.owner_token),
    ] {
        let (status, _) = f
            .json(review(
                with_cookie("POST", "/api/review", cookie).header("x-trekant-csrf", wrong),
            ))
            .await;
        assert_eq!(status, StatusCode::FORBIDDEN);
    }
    let (_, session) = f
        .json(
            with_cookie("GET", "/api/session", cookie)
                .body(Body::empty())
                .unwrap(),
        )
        .await;
    let csrf = session["csrf"].as_str().unwrap().to_owned();
    let (status, answer) = f
        .json(review(
            with_cookie("POST", "/api/review", cookie).header("x-trekant-csrf", &csrf),
        ))
        .await;
    assert_eq!(status, StatusCode::OK, "{answer}");
    // The value is the session's, not the process's: another process takes it.
    let other = another_process(&team, |_| {});
    let (status, answer) = json_of(
        &other,
        review(with_cookie("POST", "/api/review", cookie).header("x-trekant-csrf", &csrf)),
    )
    .await;
    assert_eq!(status, StatusCode::OK, "{answer}");
    // A bearer request needs none.
    let (status, _) = f
        .json(review(team.request("POST", "/api/review", cookie)))
        .await;
    assert_eq!(status, StatusCode::OK);
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn logging_out_ends_the_session() {
    let Some(team) = TeamFixture::new("logging_out_ends_the_session") else {
        return;
    };
    let f = &team.fixture;
    // An API client's bearer token.
    let (status, response) = f
        .send(
            team.request("POST", "/api/logout", &team.member_token)
                .body(Body::empty())
                .unwrap(),
        )
        .await;
    assert_eq!(status, StatusCode::NO_CONTENT);
    assert!(session_cookie(&response).1.contains("Max-Age=0"));
    let (status, _) = f
        .json(
            team.request("GET", "/api/briefs", &team.member_token)
                .body(Body::empty())
                .unwrap(),
        )
        .await;
    assert_eq!(status, StatusCode::UNAUTHORIZED);

    // A browser's nav button: a form with the session's CSRF value.
    let cookie = &team.owner_token;
    let (status, _) = f
        .send(
            with_cookie("POST", "/logout", cookie)
                .header("content-type", "application/x-www-form-urlencoded")
                .body(form_body(&[("csrf", "forged")]))
                .unwrap(),
        )
        .await;
    assert_eq!(status, StatusCode::FORBIDDEN, "no logout without the CSRF");
    let csrf = trekant_web::security::session_csrf(cookie);
    let (status, response) = f
        .send(
            with_cookie("POST", "/logout", cookie)
                .header("content-type", "application/x-www-form-urlencoded")
                .body(form_body(&[("csrf", &csrf)]))
                .unwrap(),
        )
        .await;
    assert_eq!(status, StatusCode::SEE_OTHER);
    assert_eq!(response.headers()[header::LOCATION], "/login");
    assert!(session_cookie(&response).1.contains("Max-Age=0"));
    let (status, response) = f
        .send(with_cookie("GET", "/", cookie).body(Body::empty()).unwrap())
        .await;
    assert_eq!(status, StatusCode::SEE_OTHER);
    assert_eq!(response.headers()[header::LOCATION], "/login");
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn an_expired_session_is_refused() {
    let Some(team) = TeamFixture::new("an_expired_session_is_refused") else {
        return;
    };
    // A server whose sessions end as they begin.
    let short = another_process(&team, |team| team.session_life = Duration::ZERO);
    let (status, answer) = json_of(&short, login_json("mads@example.dk", PASSWORD)).await;
    assert_eq!(status, StatusCode::OK, "{answer}");
    let token = answer["token"].as_str().unwrap();
    let (status, answer) = json_of(
        &short,
        team.request("GET", "/api/briefs", token)
            .body(Body::empty())
            .unwrap(),
    )
    .await;
    assert_eq!(status, StatusCode::UNAUTHORIZED, "{answer}");
    assert!(answer["error"].as_str().unwrap().contains("log in again"));
    let (status, response) = send(
        &short,
        with_cookie("GET", "/briefs", token)
            .body(Body::empty())
            .unwrap(),
    )
    .await;
    assert_eq!(status, StatusCode::SEE_OTHER);
    assert_eq!(response.headers()[header::LOCATION], "/login");
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn owners_manage_people_and_members_cannot() {
    let Some(team) = TeamFixture::new("owners_manage_people_and_members_cannot") else {
        return;
    };
    let f = &team.fixture;
    let (status, people) = f
        .json(
            team.request("GET", "/api/people", &team.member_token)
                .body(Body::empty())
                .unwrap(),
        )
        .await;
    assert_eq!(status, StatusCode::OK);
    let emails: Vec<&str> = people
        .as_array()
        .unwrap()
        .iter()
        .map(|p| p["email"].as_str().unwrap())
        .collect();
    assert_eq!(emails, ["lone@example.dk", "mads@example.dk"]);

    let new_person = |token: &str, body: Value| {
        team.request("POST", "/api/people", token)
            .header("content-type", "application/json")
            .body(Body::from(body.to_string()))
            .unwrap()
    };
    let sofie = json!({"email": "sofie@example.dk", "name": "Sofie", "role": "member"});
    let (status, answer) = f.json(new_person(&team.member_token, sofie.clone())).await;
    assert_eq!(status, StatusCode::FORBIDDEN);
    assert_eq!(
        answer["error"],
        "Only the team's owners can add and remove people."
    );
    let remove = |token: &str, id: &str| {
        team.request("DELETE", &format!("/api/people/{id}"), token)
            .body(Body::empty())
            .unwrap()
    };
    let (status, _) = f
        .json(remove(&team.member_token, &team.owner.id.to_string()))
        .await;
    assert_eq!(status, StatusCode::FORBIDDEN);

    // An owner adds a person; the generated password is shown once and works.
    let (status, added) = f.json(new_person(&team.owner_token, sofie.clone())).await;
    assert_eq!(status, StatusCode::CREATED, "{added}");
    assert_eq!(added["user"]["email"], "sofie@example.dk");
    assert_eq!(added["user"]["role"], "member");
    let password = added["password"].as_str().unwrap();
    assert_eq!(password.len(), 20);
    let (status, login) = f.json(login_json("sofie@example.dk", password)).await;
    assert_eq!(status, StatusCode::OK);
    let sofie_token = login["token"].as_str().unwrap().to_owned();
    let (status, _) = f.json(new_person(&team.owner_token, sofie)).await;
    assert_eq!(status, StatusCode::CONFLICT, "the address is taken");
    let (status, answer) = f
        .json(new_person(
            &team.owner_token,
            json!({"email": "x@example.dk", "name": "X", "role": "boss"}),
        ))
        .await;
    assert_eq!(status, StatusCode::UNPROCESSABLE_ENTITY, "{answer}");

    // Removing a person ends their sessions.
    let id = added["user"]["id"].to_string();
    let (status, _) = f.json(remove(&team.owner_token, &id)).await;
    assert_eq!(status, StatusCode::NO_CONTENT);
    let (status, _) = f
        .json(
            team.request("GET", "/api/briefs", &sofie_token)
                .body(Body::empty())
                .unwrap(),
        )
        .await;
    assert_eq!(status, StatusCode::UNAUTHORIZED);
    let (status, _) = f.json(remove(&team.owner_token, &id)).await;
    assert_eq!(status, StatusCode::NOT_FOUND);
    let (status, _) = f.json(remove(&team.owner_token, "not-a-number")).await;
    assert_eq!(status, StatusCode::NOT_FOUND);
    // Never the last owner.
    let (status, answer) = f
        .json(remove(&team.owner_token, &team.owner.id.to_string()))
        .await;
    assert_eq!(status, StatusCode::CONFLICT);
    assert!(
        answer["error"]
            .as_str()
            .unwrap()
            .contains("Lone is the team's only owner")
    );
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn the_people_page_lets_owners_add_and_remove_with_its_forms() {
    let Some(team) = TeamFixture::new("the_people_page_lets_owners_add_and_remove") else {
        return;
    };
    let f = &team.fixture;
    let owner = &team.owner_token;
    let csrf = trekant_web::security::session_csrf(owner);
    let (status, response) = f
        .send(with_cookie("GET", "/", owner).body(Body::empty()).unwrap())
        .await;
    assert_eq!(status, StatusCode::OK);
    assert!(body(response).await.contains("href=\"/people\""));
    let (status, response) = f
        .send(
            with_cookie("GET", "/people?lang=da", owner)
                .body(Body::empty())
                .unwrap(),
        )
        .await;
    assert_eq!(status, StatusCode::OK);
    let page = body(response).await;
    assert!(page.contains("Personer") && page.contains("mads@example.dk"));
    assert!(page.contains("action=\"/people?lang=da\""), "{page}");

    let add = |pairs: &[(&str, &str)]| {
        with_cookie("POST", "/people", owner)
            .header("content-type", "application/x-www-form-urlencoded")
            .body(form_body(pairs))
            .unwrap()
    };
    let (status, _) = f
        .send(add(&[("email", "ida@example.dk"), ("name", "Ida")]))
        .await;
    assert_eq!(status, StatusCode::FORBIDDEN, "the form carries the CSRF");
    let (status, response) = f
        .send(add(&[
            ("csrf", &csrf),
            ("email", "ida@example.dk"),
            ("name", "Ida"),
            ("role", "owner"),
        ]))
        .await;
    assert_eq!(status, StatusCode::CREATED);
    let page = body(response).await;
    assert!(page.contains("Ida has been added"), "{page}");
    let ida = team
        .pg
        .users()
        .unwrap()
        .into_iter()
        .find(|u| u.email == "ida@example.dk")
        .unwrap();
    assert_eq!(ida.role, trekant_store::Role::Owner);
    let (status, response) = f
        .send(
            with_cookie("POST", &format!("/people/{}/delete", ida.id), owner)
                .header("content-type", "application/x-www-form-urlencoded")
                .body(form_body(&[("csrf", &csrf)]))
                .unwrap(),
        )
        .await;
    assert_eq!(status, StatusCode::OK);
    assert!(body(response).await.contains("Ida has been removed"));

    // A member sees who is on the team, without the forms.
    let (status, response) = f
        .send(
            with_cookie("GET", "/people", &team.member_token)
                .body(Body::empty())
                .unwrap(),
        )
        .await;
    assert_eq!(status, StatusCode::OK);
    let page = body(response).await;
    assert!(page.contains("lone@example.dk") && !page.contains("action=\"/people"));
    let member_csrf = trekant_web::security::session_csrf(&team.member_token);
    let (status, _) = f
        .send(
            with_cookie("POST", "/people", &team.member_token)
                .header("content-type", "application/x-www-form-urlencoded")
                .body(form_body(&[
                    ("csrf", &member_csrf),
                    ("email", "eve@example.dk"),
                    ("name", "Eve"),
                ]))
                .unwrap(),
        )
        .await;
    assert_eq!(status, StatusCode::FORBIDDEN);
}

#[tokio::test]
async fn the_local_app_keeps_its_session_and_has_no_people() {
    let f = Fixture::local();
    let (status, answer) = f
        .json(
            f.request("GET", "/api/session")
                .body(Body::empty())
                .unwrap(),
        )
        .await;
    assert_eq!(status, StatusCode::OK);
    assert_eq!(answer, json!({"csrf": f.csrf}));
    for (method, uri) in [
        ("POST", "/api/login"),
        ("GET", "/api/people"),
        ("POST", "/api/logout"),
    ] {
        let (status, answer) = f
            .json(
                f.request(method, uri)
                    .header("content-type", "application/json")
                    .body(Body::from("{\"email\":\"a@b.c\",\"password\":\"x\"}"))
                    .unwrap(),
            )
            .await;
        assert_eq!(status, StatusCode::NOT_FOUND, "{uri}: {answer}");
    }
}
