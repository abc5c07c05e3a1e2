//! Each person's calibration on a team server: the estimate, the options, the offer and the
//! accept button price from the caller's own history shrunk toward the team's, say what it
//! rests on, and the History page shows the person against the team. Needs
//! `TREKANT_TEST_DATABASE_URL`; skipped without it.

use axum::body::Body;
use axum::http::StatusCode;
use serde_json::{Value, json};
use trekant_core::Lang;
use trekant_store::Store;

use super::{Fixture, TeamFixture};

/// `n` finished tasks, each taking `ratio` times its 4-hour estimate.
fn tasks(n: usize, ratio: f64) -> trekant_core::history::ParsedHistory {
    let mut text = String::from("project,item,category,low,likely,high,actual,finished\n");
    for i in 0..n {
        text.push_str(&format!(
            "old-{},task-{i},development,,4,,{},2025-{:02}-{:02}\n",
            i % 5,
            4.0 * ratio,
            1 + i % 12,
            1 + i % 28
        ));
    }
    trekant_core::history::parse_history(&text).unwrap()
}

async fn post(team: &TeamFixture, uri: &str, token: &str, body: Value) -> (StatusCode, Value) {
    team.fixture
        .json(
            team.request("POST", uri, token)
                .header("content-type", "application/json")
                .body(Body::from(body.to_string()))
                .unwrap(),
        )
        .await
}

async fn get(team: &TeamFixture, uri: &str, token: &str, lang: &str) -> (StatusCode, String) {
    let (status, answer) = team
        .fixture
        .json(
            team.request("GET", uri, token)
                .header("accept-language", lang)
                .body(Body::empty())
                .unwrap(),
        )
        .await;
    let text = match answer {
        Value::String(text) => text,
        other => other.to_string(),
    };
    (status, text)
}

/// What the estimate JSON says it rests on.
fn basis(estimate: &Value) -> (bool, u64, Value) {
    (
        estimate["calibrated"].as_bool().unwrap(),
        estimate["tasks"].as_u64().unwrap(),
        estimate["basis"].clone(),
    )
}

const ESTIMATE: &str = "/api/briefs/kaffe-nord.toml/estimate";
const OPTIONS: &str = "/api/briefs/kaffe-nord.toml/options";
const PROPOSAL: &str = "/api/briefs/kaffe-nord.toml/proposal.md";

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn each_person_prices_on_their_own_history_and_accepts_the_price_shown() {
    let Some(team) =
        TeamFixture::new("each_person_prices_on_their_own_history_and_accepts_the_price_shown")
    else {
        return;
    };
    let lone = team.owner_token.clone();
    let mads = team.member_token.clone();
    let simulation = json!({"trials": 4000, "seed": 7});

    // No history yet: the raw estimates, and the JSON says so.
    let (status, before) = post(&team, ESTIMATE, &lone, simulation.clone()).await;
    assert_eq!(status, StatusCode::OK, "{before}");
    assert_eq!(basis(&before), (false, 0, Value::Null));
    let (_, uncalibrated_offer) = get(&team, PROPOSAL, &lone, "da").await;
    let (_, page) = get(&team, "/briefs/kaffe-nord.toml", &lone, "da").await;
    assert!(page.contains("Endnu ikke kalibreret"), "{page}");

    // Lone's 40 tasks each took twice the estimate; Mads's 5 took what he said.
    let mut own = team.pg.for_owner(&team.owner.owner()).unwrap();
    own.import_history(&tasks(40, 2.0), false).unwrap();
    let mut his = team.pg.for_owner(&team.member.owner()).unwrap();
    his.import_history(&tasks(5, 1.0), false).unwrap();

    // Lone's own 40 reach the prior (30): her basis is her own history. Mads's 5 do not: his
    // estimate rests mostly on the team's 45 tasks.
    let (_, calibrated) = post(&team, ESTIMATE, &lone, simulation.clone()).await;
    assert_eq!(basis(&calibrated), (true, 40, json!("person")));
    let (_, options) = post(&team, OPTIONS, &lone, simulation.clone()).await;
    assert_eq!(basis(&options), (true, 40, json!("person")));
    let (_, his_estimate) = post(&team, ESTIMATE, &mads, simulation.clone()).await;
    assert_eq!(basis(&his_estimate), (true, 45, json!("team")));
    // Twice the hours is a higher price than the raw estimates, and Lone's is the highest.
    let price = |e: &Value| e["price"].as_f64().unwrap();
    assert!(price(&calibrated) > 1.5 * price(&before), "{calibrated}");
    assert!(price(&calibrated) > price(&his_estimate), "{his_estimate}");
    // Asked again with no new task, the kept fit gives the same answer.
    let (_, again) = post(&team, ESTIMATE, &lone, simulation.clone()).await;
    assert_eq!(again, calibrated);

    // The page says what the estimate rests on, in the brief's language.
    let (_, page) = get(&team, "/briefs/kaffe-nord.toml", &lone, "da").await;
    assert!(
        page.contains("Kalibreret på dine 40 afsluttede opgaver."),
        "{page}"
    );
    let (_, page) = get(&team, "/briefs/kaffe-nord.toml?lang=en", &mads, "en").await;
    assert!(
        page.contains("Calibrated on the team&#x27;s 45 finished tasks")
            || page.contains("Calibrated on the team's 45 finished tasks"),
        "{page}"
    );

    // The offer Lone downloads is calibrated, and accepting it records the very price it shows.
    let (status, offer) = get(&team, PROPOSAL, &lone, "da").await;
    assert_eq!(status, StatusCode::OK);
    let (status, accepted) = post(
        &team,
        "/api/briefs/kaffe-nord.toml/accept",
        &lone,
        json!({"option": "recommended"}),
    )
    .await;
    assert_eq!(status, StatusCode::CREATED, "{accepted}");
    let total = accepted["offer"]["total"].as_f64().unwrap();
    let shown = trekant_core::format::money(total, "DKK", Lang::Da);
    // Markdown escapes the dots of "49.500 kr.".
    let unescaped = |md: &str| md.replace('\\', "");
    assert!(
        unescaped(&offer).contains(&shown),
        "{shown} is not in the offer:\n{offer}"
    );
    assert!(
        !unescaped(&uncalibrated_offer).contains(&shown),
        "{shown} was already the uncalibrated price"
    );
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn the_history_page_is_the_persons_and_shows_them_against_the_team() {
    let Some(team) =
        TeamFixture::new("the_history_page_is_the_persons_and_shows_them_against_the_team")
    else {
        return;
    };
    let mut own = team.pg.for_owner(&team.owner.owner()).unwrap();
    own.import_history(&tasks(40, 2.0), false).unwrap();

    // Mads has nothing of his own yet: he is shown the team's tasks, and told so.
    let (status, page) = get(&team, "/history", &team.member_token, "da").await;
    assert_eq!(status, StatusCode::OK, "{page}");
    assert!(page.contains("Mads&#x27; historik") || page.contains("Mads' historik"));
    assert!(
        page.contains("Mads har ingen afsluttede opgaver endnu"),
        "{page}"
    );
    assert!(page.contains("Teamets 40 afsluttede opgaver"), "{page}");

    let mut his = team.pg.for_owner(&team.member.owner()).unwrap();
    his.import_history(&tasks(5, 1.0), false).unwrap();
    let (status, page) = get(&team, "/history", &team.owner_token, "en").await;
    assert_eq!(status, StatusCode::OK, "{page}");
    assert!(
        page.contains("Lone&#x27;s history") || page.contains("Lone's history"),
        "{page}"
    );
    assert!(page.contains("Each person against the team"), "{page}");
    assert!(page.contains("Your 40 finished tasks"), "{page}");

    // The API in `trekant calibration --format json`'s shape, names beside the owner ids.
    let (status, history) = team
        .fixture
        .json(
            team.request("GET", "/api/history", &team.owner_token)
                .body(Body::empty())
                .unwrap(),
        )
        .await;
    assert_eq!(status, StatusCode::OK, "{history}");
    let calibration = &history["calibration"];
    assert_eq!(calibration["basis"], "person");
    assert_eq!(calibration["overall"]["tasks"], 40);
    assert_eq!(calibration["team"]["tasks"], 45);
    let people: Vec<(&str, &str, &str, u64)> = calibration["people"]
        .as_array()
        .unwrap()
        .iter()
        .map(|p| {
            (
                p["name"].as_str().unwrap(),
                p["person"].as_str().unwrap(),
                p["basis"].as_str().unwrap(),
                p["tasks"].as_u64().unwrap(),
            )
        })
        .collect();
    let (lone, mads) = (team.owner.owner(), team.member.owner());
    assert_eq!(
        people,
        [
            ("Lone", lone.as_str(), "person", 40),
            ("Mads", mads.as_str(), "team", 5)
        ]
    );
}

#[tokio::test]
async fn the_local_app_stays_uncalibrated_and_says_so_in_the_clis_shape() {
    let f = Fixture::local();
    let (status, estimate) = f
        .json(
            f.request("POST", ESTIMATE)
                .header("content-type", "application/json")
                .body(Body::from(json!({"trials": 2000}).to_string()))
                .unwrap(),
        )
        .await;
    assert_eq!(status, StatusCode::OK, "{estimate}");
    assert_eq!(basis(&estimate), (false, 0, Value::Null));
    let (_, page) = f
        .json(
            f.request("GET", "/briefs/kaffe-nord.toml")
                .body(Body::empty())
                .unwrap(),
        )
        .await;
    assert!(!page.as_str().unwrap().contains("calibration-line"));
}
