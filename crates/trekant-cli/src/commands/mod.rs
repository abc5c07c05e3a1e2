//! One module per subcommand; `run` dispatches and owns the shared setup (profile, colour).

mod accept;
mod backtest;
mod calibration;
mod change;
mod estimate;
mod explain;
mod history;
mod init;
mod options;
mod proposal;
mod questions;
mod review;
mod serve;
mod track;

use std::io::{IsTerminal, Write};
use std::process::ExitCode;

use crate::args::{Cli, ColorChoice, Command};
use crate::input::{self, LoadedProfile};
use crate::render;
use trekant_core::Lang;

/// How a command ended; the exit code is the contract README.md documents.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum ExitStatus {
    /// Done (exit 0).
    Success,
    /// Done, and the input has errors the user must fix: the brief, profile or history
    /// (exit 1).
    Findings,
    /// Could not run: a file cannot be read or written, or the command line is wrong (exit 2).
    Failure,
}

impl From<ExitStatus> for ExitCode {
    fn from(status: ExitStatus) -> Self {
        match status {
            ExitStatus::Success => ExitCode::SUCCESS,
            ExitStatus::Findings => ExitCode::from(1),
            ExitStatus::Failure => ExitCode::from(2),
        }
    }
}

/// Input that was read but is wrong (exit 1): a report already made for the user (located
/// findings, or `file: what is wrong` lines), which `main` prints as it is, once.
#[derive(Debug)]
pub struct Findings(pub String);

impl std::fmt::Display for Findings {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str(&self.0)
    }
}

impl std::error::Error for Findings {}

/// A sound brief that still cannot be simulated (no rate, no wanted items): [`Findings`]
/// (exit 1), with the one error prefix.
pub fn unpriceable(file: &std::path::Path, error: impl std::fmt::Display) -> anyhow::Error {
    Findings(format!("trekant: error: {}: {error}", file.display())).into()
}

/// A line for the user on stderr ("wrote offer.md"). A closed or full stderr is not worth
/// failing over, and must never panic as `eprintln!` does.
pub fn note(text: impl std::fmt::Display) {
    let _ = writeln!(std::io::stderr().lock(), "{text}");
}

/// What every command may need from the global flags.
pub struct Env {
    pub styled: bool,
    profile: Option<std::path::PathBuf>,
    /// `--db`, when given.
    db: Option<std::path::PathBuf>,
}

impl Env {
    /// The history database's path: `--db`, else the default under `$XDG_DATA_HOME`.
    pub fn db_path(&self) -> anyhow::Result<std::path::PathBuf> {
        match &self.db {
            Some(path) => Ok(path.clone()),
            None => trekant_store::default_db_path().ok_or_else(|| {
                let lang = crate::args::output_lang(None);
                anyhow::anyhow!(trekant_core::messages::text(lang, "error-no-data-home"))
            }),
        }
    }

    /// `--db`, when it was given.
    pub fn db_flag(&self) -> Option<&std::path::Path> {
        self.db.as_deref()
    }

    /// Opens the history database, creating it if need be (for commands that write).
    pub fn open_store(&self) -> anyhow::Result<trekant_store::SqliteStore> {
        let path = self.db_path()?;
        trekant_store::SqliteStore::open(&path).map_err(|e| {
            let lang = crate::args::output_lang(None);
            let file = path.display().to_string();
            anyhow::anyhow!(trekant_core::t!(
                lang,
                "error-open-history",
                file = file,
                error = e.to_string()
            ))
        })
    }

    /// The calibration from the history, when one exists and has usable tasks. Reading never
    /// creates a database; a `--db` that does not exist is an error.
    pub fn calibration(
        &self,
    ) -> anyhow::Result<Option<trekant_core::history::calibration::Calibration>> {
        let path = self.db_path()?;
        if !path.exists() {
            if self.db.is_some() {
                anyhow::bail!(
                    "{} does not exist; import a history first (`trekant history import FILE --db {0}`)",
                    path.display()
                );
            }
            return Ok(None);
        }
        let records = trekant_store::Store::export_history(&self.open_store()?)?;
        Ok(trekant_core::history::calibration::Calibration::fit(&records).ok())
    }

    /// The profile file in use, if any (an input no output may overwrite).
    pub fn profile_path(&self) -> Option<std::path::PathBuf> {
        self.profile
            .clone()
            .or_else(|| input::default_profile_path().filter(|p| p.is_file()))
    }

    /// The provider profile; a profile with errors is [`Findings`] that show why.
    pub fn profile(&self, lang: Lang) -> anyhow::Result<Option<trekant_core::brief::Profile>> {
        match input::load_profile(self.profile.as_deref(), lang)? {
            LoadedProfile::None => Ok(None),
            LoadedProfile::Ok(profile) => Ok(Some(*profile)),
            LoadedProfile::Invalid(source, diagnostics) => {
                let file = render::Located::new(&source.name, &source.text);
                let text = render::human(&file, &diagnostics, lang, self.styled);
                Err(Findings(text).into())
            }
        }
    }
}

pub fn run(cli: Cli) -> anyhow::Result<ExitStatus> {
    let styled = match cli.color {
        ColorChoice::Always => true,
        ColorChoice::Never => false,
        ColorChoice::Auto => {
            std::io::stdout().is_terminal() && std::env::var_os("NO_COLOR").is_none()
        }
    };
    let env = Env {
        styled,
        profile: cli.profile,
        db: cli.db,
    };
    // Buffered: stdout is line-buffered, and a long JSON report is millions of lines.
    let mut stdout = std::io::BufWriter::new(std::io::stdout().lock());
    let status = match cli.command {
        Command::Review(args) => review::run(&args, &env, &mut stdout)?,
        Command::Questions(args) => questions::run(&args, &env, &mut stdout)?,
        Command::Init(args) => init::run(&args, &mut stdout)?,
        Command::Explain(args) => explain::run(&args, &mut stdout)?,
        Command::Estimate(args) => estimate::run(&args, &env, &mut stdout)?,
        Command::Options(args) => options::run(&args, &env, &mut stdout)?,
        Command::Proposal(args) => proposal::run(&args, &env, &mut stdout)?,
        Command::History(command) => history::run(&command, &env, &mut stdout)?,
        Command::Backtest(args) => backtest::run(&args, &env, &mut stdout)?,
        Command::Calibration(args) => calibration::run(&args, &env, &mut stdout)?,
        Command::Track(command) => track::run(&command, &env, &mut stdout)?,
        Command::Accept(args) => accept::run(&args, &env, &mut stdout)?,
        Command::Change(args) => change::run(&args, &env, &mut stdout)?,
        Command::Serve(args) => serve::run(&args, &env)?,
    };
    stdout.flush()?;
    Ok(status)
}

/// A file read and reviewed, as several commands need it.
pub struct Reviewed {
    pub source: input::Source,
    pub review: trekant_core::Review,
}

/// Reads and reviews FILE (with today's date, for the rules that need one); [`Findings`]
/// when the profile is unusable.
pub fn read_and_review(
    path: &std::path::Path,
    lang: Option<Lang>,
    env: &Env,
) -> anyhow::Result<Reviewed> {
    let source = input::read_source(path, lang)?;
    if let Some(error) = &source.encoding_error {
        let review = trekant_core::Review {
            lang: lang.unwrap_or_default(),
            brief: None,
            diagnostics: vec![error.clone()],
            verdict: None,
        };
        return Ok(Reviewed { source, review });
    }
    let review = if source.is_brief() {
        let profile_lang = lang.unwrap_or_default();
        let profile = env.profile(profile_lang)?;
        trekant_core::review_brief_at(
            &source.text,
            lang,
            profile.as_ref(),
            Some(jiff::ZonedDateTime::now().date()),
        )
    } else {
        trekant_core::review_text(&source.text, lang)
    };
    Ok(Reviewed { source, review })
}

/// The status of a review: errors are findings.
pub fn exit_for(review: &trekant_core::Review) -> ExitStatus {
    if review.has_errors() {
        ExitStatus::Findings
    } else {
        ExitStatus::Success
    }
}

/// The errors of a review as the report to show: [`Findings`] (exit 1).
pub fn review_errors(reviewed: &Reviewed, styled: bool) -> anyhow::Error {
    let file = render::Located::new(&reviewed.source.name, &reviewed.source.text);
    let errors: Vec<_> = reviewed
        .review
        .diagnostics
        .iter()
        .filter(|d| d.severity == trekant_core::Severity::Error)
        .cloned()
        .collect();
    Findings(render::human(&file, &errors, reviewed.review.lang, styled)).into()
}

/// A brief that passed its review, with the review (for the questions it raised).
pub struct SoundBrief {
    pub brief: trekant_core::Brief,
    pub lang: Lang,
    pub reviewed: Reviewed,
}

/// Reads a brief for the commands that need a sound one: its errors are [`Findings`]
/// (exit 1); a file that is not a brief is a failure (exit 2).
pub fn brief_or_exit(
    path: &std::path::Path,
    lang: Option<Lang>,
    env: &Env,
) -> anyhow::Result<(trekant_core::Brief, Lang)> {
    let sound = sound_brief(path, lang, env)?;
    Ok((sound.brief, sound.lang))
}

/// [`brief_or_exit`], keeping the review.
pub fn sound_brief(
    path: &std::path::Path,
    lang: Option<Lang>,
    env: &Env,
) -> anyhow::Result<SoundBrief> {
    let mut reviewed = read_and_review(path, lang, env)?;
    if !reviewed.source.is_brief() && reviewed.source.encoding_error.is_none() {
        let lang = reviewed.review.lang;
        let file = path.display().to_string();
        anyhow::bail!(trekant_core::t!(lang, "error-not-a-brief", file = file));
    }
    if reviewed.review.has_errors() {
        return Err(review_errors(&reviewed, env.styled));
    }
    let Some(brief) = reviewed.review.brief.take() else {
        let file = path.display().to_string();
        anyhow::bail!(trekant_core::t!(
            reviewed.review.lang,
            "error-unreadable-brief",
            file = file
        ));
    };
    let lang = reviewed.review.lang;
    Ok(SoundBrief {
        brief,
        lang,
        reviewed,
    })
}

/// Simulation settings from the flags, else the brief, else the defaults.
pub fn settings(
    brief: &trekant_core::Brief,
    args: &crate::args::SimulationArgs,
    env: &Env,
) -> anyhow::Result<trekant_core::forecast::estimate::Settings> {
    let trials = args.trials.unwrap_or(brief.model.trials() as usize);
    let confidence = args.confidence.unwrap_or(brief.me.confidence());
    let seed = args
        .seed
        .or(brief.model.seed.as_ref().map(|s| s.value))
        .unwrap_or_else(random_seed);
    let today = jiff::ZonedDateTime::now().date();
    let mut settings =
        trekant_core::forecast::estimate::Settings::new(trials, seed, confidence, today, None)?;
    if !args.no_history {
        settings.calibration = env.calibration()?.map(std::sync::Arc::new);
    }
    Ok(settings)
}

/// A seed for runs the user did not seed; printed with the results, so any run can be
/// repeated exactly.
fn random_seed() -> u64 {
    let nanos = std::time::SystemTime::now()
        .duration_since(std::time::UNIX_EPOCH)
        .map_or(0, |d| d.as_nanos());
    (nanos as u64 ^ (u64::from(std::process::id()) << 32)) % 1_000_000
}
