//! One module per subcommand; `run` dispatches and owns the shared setup (profile, colour).

mod accept;
mod backtest;
mod calibration;
mod change;
mod db_briefs;
mod estimate;
mod explain;
mod history;
mod init;
mod options;
mod proposal;
mod questions;
mod review;
mod serve;
mod team;
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
pub fn unpriceable(
    file: &std::path::Path,
    error: &trekant_core::forecast::estimate::EstimateError,
    lang: Lang,
) -> anyhow::Error {
    let error = error.message().render(lang);
    Findings(format!("trekant: error: {}: {error}", file.display())).into()
}

/// An error as the user reads it: each cause in the chain, joined by ": ", in the language
/// the command speaks when the cause is one of the core's or the store's errors, whose words
/// come from the catalogs.
pub fn error_text(error: &anyhow::Error) -> String {
    use trekant_core::forecast::estimate::{EstimateError, SettingsError};
    use trekant_core::history::HistoryError;
    use trekant_core::history::detect::FormError;
    use trekant_core::history::timesheet::TimesheetError;
    let lang = crate::args::spoken_lang();
    let words = |cause: &(dyn std::error::Error + 'static)| -> String {
        if let Some(e) = cause.downcast_ref::<trekant_store::StoreError>() {
            e.message().render(lang)
        } else if let Some(e) = cause.downcast_ref::<SettingsError>() {
            e.message().render(lang)
        } else if let Some(e) = cause.downcast_ref::<EstimateError>() {
            e.message().render(lang)
        } else if let Some(e) = cause.downcast_ref::<HistoryError>() {
            e.message().render(lang)
        } else if let Some(e) = cause.downcast_ref::<TimesheetError>() {
            e.message().render(lang)
        } else if let Some(e) = cause.downcast_ref::<FormError>() {
            e.message().render(lang)
        } else if let Some(e) = cause.downcast_ref::<trekant_core::tracking::EntryError>() {
            e.message().render(lang)
        } else if let Some(e) =
            cause.downcast_ref::<trekant_core::history::backtest::BacktestError>()
        {
            e.message().render(lang)
        } else if let Some(e) =
            cause.downcast_ref::<trekant_core::history::calibration::CalibrationError>()
        {
            e.message().render(lang)
        } else if let Some(e) =
            cause.downcast_ref::<trekant_core::document::proposal::ProposalError>()
        {
            e.message().render(lang)
        } else {
            cause.to_string()
        }
    };
    error.chain().map(words).collect::<Vec<_>>().join(": ")
}

/// A line for the user on stderr ("wrote offer.md"). A closed or full stderr is not worth
/// failing over, and must never panic as `eprintln!` does.
pub fn note(text: impl std::fmt::Display) {
    let _ = writeln!(std::io::stderr().lock(), "{text}");
}

/// Where the store is: a file or a PostgreSQL URL (`--db` takes either). Answers what the
/// commands ask of a path, so they need not care which.
#[derive(Clone, Debug)]
pub struct DbLocation {
    path: std::path::PathBuf,
}

impl DbLocation {
    fn new(path: std::path::PathBuf) -> Self {
        Self { path }
    }

    /// `--db` as written, for [`trekant_store::open`].
    pub fn text(&self) -> String {
        self.path.to_string_lossy().into_owned()
    }

    /// The PostgreSQL URL, when it is one.
    pub fn url(&self) -> Option<String> {
        let text = self.text();
        trekant_store::is_postgres_url(&text).then_some(text)
    }

    /// Whether there is a database to read (a server is taken to have one).
    pub fn exists(&self) -> bool {
        self.url().is_some() || self.path.exists()
    }

    /// [`DbLocation::exists`], for a file that must be a file.
    pub fn is_file(&self) -> bool {
        self.url().is_some() || self.path.is_file()
    }

    /// For the user: the file's path, or the URL without its password.
    pub fn display(&self) -> String {
        match self.url() {
            Some(url) => redact_password(&url),
            None => self.path.display().to_string(),
        }
    }
}

/// `postgres://user:secret@host/db` → `postgres://user:***@host/db`.
fn redact_password(url: &str) -> String {
    let Some(scheme_end) = url.find("://").map(|i| i + 3) else {
        return url.to_string();
    };
    let rest = &url[scheme_end..];
    let authority_end = rest.find(['/', '?']).unwrap_or(rest.len());
    match rest[..authority_end].rfind('@') {
        Some(at) => match rest[..at].find(':') {
            Some(colon) => format!(
                "{}{}:***{}",
                &url[..scheme_end],
                &rest[..colon],
                &rest[at..]
            ),
            None => url.to_string(),
        },
        None => url.to_string(),
    }
}

/// A store error in the reader's language where the catalogs have it (PostgreSQL and team
/// mode), else as the store says it.
pub fn store_error_text(error: &trekant_store::StoreError, lang: Lang) -> String {
    error
        .catalog()
        .map(|message| message.render(lang))
        .unwrap_or_else(|| error.to_string())
}

/// What every command may need from the global flags.
pub struct Env {
    pub styled: bool,
    profile: Option<std::path::PathBuf>,
    /// `--db`, when given.
    db: Option<std::path::PathBuf>,
    /// `--as`, when given: whose rows the store reads and writes.
    person: Option<String>,
    /// The basis of the calibration [`Env::calibration`] last gave, and its tasks (for the
    /// estimate's report).
    basis: std::cell::Cell<Option<(trekant_core::history::person::Basis, usize)>>,
}

impl Env {
    /// Where the history database is: `--db` (a file, or a `postgres://` URL), else the
    /// default file under `$XDG_DATA_HOME`.
    pub fn db_path(&self) -> anyhow::Result<DbLocation> {
        match &self.db {
            Some(path) => Ok(DbLocation::new(path.clone())),
            None => trekant_store::default_db_path()
                .map(DbLocation::new)
                .ok_or_else(|| {
                    let lang = crate::args::output_lang(None);
                    anyhow::anyhow!(trekant_core::messages::text(lang, "error-no-data-home"))
                }),
        }
    }

    /// `--db`, when it was given.
    pub fn db_flag(&self) -> Option<&std::path::Path> {
        self.db.as_deref()
    }

    /// Opens the history database, creating it if need be (for commands that write): an
    /// SQLite file, or the PostgreSQL database a `postgres://` URL names, as `--as`'s owner.
    pub fn open_store(&self) -> anyhow::Result<Box<dyn trekant_store::Store>> {
        let db = self.db_path()?;
        trekant_store::open_as(&db.text(), self.owner()).map_err(|e| {
            let lang = crate::args::output_lang(None);
            let error = store_error_text(&e, lang);
            anyhow::anyhow!(trekant_core::t!(
                lang,
                "error-open-history",
                file = db.display(),
                error = error
            ))
        })
    }

    /// The calibration from the history, when one exists and has usable tasks: the owner's own
    /// shrunk toward the team's (everyone in the database; see
    /// `trekant_core::history::person`). Reading never creates a database; a `--db` that
    /// does not exist is an error.
    pub fn calibration(
        &self,
    ) -> anyhow::Result<Option<trekant_core::history::calibration::Calibration>> {
        let path = self.db_path()?;
        if !path.exists() {
            if self.db.is_some() {
                let lang = crate::args::spoken_lang();
                let db = path.display().to_string();
                anyhow::bail!(trekant_core::t!(lang, "error-no-such-db", db = db));
            }
            return Ok(None);
        }
        let team = trekant_store::Store::export_team_history(&self.open_store()?)?;
        let settings = trekant_core::history::person::PersonSettings::default();
        let chosen = trekant_core::history::person::calibrate(&team, self.owner(), &settings).ok();
        self.basis.set(chosen.as_ref().map(|c| (c.basis, c.tasks)));
        Ok(chosen.map(|c| c.calibration))
    }

    /// Whose rows the store reads and writes: `--as`, else the one local user.
    pub fn owner(&self) -> &str {
        self.person
            .as_deref()
            .unwrap_or(trekant_core::tracking::LOCAL_OWNER)
    }

    /// Whether the last calibration rests mostly on the estimating person's own history or
    /// the team's, and that history's tasks; `None` when there was none.
    pub fn basis(&self) -> Option<(trekant_core::history::person::Basis, usize)> {
        self.basis.get()
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
    crate::args::set_profile_lang(input::profile_lang(cli.profile.as_deref()));
    let env = Env {
        styled,
        profile: cli.profile,
        db: cli.db,
        person: cli.person,
        basis: std::cell::Cell::new(None),
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
        Command::Db(command) => team::db(&command, &env, &mut stdout)?,
        Command::User(command) => team::user(&command, &env, &mut stdout)?,
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
    let today = Some(jiff::ZonedDateTime::now().date());
    read_and_review_with(path, lang, env, |pending| Ok(pending.review(today)))
}

/// Reads FILE and reviews it; a brief's review is finished by `finish` (which may simulate
/// it once for the triangle rules and the command alike).
fn read_and_review_with(
    path: &std::path::Path,
    lang: Option<Lang>,
    env: &Env,
    finish: impl FnOnce(trekant_core::review::Pending<'_>) -> anyhow::Result<trekant_core::Review>,
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
        let pending = trekant_core::review::read_brief(&source.text, lang, profile.as_ref());
        crate::args::set_spoken(pending.lang());
        finish(pending)?
    } else {
        trekant_core::review_text(&source.text, lang)
    };
    crate::args::set_spoken(review.lang);
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

/// [`brief_or_exit`], keeping the review. Only the brief's errors are asked here, so the
/// triangle rules (warnings, judged on a simulation) are not run: a command that needs a
/// sound brief and then prices it (`accept`, `change`, `track start`) simulates once.
pub fn sound_brief(
    path: &std::path::Path,
    lang: Option<Lang>,
    env: &Env,
) -> anyhow::Result<SoundBrief> {
    let reviewed = read_and_review_with(path, lang, env, |pending| Ok(pending.finish(None)))?;
    sound(path, reviewed, env)
}

/// The brief of a review, when it is one and has no errors.
fn sound(path: &std::path::Path, mut reviewed: Reviewed, env: &Env) -> anyhow::Result<SoundBrief> {
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

/// A sound brief simulated once: the settings, and the estimate (and options) the review's
/// triangle findings were judged on too.
pub struct Forecasted {
    pub sound: SoundBrief,
    pub settings: trekant_core::forecast::estimate::Settings,
    pub forecast: trekant_core::forecast::run::Forecast,
}

/// Reads a brief for the commands that price it ([`sound_brief`]), and simulates it once,
/// with the options when `with_options`. `check` may refuse the settings before the
/// simulation runs. A brief that cannot be priced is [`unpriceable`].
pub fn forecast(
    path: &std::path::Path,
    lang: Option<Lang>,
    env: &Env,
    args: &crate::args::SimulationArgs,
    with_options: bool,
    check: impl FnOnce(
        &trekant_core::Brief,
        &trekant_core::forecast::estimate::Settings,
    ) -> anyhow::Result<()>,
) -> anyhow::Result<Forecasted> {
    use trekant_core::forecast::run;
    let mut made = None;
    let reviewed = read_and_review_with(path, lang, env, |pending| {
        if let Some(brief) = pending.simulable() {
            let settings = settings(brief, args, env)?;
            check(brief, &settings)?;
            let forecast = run::forecast(brief, &settings, with_options);
            made = Some((settings, forecast));
        }
        let report = made
            .as_ref()
            .and_then(|(_, forecast)| forecast.as_ref().ok())
            .map(|forecast| &forecast.report);
        Ok(pending.finish(report))
    })?;
    let sound = sound(path, reviewed, env)?;
    let Some((settings, forecast)) = made else {
        // A sound brief is simulable; this is only a guard.
        let file = path.display().to_string();
        anyhow::bail!(trekant_core::t!(
            sound.lang,
            "error-unreadable-brief",
            file = file
        ));
    };
    let forecast = forecast.map_err(|error| unpriceable(path, &error, sound.lang))?;
    Ok(Forecasted {
        sound,
        settings,
        forecast,
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
