//! The web app through its `Router`, without a socket: every API row and every security rule.

mod api;
mod auth;
mod history;
mod pages;
mod patch;
mod security;
mod team;
mod team_briefs;

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

/// A team server for a test: the app in team mode on a fresh schema of the test server
/// (`TREKANT_TEST_DATABASE_URL`), the example briefs, an owner and a member with sessions.
/// `None`, after saying the test is skipped, without a server.
pub struct TeamFixture {
    pub fixture: Fixture,
    pub pg: trekant_store::PgStore,
    pub owner: trekant_store::User,
    pub owner_token: String,
    pub member: trekant_store::User,
    pub member_token: String,
}

impl TeamFixture {
    /// Blocks on the database: call it from a multi-threaded runtime's test
    /// (`#[tokio::test(flavor = "multi_thread")]`) or a plain thread.
    #[allow(clippy::print_stdout)] // a skipped test says so
    pub fn new(test: &str) -> Option<Self> {
        let url = match std::env::var("TREKANT_TEST_DATABASE_URL") {
            Ok(url) if !url.trim().is_empty() => url,
            _ => {
                println!(
                    "skipped {test}: PostgreSQL tests need TREKANT_TEST_DATABASE_URL \
                     (scripts/test-postgres.sh starts a throwaway server)"
                );
                return None;
            }
        };
        let url = fresh_schema(&url);
        let options = trekant_store::PgOptions {
            max_connections: 4,
            ..trekant_store::PgOptions::default()
        };
        let pg = trekant_store::PgStore::connect_with(&url, trekant_store::LOCAL_OWNER, &options)
            .unwrap();
        let person = |email: &str, name: &str, role| {
            let user = pg
                .add_user(&trekant_store::NewUser {
                    email,
                    name,
                    role,
                    password: "correct horse battery staple",
                })
                .unwrap();
            let (token, _) = pg
                .create_session(user.id, std::time::Duration::from_secs(3600))
                .unwrap();
            (user, token)
        };
        let (owner, owner_token) = person("lone@example.dk", "Lone", trekant_store::Role::Owner);
        let (member, member_token) = person("mads@example.dk", "Mads", trekant_store::Role::Member);
        let dir = tempfile::tempdir().unwrap();
        let examples = Path::new(env!("CARGO_MANIFEST_DIR")).join("../../examples");
        let mut briefs = Vec::new();
        for name in ["kaffe-nord.toml", "harbour-physio.toml"] {
            std::fs::copy(examples.join(name), dir.path().join(name)).unwrap();
            let text = std::fs::read_to_string(examples.join(name)).unwrap();
            briefs.push((name.to_owned(), text));
        }
        // A team server's briefs are in its database (as `trekant db import` puts them).
        pg.import_briefs(&briefs, None).unwrap();
        let config = Config::new(dir.path().to_path_buf(), LOOPBACK.parse().unwrap(), None)
            .with_team(pg.clone());
        let state = AppState::new(&config).unwrap();
        let csrf = state.guard.csrf.clone();
        let fixture = Fixture {
            dir,
            db: None,
            app: app(state),
            csrf,
        };
        Some(TeamFixture {
            fixture,
            pg,
            owner,
            owner_token,
            member,
            member_token,
        })
    }

    /// A request from the loopback host with `token` as its bearer token.
    pub fn request(&self, method: &str, uri: &str, token: &str) -> axum::http::request::Builder {
        Request::builder()
            .method(method)
            .uri(uri)
            .header("host", LOOPBACK)
            .header("authorization", format!("Bearer {token}"))
    }
}

/// A new, empty schema on the test server, and the URL that uses it.
fn fresh_schema(url: &str) -> String {
    use std::sync::atomic::{AtomicUsize, Ordering};
    static N: AtomicUsize = AtomicUsize::new(0);
    let schema = format!(
        "w_{}_{}_{}",
        std::process::id(),
        N.fetch_add(1, Ordering::Relaxed),
        jiff::Timestamp::now().as_microsecond() % 1_000_000
    );
    let runtime = tokio::runtime::Builder::new_current_thread()
        .enable_all()
        .build()
        .unwrap();
    let sql = format!("CREATE SCHEMA {schema}");
    let admin_url = url.to_owned();
    // Its own thread: a runtime cannot be started inside a test's runtime.
    std::thread::spawn(move || {
        runtime.block_on(async {
            let (client, connection) = tokio_postgres::connect(&admin_url, tokio_postgres::NoTls)
                .await
                .unwrap();
            let task = tokio::spawn(connection);
            client.batch_execute(&sql).await.unwrap();
            drop(client);
            let _ = task.await;
        });
    })
    .join()
    .unwrap();
    let sep = if url.contains('?') { '&' } else { '?' };
    format!("{url}{sep}options=-c%20search_path%3D{schema}")
}
