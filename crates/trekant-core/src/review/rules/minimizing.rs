//! **minimizing** (warning): words that make the work sound smaller than it is — "just",
//! "only a small", "a quick job", "a simple little site", "shouldn't take long"; bare, blot,
//! lige, "en lille ændring", "en hurtig opgave", "småting", "det burde være nemt".
//!
//! The size of the job said as a time counts too, with no trigger word: "a couple of hours'
//! work", "a weekend job", "an afternoon's work", "for a pro", "all you have to do is",
//! "shouldn't take more than a day"; "et par timers arbejde", "en formiddagsopgave", "det
//! klarer du nok på en weekend", "det burde ikke tage mere end en dag".
//!
//! A client who writes "just a small webshop" has already set a price in their head, and it
//! is low. Minimizing words hide the work nobody has thought of yet (content, testing,
//! integrations, launch), and they make it awkward to quote what the job really takes. Ask
//! what is included, and say what is not, before the estimate.
//!
//! Choices made for precision: "just" is skipped where it means "recently" or "exactly"
//! ("we have just launched", "just in time", "just as", "just like"; "just-in-time" is one
//! word), and "not just" is the opposite of minimizing. Danish "lige" is only read as
//! "just" where it softens a request — after a modal verb or an imperative ("kan du lige",
//! "skal lige", "lav lige"), after "bare"/"kun", or before a verb of doing ("lige lave",
//! "lige hurtigt") — never as "equal" or "right" ("lige så", "lige nu", "lige efter").
//! "lille" and "små" count only before a word for work ("en lille ændring", "små
//! rettelser"), so "en lille virksomhed" and names ("Lille Mølle") are left alone; "bare"
//! and "blot" only in Danish text, and not after "ikke", nor in "LinkedIn, bare for
//! frisører" (a comparison). "a couple of hours' kick-off meeting" and "the workshop takes
//! an afternoon" are not about the size of the work.
//!
//! Example:
//!
//! ```toml
//! text = "Kan du lige lave en lille ændring på forsiden?"   # warning: "lige", "lille ændring"
//! text = "It's just a simple little site"                    # warning: "just", "simple little"
//! ```

use std::ops::Range;
use std::sync::LazyLock;

use super::{Context, Rule};
use crate::diagnostic::{Diagnostic, Severity, Topic};
use crate::lang::Lang;
use crate::review::text::{Lexicon, Phrase, Words, find_all, without_names};

pub(crate) const RULE: Rule = Rule {
    code: "minimizing",
    severity: Severity::Warning,
    topic: Topic::Scope,
    check: Some(check),
};

/// After "just" these mean "exactly", "recently" or "only then", not "merely".
const JUST_NOT_AFTER: &[&str] = &[
    "in", "as", "like", "right", "now", "then", "before", "after", "about", "when", "because",
    "enough", "below", "above", "under", "over", "outside", "inside", "around", "across", "beyond",
    "past", "so", "fine", "how", "what", "where", "why", "who", "which", "recently", "to", "got",
    "had", "began", "begun", "came", "come", "made", "bought", "sold", "won", "took", "taken",
    "saw", "seen", "heard", "found", "went", "gone", "left", "built", "sent", "became", "become",
    "done", "been", "set",
];

/// Builds a pattern of a lead-in and a Danish word for a task ("opgave", "ændring").
macro_rules! task {
    ($lead:literal) => {
        concat!(
            $lead,
            "opgave{,r}|ændring{,er}|rettelse{,r}|justering{,er}|tilføjelse{,r}|opdatering{,er}|ting|job|fix|sag|tjans"
        )
    };
}

/// Like `task!`, also taking in what is built ("side", "webshop"): "en lille hjemmeside".
macro_rules! work {
    ($lead:literal) => {
        concat!(task!($lead), "|side|sider|hjemmeside|webshop|app|projekt")
    };
}

static PHRASES: &[Phrase<()>] = &[
    // English
    Phrase::new("just", ())
        .lang(Lang::En)
        .not_before(&[
            "not", "have", "has", "had", "we've", "i've", "they've", "you've", "fair", "and",
        ])
        .not_after(JUST_NOT_AFTER)
        .guard(not_past_tense),
    Phrase::new("merely", ()),
    Phrase::new("only a|an small|little|few|quick|couple|tiny|minor", ()),
    Phrase::new("only need{,s}|want{,s}|take{,s}|require{,s}", ()),
    Phrase::new(
        "quick|small|little|tiny|easy|simple|trivial job|fix|task|thing|change{,s}|tweak{,s}|update|favour|favor",
        (),
    ),
    Phrase::new("little|nice|quick website|site|app|project", ())
        .only_before(&["a", "just", "only", "simple", "small", "quick"]),
    Phrase::new("simple|nice|quick little", ()),
    Phrase::new("quick and easy|simple|dirty", ()),
    // "should be easy to update" asks for a quality (`vague-wording`); without "to" it is
    // about the work.
    Phrase::new(
        "should|would be easy|quick|simple|straightforward|trivial",
        (),
    )
    .not_after(&["to"]),
    Phrase::new("shouldn't|won't|wouldn't|doesn't take long", ()),
    Phrase::new("should|will|would|does not take long", ()),
    // The size of the job said as a time, in the client's words.
    Phrase::new("couple|few of hours|minutes work|job{,s}", ()),
    Phrase::new(
        "hour's|afternoon's|morning's|evening's|day's|weekend's|minute's work|job",
        (),
    ),
    Phrase::new(
        "afternoon|weekend|evening|morning|lunchtime job|project|task|thing",
        (),
    )
    .only_before(&["a", "an", "one"]),
    Phrase::new("for a pro", ()),
    Phrase::new("for someone|somebody like you", ()),
    Phrase::new("for a professional like you", ()),
    Phrase::new("all you|we have|need to do is", ()),
    Phrase::new("shouldn't|won't|wouldn't|doesn't take more|longer than", ()),
    Phrase::new("should|will|would|does not take more|longer than", ()),
    Phrase::new("hours|days|minutes at most|tops", ()).only_before(&["of", "few", "couple"]),
    Phrase::new("nothing fancy", ()),
    Phrase::new("no big deal", ()),
    Phrase::new("piece of cake", ()),
    // Danish
    Phrase::new("bare", ())
        .lang(Lang::Da)
        .not_before(&["ikke"])
        .guard(not_a_comparison)
        // "ligesom X, bare pænere": "only prettier" compares, it does not shrink the work.
        .not_after(&[
            "fordi",
            "rolig",
            "ved",
            "pænere",
            "bedre",
            "større",
            "flottere",
            "hurtigere",
            "billigere",
            "nemmere",
            "enklere",
            "mere",
            "mindre",
            "federe",
            "lækrere",
        ]),
    Phrase::new("blot", ())
        .lang(Lang::Da)
        .not_before(&["ikke"])
        .not_after(&["fordi"]),
    Phrase::new("lige", ()).lang(Lang::Da).guard(lige_softens),
    Phrase::new(work!("lille ?hurtig|simpel|enkel|nem "), ()),
    Phrase::new(work!("små ?hurtige|simple|enkle|nemme "), ()),
    Phrase::new(task!("en|et hurtig|simpel|enkel|nem|let "), ()),
    Phrase::new(
        task!("hurtig|hurtige|simpel|simple|enkel|enkle|nem|nemme "),
        (),
    ),
    Phrase::new(
        "småting|småændring{,er}|smårettelse{,r}|småjustering{,er}|småopgave{,r}|ligetil",
        (),
    ),
    Phrase::new("kun en|et lille|hurtig|simpel|enkel|par", ()),
    Phrase::new(
        "burde|bør|skulle være nemt|let|hurtigt|enkelt|simpelt|ligetil",
        (),
    )
    .not_after(&["at"]),
    Phrase::new("tager ikke lang|lange tid", ()),
    Phrase::new("par|få timers|minutters arbejde|job|opgave", ()),
    Phrase::new(
        "formiddagsopgave|eftermiddagsopgave|weekendopgave|aftenopgave|weekendprojekt|formiddagsjob|eftermiddagsjob|weekendjob",
        (),
    ),
    Phrase::new(
        "klarer|klare du|i|man ?nok ?let på en|et weekend|formiddag|eftermiddag|aften|dag|time|par",
        (),
    ),
    Phrase::new("for en som dig|jer", ()),
    Phrase::new("burde|bør|skulle ikke tage mere|længere end", ()),
    Phrase::new("tager|tage ?kun ?højst|max|maks et|en par|få|time|dag", ()),
    Phrase::new("ikke det store", ()),
    Phrase::new("ingen|ikke ?nogen stor sag", ()),
];

static LEXICON: LazyLock<Lexicon<()>> = LazyLock::new(|| Lexicon::new(PHRASES));

/// "LinkedIn, bare for frisører" compares (`comparison-reference`), it does not shrink.
fn not_a_comparison(words: &Words, range: Range<usize>) -> Option<usize> {
    let after_name = range
        .start
        .checked_sub(1)
        .and_then(|j| words.get(j))
        .is_some_and(|w| w.upper_initial)
        && words.before(range.start).is_some();
    (!(after_name && words.after(range.end) == Some("for"))).then_some(range.end)
}

/// "we just launched": a verb in the past after "just" makes it "recently".
fn not_past_tense(words: &Words, range: Range<usize>) -> Option<usize> {
    let next = words.after(range.end).unwrap_or("");
    let past = next.len() > 4 && next.ends_with("ed") && !next.ends_with("eed");
    (!past).then_some(range.end)
}

/// Modal verbs and imperatives after which Danish "lige" softens a request.
const LIGE_AFTER: &[&str] = &[
    "bare", "kun", "blot", "kan", "kunne", "skal", "skulle", "vil", "ville", "må", "måtte", "bør",
    "burde", "lad", "lav", "tilføj", "ret", "ændr", "smid", "send", "kig", "sæt", "fiks",
    "opdater", "læg", "skift", "flyt", "tjek", "check", "hjælp",
];
const LIGE_PRONOUNS: &[&str] = &[
    "du", "i", "vi", "man", "de", "han", "hun", "det", "den", "jeg", "os", "der",
];
/// Verbs of doing after "lige": "lige lave", "lige hurtigt".
const LIGE_BEFORE: &[&str] = &[
    "hurtigt", "hurtig", "kigge", "kikke", "lave", "smide", "sætte", "tilføje", "ændre", "rette",
    "fikse", "opdatere", "lægge", "skifte", "flytte", "oprette", "rydde", "se", "tjekke", "hjælpe",
    "få", "have",
];
/// After "lige" these make it "equal", "right", "just as": not a softener.
const LIGE_NOT_BEFORE: &[&str] = &[
    "så",
    "nu",
    "meget",
    "før",
    "efter",
    "om",
    "ud",
    "ved",
    "over",
    "netop",
    "præcis",
    "store",
    "stor",
    "stort",
    "tal",
    "linje",
    "dele",
    "vilkår",
    "mange",
    "godt",
    "vidt",
    "ledes",
    "nøjagtig",
    "fod",
    "modsat",
    "overfor",
    "her",
    "der",
];

fn lige_softens(words: &Words, range: Range<usize>) -> Option<usize> {
    let i = range.start;
    let next = words.after(range.end);
    if next.is_some_and(|n| LIGE_NOT_BEFORE.contains(&n)) {
        return None;
    }
    let before = words.before(i);
    let before_before = i.checked_sub(1).and_then(|j| words.before(j));
    let softens = before.is_some_and(|b| LIGE_AFTER.contains(&b))
        || (before.is_some_and(|b| LIGE_PRONOUNS.contains(&b))
            && before_before.is_some_and(|b| LIGE_AFTER.contains(&b)))
        || next.is_some_and(|n| LIGE_BEFORE.contains(&n));
    softens.then_some(range.end)
}

fn check(cx: &Context, out: &mut Vec<Diagnostic>) {
    for f in find_all(cx.scanned(), &LEXICON, without_names) {
        out.push(RULE.quoting(
            cx.lang,
            f.span.clone(),
            &f.quoted(),
            "minimizing-message",
            "minimizing-question",
        ));
    }
}

#[cfg(test)]
mod tests {
    use crate::Lang;

    fn excerpts(text: &str, lang: Lang) -> Vec<String> {
        crate::review::rules::excerpts("minimizing", text, lang)
    }

    #[test]
    fn finds_minimizing_words() {
        assert_eq!(
            excerpts(
                "It's just a simple little site, only a small job.",
                Lang::En
            ),
            ["just", "simple little", "only a small"]
        );
        assert_eq!(
            excerpts(
                "Kan du lige lave en lille ændring? Det er bare en hurtig opgave.",
                Lang::Da
            ),
            ["lige", "lille ændring", "bare", "en hurtig opgave"]
        );
    }

    #[test]
    fn precision() {
        for text in [
            "We have just launched and need delivery just in time, just as agreed.",
            "Not just a website: a just-in-time ordering system.",
            "Vi er en lille virksomhed, og vi har lige fået nyt logo. Lige nu er priserne lige store.",
            "Lille Mølle Bageri vil ikke bare have en side, men en webshop.",
        ] {
            let lang = crate::lang::detect::detect(text).unwrap();
            assert_eq!(excerpts(text, lang), Vec::<String>::new(), "{text}");
        }
    }
}
