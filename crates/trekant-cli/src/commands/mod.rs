//! One module per subcommand; `run` dispatches and owns the shared setup (profile, colour).

mod explain;
mod init;
mod questions;
mod review;

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
}

impl Env {
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
    };
    let mut stdout = std::io::stdout().lock();
    let code = match cli.command {
        Command::Review(args) => review::run(&args, &env, &mut stdout)?,
        Command::Questions(args) => questions::run(&args, &env, &mut stdout)?,
        Command::Init(args) => init::run(&args, &mut stdout)?,
        Command::Explain(args) => explain::run(&args, &mut stdout)?,
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
        };
        return Ok(Ok(Reviewed { source, review }));
    }
    let review = if source.is_brief() {
        let profile_lang = lang.unwrap_or_default();
        let profile = match env.profile(profile_lang)? {
            Ok(profile) => profile,
            Err(code) => return Ok(Err(code)),
        };
        trekant_core::review_brief(&source.text, lang, profile.as_ref())
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
