//! The JSON API rows: listing, reading, saving with If-Match, creating, reviewing, and the
//! triangle's estimate and options with tweaks.

use axum::body::Body;
use axum::http::StatusCode;
use serde_json::json;

use super::Fixture;

#[tokio::test]
async fn lists_every_brief_with_its_verdict_and_a_broken_one_with_its_error() {
    let f = Fixture::local();
    std::fs::write(f.dir.path().join("broken.toml"), "[project\nname = 1").unwrap();
    std::fs::write(f.dir.path().join("notes.txt"), "not a brief").unwrap();
    let (status, list) = f
        .json(f.request("GET", "/api/briefs").body(Body::empty()).unwrap())
        .await;
    assert_eq!(status, StatusCode::OK);
    let names: Vec<&str> = list
        .as_array()
        .unwrap()
        .iter()
        .map(|row| row["name"].as_str().unwrap())
        .collect();
    assert_eq!(
        names,
        ["broken.toml", "harbour-physio.toml", "kaffe-nord.toml"]
    );
    let broken = &list[0];
    assert_eq!(broken["errors"], 1);
    assert!(broken["first_error"].as_str().unwrap().contains("TOML"));
    let kaffe = &list[2];
    assert_eq!(kaffe["client"], "Kaffe Nord ApS");
    assert!(kaffe["verdict"]["class"].is_string(), "{kaffe}");
}

#[tokio::test]
async fn a_brief_reads_with_its_etag_and_review() {
    let f = Fixture::local();
    let (status, brief) = f
        .json(
            f.request("GET", "/api/briefs/kaffe-nord.toml")
                .body(Body::empty())
                .unwrap(),
        )
        .await;
    assert_eq!(status, StatusCode::OK);
    let on_disk = std::fs::read_to_string(f.dir.path().join("kaffe-nord.toml")).unwrap();
    assert_eq!(brief["toml"], on_disk);
    assert!(brief["etag"].as_str().unwrap().starts_with('"'));
    let codes: Vec<&str> = brief["review"]["diagnostics"]
        .as_array()
        .unwrap()
        .iter()
        .map(|d| d["code"].as_str().unwrap())
        .collect();
    assert!(codes.contains(&"vague-wording"), "{codes:?}");
}

#[tokio::test]
async fn saving_needs_the_etag_it_loaded_and_refuses_a_stale_one() {
    let f = Fixture::local();
    let (_, brief) = f
        .json(
            f.request("GET", "/api/briefs/kaffe-nord.toml")
                .body(Body::empty())
                .unwrap(),
        )
        .await;
    let etag = brief["etag"].as_str().unwrap().to_owned();
    let edited = brief["toml"]
        .as_str()
        .unwrap()
        .replace("budget = 50000", "budget = 52000");
    assert_ne!(
        edited,
        brief["toml"].as_str().unwrap(),
        "the example has budget = 50000"
    );

    // Without If-Match nothing is written.
    let (status, _) = f
        .json(
            f.request("PUT", "/api/briefs/kaffe-nord.toml")
                .body(Body::from(edited.clone()))
                .unwrap(),
        )
        .await;
    assert_eq!(status, StatusCode::PRECONDITION_REQUIRED);

    let (status, saved) = f
        .json(
            f.request("PUT", "/api/briefs/kaffe-nord.toml")
                .header("if-match", &etag)
                .body(Body::from(edited.clone()))
                .unwrap(),
        )
        .await;
    assert_eq!(status, StatusCode::OK, "{saved}");
    assert_eq!(
        std::fs::read_to_string(f.dir.path().join("kaffe-nord.toml")).unwrap(),
        edited
    );
    let new_etag = saved["etag"].as_str().unwrap();
    assert_ne!(new_etag, etag);

    // A second save with the old tag would overwrite the first: refused, with the current tag.
    let (status, refused) = f
        .json(
            f.request("PUT", "/api/briefs/kaffe-nord.toml")
                .header("if-match", &etag)
                .body(Body::from("[project]\nname = \"lost\"\n"))
                .unwrap(),
        )
        .await;
    assert_eq!(status, StatusCode::PRECONDITION_FAILED);
    assert_eq!(refused["etag"], new_etag);
    assert_eq!(
        std::fs::read_to_string(f.dir.path().join("kaffe-nord.toml")).unwrap(),
        edited
    );
    // No temporary files are left beside the brief.
    let leftovers: Vec<_> = std::fs::read_dir(f.dir.path())
        .unwrap()
        .filter_map(|e| e.ok()?.file_name().into_string().ok())
        .filter(|n| n.ends_with(".tmp"))
        .collect();
    assert!(leftovers.is_empty(), "{leftovers:?}");
}

#[tokio::test]
async fn a_brief_with_errors_is_saved_and_its_review_says_so() {
    let f = Fixture::local();
    let (_, brief) = f
        .json(
            f.request("GET", "/api/briefs/kaffe-nord.toml")
                .body(Body::empty())
                .unwrap(),
        )
        .await;
    let (status, saved) = f
        .json(
            f.request("PUT", "/api/briefs/kaffe-nord.toml")
                .header("if-match", brief["etag"].as_str().unwrap())
                .body(Body::from("[project]\nnme = \"typo\"\n"))
                .unwrap(),
        )
        .await;
    assert_eq!(status, StatusCode::OK);
    assert!(
        saved["review"]["diagnostics"][0]["message"]
            .as_str()
            .unwrap()
            .contains("name")
    );
}

#[tokio::test]
async fn creating_a_brief_and_refusing_a_second_of_the_same_name() {
    let f = Fixture::local();
    let toml = std::fs::read_to_string(f.dir.path().join("harbour-physio.toml")).unwrap();
    let body = json!({"name": "new.toml", "toml": toml}).to_string();
    let (status, created) = f
        .json(
            f.request("POST", "/api/briefs")
                .body(Body::from(body.clone()))
                .unwrap(),
        )
        .await;
    assert_eq!(status, StatusCode::CREATED, "{created}");
    assert_eq!(
        std::fs::read_to_string(f.dir.path().join("new.toml")).unwrap(),
        toml
    );
    let (status, _) = f
        .json(
            f.request("POST", "/api/briefs")
                .body(Body::from(body))
                .unwrap(),
        )
        .await;
    assert_eq!(status, StatusCode::CONFLICT);
}

#[tokio::test]
async fn reviewing_an_email_finds_its_vague_words() {
    let f = Fixture::local();
    let mail = "Hi! We need a simple, modern booking page ASAP, with unlimited changes.";
    let (status, review) = f
        .json(
            f.request("POST", "/api/review")
                .body(Body::from(mail))
                .unwrap(),
        )
        .await;
    assert_eq!(status, StatusCode::OK);
    let excerpts: Vec<&str> = review["diagnostics"]
        .as_array()
        .unwrap()
        .iter()
        .map(|d| d["excerpt"].as_str().unwrap())
        .collect();
    assert!(excerpts.contains(&"ASAP"), "{excerpts:?}");
    assert_eq!(review["diagnostics"][0]["line"], 1);
}

#[tokio::test]
async fn excluding_an_item_lowers_the_price_and_a_bigger_budget_raises_the_odds() {
    let f = Fixture::local();
    let estimate = |body: serde_json::Value| {
        f.request("POST", "/api/briefs/kaffe-nord.toml/estimate")
            .body(Body::from(body.to_string()))
            .unwrap()
    };
    let (status, full) = f.json(estimate(json!({"trials": 5000}))).await;
    assert_eq!(status, StatusCode::OK, "{full}");
    let (_, without_shop) = f
        .json(estimate(json!({"trials": 5000, "exclude": ["shop"]})))
        .await;
    assert!(
        without_shop["cost"]["p50"].as_f64().unwrap() < full["cost"]["p50"].as_f64().unwrap(),
        "{without_shop} vs {full}"
    );
    let (_, rich) = f
        .json(estimate(json!({"trials": 5000, "budget": 1_000_000})))
        .await;
    assert!(
        rich["verdict"]["p_budget"].as_f64().unwrap()
            >= full["verdict"]["p_budget"].as_f64().unwrap()
    );
    assert_eq!(rich["verdict"]["p_budget"], 1.0);
    // The same request twice gives the same answer: the seed is fixed.
    let (_, again) = f.json(estimate(json!({"trials": 5000}))).await;
    assert_eq!(again, full);
}

#[tokio::test]
async fn options_come_in_their_order() {
    let f = Fixture::local();
    let (status, options) = f
        .json(
            f.request("POST", "/api/briefs/kaffe-nord.toml/options")
                .body(Body::from(r#"{"trials": 2000}"#))
                .unwrap(),
        )
        .await;
    assert_eq!(status, StatusCode::OK, "{options}");
    let kinds: Vec<&str> = options["options"]
        .as_array()
        .unwrap()
        .iter()
        .map(|o| o["kind"].as_str().unwrap())
        .collect();
    assert_eq!(
        kinds,
        [
            "full-scope-by-deadline",
            "full-scope-normal-pace",
            "fit-budget-and-deadline",
            "recommended"
        ]
    );
}

#[tokio::test]
async fn bad_values_are_422_with_the_reason_and_bad_json_is_400() {
    let f = Fixture::local();
    let post = |body: &str| {
        f.request("POST", "/api/briefs/kaffe-nord.toml/estimate")
            .body(Body::from(body.to_owned()))
            .unwrap()
    };
    for (body, expected, words) in [
        (
            r#"{"trials": 2000000}"#,
            StatusCode::UNPROCESSABLE_ENTITY,
            "at most 1000000",
        ),
        (
            r#"{"confidence": 1.5}"#,
            StatusCode::UNPROCESSABLE_ENTITY,
            "between 0 and 1",
        ),
        (
            r#"{"exclude": ["shp"]}"#,
            StatusCode::UNPROCESSABLE_ENTITY,
            "did you mean `shop`",
        ),
        (
            r#"{"hours_per_week": 0}"#,
            StatusCode::UNPROCESSABLE_ENTITY,
            "168",
        ),
        (
            r#"{"budget": -5}"#,
            StatusCode::UNPROCESSABLE_ENTITY,
            "above 0",
        ),
        (
            r#"{"deadline": "soon"}"#,
            StatusCode::UNPROCESSABLE_ENTITY,
            "deadline",
        ),
        (
            r#"{"colour": 1}"#,
            StatusCode::UNPROCESSABLE_ENTITY,
            "colour",
        ),
        (r#"{"trials": "#, StatusCode::BAD_REQUEST, "not valid JSON"),
    ] {
        let (status, answer) = f.json(post(body)).await;
        assert_eq!(status, expected, "{body}: {answer}");
        let error = answer["error"].as_str().unwrap();
        assert!(error.contains(words), "{body}: {error}");
    }
}

#[tokio::test]
async fn a_brief_with_errors_cannot_be_estimated_and_says_where() {
    let f = Fixture::local();
    std::fs::write(
        f.dir.path().join("bad.toml"),
        "[project]\nname = \"x\"\n[[item]]\nid = \"a\"\n",
    )
    .unwrap();
    let (status, answer) = f
        .json(
            f.request("POST", "/api/briefs/bad.toml/estimate")
                .body(Body::empty())
                .unwrap(),
        )
        .await;
    assert_eq!(status, StatusCode::UNPROCESSABLE_ENTITY);
    assert_eq!(answer["details"]["diagnostics"][0]["line"], 3, "{answer}");
}

#[tokio::test]
async fn the_offer_comes_as_html_and_markdown_with_the_panels_tweaks() {
    let f = Fixture::local();
    let get = |uri: &str| f.request("GET", uri).body(Body::empty()).unwrap();
    let (status, response) = f
        .send(get("/api/briefs/kaffe-nord.toml/proposal.html"))
        .await;
    assert_eq!(status, StatusCode::OK);
    assert!(
        response.headers()["content-type"]
            .to_str()
            .unwrap()
            .starts_with("text/html")
    );
    let (_, html) = f
        .json(get("/api/briefs/kaffe-nord.toml/proposal.html"))
        .await;
    let html = html.as_str().unwrap();
    assert!(html.contains("Kaffe Nord ApS"), "{html}");
    let (status, all) = f.json(get("/api/briefs/kaffe-nord.toml/proposal.md")).await;
    assert_eq!(status, StatusCode::OK);
    let (_, without) = f
        .json(get(
            "/api/briefs/kaffe-nord.toml/proposal.md?exclude=blog,newsletter&budget=90000",
        ))
        .await;
    assert!(all.as_str().unwrap().contains("Blog"));
    assert_ne!(all, without, "the tweaks change the offer");
    let (status, bad) = f
        .json(get("/api/briefs/kaffe-nord.toml/proposal.md?exclude=blgo"))
        .await;
    assert_eq!(status, StatusCode::UNPROCESSABLE_ENTITY);
    assert!(
        bad["error"]
            .as_str()
            .unwrap()
            .contains("did you mean `blog`")
    );
    let (status, _) = f
        .json(get("/api/briefs/kaffe-nord.toml/proposal.docx"))
        .await;
    assert_eq!(status, StatusCode::NOT_FOUND);
    let (status, _) = f.json(get("/api/briefs/nothing.toml/proposal.md")).await;
    assert_eq!(status, StatusCode::NOT_FOUND);
    let (status, pdf) = f
        .send(get("/api/briefs/kaffe-nord.toml/proposal.pdf"))
        .await;
    if cfg!(feature = "pdf") {
        use http_body_util::BodyExt;
        assert_eq!(status, StatusCode::OK);
        assert_eq!(pdf.headers()["content-type"], "application/pdf");
        assert_eq!(
            pdf.headers()["content-disposition"],
            "inline; filename=\"kaffe-nord.pdf\""
        );
        let bytes = pdf.into_body().collect().await.unwrap().to_bytes();
        assert!(bytes.starts_with(b"%PDF-"), "not a PDF");
        assert!(bytes.len() > 10_000, "a PDF of {} bytes", bytes.len());
        // The panel's tweaks reach the PDF too; a bad one is the same 422 as for HTML.
        let (status, _) = f
            .send(get("/api/briefs/kaffe-nord.toml/proposal.pdf?exclude=blog"))
            .await;
        assert_eq!(status, StatusCode::OK);
        let (status, _) = f
            .send(get("/api/briefs/kaffe-nord.toml/proposal.pdf?exclude=blgo"))
            .await;
        assert_eq!(status, StatusCode::UNPROCESSABLE_ENTITY);
    } else {
        assert_eq!(status, StatusCode::NOT_FOUND);
    }
}

#[tokio::test]
async fn a_brief_is_drafted_from_a_clients_email_as_init_from_does() {
    let f = Fixture::local();
    let email = std::fs::read_to_string(
        std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("../../examples/client-email.txt"),
    )
    .unwrap();
    let body = json!({"name": "bakery.toml", "text": email}).to_string();
    let (status, created) = f
        .json(
            f.request("POST", "/api/briefs")
                .body(Body::from(body))
                .unwrap(),
        )
        .await;
    assert_eq!(status, StatusCode::CREATED, "{created}");
    let written = std::fs::read_to_string(f.dir.path().join("bakery.toml")).unwrap();
    let today = jiff::ZonedDateTime::now().date();
    assert_eq!(
        written,
        trekant_core::brief::draft::draft_from_email(&email, today).toml
    );
    assert!(
        written.contains("Lagkagehuset"),
        "the mail is kept: {written}"
    );
    assert!(created["review"]["diagnostics"].is_array());
    for body in [
        json!({"name": "x.toml", "text": "  "}),
        json!({"name": "x.toml", "text": "hi", "toml": "[project]"}),
        json!({"name": "x.toml"}),
    ] {
        let (status, answer) = f
            .json(
                f.request("POST", "/api/briefs")
                    .body(Body::from(body.to_string()))
                    .unwrap(),
            )
            .await;
        assert_eq!(status, StatusCode::UNPROCESSABLE_ENTITY, "{body}: {answer}");
    }
    assert!(!f.dir.path().join("x.toml").exists());
}
