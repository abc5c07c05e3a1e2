//! The two languages trekant speaks to freelancers and their clients: Danish and English.

pub mod detect;
pub mod inflect;

use serde::Serialize;

/// A language for messages, questions and proposals.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Hash, Serialize)]
#[serde(rename_all = "lowercase")]
pub enum Lang {
    Da,
    #[default]
    En,
}

impl Lang {
    /// Chooses the Danish or the English of a pair.
    pub fn pick<T>(self, da: T, en: T) -> T {
        match self {
            Lang::Da => da,
            Lang::En => en,
        }
    }

    /// The ISO 639-1 code, as the brief writes it.
    pub fn code(self) -> &'static str {
        self.pick("da", "en")
    }

    /// Reads `da` or `en` (case-insensitive); anything else is `None`.
    pub fn from_code(code: &str) -> Option<Lang> {
        match code.trim().to_ascii_lowercase().as_str() {
            "da" | "dk" | "danish" | "dansk" => Some(Lang::Da),
            "en" | "english" | "engelsk" => Some(Lang::En),
            _ => None,
        }
    }
}
