//! The history store the web app records into: any [`Store`] (SQLite today, PostgreSQL for a
//! team server), opened by the caller — `trekant serve --db` — and held here behind a mutex.
//! Store calls block, so they run on the blocking threads, one at a time; each writing call
//! is one transaction of the store's own.

use std::sync::{Arc, Mutex};

use trekant_store::Store;

use crate::error::ApiError;

#[derive(Clone)]
pub struct History {
    store: Arc<Mutex<Box<dyn Store>>>,
}

impl std::fmt::Debug for History {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("History").finish_non_exhaustive()
    }
}

impl History {
    pub fn new(store: Box<dyn Store>) -> Self {
        History {
            store: Arc::new(Mutex::new(store)),
        }
    }

    /// Runs `work` with the store on a blocking thread. A panic inside is a 500; the store
    /// stays usable (a transaction cut short by it was rolled back).
    pub async fn run<T: Send + 'static>(
        &self,
        work: impl FnOnce(&mut dyn Store) -> T + Send + 'static,
    ) -> Result<T, ApiError> {
        let store = self.store.clone();
        let lang = crate::lang::current();
        tokio::task::spawn_blocking(move || {
            let mut guard = store
                .lock()
                .unwrap_or_else(std::sync::PoisonError::into_inner);
            crate::lang::within(lang, || work(guard.as_mut()))
        })
        .await
        .map_err(|error| ApiError::Internal(format!("a store call failed: {error}")))
    }
}
