//! A team server's briefs live in the database: the same JSON API as a folder's, every save a
//! version by the person who made it, the same If-Match rule (412 with the current tag), and
//! `GET /api/briefs/{name}/versions`. A folder (the local app) keeps no versions: 409. The
//! team tests need `TREKANT_TEST_DATABASE_URL` and are skipped without it.

use axum::body::Body;
use axum::http::StatusCode;
use http_body_util::BodyExt;
use serde_json::{Value, json};
use tower::ServiceExt;

use super::{Fixture, TeamFixture};

impl TeamFixture {
    async fn get(&self, uri: &str, token: &str) -> (StatusCode, Value) {
        self.fixture
            .json(self.request("GET", uri, token).body(Body::empty()).unwrap())
            .await
    }

    async fn put(&self, name: &str, text: &str, etag: &str, token: &str) -> (StatusCode, Value) {
        self.fixture
            .json(
                self.request("PUT", &format!("/api/briefs/{name}"), token)
                    .header("if-match", etag)
                    .body(Body::from(text.to_owned()))
                    .unwrap(),
            )
            .await
    }
}

fn authors(versions: &Value) -> Vec<(u64, Value)> {
    versions
        .as_array()
        .unwrap()
        .iter()
        .map(|v| (v["version"].as_u64().unwrap(), v["author"].clone()))
        .collect()
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn a_team_servers_briefs_are_created_read_and_saved_in_the_database() {
    let Some(team) = TeamFixture::new("a_team_servers_briefs_are_in_the_database") else {
        return;
    };
    let f = &team.fixture;
    let (status, list) = team.get("/api/briefs", &team.member_token).await;
    assert_eq!(status, StatusCode::OK, "{list}");
    let names: Vec<&str> = list
        .as_array()
        .unwrap()
        .iter()
        .map(|b| b["name"].as_str().unwrap())
        .collect();
    assert_eq!(names, ["harbour-physio.toml", "kaffe-nord.toml"]);

    // Mads creates a brief: it is in the database, not in the served folder.
    let text = "[project]\nname = \"Ny kunde\"\nlanguage = \"da\"\n";
    let (status, created) = f
        .json(
            team.request("POST", "/api/briefs", &team.member_token)
                .header("content-type", "application/json")
                .body(Body::from(
                    json!({"name": "ny-kunde.toml", "toml": text}).to_string(),
                ))
                .unwrap(),
        )
        .await;
    assert_eq!(status, StatusCode::CREATED, "{created}");
    assert!(!f.dir.path().join("ny-kunde.toml").exists());
    let first = created["etag"].as_str().unwrap().to_owned();
    assert_eq!(first, trekant_web::folder::etag_of(text.as_bytes()));
    assert_eq!(
        team.pg.read_brief("ny-kunde.toml").unwrap().text,
        text,
        "the database holds it"
    );
    let (status, again) = f
        .json(
            team.request("POST", "/api/briefs", &team.owner_token)
                .header("content-type", "application/json")
                .body(Body::from(
                    json!({"name": "ny-kunde.toml", "toml": "x"}).to_string(),
                ))
                .unwrap(),
        )
        .await;
    assert_eq!(status, StatusCode::CONFLICT, "{again}");

    // Lone reads it and saves a change: version 2, by her.
    let (status, read) = team
        .get("/api/briefs/ny-kunde.toml", &team.owner_token)
        .await;
    assert_eq!(status, StatusCode::OK, "{read}");
    assert_eq!(
        (read["toml"].as_str(), read["etag"].as_str()),
        (Some(text), Some(first.as_str()))
    );
    let changed = format!("{text}client = \"Ny ApS\"\n");
    let (status, saved) = team
        .put("ny-kunde.toml", &changed, &first, &team.owner_token)
        .await;
    assert_eq!(status, StatusCode::OK, "{saved}");
    assert!(saved["review"].is_object());

    let (status, versions) = team
        .get("/api/briefs/ny-kunde.toml/versions", &team.member_token)
        .await;
    assert_eq!(status, StatusCode::OK, "{versions}");
    assert_eq!(authors(&versions), [(1, json!("Mads")), (2, json!("Lone"))]);
    let newest = &versions[1];
    assert_eq!(newest["etag"], saved["etag"]);
    assert_eq!(newest["author_email"], "lone@example.dk");
    let when: jiff::Timestamp = newest["saved"].as_str().unwrap().parse().unwrap();
    assert!(when <= jiff::Timestamp::now());
    let (status, one) = team
        .get("/api/briefs/ny-kunde.toml/versions/1", &team.member_token)
        .await;
    assert_eq!(status, StatusCode::OK, "{one}");
    assert_eq!(
        (one["toml"].as_str(), one["author"].as_str()),
        (Some(text), Some("Mads"))
    );
    for uri in [
        "/api/briefs/ny-kunde.toml/versions/3",
        "/api/briefs/ny-kunde.toml/versions/x",
        "/api/briefs/findes-ikke.toml/versions",
        "/api/briefs/findes-ikke.toml",
    ] {
        let (status, answer) = team.get(uri, &team.member_token).await;
        assert_eq!(status, StatusCode::NOT_FOUND, "{uri}: {answer}");
        assert!(answer["error"].is_string(), "{answer}");
    }
    let (status, _) = team
        .get("/api/briefs/..%2Fx.toml/versions", &team.member_token)
        .await;
    assert_eq!(status, StatusCode::BAD_REQUEST);
    // Without a session, nothing.
    let (status, _) = f
        .json(
            f.request("GET", "/api/briefs/ny-kunde.toml/versions")
                .body(Body::empty())
                .unwrap(),
        )
        .await;
    assert_eq!(status, StatusCode::UNAUTHORIZED);

    // The pages and the simulations read the database's text too.
    let (status, page) = f
        .send(
            team.request("GET", "/briefs/kaffe-nord.toml", &team.member_token)
                .body(Body::empty())
                .unwrap(),
        )
        .await;
    assert_eq!(status, StatusCode::OK, "{page:?}");
    let (status, estimate) = f
        .json(
            team.request(
                "POST",
                "/api/briefs/kaffe-nord.toml/estimate",
                &team.member_token,
            )
            .header("content-type", "application/json")
            .body(Body::from(json!({"trials": 2000}).to_string()))
            .unwrap(),
        )
        .await;
    assert_eq!(status, StatusCode::OK, "{estimate}");
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn two_people_saving_from_the_same_version_one_gets_412_with_the_current_etag() {
    let Some(team) = TeamFixture::new("two_people_saving_from_the_same_version") else {
        return;
    };
    let name = "kaffe-nord.toml";
    let (_, read) = team
        .get(&format!("/api/briefs/{name}"), &team.owner_token)
        .await;
    let text = read["toml"].as_str().unwrap().to_owned();
    let etag = read["etag"].as_str().unwrap().to_owned();

    // One after the other: the second, still on version 1, gets 412 and the current tag.
    let (status, lone) = team
        .put(name, &format!("{text}# Lone\n"), &etag, &team.owner_token)
        .await;
    assert_eq!(status, StatusCode::OK, "{lone}");
    let (status, mads) = team
        .put(name, &format!("{text}# Mads\n"), &etag, &team.member_token)
        .await;
    assert_eq!(status, StatusCode::PRECONDITION_FAILED, "{mads}");
    assert_eq!(mads["etag"], lone["etag"]);
    assert!(mads["error"].as_str().unwrap().contains(name), "{mads}");
    // A field-by-field change from the old version is refused the same way.
    let (status, patched) = team
        .fixture
        .json(
            team.request("PATCH", &format!("/api/briefs/{name}"), &team.member_token)
                .header("if-match", &etag)
                .header("content-type", "application/json")
                .body(Body::from(
                    json!({"set": {"project.client": "Nord"}}).to_string(),
                ))
                .unwrap(),
        )
        .await;
    assert_eq!(status, StatusCode::PRECONDITION_FAILED, "{patched}");
    assert_eq!(patched["etag"], lone["etag"]);

    // At the same moment, from the same version: exactly one wins. Each request is a task
    // of its own, so both run at once on the runtime's two threads.
    let current = lone["etag"].as_str().unwrap().to_owned();
    let send = |text: String, token: &str| {
        let request = team
            .request("PUT", &format!("/api/briefs/{name}"), token)
            .header("if-match", &current)
            .body(Body::from(text))
            .unwrap();
        let app = team.fixture.app.clone();
        tokio::spawn(async move {
            let response = app.oneshot(request).await.unwrap();
            let status = response.status();
            let bytes = response.into_body().collect().await.unwrap().to_bytes();
            (status, serde_json::from_slice::<Value>(&bytes).unwrap())
        })
    };
    let (a, b) = (
        send(format!("{text}# Lone 2\n"), &team.owner_token),
        send(format!("{text}# Mads 2\n"), &team.member_token),
    );
    let (a, b) = (a.await.unwrap(), b.await.unwrap());
    let mut statuses = [a.0, b.0];
    statuses.sort();
    assert_eq!(
        statuses,
        [StatusCode::OK, StatusCode::PRECONDITION_FAILED],
        "{a:?} {b:?}"
    );
    let (winner, loser) = if a.0 == StatusCode::OK {
        (a, b)
    } else {
        (b, a)
    };
    assert_eq!(loser.1["etag"], winner.1["etag"]);

    let (_, versions) = team
        .get(&format!("/api/briefs/{name}/versions"), &team.owner_token)
        .await;
    let who = authors(&versions);
    assert_eq!(who.len(), 3, "{versions}");
    // Version 1 came from the folder's import, without a person.
    assert_eq!(who[0], (1, Value::Null));
    assert_eq!(who[1], (2, json!("Lone")));
    assert_eq!(versions[2]["etag"], winner.1["etag"]);
}

#[tokio::test]
async fn a_folder_keeps_no_versions_and_says_so() {
    let f = Fixture::local();
    let (status, answer) = f
        .json(
            f.request("GET", "/api/briefs/kaffe-nord.toml/versions")
                .body(Body::empty())
                .unwrap(),
        )
        .await;
    assert_eq!(status, StatusCode::CONFLICT, "{answer}");
    assert!(
        answer["error"].as_str().unwrap().contains("team server"),
        "{answer}"
    );
    let (status, _) = f
        .json(
            f.request("GET", "/api/briefs/findes-ikke.toml/versions")
                .body(Body::empty())
                .unwrap(),
        )
        .await;
    assert_eq!(status, StatusCode::NOT_FOUND);
}
