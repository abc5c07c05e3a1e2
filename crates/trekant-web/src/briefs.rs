//! Where a request's briefs live: the folder for the local app, the team's database on a team
//! server. Handlers ask [`AppState::briefs`] with the caller and get the same reads and writes
//! either way — the same names ([`folder::check_name`]), the same entity tags
//! ([`trekant_store::etag_of`]) and the same `If-Match` rule (412 with the current tag) — so
//! the pages and the JSON API do not know which it is. On a team server every save is a new
//! version by the caller ([`Briefs::versions`]).
//!
//! Logos: a brief names its logo by a path relative to its folder. A team server's briefs
//! have no folder of their own, so the offer reads the logo from the folder `trekant serve`
//! was started in ([`folder::Folder::logo`]), under the same rules as for the local app (only
//! a file inside it, only a small image): put the team's logo files there, on every server.
//!
//! The database calls block; on the async threads `PgStore` moves the task's other work off
//! the thread first, and inside the simulation pool they simply wait.

use axum::Router;
use axum::extract::{Path, State};
use axum::routing::get;
use serde_json::{Value, json};
use trekant_store::{BriefVersion, PgStore, StoreError, User};

use crate::AppState;
use crate::error::ApiError;
use crate::folder::{self, Read};
use crate::team::Caller;

/// The briefs one request works on. Cheap to clone; `Send`, so the pool's work can read
/// them.
#[derive(Clone, Debug)]
pub struct Briefs {
    state: AppState,
    /// On a team server: the database and the person saving.
    team: Option<(PgStore, User)>,
}

impl AppState {
    /// The briefs as `caller` works on them: the folder, or on a team server the database
    /// with `caller` as the author of what they save. A team server without a caller is a
    /// 401 (the security layer lets no such request through; this is the second lock).
    pub fn briefs(&self, caller: Option<&Caller>) -> Result<Briefs, ApiError> {
        let team = match (&self.team, caller) {
            (None, _) => None,
            (Some(team), Some(caller)) => Some((team.pg.clone(), caller.user.clone())),
            (Some(_), None) => return Err(ApiError::Unauthorized(crate::tr!("web-error-log-in"))),
        };
        Ok(Briefs {
            state: self.clone(),
            team,
        })
    }
}

impl Briefs {
    fn folder(&self) -> &folder::Folder {
        &self.state.folder
    }

    /// The names of the briefs, sorted.
    pub fn list(&self) -> Result<Vec<String>, ApiError> {
        match &self.team {
            None => self.folder().list(),
            Some((pg, _)) => Ok(pg
                .briefs()
                .map_err(|e| store_error(e, ""))?
                .into_iter()
                .map(|b| b.name)
                .collect()),
        }
    }

    /// A brief's latest text and entity tag.
    pub fn read(&self, name: &str) -> Result<Read, ApiError> {
        match &self.team {
            None => self.folder().read(name),
            Some((pg, _)) => {
                folder::check_name(name)?;
                let read = pg.read_brief(name).map_err(|e| store_error(e, name))?;
                Ok(Read {
                    text: read.text,
                    etag: read.version.etag,
                })
            }
        }
    }

    /// Replaces a brief's text if it still has the entity tag the client read (`If-Match`);
    /// the new tag. 412 with the current tag when someone saved in between.
    pub fn save(&self, name: &str, text: &str, if_match: &str) -> Result<String, ApiError> {
        match &self.team {
            None => self.folder().save(name, text, if_match),
            Some((pg, user)) => {
                folder::check_name(name)?;
                pg.save_brief(name, text, if_match, Some(user))
                    .map(|saved| saved.etag)
                    .map_err(|e| store_error(e, name))
            }
        }
    }

    /// 412 unless `if_match` names the `current` entity tag.
    pub fn check_etag(&self, name: &str, if_match: &str, current: &str) -> Result<(), ApiError> {
        self.folder().check_etag(name, if_match, current)
    }

    /// A new brief; 409 when one of that name exists.
    pub fn create(&self, name: &str, text: &str) -> Result<String, ApiError> {
        match &self.team {
            None => self.folder().create(name, text),
            Some((pg, user)) => {
                folder::check_name(name)?;
                pg.create_brief(name, text, Some(user))
                    .map_err(|e| store_error(e, name))
            }
        }
    }

    /// Every version of a brief, oldest first. A folder keeps no versions: 409 saying they
    /// need a team server (404 first when there is no such brief).
    pub fn versions(&self, name: &str) -> Result<Vec<BriefVersion>, ApiError> {
        self.versioned(name)?
            .brief_versions(name)
            .map_err(|e| store_error(e, name))
    }

    /// Version `number` of a team server's brief, with its text; 404 when it has no such
    /// version, 409 for a folder (as [`Briefs::versions`]).
    pub fn version(&self, name: &str, number: u32) -> Result<(String, BriefVersion), ApiError> {
        match self
            .versioned(name)?
            .read_brief_version(name, Some(number))
            .map_err(|e| store_error(e, name))?
        {
            Some(read) => Ok((read.text, read.version)),
            None => Err(ApiError::NotFound(crate::tr!(
                "teambriefs-web-no-version",
                name = name,
                version = number.to_string()
            ))),
        }
    }

    /// The database that keeps brief `name`'s versions; for a folder a 404 when there is no
    /// such brief, else a 409 saying versions need a team server.
    fn versioned(&self, name: &str) -> Result<&PgStore, ApiError> {
        folder::check_name(name)?;
        match &self.team {
            Some((pg, _)) => Ok(pg),
            None => {
                self.folder().read(name)?;
                Err(ApiError::Conflict(crate::tr!(
                    "teambriefs-web-versions-local"
                )))
            }
        }
    }
}

/// The routes of the versions:
///
/// | request | answer |
/// |---|---|
/// | `GET /api/briefs/{name}/versions` | `[{"version", "etag", "author", "author_email", "saved"}]`, oldest first; `saved` RFC 3339, `author` the person's name (`null` for a version imported without one) |
/// | `GET /api/briefs/{name}/versions/{version}` | `{"name", "toml", "version", "etag", "author", "author_email", "saved"}` |
///
/// For a folder of briefs (the local app) both are a 409 saying versions need a team server.
pub fn routes() -> Router<AppState> {
    Router::new()
        .route("/api/briefs/{name}/versions", get(versions))
        .route("/api/briefs/{name}/versions/{version}", get(version))
}

fn version_json(version: &BriefVersion) -> Value {
    json!({
        "version": version.version,
        "etag": version.etag,
        "author": version.author,
        "author_email": version.author_email,
        "saved": version.saved.to_string(),
    })
}

async fn versions(
    State(state): State<AppState>,
    caller: Option<axum::Extension<Caller>>,
    Path(name): Path<String>,
) -> Result<axum::Json<Value>, ApiError> {
    let versions = state.briefs(caller.as_deref())?.versions(&name)?;
    Ok(axum::Json(Value::Array(
        versions.iter().map(version_json).collect(),
    )))
}

async fn version(
    State(state): State<AppState>,
    caller: Option<axum::Extension<Caller>>,
    Path((name, number)): Path<(String, String)>,
) -> Result<axum::Json<Value>, ApiError> {
    let briefs = state.briefs(caller.as_deref())?;
    let Ok(number) = number.parse::<u32>() else {
        return Err(ApiError::NotFound(crate::tr!(
            "teambriefs-web-no-version",
            name = name.as_str(),
            version = number.as_str()
        )));
    };
    let (text, version) = briefs.version(&name, number)?;
    let mut value = version_json(&version);
    value["name"] = json!(name);
    value["toml"] = json!(text);
    Ok(axum::Json(value))
}

/// A store error about brief `name` as the request's answer, in the words the folder's
/// errors use where they mean the same.
fn store_error(error: StoreError, name: &str) -> ApiError {
    match error {
        StoreError::NoSuchBrief(name) => {
            ApiError::NotFound(crate::tr!("teambriefs-error-no-brief", name = name))
        }
        StoreError::BriefExists(name) => {
            ApiError::Conflict(crate::tr!("web-error-exists", name = name))
        }
        StoreError::BriefChanged { name, etag, .. } => ApiError::Changed {
            message: crate::tr!("web-error-changed", name = name),
            etag,
        },
        StoreError::BadBriefName(name) => ApiError::BadRequest(crate::tr!(
            "web-error-bad-name",
            name = name.escape_debug().to_string()
        )),
        StoreError::BriefTooLarge { name, mib } => ApiError::unprocessable(crate::tr!(
            "web-error-brief-too-large",
            name = name,
            mib = mib.to_string()
        )),
        StoreError::Busy { .. } | StoreError::Unreachable(_) => {
            log_database(&error, name);
            ApiError::Busy(crate::tr!("web-error-database"))
        }
        other => ApiError::Internal(format!("brief {name}: {other}")),
    }
}

/// The operator's log says why the database could not be asked; the client is told to retry.
#[allow(clippy::print_stderr)]
fn log_database(error: &StoreError, name: &str) {
    eprintln!("trekant serve: the database, for brief {name}: {error}");
}
