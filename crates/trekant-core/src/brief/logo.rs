//! The sender's logo: which images an offer may embed, checked on the file's bytes.
//!
//! The core reads no files: the front end reads the logo named by `me.logo` and asks
//! [`check`] whether the bytes are an image small enough to embed in the HTML.

/// The largest logo embedded (as a data URI it grows by a third, in every offer).
pub const MAX_BYTES: usize = 512 * 1024;

/// The image formats a logo may have.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum ImageType {
    Png,
    Jpeg,
    Svg,
}

impl ImageType {
    pub fn mime(self) -> &'static str {
        match self {
            ImageType::Png => "image/png",
            ImageType::Jpeg => "image/jpeg",
            ImageType::Svg => "image/svg+xml",
        }
    }
}

/// Why a logo cannot be used.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum LogoError {
    /// The file could not be read (the front end says why, e.g. "No such file").
    Unreadable {
        reason: String,
    },
    Empty,
    TooLarge {
        bytes: usize,
    },
    NotAnImage,
}

impl LogoError {
    /// What is wrong and what to do, in `lang`, for a located error at `me.logo`.
    pub fn describe(&self, lang: crate::lang::Lang, file: &str) -> String {
        match self {
            LogoError::Unreadable { reason } => {
                crate::t!(
                    lang,
                    "offer-logo-unreadable",
                    file = file,
                    reason = reason.as_str()
                )
            }
            LogoError::Empty | LogoError::NotAnImage => {
                crate::t!(lang, "offer-logo-not-image", file = file)
            }
            LogoError::TooLarge { bytes } => crate::t!(
                lang,
                "offer-logo-too-large",
                file = file,
                size = (bytes / 1024).to_string(),
                max = (MAX_BYTES / 1024).to_string(),
            ),
        }
    }
}

/// The located error (`schema`) for a logo written at `span` of the brief or profile.
pub fn diagnostic(
    lang: crate::lang::Lang,
    error: &LogoError,
    file: &str,
    span: crate::span::Span,
) -> crate::diagnostic::Diagnostic {
    super::schema::bad_value(lang, "me.logo", error.describe(lang, file), span)
}

/// The logo's type, from its bytes (not its name): PNG and JPEG by their signature, SVG by
/// an `<svg` element near the start of a UTF-8 text.
pub fn check(bytes: &[u8]) -> Result<ImageType, LogoError> {
    if bytes.is_empty() {
        return Err(LogoError::Empty);
    }
    if bytes.len() > MAX_BYTES {
        return Err(LogoError::TooLarge { bytes: bytes.len() });
    }
    if bytes.starts_with(b"\x89PNG\r\n\x1a\n") {
        return Ok(ImageType::Png);
    }
    if bytes.starts_with(&[0xFF, 0xD8, 0xFF]) {
        return Ok(ImageType::Jpeg);
    }
    let head = &bytes[..bytes.len().min(4096)];
    let text = match std::str::from_utf8(head) {
        Ok(text) => text,
        // The cut may fall inside a character.
        Err(e) => std::str::from_utf8(&head[..e.valid_up_to()]).unwrap_or_default(),
    };
    if text.contains("<svg") && std::str::from_utf8(bytes).is_ok() {
        return Ok(ImageType::Svg);
    }
    Err(LogoError::NotAnImage)
}

/// The logo as a `data:` URI for an `<img src>`.
pub fn data_uri(kind: ImageType, bytes: &[u8]) -> String {
    format!("data:{};base64,{}", kind.mime(), base64(bytes))
}

/// Standard base64 with padding (RFC 4648): a dozen lines, not a dependency.
fn base64(bytes: &[u8]) -> String {
    const ALPHABET: &[u8; 64] = b"ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/";
    let mut out = String::with_capacity(bytes.len().div_ceil(3) * 4);
    for chunk in bytes.chunks(3) {
        let b = [
            chunk[0],
            *chunk.get(1).unwrap_or(&0),
            *chunk.get(2).unwrap_or(&0),
        ];
        let n = u32::from(b[0]) << 16 | u32::from(b[1]) << 8 | u32::from(b[2]);
        for k in 0..4 {
            if k <= chunk.len() {
                out.push(char::from(ALPHABET[(n >> (18 - 6 * k) & 63) as usize]));
            } else {
                out.push('=');
            }
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn knows_images_by_their_bytes() {
        assert_eq!(check(b"\x89PNG\r\n\x1a\n rest"), Ok(ImageType::Png));
        assert_eq!(check(&[0xFF, 0xD8, 0xFF, 0xE0, 0]), Ok(ImageType::Jpeg));
        let svg = br#"<?xml version="1.0"?><svg xmlns="http://www.w3.org/2000/svg"/>"#;
        assert_eq!(check(svg), Ok(ImageType::Svg));
        assert_eq!(check(b"hello"), Err(LogoError::NotAnImage));
        assert_eq!(check(b""), Err(LogoError::Empty));
        let big = vec![0x89; MAX_BYTES + 1];
        assert_eq!(
            check(&big),
            Err(LogoError::TooLarge {
                bytes: MAX_BYTES + 1
            })
        );
    }

    #[test]
    fn makes_a_data_uri() {
        assert_eq!(
            data_uri(ImageType::Png, b"ab"),
            "data:image/png;base64,YWI="
        );
        assert_eq!(base64(b"abc"), "YWJj");
        assert_eq!(base64(b"a"), "YQ==");
        assert_eq!(base64(b"foobar"), "Zm9vYmFy");
    }
}
