//! `trekant init [FILE]`: a commented brief to start from.

use std::io::Write;
use trekant_core::t;

use anyhow::{Context as _, bail};
use trekant_core::document::templates;

use super::{ExitStatus, note};
use crate::args::InitArgs;
use crate::output::write_file;

pub fn run(args: &InitArgs, out: &mut impl Write) -> anyhow::Result<ExitStatus> {
    if let Some(dir) = &args.templates {
        return write_templates(dir, args.force, args.lang.into());
    }
    let lang: trekant_core::Lang = args.lang.into();
    let brief = templates::brief(lang);
    let Some(path) = &args.file else {
        out.write_all(brief.as_bytes())?;
        return Ok(ExitStatus::Success);
    };
    if path.exists() && !args.force {
        bail!(t!(lang, "init-exists", file = path.display().to_string()));
    }
    write_file(path, brief.as_bytes(), &[])?;
    let file = path.display().to_string();
    note(format_args!(
        "{}",
        t!(lang, "init-wrote", file = file.as_str())
    ));
    Ok(ExitStatus::Success)
}

/// Writes the built-in proposal templates into `dir`, for the user to edit.
fn write_templates(
    dir: &std::path::Path,
    force: bool,
    lang: trekant_core::Lang,
) -> anyhow::Result<ExitStatus> {
    let shown = dir.display().to_string();
    std::fs::create_dir_all(dir)
        .with_context(|| t!(lang, "error-cannot-create", file = shown.as_str()))?;
    for (name, text) in trekant_core::document::proposal::BUILT_IN {
        let path = dir.join(name);
        if path.exists() && !force {
            bail!(t!(
                lang,
                "init-template-exists",
                file = path.display().to_string()
            ));
        }
        write_file(&path, text.as_bytes(), &[])?;
        let file = path.display().to_string();
        note(format_args!("{}", t!(lang, "wrote", file = file.as_str())));
    }
    note(format_args!(
        "{}",
        t!(lang, "init-templates-next", dir = shown.as_str())
    ));
    Ok(ExitStatus::Success)
}
