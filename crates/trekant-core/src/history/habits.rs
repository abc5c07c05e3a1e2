//! How the provider estimates, told from the history: the median ratio of actual to likely,
//! the multiplier that covers 80 % of tasks, by category, by size and over time — the data
//! behind `trekant calibration`.
//!
//! These are plain, unweighted descriptions of what happened; the calibration that predicts
//! is [`crate::history::calibration::Calibration`].

use std::collections::BTreeMap;

use serde::Serialize;

use crate::history::Record;
use crate::history::calibration::day_number;

/// Ratio statistics of a group of tasks.
#[derive(Clone, Debug, PartialEq, Serialize)]
pub struct RatioSummary {
    pub tasks: usize,
    /// Median of actual / likely.
    pub median: f64,
    /// The multiplier that covers 80 % of tasks: the 0.8-quantile of actual / likely.
    pub p80: f64,
    pub p90: f64,
    /// Share of tasks whose actual equalled the likely estimate.
    pub on_estimate: f64,
    /// Share of tasks that took longer than the likely estimate.
    pub over: f64,
}

/// One named group: a category, a size band or a period.
#[derive(Clone, Debug, PartialEq, Serialize)]
pub struct GroupSummary {
    pub name: String,
    #[serde(flatten)]
    pub ratios: RatioSummary,
}

/// The provider's estimation habits.
#[derive(Clone, Debug, PartialEq, Serialize)]
pub struct Habits {
    pub overall: RatioSummary,
    /// Largest category first; tasks without a category are under "(none)".
    pub by_category: Vec<GroupSummary>,
    /// Size bands of the likely estimate, smallest first.
    pub by_size: Vec<GroupSummary>,
    /// By year, or by quarter when the history spans less than three years, oldest first.
    pub trend: Vec<GroupSummary>,
}

/// Describe the usable records; `None` when there are none.
pub fn habits(records: &[Record]) -> Option<Habits> {
    let usable: Vec<&Record> = records
        .iter()
        .filter(|r| {
            r.likely.is_finite() && r.likely > 0.0 && r.actual.is_finite() && r.actual >= 0.0
        })
        .collect();
    let overall = summarize(&usable)?;

    let mut categories: BTreeMap<&str, Vec<&Record>> = BTreeMap::new();
    let mut sizes: BTreeMap<i32, Vec<&Record>> = BTreeMap::new();
    for r in &usable {
        categories
            .entry(r.category.as_deref().unwrap_or("(none)"))
            .or_default()
            .push(r);
        sizes
            .entry(r.likely.log2().floor().clamp(-1000.0, 1000.0) as i32)
            .or_default()
            .push(r);
    }
    let mut by_category: Vec<GroupSummary> = categories
        .into_iter()
        .filter_map(|(name, group)| group_summary(name.to_string(), &group))
        .collect();
    by_category.sort_by_key(|g| std::cmp::Reverse(g.ratios.tasks));
    let by_size = sizes
        .into_iter()
        .filter_map(|(band, group)| {
            let (from, to) = (2f64.powi(band), 2f64.powi(band + 1));
            group_summary(format!("{from}–{to} h"), &group)
        })
        .collect();

    let first = usable.iter().map(|r| day_number(r.finished)).min()?;
    let last = usable.iter().map(|r| day_number(r.finished)).max()?;
    let by_quarter = last - first < 3 * 365;
    let mut periods: BTreeMap<(i16, i8), Vec<&Record>> = BTreeMap::new();
    for r in &usable {
        let quarter = if by_quarter {
            (r.finished.month() - 1) / 3 + 1
        } else {
            0
        };
        periods
            .entry((r.finished.year(), quarter))
            .or_default()
            .push(r);
    }
    let trend = periods
        .into_iter()
        .filter_map(|((year, quarter), group)| {
            let name = if quarter == 0 {
                year.to_string()
            } else {
                format!("{year}-Q{quarter}")
            };
            group_summary(name, &group)
        })
        .collect();

    Some(Habits {
        overall,
        by_category,
        by_size,
        trend,
    })
}

fn group_summary(name: String, group: &[&Record]) -> Option<GroupSummary> {
    summarize(group).map(|ratios| GroupSummary { name, ratios })
}

fn summarize(group: &[&Record]) -> Option<RatioSummary> {
    if group.is_empty() {
        return None;
    }
    let mut ratios: Vec<f64> = group.iter().map(|r| r.ratio()).collect();
    let n = ratios.len() as f64;
    let levels = crate::stats::quantiles_in_place(&mut ratios, &[0.5, 0.8, 0.9]);
    // Same tolerance as the backtest: hours converted from minutes carry rounding.
    let on = |r: &&&Record| (r.actual - r.likely).abs() <= 1e-6 * r.likely;
    Some(RatioSummary {
        tasks: group.len(),
        median: levels[0],
        p80: levels[1],
        p90: levels[2],
        on_estimate: group.iter().filter(on).count() as f64 / n,
        over: group
            .iter()
            .filter(|r| r.actual > r.likely * (1.0 + 1e-6))
            .count() as f64
            / n,
    })
}
