//! One module per subcommand; `run` dispatches and owns the shared setup (profile, colour).

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
mod track;

use std::io::{IsTerminal, Write};
use std::process::ExitCode;

use crate::args::{Cli, ColorChoice, Command};
use crate::input::{self, LoadedProfile};
use crate::render;
use trekant_core::Lang;
use trekant_core::brief::Me;

/// The brief (or profile) has errors.
pub const EXIT_ERRORS: u8 = 1;
/// A file cannot be read or written, or the command line is wrong.
pub const EXIT_USAGE: u8 = 2;

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
                anyhow::anyhow!("cannot tell where your history lives: set HOME or XDG_DATA_HOME, or pass --db FILE")
            }),
        }
    }

    /// Opens the history database, creating it if need be (for commands that write).
    pub fn open_store(&self) -> anyhow::Result<trekant_store::Store> {
        let path = self.db_path()?;
        trekant_store::Store::open(&path)
            .map_err(|e| anyhow::anyhow!("cannot open the history {}: {e}", path.display()))
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
        let records = self.open_store()?.export_history()?;
        Ok(trekant_core::history::calibration::Calibration::fit(&records).ok())
    }

    /// The provider profile, or `Err(exit code)` after showing why it cannot be used.
    pub fn profile(&self, lang: Lang) -> anyhow::Result<Result<Option<Me>, ExitCode>> {
        match input::load_profile(self.profile.as_deref(), lang)? {
            LoadedProfile::None => Ok(Ok(None)),
            LoadedProfile::Ok(me) => Ok(Ok(Some(me))),
            LoadedProfile::Invalid(source, diagnostics) => {
                let file = render::Located::new(&source.name, &source.text);
                let text = render::human(&file, &diagnostics, lang, self.styled);
                eprint!("{text}");
                Ok(Err(ExitCode::from(EXIT_ERRORS)))
            }
        }
    }
}

pub fn run(cli: Cli) -> anyhow::Result<ExitCode> {
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
    let mut stdout = std::io::stdout().lock();
    let code = match cli.command {
        Command::Review(args) => review::run(&args, &env, &mut stdout)?,
        Command::Questions(args) => questions::run(&args, &env, &mut stdout)?,
        Command::Init(args) => init::run(&args, &mut stdout)?,
        Command::Explain(args) => explain::run(&args, &mut stdout)?,
        Command::Estimate(args) => estimate::run(&args, &env, &mut stdout)?,
        Command::Options(args) => options::run(&args, &env, &mut stdout)?,
        Command::Proposal(args) => proposal::run(&args, &env, &mut stdout)?,
        Command::History(command) => history::run(&command, &env, &mut stdout)?,
        Command::Backtest(args) => backtest::run(&args, &mut stdout)?,
        Command::Calibration(args) => calibration::run(&args, &env, &mut stdout)?,
        Command::Track(command) => track::run(&command, &env, &mut stdout)?,
        Command::Change(args) => change::run(&args, &env, &mut stdout)?,
    };
    stdout.flush()?;
    Ok(code)
}

/// A file read and reviewed, as several commands need it.
pub struct Reviewed {
    pub source: input::Source,
    pub review: trekant_core::Review,
}

/// Reads and reviews FILE; `Err(code)` when the profile is unusable (already reported).
pub fn read_and_review(
    path: &std::path::Path,
    lang: Option<Lang>,
    env: &Env,
) -> anyhow::Result<Result<Reviewed, ExitCode>> {
    let source = input::read_source(path, lang)?;
    if let Some(error) = &source.encoding_error {
        let review = trekant_core::Review {
            lang: lang.unwrap_or_default(),
            brief: None,
            diagnostics: vec![error.clone()],
            verdict: None,
        };
        return Ok(Ok(Reviewed { source, review }));
    }
    let review = if source.is_brief() {
        let profile_lang = lang.unwrap_or_default();
        let profile = match env.profile(profile_lang)? {
            Ok(profile) => profile,
            Err(code) => return Ok(Err(code)),
        };
        trekant_core::review_brief_at(
            &source.text,
            lang,
            profile.as_ref(),
            Some(jiff::ZonedDateTime::now().date()),
        )
    } else {
        trekant_core::review_text(&source.text, lang)
    };
    Ok(Ok(Reviewed { source, review }))
}

/// The exit code for a review: errors make it 1.
pub fn exit_for(review: &trekant_core::Review) -> ExitCode {
    if review.has_errors() {
        ExitCode::from(EXIT_ERRORS)
    } else {
        ExitCode::SUCCESS
    }
}

/// Reads a brief for the commands that need a sound one: shows its errors and returns
/// `Err(1)` if it has any, `Err(2)` if it is not a brief.
pub fn brief_or_exit(
    path: &std::path::Path,
    lang: Option<Lang>,
    env: &Env,
) -> anyhow::Result<Result<(trekant_core::Brief, Lang), ExitCode>> {
    let reviewed = match read_and_review(path, lang, env)? {
        Ok(reviewed) => reviewed,
        Err(code) => return Ok(Err(code)),
    };
    if !reviewed.source.is_brief() && reviewed.source.encoding_error.is_none() {
        anyhow::bail!(
            "{} is not a brief (.toml); run `trekant init` to write one, or `trekant review` to review free text",
            path.display()
        );
    }
    let review = reviewed.review;
    if review.has_errors() {
        let file = render::Located::new(&reviewed.source.name, &reviewed.source.text);
        let errors: Vec<_> = review
            .diagnostics
            .iter()
            .filter(|d| d.severity == trekant_core::Severity::Error)
            .cloned()
            .collect();
        eprint!("{}", render::human(&file, &errors, review.lang, env.styled));
        return Ok(Err(ExitCode::from(EXIT_ERRORS)));
    }
    let brief = review.brief.expect("a brief without errors was parsed");
    Ok(Ok((brief, review.lang)))
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
