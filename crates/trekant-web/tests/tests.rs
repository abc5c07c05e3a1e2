//! The web app through its `Router`, without a socket: every API row and every security rule.

mod api;
mod history;
mod pages;
mod patch;
mod security;

use std::net::SocketAddr;
use std::path::Path;

use axum::Router;
use axum::body::Body;
use axum::http::{Request, Response, StatusCode};
use http_body_util::BodyExt;
use serde_json::Value;
use tower::ServiceExt;
use trekant_web::{AppState, Config, app};

pub const LOOPBACK: &str = "127.0.0.1:7878";

/// A folder with the repository's example briefs copied in, and the app over it.
pub struct Fixture {
    pub dir: tempfile::TempDir,
    /// The history database's folder, when the app has a store.
    pub db: Option<tempfile::TempDir>,
    pub app: Router,
    pub csrf: String,
}

impl Fixture {
    /// The app on loopback, without a token.
    pub fn local() -> Self {
        Self::with(None, LOOPBACK)
    }

    pub fn with(token: Option<&str>, bound: &str) -> Self {
        Self::build(token, bound, false)
    }

    /// The app on loopback with a new SQLite history store.
    pub fn with_store() -> Self {
        Self::build(None, LOOPBACK, true)
    }

    fn build(token: Option<&str>, bound: &str, store: bool) -> Self {
        let dir = tempfile::tempdir().unwrap();
        let examples = Path::new(env!("CARGO_MANIFEST_DIR")).join("../../examples");
        for name in ["kaffe-nord.toml", "harbour-physio.toml"] {
            std::fs::copy(examples.join(name), dir.path().join(name)).unwrap();
        }
        let bound: SocketAddr = bound.parse().unwrap();
        let mut config = Config::new(dir.path().to_path_buf(), bound, token.map(str::to_owned));
        let db = store.then(|| tempfile::tempdir().unwrap());
        if let Some(db) = &db {
            let store = trekant_store::SqliteStore::open(&db.path().join("history.db")).unwrap();
            config = config.with_store(Box::new(store));
        }
        let state = AppState::new(&config).unwrap();
        let csrf = state.guard.csrf.clone();
        Fixture {
            dir,
            db,
            app: app(state),
            csrf,
        }
    }

    /// A request from the loopback host, carrying the CSRF header.
    pub fn request(&self, method: &str, uri: &str) -> axum::http::request::Builder {
        Request::builder()
            .method(method)
            .uri(uri)
            .header("host", LOOPBACK)
            .header("x-trekant-csrf", &self.csrf)
    }

    pub async fn send(&self, request: Request<Body>) -> (StatusCode, Response<Body>) {
        let response = self.app.clone().oneshot(request).await.unwrap();
        (response.status(), response)
    }

    /// Sends and reads the answer as JSON.
    pub async fn json(&self, request: Request<Body>) -> (StatusCode, Value) {
        let (status, response) = self.send(request).await;
        let bytes = response.into_body().collect().await.unwrap().to_bytes();
        let value = serde_json::from_slice(&bytes)
            .unwrap_or_else(|_| Value::String(String::from_utf8_lossy(&bytes).into_owned()));
        (status, value)
    }
}
