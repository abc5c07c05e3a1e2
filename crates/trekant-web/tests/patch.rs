//! PATCH /api/briefs/{name}: field by field, the user's comments, order and layout kept.

use axum::body::Body;
use axum::http::StatusCode;
use serde_json::{Value, json};

use super::Fixture;

const NAME: &str = "kaffe-nord.toml";

/// A brief with comments in every place a user puts them.
const COMMENTED: &str = r#"# Top comment: who asked and when.

[project]
name = "Shop"   # the client's own word
client = "Kaffe Nord ApS"
language = "da"

[request]
text = "Vi skal have en webshop."
# The budget is what they said on the phone.
budget = 50000 # tight
deadline = 2027-02-15

[[item]]
id = "shop"   # the core
title = "Shop"
estimate = [25, 40, 80]

# The blog can wait.
[[item]]
id = "blog"
title = "Blog"
estimate = 12

[[item]]
id = "news"
title = "Nyhedsbrev"
estimate = [3, 5, 8]
"#;

async fn etag(f: &Fixture, name: &str) -> String {
    let (_, brief) = f
        .json(
            f.request("GET", &format!("/api/briefs/{name}"))
                .body(Body::empty())
                .unwrap(),
        )
        .await;
    brief["etag"].as_str().unwrap().to_owned()
}

async fn patch(f: &Fixture, etag: &str, body: Value) -> (StatusCode, Value) {
    f.json(
        f.request("PATCH", &format!("/api/briefs/{NAME}"))
            .header("if-match", etag)
            .header("content-type", "application/json")
            .body(Body::from(body.to_string()))
            .unwrap(),
    )
    .await
}

fn on_disk(f: &Fixture) -> String {
    std::fs::read_to_string(f.dir.path().join(NAME)).unwrap()
}

#[tokio::test]
async fn a_patch_changes_the_values_and_keeps_every_comment_and_the_order() {
    let f = Fixture::local();
    std::fs::write(f.dir.path().join(NAME), COMMENTED).unwrap();
    let tag = etag(&f, NAME).await;
    let (status, answer) = patch(
        &f,
        &tag,
        json!({
            "set": {"request.budget": 60000, "item.shop.estimate": [8, 12, 20],
                    "request.deadline": "2027-03-01", "item.news.priority": "should"},
            "remove": ["item.blog"],
        }),
    )
    .await;
    assert_eq!(status, StatusCode::OK, "{answer}");
    assert!(answer["review"]["diagnostics"].is_array(), "{answer}");
    let text = on_disk(&f);
    let expected = COMMENTED
        .replace("budget = 50000 # tight", "budget = 60000 # tight")
        .replace("estimate = [25, 40, 80]", "estimate = [8, 12, 20]")
        .replace("deadline = 2027-02-15", "deadline = 2027-03-01")
        .replace(
            "# The blog can wait.\n[[item]]\nid = \"blog\"\ntitle = \"Blog\"\nestimate = 12\n\n",
            "",
        )
        .replace(
            "estimate = [3, 5, 8]\n",
            "estimate = [3, 5, 8]\npriority = \"should\"\n",
        );
    assert_eq!(text, expected);
    assert_eq!(answer["etag"], etag(&f, NAME).await);
}

#[tokio::test]
async fn a_new_item_is_added_from_an_object_and_a_typo_never_adds_one() {
    let f = Fixture::local();
    std::fs::write(f.dir.path().join(NAME), COMMENTED).unwrap();
    let tag = etag(&f, NAME).await;
    let (status, answer) = patch(&f, &tag, json!({"set": {"item.shpo.estimate": [1, 2, 3]}})).await;
    assert_eq!(status, StatusCode::UNPROCESSABLE_ENTITY);
    let error = answer["error"].as_str().unwrap();
    assert!(error.contains("no item `shpo`"), "{error}");
    assert!(error.contains("did you mean `shop`"), "{error}");
    assert_eq!(on_disk(&f), COMMENTED, "a refused patch writes nothing");

    let (status, _) = patch(
        &f,
        &tag,
        json!({"set": {"item.seo": {"title": "SEO", "estimate": [2, 4, 8]}}}),
    )
    .await;
    assert_eq!(status, StatusCode::OK);
    let text = on_disk(&f);
    assert!(text.starts_with(COMMENTED), "{text}");
    let added: toml::Table = text.parse().unwrap();
    let last = added["item"].as_array().unwrap().last().unwrap();
    assert_eq!(last["id"].as_str(), Some("seo"));
    assert_eq!(last["estimate"].as_array().unwrap().len(), 3);
}

#[tokio::test]
async fn bad_paths_are_422_with_what_to_write_instead() {
    let f = Fixture::local();
    std::fs::write(f.dir.path().join(NAME), COMMENTED).unwrap();
    let tag = etag(&f, NAME).await;
    for (body, says) in [
        (json!({"set": {"request..budget": 1}}), "is not a path"),
        (
            json!({"set": {"request.budget.low": 1}}),
            "is a value, not a table",
        ),
        (json!({"set": {"item.0.title": null}}), "TOML has no null"),
        (json!({"remove": ["item.nothing"]}), "no item `nothing`"),
        (json!({"remove": ["terms.revisions"]}), "nothing to remove"),
        (json!({"set": {}}), "changes nothing"),
        (json!({"sett": {}}), "unknown field"),
    ] {
        let (status, answer) = patch(&f, &tag, body.clone()).await;
        assert_eq!(status, StatusCode::UNPROCESSABLE_ENTITY, "{body}: {answer}");
        let error = answer["error"].as_str().unwrap();
        assert!(error.contains(says), "{body}: {error}");
    }
    assert_eq!(on_disk(&f), COMMENTED);
}

#[tokio::test]
async fn a_refused_patch_says_why_in_the_requests_language() {
    let f = Fixture::local();
    std::fs::write(f.dir.path().join(NAME), COMMENTED).unwrap();
    let tag = etag(&f, NAME).await;
    for (body, says) in [
        (
            json!({"remove": ["item.blgo"]}),
            "briefen har ingen item `blgo` — mente du `blog`?",
        ),
        (json!({"remove": ["terms.revisions"]}), "intet at fjerne"),
        (json!({"set": {}}), "ændrer ingenting"),
    ] {
        let (status, answer) = f
            .json(
                f.request("PATCH", &format!("/api/briefs/{NAME}"))
                    .header("if-match", &tag)
                    .header("accept-language", "da")
                    .header("content-type", "application/json")
                    .body(Body::from(body.to_string()))
                    .unwrap(),
            )
            .await;
        assert_eq!(status, StatusCode::UNPROCESSABLE_ENTITY, "{body}: {answer}");
        let error = answer["error"].as_str().unwrap();
        assert!(error.contains(says), "{body}: {error}");
    }
    assert_eq!(on_disk(&f), COMMENTED);
}

#[tokio::test]
async fn a_patch_on_a_stale_etag_is_412_and_without_one_428() {
    let f = Fixture::local();
    let tag = etag(&f, NAME).await;
    let before = on_disk(&f);
    std::fs::write(
        f.dir.path().join(NAME),
        format!("{before}\n# edited elsewhere\n"),
    )
    .unwrap();
    let (status, answer) = patch(&f, &tag, json!({"set": {"request.budget": 1}})).await;
    assert_eq!(status, StatusCode::PRECONDITION_FAILED, "{answer}");
    assert!(on_disk(&f).ends_with("# edited elsewhere\n"));
    let (status, _) = f
        .json(
            f.request("PATCH", &format!("/api/briefs/{NAME}"))
                .body(Body::from(
                    json!({"set": {"request.budget": 1}}).to_string(),
                ))
                .unwrap(),
        )
        .await;
    assert_eq!(status, StatusCode::PRECONDITION_REQUIRED);
}

#[tokio::test]
async fn a_brief_that_is_not_toml_is_422_and_malformed_json_400() {
    let f = Fixture::local();
    std::fs::write(f.dir.path().join(NAME), "[project\nname = 1").unwrap();
    let tag = etag(&f, NAME).await;
    let (status, answer) = patch(&f, &tag, json!({"set": {"request.budget": 1}})).await;
    assert_eq!(status, StatusCode::UNPROCESSABLE_ENTITY);
    assert!(answer["error"].as_str().unwrap().contains("TOML view"));
    let (status, _) = f
        .json(
            f.request("PATCH", &format!("/api/briefs/{NAME}"))
                .header("if-match", &tag)
                .body(Body::from("{\"set\": "))
                .unwrap(),
        )
        .await;
    assert_eq!(status, StatusCode::BAD_REQUEST);
}
