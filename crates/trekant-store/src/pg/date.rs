//! Dates as PostgreSQL `DATE`s: the binary format is the number of days since 2000-01-01.

use bytes::BytesMut;
use jiff::ToSpan;
use jiff::civil::{Date, date};
use tokio_postgres::types::{FromSql, IsNull, ToSql, Type, to_sql_checked};

/// PostgreSQL's day zero.
const EPOCH: Date = date(2000, 1, 1);

type BoxError = Box<dyn std::error::Error + Sync + Send>;

/// A calendar date to and from a `DATE` column.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub(crate) struct PgDate(pub Date);

impl ToSql for PgDate {
    fn to_sql(&self, _: &Type, out: &mut BytesMut) -> Result<IsNull, BoxError> {
        let days = EPOCH.until(self.0)?.get_days();
        out.extend_from_slice(&days.to_be_bytes());
        Ok(IsNull::No)
    }

    fn accepts(ty: &Type) -> bool {
        *ty == Type::DATE
    }

    to_sql_checked!();
}

impl<'a> FromSql<'a> for PgDate {
    fn from_sql(_: &Type, raw: &'a [u8]) -> Result<Self, BoxError> {
        let bytes: [u8; 4] = raw.try_into()?;
        let days = i32::from_be_bytes(bytes);
        // `infinity` and days outside jiff's years come back as an error, never a panic.
        Ok(PgDate(EPOCH.checked_add(i64::from(days).days())?))
    }

    fn accepts(ty: &Type) -> bool {
        *ty == Type::DATE
    }
}
