//! The history store the web app records into: any [`Store`] (SQLite for the local app,
//! PostgreSQL for a team server), opened by the caller — `trekant serve --db`.
//!
//! The local app holds its one store behind a mutex: store calls block, so they run on the
//! blocking threads, one at a time. A team server's PostgreSQL store is a shared connection
//! pool, safe to use from many threads at once; each request gets it as the calling person's
//! ([`History::for_caller`]), so hours, offers and calibration are theirs. Either way each
//! writing call is one transaction of the store's own.

use std::sync::{Arc, Mutex};

use trekant_store::{PgStore, Store};

use crate::error::ApiError;
use crate::team::Caller;

#[derive(Clone)]
pub struct History {
    kind: Kind,
}

#[derive(Clone)]
enum Kind {
    Local(Arc<Mutex<Box<dyn Store>>>),
    Team(PgStore),
}

impl std::fmt::Debug for History {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("History").finish_non_exhaustive()
    }
}

impl History {
    pub fn new(store: Box<dyn Store>) -> Self {
        History {
            kind: Kind::Local(Arc::new(Mutex::new(store))),
        }
    }

    /// A team server's history; use it through [`History::for_caller`].
    pub fn team(pg: PgStore) -> Self {
        History {
            kind: Kind::Team(pg),
        }
    }

    /// The history as `caller` sees it: on a team server their own rows (and the team's for
    /// calibration); the local app's one store otherwise. A team server without a caller is a
    /// 401 — the security layer lets no such request through, this is the second lock.
    pub fn for_caller(&self, caller: Option<&Caller>) -> Result<History, ApiError> {
        match (&self.kind, caller) {
            (Kind::Local(_), _) => Ok(self.clone()),
            (Kind::Team(pg), Some(caller)) => Ok(History {
                kind: Kind::Team(
                    pg.for_owner(&caller.owner())
                        .map_err(|e| ApiError::Internal(e.to_string()))?,
                ),
            }),
            (Kind::Team(_), None) => Err(ApiError::Unauthorized(crate::tr!("web-error-log-in"))),
        }
    }

    /// Runs `work` with the store on a blocking thread. A panic inside is a 500; the store
    /// stays usable (a transaction cut short by it was rolled back).
    pub async fn run<T: Send + 'static>(
        &self,
        work: impl FnOnce(&mut dyn Store) -> T + Send + 'static,
    ) -> Result<T, ApiError> {
        let kind = self.kind.clone();
        let lang = crate::lang::current();
        tokio::task::spawn_blocking(move || match kind {
            Kind::Local(store) => {
                let mut guard = store
                    .lock()
                    .unwrap_or_else(std::sync::PoisonError::into_inner);
                crate::lang::within(lang, || work(guard.as_mut()))
            }
            Kind::Team(mut pg) => crate::lang::within(lang, || work(&mut pg)),
        })
        .await
        .map_err(|error| ApiError::Internal(format!("a store call failed: {error}")))
    }
}
