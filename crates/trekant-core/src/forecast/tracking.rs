//! Where a tracked project is heading: P80 forecasts of each item's final hours given the
//! hours already logged, against the plan, and the verdict "on track at P80". Pure functions
//! over a [`ProjectStatus`] and an optional calibration; [`StatusReport`] is the JSON shape
//! of `trekant track status` (and of the web app's status page).

use jiff::civil::Date;
use serde::Serialize;

use crate::history::calibration::Calibration;
use crate::tracking::{ChangeRequest, ItemStatus, ProjectStatus};

/// The level of the forecasts `track status` gives.
pub(crate) const LEVEL: f64 = 0.8;

/// P80 forecasts of final hours, per item and for the project.
///
/// An unfinished item's forecast is its final-hours distribution cut below the hours already
/// logged; a finished one (`trekant track done`) took exactly what was logged. The distribution is the calibrated one when a history exists and the item
/// has a three-point estimate, else the PERT distribution of its three-point estimate; a
/// single-number estimate counts as certain, so its forecast is max(estimate, logged).
///
/// "On track at P80" compares the sum of the items' forecast P80s with the sum of their
/// P80s before any hours were logged (the plan, including accepted changes). A sum of P80s
/// is above the P80 of the sum, so both sides are cautious in the same way.
pub struct Forecast {
    pub calibrated: bool,
    pub tasks: usize,
    /// Per item, in the order of the status: (P80 planned, P80 given the hours logged).
    pub items: Vec<(f64, f64)>,
    pub plan: f64,
    pub forecast: f64,
}

impl Forecast {
    pub fn of(status: &ProjectStatus, calibration: Option<&Calibration>) -> Forecast {
        let items: Vec<(f64, f64)> = status
            .items
            .iter()
            .map(|i| {
                let plan = item_p80(i, 0.0, calibration);
                // A finished item took what was logged: nothing is left to forecast.
                let now = match i.done {
                    Some(_) => i.logged,
                    None => item_p80(i, i.logged, calibration),
                };
                (plan, now)
            })
            .collect();
        Forecast {
            calibrated: calibration.is_some(),
            tasks: calibration.map_or(0, Calibration::tasks),
            plan: items.iter().map(|(p, _)| p).sum(),
            forecast: items.iter().map(|(_, f)| f).sum(),
            items,
        }
    }

    pub fn on_track(&self) -> bool {
        self.forecast <= self.plan + 1e-9
    }
}

fn item_p80(item: &ItemStatus, logged: f64, calibration: Option<&Calibration>) -> f64 {
    match (item.low, item.high) {
        (Some(low), Some(high)) if high > low => match calibration {
            Some(cal) if item.likely > 0.0 => cal
                .hours_quantiles_given(item.category.as_deref(), item.likely, logged, &[LEVEL])
                .first()
                .copied()
                .unwrap_or(item.likely)
                .max(logged),
            _ => pert_quantile_given(low, item.likely, high, logged, LEVEL),
        },
        _ => item.likely.max(logged),
    }
}

/// The `level` quantile of a PERT(low, likely, high) distribution cut below `logged`:
/// a Beta(α, β) on [low, high] with α = 1 + 4(likely − low)/(high − low) and
/// β = 1 + 4(high − likely)/(high − low), its CDF tabulated by the trapezoid rule.
pub(crate) fn pert_quantile_given(
    low: f64,
    likely: f64,
    high: f64,
    logged: f64,
    level: f64,
) -> f64 {
    if logged >= high {
        return logged;
    }
    let width = high - low;
    let alpha = 1.0 + 4.0 * (likely - low) / width;
    let beta = 1.0 + 4.0 * (high - likely) / width;
    const STEPS: usize = 2000;
    let density = |x: f64| x.powf(alpha - 1.0) * (1.0 - x).powf(beta - 1.0);
    let mut cdf = Vec::with_capacity(STEPS + 1);
    let mut total = 0.0;
    let mut previous = density(0.0);
    cdf.push(0.0);
    for k in 1..=STEPS {
        let x = k as f64 / STEPS as f64;
        let d = density(x);
        total += (previous + d) / 2.0;
        previous = d;
        cdf.push(total);
    }
    let at = |x: f64| -> f64 {
        let pos = (x.clamp(0.0, 1.0) * STEPS as f64).min(STEPS as f64);
        let k = (pos.floor() as usize).min(STEPS - 1);
        let frac = pos - k as f64;
        (cdf[k] + frac * (cdf[k + 1] - cdf[k])) / total
    };
    let floor = at((logged - low) / width);
    let target = floor + level * (1.0 - floor);
    let k = cdf.partition_point(|&c| c / total < target).min(STEPS);
    let x = if k == 0 {
        0.0
    } else {
        let (lo, hi) = (cdf[k - 1] / total, cdf[k] / total);
        let frac = if hi > lo {
            (target - lo) / (hi - lo)
        } else {
            0.0
        };
        (k as f64 - 1.0 + frac) / STEPS as f64
    };
    (low + x * width).max(logged)
}

/// One item in `track status --format json`.
#[derive(Clone, Debug, PartialEq, Serialize)]
pub struct ItemReport {
    pub item: String,
    pub title: Option<String>,
    pub category: Option<String>,
    pub low: Option<f64>,
    pub likely: f64,
    pub high: Option<f64>,
    pub logged: f64,
    pub entries: usize,
    pub last_logged: Option<Date>,
    pub from_change: bool,
    pub plan_p80: f64,
    pub p80: f64,
    /// The day the item was marked finished; `null` while work goes on.
    pub done: Option<Date>,
}

/// `track status --format json`: the project's hours, its forecast and its changes. Hours
/// are rounded to tenths.
#[derive(Clone, Debug, PartialEq, Serialize)]
pub struct StatusReport {
    pub project: String,
    pub started: Date,
    pub calibrated: bool,
    pub tasks: usize,
    pub items: Vec<ItemReport>,
    pub logged: f64,
    pub likely: f64,
    pub crept: f64,
    pub plan_p80: f64,
    pub forecast_p80: f64,
    pub on_track: bool,
    pub changes: Vec<ChangeRequest>,
}

impl StatusReport {
    pub fn new(status: &ProjectStatus, forecast: &Forecast) -> Self {
        let items = status
            .items
            .iter()
            .zip(&forecast.items)
            .map(|(i, (plan, p80))| ItemReport {
                item: i.item.clone(),
                title: i.title.clone(),
                category: i.category.clone(),
                low: i.low,
                likely: i.likely,
                high: i.high,
                logged: round1(i.logged),
                entries: i.entries,
                last_logged: i.last_logged,
                from_change: i.from_change,
                plan_p80: round1(*plan),
                p80: round1(*p80),
                done: i.done,
            })
            .collect();
        Self {
            project: status.name.clone(),
            started: status.started,
            calibrated: forecast.calibrated,
            tasks: forecast.tasks,
            items,
            logged: round1(status.logged()),
            likely: round1(status.likely()),
            crept: round1(status.crept()),
            plan_p80: round1(forecast.plan),
            forecast_p80: round1(forecast.forecast),
            on_track: forecast.on_track(),
            changes: status.changes.clone(),
        }
    }
}

fn round1(v: f64) -> f64 {
    (v * 10.0).round() / 10.0
}

#[cfg(test)]
mod tests {
    use super::pert_quantile_given;

    #[test]
    fn pert_median_of_a_symmetric_estimate_is_its_middle() {
        let m = pert_quantile_given(10.0, 20.0, 30.0, 0.0, 0.5);
        assert!((m - 20.0).abs() < 0.05, "{m}");
    }

    #[test]
    fn hours_logged_raise_the_forecast_and_never_fall_below_it() {
        let plain = pert_quantile_given(4.0, 8.0, 16.0, 0.0, 0.8);
        let given = pert_quantile_given(4.0, 8.0, 16.0, 10.0, 0.8);
        assert!(given > plain && given <= 16.0, "{plain} {given}");
        assert_eq!(pert_quantile_given(4.0, 8.0, 16.0, 20.0, 0.8), 20.0);
    }

    #[test]
    fn the_status_json_keeps_its_shape() {
        use crate::tracking::{ItemStatus, ProjectStatus};
        let status = ProjectStatus {
            name: "P".into(),
            started: jiff::civil::date(2026, 3, 2),
            items: vec![ItemStatus {
                item: "a".into(),
                title: None,
                category: None,
                low: Some(4.0),
                likely: 8.0,
                high: Some(16.0),
                logged: 10.04,
                entries: 2,
                last_logged: Some(jiff::civil::date(2026, 3, 3)),
                from_change: false,
                done: None,
            }],
            changes: Vec::new(),
        };
        let forecast = super::Forecast::of(&status, None);
        let json = serde_json::to_value(super::StatusReport::new(&status, &forecast)).unwrap();
        let keys: Vec<&str> = json
            .as_object()
            .unwrap()
            .keys()
            .map(String::as_str)
            .collect();
        assert_eq!(
            keys,
            [
                "project",
                "started",
                "calibrated",
                "tasks",
                "items",
                "logged",
                "likely",
                "crept",
                "plan_p80",
                "forecast_p80",
                "on_track",
                "changes"
            ]
        );
        let item: Vec<&str> = json["items"][0]
            .as_object()
            .unwrap()
            .keys()
            .map(String::as_str)
            .collect();
        assert_eq!(
            item,
            [
                "item",
                "title",
                "category",
                "low",
                "likely",
                "high",
                "logged",
                "entries",
                "last_logged",
                "from_change",
                "plan_p80",
                "p80",
                "done"
            ]
        );
        assert_eq!(json["logged"], 10.0);
        assert_eq!(json["started"], "2026-03-02");
        assert_eq!(json["on_track"], false);

        // A finished item took what was logged, whatever its estimate said.
        let mut done = status.clone();
        done.items[0].done = Some(jiff::civil::date(2026, 3, 4));
        let forecast = super::Forecast::of(&done, None);
        assert_eq!(forecast.items[0].1, 10.04);
        let json = serde_json::to_value(super::StatusReport::new(&done, &forecast)).unwrap();
        assert_eq!(json["items"][0]["done"], "2026-03-04");
    }
}
