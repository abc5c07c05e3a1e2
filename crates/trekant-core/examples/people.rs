//! Measure calibration per person shrunk toward the team on a folder of per-person histories
//! (`DIR/<team>/<person>.csv`, as `scripts/history/cesaw_people.py` writes them): the
//! walk-forward pinball loss of team-only, person-only, a hard switch (own history alone when
//! deep enough) and the product's person → team shrinkage, for each team, for all teams
//! pooled, and for the whole folder taken as one team; and the 90 % interval of the shrunk
//! loss against team-only's from resampling the test days.
//!
//! ```sh
//! python3 scripts/history/cesaw_people.py ../shared/data/history/cesaw-task-fact.csv -o people
//! cargo run --release -p trekant-core --example people -- people [TRAIN_FRACTION [TEAM_PRIOR]]
//! ```

// A measuring tool: its output is the point.
#![allow(clippy::print_stdout, clippy::print_stderr)]

use std::path::Path;

use trekant_core::history::backtest::{DEFAULT_TRAIN_FRACTION, Scores};
use trekant_core::history::parse_history;
use trekant_core::history::person::{
    OwnedRecord, PeopleBacktest, PersonSettings, backtest_people, paired_interval,
};

fn read_team(dir: &Path) -> Result<Vec<OwnedRecord>, String> {
    let mut team = Vec::new();
    let mut files: Vec<_> = std::fs::read_dir(dir)
        .map_err(|e| format!("{}: {e}", dir.display()))?
        .filter_map(Result::ok)
        .map(|e| e.path())
        .filter(|p| p.extension().is_some_and(|x| x == "csv"))
        .collect();
    files.sort();
    for file in files {
        let text =
            std::fs::read_to_string(&file).map_err(|e| format!("{}: {e}", file.display()))?;
        let parsed = parse_history(&text).map_err(|e| format!("{}: {e}", file.display()))?;
        let person = file
            .file_stem()
            .map(|s| s.to_string_lossy().into_owned())
            .unwrap_or_default();
        team.extend(parsed.records.into_iter().map(|r| (person.clone(), r)));
    }
    Ok(team)
}

fn interval([lo, hi]: [f64; 2]) -> String {
    format!("[{:+.1} %, {:+.1} %]", lo * 100.0, hi * 100.0)
}

fn line(name: &str, r: &PeopleBacktest) {
    let cell = |s: &Scores| {
        format!(
            "{:>8.4} ({:.2}–{:.2})",
            s.pinball_loss, s.coverage.p80.below, s.coverage.p80.at_or_below
        )
    };
    println!(
        "{name:<12} {:>6} {:>5} {:>6} {} {} {} {} {}",
        r.test,
        r.people,
        r.person_basis,
        cell(&r.team),
        cell(&r.person_only),
        cell(&r.own_when_deep),
        cell(&r.shrunk),
        interval(r.shrunk_vs_team)
    );
}

fn main() -> Result<(), String> {
    let mut args = std::env::args().skip(1);
    let root = args
        .next()
        .ok_or("usage: people DIR [TRAIN_FRACTION] [TEAM_PRIOR]")?;
    let fraction: f64 = args
        .next()
        .map_or(Ok(DEFAULT_TRAIN_FRACTION), |a| a.parse())
        .map_err(|e| format!("train fraction: {e}"))?;
    let mut settings = PersonSettings::default();
    if let Some(prior) = args.next() {
        settings.team_prior = prior.parse().map_err(|e| format!("team prior: {e}"))?;
    }
    let mut teams: Vec<_> = std::fs::read_dir(&root)
        .map_err(|e| format!("{root}: {e}"))?
        .filter_map(Result::ok)
        .map(|e| e.path())
        .filter(|p| p.is_dir())
        .collect();
    teams.sort();
    println!(
        "train fraction {fraction:.2}, team prior {} tasks; pinball loss (P80 coverage below–at or below)",
        settings.team_prior
    );
    println!(
        "{:<12} {:>6} {:>5} {:>6} {:>22} {:>22} {:>22} {:>22} shrunk vs team, 90 %",
        "team",
        "test",
        "people",
        "own",
        "team only",
        "person only",
        "own when deep",
        "shrunk (product)"
    );
    let mut everyone = Vec::new();
    let mut pooled: Vec<(usize, [f64; 4])> = Vec::new();
    let mut pooled_days = Vec::new();
    for dir in &teams {
        let team = read_team(dir)?;
        let name = dir
            .file_name()
            .map(|s| s.to_string_lossy().into_owned())
            .unwrap_or_default();
        match backtest_people(&team, fraction, &settings) {
            Ok(r) => {
                line(&name, &r);
                pooled_days.extend_from_slice(&r.day_losses);
                pooled.push((
                    r.test,
                    [&r.team, &r.person_only, &r.own_when_deep, &r.shrunk].map(|s| s.pinball_loss),
                ));
            }
            Err(e) => println!("{name:<12} skipped: {e}"),
        }
        // Person names are per team in the folder; keep them apart when pooling everyone.
        everyone.extend(team.into_iter().map(|(p, r)| (format!("{name}/{p}"), r)));
    }
    let tasks: usize = pooled.iter().map(|(n, _)| n).sum();
    let mean =
        |k: usize| pooled.iter().map(|(n, l)| *n as f64 * l[k]).sum::<f64>() / tasks.max(1) as f64;
    println!(
        "{:<12} {tasks:>6} {:>5} {:>6} {:>8.4} {:>22.4} {:>22.4} {:>22.4}               {}",
        "teams pooled",
        "",
        "",
        mean(0),
        mean(1),
        mean(2),
        mean(3),
        interval(paired_interval(&pooled_days))
    );
    match backtest_people(&everyone, fraction, &settings) {
        Ok(r) => line("all as one", &r),
        Err(e) => println!("all as one: {e}"),
    }
    Ok(())
}
