//! Failed logins of a team server, counted in the database so that every `serve` process in
//! front of it sees the same count: password guessing is limited per e-mail address and per
//! client address, however many processes an attacker spreads their attempts over.
//!
//! An attempt is counted as failed *before* its password is checked ([`PgStore::begin_login`])
//! and forgiven when it turns out right ([`PgStore::login_succeeded`]): a burst of parallel
//! guesses cannot all slip through while the first ones are still being hashed. The check and
//! the count are one transaction under advisory locks on the e-mail address and the client
//! address, so processes take turns for the same address.

use std::time::Duration;

use super::{PgStore, block_on};
use crate::StoreError;

/// The first keys of the advisory locks an attempt takes (the second is the hash of the
/// e-mail address, or of the client address): "logi" and "loga" in ASCII.
const EMAIL_LOCK: i32 = 0x6c6f_6769;
const ADDRESS_LOCK: i32 = 0x6c6f_6761;

/// How many failed logins are allowed before further attempts are refused.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct LoginLimits {
    /// Failed attempts for one e-mail address within the window.
    pub per_email: u32,
    /// Failed attempts from one client address (whatever the e-mail) within the window.
    pub per_address: u32,
    /// How far back failed attempts count.
    pub window: Duration,
}

impl Default for LoginLimits {
    /// 5 per e-mail address, 30 per client address, in 15 minutes.
    fn default() -> Self {
        Self {
            per_email: 5,
            per_address: 30,
            window: Duration::from_secs(15 * 60),
        }
    }
}

/// Whether a login may go on to the password check.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum LoginAttempt {
    /// Counted as failed until [`PgStore::login_succeeded`] says otherwise.
    Allowed,
    /// Too many failed attempts: try again after this long (whole seconds, at least one).
    Blocked { retry_after: Duration },
}

/// An e-mail address as attempts are counted: trimmed, lower case.
fn key(email: &str) -> String {
    email.trim().to_lowercase()
}

/// The seconds until the `limit`-th most recent attempt matching `column = $1` leaves the
/// window, when there are at least `limit` in it.
async fn wait(
    tx: &tokio_postgres::Transaction<'_>,
    column: &str,
    value: &str,
    limit: u32,
    window: f64,
) -> Result<Option<u64>, StoreError> {
    let offset = i64::from(limit.max(1) - 1);
    let row = tx
        .query_opt(
            &format!(
                "SELECT ceil(extract(epoch FROM
                            at + $2::float8 * interval '1 second' - clock_timestamp()))::bigint
                 FROM login_attempts
                 WHERE {column} = $1 AND at > clock_timestamp() - $2::float8 * interval '1 second'
                 ORDER BY at DESC OFFSET $3 LIMIT 1"
            ),
            &[&value, &window, &offset],
        )
        .await?;
    Ok(row
        .map(|row| row.try_get::<_, i64>(0))
        .transpose()?
        .map(|seconds| seconds.max(1).unsigned_abs()))
}

impl PgStore {
    /// Before a password is checked: refuses the attempt when `email` or the client's
    /// `address` has used up its failed attempts within the window, else counts it as failed.
    pub fn begin_login(
        &self,
        email: &str,
        address: Option<&str>,
        limits: &LoginLimits,
    ) -> Result<LoginAttempt, StoreError> {
        let email = key(email);
        let window = limits.window.as_secs_f64();
        block_on(async {
            let mut client = self.client().await?;
            let tx = tokio_postgres::Client::transaction(&mut client).await?;
            tx.execute(
                "SELECT pg_advisory_xact_lock($1, hashtext($2))",
                &[&EMAIL_LOCK, &email],
            )
            .await?;
            if let Some(address) = address {
                tx.execute(
                    "SELECT pg_advisory_xact_lock($1, hashtext($2))",
                    &[&ADDRESS_LOCK, &address],
                )
                .await?;
            }
            tx.execute(
                "DELETE FROM login_attempts
                 WHERE at < now() - greatest($1::float8, 86400) * interval '1 second'",
                &[&window],
            )
            .await?;
            let mut retry = wait(&tx, "email", &email, limits.per_email, window).await?;
            if let Some(address) = address {
                let by_address = wait(&tx, "address", address, limits.per_address, window).await?;
                retry = retry.max(by_address);
            }
            if let Some(seconds) = retry {
                tx.commit().await?;
                return Ok(LoginAttempt::Blocked {
                    retry_after: Duration::from_secs(seconds),
                });
            }
            tx.execute(
                "INSERT INTO login_attempts (email, address) VALUES ($1, $2)",
                &[&email, &address],
            )
            .await?;
            tx.commit().await?;
            Ok(LoginAttempt::Allowed)
        })
    }

    /// A login with `email` succeeded: its failed attempts are forgotten. (The client
    /// address's are not: one right password must not reset the count of someone guessing
    /// other people's.)
    pub fn login_succeeded(&self, email: &str) -> Result<(), StoreError> {
        let email = key(email);
        block_on(async {
            let client = self.client().await?;
            client
                .execute("DELETE FROM login_attempts WHERE email = $1", &[&email])
                .await?;
            Ok(())
        })
    }
}
