//! **urgency** (warning): pressure without a date — ASAP, urgent, as soon as possible, right
//! away, immediately; hurtigst muligt, snarest, straks, omgående, det haster, med det samme.
//!
//! Rushing with no trigger word counts too: the work is late already ("we should have had it
//! a month ago", "we are already behind schedule", "we missed our own deadline"; "vi skulle
//! have haft den for en måned siden", "vi er allerede bagud"), and delivery is to be quick
//! ("fast delivery", "hurtig levering"). Speed of delivery asks *when*; speed of the product
//! (load times) is `vague-wording`, which leaves "fast delivery" to this rule.
//!
//! "As soon as possible" is not a deadline: it says the client feels rushed, not when the
//! work must be done or why. Unexamined, it becomes an evening-and-weekend promise that
//! nobody priced. Ask for the date and for what happens if it slips; then the rush can be
//! estimated (and charged for) like any other constraint, or found not to be real.
//!
//! Choices made for precision: a date in the same clause answers the question, so "as soon
//! as possible, but no later than 15 March" and "snarest, senest 1. maj" are left alone (a
//! month, a weekday, a year, "no later than", "senest" or "deadline" count as a date).
//! "Immediately" counts only where it is about the work being ready or started ("we need it
//! immediately", "start immediately"), not about how to act ("notify the CO immediately")
//! or where it places something in a sequence ("immediately after launch"). "fast" and
//! "hurtigt" alone are `vague-wording`; "as fast as possible" and "så hurtigt som muligt"
//! are urgency.
//!
//! Example:
//!
//! ```toml
//! text = "Vi skal bruge den hurtigst muligt"   # warning: which date, and why?
//! deadline = 2027-02-15                        # the answer, once you have it
//! ```

use std::ops::Range;
use std::sync::LazyLock;

use super::{Context, Rule};
use crate::diagnostic::{Diagnostic, Severity, Topic};
use crate::review::text::{Hit, Lexicon, Phrase, Scanned, Words, find_all, without_names};

pub(crate) const RULE: Rule = Rule {
    code: "urgency",
    severity: Severity::Warning,
    topic: Topic::Time,
    check: Some(check),
};

static PHRASES: &[Phrase<()>] = &[
    // English
    Phrase::new("asap", ()),
    Phrase::new("a.s.a.p.", ()),
    Phrase::new("as soon as possible|feasible|practicable", ()),
    Phrase::new("as soon as we|you can", ()),
    Phrase::new("as quickly|fast|quick as possible", ()),
    Phrase::new("as quickly|fast|quick as we|you can", ()),
    Phrase::new("right|straight away", ()),
    Phrase::new("straightaway", ()),
    Phrase::new("urgent{,ly}", ()),
    // "notify us immediately" is about how to act, not about when the work is due.
    Phrase::new("immediately", ())
        .only_before(&[
            "it",
            "this",
            "them",
            "start",
            "starting",
            "begin",
            "ready",
            "available",
            "live",
            "online",
            "launch",
            "need",
            "needs",
            "needed",
            "required",
            "deliver",
            "delivered",
            "done",
            "up",
            "running",
            "working",
        ])
        .not_after(&["after", "following", "before", "upon", "once", "when"]),
    Phrase::new(
        "immediate start|need|delivery|launch|help|attention|availability",
        (),
    ),
    Phrase::new("top priority", ()),
    Phrase::new("time-critical|time-sensitive", ()),
    Phrase::new("time critical|sensitive", ()),
    Phrase::new("time is of the essence", ()),
    Phrase::new("the sooner the better", ()),
    Phrase::new("need|needed|want|wanted it yesterday", ()),
    Phrase::new("rush job|order", ()),
    // Danish
    Phrase::new("hurtigst ?overhovedet muligt", ()),
    Phrase::new("snarest ?muligt|belejligt", ()),
    Phrase::new("straks|omgående", ()).not_after(&["efter", "når", "da"]),
    Phrase::new("så hurtigt|snart ?som ?overhovedet muligt", ()),
    Phrase::new("så hurtigt|snart som i|du|vi|det kan", ()),
    Phrase::new("så hurtigt|snart i|du|vi kan", ()),
    // "med det samme design" is "with the same design".
    Phrase::new("med det samme", ())
        .not_before(&["ikke"])
        .guard(ends_the_clause),
    Phrase::new("haster|hastesag|hasteopgave|hasteordre|hastejob", ()),
    Phrase::new("jo før|hurtigere jo bedre", ()),
    Phrase::new("akut{,te}", ()).not_after(&["behov"]),
];

static LEXICON: LazyLock<Lexicon<()>> = LazyLock::new(|| Lexicon::new(PHRASES));

/// Rushing with no word for it: the work is late already ("we should have had it a month
/// ago", "vi er allerede bagud"), or its delivery is to be quick. A past date here is the
/// complaint, not the answer, so these are not dropped for a date.
static LATE_PHRASES: &[Phrase<()>] = &[
    // English
    Phrase::new("should|ought ?to have had|been", ()).guard(in_the_past),
    Phrase::new("already behind|late|overdue|delayed", ()),
    Phrase::new("behind schedule", ()),
    Phrase::new("missed|passed|blown our|the|my ?own deadline|date", ()),
    Phrase::new("quick|fast|rapid|speedy|express delivery|turnaround", ()),
    // Danish
    Phrase::new("skulle|burde have haft|været", ()).guard(in_the_past),
    Phrase::new("allerede bagud|forsinket|forsinkede|sent", ()),
    Phrase::new("allerede for sent", ()),
    Phrase::new(
        "overskredet vores|den|jeres ?egen deadline|tidsplan|tidsfrist",
        (),
    ),
    Phrase::new("hurtig levering", ()),
    Phrase::new("ekspreslevering", ()),
];

static LATE: LazyLock<Lexicon<()>> = LazyLock::new(|| Lexicon::new(LATE_PHRASES));

/// Words that place "should have had it" in the past: a complaint about lateness.
const PAST: &[&str] = &[
    "ago",
    "last",
    "yesterday",
    "already",
    "earlier",
    "previous",
    "siden",
    "sidste",
    "allerede",
    "længst",
    "går",
];

/// "should have had it a month ago": a past time follows in the clause.
fn in_the_past(words: &Words, range: Range<usize>) -> Option<usize> {
    let (_, after) = super::clause::before_and_after(words, &range);
    let near = after.start..after.end.min(range.end + 8);
    super::clause::first(words, near, PAST, &[]).map(|j| j + 1)
}

/// The phrase stands at the end of its clause, or before a conjunction.
fn ends_the_clause(words: &Words, range: Range<usize>) -> Option<usize> {
    let ends = match words.get(range.end) {
        None => true,
        Some(next) => {
            next.gap.phrase
                || words.rest_after(range.end - 1).contains(',')
                || matches!(
                    words.norm(range.end),
                    "og" | "hvis" | "så" | "tak" | "eller" | "men" | "and" | "or" | "but"
                )
        }
    };
    ends.then_some(range.end)
}

/// Words that give the date the urgency lacks.
const DATE_WORDS: &[&str] = &[
    "january",
    "february",
    "march",
    "april",
    "june",
    "july",
    "august",
    "september",
    "october",
    "november",
    "december",
    "januar",
    "februar",
    "marts",
    "maj",
    "juni",
    "juli",
    "oktober",
    "monday",
    "tuesday",
    "wednesday",
    "thursday",
    "friday",
    "saturday",
    "sunday",
    "mandag",
    "tirsdag",
    "onsdag",
    "torsdag",
    "fredag",
    "lørdag",
    "søndag",
    "later",
    "latest",
    "senest",
    "deadline",
    "q1",
    "q2",
    "q3",
    "q4",
    "jul",
    "christmas",
    "easter",
    "påske",
    "week",
    "uge",
];

/// How many words after the urgent phrase a date may come and still answer it.
const DATE_REACH: usize = 10;

/// Whether a date follows the hit in the same clause.
fn date_follows(scanned: &Scanned, hit: &Hit) -> bool {
    let words = &scanned.words;
    (hit.words.end..words.len())
        .take(DATE_REACH)
        .take_while(|&j| words.get(j).is_some_and(|w| !w.gap.clause))
        .any(|j| {
            let w = words.norm(j);
            DATE_WORDS.contains(&w)
                || (w.len() == 4 && w.starts_with("20") && w.bytes().all(|b| b.is_ascii_digit()))
                || (w.len() == 10 && w.starts_with("20") && w.as_bytes().get(4) == Some(&b'-'))
        })
}

fn check(cx: &Context, out: &mut Vec<Diagnostic>) {
    let found = find_all(cx.scanned(), &LEXICON, |scanned, hits| {
        without_names(scanned, hits)
            .into_iter()
            .filter(|hit| !date_follows(scanned, hit))
            .collect()
    });
    let late = find_all(cx.scanned(), &LATE, without_names);
    let mut found: Vec<_> = found.into_iter().chain(late).collect();
    found.sort_by_key(|f| f.span.start);
    for f in found {
        out.push(RULE.quoting(
            cx.lang,
            f.span.clone(),
            &f.quoted(),
            "urgency-message",
            "urgency-question",
        ));
    }
}

#[cfg(test)]
mod tests {
    use crate::Lang;

    fn excerpts(text: &str, lang: Lang) -> Vec<String> {
        crate::review::rules::excerpts("urgency", text, lang)
    }

    #[test]
    fn finds_urgency() {
        assert_eq!(
            excerpts(
                "We need it ASAP, it's urgent: as soon as possible!",
                Lang::En
            ),
            ["ASAP", "urgent", "as soon as possible"]
        );
        assert_eq!(
            excerpts(
                "Det haster: vi skal bruge siden hurtigst muligt, gerne straks.",
                Lang::Da
            ),
            ["haster", "hurtigst muligt", "straks"]
        );
    }

    #[test]
    fn precision() {
        assert!(excerpts("Testing starts immediately after launch.", Lang::En).is_empty());
        assert!(excerpts("Vi har ikke akut behov.", Lang::Da).is_empty());
        assert!(excerpts("Notify the CO immediately.", Lang::En).is_empty());
        assert!(
            excerpts(
                "Reply as soon as possible, but no later than 12:00 PM",
                Lang::En
            )
            .is_empty()
        );
        assert!(excerpts("Vi skal bruge den snarest, senest 1. maj.", Lang::Da).is_empty());
        assert!(excerpts("ASAP — by 15 March 2027", Lang::En).is_empty());
    }
}
