//! **open-ended** (warning): a list that does not end — etc., and so on, and more, among other
//! things, including but not limited to; osv., m.m., mv., og lignende, bl.a., med mere.
//!
//! "Blog, shop, booking etc." prices three things and promises a fourth nobody has named.
//! Whatever hides behind "etc." will be asked for later, as if it had been agreed. Ask the
//! client to finish the list, then quote that list, and write in the offer that what is not
//! on it is not included.
//!
//! Choices made for precision: "and more", "and much more", "med mere" and "og meget mere"
//! count only where the list ends with them (before a comma, full stop or the end), so "faster
//! and more reliable" and "med mere end 100 produkter" are left alone. "f.eks."/"e.g." are not
//! flagged: examples are often given to explain, not to leave scope open.
//!
//! Example:
//!
//! ```toml
//! text = "Forside, webshop, blog osv."    # warning: what else is in "osv."?
//! ```

use std::ops::Range;
use std::sync::LazyLock;

use super::{Context, Rule};
use crate::diagnostic::{Diagnostic, Severity, Topic};
use crate::review::text::{Lexicon, Phrase, Setting, Words, find_all};

pub(crate) const RULE: Rule = Rule {
    code: "open-ended",
    severity: Severity::Warning,
    topic: Topic::Scope,
    check: Some(check),
};

static PHRASES: &[Phrase<()>] = &[
    // English
    Phrase::new("etc.|ect.", ()),
    Phrase::new("etcetera", ()),
    Phrase::new("et cetera", ()),
    Phrase::new("and so on|forth", ()),
    Phrase::new("and much|many|lots more", ()).guard(ends_the_list),
    Phrase::new("and more", ()).guard(ends_the_list),
    Phrase::new("among|amongst other things", ()),
    Phrase::new("among|amongst others", ()),
    Phrase::new("and the like", ()),
    Phrase::new("and|or similar", ()).guard(ends_the_list),
    Phrase::new("including but not limited to", ()),
    Phrase::new("including without limitation", ()),
    // "may include, but not be limited to": the negation is the open list, not undone by it.
    Phrase::new(
        "include|includes|including but are|is|be|shall not limited to",
        (),
    )
    .found_in(Setting::Negated),
    Phrase::new("include|includes|including but not be limited to", ())
        .found_in(Setting::Negated)
        .guard(not_an_agenda),
    Phrase::new(
        "include|includes|including but shall|will|may not be limited to",
        (),
    )
    .found_in(Setting::Negated),
    Phrase::new("to name a few", ()),
    Phrase::new("and anything|whatever else", ()),
    // Danish
    Phrase::new("osv.|o.s.v.", ()),
    Phrase::new("og så videre", ()),
    Phrase::new("m.m.|mv.|m.v.|m.fl.|bl.a.", ()),
    Phrase::new("blandt andet|andre", ()),
    Phrase::new("med mere|flere", ()).guard(ends_the_list),
    Phrase::new("og|eller lignende", ()),
    Phrase::new("og|eller lign.", ()),
    Phrase::new("og meget mere", ()).guard(ends_the_list),
    Phrase::new("og mere til", ()),
    Phrase::new("og den slags", ()),
    Phrase::new("men|og ?er|være ikke begrænset|begrænsede til", ())
        .found_in(Setting::Negated)
        .guard(not_an_agenda),
    Phrase::new("uden at være begrænset til", ())
        .found_in(Setting::Negated)
        .guard(not_an_agenda),
    Phrase::new("og sådan noget", ()),
];

static LEXICON: LazyLock<Lexicon<()>> = LazyLock::new(|| Lexicon::new(PHRASES));

/// "…, shop and more." ends a list; "faster and more reliable" does not.
fn ends_the_list(words: &Words, range: Range<usize>) -> Option<usize> {
    let last = range.end.checked_sub(1)?;
    let ends = match words.get(range.end) {
        None => true,
        Some(next) => next.gap.phrase || words.rest_after(last).contains(','),
    };
    ends.then_some(range.end)
}

/// "Discussion topics shall include, but not be limited to:": an open agenda of a meeting
/// costs no work.
fn not_an_agenda(words: &Words, range: Range<usize>) -> Option<usize> {
    // The subject: the five words before (a hard-wrapped line may split it).
    let start = range.start.saturating_sub(5);
    let agenda = (start..range.start).any(|j| {
        let w = words.norm(j);
        [
            "topic",
            "agenda",
            "discussion",
            "emne",
            "dagsorden",
            "drøftelse",
        ]
        .iter()
        .any(|s| w.starts_with(s))
    });
    (!agenda).then_some(range.end)
}

fn check(cx: &Context, out: &mut Vec<Diagnostic>) {
    for f in find_all(cx.scanned(), &LEXICON, |_, hits| hits) {
        out.push(RULE.quoting(
            cx.lang,
            f.span.clone(),
            &f.quoted(),
            "open-ended-message",
            "open-ended-question",
        ));
    }
}

#[cfg(test)]
mod tests {
    use crate::Lang;

    fn excerpts(text: &str, lang: Lang) -> Vec<String> {
        crate::review::rules::excerpts("open-ended", text, lang)
    }

    #[test]
    fn finds_open_lists() {
        assert_eq!(
            excerpts("Blog, shop, booking etc. and so on, and more.", Lang::En),
            ["etc.", "and so on", "and more"]
        );
        assert_eq!(
            excerpts(
                "Forside, blog osv. Vi sælger bl.a. kaffe og te. Kaffe, te m.m. og lignende",
                Lang::Da
            ),
            ["osv.", "bl.a.", "m.m.", "og lignende"]
        );
    }

    #[test]
    fn the_negation_is_the_open_list() {
        assert_eq!(
            excerpts("Users include, but are not limited to, editors.", Lang::En),
            ["include, but are not limited to"]
        );
        assert_eq!(
            excerpts(
                "Siden omfatter, men er ikke begrænset til, en blog.",
                Lang::Da
            ),
            ["men er ikke begrænset til"]
        );
        assert!(excerpts("The licence is not limited to one site.", Lang::En).is_empty());
    }

    #[test]
    fn precision() {
        assert!(excerpts("It must be faster and more reliable.", Lang::En).is_empty());
        assert!(excerpts("En shop med mere end 100 varer.", Lang::Da).is_empty());
    }
}
