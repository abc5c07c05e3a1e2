//! A brief's entity tag and the rule for `If-Match`, shared by the web's folder of briefs and
//! the team server's briefs in PostgreSQL, so a tag means the same text wherever it was read.

/// An entity tag from the content: FNV-1a over the bytes and their length, stable across
/// restarts and processes, so a page loaded before a restart (or from another `serve`
/// process) can still save.
pub fn etag_of(bytes: &[u8]) -> String {
    let mut hash: u64 = 0xcbf2_9ce4_8422_2325;
    for byte in bytes {
        hash ^= u64::from(*byte);
        hash = hash.wrapping_mul(0x0100_0000_01b3);
    }
    format!("\"{hash:016x}-{}\"", bytes.len())
}

/// Whether an `If-Match` value names `current`: the tag with or without quotes (or weak), one
/// of a comma-separated list, or `*`.
pub fn etags_match(if_match: &str, current: &str) -> bool {
    let wanted = if_match.trim();
    wanted == "*"
        || wanted.split(',').any(|tag| {
            tag.trim().trim_start_matches("W/").trim_matches('"') == current.trim_matches('"')
        })
}

/// The largest brief kept: a brief is a page of TOML, not a data file.
pub const MAX_BRIEF_BYTES: usize = 1024 * 1024;

/// Whether `name` may name a brief: a plain file name ending in `.toml` (no folders, no
/// hidden files, nothing a file system would refuse), so every brief in the database can be
/// exported as the file of that name.
pub fn is_brief_name(name: &str) -> bool {
    !name.is_empty()
        && name.len() <= 255
        && !name.starts_with('.')
        && !name.contains(['/', '\\', '\0', ':'])
        && !name.chars().any(char::is_control)
        && name.ends_with(".toml")
        && name.len() > ".toml".len()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_tag_names_the_bytes_and_if_match_takes_its_usual_forms() {
        let tag = etag_of(b"[project]\n");
        assert_eq!(tag, etag_of(b"[project]\n"));
        assert_ne!(tag, etag_of(b"[project] \n"));
        assert!(tag.starts_with('"') && tag.ends_with("-10\""), "{tag}");
        let bare = tag.trim_matches('"');
        for given in [
            tag.as_str(),
            bare,
            &format!("W/{tag}"),
            &format!("\"x\", {tag}"),
            "*",
        ] {
            assert!(etags_match(given, &tag), "{given}");
        }
        assert!(!etags_match("\"0000000000000000-10\"", &tag));
    }

    #[test]
    fn brief_names_are_plain_toml_file_names() {
        for good in ["kaffe.toml", "Kåre & co.toml", "a b.toml"] {
            assert!(is_brief_name(good), "{good}");
        }
        for bad in [
            "",
            ".toml",
            ".skjult.toml",
            "a/b.toml",
            "..\\a.toml",
            "a.txt",
            "c:a.toml",
            "a\n.toml",
        ] {
            assert!(!is_brief_name(bad), "{bad:?}");
        }
    }
}
