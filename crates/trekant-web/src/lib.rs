//! trekant's web app: the review, the triangle and the offer in a browser, over a folder of
//! briefs. A library — [`app`] builds the `Router`, so tests call it without a socket and
//! the CLI's `trekant serve` is a thin shell that binds it to an address.
//!
//! Every answer is computed by `trekant-core`, the same code the CLI runs, and the JSON has the
//! CLI's shapes. What is here is the web's own part: the folder of briefs and its safe writes
//! ([`folder`]), who may ask ([`security`]), the bounded pool the simulations run in
//! ([`work`]), the handlers ([`api`]), field-by-field saving ([`patch`]) and the pages
//! ([`pages`]).

pub mod api;
pub mod auth;
pub mod briefs;
pub mod error;
pub mod folder;
mod form;
pub mod history;
pub mod lang;
pub mod pages;
pub mod patch;
pub mod security;
pub mod store;
pub mod team;
pub mod work;

use std::net::SocketAddr;
use std::path::PathBuf;
use std::sync::Arc;
use std::time::Duration;

use axum::Router;
use axum::extract::DefaultBodyLimit;

pub use error::ApiError;

/// The largest request body: a brief or a pasted e-mail, with room to spare.
pub const MAX_BODY_BYTES: usize = 1024 * 1024;

/// How the app is set up.
#[derive(Clone, Debug)]
pub struct Config {
    /// The folder of briefs.
    pub dir: PathBuf,
    /// The address the server is bound to (Host headers are checked against it).
    pub bound: SocketAddr,
    /// Required on any address but loopback.
    pub token: Option<String>,
    /// Simulations at once; more wait for a slot.
    pub workers: usize,
    /// How long a request waits for a simulation slot before a 503.
    pub queue_wait: Duration,
    /// The history store (accepted offers, tracked projects, the calibration); without one
    /// the History page and the accept button say how to get one.
    pub history: Option<store::History>,
    /// Team mode: the team's PostgreSQL database ([`team`]); `None` for the local app.
    pub team: Option<team::Team>,
}

impl Config {
    /// The defaults for a folder served on an address: one simulation per core, a 10 s wait.
    pub fn new(dir: PathBuf, bound: SocketAddr, token: Option<String>) -> Self {
        Config {
            dir,
            bound,
            token,
            workers: std::thread::available_parallelism().map_or(2, |n| n.get()),
            queue_wait: Duration::from_secs(10),
            history: None,
            team: None,
        }
    }

    /// The same, recording into `store`.
    pub fn with_store(mut self, store: Box<dyn trekant_store::Store>) -> Self {
        self.history = Some(store::History::new(store));
        self
    }

    /// Team mode on `pg`: the history is each caller's own rows of it, and every request
    /// must come from a person who logged in.
    pub fn with_team(mut self, pg: trekant_store::PgStore) -> Self {
        self.history = Some(store::History::team(pg.clone()));
        self.team = Some(team::Team::new(pg));
        self
    }
}

/// Why the app cannot start.
#[derive(Debug)]
pub enum StartError {
    Folder {
        dir: PathBuf,
        source: std::io::Error,
    },
    TokenNeeded(SocketAddr),
}

impl StartError {
    /// What went wrong, in `lang`, from the catalogs.
    pub fn message(&self, lang: trekant_core::Lang) -> String {
        match self {
            StartError::Folder { dir, source } => trekant_core::t!(
                lang,
                "web-start-folder",
                dir = dir.display().to_string(),
                error = source.to_string()
            ),
            StartError::TokenNeeded(address) => {
                trekant_core::t!(lang, "web-start-token", address = address.to_string())
            }
        }
    }
}

impl std::fmt::Display for StartError {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str(&self.message(lang::current()))
    }
}

impl std::error::Error for StartError {
    fn source(&self) -> Option<&(dyn std::error::Error + 'static)> {
        match self {
            StartError::Folder { source, .. } => Some(source),
            StartError::TokenNeeded(_) => None,
        }
    }
}

/// What every handler shares.
#[derive(Clone, Debug)]
pub struct AppState(Arc<Inner>);

#[derive(Debug)]
pub struct Inner {
    pub folder: folder::Folder,
    pub guard: security::Guard,
    pub pool: work::Pool,
    pub history: Option<store::History>,
    pub team: Option<team::Team>,
}

impl std::ops::Deref for AppState {
    type Target = Inner;
    fn deref(&self) -> &Inner {
        &self.0
    }
}

impl AppState {
    pub fn new(config: &Config) -> Result<Self, StartError> {
        // A team server's people log in instead.
        if !config.bound.ip().is_loopback() && config.token.is_none() && config.team.is_none() {
            return Err(StartError::TokenNeeded(config.bound));
        }
        let folder = folder::Folder::open(&config.dir).map_err(|source| StartError::Folder {
            dir: config.dir.clone(),
            source,
        })?;
        Ok(AppState(Arc::new(Inner {
            folder,
            guard: security::Guard::new(config.token.clone(), config.bound),
            pool: work::Pool::new(config.workers, config.queue_wait),
            history: config.history.clone(),
            team: config.team.clone(),
        })))
    }
}

/// The whole app: the API behind the security checks, bodies capped at [`MAX_BODY_BYTES`],
/// and a panic in a handler answered with a 500 while the server goes on.
pub fn app(state: AppState) -> Router {
    api::routes()
        .merge(briefs::routes())
        .merge(auth::routes())
        .merge(history::routes())
        .merge(pages::routes())
        .layer(axum::middleware::from_fn_with_state(
            state.clone(),
            security::guard,
        ))
        .layer(axum::middleware::from_fn(lang::scope))
        .layer(DefaultBodyLimit::max(MAX_BODY_BYTES))
        .layer(tower_http::catch_panic::CatchPanicLayer::new())
        .with_state(state)
}
