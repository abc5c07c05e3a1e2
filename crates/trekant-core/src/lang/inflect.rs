//! Words that must agree with what they describe. Danish adjectives take an -e in the plural
//! ("to sider, I synes er lækre"), so a question that quotes the client's adjective as a
//! predicate of something plural must use that form: "lækker" becomes "lækre",
//! "professionel" "professionelle", "flot" "flotte", while "moderne" stays as it is.

/// Forms the rules below would get wrong: doubled consonants after a short vowel, and
/// stressed endings.
const DANISH_PLURAL: &[(&str, &str)] = &[
    ("flot", "flotte"),
    ("smuk", "smukke"),
    ("let", "lette"),
    ("grøn", "grønne"),
    ("tyk", "tykke"),
    ("tynd", "tynde"),
    ("smart", "smarte"),
    ("slank", "slanke"),
    ("skarp", "skarpe"),
    ("stram", "stramme"),
    ("hip", "hippe"),
    ("fed", "fede"),
    ("ny", "nye"),
    ("fri", "frie"),
    ("blå", "blå"),
    ("grå", "grå"),
    ("sikker", "sikre"),
    ("lækker", "lækre"),
    ("lækkert", "lækre"),
    ("simpel", "simple"),
    ("enkel", "enkle"),
    ("fleksibel", "fleksible"),
    ("skalerbar", "skalerbare"),
    ("moden", "modne"),
    ("åben", "åbne"),
    ("super", "super"),
];

/// The plural (and definite) form of a Danish adjective: "lækker" → "lækre",
/// "professionel" → "professionelle", "brugervenlig" → "brugervenlige", "intuitiv" →
/// "intuitive", "moderne" → "moderne". A word already plural or in -e is left alone; so is
/// anything that is not a single word.
pub fn danish_plural(word: &str) -> String {
    let lower = word.to_lowercase();
    if word.is_empty() || !word.chars().all(char::is_alphabetic) {
        return word.to_string();
    }
    if let Some((_, plural)) = DANISH_PLURAL.iter().find(|(w, _)| *w == lower) {
        return keep_case(word, plural);
    }
    // Neuter -t: "professionelt", "brugervenligt", "intuitivt", "elegant" (no -t form).
    let base = if lower.ends_with("elt") || lower.ends_with("igt") || lower.ends_with("ivt") {
        &lower[..lower.len() - 1]
    } else {
        lower.as_str()
    };
    let plural = if base.ends_with('e') || base.ends_with('å') {
        base.to_string()
    } else if base.ends_with("nel") || base.ends_with("uel") || base.ends_with("ell") {
        // Stressed French -el: professionel, funktionel, individuel.
        format!("{}lle", base.trim_end_matches('l'))
    } else if let Some(stem) = base.strip_suffix("el").or_else(|| base.strip_suffix("er")) {
        // Unstressed -el and -er lose their e, and a doubled consonant before it goes single:
        // enkel → enkle, lækker → lækre, sikker → sikre.
        let ending = &base[stem.len() + 1..];
        let mut chars = stem.chars().rev();
        let stem = match (chars.next(), chars.next()) {
            (Some(a), Some(b)) if a == b && !"aeiouyæøå".contains(a) => {
                &stem[..stem.len() - a.len_utf8()]
            }
            _ => stem,
        };
        format!("{stem}{ending}e")
    } else {
        format!("{base}e")
    };
    keep_case(word, &plural)
}

/// `form` with the first letter in upper case if `word` had it.
fn keep_case(word: &str, form: &str) -> String {
    if word.chars().next().is_some_and(char::is_uppercase) {
        let mut chars = form.chars();
        chars
            .next()
            .map(|c| c.to_uppercase().chain(chars).collect())
            .unwrap_or_default()
    } else {
        form.to_string()
    }
}

#[cfg(test)]
mod tests {
    use super::danish_plural;

    #[test]
    fn danish_adjectives_in_the_plural() {
        for (one, many) in [
            ("lækker", "lækre"),
            ("lækkert", "lækre"),
            ("lækre", "lækre"),
            ("professionel", "professionelle"),
            ("professionelt", "professionelle"),
            ("professionelle", "professionelle"),
            ("funktionel", "funktionelle"),
            ("brugervenlig", "brugervenlige"),
            ("brugervenligt", "brugervenlige"),
            ("intuitiv", "intuitive"),
            ("intuitivt", "intuitive"),
            ("moderne", "moderne"),
            ("enkel", "enkle"),
            ("simpel", "simple"),
            ("flot", "flotte"),
            ("elegant", "elegante"),
            ("hurtig", "hurtige"),
            ("overskuelig", "overskuelige"),
            ("innovativ", "innovative"),
            ("stilren", "stilrene"),
            ("tapper", "tapre"),
            ("bitter", "bitre"),
            ("Lækker", "Lækre"),
            ("user-friendly", "user-friendly"),
        ] {
            assert_eq!(danish_plural(one), many, "{one}");
        }
    }
}
