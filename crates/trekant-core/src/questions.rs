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
pub fn topic_title(topic: Topic, lang: Lang) -> &'static str {
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
