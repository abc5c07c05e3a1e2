//! `trekant init [FILE]`: a commented brief to start from; `init --from MAIL`: a first
//! brief drafted from a client's e-mail (`trekant_core::brief::draft`).

use std::io::{Read as _, Write};
use std::path::{Path, PathBuf};

use trekant_core::brief::draft::{Draft, draft_from_email_in};
use trekant_core::{format, t};

use anyhow::{Context as _, bail};
use trekant_core::document::templates;

use super::{ExitStatus, note};
use crate::args::InitArgs;
use crate::output::write_file;

pub fn run(args: &InitArgs, out: &mut impl Write) -> anyhow::Result<ExitStatus> {
    let asked = crate::args::asked_lang(args.lang);
    if let Some(dir) = &args.templates {
        return write_templates(dir, args.force, asked.unwrap_or(trekant_core::Lang::Da));
    }
    let target = args.output.as_ref().or(args.file.as_ref());
    let (brief, lang, draft) = match &args.from {
        Some(mail) => {
            let text = read_mail(
                mail,
                asked.unwrap_or_else(|| crate::args::output_lang(None)),
            )?;
            let today = jiff::ZonedDateTime::now().date();
            let draft = draft_from_email_in(&text, today, asked);
            (draft.toml.clone(), draft.lang, Some(draft))
        }
        None => {
            let lang = asked.unwrap_or(trekant_core::Lang::Da);
            (templates::brief(lang).to_string(), lang, None)
        }
    };
    let Some(path) = target else {
        out.write_all(brief.as_bytes())?;
        if let Some(draft) = &draft {
            found_notes(draft, None);
        }
        return Ok(ExitStatus::Success);
    };
    if path.exists() && !args.force {
        bail!(t!(lang, "init-exists", file = path.display().to_string()));
    }
    let inputs: Vec<&Path> = args.from.iter().map(PathBuf::as_path).collect();
    write_file(path, brief.as_bytes(), &inputs)?;
    let file = path.display().to_string();
    match &draft {
        Some(draft) => found_notes(draft, Some(&file)),
        None => note(format_args!(
            "{}",
            t!(lang, "init-wrote", file = file.as_str())
        )),
    }
    Ok(ExitStatus::Success)
}

/// The e-mail's text: a file, or standard input for `-`. A leading byte-order mark is the
/// file's encoding, not the client's words, and goes.
fn read_mail(path: &Path, lang: trekant_core::Lang) -> anyhow::Result<String> {
    let shown = path.display().to_string();
    let bytes = if path == Path::new("-") {
        let mut bytes = Vec::new();
        std::io::stdin()
            .read_to_end(&mut bytes)
            .with_context(|| t!(lang, "error-cannot-read", file = shown.as_str()))?;
        bytes
    } else {
        if path.is_dir() {
            bail!(t!(lang, "error-is-a-directory", file = shown.as_str()));
        }
        std::fs::read(path).with_context(|| t!(lang, "error-cannot-read", file = shown.as_str()))?
    };
    let Ok(text) = String::from_utf8(bytes) else {
        bail!(t!(lang, "init-mail-not-utf8", file = shown.as_str()));
    };
    Ok(text
        .strip_prefix('\u{feff}')
        .map(str::to_string)
        .unwrap_or(text))
}

/// What the draft read from the mail, for the user to check, and what to do next.
fn found_notes(draft: &Draft, file: Option<&str>) {
    let lang = draft.lang;
    if draft.lang_detected {
        note(t!(lang, "init-found-language"));
    }
    match &draft.budget {
        Some(b) => note(t!(
            lang,
            "init-found-budget",
            budget = format::money(b.value, draft.currency.unwrap_or("DKK"), lang),
            quote = b.quote.as_str()
        )),
        None => note(t!(lang, "init-no-budget")),
    }
    match &draft.deadline {
        Some(d) => note(t!(
            lang,
            "init-found-deadline",
            deadline = format::date(d.value, lang),
            quote = d.quote.as_str()
        )),
        None => note(t!(lang, "init-no-deadline")),
    }
    if let Some(file) = file {
        note(t!(lang, "init-draft-next", file = file));
    }
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
