//! The accept button and the History API: accepting records the offer and tracks its scope as
//! `trekant accept` does; hours are logged, items marked done and projects closed as `trekant
//! track` does; every value a user typed is checked (422 with the catalog's words), and
//! without a store every route says how to get one (409).

use axum::body::Body;
use axum::http::StatusCode;
use serde_json::{Value, json};

use super::Fixture;

const PROJECT: &str = "Webshop for Kaffe Nord";
const PROJECT_PATH: &str = "Webshop%20for%20Kaffe%20Nord";

async fn post(f: &Fixture, uri: &str, body: Value) -> (StatusCode, Value) {
    f.json(
        f.request("POST", uri)
            .header("content-type", "application/json")
            .body(Body::from(body.to_string()))
            .unwrap(),
    )
    .await
}

async fn get(f: &Fixture, uri: &str) -> (StatusCode, Value) {
    f.json(f.request("GET", uri).body(Body::empty()).unwrap())
        .await
}

async fn accepted() -> Fixture {
    let f = Fixture::with_store();
    let (status, answer) = post(
        &f,
        "/api/briefs/kaffe-nord.toml/accept",
        json!({"option": "full-scope-normal-pace", "trials": 2000}),
    )
    .await;
    assert_eq!(status, StatusCode::CREATED, "{answer}");
    f
}

#[tokio::test]
async fn without_a_store_every_history_route_says_how_to_get_one() {
    let f = Fixture::local();
    for (method, uri) in [
        ("POST", "/api/briefs/kaffe-nord.toml/accept"),
        ("GET", "/api/history"),
        ("GET", "/api/history/x"),
        ("POST", "/api/history/x/log"),
        ("POST", "/api/history/x/done"),
        ("POST", "/api/history/x/close"),
    ] {
        let (status, answer) = f
            .json(f.request(method, uri).body(Body::from("{}")).unwrap())
            .await;
        assert_eq!(status, StatusCode::CONFLICT, "{method} {uri}: {answer}");
        assert!(
            answer["error"].as_str().unwrap().contains("--db FILE"),
            "{answer}"
        );
    }
    let (_, answer) = f
        .json(
            f.request("GET", "/api/history")
                .header("accept-language", "da-DK,da;q=0.9")
                .body(Body::empty())
                .unwrap(),
        )
        .await;
    assert!(
        answer["error"]
            .as_str()
            .unwrap()
            .starts_with("der er ingen historik"),
        "{answer}"
    );
}

#[tokio::test]
async fn accepting_records_the_offer_and_tracks_its_scope_once() {
    let f = Fixture::with_store();
    let year = jiff::ZonedDateTime::now().date().year();
    // The offer previewed carries the number accepting it records.
    let (_, preview) = f
        .json(
            f.request("GET", "/api/briefs/kaffe-nord.toml/proposal.md")
                .body(Body::empty())
                .unwrap(),
        )
        .await;
    let number = format!("{year}-1");
    assert!(
        preview
            .as_str()
            .unwrap()
            .split(|c: char| !(c.is_ascii_alphanumeric() || c == '-'))
            .any(|word| word == number),
        "{preview}"
    );
    let (status, answer) = post(
        &f,
        "/api/briefs/kaffe-nord.toml/accept",
        json!({"option": "full-scope-normal-pace", "trials": 2000}),
    )
    .await;
    assert_eq!(status, StatusCode::CREATED, "{answer}");
    let offer = &answer["offer"];
    assert_eq!(offer["brief"], PROJECT);
    assert_eq!(offer["option"], "full-scope-normal-pace");
    assert_eq!(offer["number"], format!("{year}-1"));
    // The items' prices add up to the total the client accepted.
    let items = offer["items"].as_array().unwrap();
    let sum: f64 = items.iter().map(|i| i["price"].as_f64().unwrap()).sum();
    assert_eq!(sum, offer["total"].as_f64().unwrap());
    assert_eq!(answer["tracked"].as_array().unwrap().len(), items.len());
    assert!(
        answer["message"].as_str().unwrap().contains(PROJECT),
        "{answer}"
    );

    // A second click: already accepted and tracked.
    let (status, again) = post(&f, "/api/briefs/kaffe-nord.toml/accept", json!({})).await;
    assert_eq!(status, StatusCode::CONFLICT, "{again}");
    assert!(
        again["error"].as_str().unwrap().contains(PROJECT),
        "{again}"
    );

    let (status, history) = get(&f, "/api/history").await;
    assert_eq!(status, StatusCode::OK, "{history}");
    assert_eq!(history["offers"].as_array().unwrap().len(), 1);
    assert_eq!(history["calibration"], Value::Null);
    let project = &history["projects"][0];
    // `track status --format json`'s keys.
    let keys: Vec<&str> = project
        .as_object()
        .unwrap()
        .keys()
        .map(String::as_str)
        .collect();
    for key in [
        "project",
        "started",
        "calibrated",
        "tasks",
        "items",
        "logged",
        "likely",
        "crept",
        "plan_p80",
        "forecast_p80",
        "on_track",
        "changes",
    ] {
        assert!(keys.contains(&key), "{key} missing from {keys:?}");
    }
    assert_eq!(project["project"], PROJECT);
    assert_eq!(project["logged"], 0.0);

    let (status, one) = get(&f, &format!("/api/history/{PROJECT_PATH}")).await;
    assert_eq!(status, StatusCode::OK);
    assert_eq!(&one, project);
}

#[tokio::test]
async fn accepting_refuses_bad_values_with_the_catalogs_words() {
    let f = Fixture::with_store();
    let (status, answer) = post(
        &f,
        "/api/briefs/kaffe-nord.toml/accept",
        json!({"option": "full"}),
    )
    .await;
    assert_eq!(status, StatusCode::UNPROCESSABLE_ENTITY);
    assert!(
        answer["error"].as_str().unwrap().contains("recommended"),
        "{answer}"
    );
    let (status, answer) = post(
        &f,
        "/api/briefs/kaffe-nord.toml/accept",
        json!({"date": "1/2/2027"}),
    )
    .await;
    assert_eq!(status, StatusCode::UNPROCESSABLE_ENTITY);
    assert!(answer["error"].as_str().unwrap().contains("YYYY-MM-DD"));
    let (status, _) = post(
        &f,
        "/api/briefs/kaffe-nord.toml/accept",
        json!({"colour": "red"}),
    )
    .await;
    assert_eq!(status, StatusCode::UNPROCESSABLE_ENTITY);
    let (status, _) = f
        .json(
            f.request("POST", "/api/briefs/kaffe-nord.toml/accept")
                .body(Body::from("{not json"))
                .unwrap(),
        )
        .await;
    assert_eq!(status, StatusCode::BAD_REQUEST);
    let (status, _) = post(&f, "/api/briefs/nothing.toml/accept", json!({})).await;
    assert_eq!(status, StatusCode::NOT_FOUND);
    // Nothing was recorded by any of them.
    let (_, history) = get(&f, "/api/history").await;
    assert_eq!(history["offers"], json!([]));
    assert_eq!(history["projects"], json!([]));
}

#[tokio::test]
async fn state_changing_history_requests_need_the_csrf_header() {
    let f = accepted().await;
    for uri in [
        "/api/briefs/harbour-physio.toml/accept".to_owned(),
        format!("/api/history/{PROJECT_PATH}/log"),
        format!("/api/history/{PROJECT_PATH}/done"),
        format!("/api/history/{PROJECT_PATH}/close"),
    ] {
        let request = axum::http::Request::builder()
            .method("POST")
            .uri(&uri)
            .header("host", super::LOOPBACK)
            .body(Body::from("{}"))
            .unwrap();
        let (status, _) = f.send(request).await;
        assert_eq!(status, StatusCode::FORBIDDEN, "{uri}");
    }
}

#[tokio::test]
async fn logging_hours_adds_them_to_the_item_and_checks_every_value() {
    let f = accepted().await;
    let log = format!("/api/history/{PROJECT_PATH}/log");
    let (_, status) = get(&f, &format!("/api/history/{PROJECT_PATH}")).await;
    let item = status["items"][0]["item"].as_str().unwrap().to_owned();

    let (code, answer) = post(
        &f,
        &log,
        json!({"item": item, "hours": 2.5, "note": "kickoff"}),
    )
    .await;
    assert_eq!(code, StatusCode::CREATED, "{answer}");
    assert_eq!(answer["logged"]["hours"], 2.5);
    assert_eq!(answer["status"]["items"][0]["logged"], 2.5);
    assert_eq!(answer["status"]["logged"], 2.5);

    let bad = [
        (json!({"item": item, "hours": 0}), "more than 0"),
        (json!({"item": item, "hours": 25}), "at most 24"),
        (
            json!({"item": item, "hours": 1, "date": "tomorrow"}),
            "YYYY-MM-DD",
        ),
        (
            json!({"item": item, "hours": 1, "date": "2999-01-01"}),
            "after today",
        ),
        (
            json!({"item": item, "hours": 1, "date": "2001-01-01"}),
            "before the project started",
        ),
        (
            json!({"item": format!("{item}x"), "hours": 1}),
            "did you mean",
        ),
    ];
    for (body, says) in bad {
        let (code, answer) = post(&f, &log, body.clone()).await;
        assert_eq!(code, StatusCode::UNPROCESSABLE_ENTITY, "{body}: {answer}");
        assert!(
            answer["error"].as_str().unwrap().contains(says),
            "{body}: {answer}"
        );
    }
    let (code, _) = post(&f, &log, json!({"item": item})).await;
    assert_eq!(code, StatusCode::UNPROCESSABLE_ENTITY);
    let (code, answer) = post(
        &f,
        "/api/history/Nope/log",
        json!({"item": item, "hours": 1}),
    )
    .await;
    assert_eq!(code, StatusCode::NOT_FOUND, "{answer}");
    // Only the one good entry was written.
    let (_, status) = get(&f, &format!("/api/history/{PROJECT_PATH}")).await;
    assert_eq!(status["logged"], 2.5);
}

/// A client that lost the answer sends the log again with the same `Idempotency-Key`: it
/// is logged once and answered as the first time; the key with other hours is a 422.
#[tokio::test]
async fn a_log_sent_again_with_its_idempotency_key_counts_once() {
    let f = accepted().await;
    let log = format!("/api/history/{PROJECT_PATH}/log");
    let (_, status) = get(&f, &format!("/api/history/{PROJECT_PATH}")).await;
    let item = status["items"][0]["item"].as_str().unwrap().to_owned();
    let send = |key: &str, hours: f64| {
        f.request("POST", &log)
            .header("content-type", "application/json")
            .header("idempotency-key", key)
            .body(Body::from(
                json!({"item": item, "hours": hours, "note": "n"}).to_string(),
            ))
            .unwrap()
    };
    let (code, first) = f.send(send("8c1f-a", 2.5)).await;
    assert_eq!(code, StatusCode::CREATED);
    assert!(first.headers().get("idempotent-replayed").is_none());
    let (code, again) = f.send(send("8c1f-a", 2.5)).await;
    assert_eq!(code, StatusCode::CREATED);
    assert_eq!(again.headers()["idempotent-replayed"], "true");
    let (code, answer) = f.json(send("8c1f-a", 2.5)).await;
    assert_eq!(code, StatusCode::CREATED, "{answer}");
    assert_eq!(answer["logged"]["hours"], 2.5);
    assert_eq!(answer["logged"]["note"], "n");
    assert_eq!(answer["status"]["logged"], 2.5);
    let (code, answer) = f.json(send("8c1f-a", 3.0)).await;
    assert_eq!(code, StatusCode::UNPROCESSABLE_ENTITY, "{answer}");
    assert!(
        answer["error"].as_str().unwrap().contains("8c1f-a"),
        "{answer}"
    );
    for bad in ["", "   ", "a key", &"k".repeat(201)] {
        let (code, answer) = f.json(send(bad, 1.0)).await;
        assert_eq!(code, StatusCode::UNPROCESSABLE_ENTITY, "{bad:?}: {answer}");
    }
    // Another key is another entry; the 422s wrote nothing.
    let (code, _) = f.send(send("8c1f-b", 2.5)).await;
    assert_eq!(code, StatusCode::CREATED);
    let (_, status) = get(&f, &format!("/api/history/{PROJECT_PATH}")).await;
    assert_eq!(status["logged"], 5.0);
}

#[tokio::test]
async fn a_project_closes_into_the_history_once_its_items_are_done() {
    let f = accepted().await;
    let base = format!("/api/history/{PROJECT_PATH}");
    let (_, status) = get(&f, &base).await;
    let items: Vec<String> = status["items"]
        .as_array()
        .unwrap()
        .iter()
        .map(|i| i["item"].as_str().unwrap().to_owned())
        .collect();
    for item in &items {
        let (code, answer) = post(
            &f,
            &format!("{base}/log"),
            json!({"item": item, "hours": 3}),
        )
        .await;
        assert_eq!(code, StatusCode::CREATED, "{answer}");
    }
    let (code, answer) = post(&f, &format!("{base}/close"), json!({})).await;
    assert_eq!(code, StatusCode::CONFLICT, "{answer}");
    assert!(
        answer["error"].as_str().unwrap().contains(&items[0]),
        "{answer}"
    );

    let (code, answer) = post(&f, &format!("{base}/done"), json!({"item": items[0]})).await;
    assert_eq!(code, StatusCode::OK, "{answer}");
    assert!(answer["status"]["items"][0]["done"].is_string(), "{answer}");
    let (code, answer) = post(
        &f,
        &format!("{base}/done"),
        json!({"item": items[0], "date": "2999-01-01"}),
    )
    .await;
    assert_eq!(code, StatusCode::UNPROCESSABLE_ENTITY, "{answer}");

    let (code, answer) = post(&f, &format!("{base}/close"), json!({"unfinished": "maybe"})).await;
    assert_eq!(code, StatusCode::UNPROCESSABLE_ENTITY, "{answer}");
    let (code, report) = post(
        &f,
        &format!("{base}/close"),
        json!({"unfinished": "finish"}),
    )
    .await;
    assert_eq!(code, StatusCode::OK, "{report}");
    assert_eq!(report["moved"], items.len());
    assert_eq!(
        report["finished_at_close"].as_array().unwrap().len(),
        items.len() - 1
    );

    let (_, history) = get(&f, "/api/history").await;
    assert_eq!(history["projects"], json!([]));
    // `trekant calibration --format json`: the closed items are the history now.
    assert_eq!(history["calibration"]["overall"]["tasks"], items.len());
    let (code, _) = get(&f, &base).await;
    assert_eq!(code, StatusCode::NOT_FOUND);
    // Closed, the brief can be accepted again, as the next offer.
    let (code, answer) = post(
        &f,
        "/api/briefs/kaffe-nord.toml/accept",
        json!({"option": "full-scope-normal-pace", "trials": 2000}),
    )
    .await;
    assert_eq!(code, StatusCode::CREATED, "{answer}");
    assert!(answer["offer"]["number"].as_str().unwrap().ends_with("-2"));
}

async fn page(f: &Fixture, uri: &str, accept_language: &str) -> (StatusCode, String) {
    use http_body_util::BodyExt;
    let request = f
        .request("GET", uri)
        .header("accept-language", accept_language)
        .body(Body::empty())
        .unwrap();
    let (status, response) = f.send(request).await;
    let bytes = response.into_body().collect().await.unwrap().to_bytes();
    (status, String::from_utf8(bytes.to_vec()).unwrap())
}

#[tokio::test]
async fn history_is_in_the_nav_and_the_accept_button_on_a_brief_only_with_a_store() {
    let without = Fixture::local();
    let (_, html) = page(&without, "/briefs", "en").await;
    assert!(!html.contains("href=\"/history"), "{html}");
    let (_, html) = page(&without, "/briefs/kaffe-nord.toml?lang=en", "en").await;
    assert!(!html.contains("id=\"accept\""));
    assert!(html.contains("trekant serve --db history.db"));
    let (status, html) = page(&without, "/history", "da").await;
    assert_eq!(status, StatusCode::OK);
    assert!(html.contains("Ingen historik endnu"), "{html}");

    let with = Fixture::with_store();
    let (_, html) = page(&with, "/briefs", "en").await;
    assert!(html.contains("href=\"/history\""), "{html}");
    let (_, html) = page(&with, "/briefs/kaffe-nord.toml?lang=en", "en").await;
    assert!(html.contains("id=\"accept\""));
}

#[tokio::test]
async fn the_history_page_shows_the_hours_against_the_estimates_escaped() {
    let f = Fixture::with_store();
    // A project name a client could have typed, with markup in it.
    let path = f.dir.path().join("kaffe-nord.toml");
    let text = std::fs::read_to_string(&path).unwrap().replace(
        "name = \"Webshop for Kaffe Nord\"",
        "name = \"Webshop <b>Kaffe</b> & Nord\"",
    );
    std::fs::write(&path, text).unwrap();
    let (code, answer) = post(
        &f,
        "/api/briefs/kaffe-nord.toml/accept",
        json!({"option": "full-scope-normal-pace", "trials": 2000}),
    )
    .await;
    assert_eq!(code, StatusCode::CREATED, "{answer}");
    let item = answer["tracked"][0]["item"].as_str().unwrap().to_owned();
    let (code, answer) = post(
        &f,
        "/api/history/Webshop%20%3Cb%3EKaffe%3C%2Fb%3E%20%26%20Nord/log",
        json!({"item": item, "hours": 1.5}),
    )
    .await;
    assert_eq!(code, StatusCode::CREATED, "{answer}");
    let (status, html) = page(&f, "/history", "en").await;
    assert_eq!(status, StatusCode::OK);
    assert!(!html.contains("<b>Kaffe"), "unescaped project name");
    assert!(
        html.contains("Webshop &lt;b&gt;Kaffe&lt;&#x2f;b&gt; &amp; Nord"),
        "{html}"
    );
    assert!(html.contains("1.5"), "the logged hours");
    assert!(html.contains("Accepted offers"));
    assert!(html.contains(&format!("data-done=\"{item}\"")));
    let (_, html) = page(&f, "/history", "da").await;
    assert!(html.contains("1,5"), "Danish decimal comma");
    assert!(html.contains("Igangværende projekter"));
}

#[tokio::test]
async fn api_errors_speak_the_requests_language_also_from_the_simulation_pool() {
    let f = Fixture::local();
    let (status, answer) = f
        .json(
            f.request("GET", "/api/briefs/nothing.toml")
                .header("accept-language", "da")
                .body(Body::empty())
                .unwrap(),
        )
        .await;
    assert_eq!(status, StatusCode::NOT_FOUND);
    assert_eq!(
        answer["error"],
        "der er ingen opgave, der hedder nothing.toml, i denne mappe"
    );
    // Worked out on the pool's threads: the language goes with the work.
    let (status, answer) = post(
        &f,
        "/api/briefs/kaffe-nord.toml/estimate?lang=da",
        json!({"exclude": ["blgo"]}),
    )
    .await;
    assert_eq!(status, StatusCode::UNPROCESSABLE_ENTITY);
    assert!(
        answer["error"]
            .as_str()
            .unwrap()
            .contains("mente du `blog`?"),
        "{answer}"
    );
    let (_, answer) = post(
        &f,
        "/api/briefs/kaffe-nord.toml/estimate",
        json!({"exclude": ["blgo"]}),
    )
    .await;
    assert!(
        answer["error"]
            .as_str()
            .unwrap()
            .contains("did you mean `blog`?"),
        "{answer}"
    );
}
