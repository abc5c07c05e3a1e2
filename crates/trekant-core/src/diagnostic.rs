//! A review finding as plain data: which rule, how serious, where, what to say, what to ask.

use serde::Serialize;

use crate::lang::Lang;
use crate::messages::Message;
use crate::span::Span;

/// How serious a finding is. Errors stop estimation; warnings are things to ask about.
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize)]
#[serde(rename_all = "lowercase")]
pub enum Severity {
    Error,
    Warning,
    Info,
}

impl Severity {
    pub fn as_str(self) -> &'static str {
        match self {
            Severity::Error => "error",
            Severity::Warning => "warning",
            Severity::Info => "info",
        }
    }
}

/// Which side of the conversation with the client a finding belongs to; questions are
/// grouped by it, in this order.
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize)]
#[serde(rename_all = "lowercase")]
pub enum Topic {
    Purpose,
    Scope,
    Time,
    Money,
    Process,
}

impl Topic {
    pub const ALL: [Topic; 5] = [
        Topic::Purpose,
        Topic::Scope,
        Topic::Time,
        Topic::Money,
        Topic::Process,
    ];

    pub fn as_str(self) -> &'static str {
        match self {
            Topic::Purpose => "purpose",
            Topic::Scope => "scope",
            Topic::Time => "time",
            Topic::Money => "money",
            Topic::Process => "process",
        }
    }
}

/// One finding of the review.
#[derive(Clone, Debug, PartialEq)]
pub struct Diagnostic {
    /// The rule's stable code, e.g. `vague-wording`.
    pub code: &'static str,
    pub severity: Severity,
    pub topic: Topic,
    /// Where in the source; empty spans point at a place (e.g. the end of a table).
    pub span: Span,
    /// The finding in words, in the review's language (made from `message_key`).
    pub message: String,
    /// The question to ask the client, when the finding is something only they can answer
    /// (made from `question_key`).
    pub question: Option<String>,
    /// The catalog message (id and named arguments) the `message` is made from.
    pub message_key: Message,
    /// The catalog message the `question` is made from.
    pub question_key: Option<Message>,
    /// The other places the same finding is made: a word the client repeats is one finding,
    /// at its first place, with the rest listed here in source order.
    pub related: Vec<Span>,
}

impl Diagnostic {
    /// Puts the message and the question into words in `lang`, from their catalog keys.
    pub fn render(&mut self, lang: Lang) {
        self.message = self.message_key.render(lang);
        self.question = self.question_key.as_ref().map(|q| q.render(lang));
    }

    /// The finding with its words made in `lang`.
    pub fn rendered(mut self, lang: Lang) -> Self {
        self.render(lang);
        self
    }
}
