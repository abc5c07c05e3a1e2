//! The pages: rendered in the brief's or the browser's language, with the CSRF meta tag,
//! every client and user text escaped, broken briefs listed with their error, assets served by
//! the app itself, and the same security rules as the API.

use axum::body::Body;
use axum::http::StatusCode;
use http_body_util::BodyExt;

use super::Fixture;

async fn page(f: &Fixture, uri: &str, accept_language: &str) -> (StatusCode, String) {
    let request = f
        .request("GET", uri)
        .header("accept-language", accept_language)
        .body(Body::empty())
        .unwrap();
    let (status, response) = f.send(request).await;
    let bytes = response.into_body().collect().await.unwrap().to_bytes();
    (status, String::from_utf8(bytes.to_vec()).unwrap())
}

/// The JSON a page gives its script.
fn script_data(html: &str, id: &str) -> serde_json::Value {
    let open = format!("<script type=\"application/json\" id=\"{id}\">");
    let start = html.find(&open).unwrap() + open.len();
    let end = start + html[start..].find("</script>").unwrap();
    serde_json::from_str(&html[start..end]).unwrap()
}

#[tokio::test]
async fn the_start_page_speaks_the_browsers_language_and_carries_the_csrf_token() {
    let f = Fixture::local();
    let (status, html) = page(&f, "/", "da-DK,da;q=0.9,en;q=0.8").await;
    assert_eq!(status, StatusCode::OK);
    assert!(html.contains("<html lang=\"da\">"), "{html}");
    assert!(html.contains("Kundens mail"));
    assert!(html.contains(&format!(
        "<meta name=\"trekant-csrf\" content=\"{}\">",
        f.csrf
    )));
    let messages = script_data(&html, "trekant-messages");
    assert_eq!(messages["web-js-copied"], "Kopieret.");
    let (_, html) = page(&f, "/?lang=en", "da").await;
    assert!(html.contains("<html lang=\"en\">"));
    assert!(html.contains("The client&#x27;s e-mail") || html.contains("The client's e-mail"));
    assert!(
        html.contains("href=\"/briefs?lang=en\""),
        "the choice is kept"
    );
}

#[tokio::test]
async fn the_briefs_page_lists_every_brief_with_price_and_the_broken_with_their_error() {
    let f = Fixture::local();
    std::fs::write(f.dir.path().join("broken.toml"), "[project\nname = 1").unwrap();
    let (status, html) = page(&f, "/briefs", "en").await;
    assert_eq!(status, StatusCode::OK);
    for needle in [
        "href=\"/briefs/kaffe-nord.toml\"",
        "Kaffe Nord ApS",
        "href=\"/briefs/harbour-physio.toml\"",
        "href=\"/briefs/broken.toml\"",
        "1:9:",
        "class=\"verdict unrealistic\"",
    ] {
        assert!(html.contains(needle), "{needle} in {html}");
    }
    assert!(html.contains("DKK"), "prices: {html}");
}

#[tokio::test]
async fn a_brief_page_follows_the_briefs_language_and_escapes_the_clients_words() {
    let f = Fixture::local();
    let (status, html) = page(&f, "/briefs/kaffe-nord.toml", "en").await;
    assert_eq!(status, StatusCode::OK);
    assert!(html.contains("<html lang=\"da\">"), "kaffe-nord is Danish");
    let data = script_data(&html, "trekant-brief");
    assert_eq!(data["name"], "kaffe-nord.toml");
    let words = data["words"]["text"].as_str().unwrap();
    assert!(words.starts_with("Hej! Vi skal bare have"), "{words}");
    let marks = data["words"]["marks"].as_array().unwrap();
    assert!(!marks.is_empty());
    // Every mark is on the words the finding quotes.
    for mark in marks {
        let (start, end) = (
            mark["start"].as_u64().unwrap() as usize,
            mark["end"].as_u64().unwrap() as usize,
        );
        let quoted: String = words.chars().skip(start).take(end - start).collect();
        assert!(!quoted.trim().is_empty(), "{mark}");
    }
    assert_eq!(data["fields"]["budget"], 50000.0);
    assert!(html.contains("data-path=\"item.shop.estimate\""));

    let hostile = r#"[project]
name = "<img src=x onerror=alert(1)>"
client = "</script><script>alert(2)</script>"
[request]
text = "ASAP </script><script>alert(3)</script> & more"
"#;
    std::fs::write(f.dir.path().join("x.toml"), hostile).unwrap();
    for uri in ["/briefs/x.toml", "/briefs"] {
        let (status, html) = page(&f, uri, "en").await;
        assert_eq!(status, StatusCode::OK, "{uri}");
        assert!(!html.contains("<img src=x"), "{uri}: {html}");
        assert!(!html.contains("<script>alert"), "{uri}: {html}");
        assert!(html.contains("&lt;img src=x onerror=alert(1)&gt;"), "{uri}");
    }
}

#[tokio::test]
async fn assets_are_served_by_the_app_and_pages_follow_the_security_rules() {
    let f = Fixture::local();
    let (status, response) = f
        .send(
            f.request("GET", "/assets/app.js")
                .body(Body::empty())
                .unwrap(),
        )
        .await;
    assert_eq!(status, StatusCode::OK);
    assert!(
        response.headers()["content-type"]
            .to_str()
            .unwrap()
            .starts_with("text/javascript")
    );
    let (status, _) = page(&f, "/assets/app.css", "en").await;
    assert_eq!(status, StatusCode::OK);
    for (_, html) in [
        page(&f, "/", "en").await,
        page(&f, "/briefs", "en").await,
        page(&f, "/briefs/kaffe-nord.toml", "en").await,
    ] {
        let outside: Vec<&str> = html
            .split(['"', '\''])
            .filter(|s| s.starts_with("http:") || s.starts_with("https:") || s.starts_with("//"))
            .collect();
        assert!(
            outside.is_empty(),
            "a page asks for {outside:?} outside the app"
        );
    }
    let (status, _) = page(&f, "/briefs/..%2Fsecret.toml", "en").await;
    assert!(status == StatusCode::BAD_REQUEST || status == StatusCode::NOT_FOUND);
    let (status, _) = page(&f, "/briefs/nothing.toml", "en").await;
    assert_eq!(status, StatusCode::NOT_FOUND);

    let locked = Fixture::with(Some("sesame"), "0.0.0.0:7878");
    let request = axum::http::Request::builder()
        .uri("/briefs")
        .header("host", "0.0.0.0:7878")
        .body(Body::empty())
        .unwrap();
    let (status, _) = locked.send(request).await;
    assert_eq!(status, StatusCode::UNAUTHORIZED);
    let request = axum::http::Request::builder()
        .uri("/")
        .header("host", "evil.example:7878")
        .body(Body::empty())
        .unwrap();
    let (status, _) = f.send(request).await;
    assert_eq!(status, StatusCode::FORBIDDEN);
}
