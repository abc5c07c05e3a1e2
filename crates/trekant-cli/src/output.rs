//! Writing the files `-o` names: never over one of the command's inputs, and never a
//! half-written file where a good one was.

use std::io::Write as _;
use std::path::{Path, PathBuf};

use anyhow::{Context as _, bail};

/// Writes `bytes` to `path` all or nothing: into a temporary file in the same folder, synced
/// to disk, then renamed over `path`. A full disk or a size limit leaves the old file as it
/// was. Refuses when `path` is (by its real path, or by device and inode: a symbolic or hard
/// link) one of `inputs`.
pub fn write_file(path: &Path, bytes: &[u8], inputs: &[&Path]) -> anyhow::Result<()> {
    for input in inputs {
        if same_file(path, input) {
            bail!(
                "{} is {}, which this command reads; write the output to another file",
                path.display(),
                if path == *input {
                    "the input".to_owned()
                } else {
                    format!("a link to the input {}", input.display())
                }
            );
        }
    }
    let target = real_target(path);
    let dir = match target.parent() {
        Some(dir) if !dir.as_os_str().is_empty() => dir,
        _ => Path::new("."),
    };
    let name = target
        .file_name()
        .map_or_else(|| "output".into(), |n| n.to_string_lossy().into_owned());
    let prefix = format!(".{name}.");
    let mut builder = tempfile::Builder::new();
    builder.prefix(&prefix).suffix(".tmp");
    #[cfg(unix)]
    {
        use std::os::unix::fs::PermissionsExt as _;
        // What a plain create would give: the umask narrows it, an existing file keeps its own.
        let mode = std::fs::metadata(&target).map_or(0o666, |m| m.permissions().mode() & 0o7777);
        builder.permissions(std::fs::Permissions::from_mode(mode));
    }
    let cannot = || format!("cannot write {}", path.display());
    let mut file = builder.tempfile_in(dir).with_context(cannot)?;
    file.write_all(bytes).with_context(cannot)?;
    file.as_file().sync_all().with_context(cannot)?;
    file.persist(&target)
        .map_err(|e| e.error)
        .with_context(cannot)?;
    Ok(())
}

/// Where writing `path` lands: through a symbolic link to the file it names, so the link stays.
fn real_target(path: &Path) -> PathBuf {
    match std::fs::symlink_metadata(path) {
        Ok(meta) if meta.file_type().is_symlink() => {
            std::fs::canonicalize(path).unwrap_or_else(|_| path.to_path_buf())
        }
        _ => path.to_path_buf(),
    }
}

/// Whether two paths name one file: the same real path, or the same device and inode.
fn same_file(a: &Path, b: &Path) -> bool {
    if let (Ok(a), Ok(b)) = (std::fs::canonicalize(a), std::fs::canonicalize(b))
        && a == b
    {
        return true;
    }
    #[cfg(unix)]
    {
        use std::os::unix::fs::MetadataExt as _;
        if let (Ok(a), Ok(b)) = (std::fs::metadata(a), std::fs::metadata(b)) {
            return a.dev() == b.dev() && a.ino() == b.ino();
        }
    }
    false
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn writes_and_replaces_and_refuses_links_to_inputs() {
        let dir = tempfile::tempdir().unwrap();
        let input = dir.path().join("brief.toml");
        std::fs::write(&input, "brief").unwrap();
        let out = dir.path().join("out.md");
        write_file(&out, b"one", &[&input]).unwrap();
        write_file(&out, b"two", &[&input]).unwrap();
        assert_eq!(std::fs::read_to_string(&out).unwrap(), "two");
        assert!(write_file(&input, b"x", &[&input]).is_err());
        let hard = dir.path().join("hard.md");
        std::fs::hard_link(&input, &hard).unwrap();
        assert!(write_file(&hard, b"x", &[&input]).is_err());
        #[cfg(unix)]
        {
            let soft = dir.path().join("soft.md");
            std::os::unix::fs::symlink(&input, &soft).unwrap();
            assert!(write_file(&soft, b"x", &[&input]).is_err());
        }
        assert_eq!(std::fs::read_to_string(&input).unwrap(), "brief");
        // Only the output is left: no temporary files.
        let mut names: Vec<_> = std::fs::read_dir(dir.path())
            .unwrap()
            .map(|e| e.unwrap().file_name().into_string().unwrap())
            .collect();
        names.sort();
        assert_eq!(names, ["brief.toml", "hard.md", "out.md", "soft.md"]);
    }
}
