//! Guessing the language of a client's text: Danish or English.
//!
//! Only words that belong to one of the two languages count. Words both languages use ("at",
//! "for", "to", "have", "her", "i", "men", "fast", "bare") say nothing: "Ready for launch at
//! the fair" is English, however Danish its "for" and "at" look. Letters æ, ø and å decide
//! only a tie, since English e-mails name Danish people and places ("Nørrebro").

use std::borrow::Cow;

use crate::lang::Lang;

/// Guesses the language of free text from its function words.
///
/// Used for client e-mails that carry no `language` setting; a brief says it outright.
/// Returns `None` when there is too little text to tell.
pub fn detect(text: &str) -> Option<Lang> {
    detect_words(
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

/// Like [`detect`], over words already cut out and in lower case.
pub(crate) fn detect_words<S: AsRef<str>>(words: impl Iterator<Item = S>) -> Option<Lang> {
    let (mut da, mut en, mut letters) = (0usize, 0usize, 0usize);
    for word in words.take(5_000) {
        let word = word.as_ref();
        match language_of(word) {
            Some(Lang::Da) => da += 1,
            Some(Lang::En) => en += 1,
            None => {
                if !word.is_ascii() && word.contains(['æ', 'ø', 'å']) {
                    letters += 1;
                }
            }
        }
    }
    match (da, en) {
        (0, 0) if letters > 0 => Some(Lang::Da),
        (0, 0) => None,
        (da, en) if da > en => Some(Lang::Da),
        (da, en) if da == en && letters > 0 => Some(Lang::Da),
        _ => Some(Lang::En),
    }
}

/// The language a lower-case word belongs to, when it belongs to one only.
fn language_of(word: &str) -> Option<Lang> {
    // A `match` rather than a list: this runs over every word of a long e-mail.
    match word {
        "og" | "det" | "er" | "en" | "et" | "til" | "på" | "med" | "vi" | "ikke" | "som"
        | "skal" | "har" | "kan" | "jeg" | "af" | "den" | "de" | "vores" | "jeres" | "gerne"
        | "også" | "meget" | "hvor" | "hvad" | "hvordan" | "hvornår" | "hvis" | "eller" | "mig"
        | "dig" | "os" | "jer" | "hej" | "tak" | "være" | "bliver" | "inden" | "lige" | "nogle"
        | "noget" | "kun" | "efter" | "kunne" | "ville" | "skulle" | "denne" | "dette"
        | "disse" | "sådan" | "lidt" | "mere" | "fra" | "om" | "vil" | "du" | "der" | "ved"
        | "nye" | "nyt" | "ny" | "brug" | "bruge" | "lave" | "hver" | "dag" | "uge" | "siden"
        | "så" | "får" | "tilbud" | "haster" | "hurtigt" => Some(Lang::Da),
        "the" | "and" | "of" | "we" | "is" | "with" | "that" | "it" | "our" | "you" | "be"
        | "are" | "can" | "this" | "will" | "should" | "would" | "could" | "an" | "in" | "a"
        | "on" | "or" | "from" | "by" | "your" | "my" | "me" | "us" | "what" | "when" | "how"
        | "which" | "who" | "they" | "there" | "here" | "do" | "does" | "need" | "want"
        | "like" | "just" | "please" | "thanks" | "thank" | "hi" | "hello" | "dear" | "some"
        | "only" | "but" | "if" | "get" | "next" | "week" | "was" | "has" | "been" | "not"
        | "no" | "any" | "about" | "into" | "than" | "then" | "looking" | "help" | "quick"
        | "ready" | "new" | "now" => Some(Lang::En),
        _ => None,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn detects_danish_and_english() {
        assert_eq!(
            detect("Vi skal have en ny hjemmeside, og den skal være klar til jul."),
            Some(Lang::Da)
        );
        assert_eq!(
            detect("We need a new website and it should be ready for Christmas."),
            Some(Lang::En)
        );
        assert_eq!(detect("1234 !!"), None);
    }

    #[test]
    fn at_and_for_are_not_danish() {
        assert_eq!(
            detect("Ready for launch at the fair: a page for booking, fast"),
            Some(Lang::En)
        );
    }
}
