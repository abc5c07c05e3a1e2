//! `trekant review FILE`: the findings, compiler-style or as JSON.

use super::{Env, ExitStatus, exit_for, read_and_review};
use crate::args::{ReviewArgs, ReviewFormat};
use crate::render::{self, Located};
use std::io::Write;

pub fn run(args: &ReviewArgs, env: &Env, out: &mut impl Write) -> anyhow::Result<ExitStatus> {
    let reviewed = read_and_review(&args.file, crate::args::asked_lang(args.lang), env)?;
    let review = &reviewed.review;
    let file = Located::new(&reviewed.source.name, &reviewed.source.text);
    match args.format {
        ReviewFormat::Human => {
            out.write_all(
                render::human(&file, &review.diagnostics, review.lang, env.styled).as_bytes(),
            )?;
        }
        ReviewFormat::Json => {
            let value = trekant_core::review::json::ReviewJson::new(
                file.name,
                file.text,
                &review.diagnostics,
                review.verdict.as_ref(),
            );
            serde_json::to_writer_pretty(&mut *out, &value)?;
            writeln!(out)?;
        }
    }
    Ok(exit_for(review))
}
