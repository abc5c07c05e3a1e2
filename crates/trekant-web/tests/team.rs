//! Team mode (`serve --db postgres://…`): no team data without a live session, and each
//! person's history is their own. Needs `TREKANT_TEST_DATABASE_URL`; skipped without it.

use axum::body::Body;
use axum::http::StatusCode;
use serde_json::json;

use super::TeamFixture;

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn nothing_of_the_team_without_a_live_session() {
    let Some(team) = TeamFixture::new("nothing_of_the_team_without_a_live_session") else {
        return;
    };
    let f = &team.fixture;
    for uri in [
        "/api/briefs",
        "/api/history",
        "/api/briefs/kaffe-nord.toml",
        "/api/session",
        "/api/people",
    ] {
        let (status, answer) = f
            .json(f.request("GET", uri).body(Body::empty()).unwrap())
            .await;
        assert_eq!(status, StatusCode::UNAUTHORIZED, "{uri}: {answer}");
        let (status, _) = f
            .json(
                team.request("GET", uri, "not-a-session")
                    .body(Body::empty())
                    .unwrap(),
            )
            .await;
        assert_eq!(
            status,
            StatusCode::UNAUTHORIZED,
            "{uri} with a made-up token"
        );
        let (status, answer) = f
            .json(
                team.request("GET", uri, &team.member_token)
                    .body(Body::empty())
                    .unwrap(),
            )
            .await;
        assert_eq!(status, StatusCode::OK, "{uri}: {answer}");
    }
    // An ended session lets nobody in.
    assert!(team.pg.end_session(&team.member_token).unwrap());
    let (status, _) = f
        .json(
            team.request("GET", "/api/briefs", &team.member_token)
                .body(Body::empty())
                .unwrap(),
        )
        .await;
    assert_eq!(status, StatusCode::UNAUTHORIZED);
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn each_person_records_into_their_own_history() {
    let Some(team) = TeamFixture::new("each_person_records_into_their_own_history") else {
        return;
    };
    let f = &team.fixture;
    let (status, answer) = f
        .json(
            team.request(
                "POST",
                "/api/briefs/kaffe-nord.toml/accept",
                &team.owner_token,
            )
            .header("content-type", "application/json")
            .body(Body::from(
                json!({"option": "full-scope-normal-pace", "trials": 2000}).to_string(),
            ))
            .unwrap(),
        )
        .await;
    assert_eq!(status, StatusCode::CREATED, "{answer}");
    let projects = |token: &str| {
        let request = team
            .request("GET", "/api/history", token)
            .body(Body::empty())
            .unwrap();
        async move {
            let (status, answer) = f.json(request).await;
            assert_eq!(status, StatusCode::OK, "{answer}");
            answer["projects"].as_array().unwrap().len()
        }
    };
    assert_eq!(projects(&team.owner_token).await, 1);
    assert_eq!(projects(&team.member_token).await, 0);
    // The rows carry the owner's user id.
    let own = team.pg.for_owner(&team.owner.owner()).unwrap();
    assert_eq!(
        trekant_store::Store::open_projects(&own).unwrap(),
        vec!["Webshop for Kaffe Nord".to_owned()]
    );
}
