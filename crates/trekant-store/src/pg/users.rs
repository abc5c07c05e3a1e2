//! The people of a team server: users with an argon2id password hash and a role, and the
//! sessions a login opens (bearer tokens, of which only a SHA-256 is kept).

use std::time::Duration;

use argon2::{Argon2, PasswordHash, PasswordHasher, PasswordVerifier};
use jiff::Timestamp;
use tokio_postgres::error::SqlState;

use super::{PgStore, block_on};
use crate::StoreError;

/// What a person may do on a team server.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Role {
    /// Manages the people (adds, removes) as well as working on briefs.
    Owner,
    /// Works on briefs.
    Member,
}

impl Role {
    /// The role as the database and the command line write it.
    pub fn as_str(self) -> &'static str {
        match self {
            Role::Owner => "owner",
            Role::Member => "member",
        }
    }

    fn parse(text: &str) -> Result<Self, StoreError> {
        match text {
            "owner" => Ok(Role::Owner),
            "member" => Ok(Role::Member),
            other => Err(StoreError::Invalid(format!("unknown role `{other}`"))),
        }
    }
}

/// A person who may log in.
#[derive(Clone, Debug, PartialEq)]
pub struct User {
    /// The user's id; as text, the owner of their rows in the store.
    pub id: i64,
    pub email: String,
    pub name: String,
    pub role: Role,
    pub created: Timestamp,
}

impl User {
    /// The owner their rows in the store carry ([`crate::Store::owner`]).
    pub fn owner(&self) -> String {
        self.id.to_string()
    }
}

/// A person to add.
#[derive(Clone, Debug)]
pub struct NewUser<'a> {
    pub email: &'a str,
    pub name: &'a str,
    pub role: Role,
    pub password: &'a str,
}

/// The shortest password accepted.
pub const MIN_PASSWORD_CHARS: usize = 12;

/// A user's columns, from `users` named `u`.
const USER_COLUMNS: &str = "u.id, u.email, u.name, u.role, \
     (extract(epoch FROM u.created) * 1000000)::bigint";

fn user(row: &tokio_postgres::Row) -> Result<User, StoreError> {
    let micros: i64 = row.try_get(4)?;
    Ok(User {
        id: row.try_get(0)?,
        email: row.try_get(1)?,
        name: row.try_get(2)?,
        role: Role::parse(row.try_get(3)?)?,
        created: Timestamp::from_microsecond(micros)
            .map_err(|e| StoreError::Invalid(e.to_string()))?,
    })
}

/// The argon2id hash of `password` (PHC string, fresh random salt, the crate's default
/// parameters: 19 MiB, 2 passes).
pub fn hash_password(password: &str) -> Result<String, StoreError> {
    Argon2::default()
        .hash_password(password.as_bytes())
        .map(|hash| hash.to_string())
        .map_err(|e| StoreError::Invalid(format!("cannot hash the password: {e}")))
}

/// Whether `password` matches the PHC `hash`; argon2's verify compares in constant time.
fn password_matches(password: &str, hash: &str) -> bool {
    PasswordHash::new(hash).is_ok_and(|hash| {
        Argon2::default()
            .verify_password(password.as_bytes(), &hash)
            .is_ok()
    })
}

/// A password of 20 random characters from 32 (no `l`, `o`, `0` or `1` to mistake for
/// one another): 100 bits, for a person added without one.
pub fn generate_password() -> Result<String, StoreError> {
    const ALPHABET: &[u8; 32] = b"abcdefghijkmnpqrstuvwxyz23456789";
    let mut bytes = [0u8; 20];
    getrandom::fill(&mut bytes)
        .map_err(|e| StoreError::Invalid(format!("no randomness for a password: {e}")))?;
    Ok(bytes
        .iter()
        .map(|b| char::from(ALPHABET[usize::from(b & 31)]))
        .collect())
}

/// A new bearer token: 32 random bytes (256 bits), hex.
fn new_token() -> Result<String, StoreError> {
    let mut bytes = [0u8; 32];
    getrandom::fill(&mut bytes)
        .map_err(|e| StoreError::Invalid(format!("no randomness for a token: {e}")))?;
    Ok(bytes.iter().map(|b| format!("{b:02x}")).collect())
}

fn check_new(user: &NewUser<'_>) -> Result<(), StoreError> {
    let email = user.email.trim();
    let at = email.find('@');
    if email.is_empty()
        || email.chars().any(char::is_whitespace)
        || at.is_none_or(|i| i == 0 || i + 1 == email.len())
    {
        return Err(StoreError::BadEmail(user.email.to_string()));
    }
    if user.name.trim().is_empty() {
        return Err(StoreError::Invalid("a person needs a name".into()));
    }
    if user.password.chars().count() < MIN_PASSWORD_CHARS {
        return Err(StoreError::ShortPassword {
            min: MIN_PASSWORD_CHARS,
        });
    }
    Ok(())
}

impl PgStore {
    /// Adds a person; the e-mail address must be new (whatever its case).
    pub fn add_user(&self, new: &NewUser<'_>) -> Result<User, StoreError> {
        check_new(new)?;
        let hash = hash_password(new.password)?;
        let email = new.email.trim();
        block_on(async {
            let client = self.client().await?;
            let row = client
                .query_one(
                    &format!(
                        "INSERT INTO users AS u (email, name, role, password_hash)
                         VALUES ($1, $2, $3, $4) RETURNING {USER_COLUMNS}"
                    ),
                    &[&email, &new.name.trim(), &new.role.as_str(), &hash],
                )
                .await
                .map_err(|e| match e.code() {
                    Some(&SqlState::UNIQUE_VIOLATION) => StoreError::UserExists(email.to_string()),
                    _ => StoreError::from(e),
                })?;
            user(&row)
        })
    }

    /// Everyone, in the order they were added.
    pub fn users(&self) -> Result<Vec<User>, StoreError> {
        block_on(async {
            let client = self.client().await?;
            client
                .query(
                    &format!("SELECT {USER_COLUMNS} FROM users u ORDER BY u.id"),
                    &[],
                )
                .await?
                .iter()
                .map(user)
                .collect()
        })
    }

    /// The person with this e-mail address and password, if both match. An unknown address
    /// costs as much time as a wrong password (a hash is verified either way), so timing
    /// does not tell which addresses exist.
    pub fn verify_password(&self, email: &str, password: &str) -> Result<Option<User>, StoreError> {
        let found = block_on(async {
            let client = self.client().await?;
            client
                .query_opt(
                    &format!(
                        "SELECT {USER_COLUMNS}, u.password_hash FROM users u
                         WHERE lower(u.email) = lower($1)"
                    ),
                    &[&email.trim()],
                )
                .await?
                .map(|row| Ok::<_, StoreError>((user(&row)?, row.try_get::<_, String>(5)?)))
                .transpose()
        })?;
        match found {
            Some((user, hash)) => Ok(password_matches(password, &hash).then_some(user)),
            None => {
                static DUMMY: std::sync::OnceLock<Option<String>> = std::sync::OnceLock::new();
                if let Some(dummy) = DUMMY.get_or_init(|| hash_password("not a password").ok()) {
                    let _ = password_matches(password, dummy);
                }
                Ok(None)
            }
        }
    }

    /// Opens a session for `user_id` that expires after `lifetime`: the bearer token (given
    /// out once, never stored) and when it expires.
    pub fn create_session(
        &self,
        user_id: i64,
        lifetime: Duration,
    ) -> Result<(String, Timestamp), StoreError> {
        let token = new_token()?;
        let micros: i64 = block_on(async {
            let client = self.client().await?;
            Ok(client
                .query_one(
                    "INSERT INTO sessions (token_hash, user_id, expires)
                     VALUES (sha256(convert_to($1, 'UTF8')), $2,
                             now() + $3::float8 * interval '1 second')
                     RETURNING (extract(epoch FROM expires) * 1000000)::bigint",
                    &[&token, &user_id, &lifetime.as_secs_f64()],
                )
                .await?
                .try_get(0)?)
        })?;
        let expires =
            Timestamp::from_microsecond(micros).map_err(|e| StoreError::Invalid(e.to_string()))?;
        Ok((token, expires))
    }

    /// The person a session token belongs to, while the session has not expired.
    pub fn session_user(&self, token: &str) -> Result<Option<User>, StoreError> {
        block_on(async {
            let client = self.client().await?;
            client
                .query_opt(
                    &format!(
                        "SELECT {USER_COLUMNS} FROM sessions s JOIN users u ON u.id = s.user_id
                         WHERE s.token_hash = sha256(convert_to($1, 'UTF8'))
                           AND s.expires > now()"
                    ),
                    &[&token],
                )
                .await?
                .map(|row| user(&row))
                .transpose()
        })
    }

    /// Ends a session (logout) and, while at it, deletes every expired one; says whether the
    /// token was a session.
    pub fn end_session(&self, token: &str) -> Result<bool, StoreError> {
        block_on(async {
            let client = self.client().await?;
            client
                .execute("DELETE FROM sessions WHERE expires <= now()", &[])
                .await?;
            let n = client
                .execute(
                    "DELETE FROM sessions WHERE token_hash = sha256(convert_to($1, 'UTF8'))",
                    &[&token],
                )
                .await?;
            Ok(n > 0)
        })
    }
}

/// What [`PgStore::remove_user`] did.
#[derive(Clone, Debug, PartialEq)]
pub enum Removal {
    /// The person is gone, and with them every session they had.
    Removed(User),
    /// No person has this id.
    NoSuchUser,
    /// The person is the team's only owner: someone must be left to manage the people.
    LastOwner(User),
}

impl PgStore {
    /// The person with this id.
    pub fn user(&self, id: i64) -> Result<Option<User>, StoreError> {
        block_on(async {
            let client = self.client().await?;
            client
                .query_opt(
                    &format!("SELECT {USER_COLUMNS} FROM users u WHERE u.id = $1"),
                    &[&id],
                )
                .await?
                .map(|row| user(&row))
                .transpose()
        })
    }

    /// Removes a person and ends their sessions (the rows they recorded stay, under their
    /// id); never the last owner. The owners' rows are locked while it counts them, so two
    /// owners removing each other at once cannot leave the team without one.
    pub fn remove_user(&self, id: i64) -> Result<Removal, StoreError> {
        block_on(async {
            let mut client = self.client().await?;
            let tx = tokio_postgres::Client::transaction(&mut client).await?;
            let owners: Vec<i64> = tx
                .query(
                    "SELECT id FROM users WHERE role = 'owner' ORDER BY id FOR UPDATE",
                    &[],
                )
                .await?
                .iter()
                .map(|row| row.try_get(0))
                .collect::<Result<_, _>>()?;
            let Some(row) = tx
                .query_opt(
                    &format!("SELECT {USER_COLUMNS} FROM users u WHERE u.id = $1 FOR UPDATE"),
                    &[&id],
                )
                .await?
            else {
                return Ok(Removal::NoSuchUser);
            };
            let gone = user(&row)?;
            if gone.role == Role::Owner && owners == [id] {
                return Ok(Removal::LastOwner(gone));
            }
            // The sessions go with the person (ON DELETE CASCADE).
            tx.execute("DELETE FROM users WHERE id = $1", &[&id])
                .await?;
            tx.commit().await?;
            Ok(Removal::Removed(gone))
        })
    }
}
