//! Team mode: `trekant serve --db postgres://…`. Many `serve` processes stand in front of one
//! PostgreSQL database that holds everything (briefs, people, sessions, the history), so any
//! process can answer any request. Here: the database handle the app keeps, and the person a
//! request comes from ([`Caller`]), which the security layer puts on every authenticated
//! request in team mode.

use std::time::Duration;

use trekant_store::{LoginLimits, PgStore, User};

/// How long a login lasts unless `serve --session-hours` says otherwise: a working day.
pub const SESSION_LIFE: Duration = Duration::from_secs(12 * 3600);

/// The team's database. Cheap to clone (the connection pool is shared).
#[derive(Clone, Debug)]
pub struct Team {
    pub pg: PgStore,
    /// How long a session lasts from its login ([`SESSION_LIFE`]).
    pub session_life: Duration,
    /// How many failed logins are let through ([`crate::auth`]).
    pub limits: LoginLimits,
}

impl Team {
    pub fn new(pg: PgStore) -> Self {
        Team {
            pg,
            session_life: SESSION_LIFE,
            limits: LoginLimits::default(),
        }
    }

    /// The person a bearer or session token belongs to, while the session lasts. Blocks (a
    /// database round trip): call it where blocking is allowed (`PgStore` moves an async
    /// task's other work off the thread first).
    pub fn caller(&self, token: &str) -> Result<Option<Caller>, trekant_store::StoreError> {
        Ok(self.pg.session_user(token)?.map(|user| Caller { user }))
    }
}

/// Who sent a request, in team mode: a request extension the security layer adds once the
/// session or bearer token checks out. Handlers take it as
/// `Option<axum::Extension<Caller>>` (absent in local mode).
#[derive(Clone, Debug)]
pub struct Caller {
    pub user: User,
}

impl Caller {
    /// The owner of this person's rows in the store.
    pub fn owner(&self) -> String {
        self.user.owner()
    }
}
