//! The `trekant` binary: parse the arguments, run the command, turn the outcome into an
//! exit code. See `trekant --help` and README.md for the exit codes.

// A program that reports to the terminal: printing is its job.
#![allow(clippy::print_stdout, clippy::print_stderr)]

mod args;
mod commands;
mod input;
mod render;

use std::process::ExitCode;

use clap::Parser;

fn main() -> ExitCode {
    let cli = args::Cli::parse();
    match commands::run(cli) {
        Ok(code) => code,
        Err(error) if is_broken_pipe(&error) => ExitCode::SUCCESS,
        Err(error) => {
            eprintln!("trekant: error: {error:#}");
            ExitCode::from(commands::EXIT_USAGE)
        }
    }
}

/// `trekant review x | head` closing the pipe early is not a failure.
fn is_broken_pipe(error: &anyhow::Error) -> bool {
    error.chain().any(|cause| {
        cause
            .downcast_ref::<std::io::Error>()
            .is_some_and(|e| e.kind() == std::io::ErrorKind::BrokenPipe)
    })
}
