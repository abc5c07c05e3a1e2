//! `trekant history import|export`: the history of estimates against actuals as CSV.

use std::io::Write;

use anyhow::Context as _;
use trekant_core::history::{parse_history, write_history};

use super::{Env, ExitStatus};
use crate::args::HistoryCommand;
use trekant_store::Store as _;

pub fn run(
    command: &HistoryCommand,
    env: &Env,
    out: &mut impl Write,
) -> anyhow::Result<ExitStatus> {
    match command {
        HistoryCommand::Import(args) => {
            let name = args.file.display().to_string();
            let text = std::fs::read_to_string(&args.file)
                .with_context(|| format!("cannot read {name}"))?;
            let mut parsed = match parse_history(&text) {
                Ok(parsed) => parsed,
                Err(error) => {
                    eprintln!("{name}: {error}");
                    return Ok(ExitStatus::Findings);
                }
            };
            // A date after today is a typo (2207 for 2027), and as the newest task it would
            // weigh down every other one in the calibration: a bad row like any other.
            parsed.refuse_after(jiff::ZonedDateTime::now().date());
            if !parsed.errors.is_empty() {
                for error in &parsed.errors {
                    eprintln!("{name}:{error}");
                }
                if !args.skip_bad {
                    eprintln!(
                        "{name}: {} bad row(s); nothing imported. Fix them, or add --skip-bad to import the {} good rows.",
                        parsed.errors.len(),
                        parsed.records.len()
                    );
                    return Ok(ExitStatus::Findings);
                }
            }
            let mut store = env.open_store()?;
            let report = store.import_history(&parsed, args.skip_bad)?;
            writeln!(
                out,
                "imported {} task(s) from {name}; {} already in the history{}",
                report.inserted,
                report.already_present,
                if report.skipped_bad > 0 {
                    format!("; {} bad row(s) skipped", report.skipped_bad)
                } else {
                    String::new()
                }
            )?;
            if !report.differing.is_empty() {
                let lines: Vec<String> = report.differing.iter().map(u64::to_string).collect();
                writeln!(
                    out,
                    "note: line(s) {} repeat tasks already in the history with other values; the history keeps its own",
                    lines.join(", ")
                )?;
            }
            Ok(ExitStatus::Success)
        }
        HistoryCommand::Export(args) => {
            let store = env.open_store()?;
            let csv = write_history(&store.export_history()?);
            match &args.output {
                None => out.write_all(csv.as_bytes())?,
                Some(path) => crate::output::write_file(path, csv.as_bytes(), &[])?,
            }
            Ok(ExitStatus::Success)
        }
    }
}
