//! Calibration per person, shrunk toward the team: in a shared history every task has an
//! owner, and an estimate made by one person is calibrated on their own tasks as far as those
//! carry evidence, and on the whole team's for the rest.
//!
//! It is the calibration's own shrinkage (category → size → all) taken one level up, person →
//! team: the person's calibrated distribution (their own cascade) gets the share
//! `n / (n + prior)` of the mixture, where `n` is their number of usable tasks, and the team's
//! (everyone's tasks, theirs included) the rest. The estimate's *basis* says which side
//! carries more: `person` once `n` reaches the prior (30 tasks, the calibration's own round
//! prior), `team` before. One freelancer's history is all their own, however thin.
//!
//! [`backtest_people`] measures it walking forward through real team data beside team-only,
//! person-only and a hard switch (own history alone once deep enough); `docs/backtest.md`
//! reports the figures. The calibration is used through its public API, plus its one hook for
//! this: [`Calibration::shrunk_toward`].

use std::collections::BTreeMap;

use rayon::prelude::*;
use serde::Serialize;

use crate::history::Record;
use crate::history::backtest::{BacktestError, LEVELS, Scores, Tally};
use crate::history::calibration::{Calibration, CalibrationError, CalibrationSettings, day_number};
use crate::history::habits::{RatioSummary, habits};

/// One task of a shared history with the person it belongs to (the store's `owner`).
pub type OwnedRecord = (String, Record);

/// Whose history weighs more in an estimate's calibration.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize)]
#[serde(rename_all = "lowercase")]
pub enum Basis {
    /// The estimating person's own tasks (at least half of the mixture).
    Person,
    /// Everyone's tasks: the person's own are still too few to weigh half.
    Team,
}

impl Basis {
    /// The word in the JSON: `"person"` or `"team"`.
    pub fn as_str(self) -> &'static str {
        match self {
            Basis::Person => "person",
            Basis::Team => "team",
        }
    }
}

/// How far a person's own history counts against the team's.
#[derive(Clone, Debug, PartialEq)]
pub struct PersonSettings {
    /// Tasks' worth of evidence at which a person's own distribution counts as much as the
    /// team's: the calibration's own round prior, not tuned.
    pub team_prior: f64,
    pub calibration: CalibrationSettings,
}

impl Default for PersonSettings {
    fn default() -> Self {
        Self {
            team_prior: 30.0,
            calibration: CalibrationSettings::default(),
        }
    }
}

impl PersonSettings {
    /// The person's share of the mixture with `own` usable tasks: `own / (own + prior)`.
    pub fn share(&self, own: usize) -> f64 {
        let own = own as f64;
        own / (own + self.team_prior.max(0.0)).max(f64::MIN_POSITIVE)
    }

    /// The fewest usable tasks of their own at which a person's history carries at least
    /// half of their calibration (basis `person`).
    pub fn deep_enough(&self) -> usize {
        (self.team_prior.max(0.0).ceil() as usize).max(1)
    }

    /// Whose history carries more with `own` usable tasks.
    pub fn basis(&self, own: usize) -> Basis {
        if own >= self.deep_enough() {
            Basis::Person
        } else {
            Basis::Team
        }
    }
}

/// A calibration for one person, and what it rests on.
#[derive(Clone, Debug)]
pub struct PersonCalibration {
    pub calibration: Calibration,
    pub basis: Basis,
    /// The person's own usable tasks.
    pub own_tasks: usize,
    /// The tasks of the basis: the person's own, or the team's.
    pub tasks: usize,
    /// The person's share of the mixture (1 when the history is theirs alone).
    pub share: f64,
}

/// A task the calibration can learn from: a positive finite likely and a finite actual ≥ 0.
pub fn usable(r: &Record) -> bool {
    r.likely.is_finite() && r.likely > 0.0 && r.actual.is_finite() && r.actual >= 0.0
}

/// The usable tasks of a shared history, by person (sorted by name).
pub fn by_person(team: &[OwnedRecord]) -> BTreeMap<&str, Vec<Record>> {
    let mut people: BTreeMap<&str, Vec<Record>> = BTreeMap::new();
    for (owner, record) in team.iter().filter(|(_, r)| usable(r)) {
        people
            .entry(owner.as_str())
            .or_default()
            .push(record.clone());
    }
    people
}

/// The calibration for `person`'s estimates: their own calibration shrunk toward the team's
/// by [`PersonSettings::share`]. A history that is all theirs is theirs alone; a person the
/// history has never seen gets the team's; an empty history has no calibration at all.
pub fn calibrate(
    team: &[OwnedRecord],
    person: &str,
    settings: &PersonSettings,
) -> Result<PersonCalibration, CalibrationError> {
    let own: Vec<Record> = team
        .iter()
        .filter(|(owner, r)| owner == person && usable(r))
        .map(|(_, r)| r.clone())
        .collect();
    let own_tasks = own.len();
    let alone = team.iter().all(|(owner, r)| owner == person || !usable(r));
    if alone && own_tasks > 0 {
        return Ok(PersonCalibration {
            calibration: Calibration::fit_with(&own, &settings.calibration)?,
            basis: Basis::Person,
            own_tasks,
            tasks: own_tasks,
            share: 1.0,
        });
    }
    let everyone: Vec<Record> = team.iter().map(|(_, r)| r.clone()).collect();
    let whole = Calibration::fit_with(&everyone, &settings.calibration)?;
    let basis = settings.basis(own_tasks);
    let tasks = match basis {
        Basis::Person => own_tasks,
        Basis::Team => whole.tasks(),
    };
    if own_tasks == 0 {
        return Ok(PersonCalibration {
            calibration: whole,
            basis,
            own_tasks,
            tasks,
            share: 0.0,
        });
    }
    let share = settings.share(own_tasks);
    let calibration = Calibration::fit_with(&own, &settings.calibration)?
        .shrunk_toward(std::sync::Arc::new(whole), share);
    Ok(PersonCalibration {
        calibration,
        basis,
        own_tasks,
        tasks,
        share,
    })
}

/// One person against the team, for `trekant calibration`.
#[derive(Clone, Debug, PartialEq, Serialize)]
pub struct PersonSummary {
    pub person: String,
    /// What this person's estimates are calibrated on.
    pub basis: Basis,
    #[serde(flatten)]
    pub ratios: RatioSummary,
}

/// Each person's ratios beside the team's.
#[derive(Clone, Debug, PartialEq, Serialize)]
pub struct TeamComparison {
    pub team: RatioSummary,
    /// Most tasks first.
    pub people: Vec<PersonSummary>,
}

/// Each person against the team; `None` when the history has fewer than two people (one
/// freelancer's history has no split to show).
pub fn compare(team: &[OwnedRecord], settings: &PersonSettings) -> Option<TeamComparison> {
    let people = by_person(team);
    if people.len() < 2 {
        return None;
    }
    let everyone: Vec<Record> = people.values().flatten().cloned().collect();
    let mut summaries: Vec<PersonSummary> = people
        .iter()
        .filter_map(|(person, records)| {
            habits(records).map(|h| PersonSummary {
                person: person.to_string(),
                basis: settings.basis(records.len()),
                ratios: h.overall,
            })
        })
        .collect();
    summaries.sort_by_key(|s| std::cmp::Reverse(s.ratios.tasks));
    Some(TeamComparison {
        team: habits(&everyone)?.overall,
        people: summaries,
    })
}

/// The walk-forward backtest of person → team calibration on a shared history.
#[derive(Clone, Debug, PartialEq, Serialize)]
pub struct PeopleBacktest {
    /// Tasks of the warm-up.
    pub train: usize,
    /// Later tasks, each predicted from every task finished on an earlier day.
    pub test: usize,
    /// People with at least one test task.
    pub people: usize,
    /// Test tasks whose person had [`PersonSettings::deep_enough`] earlier tasks (basis
    /// `person`).
    pub person_basis: usize,
    /// Everyone's history for everyone: the team-only calibration.
    pub team: Scores,
    /// The person's own history whenever they have any earlier task, the team's before that.
    pub person_only: Scores,
    /// A hard switch: the person's own history alone once deep enough, the team's before.
    pub own_when_deep: Scores,
    /// What the product does ([`calibrate`]): the person's own shrunk toward the team's.
    pub shrunk: Scores,
    /// The 5 % and 95 % points of the shrunk loss relative to the team-only loss, minus one
    /// (−0.01 is 1 % better), over resamplings of the test days: [`paired_interval`].
    pub shrunk_vs_team: [f64; 2],
    /// Each test day's summed loss, team only and shrunk, for pooling several backtests'
    /// days into one interval.
    #[serde(skip)]
    pub day_losses: Vec<(f64, f64)>,
}

/// Walk forward through a shared history day by day, as [`crate::history::backtest`] does for
/// one person: the earliest `train_fraction` of the tasks (to a day boundary) is a warm-up;
/// each later day's tasks are predicted from every task finished on an earlier day, four ways.
pub fn backtest_people(
    team: &[OwnedRecord],
    train_fraction: f64,
    settings: &PersonSettings,
) -> Result<PeopleBacktest, BacktestError> {
    if !(train_fraction > 0.0 && train_fraction < 1.0) {
        return Err(BacktestError::BadFraction(train_fraction));
    }
    let mut rows: Vec<&OwnedRecord> = team.iter().filter(|(_, r)| usable(r)).collect();
    // Stable: a day's tasks keep their order.
    rows.sort_by_key(|(_, r)| day_number(r.finished));
    let records: Vec<Record> = rows.iter().map(|(_, r)| r.clone()).collect();
    let mut day_starts: Vec<usize> = vec![0];
    day_starts
        .extend((1..records.len()).filter(|&i| records[i].finished != records[i - 1].finished));
    if day_starts.len() < 2 {
        return Err(BacktestError::TooFewTasks {
            tasks: records.len(),
            days: day_starts.len(),
        });
    }
    // The first day starting at or after the warm-up's share of the tasks (never the first
    // day, so the warm-up is never empty).
    let wanted = ((records.len() as f64) * train_fraction).round() as usize;
    let first_test = day_starts
        .iter()
        .position(|&s| s >= wanted)
        .unwrap_or(day_starts.len() - 1)
        .max(1);
    // Each person's tasks in time order, with their positions in `records`.
    let mut positions: BTreeMap<&str, Vec<usize>> = BTreeMap::new();
    for (i, (owner, _)) in rows.iter().enumerate() {
        positions.entry(owner.as_str()).or_default().push(i);
    }
    let days: Vec<(usize, usize)> = (first_test..day_starts.len())
        .map(|d| {
            (
                day_starts[d],
                *day_starts.get(d + 1).unwrap_or(&records.len()),
            )
        })
        .collect();
    // Each day's four tallies, and how many of its tasks the own-when-deep way predicted
    // on the person's own history.
    let scored: Vec<([Tally; 4], usize)> = days
        .par_iter()
        .map(|&(start, end)| {
            let mut tallies: [Tally; 4] = Default::default();
            let mut on_own = 0;
            let Ok(whole) = Calibration::fit_with(&records[..start], &settings.calibration) else {
                return (tallies, on_own);
            };
            let whole = std::sync::Arc::new(whole);
            type Fits = Option<(Calibration, Calibration, usize)>;
            let mut own_fits: BTreeMap<&str, Fits> = BTreeMap::new();
            for &(owner, r) in &rows[start..end] {
                // Fitted once a day per person: their own, and their own shrunk.
                let own = own_fits.entry(owner.as_str()).or_insert_with(|| {
                    let mine = &positions[owner.as_str()];
                    let earlier: Vec<Record> = mine[..mine.partition_point(|&p| p < start)]
                        .iter()
                        .map(|&p| records[p].clone())
                        .collect();
                    let own = Calibration::fit_with(&earlier, &settings.calibration).ok()?;
                    let share = settings.share(earlier.len());
                    let shrunk = own.clone().shrunk_toward(whole.clone(), share);
                    Some((own, shrunk, earlier.len()))
                });
                let category = r.category.as_deref();
                let from_team = whole.hours_quantiles(category, r.likely, &LEVELS);
                tallies[0].add(r, &from_team);
                match own {
                    Some((cal, shrunk, n)) => {
                        let mine = cal.hours_quantiles(category, r.likely, &LEVELS);
                        tallies[1].add(r, &mine);
                        let deep = settings.basis(*n) == Basis::Person;
                        tallies[2].add(r, if deep { &mine } else { &from_team });
                        on_own += usize::from(deep);
                        tallies[3].add(r, &shrunk.hours_quantiles(category, r.likely, &LEVELS));
                    }
                    None => {
                        for tally in &mut tallies[1..] {
                            tally.add(r, &from_team);
                        }
                    }
                }
            }
            (tallies, on_own)
        })
        .collect();
    let mut total: [Tally; 4] = Default::default();
    let day_losses: Vec<(f64, f64)> = scored.iter().map(|(d, _)| (d[0].loss, d[3].loss)).collect();
    for (day, _) in &scored {
        for (sum, part) in total.iter_mut().zip(day) {
            sum.merge(part);
        }
    }
    let person_basis = scored.iter().map(|(_, on_own)| on_own).sum();
    let train = day_starts[first_test];
    let people = positions
        .values()
        .filter(|p| p.last().is_some_and(|&last| last >= train))
        .count();
    Ok(PeopleBacktest {
        train,
        test: records.len() - train,
        people,
        person_basis,
        team: total[0].scores(),
        person_only: total[1].scores(),
        own_when_deep: total[2].scores(),
        shrunk: total[3].scores(),
        shrunk_vs_team: paired_interval(&day_losses),
        day_losses,
    })
}

/// How many resamplings of the test days give [`paired_interval`].
const RESAMPLES: usize = 1000;

/// The 5 % and 95 % points of `Σ b / Σ a − 1` when the days `(a, b)` (two ways' summed losses
/// on one day) are drawn again with replacement, a day's two losses together: how sure a
/// difference between the two is, when a few huge tasks dominate the loss. Seeded, so the
/// same days always give the same interval.
pub fn paired_interval(days: &[(f64, f64)]) -> [f64; 2] {
    if days.is_empty() {
        return [0.0, 0.0];
    }
    // xorshift64: enough to pick days, the same on every platform.
    let mut state: u64 = 0x7065_7273_6f6e_2121;
    let mut pick = move || {
        state ^= state << 13;
        state ^= state >> 7;
        state ^= state << 17;
        (state % days.len() as u64) as usize
    };
    let mut changes: Vec<f64> = (0..RESAMPLES)
        .map(|_| {
            let (mut a, mut b) = (0.0, 0.0);
            for _ in 0..days.len() {
                let day = days[pick()];
                a += day.0;
                b += day.1;
            }
            if a > 0.0 { b / a - 1.0 } else { 0.0 }
        })
        .collect();
    let q = crate::stats::quantiles_in_place(&mut changes, &[0.05, 0.95]);
    [q[0], q[1]]
}

#[cfg(test)]
mod tests {
    use super::*;

    fn task(day: i8, likely: f64, actual: f64) -> Record {
        Record {
            project: "p".into(),
            item: format!("t{day}-{likely}-{actual}"),
            category: Some("dev".into()),
            low: None,
            likely,
            high: None,
            actual,
            finished: jiff::civil::date(2025, 1, day.clamp(1, 28)),
        }
    }

    /// `n` tasks of `who`, all taking `ratio` times their 4-hour estimate.
    fn tasks(who: &str, n: usize, ratio: f64) -> Vec<OwnedRecord> {
        (0..n)
            .map(|i| (who.to_string(), task((i % 28) as i8 + 1, 4.0, 4.0 * ratio)))
            .collect()
    }

    #[test]
    fn a_deep_history_has_the_person_basis_and_a_thin_one_the_team_basis() {
        let mut team = tasks("ann@example.com", 40, 2.0);
        team.extend(tasks("bo@example.com", 5, 1.0));
        let ann = calibrate(&team, "ann@example.com", &PersonSettings::default()).unwrap();
        assert_eq!(ann.basis, Basis::Person);
        assert_eq!(
            (ann.own_tasks, ann.tasks, ann.calibration.tasks()),
            (40, 40, 40)
        );
        assert_eq!(ann.calibration.ratio_quantile(Some("dev"), 4.0, 0.5), 2.0);
        let bo = calibrate(&team, "bo@example.com", &PersonSettings::default()).unwrap();
        assert_eq!(bo.basis, Basis::Team);
        assert_eq!((bo.own_tasks, bo.tasks), (5, 45));
        // Someone new gets the team's, which mostly says "twice the estimate".
        let new = calibrate(&team, "cy@example.com", &PersonSettings::default()).unwrap();
        assert_eq!((new.basis, new.own_tasks, new.tasks), (Basis::Team, 0, 45));
        assert_eq!(new.calibration.ratio_quantile(Some("dev"), 4.0, 0.5), 2.0);
        assert!(calibrate(&[], "ann@example.com", &PersonSettings::default()).is_err());
        // One freelancer's thin history is still their own.
        let solo = calibrate(&team[40..], "bo@example.com", &PersonSettings::default()).unwrap();
        assert_eq!((solo.basis, solo.calibration.tasks()), (Basis::Person, 5));
    }

    #[test]
    fn one_person_shows_no_split_and_two_are_compared_with_the_team() {
        let ann = tasks("ann", 40, 2.0);
        assert_eq!(compare(&ann, &PersonSettings::default()), None);
        let mut team = ann;
        team.extend(tasks("bo", 10, 1.0));
        let c = compare(&team, &PersonSettings::default()).unwrap();
        assert_eq!(c.team.tasks, 50);
        let people: Vec<(&str, Basis, usize, f64)> = c
            .people
            .iter()
            .map(|p| (p.person.as_str(), p.basis, p.ratios.tasks, p.ratios.median))
            .collect();
        assert_eq!(
            people,
            [
                ("ann", Basis::Person, 40, 2.0),
                ("bo", Basis::Team, 10, 1.0)
            ]
        );
    }

    #[test]
    fn the_person_weighs_by_their_share_of_the_evidence() {
        // Ann: 30 tasks at exactly her estimate; Bo: 90 at three times his. The team's 120
        // are a quarter at 1.0 and three quarters at 3.0.
        let mut team = tasks("ann", 30, 1.0);
        team.extend(tasks("bo", 90, 3.0));
        let settings = PersonSettings::default();
        let ann = calibrate(&team, "ann", &settings).unwrap();
        assert_eq!((ann.basis, ann.tasks, ann.share), (Basis::Person, 30, 0.5));
        // Half hers (all 1.0), half the team's (1/4 at 1.0): 5/8 at 1.0, the rest at 3.0.
        let q = |u: f64| ann.calibration.ratio_quantile(Some("dev"), 4.0, u);
        assert_eq!((q(0.6), q(0.62), q(0.63), q(0.9)), (1.0, 1.0, 3.0, 3.0));
        let d = ann.calibration.distribution(Some("dev"), 4.0);
        let points: Vec<(f64, f64)> = d.points().collect();
        assert_eq!(points.len(), 2);
        // (Up to the recency weights of tasks a few days apart.)
        assert!((points[0].1 - 0.625).abs() < 1e-4, "{points:?}");
        // Three tasks against a prior of 30: basis team, the team's tasks.
        let mut thin = tasks("cy", 3, 1.0);
        thin.extend(tasks("bo", 90, 3.0));
        let cy = calibrate(&thin, "cy", &settings).unwrap();
        assert_eq!((cy.basis, cy.own_tasks, cy.tasks), (Basis::Team, 3, 93));
        assert!((cy.share - 3.0 / 33.0).abs() < 1e-12);
        assert_eq!(cy.calibration.ratio_quantile(Some("dev"), 4.0, 0.5), 3.0);
    }

    #[test]
    fn the_paired_interval_brackets_the_change_and_is_seeded() {
        // Every day 10 % better: every resampling says so.
        let days: Vec<(f64, f64)> = (1..=50)
            .map(|d| (f64::from(d), 0.9 * f64::from(d)))
            .collect();
        let [lo, hi] = paired_interval(&days);
        assert!(
            (lo + 0.1).abs() < 1e-9 && (hi + 0.1).abs() < 1e-9,
            "{lo} {hi}"
        );
        // Half the days better, half worse: the interval spans no change.
        let mixed: Vec<(f64, f64)> = (0..50)
            .map(|d| if d % 2 == 0 { (1.0, 0.5) } else { (1.0, 1.5) })
            .collect();
        let [lo, hi] = paired_interval(&mixed);
        assert!(lo < 0.0 && hi > 0.0, "{lo} {hi}");
        assert_eq!(paired_interval(&mixed), [lo, hi]);
        assert_eq!(paired_interval(&[]), [0.0, 0.0]);
    }

    #[test]
    fn the_backtest_predicts_each_person_from_their_own_past_when_deep_enough() {
        // Ann always takes twice her estimate, Bo exactly his; the team is half of each.
        let mut team = Vec::new();
        for day in 1..=28i8 {
            for k in 0..3 {
                let likely = 2.0 + f64::from(k);
                team.push(("ann".to_string(), task(day, likely, 2.0 * likely)));
                team.push(("bo".to_string(), task(day, likely, likely)));
            }
        }
        let report = backtest_people(&team, 0.5, &PersonSettings::default()).unwrap();
        assert_eq!((report.train, report.test, report.people), (84, 84, 2));
        assert_eq!(report.person_basis, 84);
        // On their own each person is predicted exactly; the team mixes the two.
        assert_eq!(report.own_when_deep.pinball_loss, 0.0);
        assert_eq!(report.person_only.pinball_loss, 0.0);
        assert!(report.team.pinball_loss > 0.3, "{report:?}");
        assert!(report.shrunk.pinball_loss < report.team.pinball_loss);
        // Better on every day, so better in every resampling.
        assert!(report.shrunk_vs_team[1] < 0.0, "{report:?}");
        assert_eq!(report.day_losses.len(), 14);
        assert!(matches!(
            backtest_people(&team, 1.0, &PersonSettings::default()),
            Err(BacktestError::BadFraction(_))
        ));
    }
}
