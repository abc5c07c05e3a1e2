//! **comparison-reference** (warning): the client points at something else instead of saying
//! what they want — "like Airbnb", "an Uber for dog walkers", "similar to", "in the style of";
//! ligesom, à la, i stil med, magen til, inspireret af.
//!
//! A reference is a good start and a bad specification. "Like Airbnb" may mean its look, its
//! search, its reviews, its payments — years of work by hundreds of people — or only its
//! photos. Find out which parts matter and which do not, and write those down instead.
//!
//! Choices made for precision: "like" counts only when a name, site or company follows it
//! ("like Airbnb's", "like www.kaffe.dk", "look like IKEA"), and never as a verb: "we would
//! like", "I'd like", "would you like", "we like" are left alone. "ligesom" likewise needs a
//! name after it ("ligesom Zalando", "ligesom hos Zalando"), since it also means "as" ("ligesom
//! vi aftalte"). "the same as" needs a name; "similar to this" and "à la carte" are skipped.
//! After a plural, "like" means "such as" and is left alone ("integrations like Mailchimp and
//! e-conomic" lists what is wanted). Holidays, months and weekdays are not references.
//! The finding takes in the name, so the question can name it.
//!
//! A name is a reference without a word for it, too: "LinkedIn, but for hairdressers", "the
//! Spotify of audiobooks", "Think Airbnb, but for boats", "a kind of Trustpilot for
//! tradespeople", "det skal være Netflix for kogebøger", "en slags Trustpilot", "siden skal
//! ligne Zalandos". "We use LinkedIn for recruiting" and "we sell on Amazon" are not
//! references: a name counts only after "be/is/være/er", "the … of", "think/tænk", "a kind
//! of/en slags", or before ", but for/bare for".
//!
//! Example:
//!
//! ```toml
//! text = "A booking site like Airbnb's"         # warning: which parts of Airbnb?
//! text = "Vi vil gerne have en webshop à la Zalando"   # warning
//! text = "We would like a booking calendar"     # fine: "like" is a verb here
//! ```

use std::ops::Range;
use std::sync::LazyLock;

use super::{Context, Rule};
use crate::diagnostic::{Diagnostic, Severity, Topic};
use crate::review::text::{Hit, Lexicon, Phrase, Words, find_all};

pub(crate) const RULE: Rule = Rule {
    code: "comparison-reference",
    severity: Severity::Warning,
    topic: Topic::Scope,
    check: Some(check),
};

/// Before "like", these make it a verb: "we would like", "I'd like", "they like".
const LIKE_AS_VERB: &[&str] = &[
    "would",
    "i'd",
    "we'd",
    "you'd",
    "they'd",
    "he'd",
    "she'd",
    "i",
    "we",
    "you",
    "they",
    "he",
    "she",
    "don't",
    "doesn't",
    "didn't",
    "do",
    "does",
    "did",
    "really",
    "also",
    "to",
    "might",
    "may",
    "will",
    "who",
    "should",
    "i'll",
    "we'll",
    "you'll",
    "they'll",
    "not",
    "people",
    "users",
    "customers",
    "clients",
    "kunder",
    "brugere",
];

static PHRASES: &[Phrase<()>] = &[
    // English
    Phrase::new("like", ())
        .not_before(LIKE_AS_VERB)
        .guard(like_a_reference),
    Phrase::new("similar to", ())
        .not_after(&[
            "this", "that", "these", "those", "what", "it", "them", "each", "one", "ours",
            "previous", "the",
        ])
        .guard(takes_reference),
    Phrase::new("the same ?look|design|feel|style|layout|functionality|features as", ())
        .guard(needs_reference),
    Phrase::new(
        "uber|airbnb|tinder|netflix|spotify|amazon|etsy|ebay|facebook|instagram|linkedin|pinterest|slack|trello|shopify|youtube|tiktok|wolt|vinted|zalando|google|yelp|trustpilot|duolingo|canva|figma|dropbox|wikipedia|booking.com|just-eat for",
        (),
    )
    .only_before(&["a", "an", "the", "en", "et", "som"]),
    Phrase::new("in the style of", ()).guard(takes_reference),
    Phrase::new("along the lines of", ()).guard(takes_reference),
    Phrase::new("inspired by", ()).guard(takes_reference),
    Phrase::new("modelled|modeled on|after", ()).guard(needs_reference),
    Phrase::new("a clone|copy|knockoff of", ()).guard(needs_reference),
    Phrase::new("a kind|sort|type of", ()).guard(needs_reference),
    Phrase::new("think", ()).guard(imperative_reference),
    Phrase::new("similar to the one|ones", ()).guard(name_within_three),
    // Danish
    Phrase::new("ligesom", ()).guard(needs_reference_maybe_via),
    Phrase::new("à|á|a la", ())
        .not_after(&["carte"])
        .guard(needs_a_word),
    Phrase::new("ala", ()).guard(needs_reference),
    Phrase::new("i stil med", ()).guard(takes_reference),
    Phrase::new("i samme stil som", ()).guard(takes_reference),
    Phrase::new("magen til", ()).guard(takes_reference),
    Phrase::new("inspireret af", ()).guard(takes_reference),
    Phrase::new("minder om", ()).guard(needs_reference),
    Phrase::new("ligner|ligne", ()).guard(needs_reference),
    Phrase::new("som hos|på", ()).guard(needs_reference),
    Phrase::new("efter forbillede af", ()).guard(takes_reference),
    Phrase::new("en kopi af", ()).guard(needs_reference),
    Phrase::new("en slags|type", ()).guard(needs_reference),
    Phrase::new("en form for", ()).guard(needs_reference),
    Phrase::new("tænk", ()).guard(imperative_reference),
];

static LEXICON: LazyLock<Lexicon<()>> = LazyLock::new(|| Lexicon::new(PHRASES));

/// Capitalised words that do not start a name.
const NOT_NAMES: &[&str] = &[
    "i",
    "i'd",
    "i'm",
    "i've",
    "i'll",
    "de",
    "den",
    "det",
    "christmas",
    "easter",
    "jul",
    "påske",
    "monday",
    "tuesday",
    "wednesday",
    "thursday",
    "friday",
    "saturday",
    "sunday",
    "january",
    "february",
    "march",
    "april",
    "may",
    "june",
    "july",
    "august",
    "september",
    "october",
    "november",
    "december",
];

/// The end of a reference that starts at word `i`: a site ("www.kaffe.dk", "https://…"), or
/// a name of up to four capitalised words ("Danske Bank", "Airbnb's", "IKEA").
fn reference_end(words: &Words, i: usize) -> Option<usize> {
    let first = words.after(i)?;
    if matches!(first, "http" | "https" | "www") {
        // The address runs across "://".
        return Some(if words.get(i + 1).is_some() {
            i + 2
        } else {
            i + 1
        });
    }
    if is_site(first) {
        return Some(i + 1);
    }
    let is_name_word = |j: usize| {
        words.get(j).is_some_and(|w| w.upper_initial) && !NOT_NAMES.contains(&words.norm(j))
    };
    if !is_name_word(i) {
        return None;
    }
    let mut end = i + 1;
    while end < i + 4 && words.after(end).is_some() && is_name_word(end) {
        end += 1;
    }
    Some(end)
}

/// "kaffe.dk", "www.airbnb.com": a dot, at least two letters before it, a top-level domain
/// after.
fn is_site(word: &str) -> bool {
    let Some((name, tld)) = word.rsplit_once('.') else {
        return false;
    };
    let label = name.rsplit('.').next().unwrap_or("");
    label.chars().filter(|c| c.is_alphanumeric()).count() >= 2
        && (2..=6).contains(&tld.chars().count())
        && tld.chars().all(char::is_alphabetic)
}

/// "like" before a name, except after a plural, where it means "such as" ("integrations
/// like Mailchimp" lists what is wanted; "a shop like Zalando's" compares).
fn like_a_reference(words: &Words, range: Range<usize>) -> Option<usize> {
    let such_as = words.before(range.start).is_some_and(|b| {
        b.len() > 3
            && b.ends_with('s')
            && !b.ends_with("ss")
            && !matches!(
                b,
                "looks" | "feels" | "seems" | "works" | "this" | "always" | "plus"
            )
    });
    if such_as {
        return None;
    }
    needs_reference(words, range)
}

/// A name or site must follow; the finding takes it in.
fn needs_reference(words: &Words, range: Range<usize>) -> Option<usize> {
    reference_end(words, range.end)
}

/// A name or site may follow; if it does, the finding takes it in.
fn takes_reference(words: &Words, range: Range<usize>) -> Option<usize> {
    Some(reference_end(words, range.end).unwrap_or(range.end))
}

/// "ligesom Zalando", "ligesom hos Zalando", "ligesom på www.x.dk".
fn needs_reference_maybe_via(words: &Words, range: Range<usize>) -> Option<usize> {
    reference_end(words, range.end).or_else(|| {
        matches!(words.after(range.end), Some("hos" | "på" | "i"))
            .then(|| reference_end(words, range.end + 1))
            .flatten()
    })
}

/// "à la" must be followed by something to be à la.
fn needs_a_word(words: &Words, range: Range<usize>) -> Option<usize> {
    words.after(range.end)?;
    takes_reference(words, range)
}

/// "Think Airbnb, but for boats": "think" opens the sentence ("we think Shopify works" is
/// an opinion).
fn imperative_reference(words: &Words, range: Range<usize>) -> Option<usize> {
    words.get(range.start)?.gap.sentence.then_some(())?;
    needs_reference(words, range)
}

/// "similar to the one Magasin has": a name within three words.
fn name_within_three(words: &Words, range: Range<usize>) -> Option<usize> {
    (range.end..range.end + 3)
        .take_while(|&j| words.after(j).is_some())
        .find_map(|j| {
            reference_end(words, j).filter(|_| !words.get(j).is_some_and(|w| w.gap.sentence))
        })
}

/// Services people compare with; a name at the start of a sentence counts only if it is
/// one of these or is written like a brand ("LinkedIn").
const BRANDS: &[&str] = &[
    "uber",
    "airbnb",
    "tinder",
    "netflix",
    "spotify",
    "amazon",
    "etsy",
    "ebay",
    "facebook",
    "instagram",
    "linkedin",
    "pinterest",
    "slack",
    "trello",
    "shopify",
    "youtube",
    "tiktok",
    "wolt",
    "vinted",
    "zalando",
    "google",
    "yelp",
    "trustpilot",
    "duolingo",
    "canva",
    "figma",
    "dropbox",
    "wikipedia",
    "booking.com",
    "just-eat",
    "dba",
    "momondo",
    "mobilepay",
];

/// Whether word `j` names a service: a known one, a word with a capital inside
/// ("LinkedIn"), or a capitalised word in mid-sentence.
fn names_a_service(words: &Words, raw: &str, j: usize) -> bool {
    let Some(word) = words.get(j) else {
        return false;
    };
    if BRANDS.contains(&words.norm(j)) {
        return true;
    }
    let written = raw.get(word.span.clone()).unwrap_or("");
    let inner_capital = written.chars().skip(1).any(char::is_uppercase) && !word.all_upper;
    word.upper_initial
        && !NOT_NAMES.contains(&words.norm(j))
        && (inner_capital || !word.gap.sentence)
}

/// A name used as a reference with no word for it: "LinkedIn, but for hairdressers", "the
/// Spotify of audiobooks", "det skal være Netflix for kogebøger". Word ranges.
fn bare_references(words: &Words, raw: &str) -> Vec<Range<usize>> {
    let mut found = Vec::new();
    let mut i = 0;
    while i < words.len() {
        let but_for = matches!(
            words.after(i + 1),
            Some("but" | "bare" | "just" | "only" | "men" | "kun")
        ) && words.after(i + 2) == Some("for");
        let the_x_of = words.before(i) == Some("the")
            && words.after(i + 1) == Some("of")
            && words.get(i + 2).is_some_and(|w| !w.upper_initial);
        let is_x_for = matches!(
            words.before(i),
            Some("be" | "is" | "være" | "er" | "bliver" | "become" | "som")
        ) && words.after(i + 1) == Some("for")
            && words
                .get(i + 2)
                .is_some_and(|w| !w.upper_initial && !w.gap.phrase);
        // The neighbours first: they rule out nearly every word, and are cheaper to ask.
        let end = if but_for || the_x_of {
            Some(i + 3)
        } else if is_x_for {
            Some(i + 2)
        } else {
            None
        }
        .filter(|_| names_a_service(words, raw, i));
        match end {
            Some(end) => {
                found.push(i..end);
                i = end;
            }
            None => i += 1,
        }
    }
    found
}

fn check(cx: &Context, out: &mut Vec<Diagnostic>) {
    let found = find_all(cx.scanned(), &LEXICON, |scanned, mut hits| {
        for words in bare_references(&scanned.words, scanned.text.raw) {
            if !hits
                .iter()
                .any(|h| h.words.start < words.end && words.start < h.words.end)
            {
                let span = scanned.words.span(&words);
                // Not a lexicon phrase: a word index no phrase has keeps it from folding
                // into the lexicon's findings.
                hits.push(Hit {
                    phrase: 0,
                    words,
                    span,
                    word: u16::MAX,
                });
            }
        }
        hits.sort_by_key(|h| h.words.start);
        hits
    });
    for f in found {
        out.push(RULE.quoting(
            cx.lang,
            f.span.clone(),
            &f.excerpt,
            "comparison-reference-message",
            "comparison-reference-question",
        ));
    }
}

#[cfg(test)]
mod tests {
    use crate::Lang;

    fn excerpts(text: &str, lang: Lang) -> Vec<String> {
        crate::review::rules::excerpts("comparison-reference", text, lang)
    }

    #[test]
    fn finds_references() {
        assert_eq!(
            excerpts(
                "A site like Airbnb's, an Uber for dogs, similar to www.rover.com.",
                Lang::En
            ),
            ["like Airbnb's", "Uber for", "similar to www.rover.com"]
        );
        assert_eq!(
            excerpts(
                "En webshop à la Zalando, ligesom hos Magasin, i stil med Hay.",
                Lang::Da
            ),
            ["à la Zalando", "ligesom hos Magasin", "i stil med Hay"]
        );
    }

    #[test]
    fn like_as_a_verb_is_not_a_reference() {
        for text in [
            "We would like Stripe payments. I'd like MobilePay. Would you like Figma files?",
            "We like Apple. It feels like a good fit, like we said.",
            "Vi vil gerne have det ligesom vi aftalte, à la carte.",
        ] {
            let lang = crate::lang::detect::detect(text).unwrap();
            assert_eq!(excerpts(text, lang), Vec::<String>::new(), "{text}");
        }
    }
}
