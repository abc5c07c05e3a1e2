//! The `trekant` binary: parse the arguments, run the command, turn the outcome into an
//! exit code. See `trekant --help` and README.md for the exit codes.
//!
//! Every error reaches the user here, once: a bad command line or a file that cannot be read
//! or written as `trekant: error: …` (exit 2), input with errors as its report (exit 1).

// A program that reports to the terminal: printing is its job.
#![allow(clippy::print_stdout, clippy::print_stderr)]

// The doc comments there are the `--help` texts, which name the brief's TOML tables
// (`[me]`, `[model]`) as a user writes them: not links.
#[allow(rustdoc::broken_intra_doc_links)]
mod args;
mod commands;
mod input;
mod output;
mod render;

use std::io::Write;
use std::process::ExitCode;

use clap::Parser;
use commands::{ExitStatus, Findings};

fn main() -> ExitCode {
    let cli = match args::Cli::try_parse() {
        Ok(cli) => cli,
        Err(error) if !error.use_stderr() => {
            // --help and --version: to stdout, which may be a closed pipe.
            let _ = error.print();
            return ExitStatus::Success.into();
        }
        Err(error) => {
            // clap's own text starts "error: …"; the usage and a hint follow.
            let text = error.render().to_string();
            let text = text.strip_prefix("error: ").unwrap_or(&text);
            print_error(&format!("trekant: error: {}", text.trim_end()));
            return ExitStatus::Failure.into();
        }
    };
    let status = match commands::run(cli) {
        Ok(status) => status,
        Err(error) if is_broken_pipe(&error) => ExitStatus::Success,
        Err(error) => match error.downcast_ref::<Findings>() {
            Some(findings) => {
                print_error(findings.0.trim_end());
                ExitStatus::Findings
            }
            None => {
                print_error(&format!("trekant: error: {}", commands::error_text(&error)));
                ExitStatus::Failure
            }
        },
    };
    status.into()
}

/// The one place errors are printed. A closed stderr must not turn an error into a panic.
fn print_error(text: &str) {
    let _ = writeln!(std::io::stderr().lock(), "{text}");
}

/// `trekant review x | head` closing the pipe early is not a failure.
fn is_broken_pipe(error: &anyhow::Error) -> bool {
    use std::io::ErrorKind::BrokenPipe;
    error.chain().any(|cause| {
        cause
            .downcast_ref::<std::io::Error>()
            .is_some_and(|e| e.kind() == BrokenPipe)
            || cause
                .downcast_ref::<serde_json::Error>()
                .is_some_and(|e| e.io_error_kind() == Some(BrokenPipe))
    })
}
