//! Offer links for a client (`/offer/<token>` on a team server): the offer as it was shared,
//! kept as a snapshot with what accepting it records, and the client's yes.
//!
//! The link's token is 256 random bits given out once; only its SHA-256 is stored, so a copy
//! of the database opens no offer. Accepting is ONE transaction under the sharer's write lock:
//! the share is marked accepted only while it is open (`UPDATE … WHERE accepted_at IS NULL AND
//! expires > now()`), and in the same transaction the offer is recorded and its items start
//! being tracked in the sharer's history, as `trekant accept` does — so a double submit, or
//! two browsers at once, record one offer, and a refusal (the project is already tracked)
//! leaves the share open.

use jiff::Timestamp;
use jiff::civil::Date;
use tokio_postgres::GenericClient;
use trekant_core::document::proposal::offer_number;
use trekant_core::tracking::{AcceptedOffer, TrackedItem};

use super::date::PgDate;
use super::users::new_token;
use super::{PgStore, block_on, queries};
use crate::{StoreError, tracking};

/// An offer to share, rendered, with what accepting it records.
#[derive(Clone, Debug)]
pub struct NewShare<'a> {
    /// The brief's name (its file name) when it was shared.
    pub brief: &'a str,
    /// The offer's language code (`da`, `en`): the link's pages speak it.
    pub lang: &'a str,
    /// The offer exactly as the client is to see it.
    pub html: &'a str,
    /// What is accepted in one line (the option, the price, the delivery), in the offer's
    /// language, for the accept form.
    pub summary: &'a str,
    /// The offer accepting records (its `accepted` day becomes the day the client says yes).
    pub offer: &'a AcceptedOffer,
    /// The scope tracking starts with.
    pub items: &'a [TrackedItem],
    /// When the link stops working.
    pub expires: Timestamp,
}

/// A shared offer as stored.
#[derive(Clone, Debug, PartialEq)]
pub struct Share {
    /// The sharer: the owner of the history the offer is recorded into.
    pub owner: String,
    pub brief: String,
    pub lang: String,
    pub html: String,
    /// The SHA-256 of [`Share::html`], hex.
    pub sha256: String,
    pub summary: String,
    /// The offer as accepting records it (numbered when it was shared).
    pub offer: AcceptedOffer,
    pub items: Vec<TrackedItem>,
    pub created: Timestamp,
    pub expires: Timestamp,
    /// Whether the link has expired (by the database's clock).
    pub expired: bool,
    /// The client's yes, once given.
    pub accepted: Option<ClientYes>,
}

/// Who accepted a shared offer, when, from where, and the number it was recorded under.
#[derive(Clone, Debug, PartialEq)]
pub struct ClientYes {
    pub name: String,
    pub at: Timestamp,
    pub from: Option<String>,
    /// The accepted offer's number in the sharer's history (the shared number, unless that
    /// was taken meanwhile).
    pub number: Option<String>,
}

/// What an accept did.
#[derive(Clone, Debug, PartialEq)]
pub enum ShareAccept {
    /// Recorded: the share with its yes, and the offer as recorded.
    Accepted {
        share: Box<Share>,
        offer: AcceptedOffer,
    },
    /// The link was accepted before.
    AlreadyAccepted(ClientYes),
    /// The link expired before the client said yes.
    Expired(Timestamp),
    /// No share has this token.
    Unknown,
}

/// A share's columns, from `shares` named `s`.
const SHARE_COLUMNS: &str = "s.id, s.owner, s.brief, s.lang, s.html, encode(s.html_sha256, 'hex'),
     s.number, s.project, s.option, s.total, s.delivery,
     (extract(epoch FROM s.created) * 1000000)::bigint,
     (extract(epoch FROM s.expires) * 1000000)::bigint,
     s.expires <= now(),
     (extract(epoch FROM s.accepted_at) * 1000000)::bigint,
     s.accepted_by, s.accepted_from, s.recorded_as, s.summary";

fn timestamp(micros: i64) -> Result<Timestamp, StoreError> {
    Timestamp::from_microsecond(micros).map_err(|e| StoreError::Invalid(e.to_string()))
}

/// The share with this token and its row id.
async fn find(c: &impl GenericClient, token: &str) -> Result<Option<(i64, Share)>, StoreError> {
    let Some(row) = c
        .query_opt(
            &format!(
                "SELECT {SHARE_COLUMNS} FROM shares s
                 WHERE s.token_hash = sha256(convert_to($1, 'UTF8'))"
            ),
            &[&token],
        )
        .await?
    else {
        return Ok(None);
    };
    let id: i64 = row.try_get(0)?;
    let created = timestamp(row.try_get(11)?)?;
    let accepted = match row.try_get::<_, Option<i64>>(14)? {
        Some(micros) => Some(ClientYes {
            at: timestamp(micros)?,
            name: row.try_get::<_, Option<String>>(15)?.unwrap_or_default(),
            from: row.try_get(16)?,
            number: row.try_get(17)?,
        }),
        None => None,
    };
    let offer_items = c
        .query(
            "SELECT item, price FROM share_offer_item WHERE share_id = $1 ORDER BY position",
            &[&id],
        )
        .await?
        .iter()
        .map(queries::offer_item)
        .collect::<Result<_, StoreError>>()?;
    let items = c
        .query(
            "SELECT item, title, category, low, likely, high FROM share_tracked_item
             WHERE share_id = $1 ORDER BY position",
            &[&id],
        )
        .await?
        .iter()
        .map(|r| {
            Ok(TrackedItem {
                item: r.try_get(0)?,
                title: r.try_get(1)?,
                category: r.try_get(2)?,
                low: r.try_get(3)?,
                likely: r.try_get(4)?,
                high: r.try_get(5)?,
            })
        })
        .collect::<Result<_, StoreError>>()?;
    let share = Share {
        owner: row.try_get(1)?,
        brief: row.try_get(2)?,
        lang: row.try_get(3)?,
        html: row.try_get(4)?,
        sha256: row.try_get(5)?,
        summary: row.try_get(18)?,
        offer: AcceptedOffer {
            number: row.try_get(6)?,
            brief: row.try_get(7)?,
            option: row.try_get(8)?,
            items: offer_items,
            total: row.try_get(9)?,
            delivery: row.try_get::<_, PgDate>(10)?.0,
            accepted: created.to_zoned_datetime(jiff::tz::TimeZone::UTC).date(),
        },
        items,
        created,
        expires: timestamp(row.try_get(12)?)?,
        expired: row.try_get(13)?,
        accepted,
    };
    Ok(Some((id, share)))
}

impl PgStore {
    /// Stores a shared offer as this store's owner's; the link's token (given out once, never
    /// stored) and the share as stored.
    pub fn create_share(&self, new: &NewShare<'_>) -> Result<(String, Share), StoreError> {
        tracking::check_offer(new.offer)?;
        tracking::check_scope(&new.offer.brief, new.items)?;
        let token = new_token()?;
        let expires = new.expires.as_microsecond();
        block_on(async {
            let mut client = self.client().await?;
            let tx = tokio_postgres::Client::transaction(&mut client).await?;
            let id: i64 = tx
                .query_one(
                    "INSERT INTO shares (token_hash, owner, brief, lang, html, html_sha256,
                                         number, project, option, total, delivery, expires,
                                         summary)
                     VALUES (sha256(convert_to($1, 'UTF8')), $2, $3, $4, $5,
                             sha256(convert_to($5, 'UTF8')), $6, $7, $8, $9, $10,
                             to_timestamp($11::float8 / 1000000), $12)
                     RETURNING id",
                    &[
                        &token,
                        &self.owner,
                        &new.brief,
                        &new.lang,
                        &new.html,
                        &new.offer.number,
                        &new.offer.brief,
                        &new.offer.option,
                        &new.offer.total,
                        &PgDate(new.offer.delivery),
                        &(expires as f64),
                        &new.summary,
                    ],
                )
                .await?
                .try_get(0)?;
            for (position, item) in new.offer.items.iter().enumerate() {
                tx.execute(
                    "INSERT INTO share_offer_item (share_id, position, item, price)
                     VALUES ($1, $2, $3, $4)",
                    &[&id, &position_of(position)?, &item.item, &item.price],
                )
                .await?;
            }
            for (position, item) in new.items.iter().enumerate() {
                tx.execute(
                    "INSERT INTO share_tracked_item
                         (share_id, position, item, title, category, low, likely, high)
                     VALUES ($1, $2, $3, $4, $5, $6, $7, $8)",
                    &[
                        &id,
                        &position_of(position)?,
                        &item.item,
                        &item.title,
                        &item.category,
                        &item.low,
                        &item.likely,
                        &item.high,
                    ],
                )
                .await?;
            }
            let share = find(&tx, &token).await?.map(|(_, share)| share);
            tx.commit().await?;
            let share = share.ok_or_else(|| StoreError::Invalid("the share vanished".into()))?;
            Ok((token, share))
        })
    }

    /// The shared offer behind a link's token, whoever shared it (the token is the key).
    pub fn share(&self, token: &str) -> Result<Option<Share>, StoreError> {
        block_on(async {
            let client = self.client().await?;
            let client: &tokio_postgres::Client = &client;
            Ok(find(client, token).await?.map(|(_, share)| share))
        })
    }

    /// The client's yes to the share behind `token`, given by `name` from the address `from`
    /// on `day`: the share marked accepted, the offer recorded and its items tracked in the
    /// sharer's history, all in one transaction. A refusal of the store (the project is
    /// already being tracked) is an error and changes nothing.
    pub fn accept_share(
        &self,
        token: &str,
        name: &str,
        from: Option<&str>,
        day: Date,
    ) -> Result<ShareAccept, StoreError> {
        let name = name.trim();
        if name.is_empty() {
            return Err(StoreError::Invalid("an acceptance needs a name".into()));
        }
        let Some((id, share)) = block_on(async {
            let client = self.client().await?;
            let client: &tokio_postgres::Client = &client;
            find(client, token).await
        })?
        else {
            return Ok(ShareAccept::Unknown);
        };
        self.for_owner(&share.owner)?.write(async |tx, owner| {
            let marked = tx
                .execute(
                    "UPDATE shares SET accepted_at = now(), accepted_by = $2, accepted_from = $3
                     WHERE id = $1 AND accepted_at IS NULL AND expires > now()",
                    &[&id, &name, &from],
                )
                .await?;
            if marked == 0 {
                // Accepted or expired meanwhile: what the share says now decides which.
                let (_, now) = find(tx, token)
                    .await?
                    .ok_or_else(|| StoreError::Invalid("the share vanished".into()))?;
                return Ok(match now.accepted {
                    Some(yes) => ShareAccept::AlreadyAccepted(yes),
                    None => ShareAccept::Expired(now.expires),
                });
            }
            let mut offer = share.offer.clone();
            offer.accepted = day;
            let numbers: Vec<String> = tx
                .query(
                    "SELECT number FROM accepted_offer WHERE owner = $1",
                    &[&owner],
                )
                .await?
                .iter()
                .map(|row| row.try_get(0))
                .collect::<Result<_, _>>()?;
            // The shared number, unless the sharer recorded another offer under it meanwhile.
            if numbers.contains(&offer.number) {
                offer.number = offer_number(day.year(), Some(numbers.as_slice()), &share.brief);
            }
            tracking::check_offer(&offer)?;
            queries::record_offer(tx, owner, &offer).await?;
            queries::start(tx, owner, &offer.brief, &share.items, day).await?;
            tx.execute(
                "UPDATE shares SET recorded_as = $2 WHERE id = $1",
                &[&id, &offer.number],
            )
            .await?;
            let (_, share) = find(tx, token)
                .await?
                .ok_or_else(|| StoreError::Invalid("the share vanished".into()))?;
            Ok(ShareAccept::Accepted {
                share: Box::new(share),
                offer,
            })
        })
    }
}

fn position_of(position: usize) -> Result<i32, StoreError> {
    i32::try_from(position).map_err(|_| StoreError::Invalid("a share with too many items".into()))
}
