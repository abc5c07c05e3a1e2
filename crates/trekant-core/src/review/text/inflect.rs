//! Danish adjective inflection, for lexicon entries written with a `~` (`lækker~`): the base
//! form gives every form the adjective takes — lækker, lækkert, lækre, lækrere, lækreste.
//!
//! Why own rules and not a stemmer: a stemmer (Snowball Danish in `rust-stemmers`) cuts
//! every word of the text at review time, and it cuts senses together — "sikre" the verb
//! (*ensure*) and "sikre" the adjective (*secure*) share a stem, and "enkelt" (*single*) and
//! "enkel" (*simple*) nearly do — while the wording rules need to tell them apart. Generating
//! the forms of each lexicon entry once, when the lexicon is built, costs nothing per word
//! of text and matches exactly what it generates. Forms that are not Danish words ("flote")
//! may come out too; they never occur, so they never match.

/// The forms of the Danish adjective `base` (indefinite common singular).
pub(crate) fn danish_adjective(base: &str) -> Vec<String> {
    let mut forms = vec![base.to_owned()];
    let mut push = |form: String| {
        if !forms.contains(&form) {
            forms.push(form);
        }
    };
    if base.ends_with('e') {
        // moderne, stille: the same in every form, and compared with "mere".
        return forms;
    }
    let chars: Vec<char> = base.chars().collect();
    let n = chars.len();
    // Stems that take the vowel endings -e, -ere, -est, -este.
    let mut stems = Vec::new();
    let contracts = n >= 4
        && matches!(chars[n - 1], 'l' | 'r' | 'n')
        && chars[n - 2] == 'e'
        && !is_vowel(chars[n - 3]);
    if contracts {
        // simpel → simpl-, enkel → enkl-, lækker → lækr-, sikker → sikr-.
        let mut stem: Vec<char> = chars[..n - 2].to_vec();
        if stem.len() >= 2 && stem[stem.len() - 1] == stem[stem.len() - 2] {
            stem.pop();
        }
        stem.push(chars[n - 1]);
        stems.push(stem.into_iter().collect::<String>());
        // A stressed last syllable does not contract (stilren → stilrene), and the spelling
        // does not tell which it is: both stems are made.
        stems.push(base.to_owned());
    } else {
        stems.push(base.to_owned());
        // flot → flotte, smuk → smukke: a short vowel doubles the consonant after it. The
        // vowel's length is not written, so both forms are made.
        let one_vowel = chars.iter().filter(|&&c| is_vowel(c)).count() == 1;
        if one_vowel && n >= 2 && !is_vowel(chars[n - 1]) && is_vowel(chars[n - 2]) {
            stems.push(format!("{base}{}", chars[n - 1]));
        }
    }
    // The neuter: lækkert, hurtigt, flot (already ends in t); not after -sk (fantastisk).
    if !base.ends_with('t') && !base.ends_with("sk") {
        push(format!("{base}t"));
    }
    let gradable = !base.ends_with("sk");
    for stem in stems {
        push(format!("{stem}e"));
        if gradable {
            push(format!("{stem}ere"));
            let superlative = if base.ends_with("ig") || base.ends_with("lig") {
                // hurtigst, brugervenligst
                format!("{stem}st")
            } else {
                format!("{stem}est")
            };
            push(format!("{superlative}e"));
            push(superlative);
        }
    }
    forms
}

fn is_vowel(c: char) -> bool {
    matches!(c, 'a' | 'e' | 'i' | 'o' | 'u' | 'y' | 'æ' | 'ø' | 'å')
}

#[cfg(test)]
mod tests {
    use super::*;

    fn has(base: &str, forms: &[&str]) {
        let made = danish_adjective(base);
        for form in forms {
            assert!(
                made.iter().any(|m| m == form),
                "{base}: no {form} in {made:?}"
            );
        }
    }

    #[test]
    fn inflects_regular_and_contracting_adjectives() {
        has(
            "lækker",
            &["lækker", "lækkert", "lækre", "lækrere", "lækreste"],
        );
        has(
            "simpel",
            &["simpel", "simpelt", "simple", "simplere", "simpleste"],
        );
        has("enkel", &["enkel", "enkle", "enklere", "enkleste"]);
        has("sikker", &["sikker", "sikkert", "sikre", "sikrere"]);
        has(
            "hurtig",
            &[
                "hurtig",
                "hurtigt",
                "hurtige",
                "hurtigere",
                "hurtigst",
                "hurtigste",
            ],
        );
        has("brugervenlig", &["brugervenlige", "brugervenligt"]);
        has("flot", &["flot", "flotte", "flottere", "flotteste"]);
        has("stilren", &["stilren", "stilrent", "stilrene"]);
        assert_eq!(danish_adjective("moderne"), ["moderne"]);
        has("fantastisk", &["fantastisk", "fantastiske"]);
        assert!(!danish_adjective("fantastisk").contains(&"fantastiskt".to_owned()));
    }
}
