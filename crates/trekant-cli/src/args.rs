//! The command line: every subcommand, flag and value, as clap types. No work is done here.

use std::path::PathBuf;

use clap::{Args, Parser, Subcommand, ValueEnum};

const EXIT_CODES: &str = "\
Exit codes:
  0  no errors (warnings allowed)
  1  the brief (or profile) has errors: syntax, schema or rule errors
  2  a file cannot be read or written, or the command line is wrong";

/// trekant — the project triangle (scope, time, money) for freelancers: review a client's
/// brief like a compiler, ask the right questions, estimate honestly.
#[derive(Debug, Parser)]
#[command(name = "trekant", version, after_help = EXIT_CODES, max_term_width = 100)]
pub struct Cli {
    #[command(subcommand)]
    pub command: Command,

    /// Your provider profile ([me] defaults); default: $XDG_CONFIG_HOME/trekant/profile.toml
    #[arg(long, global = true, value_name = "FILE")]
    pub profile: Option<PathBuf>,

    /// When to colour the output
    #[arg(long, global = true, value_enum, default_value_t = ColorChoice::Auto)]
    pub color: ColorChoice,

    /// Your history database: a file, or a postgres:// URL; default:
    /// $XDG_DATA_HOME/trekant/history.db
    #[arg(long, global = true, value_name = "FILE|URL")]
    pub db: Option<PathBuf>,

    /// Who you are in a shared history (e.g. your e-mail): the owner of what you import and
    /// track, and whose history calibrates your estimates; default: local
    #[arg(long = "as", global = true, value_name = "PERSON")]
    pub person: Option<String>,
}

#[derive(Debug, Subcommand)]
pub enum Command {
    /// Review a brief (.toml) or a client's text (e-mail, Markdown) like a compiler
    Review(ReviewArgs),
    /// The questions to send the client, from what is missing or vague
    Questions(QuestionsArgs),
    /// Write a commented brief to start from
    Init(InitArgs),
    /// Explain a review rule: what it finds, why it matters, an example
    Explain(ExplainArgs),
    /// Simulate the work: hours, price and finish date, and the verdict on budget and deadline
    Estimate(EstimateArgs),
    /// The counter-offers: full scope by the deadline, at normal pace, what fits, and the recommendation
    Options(OptionsArgs),
    /// The offer document for the client: Markdown, HTML or PDF
    Proposal(ProposalArgs),
    /// Your history of estimates against actuals: import and export it as CSV
    #[command(subcommand)]
    History(HistoryCommand),
    /// How honest calibrated intervals would have been on your history (or a history CSV)
    Backtest(BacktestArgs),
    /// How you estimate: your ratio of actual to estimated hours, by category and over time
    Calibration(CalibrationArgs),
    /// Track a project's actual hours against its estimate
    #[command(subcommand)]
    Track(TrackCommand),
    /// Record the offer the client accepted, and start tracking its scope
    Accept(AcceptArgs),
    /// Price a client's change request against the triangle and write a change order
    Change(ChangeArgs),
    /// Serve the web app over a folder of briefs: the pages and their JSON API
    Serve(ServeArgs),
    /// The team server's PostgreSQL database: bring its schema up to date, import and export
    /// its briefs
    #[command(subcommand)]
    Db(DbCommand),
    /// The people of a team server (PostgreSQL): add them, list them
    #[command(subcommand)]
    User(UserCommand),
}

#[derive(Debug, Subcommand)]
pub enum DbCommand {
    /// Apply the migrations the database lacks (safe to run from many processes at once)
    Migrate(DbMigrateArgs),
    /// Import a folder's briefs (*.toml) into the team's database in one go: a new name is
    /// added, a changed text becomes a new version, the same text is left alone
    Import(DbImportArgs),
    /// Write every brief's latest text from the team's database into a folder, one NAME.toml
    /// each; an existing file is never overwritten without --force
    Export(DbExportArgs),
}

#[derive(Debug, Args)]
pub struct DbImportArgs {
    /// The folder of briefs
    pub dir: PathBuf,
    /// The person (e-mail address) the new versions are by; without it they have no author
    #[arg(long, value_name = "EMAIL")]
    pub author: Option<String>,
    /// Language of the messages (default: the system's)
    #[arg(long, value_enum)]
    pub lang: Option<LangArg>,
}

#[derive(Debug, Args)]
pub struct DbExportArgs {
    /// The folder to write the briefs into (made if missing)
    pub dir: PathBuf,
    /// Overwrite files of the same names in the folder
    #[arg(long)]
    pub force: bool,
    /// Language of the messages (default: the system's)
    #[arg(long, value_enum)]
    pub lang: Option<LangArg>,
}

#[derive(Debug, Args)]
pub struct DbMigrateArgs {
    /// Language of the messages (default: the system's)
    #[arg(long, value_enum)]
    pub lang: Option<LangArg>,
}

#[derive(Debug, Subcommand)]
pub enum UserCommand {
    /// Add a person who may log in; without --password-stdin a password is made and shown once
    Add(UserAddArgs),
    /// Everyone who may log in
    List(UserListArgs),
}

#[derive(Debug, Args)]
pub struct UserAddArgs {
    /// The person's e-mail address (their login)
    pub email: String,
    /// The person's name
    #[arg(long)]
    pub name: String,
    /// Owners manage the people; members work on briefs
    #[arg(long, value_enum, default_value_t = RoleArg::Member)]
    pub role: RoleArg,
    /// Read the password from standard input (one line) instead of making one
    #[arg(long)]
    pub password_stdin: bool,
    /// Language of the messages (default: the system's)
    #[arg(long, value_enum)]
    pub lang: Option<LangArg>,
}

#[derive(Debug, Args)]
pub struct UserListArgs {
    /// Language of the messages (default: the system's)
    #[arg(long, value_enum)]
    pub lang: Option<LangArg>,
}

#[derive(Clone, Copy, Debug, PartialEq, Eq, ValueEnum)]
pub enum RoleArg {
    Owner,
    Member,
}

#[derive(Debug, Args)]
pub struct ServeArgs {
    /// The folder of briefs (default: the current folder)
    #[arg(default_value = ".")]
    pub dir: PathBuf,
    /// The address to listen on; any address but loopback needs a token
    #[arg(long, default_value = "127.0.0.1:7878", value_name = "ADDRESS:PORT")]
    pub bind: std::net::SocketAddr,
    /// The token clients must give (default on a non-loopback address: a new one, printed)
    #[arg(long, value_name = "T")]
    pub token: Option<String>,
    /// Open the app in the browser once it listens
    #[arg(long)]
    pub open: bool,
    /// Language of the messages (default: the system's)
    #[arg(long, value_enum)]
    pub lang: Option<LangArg>,
    /// A team server's logins last this many hours (default 12)
    #[arg(long, value_name = "N", value_parser = clap::value_parser!(u64).range(1..=720))]
    pub session_hours: Option<u64>,
}

#[derive(Debug, Subcommand)]
pub enum HistoryCommand {
    /// Import a history CSV (project,item,category,low,likely,high,actual,finished)
    Import(HistoryImportArgs),
    /// Write the whole history as CSV (to standard output by default)
    Export(HistoryExportArgs),
}

#[derive(Debug, Args)]
pub struct HistoryImportArgs {
    pub file: PathBuf,
    /// Import the good rows of a file with bad ones (default: import nothing)
    #[arg(long)]
    pub skip_bad: bool,
    /// Language of the output (default: the profile's `language`, else the system locale)
    #[arg(long, value_enum)]
    pub lang: Option<LangArg>,
}

#[derive(Debug, Args)]
pub struct HistoryExportArgs {
    /// Where to write the CSV (default: standard output)
    #[arg(short, long, value_name = "FILE")]
    pub output: Option<PathBuf>,
}

#[derive(Debug, Args)]
pub struct BacktestArgs {
    /// A history CSV (default: your own history, in the database)
    pub file: Option<PathBuf>,
    /// The share of tasks, earliest first, used only to warm up: every later day's tasks are
    /// predicted from all tasks finished before that day
    #[arg(long, value_name = "F", default_value = "2/3", value_parser = fraction)]
    pub train_fraction: f64,
    #[arg(long, value_enum, default_value_t = ReviewFormat::Human)]
    pub format: ReviewFormat,
    /// Language of the output (default: the profile's `language`, else the system locale)
    #[arg(long, value_enum)]
    pub lang: Option<LangArg>,
}

#[derive(Debug, Args)]
pub struct CalibrationArgs {
    #[arg(long, value_enum, default_value_t = ReviewFormat::Human)]
    pub format: ReviewFormat,
    /// Language of the output (default: the profile's `language`, else the system locale)
    #[arg(long, value_enum)]
    pub lang: Option<LangArg>,
}

#[derive(Debug, Subcommand)]
pub enum TrackCommand {
    /// Start tracking a brief's accepted scope (its items and estimates)
    Start(TrackStartArgs),
    /// Log hours worked on an item
    Log(TrackLogArgs),
    /// Import a time tracker's export as actual hours
    Import(TrackImportArgs),
    /// Hours used against the estimate, per item and for the project
    Status(TrackStatusArgs),
    /// Mark an item finished: only finished items go into the history when the project closes
    Done(TrackDoneArgs),
    /// Close the project into the history that calibrates your next estimate
    Close(TrackCloseArgs),
}

#[derive(Debug, Args)]
pub struct TrackDoneArgs {
    /// The item's id
    pub item: String,
    /// The day it was finished (default: today)
    #[arg(long, value_name = "YYYY-MM-DD")]
    pub date: Option<String>,
    /// The tracked project (needed when more than one is open)
    #[arg(long, value_name = "NAME")]
    pub project: Option<String>,
    /// Language of the output (default: the profile's `language`, else the system locale)
    #[arg(long, value_enum)]
    pub lang: Option<LangArg>,
}

/// What `track close` does with items not marked done.
#[derive(Clone, Copy, Debug, PartialEq, Eq, ValueEnum)]
pub enum UnfinishedArg {
    /// Leave them out of the history
    Drop,
    /// Record them as finished on the closing day, with the hours logged
    Finish,
}

#[derive(Debug, Args)]
pub struct TrackStartArgs {
    /// The brief (.toml) whose items were accepted
    pub brief: PathBuf,
    /// The first day of work (default: today)
    #[arg(long, value_name = "YYYY-MM-DD")]
    pub date: Option<String>,
    /// Language of the output (default: the profile's `language`, else the brief's)
    #[arg(long, value_enum)]
    pub lang: Option<LangArg>,
}

#[derive(Debug, Args)]
pub struct TrackLogArgs {
    /// The item's id
    pub item: String,
    /// Hours worked, e.g. 2.5
    pub hours: f64,
    /// The day worked (default: today)
    #[arg(long, value_name = "YYYY-MM-DD")]
    pub date: Option<String>,
    #[arg(long)]
    pub note: Option<String>,
    /// The tracked project (needed when more than one is open)
    #[arg(long, value_name = "NAME")]
    pub project: Option<String>,
    /// Language of the output (default: the profile's `language`, else the system locale)
    #[arg(long, value_enum)]
    pub lang: Option<LangArg>,
}

#[derive(Debug, Args)]
pub struct TrackImportArgs {
    /// The export file
    pub file: PathBuf,
    #[arg(long, value_enum)]
    pub format: TimesheetArg,
    /// The tracked project (needed when more than one is open)
    #[arg(long, value_name = "NAME")]
    pub project: Option<String>,
    /// Import the good entries of a file with bad ones (default: import nothing)
    #[arg(long)]
    pub skip_bad: bool,
    /// Language of the output (default: the profile's `language`, else the system locale)
    #[arg(long, value_enum)]
    pub lang: Option<LangArg>,
}

#[derive(Clone, Copy, Debug, PartialEq, Eq, ValueEnum)]
pub enum TimesheetArg {
    Toggl,
    Clockify,
    Harvest,
    Csv,
}

#[derive(Debug, Args)]
pub struct TrackStatusArgs {
    /// The tracked project (needed when more than one is open)
    #[arg(long, value_name = "NAME")]
    pub project: Option<String>,
    #[arg(long, value_enum, default_value_t = ReviewFormat::Human)]
    pub format: ReviewFormat,
    /// Language of the output (default: the profile's `language`, else the system locale)
    #[arg(long, value_enum)]
    pub lang: Option<LangArg>,
}

#[derive(Debug, Args)]
pub struct TrackCloseArgs {
    /// The tracked project (needed when more than one is open)
    #[arg(long, value_name = "NAME")]
    pub project: Option<String>,
    /// The day the project closed (default: today)
    #[arg(long, value_name = "YYYY-MM-DD")]
    pub date: Option<String>,
    /// What to do with items not marked done (default: refuse to close, and list them)
    #[arg(long, value_enum, value_name = "WHAT")]
    pub unfinished: Option<UnfinishedArg>,
    /// Language of the output (default: the profile's `language`, else the system locale)
    #[arg(long, value_enum)]
    pub lang: Option<LangArg>,
}

#[derive(Debug, Args)]
pub struct AcceptArgs {
    /// The brief (.toml) of the offer the client accepted
    pub brief: PathBuf,
    /// Which option the client took, as `trekant options` names them
    #[arg(long, value_enum, default_value_t = OptionKind::Recommended, value_name = "KIND")]
    pub option: OptionKind,
    /// The day the client accepted, and the first day of work (default: today)
    #[arg(long, value_name = "YYYY-MM-DD")]
    pub date: Option<String>,
    /// Language of the output (default: the profile's `language`, else the brief's own)
    #[arg(long, value_enum)]
    pub lang: Option<LangArg>,
    #[command(flatten)]
    pub simulation: SimulationArgs,
}

/// An option of `trekant options`, by its kind in the JSON.
#[derive(Clone, Copy, Debug, PartialEq, Eq, ValueEnum)]
pub enum OptionKind {
    FullScopeByDeadline,
    FullScopeNormalPace,
    FitBudgetAndDeadline,
    Recommended,
}

impl OptionKind {
    /// The kind as `options --format json` writes it.
    pub fn name(self) -> &'static str {
        match self {
            OptionKind::FullScopeByDeadline => "full-scope-by-deadline",
            OptionKind::FullScopeNormalPace => "full-scope-normal-pace",
            OptionKind::FitBudgetAndDeadline => "fit-budget-and-deadline",
            OptionKind::Recommended => "recommended",
        }
    }
}

impl From<OptionKind> for trekant_core::forecast::options::Kind {
    fn from(kind: OptionKind) -> Self {
        use trekant_core::forecast::options::Kind;
        match kind {
            OptionKind::FullScopeByDeadline => Kind::FullScopeByDeadline,
            OptionKind::FullScopeNormalPace => Kind::FullScopeNormalPace,
            OptionKind::FitBudgetAndDeadline => Kind::FitBudgetAndDeadline,
            OptionKind::Recommended => Kind::Recommended,
        }
    }
}

#[derive(Debug, Args)]
pub struct ChangeArgs {
    /// The brief (.toml) of the project
    pub brief: PathBuf,
    /// What the client asks for
    #[arg(long)]
    pub title: String,
    /// Hours: LOW,LIKELY,HIGH (or one number)
    #[arg(long, value_name = "LOW,LIKELY,HIGH")]
    pub estimate: String,
    #[arg(long)]
    pub category: Option<String>,
    /// Record it in the tracked project as proposed (default: a preview that records nothing)
    #[arg(long, conflicts_with = "accept")]
    pub propose: bool,
    /// The client accepted it: record it in the tracked project's scope
    #[arg(long)]
    pub accept: bool,
    /// Write the change order to FILE (.md, .html or .typ; default: Markdown to standard output)
    #[arg(short, long, value_name = "FILE")]
    pub output: Option<PathBuf>,
    /// Language of the change order (default: the profile's `language`, else the brief's own)
    #[arg(long, value_enum)]
    pub lang: Option<LangArg>,
    #[command(flatten)]
    pub simulation: SimulationArgs,
}

/// How to run the simulation; shared by the commands that simulate.
#[derive(Debug, Args)]
pub struct SimulationArgs {
    /// Number of simulated trials (default: [model] trials, else 20,000)
    #[arg(long, value_name = "N")]
    pub trials: Option<usize>,
    /// Random seed: the same seed gives identical output (default: [model] seed, else random)
    #[arg(long, value_name = "N")]
    pub seed: Option<u64>,
    /// Confidence for prices and dates, e.g. 0.8 (default: [me] confidence, else 0.8)
    #[arg(long, value_name = "P")]
    pub confidence: Option<f64>,
    /// Use the raw estimates even when you have a history to calibrate them with
    #[arg(long)]
    pub no_history: bool,
}

#[derive(Debug, Args)]
pub struct EstimateArgs {
    /// The brief (.toml)
    pub file: PathBuf,
    #[command(flatten)]
    pub simulation: SimulationArgs,
    #[arg(long, value_enum, default_value_t = ReviewFormat::Human)]
    pub format: ReviewFormat,
    /// Language of the output (default: the profile's `language`, else the brief's own)
    #[arg(long, value_enum)]
    pub lang: Option<LangArg>,
}

#[derive(Debug, Args)]
pub struct OptionsArgs {
    /// The brief (.toml)
    pub file: PathBuf,
    #[command(flatten)]
    pub simulation: SimulationArgs,
    #[arg(long, value_enum, default_value_t = ReviewFormat::Human)]
    pub format: ReviewFormat,
    /// Language of the output (default: the profile's `language`, else the brief's own)
    #[arg(long, value_enum)]
    pub lang: Option<LangArg>,
}

#[derive(Debug, Args)]
pub struct ReviewArgs {
    /// The brief (.toml) or any text file to review
    pub file: PathBuf,
    #[arg(long, value_enum, default_value_t = ReviewFormat::Human)]
    pub format: ReviewFormat,
    /// Language of messages and questions (default: the profile's `language`, else the brief's)
    #[arg(long, value_enum)]
    pub lang: Option<LangArg>,
}

#[derive(Debug, Args)]
pub struct QuestionsArgs {
    /// The brief (.toml) or any text file
    pub file: PathBuf,
    /// Language of the questions (default: the profile's `language`, else the brief's own)
    #[arg(long, value_enum)]
    pub lang: Option<LangArg>,
    #[arg(long, value_enum, default_value_t = QuestionsFormat::Md)]
    pub format: QuestionsFormat,
}

#[derive(Debug, Args)]
pub struct ProposalArgs {
    /// The brief (.toml)
    pub file: PathBuf,
    /// Where to write it: .md, .html, .typ or .pdf (default: Markdown to standard output)
    #[arg(short, long, value_name = "FILE")]
    pub output: Option<PathBuf>,
    /// A folder with your own proposal.md.j2 / .html.j2 / .typ.j2 (see `trekant init --templates`)
    #[arg(long, value_name = "DIR")]
    pub template: Option<PathBuf>,
    /// Language of the proposal (default: the profile's `language`, else the brief's own)
    #[arg(long, value_enum)]
    pub lang: Option<LangArg>,
    #[command(flatten)]
    pub simulation: SimulationArgs,
}

#[derive(Debug, Args)]
pub struct InitArgs {
    /// Where to write the brief (default: standard output)
    pub file: Option<PathBuf>,
    /// Language of the brief (default: the e-mail's with --from, else Danish)
    #[arg(long, value_enum)]
    pub lang: Option<LangArg>,
    /// Draft the brief from a client's e-mail (a text file; `-` reads standard input)
    #[arg(long, value_name = "MAIL", conflicts_with = "templates")]
    pub from: Option<PathBuf>,
    /// Where to write the brief (the same as FILE)
    #[arg(short, long, value_name = "FILE", conflicts_with = "file")]
    pub output: Option<PathBuf>,
    /// Overwrite FILE if it exists
    #[arg(long)]
    pub force: bool,
    /// Instead of a brief, write the built-in proposal templates into DIR to edit
    #[arg(long, value_name = "DIR", conflicts_with = "file")]
    pub templates: Option<PathBuf>,
}

#[derive(Debug, Args)]
pub struct ExplainArgs {
    /// A rule code, e.g. vague-wording; without one, list all rules
    pub code: Option<String>,
    /// Language of the output (default: the profile's `language`, else the system locale)
    #[arg(long, value_enum)]
    pub lang: Option<LangArg>,
}

#[derive(Clone, Copy, Debug, PartialEq, Eq, ValueEnum)]
pub enum ReviewFormat {
    Human,
    Json,
}

#[derive(Clone, Copy, Debug, PartialEq, Eq, ValueEnum)]
pub enum QuestionsFormat {
    Md,
    Text,
    Json,
}

#[derive(Clone, Copy, Debug, PartialEq, Eq, ValueEnum)]
pub enum LangArg {
    Da,
    En,
}

/// The language of a command that reads no brief: `--lang`, else the profile's `language`,
/// else the system locale (`LC_ALL`, `LC_MESSAGES`, `LANG` starting with `da`), else English.
pub fn output_lang(arg: Option<LangArg>) -> trekant_core::Lang {
    asked_lang(arg)
        .or_else(trekant_core::messages::system_lang)
        .unwrap_or_default()
}

/// The language the user asked for: `--lang`, else the profile's `language`. A command that
/// reads a brief falls back on the brief's language, then the system locale.
pub fn asked_lang(arg: Option<LangArg>) -> Option<trekant_core::Lang> {
    let asked = arg
        .map(Into::into)
        .or_else(|| PROFILE_LANG.get().copied().flatten());
    if let Some(lang) = asked {
        set_spoken(lang);
    }
    asked
}

/// The language the command speaks, once it is known: `--lang` or the profile's (recorded
/// by [`asked_lang`]), or the brief's (recorded when it is read). Errors that reach `main`
/// are put into words in it.
static SPOKEN: std::sync::atomic::AtomicU8 = std::sync::atomic::AtomicU8::new(0);

/// Records the language the command speaks (see [`spoken_lang`]).
pub fn set_spoken(lang: trekant_core::Lang) {
    let code = match lang {
        trekant_core::Lang::Da => 1,
        trekant_core::Lang::En => 2,
    };
    SPOKEN.store(code, std::sync::atomic::Ordering::Relaxed);
}

/// The language the command speaks: as recorded, else the profile's, else the system
/// locale's.
pub fn spoken_lang() -> trekant_core::Lang {
    match SPOKEN.load(std::sync::atomic::Ordering::Relaxed) {
        1 => trekant_core::Lang::Da,
        2 => trekant_core::Lang::En,
        _ => output_lang(None),
    }
}

/// The profile's `language`, read once before the command runs ([`set_profile_lang`]).
static PROFILE_LANG: std::sync::OnceLock<Option<trekant_core::Lang>> = std::sync::OnceLock::new();

/// Records the profile's `language` for [`asked_lang`] and [`output_lang`].
pub fn set_profile_lang(lang: Option<trekant_core::Lang>) {
    let _ = PROFILE_LANG.set(lang);
}

impl From<LangArg> for trekant_core::Lang {
    fn from(lang: LangArg) -> Self {
        match lang {
            LangArg::Da => trekant_core::Lang::Da,
            LangArg::En => trekant_core::Lang::En,
        }
    }
}

#[derive(Clone, Copy, Debug, PartialEq, Eq, ValueEnum)]
pub enum ColorChoice {
    Auto,
    Always,
    Never,
}

/// A share written as a decimal (`0.67`) or a fraction (`2/3`), so `--help` can show the
/// default as people write it.
fn fraction(text: &str) -> Result<f64, String> {
    let value = match text.split_once('/') {
        Some((a, b)) => {
            let number = |s: &str| s.trim().parse::<f64>().map_err(|e| e.to_string());
            number(a)? / number(b)?
        }
        None => text.trim().parse::<f64>().map_err(|e| e.to_string())?,
    };
    if value.is_finite() {
        Ok(value)
    } else {
        Err(format!("`{text}` is not a number"))
    }
}
