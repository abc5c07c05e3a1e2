//! The questions to send the client: drawn from the review's findings, grouped by topic
//! (purpose, scope, time, money, process), without repeats, most important first.

use serde::Serialize;

use crate::brief::{Brief, Voice};
use crate::diagnostic::{Diagnostic, Topic};
use crate::lang::Lang;
use crate::messages::{Arg, Message};

/// The questions of one topic.
#[derive(Clone, Debug, PartialEq, Serialize)]
pub struct QuestionGroup {
    pub topic: Topic,
    /// The topic's heading in the review's language.
    pub title: String,
    pub questions: Vec<Question>,
}

/// One question, with the rule that raised it (so a tool can trace it back).
#[derive(Clone, Debug, PartialEq, Serialize)]
pub struct Question {
    pub text: String,
    pub code: &'static str,
    pub line: usize,
}

/// How much a finding's question matters: lower comes first within its topic. Gaps in the
/// purpose and a triangle that cannot close decide whether there is a project at all;
/// wording questions refine it.
fn rank(code: &str) -> u8 {
    match code {
        "missing-purpose" | "triangle-unrealistic" => 0,
        "missing-success" | "budget-below-must" | "deadline-below-must" => 1,
        "fixed-triangle" | "triangle-tight" => 2,
        "missing-budget" | "missing-deadline" | "unmeasurable-success" => 3,
        "unbounded-revisions" | "missing-revisions" => 4,
        "wide-estimate" | "missing-priority" => 6,
        _ => 5,
    }
}

/// The topic headings.
pub(crate) fn topic_title(topic: Topic, lang: Lang) -> String {
    let id = match topic {
        Topic::Purpose => "topic-purpose",
        Topic::Scope => "topic-scope",
        Topic::Time => "topic-time",
        Topic::Money => "topic-money",
        Topic::Process => "topic-process",
    };
    crate::messages::text(lang, id)
}

/// How the e-mail with the questions opens: "Hej Lone" when the brief names a contact (by
/// first name), "Kære Kaffe Nord ApS" when it names only the client, else "Hej". `name`
/// escapes the name for the output (Markdown, say).
pub fn greeting(brief: Option<&Brief>, lang: Lang, name: impl Fn(&str) -> String) -> String {
    let project = brief.map(|b| &b.project);
    let first = project
        .and_then(|p| p.contact.as_ref())
        .and_then(|c| c.value.split_whitespace().next().map(str::to_string));
    let client = project
        .and_then(|p| p.client.as_ref())
        .map(|c| c.value.as_str());
    match (first, client) {
        (Some(first), _) => crate::t!(lang, "questions-greeting-contact", name = name(&first)),
        (None, Some(client)) => crate::t!(lang, "questions-greeting-client", client = name(client)),
        (None, None) => crate::t!(lang, "questions-greeting"),
    }
}

/// The paragraph before the questions (or instead of them, when there are none), in the
/// provider's voice: "jeg" or "vi" (`me.voice`, by default "vi" when `me.company` is set).
pub fn intro(brief: Option<&Brief>, lang: Lang, any: bool) -> String {
    let voice = match brief.map_or(Voice::Jeg, |b| b.me.voice()) {
        Voice::Jeg => "jeg",
        Voice::Vi => "vi",
    };
    let id = if any {
        "questions-intro-voice"
    } else {
        "questions-intro-none-voice"
    };
    crate::t!(lang, id, voice = voice)
}

/// Groups the questions of `diagnostics` by topic, in topic order, dropping empty groups
/// and repeated questions. `line_of` turns a byte offset into a line number.
pub fn questions(
    diagnostics: &[Diagnostic],
    lang: Lang,
    line_of: impl Fn(usize) -> usize,
) -> Vec<QuestionGroup> {
    let mut groups = Vec::new();
    for topic in Topic::ALL {
        let mut found: Vec<(&Diagnostic, &String)> = diagnostics
            .iter()
            .filter(|d| d.topic == topic)
            .filter_map(|d| d.question.as_ref().map(|q| (d, q)))
            .collect();
        // Stable: equal ranks keep source order.
        found.sort_by_key(|(d, _)| rank(d.code));
        let mut seen = std::collections::HashSet::new();
        let questions: Vec<(Question, Option<Message>)> = found
            .into_iter()
            .filter(|(_, q)| seen.insert(q.to_lowercase()))
            .map(|(d, q)| {
                let question = Question {
                    text: q.clone(),
                    code: d.code,
                    line: line_of(d.span.start),
                };
                (question, d.question_key.clone())
            })
            .collect();
        let questions = merge_quoted(questions, lang);
        if !questions.is_empty() {
            groups.push(QuestionGroup {
                topic,
                title: topic_title(topic, lang),
                questions,
            });
        }
    }
    groups
}

/// Questions of one rule that differ only in the words they quote ("You wrote 'just' …",
/// "You wrote 'only a small' …") become one question quoting all the words: a client
/// answers one question, not five that read alike. Such questions are catalog messages with
/// the quoted words in `w` and their number in `count`, so the merged question is made by
/// the catalog again, its verb agreeing ("What do 'simple' and 'modern' mean"), and its
/// Danish adjectives too (`w_pl`: "sider, I synes er 'lækre' og 'professionelle'").
fn merge_quoted(questions: Vec<(Question, Option<Message>)>, lang: Lang) -> Vec<Question> {
    let text = |k: &Message, name: &str| match k.get(name) {
        Some(Arg::Text(w)) => Some(w.clone()),
        _ => None,
    };
    let mut merged: Vec<Merging> = Vec::new();
    for (question, key) in questions {
        let quoting = key.as_ref().filter(|k| k.get("count").is_some());
        let word = quoting.and_then(|k| text(k, "w"));
        let plural = quoting.and_then(|k| text(k, "w_pl"));
        let same = quoting.and_then(|k| {
            merged.iter_mut().find(|(q, other, _, _)| {
                q.code == question.code && other.as_ref().is_some_and(|o| same_but_words(o, k))
            })
        });
        match (same, word) {
            (Some((_, _, words, plurals)), Some(word)) => {
                if !words.contains(&word) {
                    words.push(word);
                    plurals.extend(plural);
                }
            }
            (_, word) => {
                let words = word.into_iter().collect();
                merged.push((question, key, words, plural.into_iter().collect()));
            }
        }
    }
    let list = |words: &[String]| {
        let (last, rest) = words.split_last().expect("more than one");
        crate::t!(lang, "list-and", rest = rest.join(", "), last = last)
    };
    merged
        .into_iter()
        .map(|(mut question, key, words, plurals)| {
            if let (Some(mut key), true) = (key, words.len() > 1) {
                key.set("w", list(&words));
                if plurals.len() == words.len() {
                    key.set("w_pl", list(&plurals));
                }
                key.set("count", words.len());
                question.text = key.render(lang);
            }
            question
        })
        .collect()
}

/// A question being merged: its message, the words it quotes, the same words in the plural.
type Merging = (Question, Option<Message>, Vec<String>, Vec<String>);

/// Whether two question messages are the same but for the words they quote.
fn same_but_words(a: &Message, b: &Message) -> bool {
    let rest = |m: &Message| -> Vec<(&'static str, Arg)> {
        let mut args: Vec<_> = m
            .args
            .iter()
            .filter(|(n, _)| !matches!(*n, "w" | "w_pl" | "count"))
            .cloned()
            .collect();
        args.sort_by_key(|(n, _)| *n);
        args
    };
    a.id == b.id && rest(a) == rest(b)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn asked(text: &str, lang: Lang) -> Vec<String> {
        let review = crate::review::review_text(text, Some(lang));
        questions(&review.diagnostics, lang, |_| 1)
            .into_iter()
            .flat_map(|g| g.questions)
            .map(|q| q.text)
            .collect()
    }

    #[test]
    fn questions_that_differ_only_in_the_quoted_words_merge() {
        assert_eq!(
            asked(
                "It is just a quick job: only a small fix, and we want it to be simple.",
                Lang::En
            )
            .iter()
            .filter(|q| q.starts_with("You wrote"))
            .count(),
            1
        );
    }

    #[test]
    fn merged_questions_agree_in_number() {
        let en = asked("We want a simple and user-friendly site.", Lang::En);
        assert_eq!(
            en,
            [
                "What do 'simple' and 'user-friendly' mean to you — who will use it, and which \
              tasks must they manage without help?"
            ]
        );
        let one = asked("We want a user-friendly site.", Lang::En);
        assert!(
            one[0].starts_with("What does 'user-friendly' mean"),
            "{one:?}"
        );
        let da = asked("Vi vil have en enkel og brugervenlig side.", Lang::Da);
        assert_eq!(
            da,
            [
                "Hvad betyder 'enkel' og 'brugervenlig' for jer — hvem skal bruge det, og hvilke \
              opgaver skal de kunne klare uden hjælp?"
            ]
        );
    }

    #[test]
    fn danish_adjectives_agree_with_what_they_describe() {
        let one = asked("Siden skal være lækker.", Lang::Da);
        assert!(one[0].contains("I synes er 'lækre',"), "{one:?}");
        let two = asked("Vi vil have en lækker og professionel webshop.", Lang::Da);
        assert_eq!(
            two,
            [
                "Hvad betyder 'lækker' og 'professionel' for jer — kan I vise to sider eller \
                 produkter, I synes er 'lækre' og 'professionelle', og sige hvorfor?"
            ]
        );
    }

    #[test]
    fn the_greeting_names_the_contact_and_the_voice_follows_the_sender() {
        let brief = |extra: &str| {
            let source = format!("[project]\nname = \"x\"\n{extra}");
            crate::review_brief(&source, Some(Lang::Da), None)
                .brief
                .unwrap()
        };
        let plain = |s: &str| s.to_string();
        let lone = brief("contact = \"Lone Madsen\"\nclient = \"Kaffe Nord\"");
        assert_eq!(greeting(Some(&lone), Lang::Da, plain), "Hej Lone");
        assert_eq!(greeting(Some(&lone), Lang::En, plain), "Hi Lone");
        let client = brief("client = \"Kaffe Nord\"");
        assert_eq!(greeting(Some(&client), Lang::Da, plain), "Kære Kaffe Nord");
        assert_eq!(greeting(None, Lang::Da, plain), "Hej");
        assert!(intro(Some(&lone), Lang::Da, true).contains("har jeg nogle"));
        let company = brief("[me]\ncompany = \"Studio ApS\"");
        assert!(intro(Some(&company), Lang::Da, true).contains("har vi nogle"));
        let voice = brief("[me]\ncompany = \"Studio ApS\"\nvoice = \"jeg\"");
        assert!(intro(Some(&voice), Lang::Da, false).contains("jeg har ingen"));
    }
}
