//! The security rules: names inside the folder only, Host, token, CSRF and sizes.

use axum::body::Body;
use axum::http::{Request, StatusCode};

use super::{Fixture, LOOPBACK};

#[tokio::test]
async fn names_that_leave_the_folder_are_refused() {
    let f = Fixture::local();
    let outside = f.dir.path().parent().unwrap().join("outside-secret.toml");
    std::fs::write(&outside, "[project]\nname = \"secret\"\n").unwrap();
    #[cfg(unix)]
    std::os::unix::fs::symlink(&outside, f.dir.path().join("link.toml")).unwrap();
    for name in [
        "..%2Foutside-secret.toml",
        "..%5Coutside-secret.toml",
        "%2E%2E%2Foutside-secret.toml",
        "link.toml",
        ".hidden.toml",
        "kaffe-nord.toml%00",
        "kaffe-nord",
    ] {
        let (status, answer) = f
            .json(
                f.request("GET", &format!("/api/briefs/{name}"))
                    .body(Body::empty())
                    .unwrap(),
            )
            .await;
        assert!(
            status == StatusCode::NOT_FOUND || status == StatusCode::BAD_REQUEST,
            "{name}: {status} {answer}"
        );
        assert!(
            !answer.to_string().contains("secret\\\""),
            "{name} leaked: {answer}"
        );
    }
    // Writing through the link is refused too, and the outside file is untouched.
    let (status, _) = f
        .json(
            f.request("PUT", "/api/briefs/link.toml")
                .header("if-match", "*")
                .body(Body::from("overwritten"))
                .unwrap(),
        )
        .await;
    assert!(status == StatusCode::NOT_FOUND || status == StatusCode::BAD_REQUEST);
    assert!(
        std::fs::read_to_string(&outside)
            .unwrap()
            .contains("secret")
    );
    std::fs::remove_file(outside).unwrap();
}

#[tokio::test]
async fn a_foreign_host_is_refused() {
    let f = Fixture::local();
    for host in ["evil.example", "evil.example:7878", ""] {
        let request = Request::builder()
            .uri("/api/briefs")
            .header("host", host)
            .body(Body::empty())
            .unwrap();
        let (status, _) = f.send(request).await;
        assert_eq!(status, StatusCode::FORBIDDEN, "{host}");
    }
    for host in [LOOPBACK, "localhost:7878", "localhost"] {
        let request = Request::builder()
            .uri("/api/session")
            .header("host", host)
            .body(Body::empty())
            .unwrap();
        assert_eq!(f.send(request).await.0, StatusCode::OK, "{host}");
    }
}

#[tokio::test]
async fn state_changes_need_the_csrf_header() {
    let f = Fixture::local();
    let request = Request::builder()
        .method("POST")
        .uri("/api/review")
        .header("host", LOOPBACK)
        .body(Body::from("hello"))
        .unwrap();
    assert_eq!(f.send(request).await.0, StatusCode::FORBIDDEN);
    let request = Request::builder()
        .method("POST")
        .uri("/api/review")
        .header("host", LOOPBACK)
        .header("x-trekant-csrf", "guess")
        .body(Body::from("hello"))
        .unwrap();
    assert_eq!(f.send(request).await.0, StatusCode::FORBIDDEN);
    // The session call hands the value out; with it the request goes through.
    let (_, session) = f
        .json(
            Request::builder()
                .uri("/api/session")
                .header("host", LOOPBACK)
                .body(Body::empty())
                .unwrap(),
        )
        .await;
    let request = Request::builder()
        .method("POST")
        .uri("/api/review")
        .header("host", LOOPBACK)
        .header("x-trekant-csrf", session["csrf"].as_str().unwrap())
        .body(Body::from("hello"))
        .unwrap();
    assert_eq!(f.send(request).await.0, StatusCode::OK);
}

#[tokio::test]
async fn with_a_token_every_request_needs_it_or_a_session() {
    let f = Fixture::with(Some("s3cret-token"), "0.0.0.0:7878");
    let host = "0.0.0.0:7878";
    let plain = Request::builder()
        .uri("/api/briefs")
        .header("host", host)
        .body(Body::empty())
        .unwrap();
    assert_eq!(f.send(plain).await.0, StatusCode::UNAUTHORIZED);
    let wrong = Request::builder()
        .uri("/api/briefs")
        .header("host", host)
        .header("authorization", "Bearer nope")
        .body(Body::empty())
        .unwrap();
    assert_eq!(f.send(wrong).await.0, StatusCode::UNAUTHORIZED);
    // Bearer clients need no CSRF header.
    let bearer = Request::builder()
        .method("POST")
        .uri("/api/review")
        .header("host", host)
        .header("authorization", "Bearer s3cret-token")
        .body(Body::from("hello"))
        .unwrap();
    assert_eq!(f.send(bearer).await.0, StatusCode::OK);
    // The login form sets an HttpOnly, SameSite=Strict session cookie.
    let login = Request::builder()
        .method("POST")
        .uri("/login")
        .header("host", host)
        .header("content-type", "application/x-www-form-urlencoded")
        .body(Body::from("token=s3cret-token"))
        .unwrap();
    let (status, response) = f.send(login).await;
    assert_eq!(status, StatusCode::SEE_OTHER);
    let cookie = response.headers()["set-cookie"]
        .to_str()
        .unwrap()
        .to_owned();
    assert!(
        cookie.contains("HttpOnly") && cookie.contains("SameSite=Strict"),
        "{cookie}"
    );
    let session = cookie.split(';').next().unwrap().to_owned();
    let with_cookie = Request::builder()
        .uri("/api/briefs")
        .header("host", host)
        .header("cookie", &session)
        .body(Body::empty())
        .unwrap();
    assert_eq!(f.send(with_cookie).await.0, StatusCode::OK);
    let bad_login = Request::builder()
        .method("POST")
        .uri("/login")
        .header("host", host)
        .header("content-type", "application/x-www-form-urlencoded")
        .body(Body::from("token=guess"))
        .unwrap();
    assert_eq!(f.send(bad_login).await.0, StatusCode::UNAUTHORIZED);
}

#[tokio::test]
async fn a_public_address_without_a_token_does_not_start() {
    let dir = tempfile::tempdir().unwrap();
    let config = trekant_web::Config::new(
        dir.path().to_path_buf(),
        "0.0.0.0:7878".parse().unwrap(),
        None,
    );
    let error = trekant_web::AppState::new(&config).unwrap_err();
    assert!(error.to_string().contains("--token"), "{error}");
}

#[tokio::test]
async fn bodies_over_a_mebibyte_are_413() {
    let f = Fixture::local();
    let big = "a".repeat(trekant_web::MAX_BODY_BYTES + 1);
    let (status, _) = f
        .send(
            f.request("POST", "/api/review")
                .body(Body::from(big))
                .unwrap(),
        )
        .await;
    assert_eq!(status, StatusCode::PAYLOAD_TOO_LARGE);
}
