//! A bounded pool for the CPU-bound work (reviews with their simulation, estimates,
//! options): it runs off the async threads, at most as many at once as there are slots, and a
//! request that cannot get a slot within the wait gets 503 with `Retry-After` instead of
//! piling up without limit.

use std::sync::Arc;
use std::time::Duration;

use tokio::sync::Semaphore;

use crate::error::ApiError;

#[derive(Clone, Debug)]
pub struct Pool {
    slots: Arc<Semaphore>,
    wait: Duration,
}

impl Pool {
    pub fn new(slots: usize, wait: Duration) -> Self {
        Pool {
            slots: Arc::new(Semaphore::new(slots.max(1))),
            wait,
        }
    }

    /// Runs `work` on a blocking thread once a slot is free. A panic inside is caught and
    /// becomes a 500; the server goes on.
    pub async fn run<T: Send + 'static>(
        &self,
        work: impl FnOnce() -> T + Send + 'static,
    ) -> Result<T, ApiError> {
        let permit = tokio::time::timeout(self.wait, self.slots.clone().acquire_owned())
            .await
            .map_err(|_| {
                ApiError::Busy(crate::tr!(
                    "web-error-busy",
                    seconds = self.wait.as_secs().to_string()
                ))
            })?
            .map_err(|_| ApiError::Internal("the simulation pool was closed".into()))?;
        let lang = crate::lang::current();
        tokio::task::spawn_blocking(move || {
            let _slot = permit;
            crate::lang::within(lang, work)
        })
        .await
        .map_err(|error| ApiError::Internal(format!("a simulation failed: {error}")))
    }
}
