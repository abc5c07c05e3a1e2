//! `trekant init [FILE]`: a commented brief to start from.

use std::io::Write;

use anyhow::{Context as _, bail};
use trekant_core::document::templates;

use super::{ExitStatus, note};
use crate::args::InitArgs;
use crate::output::write_file;

pub fn run(args: &InitArgs, out: &mut impl Write) -> anyhow::Result<ExitStatus> {
    if let Some(dir) = &args.templates {
        return write_templates(dir, args.force);
    }
    let brief = templates::brief(args.lang.into());
    let Some(path) = &args.file else {
        out.write_all(brief.as_bytes())?;
        return Ok(ExitStatus::Success);
    };
    if path.exists() && !args.force {
        bail!(
            "{} already exists; choose another name, or add --force to overwrite it",
            path.display()
        );
    }
    write_file(path, brief.as_bytes(), &[])?;
    note(format_args!(
        "wrote {0}; fill it in, then run: trekant review {0}",
        path.display()
    ));
    Ok(ExitStatus::Success)
}

/// Writes the built-in proposal templates into `dir`, for the user to edit.
fn write_templates(dir: &std::path::Path, force: bool) -> anyhow::Result<ExitStatus> {
    std::fs::create_dir_all(dir).with_context(|| format!("cannot create {}", dir.display()))?;
    for (name, text) in trekant_core::document::proposal::BUILT_IN {
        let path = dir.join(name);
        if path.exists() && !force {
            bail!(
                "{} already exists; add --force to overwrite it",
                path.display()
            );
        }
        write_file(&path, text.as_bytes(), &[])?;
        note(format_args!("wrote {}", path.display()));
    }
    note(format_args!(
        "edit them, then: trekant proposal BRIEF --template {}",
        dir.display()
    ));
    Ok(ExitStatus::Success)
}
