//! The folder of briefs the app serves. A brief's name is a file name inside the folder and
//! nothing else (no `/`, `\`, `..`, NUL, no symlink leading out); every read gives the text
//! with an entity tag; every write goes to a temporary file in the same folder, is synced and
//! renamed over the old one, and is refused when the file changed since the client read it.

use std::io::Write;
use std::path::{Path, PathBuf};
use std::sync::Mutex;

use trekant_store::etags_match;

use crate::error::ApiError;

/// An entity tag from the content, the same for a file and for a team server's brief.
pub use trekant_store::etag_of;

/// The largest brief the app reads or writes: a brief is a page of TOML, not a data file.
pub const MAX_BRIEF_BYTES: usize = trekant_store::MAX_BRIEF_BYTES;

#[derive(Debug)]
pub struct Folder {
    dir: PathBuf,
    /// Serialises check-then-write within this process, so two saves of one brief cannot
    /// both pass the entity-tag check.
    writes: Mutex<()>,
}

/// A brief as read: its text and entity tag.
#[derive(Clone, Debug)]
pub struct Read {
    pub text: String,
    pub etag: String,
}

impl Folder {
    /// The folder at `dir`, which must exist.
    pub fn open(dir: &Path) -> std::io::Result<Self> {
        let dir = dir.canonicalize()?;
        if !dir.is_dir() {
            return Err(std::io::Error::new(
                std::io::ErrorKind::NotADirectory,
                crate::tr!("web-start-not-a-folder", dir = dir.display().to_string()),
            ));
        }
        Ok(Folder {
            dir,
            writes: Mutex::new(()),
        })
    }

    pub fn dir(&self) -> &Path {
        &self.dir
    }

    /// The names of the briefs in the folder (`*.toml`), sorted.
    pub fn list(&self) -> Result<Vec<String>, ApiError> {
        let entries = std::fs::read_dir(&self.dir).map_err(|e| io_error(&self.dir, e))?;
        let mut names: Vec<String> = entries
            .filter_map(Result::ok)
            .filter_map(|entry| entry.file_name().into_string().ok())
            .filter(|name| check_name(name).is_ok())
            .filter(|name| self.path(name).is_ok_and(|p| p.is_file()))
            .collect();
        names.sort();
        Ok(names)
    }

    /// The file a name stands for; refuses names that are not a plain `.toml` file name, and
    /// files that lead out of the folder through a link.
    pub fn path(&self, name: &str) -> Result<PathBuf, ApiError> {
        check_name(name)?;
        let path = self.dir.join(name);
        match path.canonicalize() {
            Ok(real) if real.parent() != Some(self.dir.as_path()) => Err(not_found(name)),
            _ => Ok(path),
        }
    }

    /// The sender's logo a brief names (relative to the folder), as a `data:` URI for the
    /// offer. Only a file inside the folder is read, and only an image small enough
    /// (`brief::logo` checks it); anything else is a 422 saying why.
    pub fn logo(&self, logo: &str, lang: trekant_core::Lang) -> Result<String, ApiError> {
        use trekant_core::brief::logo;
        let unusable = |error: logo::LogoError| ApiError::unprocessable(error.describe(lang, logo));
        let real = self.dir.join(logo).canonicalize().map_err(|e| {
            unusable(logo::LogoError::Unreadable {
                reason: e.to_string(),
            })
        })?;
        if !real.starts_with(&self.dir) {
            return Err(unusable(logo::LogoError::Unreadable {
                reason: crate::tr!("web-error-logo-outside"),
            }));
        }
        let bytes = std::fs::read(&real).map_err(|e| {
            unusable(logo::LogoError::Unreadable {
                reason: e.to_string(),
            })
        })?;
        let kind = logo::check(&bytes).map_err(unusable)?;
        Ok(logo::data_uri(kind, &bytes))
    }

    pub fn read(&self, name: &str) -> Result<Read, ApiError> {
        let path = self.path(name)?;
        let bytes = match std::fs::read(&path) {
            Ok(bytes) => bytes,
            Err(e) if e.kind() == std::io::ErrorKind::NotFound => return Err(not_found(name)),
            Err(e) => return Err(io_error(&path, e)),
        };
        if bytes.len() > MAX_BRIEF_BYTES {
            return Err(ApiError::unprocessable(crate::tr!(
                "web-error-brief-too-large",
                name = name,
                mib = (MAX_BRIEF_BYTES / (1024 * 1024)).to_string()
            )));
        }
        let etag = etag_of(&bytes);
        let text = String::from_utf8(bytes).map_err(|e| {
            ApiError::unprocessable(crate::tr!(
                "web-error-file-not-utf8",
                name = name,
                at = e.utf8_error().valid_up_to().to_string()
            ))
        })?;
        Ok(Read { text, etag })
    }

    /// Replaces a brief's text if it still has the entity tag the client read.
    pub fn save(&self, name: &str, text: &str, if_match: &str) -> Result<String, ApiError> {
        let path = self.path(name)?;
        let _guard = self
            .writes
            .lock()
            .unwrap_or_else(|poisoned| poisoned.into_inner());
        let current = self.read(name)?;
        self.check_etag(name, if_match, &current.etag)?;
        write_atomically(&self.dir, &path, text.as_bytes(), true)?;
        Ok(etag_of(text.as_bytes()))
    }

    /// 412 unless `if_match` names the `current` entity tag.
    pub fn check_etag(&self, name: &str, if_match: &str, current: &str) -> Result<(), ApiError> {
        if etags_match(if_match, current) {
            return Ok(());
        }
        Err(ApiError::Changed {
            message: crate::tr!("web-error-changed", name = name),
            etag: current.to_owned(),
        })
    }

    /// Writes a new brief; 409 when one of that name exists.
    pub fn create(&self, name: &str, text: &str) -> Result<String, ApiError> {
        let path = self.path(name)?;
        let _guard = self
            .writes
            .lock()
            .unwrap_or_else(|poisoned| poisoned.into_inner());
        write_atomically(&self.dir, &path, text.as_bytes(), false)?;
        Ok(etag_of(text.as_bytes()))
    }
}

/// A brief name: a plain file name ending in `.toml`.
pub fn check_name(name: &str) -> Result<(), ApiError> {
    if trekant_store::is_brief_name(name) {
        Ok(())
    } else {
        Err(ApiError::BadRequest(crate::tr!(
            "web-error-bad-name",
            name = name.escape_debug().to_string()
        )))
    }
}

fn not_found(name: &str) -> ApiError {
    ApiError::NotFound(crate::tr!("web-error-no-brief", name = name))
}

fn io_error(path: &Path, error: std::io::Error) -> ApiError {
    ApiError::Internal(format!("{}: {error}", path.display()))
}

/// Temporary file in the same folder, synced, renamed over (or, with `replace` false, linked
/// to) the target, then the folder synced: a crash leaves the old file or the new one whole.
fn write_atomically(dir: &Path, path: &Path, bytes: &[u8], replace: bool) -> Result<(), ApiError> {
    let name = path.file_name().and_then(|n| n.to_str()).unwrap_or("");
    let mut file = tempfile::Builder::new()
        .prefix(&format!(".{name}."))
        .suffix(".tmp")
        .tempfile_in(dir)
        .map_err(|e| io_error(dir, e))?;
    file.write_all(bytes)
        .map_err(|e| io_error(file.path(), e))?;
    file.as_file()
        .sync_all()
        .map_err(|e| io_error(file.path(), e))?;
    let persisted = if replace {
        file.persist(path).map(|_| ())
    } else {
        file.persist_noclobber(path).map(|_| ())
    };
    if let Err(error) = persisted {
        if error.error.kind() == std::io::ErrorKind::AlreadyExists {
            return Err(ApiError::Conflict(crate::tr!(
                "web-error-exists",
                name = name
            )));
        }
        return Err(io_error(path, error.error));
    }
    if let Ok(folder) = std::fs::File::open(dir) {
        // Makes the rename itself durable; not every file system can sync a folder.
        let _ = folder.sync_all();
    }
    Ok(())
}
