//! The team's briefs, in PostgreSQL: a team server keeps its briefs here instead of in a
//! folder. A brief belongs to the team, not to one person, so these methods ignore the
//! store's owner. Every save is a new version with its author and time; a save names the
//! entity tag it was made from and is refused ([`StoreError::BriefChanged`], with the current
//! tag) when someone saved in between. The check and the write are one transaction holding
//! the brief's row (`SELECT … FOR UPDATE`), so of two processes saving from the same version
//! exactly one wins. Entity tags are [`crate::etag_of`], the same as for files.

use jiff::Timestamp;
use tokio_postgres::GenericClient;

use super::{PgStore, User, block_on};
use crate::StoreError;
use crate::etag::{MAX_BRIEF_BYTES, etag_of, etags_match, is_brief_name};

/// A brief as the list shows it: its latest version.
#[derive(Clone, Debug, PartialEq)]
pub struct BriefSummary {
    pub name: String,
    /// The latest version's number, from 1.
    pub version: u32,
    pub etag: String,
    /// Who saved the latest version (their name), if a person did.
    pub author: Option<String>,
    pub saved: Timestamp,
}

/// One version of a brief, without its text.
#[derive(Clone, Debug, PartialEq)]
pub struct BriefVersion {
    pub version: u32,
    pub etag: String,
    /// The name of the person who saved it; `None` for a version imported without one
    /// (`trekant db import`).
    pub author: Option<String>,
    /// Their e-mail address, while they are a person of the team.
    pub author_email: Option<String>,
    pub saved: Timestamp,
}

/// One version of a brief with its text.
#[derive(Clone, Debug, PartialEq)]
pub struct BriefText {
    pub text: String,
    pub version: BriefVersion,
}

/// What a save did.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Saved {
    /// The latest version after the save.
    pub version: u32,
    pub etag: String,
    /// False when the text was the latest version's already: no version was added.
    pub changed: bool,
}

/// What an import of many briefs did, each list in name order.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct BriefImport {
    /// Briefs that were new.
    pub added: Vec<String>,
    /// Briefs whose text differed from their latest version: a version was added.
    pub updated: Vec<String>,
    /// Briefs whose latest version had this text already.
    pub unchanged: Vec<String>,
}

/// A version's columns, from `brief_version v` left-joined to `users u`.
const VERSION_COLUMNS: &str = "v.version, v.etag, coalesce(u.name, v.author_name), u.email, \
     (extract(epoch FROM v.saved) * 1000000)::bigint";

/// The version whose [`VERSION_COLUMNS`] start at column `at` of `row`.
fn version(row: &tokio_postgres::Row, at: usize) -> Result<BriefVersion, StoreError> {
    let number: i32 = row.try_get(at)?;
    let micros: i64 = row.try_get(at + 4)?;
    Ok(BriefVersion {
        version: u32::try_from(number).unwrap_or(0),
        etag: row.try_get(at + 1)?,
        author: row.try_get(at + 2)?,
        author_email: row.try_get(at + 3)?,
        saved: Timestamp::from_microsecond(micros)
            .map_err(|e| StoreError::Invalid(e.to_string()))?,
    })
}

/// Refuses a name that could not be a file's, and a text larger than a brief may be.
fn check(name: &str, text: &str) -> Result<(), StoreError> {
    if !is_brief_name(name) {
        return Err(StoreError::BadBriefName(name.to_string()));
    }
    if text.len() > MAX_BRIEF_BYTES {
        return Err(StoreError::BriefTooLarge {
            name: name.to_string(),
            mib: MAX_BRIEF_BYTES / (1024 * 1024),
        });
    }
    Ok(())
}

/// Adds version `number` of brief `id` and makes it the latest; its entity tag.
async fn add_version(
    tx: &tokio_postgres::Transaction<'_>,
    id: i64,
    number: i32,
    text: &str,
    author: Option<&User>,
) -> Result<String, StoreError> {
    let etag = etag_of(text.as_bytes());
    tx.execute(
        "INSERT INTO brief_version (brief_id, version, text, etag, author, author_name)
         VALUES ($1, $2, $3, $4, $5, $6)",
        &[
            &id,
            &number,
            &text,
            &etag,
            &author.map(|u| u.id),
            &author.map(|u| u.name.as_str()),
        ],
    )
    .await?;
    tx.execute(
        "UPDATE brief SET latest = $2 WHERE id = $1",
        &[&id, &number],
    )
    .await?;
    Ok(etag)
}

/// The brief `name` locked for this transaction: its id, latest version, that version's
/// entity tag and whether its text is `text`.
///
/// The row is locked first and the latest version read after, in a statement of its own: a
/// statement that waited for the lock sees the brief's new `latest` but (in READ COMMITTED)
/// not the version another transaction just added, so one query joining both would find
/// nothing.
async fn lock(
    tx: &tokio_postgres::Transaction<'_>,
    name: &str,
    text: &str,
) -> Result<Option<(i64, i32, String, bool)>, StoreError> {
    let Some(row) = tx
        .query_opt(
            "SELECT id, latest FROM brief WHERE name = $1 FOR UPDATE",
            &[&name],
        )
        .await?
    else {
        return Ok(None);
    };
    let (id, latest): (i64, i32) = (row.try_get(0)?, row.try_get(1)?);
    let row = tx
        .query_one(
            "SELECT etag, text = $3 FROM brief_version WHERE brief_id = $1 AND version = $2",
            &[&id, &latest, &text],
        )
        .await?;
    Ok(Some((id, latest, row.try_get(0)?, row.try_get(1)?)))
}

/// Creates brief `name` at version 1 unless one of that name exists (then `None`). A create
/// racing another waits for it and then finds the name taken.
async fn insert(
    tx: &tokio_postgres::Transaction<'_>,
    name: &str,
    text: &str,
    author: Option<&User>,
) -> Result<Option<String>, StoreError> {
    let id: Option<i64> = tx
        .query_opt(
            "INSERT INTO brief (name, latest) VALUES ($1, 1)
             ON CONFLICT (name) DO NOTHING RETURNING id",
            &[&name],
        )
        .await?
        .map(|row| row.try_get(0))
        .transpose()?;
    match id {
        Some(id) => Ok(Some(add_version(tx, id, 1, text, author).await?)),
        None => Ok(None),
    }
}

impl PgStore {
    /// Runs `work` in one transaction and commits; a lock wait that ran out is
    /// [`StoreError::Busy`].
    fn brief_write<T>(
        &self,
        work: impl AsyncFnOnce(&tokio_postgres::Transaction<'_>) -> Result<T, StoreError>,
    ) -> Result<T, StoreError> {
        block_on(async {
            let mut client = self.client().await?;
            let tx = tokio_postgres::Client::transaction(&mut client).await?;
            let out = work(&tx).await.map_err(|e| match e {
                StoreError::Postgres(e) => self.busy(e),
                other => other,
            })?;
            tx.commit().await?;
            Ok(out)
        })
    }

    /// Every brief with its latest version, by name (in the byte order a folder's are).
    pub fn briefs(&self) -> Result<Vec<BriefSummary>, StoreError> {
        let mut list = block_on(async {
            let client = self.client().await?;
            client
                .query(
                    &format!(
                        "SELECT b.name, {VERSION_COLUMNS}
                         FROM brief b
                         JOIN brief_version v ON v.brief_id = b.id AND v.version = b.latest
                         LEFT JOIN users u ON u.id = v.author"
                    ),
                    &[],
                )
                .await?
                .iter()
                .map(|row| {
                    let v = version(row, 1)?;
                    Ok(BriefSummary {
                        name: row.try_get(0)?,
                        version: v.version,
                        etag: v.etag,
                        author: v.author,
                        saved: v.saved,
                    })
                })
                .collect::<Result<Vec<_>, StoreError>>()
        })?;
        list.sort_by(|a, b| a.name.cmp(&b.name));
        Ok(list)
    }

    /// The latest version of brief `name` with its text; [`StoreError::NoSuchBrief`] when
    /// there is none.
    pub fn read_brief(&self, name: &str) -> Result<BriefText, StoreError> {
        self.read_brief_version(name, None)?
            .ok_or_else(|| StoreError::NoSuchBrief(name.to_string()))
    }

    /// Version `number` of brief `name` (the latest for `None`) with its text: `None` when the
    /// brief has no such version, [`StoreError::NoSuchBrief`] when there is no such brief.
    pub fn read_brief_version(
        &self,
        name: &str,
        number: Option<u32>,
    ) -> Result<Option<BriefText>, StoreError> {
        let number = number.map(|n| i32::try_from(n).unwrap_or(i32::MAX));
        block_on(async {
            let client = self.client().await?;
            let latest = brief_latest(&**client, name).await?;
            let Some((id, latest)) = latest else {
                return Err(StoreError::NoSuchBrief(name.to_string()));
            };
            let row = client
                .query_opt(
                    &format!(
                        "SELECT v.text, {VERSION_COLUMNS}
                         FROM brief_version v LEFT JOIN users u ON u.id = v.author
                         WHERE v.brief_id = $1 AND v.version = $2"
                    ),
                    &[&id, &number.unwrap_or(latest)],
                )
                .await?;
            row.map(|row| {
                Ok(BriefText {
                    text: row.try_get(0)?,
                    version: version(&row, 1)?,
                })
            })
            .transpose()
        })
    }

    /// Every version of brief `name`, oldest first; [`StoreError::NoSuchBrief`] when there is
    /// no such brief.
    pub fn brief_versions(&self, name: &str) -> Result<Vec<BriefVersion>, StoreError> {
        block_on(async {
            let client = self.client().await?;
            let Some((id, _)) = brief_latest(&**client, name).await? else {
                return Err(StoreError::NoSuchBrief(name.to_string()));
            };
            client
                .query(
                    &format!(
                        "SELECT {VERSION_COLUMNS}
                         FROM brief_version v LEFT JOIN users u ON u.id = v.author
                         WHERE v.brief_id = $1 ORDER BY v.version"
                    ),
                    &[&id],
                )
                .await?
                .iter()
                .map(|row| version(row, 0))
                .collect()
        })
    }

    /// A new brief, version 1 by `author`; its entity tag. [`StoreError::BriefExists`] when
    /// the name is taken.
    pub fn create_brief(
        &self,
        name: &str,
        text: &str,
        author: Option<&User>,
    ) -> Result<String, StoreError> {
        check(name, text)?;
        self.brief_write(async |tx| {
            insert(tx, name, text, author)
                .await?
                .ok_or_else(|| StoreError::BriefExists(name.to_string()))
        })
    }

    /// Saves `text` as the next version of brief `name` by `author`, if its latest version
    /// still has an entity tag `if_match` names (`If-Match`'s forms, `*` for any). Otherwise
    /// nothing is written and the error is [`StoreError::BriefChanged`] with the current tag
    /// and version. Saving the latest version's own text adds no version.
    pub fn save_brief(
        &self,
        name: &str,
        text: &str,
        if_match: &str,
        author: Option<&User>,
    ) -> Result<Saved, StoreError> {
        check(name, text)?;
        self.brief_write(async |tx| {
            let Some((id, latest, etag, same)) = lock(tx, name, text).await? else {
                return Err(StoreError::NoSuchBrief(name.to_string()));
            };
            if !etags_match(if_match, &etag) {
                return Err(StoreError::BriefChanged {
                    name: name.to_string(),
                    etag,
                    version: u32::try_from(latest).unwrap_or(0),
                });
            }
            if same {
                return Ok(Saved {
                    version: u32::try_from(latest).unwrap_or(0),
                    etag,
                    changed: false,
                });
            }
            let etag = add_version(tx, id, latest + 1, text, author).await?;
            Ok(Saved {
                version: u32::try_from(latest + 1).unwrap_or(0),
                etag,
                changed: true,
            })
        })
    }

    /// Imports many briefs as ONE transaction: a new name becomes a brief, a text that
    /// differs from its brief's latest version a new version (by `author`), the same text
    /// nothing. Every name and text is checked before anything is written; briefs are locked
    /// in name order, so two imports at once take turns instead of deadlocking.
    pub fn import_briefs(
        &self,
        briefs: &[(String, String)],
        author: Option<&User>,
    ) -> Result<BriefImport, StoreError> {
        for (name, text) in briefs {
            check(name, text)?;
        }
        let mut sorted: Vec<&(String, String)> = briefs.iter().collect();
        sorted.sort_by(|a, b| a.0.cmp(&b.0));
        if let Some(pair) = sorted.windows(2).find(|pair| pair[0].0 == pair[1].0) {
            return Err(StoreError::Invalid(format!(
                "the brief {} is given twice",
                pair[0].0
            )));
        }
        self.brief_write(async |tx| {
            let mut report = BriefImport::default();
            for (name, text) in sorted {
                if insert(tx, name, text, author).await?.is_some() {
                    report.added.push(name.clone());
                    continue;
                }
                let Some((id, latest, _, same)) = lock(tx, name, text).await? else {
                    return Err(StoreError::NoSuchBrief(name.clone()));
                };
                if same {
                    report.unchanged.push(name.clone());
                } else {
                    add_version(tx, id, latest + 1, text, author).await?;
                    report.updated.push(name.clone());
                }
            }
            Ok(report)
        })
    }

    /// Every brief's name and latest text, by name: what `trekant db export` writes.
    pub fn export_briefs(&self) -> Result<Vec<(String, String)>, StoreError> {
        let mut all = block_on(async {
            let client = self.client().await?;
            client
                .query(
                    "SELECT b.name, v.text
                     FROM brief b
                     JOIN brief_version v ON v.brief_id = b.id AND v.version = b.latest",
                    &[],
                )
                .await?
                .iter()
                .map(|row| Ok((row.try_get(0)?, row.try_get(1)?)))
                .collect::<Result<Vec<(String, String)>, StoreError>>()
        })?;
        all.sort_by(|a, b| a.0.cmp(&b.0));
        Ok(all)
    }
}

/// The id and latest version of brief `name`, if there is one.
async fn brief_latest(
    client: &impl GenericClient,
    name: &str,
) -> Result<Option<(i64, i32)>, StoreError> {
    client
        .query_opt("SELECT id, latest FROM brief WHERE name = $1", &[&name])
        .await?
        .map(|row| Ok((row.try_get(0)?, row.try_get(1)?)))
        .transpose()
}
