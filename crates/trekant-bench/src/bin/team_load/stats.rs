//! What a load run counts: latencies per kind of request (percentiles by nearest rank), the
//! failures by cause, and the journal's totals.

use std::collections::BTreeMap;
use std::time::Duration;

use serde_json::{Value, json};

/// The kinds of request a client makes.
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord)]
pub enum Kind {
    Estimate,
    Options,
    Save,
    Log,
}

impl Kind {
    pub const ALL: [Kind; 4] = [Kind::Estimate, Kind::Options, Kind::Save, Kind::Log];

    pub fn name(self) -> &'static str {
        match self {
            Kind::Estimate => "estimate",
            Kind::Options => "options",
            Kind::Save => "save",
            Kind::Log => "log",
        }
    }
}

/// One client's counts, merged into the run's at the end.
#[derive(Debug, Default)]
pub struct Stats {
    /// Per kind: the time from the first attempt to the answer, retries included, of every
    /// operation that got one.
    pub latencies: BTreeMap<Kind, Vec<Duration>>,
    /// Failed attempts by cause (`refused`, `reset`, `timeout`, `http-503`, …); each was
    /// retried, on the other server.
    pub errors: BTreeMap<String, u64>,
    /// Operations that got no answer before the client gave up on them.
    pub gave_up: BTreeMap<Kind, u64>,
    /// Answers that were wrong for the request (a 4xx where none should be), by kind and code.
    pub unexpected: BTreeMap<String, u64>,
    /// Attempts sent, retries included.
    pub attempts: u64,
    pub retried_operations: u64,
    pub saves_acknowledged: u64,
    /// Saves whose answer was lost, found saved on re-reading after a 412.
    pub saves_recovered: u64,
    pub logs_acknowledged: u64,
    /// Logs answered `Idempotent-Replayed` (the first try had been logged; its answer lost).
    pub logs_replayed: u64,
    /// Logs given up on: they may or may not have been logged.
    pub logs_unresolved: u64,
}

impl Stats {
    pub fn merge(&mut self, other: Stats) {
        for (kind, mut times) in other.latencies {
            self.latencies.entry(kind).or_default().append(&mut times);
        }
        for (cause, n) in other.errors {
            *self.errors.entry(cause).or_default() += n;
        }
        for (kind, n) in other.gave_up {
            *self.gave_up.entry(kind).or_default() += n;
        }
        for (what, n) in other.unexpected {
            *self.unexpected.entry(what).or_default() += n;
        }
        self.attempts += other.attempts;
        self.retried_operations += other.retried_operations;
        self.saves_acknowledged += other.saves_acknowledged;
        self.saves_recovered += other.saves_recovered;
        self.logs_acknowledged += other.logs_acknowledged;
        self.logs_replayed += other.logs_replayed;
        self.logs_unresolved += other.logs_unresolved;
    }

    pub fn operations(&self) -> usize {
        self.latencies.values().map(Vec::len).sum()
    }

    /// The run as JSON (the `--report` file); sorts the latencies.
    pub fn report(&mut self, elapsed: Duration) -> Value {
        let seconds = elapsed.as_secs_f64();
        let mut kinds = serde_json::Map::new();
        for kind in Kind::ALL {
            let times = self.latencies.entry(kind).or_default();
            times.sort_unstable();
            kinds.insert(
                kind.name().to_owned(),
                json!({
                    "answered": times.len(),
                    "per_second": round(times.len() as f64 / seconds),
                    "p50_ms": ms(percentile(times, 50.0)),
                    "p90_ms": ms(percentile(times, 90.0)),
                    "p99_ms": ms(percentile(times, 99.0)),
                    "max_ms": ms(times.last().copied()),
                    "gave_up": self.gave_up.get(&kind).copied().unwrap_or(0),
                }),
            );
        }
        json!({
            "seconds": round(seconds),
            "operations": self.operations(),
            "operations_per_second": round(self.operations() as f64 / seconds),
            "attempts": self.attempts,
            "retried_operations": self.retried_operations,
            "kinds": kinds,
            "errors": self.errors,
            "unexpected": self.unexpected,
            "saves": {
                "acknowledged": self.saves_acknowledged,
                "recovered_after_lost_answer": self.saves_recovered,
            },
            "logs": {
                "acknowledged": self.logs_acknowledged,
                "replayed": self.logs_replayed,
                "unresolved": self.logs_unresolved,
            },
        })
    }
}

/// The `p`th percentile by nearest rank of sorted `times`.
pub fn percentile(times: &[Duration], p: f64) -> Option<Duration> {
    if times.is_empty() {
        return None;
    }
    let rank = ((p / 100.0) * times.len() as f64).ceil() as usize;
    Some(times[rank.clamp(1, times.len()) - 1])
}

fn ms(time: Option<Duration>) -> Value {
    time.map_or(Value::Null, |t| json!(round(t.as_secs_f64() * 1000.0)))
}

fn round(x: f64) -> f64 {
    (x * 10.0).round() / 10.0
}

/// The short human table of a report.
pub fn table(report: &Value) -> String {
    let mut out = format!(
        "{} operations in {} s: {} per second ({} attempts, {} operations retried)\n",
        report["operations"],
        report["seconds"],
        report["operations_per_second"],
        report["attempts"],
        report["retried_operations"]
    );
    out.push_str(&format!(
        "{:<10}{:>9}{:>9}{:>9}{:>9}{:>9}{:>10}\n",
        "kind", "answered", "p50 ms", "p90 ms", "p99 ms", "max ms", "gave up"
    ));
    for kind in Kind::ALL {
        let k = &report["kinds"][kind.name()];
        let cell = |key: &str| k[key].to_string();
        out.push_str(&format!(
            "{:<10}{:>9}{:>9}{:>9}{:>9}{:>9}{:>10}\n",
            kind.name(),
            cell("answered"),
            cell("p50_ms"),
            cell("p90_ms"),
            cell("p99_ms"),
            cell("max_ms"),
            cell("gave_up")
        ));
    }
    out.push_str(&format!(
        "failed attempts (retried): {}\n",
        report["errors"]
    ));
    out.push_str(&format!("unexpected answers: {}\n", report["unexpected"]));
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn percentiles_by_nearest_rank() {
        let times: Vec<Duration> = (1..=100).map(Duration::from_millis).collect();
        assert_eq!(percentile(&times, 50.0), Some(Duration::from_millis(50)));
        assert_eq!(percentile(&times, 99.0), Some(Duration::from_millis(99)));
        assert_eq!(percentile(&times, 100.0), Some(Duration::from_millis(100)));
        assert_eq!(
            percentile(&times[..1], 90.0),
            Some(Duration::from_millis(1))
        );
        assert_eq!(percentile(&[], 50.0), None);
    }
}
