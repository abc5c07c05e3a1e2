//! Calibration per person, shrunk toward the team: in a shared history every task has an
//! owner, and an estimate made by one person is calibrated on their own tasks where those are
//! deep enough, and on the whole team's otherwise.
//!
//! It is the calibration's own shrinkage (category → size → all) taken one level up, person →
//! team, in its simplest form: a person with at least [`PersonSettings::deep_enough`] usable
//! tasks is calibrated on them alone (the calibration's cascade then shrinks their categories
//! toward their own sizes and all their tasks), anyone else on the team's. Which one was used
//! is the estimate's *basis*. A soft mixture of the two (`n / (n + prior)` of the person's
//! distribution, the rest the team's) is measured beside it by [`backtest_people`]; see
//! `docs/backtest.md` for what each did on real team data.
//!
//! The calibration itself is used only through its public API, so this module is indifferent
//! to how the cascade inside it is built.

use std::collections::BTreeMap;

use rayon::prelude::*;
use serde::Serialize;

use crate::history::Record;
use crate::history::backtest::{BacktestError, Coverage, LEVELS, LevelCoverage, Scores, pinball};
use crate::history::calibration::{
    Calibration, CalibrationError, CalibrationSettings, RatioDistribution, day_number,
};
use crate::history::habits::{RatioSummary, habits};

/// One task of a shared history with the person it belongs to (the store's `owner`).
pub type OwnedRecord = (String, Record);

/// Whose history an estimate was calibrated on.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize)]
#[serde(rename_all = "lowercase")]
pub enum Basis {
    /// The estimating person's own tasks.
    Person,
    /// Everyone's tasks: the person's own were too few.
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

/// When a person's own history is deep enough to stand alone.
#[derive(Clone, Debug, PartialEq)]
pub struct PersonSettings {
    /// The fewest usable tasks of their own at which a person is calibrated on them: the
    /// calibration's own round prior (30 tasks count as much as the level above them).
    pub deep_enough: usize,
    /// For the soft mixture the backtest measures: tasks' worth of evidence at which the
    /// person's distribution counts as much as the team's.
    pub team_prior: f64,
    pub calibration: CalibrationSettings,
}

impl Default for PersonSettings {
    fn default() -> Self {
        Self {
            deep_enough: 30,
            team_prior: 30.0,
            calibration: CalibrationSettings::default(),
        }
    }
}

/// A calibration chosen for one person, and what it rests on.
#[derive(Clone, Debug)]
pub struct PersonCalibration {
    pub calibration: Calibration,
    pub basis: Basis,
    /// The person's own usable tasks (whatever the basis).
    pub own_tasks: usize,
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

/// The calibration for `person`'s estimates: their own tasks when they have at least
/// `deep_enough` usable ones, everyone's otherwise. A person the history has never seen gets
/// the team's; an empty history has no calibration at all.
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
    if own_tasks >= settings.deep_enough.max(1) {
        return Ok(PersonCalibration {
            calibration: Calibration::fit_with(&own, &settings.calibration)?,
            basis: Basis::Person,
            own_tasks,
        });
    }
    let everyone: Vec<Record> = team.iter().map(|(_, r)| r.clone()).collect();
    Ok(PersonCalibration {
        calibration: Calibration::fit_with(&everyone, &settings.calibration)?,
        basis: Basis::Team,
        own_tasks,
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
                basis: if records.len() >= settings.deep_enough.max(1) {
                    Basis::Person
                } else {
                    Basis::Team
                },
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
    /// Test tasks whose person had `deep_enough` earlier tasks (predicted on their own).
    pub person_basis: usize,
    /// Everyone's history for everyone: the team-only calibration.
    pub team: Scores,
    /// The person's own history whenever they have any earlier task, the team's before that.
    pub person_only: Scores,
    /// The product's rule: the person's own when deep enough, the team's otherwise.
    pub chosen: Scores,
    /// The soft mixture: `n / (n + team_prior)` of the person's distribution, the rest the
    /// team's.
    pub shrunk: Scores,
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
    let scored: Vec<[Tally; 4]> = days
        .par_iter()
        .map(|&(start, end)| {
            let mut tallies: [Tally; 4] = Default::default();
            let Ok(whole) = Calibration::fit_with(&records[..start], &settings.calibration) else {
                return tallies;
            };
            let mut own_fits: BTreeMap<&str, Option<(Calibration, usize)>> = BTreeMap::new();
            for i in start..end {
                let (owner, r) = rows[i];
                let own = own_fits.entry(owner.as_str()).or_insert_with(|| {
                    let mine = &positions[owner.as_str()];
                    let earlier: Vec<Record> = mine[..mine.partition_point(|&p| p < start)]
                        .iter()
                        .map(|&p| records[p].clone())
                        .collect();
                    Calibration::fit_with(&earlier, &settings.calibration)
                        .ok()
                        .map(|c| (c, earlier.len()))
                });
                let category = r.category.as_deref();
                let from_team = whole.hours_quantiles(category, r.likely, &LEVELS);
                tallies[0].add(r, &from_team);
                match own {
                    Some((cal, n)) => {
                        let mine = cal.hours_quantiles(category, r.likely, &LEVELS);
                        tallies[1].add(r, &mine);
                        let deep = *n >= settings.deep_enough.max(1);
                        tallies[2].add(r, if deep { &mine } else { &from_team });
                        tallies[2].person += usize::from(deep);
                        let share = *n as f64 / (*n as f64 + settings.team_prior.max(0.0));
                        let mixed = mixture_quantiles(
                            &cal.distribution(category, r.likely),
                            &whole.distribution(category, r.likely),
                            share,
                        );
                        let hours: Vec<f64> = mixed.iter().map(|q| r.likely * q).collect();
                        tallies[3].add(r, &hours);
                    }
                    None => {
                        for tally in &mut tallies[1..] {
                            tally.add(r, &from_team);
                        }
                    }
                }
            }
            tallies
        })
        .collect();
    let mut total: [Tally; 4] = Default::default();
    for day in &scored {
        for (sum, part) in total.iter_mut().zip(day) {
            sum.merge(part);
        }
    }
    let train = day_starts[first_test];
    let people = positions
        .values()
        .filter(|p| p.last().is_some_and(|&last| last >= train))
        .count();
    Ok(PeopleBacktest {
        train,
        test: records.len() - train,
        people,
        person_basis: total[2].person,
        team: total[0].scores(),
        person_only: total[1].scores(),
        chosen: total[2].scores(),
        shrunk: total[3].scores(),
    })
}

/// The [`LEVELS`] quantiles of the mixture `share × mine + (1 − share) × team`, read off its
/// step CDF (so they stay on past ratios, as the calibration's own quantiles do).
fn mixture_quantiles(mine: &RatioDistribution, team: &RatioDistribution, share: f64) -> Vec<f64> {
    let share = share.clamp(0.0, 1.0);
    let mut points: Vec<(f64, f64)> = mine
        .points()
        .map(|(r, p)| (r, p * share))
        .chain(team.points().map(|(r, p)| (r, p * (1.0 - share))))
        .collect();
    points.sort_by(|a, b| a.0.total_cmp(&b.0));
    let mut out = Vec::with_capacity(LEVELS.len());
    let (mut running, mut i) = (0.0, 0);
    for level in LEVELS {
        while i < points.len() && running + points[i].1 < level - 1e-12 {
            running += points[i].1;
            i += 1;
        }
        out.push(points[i.min(points.len() - 1)].0);
    }
    out
}

/// Coverage and loss counts of one way of predicting.
#[derive(Default)]
struct Tally {
    tasks: usize,
    below: [usize; 3],
    at_or_below: [usize; 3],
    loss: f64,
    /// Tasks predicted on the person's own history.
    person: usize,
}

impl Tally {
    fn add(&mut self, record: &Record, quantiles: &[f64]) {
        self.tasks += 1;
        for (i, (&level, &q)) in LEVELS.iter().zip(quantiles).enumerate() {
            // The same tie tolerance as the backtest: converted minutes carry rounding.
            self.below[i] += usize::from(record.actual < q * (1.0 - 1e-6));
            self.at_or_below[i] += usize::from(record.actual <= q * (1.0 + 1e-6));
            self.loss += pinball(level, record.actual, q);
        }
    }

    fn merge(&mut self, other: &Tally) {
        self.tasks += other.tasks;
        self.person += other.person;
        self.loss += other.loss;
        for i in 0..LEVELS.len() {
            self.below[i] += other.below[i];
            self.at_or_below[i] += other.at_or_below[i];
        }
    }

    fn scores(&self) -> Scores {
        let n = self.tasks.max(1) as f64;
        let level = |i: usize| LevelCoverage {
            below: self.below[i] as f64 / n,
            at_or_below: self.at_or_below[i] as f64 / n,
        };
        Scores {
            coverage: Coverage {
                p50: level(0),
                p80: level(1),
                p90: level(2),
            },
            pinball_loss: self.loss / (n * LEVELS.len() as f64),
        }
    }
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
    fn a_deep_history_calibrates_on_its_own_and_a_thin_one_on_the_team() {
        let mut team = tasks("ann@example.com", 40, 2.0);
        team.extend(tasks("bo@example.com", 5, 1.0));
        let ann = calibrate(&team, "ann@example.com", &PersonSettings::default()).unwrap();
        assert_eq!(ann.basis, Basis::Person);
        assert_eq!((ann.own_tasks, ann.calibration.tasks()), (40, 40));
        assert_eq!(ann.calibration.ratio_quantile(Some("dev"), 4.0, 0.5), 2.0);
        let bo = calibrate(&team, "bo@example.com", &PersonSettings::default()).unwrap();
        assert_eq!(bo.basis, Basis::Team);
        assert_eq!((bo.own_tasks, bo.calibration.tasks()), (5, 45));
        // Someone new gets the team's, which mostly says "twice the estimate".
        let new = calibrate(&team, "cy@example.com", &PersonSettings::default()).unwrap();
        assert_eq!((new.basis, new.own_tasks), (Basis::Team, 0));
        assert_eq!(new.calibration.ratio_quantile(Some("dev"), 4.0, 0.5), 2.0);
        assert!(calibrate(&[], "ann@example.com", &PersonSettings::default()).is_err());
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
    fn the_mixture_weighs_the_person_by_their_share() {
        let mine = Calibration::fit(&[task(1, 1.0, 1.0)])
            .unwrap()
            .distribution(None, 1.0);
        let team = Calibration::fit(&[task(1, 1.0, 3.0)])
            .unwrap()
            .distribution(None, 1.0);
        // 60 % on 1.0, 40 % on 3.0: P50 is 1.0, P80 and P90 are 3.0.
        assert_eq!(mixture_quantiles(&mine, &team, 0.6), [1.0, 3.0, 3.0]);
        assert_eq!(mixture_quantiles(&mine, &team, 1.0), [1.0, 1.0, 1.0]);
        assert_eq!(mixture_quantiles(&mine, &team, 0.0), [3.0, 3.0, 3.0]);
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
        assert_eq!(report.chosen.pinball_loss, 0.0);
        assert_eq!(report.person_only.pinball_loss, 0.0);
        assert!(report.team.pinball_loss > 0.3, "{report:?}");
        assert!(report.shrunk.pinball_loss < report.team.pinball_loss);
        assert!(matches!(
            backtest_people(&team, 1.0, &PersonSettings::default()),
            Err(BacktestError::BadFraction(_))
        ));
    }
}
