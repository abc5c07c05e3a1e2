//! The two languages trekant speaks to freelancers and their clients: Danish and English.

use std::borrow::Cow;

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

    /// Guesses the language of free text by counting common function words.
    ///
    /// Used for client e-mails that carry no `language` setting; a brief says it outright.
    /// Returns `None` when there is too little text to tell.
    pub fn detect(text: &str) -> Option<Lang> {
        Lang::detect_words(
            text.split(|c: char| !c.is_alphabetic())
                .filter(|w| !w.is_empty())
                .map(|w| {
                    if w.chars().any(char::is_uppercase) {
                        Cow::Owned(w.to_lowercase())
                    } else {
                        Cow::Borrowed(w)
                    }
                }),
        )
    }

    /// Like [`Lang::detect`], over words already cut out and in lower case.
    pub(crate) fn detect_words<S: AsRef<str>>(words: impl Iterator<Item = S>) -> Option<Lang> {
        let (mut da, mut en) = (0usize, 0usize);
        for word in words.take(5_000) {
            let word = word.as_ref();
            // A `match` rather than a list: this runs over every word of a long e-mail.
            match word {
                "og" | "at" | "det" | "er" | "en" | "til" | "på" | "med" | "vi" | "ikke"
                | "som" | "skal" | "har" | "kan" | "jeg" | "af" | "den" | "for" | "de"
                | "vores" | "gerne" | "også" | "meget" | "hvor" => da += 1,
                "the" | "and" | "to" | "of" | "we" | "is" | "with" | "that" | "it" | "our"
                | "you" | "be" | "are" | "can" | "this" | "will" | "should" | "have" | "would"
                | "an" | "in" => en += 1,
                _ => {}
            }
            if !word.is_ascii() && word.contains(['æ', 'ø', 'å']) {
                da += 1;
            }
        }
        match (da, en) {
            (0, 0) => None,
            (da, en) if da > en => Some(Lang::Da),
            _ => Some(Lang::En),
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn detects_danish_and_english() {
        assert_eq!(
            Lang::detect("Vi skal have en ny hjemmeside, og den skal være klar til jul."),
            Some(Lang::Da)
        );
        assert_eq!(
            Lang::detect("We need a new website and it should be ready for Christmas."),
            Some(Lang::En)
        );
        assert_eq!(Lang::detect("1234 !!"), None);
    }
}
