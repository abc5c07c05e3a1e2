//! The PostgreSQL store, for a team server: many processes, one database.
//!
//! `tokio-postgres` with a `deadpool-postgres` pool (why: `docs/team.md`). The [`Store`] trait
//! stays synchronous, so every call runs its queries to completion on a small runtime of the
//! store's own ([`block_on`]); the connections' background tasks live on that runtime too, so
//! they keep running between calls. Call the store from a plain thread or, inside a tokio
//! program, from `tokio::task::spawn_blocking`. (Called from an async task of a
//! multi-threaded runtime it still works, through `block_in_place`; from a current-thread
//! runtime's task tokio cannot block and panics.)
//!
//! - **Pooling and reconnection**: up to [`PgOptions::max_connections`] connections; each is
//!   checked with a round trip before it is handed out, so connections that died with a
//!   restarted server are dropped and replaced instead of failing the next request.
//! - **Timeouts**: connecting gives up after [`PgOptions::connect_timeout`], waiting for a free
//!   connection after [`PgOptions::wait_timeout`], every statement after
//!   [`PgOptions::statement_timeout`], and a writer waiting for another after
//!   [`PgOptions::lock_timeout`] ([`StoreError::Busy`]).
//! - **Writes**: each writing method is one transaction that first takes a transaction-level
//!   advisory lock on its owner, so one owner's writers take turns (as SQLite's single writer
//!   does) while different owners write in parallel.
//! - **Migrations**: `migrations/postgres/*.sql`, applied under a session advisory lock when
//!   the store connects ([`migrate`]).

pub(crate) mod briefs;
mod date;
pub(crate) mod logins;
pub(crate) mod migrate;
mod queries;
pub(crate) mod shares;
mod stamp;
pub(crate) mod users;

use std::str::FromStr;
use std::sync::OnceLock;
use std::time::Duration;

use deadpool_postgres::{Manager, ManagerConfig, Pool, RecyclingMethod};
use jiff::civil::Date;
use tokio_postgres::NoTls;
use trekant_core::history::{ParsedHistory, Record};
use trekant_core::tracking::{
    AcceptedOffer, ChangeRequest, CloseReport, ImportReport, LOCAL_OWNER, LogEntry, ProjectStatus,
    TrackedItem, Unfinished,
};

use crate::{KeyedLog, Store, StoreError, tracking};

pub use briefs::{BriefImport, BriefSummary, BriefText, BriefVersion, Saved};
pub use logins::{LoginAttempt, LoginLimits};
pub use migrate::Migrated;
pub use stamp::HistoryStamp;
pub use users::{NewUser, Removal, Role, User};

/// The first key of the advisory locks that make one owner's writers take turns (the second
/// is the hash of the owner). Two-key advisory locks never collide with the one-key lock of
/// the migrations.
const OWNER_LOCK: i32 = 0x7472_656b; // "trek"

/// How the store connects and how long it waits.
#[derive(Clone, Debug)]
pub struct PgOptions {
    /// The most connections the pool keeps open.
    pub max_connections: usize,
    /// How long opening a connection may take.
    pub connect_timeout: Duration,
    /// How long a call waits for a free connection from the pool.
    pub wait_timeout: Duration,
    /// How long one statement may run (`statement_timeout`).
    pub statement_timeout: Duration,
    /// How long a write waits for another writer of the same owner (`lock_timeout`).
    pub lock_timeout: Duration,
}

impl Default for PgOptions {
    fn default() -> Self {
        Self {
            max_connections: 16,
            connect_timeout: Duration::from_secs(5),
            wait_timeout: Duration::from_secs(10),
            statement_timeout: Duration::from_secs(30),
            lock_timeout: Duration::from_secs(crate::error::BUSY_SECONDS),
        }
    }
}

/// A trekant database in PostgreSQL, seen as one owner's. Cloning it (or
/// [`PgStore::for_owner`]) shares the pool.
#[derive(Clone)]
pub struct PgStore {
    pool: Pool,
    owner: String,
    lock_seconds: u64,
}

impl std::fmt::Debug for PgStore {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("PgStore")
            .field("owner", &self.owner)
            .field("status", &self.pool.status())
            .finish()
    }
}

/// The runtime every PostgreSQL store runs its queries and connections on: two worker threads
/// of its own, made on first use and kept for the life of the process.
fn runtime() -> Result<&'static tokio::runtime::Runtime, StoreError> {
    static RUNTIME: OnceLock<tokio::runtime::Runtime> = OnceLock::new();
    if let Some(runtime) = RUNTIME.get() {
        return Ok(runtime);
    }
    let runtime = tokio::runtime::Builder::new_multi_thread()
        .worker_threads(2)
        .thread_name("trekant-postgres")
        .enable_all()
        .build()
        .map_err(|e| StoreError::Unreachable(format!("cannot start the runtime: {e}")))?;
    Ok(RUNTIME.get_or_init(|| runtime))
}

/// Runs `work` to completion on the store's runtime. From an async task of a multi-threaded
/// tokio runtime it first moves that task's other work off the thread
/// (`tokio::task::block_in_place`), since blocking an async worker as it is would panic; from
/// a plain thread or `spawn_blocking` it simply waits.
pub(crate) fn block_on<T>(
    work: impl Future<Output = Result<T, StoreError>>,
) -> Result<T, StoreError> {
    let runtime = runtime()?;
    match tokio::runtime::Handle::try_current() {
        Ok(handle) if handle.runtime_flavor() == tokio::runtime::RuntimeFlavor::MultiThread => {
            tokio::task::block_in_place(|| runtime.block_on(work))
        }
        _ => runtime.block_on(work),
    }
}

impl PgStore {
    /// Connects to the database at `url` (`postgres://…` or `postgresql://…`) as the local
    /// user's, and brings its schema up to date.
    pub fn connect(url: &str) -> Result<Self, StoreError> {
        Self::connect_with(url, LOCAL_OWNER, &PgOptions::default())
    }

    /// [`PgStore::connect`] for the rows of `owner`, with these timeouts and pool size.
    pub fn connect_with(url: &str, owner: &str, options: &PgOptions) -> Result<Self, StoreError> {
        let store = Self::connect_unmigrated(url, owner, options)?;
        store.migrate()?;
        Ok(store)
    }

    /// A pool on `url` that has not yet checked the schema (`trekant db migrate` reports
    /// what it applies).
    pub fn connect_unmigrated(
        url: &str,
        owner: &str,
        options: &PgOptions,
    ) -> Result<Self, StoreError> {
        if owner.trim().is_empty() {
            return Err(StoreError::Invalid("the store needs an owner".into()));
        }
        let mut config = tokio_postgres::Config::from_str(url)
            .map_err(|e| StoreError::BadUrl(format!("{e}")))?;
        if config.get_connect_timeout().is_none() {
            config.connect_timeout(options.connect_timeout);
        }
        if config.get_application_name().is_none() {
            config.application_name("trekant");
        }
        // The timeouts are session settings, given at connect time, after whatever options
        // the URL carries (a test's `search_path`, say).
        let settings = format!(
            "-c statement_timeout={} -c lock_timeout={}",
            options.statement_timeout.as_millis(),
            options.lock_timeout.as_millis()
        );
        let all = match config.get_options() {
            Some(given) if !given.trim().is_empty() => format!("{given} {settings}"),
            _ => settings,
        };
        config.options(all);
        let manager = Manager::from_config(
            config,
            NoTls,
            ManagerConfig {
                // A round trip before a pooled connection is handed out: one that died with
                // a restarted server is dropped and a new one opened.
                recycling_method: RecyclingMethod::Verified,
            },
        );
        let pool = Pool::builder(manager)
            .max_size(options.max_connections.max(1))
            .wait_timeout(Some(options.wait_timeout))
            .create_timeout(Some(options.connect_timeout))
            .recycle_timeout(Some(options.connect_timeout))
            .runtime(deadpool_postgres::Runtime::Tokio1)
            .build()
            .map_err(|e| StoreError::Unreachable(e.to_string()))?;
        Ok(Self {
            pool,
            owner: owner.to_string(),
            lock_seconds: options.lock_timeout.as_secs().max(1),
        })
    }

    /// The same database, seen as `owner`'s (the pool is shared).
    pub fn for_owner(&self, owner: &str) -> Result<Self, StoreError> {
        if owner.trim().is_empty() {
            return Err(StoreError::Invalid("the store needs an owner".into()));
        }
        Ok(Self {
            owner: owner.to_string(),
            ..self.clone()
        })
    }

    /// Applies the migrations the database lacks, under an advisory lock so that processes
    /// starting at once take turns; says which it applied.
    pub fn migrate(&self) -> Result<Migrated, StoreError> {
        block_on(async {
            let mut client = self.client().await?;
            migrate::migrate(&mut client, migrate::MIGRATIONS.len()).await
        })
    }

    /// The number of migrations applied to the database.
    pub fn schema_version(&self) -> Result<u32, StoreError> {
        block_on(async {
            let client = self.client().await?;
            let client: &tokio_postgres::Client = &client;
            migrate::version(client).await
        })
    }

    /// A connection from the pool.
    pub(crate) async fn client(&self) -> Result<deadpool_postgres::Object, StoreError> {
        Ok(self.pool.get().await?)
    }

    /// Runs `work` inside one transaction that holds the owner's write lock, and commits.
    fn write<T>(
        &self,
        work: impl AsyncFnOnce(&tokio_postgres::Transaction<'_>, &str) -> Result<T, StoreError>,
    ) -> Result<T, StoreError> {
        block_on(async {
            let mut client = self.client().await?;
            let tx = tokio_postgres::Client::transaction(&mut client).await?;
            tx.execute(
                "SELECT pg_advisory_xact_lock($1, hashtext($2))",
                &[&OWNER_LOCK, &self.owner],
            )
            .await
            .map_err(|e| self.busy(e))?;
            let out = work(&tx, &self.owner).await.map_err(|e| match e {
                StoreError::Postgres(e) => self.busy(e),
                other => other,
            })?;
            tx.commit().await?;
            Ok(out)
        })
    }

    /// Runs `work` on a pooled connection, outside any transaction of ours.
    fn read<T>(
        &self,
        work: impl AsyncFnOnce(&tokio_postgres::Client, &str) -> Result<T, StoreError>,
    ) -> Result<T, StoreError> {
        block_on(async {
            let client = self.client().await?;
            work(&client, &self.owner).await
        })
    }

    /// A lock wait that ran out is [`StoreError::Busy`]; anything else stays what it is.
    fn busy(&self, error: tokio_postgres::Error) -> StoreError {
        match error.code() {
            Some(&tokio_postgres::error::SqlState::LOCK_NOT_AVAILABLE) => StoreError::Busy {
                seconds: self.lock_seconds,
            },
            _ => StoreError::from(error),
        }
    }
}

impl Store for PgStore {
    fn owner(&self) -> &str {
        &self.owner
    }

    fn import_history_with_progress(
        &mut self,
        parsed: &ParsedHistory,
        skip_bad: bool,
        progress: &mut dyn FnMut(usize),
    ) -> Result<ImportReport, StoreError> {
        if !parsed.errors.is_empty() && !skip_bad {
            return Err(StoreError::BadRows(parsed.errors.clone()));
        }
        self.write(async |tx, owner| queries::import(tx, owner, parsed, progress).await)
    }

    fn export_history(&self) -> Result<Vec<Record>, StoreError> {
        self.read(async |c, owner| queries::export(c, owner).await)
    }

    fn export_team_history(&self) -> Result<Vec<(String, Record)>, StoreError> {
        self.read(async |c, _owner| queries::export_team(c).await)
    }

    fn history_len(&self) -> Result<usize, StoreError> {
        self.read(async |c, owner| queries::len(c, owner).await)
    }

    fn track_start(
        &mut self,
        project: &str,
        items: &[TrackedItem],
        started: Date,
    ) -> Result<(), StoreError> {
        tracking::check_scope(project, items)?;
        self.write(async |tx, owner| queries::start(tx, owner, project, items, started).await)
    }

    fn track_log_many(&mut self, project: &str, entries: &[LogEntry]) -> Result<usize, StoreError> {
        self.write(async |tx, owner| queries::log(tx, owner, project, entries).await)
    }

    fn track_log_keyed(
        &mut self,
        project: &str,
        entry: &LogEntry,
        key: &str,
    ) -> Result<KeyedLog, StoreError> {
        self.write(async |tx, owner| queries::log_keyed(tx, owner, project, entry, key).await)
    }

    fn track_status(&self, project: &str) -> Result<ProjectStatus, StoreError> {
        self.read(async |c, owner| queries::status(c, owner, project).await)
    }

    fn track_done(&mut self, project: &str, item: &str, day: Date) -> Result<(), StoreError> {
        self.write(async |tx, owner| queries::done(tx, owner, project, item, day).await)
    }

    fn track_close_unfinished(
        &mut self,
        project: &str,
        closed: Date,
        unfinished: Unfinished,
    ) -> Result<CloseReport, StoreError> {
        self.write(async |tx, owner| queries::close(tx, owner, project, closed, unfinished).await)
    }

    fn record_change(
        &mut self,
        project: &str,
        change: &ChangeRequest,
    ) -> Result<Option<String>, StoreError> {
        tracking::check_change(change)?;
        self.write(async |tx, owner| queries::record_change(tx, owner, project, change).await)
    }

    fn open_projects(&self) -> Result<Vec<String>, StoreError> {
        self.read(async |c, owner| queries::open_projects(c, owner).await)
    }

    fn record_offer(&mut self, offer: &AcceptedOffer) -> Result<(), StoreError> {
        tracking::check_offer(offer)?;
        self.write(async |tx, owner| queries::record_offer(tx, owner, offer).await)
    }

    fn offers(&self) -> Result<Vec<AcceptedOffer>, StoreError> {
        self.read(async |c, owner| queries::offers(c, owner, None).await)
    }

    fn offer(&self, number: &str) -> Result<Option<AcceptedOffer>, StoreError> {
        self.read(async |c, owner| {
            Ok(queries::offers(c, owner, Some(number))
                .await?
                .into_iter()
                .next())
        })
    }
}
