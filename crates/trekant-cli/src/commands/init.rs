//! `trekant init [FILE]`: a commented brief to start from.

use std::io::Write;
use std::process::ExitCode;

use anyhow::{Context as _, bail};
use trekant_core::document::templates;

use crate::args::InitArgs;

pub fn run(args: &InitArgs, out: &mut impl Write) -> anyhow::Result<ExitCode> {
    if let Some(dir) = &args.templates {
        return write_templates(dir, args.force);
    }
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

/// Writes the built-in proposal templates into `dir`, for the user to edit.
fn write_templates(dir: &std::path::Path, force: bool) -> anyhow::Result<ExitCode> {
    std::fs::create_dir_all(dir).with_context(|| format!("cannot create {}", dir.display()))?;
    for (name, text) in trekant_core::document::proposal::BUILT_IN {
        let path = dir.join(name);
        if path.exists() && !force {
            bail!(
                "{} already exists; add --force to overwrite it",
                path.display()
            );
        }
        std::fs::write(&path, text).with_context(|| format!("cannot write {}", path.display()))?;
        eprintln!("wrote {}", path.display());
    }
    eprintln!(
        "edit them, then: trekant proposal BRIEF --template {}",
        dir.display()
    );
    Ok(ExitCode::SUCCESS)
}
