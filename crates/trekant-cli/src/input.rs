//! Reading the user's files: a brief, a client's text, the provider profile.

use std::path::{Path, PathBuf};

use anyhow::{Context as _, bail};
use trekant_core::brief::Profile;
use trekant_core::brief::logo::{self, ImageType, LogoError};
use trekant_core::brief::syntax;
use trekant_core::{Diagnostic, Lang};

/// A file read for review.
pub struct Source {
    /// The path as the user wrote it, for messages.
    pub name: String,
    pub text: String,
    /// Set when the file is not UTF-8: the text is then a lossy copy for showing the place.
    pub encoding_error: Option<Diagnostic>,
}

impl Source {
    /// Whether the file is a brief (TOML) rather than free text.
    pub fn is_brief(&self) -> bool {
        Path::new(&self.name)
            .extension()
            .is_some_and(|ext| ext.eq_ignore_ascii_case("toml"))
    }
}

/// Reads a file; a file that cannot be read at all is an error (exit 2).
pub fn read_source(path: &Path, lang: Option<Lang>) -> anyhow::Result<Source> {
    let name = path.display().to_string();
    if path.is_dir() {
        let lang = lang.unwrap_or_else(|| crate::args::output_lang(None));
        bail!(trekant_core::t!(
            lang,
            "error-is-a-directory",
            file = name.as_str()
        ));
    }
    let bytes = std::fs::read(path).with_context(|| {
        let lang = lang.unwrap_or_else(|| crate::args::output_lang(None));
        trekant_core::t!(lang, "error-cannot-read", file = name.as_str())
    })?;
    Ok(match String::from_utf8(bytes) {
        Ok(text) => Source {
            name,
            text,
            encoding_error: None,
        },
        Err(error) => {
            let valid_up_to = error.utf8_error().valid_up_to();
            let text = String::from_utf8_lossy(error.as_bytes()).into_owned();
            let lang = lang.unwrap_or_default();
            Source {
                name,
                encoding_error: Some(syntax::not_utf8(lang, valid_up_to)),
                text,
            }
        }
    })
}

/// The default profile path: `$XDG_CONFIG_HOME/trekant/profile.toml`, else
/// `~/.config/trekant/profile.toml`.
pub fn default_profile_path() -> Option<PathBuf> {
    let config = std::env::var_os("XDG_CONFIG_HOME")
        .filter(|v| !v.is_empty())
        .map(PathBuf::from)
        .or_else(|| std::env::var_os("HOME").map(|home| PathBuf::from(home).join(".config")))?;
    Some(config.join("trekant").join("profile.toml"))
}

/// The profile's `language`, when the profile (`--profile`, else the default one) can be read
/// and says one; a profile with errors says none here, and reports them when it is loaded.
pub fn profile_lang(explicit: Option<&Path>) -> Option<Lang> {
    let path = explicit
        .map(Path::to_path_buf)
        .or_else(default_profile_path)?;
    let text = std::fs::read_to_string(path).ok()?;
    trekant_core::brief::parse_profile(&text, Lang::default())
        .language
        .map(|l| l.value)
}

/// A loaded profile, or its errors to show.
pub enum LoadedProfile {
    None,
    Ok(Box<Profile>),
    Invalid(Box<Source>, Vec<Diagnostic>),
}

/// Loads the profile named with `--profile` (which must exist), else the default one (if any).
pub fn load_profile(explicit: Option<&Path>, lang: Lang) -> anyhow::Result<LoadedProfile> {
    let path = match explicit {
        Some(path) => path.to_path_buf(),
        None => match default_profile_path() {
            Some(path) if path.is_file() => path,
            _ => return Ok(LoadedProfile::None),
        },
    };
    let source = read_source(&path, Some(lang))
        .context(trekant_core::messages::text(lang, "error-profile"))?;
    if let Some(error) = source.encoding_error.clone() {
        return Ok(LoadedProfile::Invalid(Box::new(source), vec![error]));
    }
    let mut profile = trekant_core::review::review_profile(&source.text, lang);
    // A logo in the profile is relative to the profile: make it so for every brief, and
    // check it here, where an error can point into the profile.
    if let Some(name) = &mut profile.me.logo {
        let base = path.parent().unwrap_or(Path::new(""));
        let file = base.join(&name.value);
        if let Err(error) = read_logo(&file) {
            let shown = file.display().to_string();
            profile
                .diagnostics
                .push(logo::diagnostic(lang, &error, &shown, name.span.clone()));
        }
        name.value = file.display().to_string();
    }
    if profile.diagnostics.is_empty() {
        Ok(LoadedProfile::Ok(Box::new(profile)))
    } else {
        Ok(LoadedProfile::Invalid(
            Box::new(source),
            profile.diagnostics,
        ))
    }
}

/// Reads and checks a logo file (`me.logo`, already joined to the directory of the file that
/// names it).
pub fn read_logo(file: &Path) -> Result<(ImageType, Vec<u8>), LogoError> {
    let bytes = std::fs::read(file).map_err(|e| LogoError::Unreadable {
        reason: e.to_string(),
    })?;
    let kind = logo::check(&bytes)?;
    Ok((kind, bytes))
}
