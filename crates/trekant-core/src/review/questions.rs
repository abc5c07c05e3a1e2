//! The questions to send the client: drawn from the review's findings, grouped by topic
//! (purpose, scope, time, money, process), without repeats, most important first.

use serde::Serialize;

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
/// the catalog again, its verb agreeing ("What do 'simple' and 'modern' mean").
fn merge_quoted(questions: Vec<(Question, Option<Message>)>, lang: Lang) -> Vec<Question> {
    let mut merged: Vec<(Question, Option<Message>, Vec<String>)> = Vec::new();
    for (question, key) in questions {
        let quoting = key.as_ref().filter(|k| k.get("count").is_some());
        let word = quoting.and_then(|k| match k.get("w") {
            Some(Arg::Text(w)) => Some(w.clone()),
            _ => None,
        });
        let same = quoting.and_then(|k| {
            merged.iter_mut().find(|(q, other, _)| {
                q.code == question.code && other.as_ref().is_some_and(|o| same_but_words(o, k))
            })
        });
        match (same, word) {
            (Some((_, _, words)), Some(word)) => {
                if !words.contains(&word) {
                    words.push(word);
                }
            }
            (_, word) => {
                let words = word.into_iter().collect();
                merged.push((question, key, words));
            }
        }
    }
    merged
        .into_iter()
        .map(|(mut question, key, words)| {
            if let (Some(mut key), true) = (key, words.len() > 1) {
                let (last, rest) = words.split_last().expect("more than one");
                let list = crate::t!(lang, "list-and", rest = rest.join(", "), last = last);
                key.set("w", list);
                key.set("count", words.len());
                question.text = key.render(lang);
            }
            question
        })
        .collect()
}

/// Whether two question messages are the same but for the words they quote.
fn same_but_words(a: &Message, b: &Message) -> bool {
    let rest = |m: &Message| -> Vec<(&'static str, Arg)> {
        let mut args: Vec<_> = m
            .args
            .iter()
            .filter(|(n, _)| !matches!(*n, "w" | "count"))
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
}
