//! The questions to send the client: drawn from the review's findings, grouped by topic
//! (purpose, scope, time, money, process), without repeats, most important first.

use serde::Serialize;

use crate::diagnostic::{Diagnostic, Topic};
use crate::lang::Lang;

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
pub(crate) fn topic_title(topic: Topic, lang: Lang) -> &'static str {
    match topic {
        Topic::Purpose => lang.pick("Formål", "Purpose"),
        Topic::Scope => lang.pick("Omfang", "Scope"),
        Topic::Time => lang.pick("Tid", "Time"),
        Topic::Money => lang.pick("Økonomi", "Money"),
        Topic::Process => lang.pick("Samarbejde", "Process"),
    }
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
        let questions: Vec<Question> = found
            .into_iter()
            .filter(|(_, q)| seen.insert(q.to_lowercase()))
            .map(|(d, q)| Question {
                text: q.clone(),
                code: d.code,
                line: line_of(d.span.start),
            })
            .collect();
        let questions = merge_quoted(questions, lang);
        if !questions.is_empty() {
            groups.push(QuestionGroup {
                topic,
                title: topic_title(topic, lang).to_owned(),
                questions,
            });
        }
    }
    groups
}

/// The question with its first quoted phrase (`'…'`) cut out, and that phrase.
fn quoted_template(question: &str) -> Option<(String, &str)> {
    let start = question.find('\'')?;
    let len = question[start + 1..].find('\'')?;
    let quoted = &question[start..start + len + 2];
    Some((question.replace(quoted, "\u{0}"), quoted))
}

/// Questions of one rule that differ only in the words they quote ("You wrote 'just' …",
/// "You wrote 'only a small' …") become one question quoting all the words: a client
/// answers one question, not five that read alike.
fn merge_quoted(questions: Vec<Question>, lang: Lang) -> Vec<Question> {
    let mut merged: Vec<(Question, Option<String>, Vec<String>)> = Vec::new();
    for question in questions {
        let template = quoted_template(&question.text);
        let same = template.as_ref().and_then(|(t, _)| {
            merged.iter_mut().find(|(q, other, _)| {
                q.code == question.code && other.as_deref() == Some(t.as_str())
            })
        });
        match (same, template) {
            (Some((_, _, quotes)), Some((_, quoted))) => {
                if !quotes.iter().any(|q| q == quoted) {
                    quotes.push(quoted.to_owned());
                }
            }
            (_, template) => {
                let (t, quotes) = match template {
                    Some((t, quoted)) => (Some(t), vec![quoted.to_owned()]),
                    None => (None, Vec::new()),
                };
                merged.push((question, t, quotes));
            }
        }
    }
    merged
        .into_iter()
        .map(|(mut question, template, quotes)| {
            if let (Some(template), true) = (template, quotes.len() > 1) {
                let (last, rest) = quotes.split_last().expect("more than one");
                let list = format!("{} {} {last}", rest.join(", "), lang.pick("og", "and"));
                question.text = template.replace('\u{0}', &list);
            }
            question
        })
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    fn question(code: &'static str, text: &str) -> Question {
        Question {
            text: text.to_owned(),
            code,
            line: 1,
        }
    }

    #[test]
    fn questions_that_differ_only_in_the_quoted_words_merge() {
        let merged = merge_quoted(
            vec![
                question(
                    "minimizing",
                    "You wrote 'just' — what exactly must be done?",
                ),
                question(
                    "vague-wording",
                    "What does 'modern' mean to you — show 'modern' sites?",
                ),
                question(
                    "minimizing",
                    "You wrote 'only a small' — what exactly must be done?",
                ),
                question(
                    "minimizing",
                    "You wrote 'quick job' — what exactly must be done?",
                ),
            ],
            Lang::En,
        );
        let texts: Vec<&str> = merged.iter().map(|q| q.text.as_str()).collect();
        assert_eq!(
            texts,
            [
                "You wrote 'just', 'only a small' and 'quick job' — what exactly must be done?",
                "What does 'modern' mean to you — show 'modern' sites?",
            ]
        );
    }
}
