//! `trekant db import DIR` and `trekant db export DIR`: a folder of briefs into a team
//! server's database and back. Import is one transaction (all the folder or nothing): a new
//! name is added, a changed text becomes a new version, the same text is left alone. Export
//! writes each brief's latest text as its name, atomically, and never over an existing file
//! unless `--force`.

use std::io::Write;
use std::path::{Path, PathBuf};

use anyhow::bail;
use trekant_core::{Lang, t};
use trekant_store::{StoreError, User};

use super::team::{failed, team_store};
use super::{Env, ExitStatus};
use crate::args::{DbExportArgs, DbImportArgs, output_lang};

pub fn import(args: &DbImportArgs, env: &Env, out: &mut impl Write) -> anyhow::Result<ExitStatus> {
    let lang = output_lang(args.lang);
    let dir = shown(&args.dir);
    if !args.dir.is_dir() {
        bail!(t!(lang, "teambriefs-no-dir", dir = dir.as_str()));
    }
    let briefs = read_folder(&args.dir, lang)?;
    if briefs.is_empty() {
        bail!(t!(lang, "teambriefs-import-none", dir = dir.as_str()));
    }
    let store = team_store(env, lang)?;
    let author = match &args.author {
        Some(email) => Some(person(&store, email, lang)?),
        None => None,
    };
    let report = store
        .import_briefs(&briefs, author.as_ref())
        .map_err(|e| failed(&e, lang))?;
    for (name, _) in &briefs {
        let id = if report.added.contains(name) {
            "teambriefs-import-added"
        } else if report.updated.contains(name) {
            "teambriefs-import-updated"
        } else {
            "teambriefs-import-unchanged"
        };
        writeln!(out, "{}", t!(lang, id, name = name.as_str()))?;
    }
    writeln!(
        out,
        "{}",
        t!(
            lang,
            "teambriefs-import-summary",
            count = briefs.len() as i64,
            dir = dir.as_str(),
            added = report.added.len().to_string(),
            updated = report.updated.len().to_string(),
            unchanged = report.unchanged.len().to_string()
        )
    )?;
    Ok(ExitStatus::Success)
}

pub fn export(args: &DbExportArgs, env: &Env, out: &mut impl Write) -> anyhow::Result<ExitStatus> {
    let lang = output_lang(args.lang);
    let dir = shown(&args.dir);
    let store = team_store(env, lang)?;
    let briefs = store.export_briefs().map_err(|e| failed(&e, lang))?;
    if briefs.is_empty() {
        writeln!(out, "{}", t!(lang, "teambriefs-export-none"))?;
        return Ok(ExitStatus::Success);
    }
    if let Some((name, _)) = briefs
        .iter()
        .find(|(name, _)| !trekant_store::is_brief_name(name))
    {
        return Err(failed(&StoreError::BadBriefName(name.clone()), lang));
    }
    std::fs::create_dir_all(&args.dir).map_err(|e| {
        anyhow::anyhow!(t!(
            lang,
            "teambriefs-export-write",
            path = dir.as_str(),
            error = e.to_string()
        ))
    })?;
    // Every file checked before any is written: a refusal writes nothing.
    if !args.force
        && let Some((name, _)) = briefs
            .iter()
            .find(|(name, _)| std::fs::symlink_metadata(args.dir.join(name)).is_ok())
    {
        bail!(t!(
            lang,
            "teambriefs-export-exists",
            path = shown(&args.dir.join(name)).as_str()
        ));
    }
    for (name, text) in &briefs {
        let path = args.dir.join(name);
        write(&path, text.as_bytes(), args.force, lang)?;
        writeln!(
            out,
            "{}",
            t!(
                lang,
                "teambriefs-export-wrote",
                path = shown(&path).as_str()
            )
        )?;
    }
    writeln!(
        out,
        "{}",
        t!(
            lang,
            "teambriefs-export-summary",
            count = briefs.len() as i64,
            dir = dir.as_str()
        )
    )?;
    Ok(ExitStatus::Success)
}

/// The `*.toml` files of `dir` (not hidden ones, not in sub-folders), by name, with their
/// text. A file that cannot be read, or is not UTF-8, stops the import before anything is
/// written.
fn read_folder(dir: &Path, lang: Lang) -> anyhow::Result<Vec<(String, String)>> {
    let unreadable = |path: &Path, error: std::io::Error| {
        anyhow::anyhow!(t!(
            lang,
            "teambriefs-import-read",
            path = shown(path).as_str(),
            error = error.to_string()
        ))
    };
    let mut files: Vec<(String, PathBuf)> = std::fs::read_dir(dir)
        .map_err(|e| unreadable(dir, e))?
        .filter_map(Result::ok)
        .filter_map(|entry| Some((entry.file_name().into_string().ok()?, entry.path())))
        .filter(|(name, path)| name.ends_with(".toml") && !name.starts_with('.') && path.is_file())
        .collect();
    files.sort();
    files
        .into_iter()
        .map(|(name, path)| {
            let bytes = std::fs::read(&path).map_err(|e| unreadable(&path, e))?;
            let text = String::from_utf8(bytes).map_err(|e| {
                anyhow::anyhow!(t!(
                    lang,
                    "teambriefs-import-not-utf8",
                    path = shown(&path).as_str(),
                    at = e.utf8_error().valid_up_to().to_string()
                ))
            })?;
            Ok((name, text))
        })
        .collect()
}

/// The person `--author` names, by e-mail address (whatever its case).
fn person(store: &trekant_store::PgStore, email: &str, lang: Lang) -> anyhow::Result<User> {
    let people = store.users().map_err(|e| failed(&e, lang))?;
    match people
        .into_iter()
        .find(|p| p.email.eq_ignore_ascii_case(email.trim()))
    {
        Some(user) => Ok(user),
        None => bail!(t!(lang, "teambriefs-import-no-author", email = email)),
    }
}

/// Writes `path` whole or not at all; without `force`, never over a file that appeared since
/// the check (the temporary file is linked in only where no file is).
fn write(path: &Path, bytes: &[u8], force: bool, lang: Lang) -> anyhow::Result<()> {
    let cannot = |error: &dyn std::fmt::Display| {
        anyhow::anyhow!(t!(
            lang,
            "teambriefs-export-write",
            path = shown(path).as_str(),
            error = error.to_string()
        ))
    };
    if force {
        return crate::output::write_file(path, bytes, &[]).map_err(|e| cannot(&e));
    }
    let dir = path.parent().unwrap_or(Path::new("."));
    let mut file = tempfile::Builder::new()
        .prefix(".trekant-export.")
        .suffix(".tmp")
        .tempfile_in(dir)
        .map_err(|e| cannot(&e))?;
    file.write_all(bytes).map_err(|e| cannot(&e))?;
    file.as_file().sync_all().map_err(|e| cannot(&e))?;
    match file.persist_noclobber(path) {
        Ok(_) => Ok(()),
        Err(e) if e.error.kind() == std::io::ErrorKind::AlreadyExists => bail!(t!(
            lang,
            "teambriefs-export-exists",
            path = shown(path).as_str()
        )),
        Err(e) => Err(cannot(&e.error)),
    }
}

fn shown(path: &Path) -> String {
    path.display().to_string()
}
