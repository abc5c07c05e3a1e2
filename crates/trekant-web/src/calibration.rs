//! Each person's calibration on a team server: an estimate made there is calibrated on the
//! calling person's own history shrunk toward the team's, by
//! `trekant_core::history::person::calibrate` — the function the CLI's `--as PERSON` uses —
//! and the estimate, the options, the offer and the accept button all price from it, so the
//! price accepted is the price the page showed. The JSON says what it rests on as `trekant
//! estimate --format json` does: `"calibrated"`, `"tasks"`, `"basis": "person" | "team"`.
//!
//! Fitting reads every task of the team and is the slow part, so each person's fit is kept
//! until the team's history changes: a request asks the database for the history's stamp (one
//! small query, [`trekant_store::HistoryStamp`]) and refits only when it moved. One entry per
//! person who estimates, so the cache stays as small as the team. Measured on cesaw's team 149
//! (28,697 tasks, 82 people) with a debug build on a loaded 2-core machine: an estimate of
//! 2,000 trials took 3.5–3.8 s when it read and fitted the history, 0.5–1.0 s when it reused
//! the fit; on 926 tasks (20,000 trials) 0.67 s against 0.35 s.

use std::collections::HashMap;
use std::sync::{Arc, Mutex, PoisonError};

use serde::Serialize;
use serde_json::{Value, json};
use trekant_core::Lang;
use trekant_core::forecast::estimate;
use trekant_core::history::Record;
use trekant_core::history::calibration::Calibration;
use trekant_core::history::habits::{RatioSummary, habits};
use trekant_core::history::person::{self, Basis, OwnedRecord, PersonSettings, PersonSummary};
use trekant_store::{HistoryStamp, PgStore, Store, StoreError};

use crate::AppState;
use crate::error::ApiError;
use crate::history::TeamHabits;
use crate::team::Caller;

/// What an estimate is calibrated on.
#[derive(Clone, Debug, Default)]
pub struct Calibrated {
    /// `None`: the brief's own three-point estimates.
    pub calibration: Option<Arc<Calibration>>,
    /// Whose history weighs more; `None` when uncalibrated.
    pub basis: Option<Basis>,
    /// The tasks of the basis: the person's own, or the team's (0 when uncalibrated).
    pub tasks: usize,
}

impl Calibrated {
    /// The calibration of `person` on the team's history `team`: none while nobody has a
    /// usable task (the raw estimates, as the CLI uses them without a history).
    pub fn fit(team: &[OwnedRecord], person: &str) -> Self {
        match person::calibrate(team, person, &PersonSettings::default()) {
            Ok(fitted) => Calibrated {
                calibration: Some(Arc::new(fitted.calibration)),
                basis: Some(fitted.basis),
                tasks: fitted.tasks,
            },
            Err(_) => Calibrated::default(),
        }
    }

    /// Simulations with these settings are calibrated as this says.
    pub fn apply(&self, settings: &mut estimate::Settings) {
        settings.calibration = self.calibration.clone();
    }

    /// Puts `"calibrated"`, `"tasks"` and `"basis"` into an estimate's or the options' JSON,
    /// as `trekant estimate --format json` writes them (`"basis": null` when uncalibrated).
    pub fn describe(&self, json: &mut Value) {
        if let Some(map) = json.as_object_mut() {
            map.insert("calibrated".into(), self.calibration.is_some().into());
            map.insert("tasks".into(), self.tasks.into());
            map.insert("basis".into(), self.basis.map(Basis::as_str).into());
        }
    }

    /// The line under the estimate on a brief's page: what it is calibrated on.
    pub fn line(&self, lang: Lang) -> String {
        let tasks = trekant_core::format::hours(self.tasks as f64, lang);
        let id = match self.basis {
            Some(Basis::Person) => "teamcal-on-yours",
            Some(Basis::Team) => "teamcal-on-the-team",
            None => "teamcal-none",
        };
        trekant_core::t!(lang, id, count = self.tasks, tasks = tasks)
    }
}

/// One person's fit and the stamp of the history it was fitted on; empty until the first.
type Slot = Arc<Mutex<Option<(HistoryStamp, Calibrated)>>>;

/// Each person's fitted calibration, by owner.
#[derive(Debug, Default)]
pub struct Cache {
    people: Mutex<HashMap<String, Slot>>,
}

impl Cache {
    /// `owner`'s calibration, refitted only when the team's history changed. Blocks (database
    /// round trips, and the fit): call it on a blocking thread. `team` is the caller's store,
    /// which reads every owner's tasks; `pg` gives the stamp.
    pub fn calibrated(
        &self,
        pg: &PgStore,
        team: &dyn Store,
        owner: &str,
    ) -> Result<Calibrated, StoreError> {
        let slot = self
            .people
            .lock()
            .unwrap_or_else(PoisonError::into_inner)
            .entry(owner.to_owned())
            .or_default()
            .clone();
        // Held while fitting: the page asks for the estimate and the options at once, and the
        // second waits for the first's fit instead of doing it again.
        let mut slot = slot.lock().unwrap_or_else(PoisonError::into_inner);
        // Read before the tasks: a task added in between makes the next request refit, never
        // keeps a fit that misses it.
        let stamp = pg.team_history_stamp()?;
        if let Some((fitted_on, fitted)) = slot.as_ref()
            && *fitted_on == stamp
        {
            return Ok(fitted.clone());
        }
        let fitted = Calibrated::fit(&team.export_team_history()?, owner);
        *slot = Some((stamp, fitted.clone()));
        Ok(fitted)
    }
}

/// The calibration an estimate for `caller` uses.
///
/// The local app (no team) prices from the brief's own estimates, as it always has: its
/// figures are `trekant estimate --no-history`'s, whatever history file the server happens to
/// have been started with, and calibrating it is a decision of its own that would change every
/// price a local user has already been shown. A team server calibrates, per person (issue 14).
pub async fn for_caller(state: &AppState, caller: Option<&Caller>) -> Result<Calibrated, ApiError> {
    let (Some(team), Some(history)) = (&state.team, &state.history) else {
        return Ok(Calibrated::default());
    };
    let history = history.for_caller(caller)?;
    let Some(caller) = caller else {
        // `for_caller` lets no team request without a caller through; this is not reached.
        return Err(ApiError::Unauthorized(crate::tr!("web-error-log-in")));
    };
    let owner = caller.owner();
    let pg = team.pg.clone();
    let cache = team.calibrations.clone();
    history
        .run(move |store| cache.calibrated(&pg, store, &owner))
        .await?
        .map_err(|e| ApiError::Internal(e.to_string()))
}

/// One person against the team in `GET /api/history`'s calibration: `trekant calibration`'s
/// row (`"person"` is their owner id in the store) with their name beside it.
#[derive(Clone, Debug, Serialize)]
pub struct PersonRow {
    #[serde(flatten)]
    pub summary: PersonSummary,
    /// From the team's people; the owner id for a history row of no one among them.
    pub name: String,
}

/// `trekant calibration` for the store's owner on a team server: their own tasks (`own`), or
/// the team's while they have none, and each person against the team. Blocks.
pub(crate) fn team_habits(
    store: &dyn Store,
    pg: &PgStore,
    own: Vec<Record>,
) -> Result<Option<TeamHabits>, StoreError> {
    let everyone = store.export_team_history()?;
    let comparison = person::compare(&everyone, &PersonSettings::default());
    let (habits, basis) = match habits(&own) {
        Some(mine) => (mine, Basis::Person),
        None => {
            let all: Vec<Record> = everyone.into_iter().map(|(_, r)| r).collect();
            match habits(&all) {
                Some(team) => (team, Basis::Team),
                None => return Ok(None),
            }
        }
    };
    let (team, people) = match comparison {
        Some(c) => {
            let names: HashMap<String, String> = pg
                .users()?
                .into_iter()
                .map(|user| (user.owner(), user.name))
                .collect();
            let people = c
                .people
                .into_iter()
                .map(|summary| PersonRow {
                    name: names
                        .get(&summary.person)
                        .cloned()
                        .unwrap_or_else(|| summary.person.clone()),
                    summary,
                })
                .collect();
            (Some(c.team), Some(people))
        }
        None => (None, None),
    };
    Ok(Some(TeamHabits {
        habits,
        basis,
        team,
        people,
    }))
}

/// The History page's table of each person against the team, the team first, in `lang`.
pub(crate) fn people_view(
    team: &RatioSummary,
    people: &[PersonRow],
    caller: Option<&Caller>,
    lang: Lang,
) -> Value {
    let me = caller.map(Caller::owner);
    let row = |name: &str, r: &RatioSummary, basis: Option<Basis>, mine: bool| {
        json!({
            "name": name,
            "tasks": trekant_core::format::hours(r.tasks as f64, lang),
            "median": trekant_core::format::decimal(r.median, 2, lang),
            "p80": trekant_core::format::decimal(r.p80, 2, lang),
            "p90": trekant_core::format::decimal(r.p90, 2, lang),
            "over": trekant_core::format::percent(r.over, lang),
            "basis": match basis {
                Some(Basis::Person) => trekant_core::t!(lang, "person-basis-person"),
                Some(Basis::Team) => trekant_core::t!(lang, "person-basis-team"),
                None => String::new(),
            },
            "me": mine,
        })
    };
    let team_name = trekant_core::t!(lang, "person-team");
    let rows: Vec<Value> = std::iter::once(row(&team_name, team, None, false))
        .chain(people.iter().map(|p| {
            let mine = me.as_deref() == Some(p.summary.person.as_str());
            row(&p.name, &p.summary.ratios, Some(p.summary.basis), mine)
        }))
        .collect();
    let deep = PersonSettings::default().deep_enough();
    json!({
        "title": trekant_core::t!(lang, "person-by-person"),
        "rows": rows,
        "thin": trekant_core::t!(lang, "person-thin", tasks = deep),
    })
}

/// `name` as the owner of something, in `lang`: "Lone's", "Lones"; Danish names ending in s,
/// x or z take an apostrophe alone ("Mads'").
pub fn possessive(name: &str, lang: Lang) -> String {
    let name = name.trim();
    match lang {
        Lang::Da if name.ends_with(['s', 'x', 'z', 'S', 'X', 'Z']) => format!("{name}'"),
        Lang::Da => format!("{name}s"),
        _ => format!("{name}'s"),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn names_own_things_in_each_language() {
        assert_eq!(possessive("Lone", Lang::Da), "Lones");
        assert_eq!(possessive("Mads", Lang::Da), "Mads'");
        assert_eq!(possessive("Lone", Lang::En), "Lone's");
        assert_eq!(possessive("Mads", Lang::En), "Mads's");
    }

    #[test]
    fn without_a_task_nothing_is_calibrated_and_the_json_says_so() {
        let none = Calibrated::fit(&[], "1");
        assert!(none.calibration.is_none());
        let mut json = serde_json::json!({"price": 1});
        none.describe(&mut json);
        assert_eq!(
            json,
            serde_json::json!({"price": 1, "calibrated": false, "tasks": 0, "basis": null})
        );
    }
}
