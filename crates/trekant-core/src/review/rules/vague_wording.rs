//! **vague-wording** (warning): a word that means something different to every reader —
//! simple, modern, user-friendly, fast, intuitive, professional, scalable, secure, flexible,
//! clean, robust, seamless; enkel, moderne, brugervenlig, hurtig, intuitiv, professionel,
//! skalerbar, sikker, fleksibel, lækker, flot, smart, overskuelig.
//!
//! Such words sound like requirements but cannot be checked at delivery: the client's
//! "modern" is not yours, and "fast" has no number. Each one is a question to ask before the
//! price is set, or a dispute after. All inflected forms count (brugervenlig, brugervenlige,
//! brugervenligt; simple, simpler, simplest), in Danish and English alike.
//!
//! A word is left alone when a measure follows it in the same clause: a number with a unit
//! or a bound ("fast (pages load in under 2 s)", "hurtig: under 2 sekunder", "99.9 % uptime"),
//! or a named standard ("secure payment via Stripe (PCI-DSS)", "WCAG 2.1 AA"). Each measure
//! answers the nearest vague word before it, so "simple, modern and fast (under 2 s)" still
//! asks about "simple" and "modern". A security standard (FISMA, NIST, OWASP, PCI-DSS, ISO
//! 27001, 2FA) named anywhere in the text answers "secure" everywhere in it.
//!
//! Choices made for precision: a capitalised word in mid-sentence is taken as a name
//! ("Simple Analytics"); English "fast" is not read in Danish text, where it means "fixed"
//! ("fast pris"); "secure" and Danish "sikre" are skipped where they are verbs ("to secure
//! funding", "at sikre at"), as is "sikker på" ("sure of"); "professional services",
//! "professionel rådgivning" name a trade, not a quality; "en enkelt side" is "a single page";
//! "hurtigst muligt" and "en hurtig opgave" belong to `urgency` and `minimizing`, and so
//! does speed of delivery ("fast delivery", "leveret hurtigt": when, not how fast it loads). Words about
//! people ("a reliable developer", "en fleksibel partner"), words used as nouns ("hire a
//! professional") and flexibility offered ("we are flexible on the date") are left alone.
//!
//! Example:
//!
//! ```toml
//! text = "En moderne og brugervenlig webshop"      # warning ×2: what is modern, to whom?
//! text = "Fast: pages load in under 2 s on 4G"     # fine: a measure follows
//! text = "Den skal være hurtig (under 2 sekunder)"  # fine
//! ```

use std::ops::Range;
use std::sync::LazyLock;

use super::{Context, Rule};
use crate::diagnostic::{Diagnostic, Severity, Topic};
use crate::lang::Lang;
use crate::messages::Message;
use crate::review::text::{Hit, Lexicon, Phrase, Scanned, Words, find_all, without_names};

pub(crate) const RULE: Rule = Rule {
    code: "vague-wording",
    severity: Severity::Warning,
    topic: Topic::Scope,
    check: Some(check),
};

/// What a vague word is about, which decides the question to ask.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
enum Aspect {
    /// How it looks: modern, clean, lækker.
    Look,
    /// How easy it is to use: simple, intuitive, brugervenlig.
    Ease,
    /// How quick it is: fast, hurtig.
    Speed,
    /// How much it must carry and bend: scalable, flexible, robust.
    Scale,
    /// What it must protect: secure, sikker.
    Security,
    /// Quality in general: seamless, high quality.
    Quality,
}

use Aspect::*;

const VERB_BEFORE_EN: &[&str] = &[
    "to", "will", "must", "should", "can", "could", "would", "shall", "may", "might", "help",
    "helps", "we", "i", "they", "you",
];
const OBJECT_AFTER_EN: &[&str] = &[
    "the",
    "a",
    "an",
    "our",
    "your",
    "their",
    "its",
    "his",
    "her",
    "them",
    "us",
    "it",
    "this",
    "that",
    "these",
    "those",
    "funding",
    "approval",
    "approvals",
    "agreement",
    "resources",
    "commitment",
    "commitments",
    "buy-in",
    "support",
    "sign-off",
    "up",
    "out",
];
const VERB_BEFORE_DA: &[&str] = &[
    "at", "kan", "skal", "vil", "må", "bør", "kunne", "skulle", "ville", "burde", "for",
];
const OBJECT_AFTER_DA: &[&str] = &[
    "at",
    "sig",
    "os",
    "jer",
    "mig",
    "dig",
    "en",
    "et",
    "den",
    "det",
    "de",
    "dem",
    "god",
    "gode",
    "godt",
    "høj",
    "hurtig",
    "stabil",
    "korrekt",
    "mod",
    "fremtiden",
    "sammenhæng",
    "kvalitet",
    "overblik",
    "optimal",
    "bedre",
    "kunderne",
    "brugerne",
    "vores",
    "jeres",
    "sin",
    "sit",
    "sine",
    "alle",
    "fuld",
    "ro",
    "på",
];
const TRADE_AFTER: &[&str] = &[
    "services",
    "service",
    "experience",
    "experiences",
    "judgment",
    "judgement",
    "staff",
    "personnel",
    "development",
    "qualifications",
    "certification",
    "certifications",
    "license",
    "licence",
    "licensed",
    "licensure",
    "organization",
    "organizations",
    "organisation",
    "organisations",
    "association",
    "associations",
    "photographer",
    "photographers",
    "photos",
    "photography",
    "help",
    "advice",
    "translator",
    "translation",
    "copywriter",
    "engineer",
    "engineers",
    "engineering",
    "standards",
    "to",
    "ydelser",
    "rådgivning",
    "erfaring",
    "hjælp",
    "fotograf",
    "fotografer",
    "billeder",
    "fotos",
    "tekstforfatter",
    "oversætter",
    "oversættelse",
    "bistand",
    "rådgiver",
    "rådgivere",
    "distance",
    "manner",
    "conduct",
    "demeanor",
    "demeanour",
    "attire",
    "courtesy",
    "optræden",
];
/// Words after "simple"/"hurtig" that make it `minimizing` ("a simple little job").
const SMALL_WORK_AFTER: &[&str] = &[
    "little",
    "job",
    "task",
    "fix",
    "thing",
    "change",
    "changes",
    "tweak",
    "tweaks",
    "update",
    "favour",
    "favor",
    "lille",
    "opgave",
    "opgaver",
    "ændring",
    "ændringer",
    "rettelse",
    "rettelser",
    "justering",
    "justeringer",
    "tilføjelse",
    "tilføjelser",
    "opdatering",
    "opdateringer",
    "ting",
    "sag",
    "tjans",
    "muligt",
    "som",
];

static PHRASES: &[Phrase<Aspect>] = &[
    // Ease of use
    Phrase::new("simple{,r,st}|simpel~", Ease).not_after(SMALL_WORK_AFTER),
    Phrase::new("easy|easier|easy-to-use", Ease)
        .not_after(SMALL_WORK_AFTER)
        .guard(not_after_should_be),
    Phrase::new("user-friendly|userfriendly|user-friendliness", Ease),
    Phrase::new("user friendly", Ease),
    Phrase::new("intuitive{,ly}", Ease),
    Phrase::new("intuitiv{,e,t}", Ease),
    Phrase::new("brugervenlig{,e,t,hed}", Ease),
    Phrase::new("overskuelig{,e,t,hed}", Ease),
    Phrase::new("enkel|enkle|enklere", Ease).not_after(SMALL_WORK_AFTER),
    // "en enkelt side" is "a single page"; "hver enkelt" is "each one".
    Phrase::new("enkelt", Ease)
        .lang(Lang::Da)
        .not_before(&["en", "et", "hver", "hvert", "ingen", "eneste", "nogen"])
        .not_after(SMALL_WORK_AFTER),
    Phrase::new("nem|nemt|nemme|nemmere", Ease)
        .lang(Lang::Da)
        .not_after(SMALL_WORK_AFTER)
        .guard(not_after_should_be),
    Phrase::new(
        "let|lette|lettere at bruge|navigere|finde|opdatere|betjene|overskue",
        Ease,
    )
    .lang(Lang::Da),
    // Look
    Phrase::new("modern", Look),
    Phrase::new("moderne|modernere", Look),
    Phrase::new("clean{,er}", Look)
        .lang(Lang::En)
        .not_before(VERB_BEFORE_EN)
        .not_after(OBJECT_AFTER_EN),
    Phrase::new(
        "sleek|stylish|beautiful|eye-catching|state-of-the-art|cutting-edge",
        Look,
    ),
    Phrase::new("cutting edge", Look),
    Phrase::new("elegant{,e}", Look),
    Phrase::new("innovative", Look),
    Phrase::new("innovativ{,e,t}", Look),
    Phrase::new("professional", Look).not_after(TRADE_AFTER),
    Phrase::new("professionel{,t,le}", Look).not_after(TRADE_AFTER),
    Phrase::new("lækker~", Look),
    Phrase::new("flot|flotte", Look).lang(Lang::Da),
    Phrase::new("smart{,e}", Look)
        .not_after(&[
            "home",
            "homes",
            "tv",
            "phone",
            "phones",
            "watch",
            "contract",
            "contracts",
            "meter",
            "meters",
            "card",
            "city",
            "grid",
            "lock",
            "goals",
            "objectives",
        ])
        .guard(not_in_capitals),
    Phrase::new("stilren{,e,t}|tidssvarende|indbydende", Look),
    Phrase::new("nutidig{,e,t}", Look),
    Phrase::new("fresh look", Look),
    Phrase::new("frisk{,t} look|udtryk", Look),
    // Speed
    Phrase::new("fast{,er,est}", Speed)
        .lang(Lang::En)
        .not_before(&["as", "so", "how"])
        .not_after(&["track", "food", "lane", "as"])
        .guard(not_about_delivery),
    Phrase::new("hurtig{,e,t,ere,st,ste}", Speed)
        .lang(Lang::Da)
        .not_before(&["så", "hvor"])
        .not_after(SMALL_WORK_AFTER)
        .guard(not_about_delivery),
    Phrase::new(
        "lynhurtig{,e,t}|lightning-fast|snappy|performant|high-performance",
        Speed,
    ),
    Phrase::new("lightning fast", Speed),
    Phrase::new("high performance", Speed),
    // Scale
    Phrase::new(
        "scalable|skalerbar|skalerbare|skalerbart|scalability|skalerbarhed",
        Scale,
    ),
    // "we are flexible on the date" tells you something; it asks for nothing.
    Phrase::new(
        "flexible|fleksibel|fleksible|fleksibelt|flexibility|fleksibilitet",
        Scale,
    )
    .not_after(&[
        "on",
        "about",
        "with",
        "regarding",
        "around",
        "as",
        "med",
        "omkring",
        "ift",
        "mht",
        "på",
        "i",
    ]),
    Phrase::new("robust{,e}", Scale),
    Phrase::new(
        "future-proof|futureproof|fremtidssikret|fremtidssikre",
        Scale,
    ),
    Phrase::new("reliable", Scale).lang(Lang::En),
    Phrase::new("pålidelig{,e,t}|stabil{,e,t}", Scale).lang(Lang::Da),
    // Security
    Phrase::new("secure", Security)
        .not_before(VERB_BEFORE_EN)
        .not_after(OBJECT_AFTER_EN),
    Phrase::new("sikker", Security)
        .lang(Lang::Da)
        .not_after(&["på"]),
    Phrase::new("sikre", Security)
        .lang(Lang::Da)
        .not_before(VERB_BEFORE_DA)
        .not_after(OBJECT_AFTER_DA),
    // As an adverb "sikkert" is "probably"; it is the adjective after "være", "et", "meget".
    Phrase::new("sikkert", Security)
        .lang(Lang::Da)
        .only_before(&["være", "et", "mere", "meget", "helt", "og", "så"]),
    // Quality in general
    Phrase::new(
        "seamless{,ly}|sømløs{,e,t}|world-class|high-quality|engaging|engagerende",
        Quality,
    ),
    Phrase::new("high|top quality", Quality),
    Phrase::new("world class", Quality),
    Phrase::new("høj kvalitet", Quality),
    Phrase::new("optimal{,e,t}", Quality),
    // "comprehensive and complete documentation": a quality of documentation with no
    // contents or size said.
    Phrase::new(
        "comprehensive|complete|adequate|sufficient|thorough",
        Quality,
    )
    .lang(Lang::En)
    .guard(of_documentation),
    Phrase::new(
        "fyldestgørende|dækkende|passende|tilstrækkelig{,e,t}|grundig{,e,t}|udførlig{,e,t}|komplet{,te}",
        Quality,
    )
    .lang(Lang::Da)
    .guard(of_documentation),
];

static LEXICON: LazyLock<Lexicon<Aspect>> = LazyLock::new(|| Lexicon::new(PHRASES));

/// "it should be easy" is `minimizing`, not a quality asked for; "it should be easy to
/// update" is a quality asked for.
fn not_after_should_be(words: &Words, range: Range<usize>) -> Option<usize> {
    let be = words.before(range.start);
    let should = range.start.checked_sub(1).and_then(|i| words.before(i));
    let requirement = matches!(words.after(range.end), Some("to" | "at"));
    let minimizing = !requirement
        && matches!(be, Some("be" | "være"))
        && matches!(
            should,
            Some("should" | "shouldn't" | "would" | "burde" | "bør" | "skulle")
        );
    (!minimizing).then_some(range.end)
}

/// A quality of documentation: "documentation" within six words after, in the sentence,
/// and no list or appendix that says what it holds ("as listed in appendix A:").
fn of_documentation(words: &Words, range: Range<usize>) -> Option<usize> {
    let near: Vec<usize> = (range.end..(range.end + 6).min(words.len()))
        .take_while(|&j| !words.get(j).is_some_and(|w| w.gap.sentence))
        .collect();
    let doc = near.iter().copied().find(|&j| {
        let w = words.norm(j);
        w.starts_with("documentation") || w.starts_with("dokumentation")
    })?;
    let rest = (doc + 1..(doc + 8).min(words.len()))
        .take_while(|&j| !words.get(j).is_some_and(|w| w.gap.sentence));
    let listed = rest.into_iter().any(|j| {
        matches!(
            words.norm(j),
            "listed"
                | "below"
                | "following"
                | "appendix"
                | "annex"
                | "bilag"
                | "nedenfor"
                | "følgende"
        )
    }) || words.rest_after(doc).starts_with(':');
    (!listed).then_some(range.end)
}

/// Speed of delivery is `urgency` (when?), not speed of the product (load times): "fast
/// delivery", "delivered fast", "hurtig levering", "leveret hurtigt".
fn not_about_delivery(words: &Words, range: Range<usize>) -> Option<usize> {
    let delivery = words
        .after(range.end)
        .is_some_and(|w| w.starts_with("deliver") || w.starts_with("lever") || w == "turnaround")
        || words.before(range.start).is_some_and(|w| {
            w.starts_with("deliver")
                || w.starts_with("lever")
                || matches!(w, "done" | "finished" | "ready" | "færdig" | "klar")
        });
    (!delivery).then_some(range.end)
}

/// "SMART goals" is an acronym.
fn not_in_capitals(words: &Words, range: Range<usize>) -> Option<usize> {
    let capitals = words.get(range.start).is_some_and(|w| w.all_upper);
    (!capitals).then_some(range.end)
}

/// Words that bound a number: "under 2 s", "at most 3 clicks", "højst 2 sekunder".
const BOUNDS: &[&str] = &[
    "under",
    "below",
    "within",
    "max",
    "maximum",
    "most",
    "least",
    "min",
    "minimum",
    "over",
    "above",
    "than",
    "up",
    "less",
    "fewer",
    "højst",
    "maks",
    "maksimalt",
    "mindst",
    "end",
    "op",
    "inden",
];

/// Units that make a number a measure: "2 s", "500 ms", "3 klik", "10.000 brugere".
const UNITS: &[&str] = &[
    "s",
    "sec",
    "secs",
    "second",
    "seconds",
    "ms",
    "millisecond",
    "milliseconds",
    "minute",
    "minutes",
    "min",
    "mins",
    "hour",
    "hours",
    "h",
    "day",
    "days",
    "week",
    "weeks",
    "sek",
    "sekund",
    "sekunder",
    "millisekund",
    "millisekunder",
    "minut",
    "minutter",
    "time",
    "timer",
    "t",
    "dag",
    "dage",
    "uge",
    "uger",
    "users",
    "brugere",
    "visitors",
    "besøgende",
    "requests",
    "forespørgsler",
    "orders",
    "ordrer",
    "concurrent",
    "samtidige",
    "clicks",
    "click",
    "klik",
    "steps",
    "trin",
    "kb",
    "mb",
    "gb",
    "tb",
    "fps",
    "rps",
    "qps",
    "percent",
    "procent",
    "pct",
    "points",
    "point",
    "mbit",
    "mbps",
    "x",
];

/// Named standards that pin down a quality: "PCI-DSS", "WCAG 2.1 AA", "ISO 27001".
const STANDARDS: &[&str] = &[
    "wcag",
    "pci",
    "pci-dss",
    "iso",
    "owasp",
    "gdpr",
    "hipaa",
    "fedramp",
    "fisma",
    "nist",
    "soc",
    "soc2",
    "tls",
    "https",
    "ssl",
    "mfa",
    "2fa",
    "sso",
    "lighthouse",
    "lcp",
    "inp",
    "cls",
    "ttfb",
    "aa",
    "aaa",
    "sla",
    "oauth",
    "oauth2",
    "encryption",
    "encrypted",
    "kryptering",
    "krypteret",
];

/// Whether word `i` is a measure: a number with a unit or a bound, or a named standard.
fn is_measure(words: &Words, i: usize) -> bool {
    let norm = words.norm(i);
    if STANDARDS.contains(&norm)
        || STANDARDS.iter().any(|s| {
            norm.strip_prefix(s)
                .is_some_and(|rest| rest.starts_with(|c: char| c == '-' || c.is_ascii_digit()))
        })
    {
        return true;
    }
    if !norm.starts_with(|c: char| c.is_ascii_digit()) {
        return false;
    }
    // "2s", "200ms", "3sek"
    let unit = norm.trim_start_matches(|c: char| c.is_ascii_digit() || c == '.' || c == ',');
    if !unit.is_empty() && UNITS.contains(&unit) {
        return true;
    }
    let bound_before = (1..=2).any(|back| {
        i.checked_sub(back)
            .is_some_and(|j| BOUNDS.contains(&words.norm(j)))
    });
    let unit_after = words.after(i + 1).is_some_and(|next| UNITS.contains(&next));
    let percent = words.rest_after(i).trim_start().starts_with('%');
    bound_before || unit_after || percent
}

/// How many words after a vague word a measure may come and still answer it.
const MEASURE_REACH: usize = 15;

/// Drops the vague words a measure answers: each measure answers the nearest unanswered
/// vague word before it in the same clause.
fn unanswered(scanned: &Scanned, hits: Vec<Hit>) -> Vec<Hit> {
    let words = &scanned.words;
    let mut answered = vec![false; hits.len()];
    // Unanswered hits of the current clause, nearest last.
    let mut open: Vec<usize> = Vec::new();
    let mut next_hit = 0;
    for i in 0..words.len() {
        if words.get(i).is_some_and(|w| w.gap.clause) {
            open.clear();
        }
        if next_hit < hits.len() && hits[next_hit].words.start == i {
            open.push(next_hit);
            next_hit += 1;
            continue;
        }
        if open.is_empty() || !is_measure(words, i) {
            continue;
        }
        if let Some(h) = open.pop()
            && i <= hits[h].words.end + MEASURE_REACH
        {
            answered[h] = true;
        } else {
            open.clear();
        }
    }
    hits.into_iter()
        .zip(answered)
        .filter_map(|(hit, answered)| (!answered).then_some(hit))
        .collect()
}

/// People the client wants to hire: "a reliable developer" is about you, not the work.
const PEOPLE: &[&str] = &[
    "developer",
    "developers",
    "designer",
    "designers",
    "partner",
    "partners",
    "freelancer",
    "freelancers",
    "agency",
    "person",
    "people",
    "team",
    "supplier",
    "vendor",
    "contractor",
    "udvikler",
    "udviklere",
    "partner",
    "leverandør",
    "bureau",
    "samarbejdspartner",
    "webbureau",
    "konsulent",
    "consultant",
];

/// Drops uses about people and uses as a noun ("hire a professional", "en professionel").
fn about_the_work(scanned: &Scanned, hits: Vec<Hit>) -> Vec<Hit> {
    let words = &scanned.words;
    hits.into_iter()
        .filter(|hit| {
            let next = words.after(hit.words.end);
            let person = next.is_some_and(|n| PEOPLE.contains(&n));
            let noun = next.is_none()
                && matches!(
                    words.before(hit.words.start),
                    Some("a" | "an" | "en" | "et")
                );
            !person && !noun
        })
        .collect()
}

/// Whether a text names a standard that says what "secure" means: named anywhere in the
/// document, it answers the word ("a secure, reliable system" in the background, "FISMA
/// moderate, NIST 800-53" later).
fn names_security_standard(scanned: &Scanned) -> bool {
    let words = &scanned.words;
    (0..words.len()).any(|i| match words.norm(i) {
        "fisma" | "nist" | "fedramp" | "owasp" | "pci" | "pci-dss" | "hipaa" | "soc2" | "2fa"
        | "mfa" | "iso27001" => true,
        "iso" => words.after(i + 1) == Some("27001"),
        _ => false,
    })
}

fn check(cx: &Context, out: &mut Vec<Diagnostic>) {
    let security_pinned = cx.scanned().iter().any(names_security_standard);
    let found = find_all(cx.scanned(), &LEXICON, |scanned, mut hits| {
        if security_pinned {
            hits.retain(|hit| LEXICON.phrase(hit).tag != Security);
        }
        let hits = about_the_work(scanned, without_names(scanned, hits));
        unanswered(scanned, hits)
    });
    for f in found {
        let w = &f.quoted();
        let message = crate::msg!("vague-wording-message", w = w);
        out.push(RULE.at(f.span, message, Some(question(cx.lang, f.tag, w))));
    }
}

/// The question for a vague word; `w` is the quoted word (or, once questions merge, the
/// list of quoted words) and `count` how many there are, for the verb's number.
fn question(lang: Lang, aspect: Aspect, w: &str) -> Message {
    let id = match aspect {
        Look => "vague-wording-question-look",
        Ease => "vague-wording-question-ease",
        Speed => "vague-wording-question-speed",
        Scale => "vague-wording-question-scale",
        Security => "vague-wording-question-security",
        Quality => "vague-wording-question-quality",
    };
    super::quoted_question(lang, id, w)
}

#[cfg(test)]
mod tests {
    use crate::Lang;

    fn excerpts(text: &str, lang: Lang) -> Vec<String> {
        crate::review::rules::excerpts("vague-wording", text, lang)
    }

    #[test]
    fn finds_inflected_forms() {
        assert_eq!(
            excerpts(
                "Vi vil have en brugervenlig og moderne side med brugervenlige menuer.",
                Lang::Da
            ),
            ["brugervenlig", "moderne", "brugervenlige"]
        );
        assert_eq!(
            excerpts("A simple site, simpler than the old one.", Lang::En),
            ["simple", "simpler"]
        );
    }

    #[test]
    fn a_measure_answers_the_nearest_word() {
        assert!(excerpts("It must be fast (pages load in under 2 s).", Lang::En).is_empty());
        assert!(excerpts("Den skal være hurtig (under 2 sekunder).", Lang::Da).is_empty());
        assert!(excerpts("Secure payment via Stripe (PCI-DSS).", Lang::En).is_empty());
        assert_eq!(
            excerpts("A simple, modern and fast site (under 2 s).", Lang::En),
            ["simple", "modern"]
        );
        // A measure in the next sentence answers nothing.
        assert_eq!(
            excerpts("It must be fast. We have 3 000 users.", Lang::En),
            ["fast"]
        );
    }

    #[test]
    fn precision() {
        for text in [
            "We had breakfast and signed the contract to secure funding.",
            "We use Simple Analytics and Fast Company as references.",
            "Vi ønsker en fast pris og en enkelt side om ugen.",
            "Jeg er ikke sikker på, at vi kan sikre at alle får svar.",
            "We buy professional services from a licensed translator.",
            "Det skal gå hurtigst muligt, men det er en hurtig opgave.",
            "Set SMART goals for the campaign.",
        ] {
            let lang = crate::lang::detect::detect(text).unwrap();
            assert_eq!(excerpts(text, lang), Vec::<String>::new(), "{text}");
        }
    }
}
