//! A cheap fingerprint of the team's history, so that a server can keep a calibration fitted
//! on it until the history changes instead of reading and refitting every task per request.

use super::PgStore;
use crate::StoreError;

/// What the team's history looks like from outside: how many tasks it holds and the newest
/// task's id. Tasks are only ever added (an import or a closed project inserts rows; nothing
/// updates or deletes one), and ids only grow, so any change to the history changes the stamp.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub struct HistoryStamp {
    pub tasks: i64,
    pub newest: i64,
}

impl PgStore {
    /// The stamp of every owner's tasks (what [`crate::Store::export_team_history`] reads):
    /// one small query.
    pub fn team_history_stamp(&self) -> Result<HistoryStamp, StoreError> {
        self.read(async |c, _owner| {
            let row = c
                .query_one("SELECT count(*), coalesce(max(id), 0) FROM task", &[])
                .await?;
            Ok(HistoryStamp {
                tasks: row.try_get(0)?,
                newest: row.try_get(1)?,
            })
        })
    }
}
