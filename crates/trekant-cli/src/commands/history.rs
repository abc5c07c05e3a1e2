//! `trekant history import|export`: the history of estimates against actuals as CSV.

use std::io::Write;

use anyhow::Context as _;
use trekant_core::Lang;
use trekant_core::history::detect::{Decimal, Detected};
use trekant_core::history::{parse_history_bytes, write_history};

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
            let lang = crate::args::output_lang(args.lang);
            let name = args.file.display().to_string();
            let bytes = std::fs::read(&args.file).with_context(|| {
                trekant_core::t!(lang, "error-cannot-read", file = name.as_str())
            })?;
            let mut parsed = match parse_history_bytes(&bytes) {
                Ok(parsed) => parsed,
                Err(error) => {
                    eprintln!("{name}: {}", error.message().render(lang));
                    return Ok(ExitStatus::Findings);
                }
            };
            // A date after today is a typo (2207 for 2027), and as the newest task it would
            // weigh down every other one in the calibration: a bad row like any other.
            parsed.refuse_after(jiff::ZonedDateTime::now().date());
            let detected = detected_text(&name, &parsed.detected, lang);
            if !parsed.errors.is_empty() {
                for error in &parsed.errors {
                    eprintln!("{name}:{}", error.render(lang));
                }
                eprintln!("{detected}");
                if parsed.records.is_empty() {
                    // --skip-bad would import nothing: it is no way out, so not offered.
                    let refused = trekant_core::t!(
                        lang,
                        "import-nothing-good",
                        file = name.as_str(),
                        bad = parsed.errors.len(),
                        bad_text = parsed.errors.len().to_string(),
                    );
                    eprintln!("{refused}");
                    return Ok(ExitStatus::Findings);
                }
                if !args.skip_bad {
                    let refused = trekant_core::t!(
                        lang,
                        "history-bad-rows",
                        bad = parsed.errors.len(),
                        bad_text = parsed.errors.len().to_string(),
                        good = parsed.records.len().to_string(),
                    );
                    eprintln!("{name}: {refused}");
                    return Ok(ExitStatus::Findings);
                }
            }
            let mut store = env.open_store()?;
            let report = store.import_history(&parsed, args.skip_bad)?;
            let skipped = if report.skipped_bad > 0 {
                trekant_core::t!(
                    lang,
                    "history-skipped",
                    skipped = report.skipped_bad,
                    skipped_text = report.skipped_bad.to_string(),
                )
            } else {
                String::new()
            };
            let imported = trekant_core::t!(
                lang,
                "history-imported",
                inserted = report.inserted,
                inserted_text = report.inserted.to_string(),
                present = report.already_present.to_string(),
                file = name.as_str(),
                skipped = skipped,
            );
            writeln!(out, "{imported}")?;
            writeln!(out, "{detected}")?;
            if !report.differing.is_empty() {
                let lines: Vec<String> = report.differing.iter().map(u64::to_string).collect();
                let note = trekant_core::t!(
                    lang,
                    "history-differing",
                    count = lines.len(),
                    lines = lines.join(", "),
                );
                writeln!(out, "{note}")?;
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

/// What an import found out about a file, in a sentence: encoding, separators, date form.
pub fn detected_text(file: &str, detected: &Detected, lang: Lang) -> String {
    let delimiter = match detected.delimiter {
        '\t' => trekant_core::t!(lang, "import-tab"),
        other => format!("`{other}`"),
    };
    let decimal = match detected.decimal {
        Decimal::Point => trekant_core::t!(lang, "import-decimal-point"),
        Decimal::Comma => trekant_core::t!(lang, "import-decimal-comma"),
    };
    let dates = detected
        .dates
        .map(|form| {
            let pattern = match lang {
                Lang::Da => form.pattern().replace("yyyy", "åååå"),
                _ => form.pattern().to_string(),
            };
            trekant_core::t!(lang, "import-dates", pattern = pattern)
        })
        .unwrap_or_default();
    let header = if detected.danish_header {
        trekant_core::t!(lang, "import-danish-header")
    } else {
        String::new()
    };
    trekant_core::t!(
        lang,
        "import-detected",
        file = file,
        encoding = detected.encoding.name(),
        delimiter = delimiter,
        decimal = decimal,
        dates = dates,
        header = header,
    )
}
