//! Share links (team mode): a person shares an offer, the client opens `/offer/<token>`
//! without logging in and accepts it; the accepted offer lands in the sharer's history. Needs
//! `TREKANT_TEST_DATABASE_URL`; skipped without it (the local-mode test runs always).

use axum::body::Body;
use axum::http::{Request, StatusCode};
use http_body_util::BodyExt;
use jiff::ToSpan;
use serde_json::{Value, json};
use sha2::Digest;

use super::{Fixture, LOOPBACK, TeamFixture};

/// Shares kaffe-nord.toml as `token`'s person with `body`; the 201's JSON.
async fn share(team: &TeamFixture, brief: &str, token: &str, body: Value) -> Value {
    let (status, answer) = team
        .fixture
        .json(
            team.request("POST", &format!("/api/briefs/{brief}/share"), token)
                .header("content-type", "application/json")
                .body(Body::from(body.to_string()))
                .unwrap(),
        )
        .await;
    assert_eq!(status, StatusCode::CREATED, "{answer}");
    answer
}

/// A request as the client's browser sends it: no session, no CSRF header.
fn public(method: &str, uri: &str) -> axum::http::request::Builder {
    Request::builder()
        .method(method)
        .uri(uri)
        .header("host", LOOPBACK)
}

/// The accept form as a browser posts it.
fn accept_form(url: &str, form: &str) -> Request<Body> {
    public("POST", &format!("{url}/accept"))
        .header("content-type", "application/x-www-form-urlencoded")
        .body(Body::from(form.to_owned()))
        .unwrap()
}

async fn page(f: &Fixture, request: Request<Body>) -> (StatusCode, String) {
    let (status, response) = f.send(request).await;
    let bytes = response.into_body().collect().await.unwrap().to_bytes();
    (status, String::from_utf8(bytes.to_vec()).unwrap())
}

/// The SHA-256 of `text`, hex.
fn sha256(text: &str) -> String {
    sha2::Sha256::digest(text.as_bytes())
        .iter()
        .map(|b| format!("{b:02x}"))
        .collect()
}

async fn history(team: &TeamFixture, token: &str) -> Value {
    let (status, answer) = team
        .fixture
        .json(
            team.request("GET", "/api/history", token)
                .body(Body::empty())
                .unwrap(),
        )
        .await;
    assert_eq!(status, StatusCode::OK, "{answer}");
    answer
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn a_shared_offer_is_a_snapshot_later_edits_do_not_change() {
    let Some(team) = TeamFixture::new("a_shared_offer_is_a_snapshot") else {
        return;
    };
    let f = &team.fixture;
    let answer = share(&team, "kaffe-nord.toml", &team.owner_token, json!({})).await;
    let url = answer["url"].as_str().unwrap();
    let token = url.strip_prefix("/offer/").unwrap();
    // 256 bits, hex: at least the 128 the issue asks for.
    assert_eq!(token.len(), 64, "{url}");
    assert!(token.bytes().all(|b| b.is_ascii_hexdigit()), "{url}");
    // The offer's validity: kaffe-nord's 30 days from today.
    let today = jiff::ZonedDateTime::now().date();
    let expires: jiff::civil::Date = answer["expires"].as_str().unwrap().parse().unwrap();
    assert_eq!(expires, today.checked_add(30.days()).unwrap());
    assert_eq!(answer["option"], "recommended");
    // Exactly the offer the page shows (the proposal route, same tweaks), with the form below.
    let proposal = |token: &str| {
        team.request("GET", "/api/briefs/kaffe-nord.toml/proposal.html", token)
            .body(Body::empty())
            .unwrap()
    };
    let (status, before) = page(f, proposal(&team.owner_token)).await;
    assert_eq!(status, StatusCode::OK);
    let (status, shown) = page(f, public("GET", url).body(Body::empty()).unwrap()).await;
    assert_eq!(status, StatusCode::OK, "{shown}");
    let offer_part = &before[..before.rfind("</body>").unwrap()];
    assert!(shown.starts_with(offer_part), "the page is not the offer");
    assert!(
        shown.contains(&format!("action=\"{url}/accept\"")),
        "{shown}"
    );
    assert!(shown.contains("name=\"accept\""), "{shown}");
    // In the offer's language (kaffe-nord is Danish).
    assert!(shown.contains("Acceptér tilbuddet"), "{shown}");
    // The hash is of the offer's HTML as shared.
    let sha = sha256(&before);
    assert_eq!(answer["sha256"], sha.as_str());
    assert!(shown.contains(&sha));

    // The brief changes: the offer page changes, the shared link does not.
    let (_, current) = f
        .json(
            team.request("GET", "/api/briefs/kaffe-nord.toml", &team.owner_token)
                .body(Body::empty())
                .unwrap(),
        )
        .await;
    let changed = current["toml"]
        .as_str()
        .unwrap()
        .replace("Webshop for Kaffe Nord", "Webshop for Kaffe Syd");
    let (status, saved) = f
        .json(
            team.request("PUT", "/api/briefs/kaffe-nord.toml", &team.owner_token)
                .header("if-match", current["etag"].as_str().unwrap())
                .body(Body::from(changed))
                .unwrap(),
        )
        .await;
    assert_eq!(status, StatusCode::OK, "{saved}");
    let (_, after) = page(f, proposal(&team.owner_token)).await;
    assert!(after.contains("Kaffe Syd"));
    let (status, again) = page(f, public("GET", url).body(Body::empty()).unwrap()).await;
    assert_eq!(status, StatusCode::OK);
    assert_eq!(again, shown);
    assert!(!again.contains("Kaffe Syd"));
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn accepting_records_the_offer_and_tracks_it_in_the_sharers_history_once() {
    let Some(team) = TeamFixture::new("accepting_records_the_offer") else {
        return;
    };
    let f = &team.fixture;
    let answer = share(
        &team,
        "kaffe-nord.toml",
        &team.owner_token,
        json!({"option": "full-scope-normal-pace", "trials": 2000}),
    )
    .await;
    let url = answer["url"].as_str().unwrap();
    let token = url.strip_prefix("/offer/").unwrap();
    // Without the box ticked nothing happens: the form again, saying what is missing.
    let (status, shown) = page(f, accept_form(url, "name=Mette+Holm")).await;
    assert_eq!(status, StatusCode::UNPROCESSABLE_ENTITY, "{shown}");
    assert!(shown.contains("Sæt venligst flueben"), "{shown}");
    assert!(shown.contains("value=\"Mette Holm\""), "{shown}");
    assert_eq!(history(&team, &team.owner_token).await["offers"], json!([]));

    // Two submits at once (a double click): one is recorded, the other is told it was.
    let (first, second) = tokio::join!(
        page(f, accept_form(url, "name=Mette+Holm&accept=on")),
        page(f, accept_form(url, "name=Mette+Holm&accept=on")),
    );
    let mut statuses = [first.0, second.0];
    statuses.sort();
    assert_eq!(
        statuses,
        [StatusCode::OK, StatusCode::CONFLICT],
        "{first:?}"
    );
    let thanks = if first.0 == StatusCode::OK {
        &first.1
    } else {
        &second.1
    };
    assert!(thanks.contains("Tak, Mette Holm"), "{thanks}");
    assert!(
        thanks.contains(answer["number"].as_str().unwrap()),
        "{thanks}"
    );

    // In the sharer's history: the offer and the project; not in anyone else's.
    let mine = history(&team, &team.owner_token).await;
    let offers = mine["offers"].as_array().unwrap();
    assert_eq!(offers.len(), 1, "{mine}");
    assert_eq!(offers[0]["number"], answer["number"]);
    assert_eq!(offers[0]["option"], "full-scope-normal-pace");
    assert_eq!(mine["projects"][0]["project"], "Webshop for Kaffe Nord");
    assert!(!mine["projects"][0]["items"].as_array().unwrap().is_empty());
    let theirs = history(&team, &team.member_token).await;
    assert_eq!(theirs["offers"], json!([]));
    assert_eq!(theirs["projects"], json!([]));

    // Who, when, from where (tests have no address) and the hash, on the share.
    let stored = team.pg.share(token).unwrap().unwrap();
    let yes = stored.accepted.unwrap();
    assert_eq!(yes.name, "Mette Holm");
    assert_eq!(yes.from, None);
    assert_eq!(yes.number.as_deref(), answer["number"].as_str());
    assert_eq!(stored.sha256, sha256(&stored.html));
    assert!(
        jiff::Timestamp::now()
            .duration_since(yes.at)
            .as_secs()
            .abs()
            < 600
    );

    // A third try is a 409 that says by whom; the link now shows who accepted, no form.
    let (status, shown) = page(f, accept_form(url, "name=Someone+Else&accept=on")).await;
    assert_eq!(status, StatusCode::CONFLICT);
    assert!(shown.contains("Accepteret af Mette Holm"), "{shown}");
    let (status, shown) = page(f, public("GET", url).body(Body::empty()).unwrap()).await;
    assert_eq!(status, StatusCode::OK);
    assert!(shown.contains("Accepteret af Mette Holm"), "{shown}");
    assert!(!shown.contains("<form"), "{shown}");
    assert_eq!(
        history(&team, &team.owner_token).await["offers"],
        mine["offers"]
    );
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn unknown_and_expired_links_say_so() {
    let Some(team) = TeamFixture::new("unknown_and_expired_links_say_so") else {
        return;
    };
    let f = &team.fixture;
    let unknown = format!("/offer/{}", "ab".repeat(32));
    for request in [
        public("GET", &unknown)
            .header("accept-language", "en")
            .body(Body::empty())
            .unwrap(),
        accept_form(&unknown, "name=X&accept=on"),
    ] {
        let (status, shown) = page(f, request).await;
        assert_eq!(status, StatusCode::NOT_FOUND, "{shown}");
        assert!(shown.contains("<html"), "a page, not JSON: {shown}");
    }
    // An offer whose validity ran out an hour ago, stored as sharing stores it.
    let offer = trekant_store::AcceptedOffer {
        number: "2026-7".into(),
        brief: "Online booking for Harbour Physio".into(),
        option: "recommended".into(),
        items: vec![trekant_store::OfferItem {
            item: "booking".into(),
            price: 1000.0,
        }],
        total: 1000.0,
        delivery: jiff::civil::date(2027, 4, 1),
        accepted: jiff::civil::date(2026, 1, 1),
    };
    let items = [trekant_store::TrackedItem {
        item: "booking".into(),
        title: Some("Booking".into()),
        category: None,
        low: Some(8.0),
        likely: 10.0,
        high: Some(14.0),
    }];
    let owner = team.pg.for_owner(&team.owner.owner()).unwrap();
    let (token, _) = owner
        .create_share(&trekant_store::NewShare {
            brief: "harbour-physio.toml",
            lang: "en",
            html: "<!DOCTYPE html><html><body><h1>Offer</h1></body></html>",
            summary: "Recommended: 1,000 DKK",
            offer: &offer,
            items: &items,
            expires: jiff::Timestamp::now() - jiff::SignedDuration::from_hours(1),
        })
        .unwrap();
    let url = format!("/offer/{token}");
    let (status, shown) = page(f, public("GET", &url).body(Body::empty()).unwrap()).await;
    assert_eq!(status, StatusCode::GONE, "{shown}");
    assert!(shown.contains("The offer has expired"), "{shown}");
    assert!(!shown.contains("<form"), "{shown}");
    let (status, shown) = page(f, accept_form(&url, "name=Sam+Okafor&accept=on")).await;
    assert_eq!(status, StatusCode::GONE, "{shown}");
    assert!(shown.contains("can no longer be accepted"), "{shown}");
    assert_eq!(history(&team, &team.owner_token).await["offers"], json!([]));
    assert!(team.pg.share(&token).unwrap().unwrap().accepted.is_none());
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn a_link_opens_its_one_offer_and_nothing_else() {
    let Some(team) = TeamFixture::new("a_link_opens_its_one_offer") else {
        return;
    };
    let f = &team.fixture;
    let danish = share(
        &team,
        "kaffe-nord.toml",
        &team.member_token,
        json!({"trials": 2000}),
    )
    .await;
    let english = share(
        &team,
        "harbour-physio.toml",
        &team.member_token,
        json!({"trials": 2000, "option": "recommended"}),
    )
    .await;
    let token = danish["url"]
        .as_str()
        .unwrap()
        .strip_prefix("/offer/")
        .unwrap();
    // Not a session: no API, no page of the app (a page sends the browser to log in).
    for uri in ["/api/history", "/api/briefs", "/api/briefs/kaffe-nord.toml"] {
        let (status, _) = f
            .json(team.request("GET", uri, token).body(Body::empty()).unwrap())
            .await;
        assert_eq!(status, StatusCode::UNAUTHORIZED, "{uri}");
    }
    let (status, redirect) = f
        .send(
            team.request("GET", "/briefs", token)
                .body(Body::empty())
                .unwrap(),
        )
        .await;
    assert_eq!(status, StatusCode::SEE_OTHER);
    assert_eq!(redirect.headers()["location"], "/login");
    let (status, _) = f
        .json(
            public("GET", "/api/history")
                .header("cookie", format!("trekant_session={token}"))
                .body(Body::empty())
                .unwrap(),
        )
        .await;
    assert_eq!(status, StatusCode::UNAUTHORIZED);
    // Each link shows its own offer; a link cut short is no link.
    let (_, shown) = page(
        f,
        public("GET", english["url"].as_str().unwrap())
            .body(Body::empty())
            .unwrap(),
    )
    .await;
    assert!(shown.contains("Harbour Physio") && !shown.contains("Kaffe Nord"));
    assert!(shown.contains("Accept the offer"), "in English: {shown}");
    let (status, _) = page(
        f,
        public("GET", &format!("/offer/{}", &token[..32]))
            .body(Body::empty())
            .unwrap(),
    )
    .await;
    assert_eq!(status, StatusCode::NOT_FOUND);
    // Accepting one leaves the other open.
    let (status, _) = page(
        f,
        accept_form(danish["url"].as_str().unwrap(), "name=Mette&accept=on"),
    )
    .await;
    assert_eq!(status, StatusCode::OK);
    let (_, shown) = page(
        f,
        public("GET", english["url"].as_str().unwrap())
            .body(Body::empty())
            .unwrap(),
    )
    .await;
    assert!(shown.contains("<form"), "{shown}");
    // The accept form keeps the Host check.
    let (status, _) = f
        .send(
            Request::builder()
                .method("POST")
                .uri(format!("{}/accept", english["url"].as_str().unwrap()))
                .header("host", "evil.example:7878")
                .header("content-type", "application/x-www-form-urlencoded")
                .body(Body::from("name=X&accept=on"))
                .unwrap(),
        )
        .await;
    assert_eq!(status, StatusCode::FORBIDDEN);
    // The brief's page has the share button, and its script is served without a login.
    let (status, brief) = page(
        f,
        team.request("GET", "/briefs/kaffe-nord.toml", &team.member_token)
            .body(Body::empty())
            .unwrap(),
    )
    .await;
    assert_eq!(status, StatusCode::OK);
    assert!(brief.contains("id=\"share\"") && brief.contains("/assets/share.js"));
    let (status, script) = page(
        f,
        public("GET", "/assets/share.js")
            .body(Body::empty())
            .unwrap(),
    )
    .await;
    assert_eq!(status, StatusCode::OK);
    assert!(
        script.contains("/share") || script.contains("dataset.url"),
        "{script}"
    );
    // The offer went into the sharer's (the member's) history.
    let member = history(&team, &team.member_token).await;
    assert_eq!(member["offers"].as_array().unwrap().len(), 1, "{member}");
    assert_eq!(history(&team, &team.owner_token).await["offers"], json!([]));
}

#[tokio::test]
async fn the_local_app_has_no_share_links() {
    let f = Fixture::with_store();
    let (status, answer) = f
        .json(
            f.request("POST", "/api/briefs/kaffe-nord.toml/share")
                .header("accept-language", "en")
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
        .send(public("GET", "/offer/abc").body(Body::empty()).unwrap())
        .await;
    assert_eq!(status, StatusCode::NOT_FOUND);
    // No share button without a team server.
    let (_, brief) = page(
        &f,
        f.request("GET", "/briefs/kaffe-nord.toml")
            .body(Body::empty())
            .unwrap(),
    )
    .await;
    assert!(brief.contains("id=\"accept\"") && !brief.contains("id=\"share\""));
    // Without a team server the accept form is not exempt from the CSRF check.
    let (status, _) = f.send(accept_form("/offer/abc", "name=X&accept=on")).await;
    assert_eq!(status, StatusCode::FORBIDDEN);
}
