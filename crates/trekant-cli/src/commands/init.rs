//! `trekant init [FILE]`: a commented brief to start from.

use std::io::Write;
use std::process::ExitCode;

use anyhow::{Context as _, bail};
use trekant_core::templates;

use crate::args::InitArgs;

pub fn run(args: &InitArgs, out: &mut impl Write) -> anyhow::Result<ExitCode> {
    let brief = templates::brief(args.lang.into());
    let Some(path) = &args.file else {
        out.write_all(brief.as_bytes())?;
        return Ok(ExitCode::SUCCESS);
    };
    if path.exists() && !args.force {
        bail!(
            "{} already exists; choose another name, or add --force to overwrite it",
            path.display()
        );
    }
    std::fs::write(path, brief).with_context(|| format!("cannot write {}", path.display()))?;
    eprintln!(
        "wrote {0}; fill it in, then run: trekant review {0}",
        path.display()
    );
    Ok(ExitCode::SUCCESS)
}
