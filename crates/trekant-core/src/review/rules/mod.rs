//! The review rules: one file per rule, its module doc the user documentation that
//! `trekant explain CODE` prints. Codes are a stable interface; add rules, never rename one.

use std::cell::OnceCell;
use std::collections::HashMap;

use crate::brief::Brief;
use crate::diagnostic::{Diagnostic, Severity, Topic};
use crate::lang::Lang;
use crate::messages::Message;
use crate::review::text::{MarkKey, Scanned, scan};
pub use crate::review::text::{Text, TextKind};
use crate::span::Span;

/// A review rule: its stable code, how serious its findings are, and what it checks.
pub struct Rule {
    pub code: &'static str,
    pub severity: Severity,
    /// Which group the rule's questions go into.
    pub topic: Topic,
    /// `None` for rules whose findings come from the parser (`syntax`, `schema`).
    pub(crate) check: Option<fn(&Context, &mut Vec<Diagnostic>)>,
}

impl Rule {
    /// A finding of this rule.
    /// The words are made when the finding is rendered in the review's language
    /// ([`Diagnostic::render`]; `check_all` does it for every rule).
    pub(crate) fn at(&self, span: Span, message: Message, question: Option<Message>) -> Diagnostic {
        Diagnostic {
            code: self.code,
            severity: self.severity,
            topic: self.topic,
            span,
            message: String::new(),
            question: None,
            message_key: message,
            question_key: question,
            related: Vec::new(),
        }
    }

    /// A wording finding that quotes the client's words `w` back: `message` says what is wrong
    /// with them and `question` asks about them, with the words quoted and counted as one
    /// (questions that merge later count their words themselves).
    pub(crate) fn quoting(
        &self,
        lang: Lang,
        span: Span,
        w: &str,
        message: &'static str,
        question: &'static str,
    ) -> Diagnostic {
        self.at(
            span,
            crate::msg!(message, w = w),
            Some(quoted_question(lang, question, w)),
        )
    }
}

/// The question `id` about the client's words `w`, quoted, counted as one; `w_pl` is the
/// words in the plural, for a question that uses them of something plural (Danish
/// adjectives agree: "sider, I synes er 'lækre'").
pub(crate) fn quoted_question(lang: Lang, id: &'static str, w: &str) -> Message {
    let plural = match lang {
        Lang::Da => crate::lang::inflect::danish_plural(w),
        Lang::En => w.to_string(),
    };
    crate::msg!(
        id,
        w = crate::t!(lang, "quoted", w = w),
        count = 1usize,
        w_pl = crate::t!(lang, "quoted", w = plural)
    )
}

/// What a rule looks at.
pub struct Context<'a> {
    pub source: &'a str,
    /// The parsed brief; `None` when the file is free text (an e-mail, a Markdown request).
    pub brief: Option<&'a Brief>,
    pub lang: Lang,
    /// The client's own words, for the wording rules.
    pub texts: Vec<Text<'a>>,
    /// The simulation of the wanted scope, when the brief is sound enough to simulate and
    /// has a rate and a budget or deadline to judge.
    pub estimate: Option<&'a crate::forecast::estimate::Report>,
    /// The texts cut into words, once for all the wording rules.
    scanned: OnceCell<Vec<Scanned<'a>>>,
}

impl<'a> Context<'a> {
    pub fn new(
        source: &'a str,
        brief: Option<&'a Brief>,
        lang: Lang,
        texts: Vec<Text<'a>>,
    ) -> Self {
        Context {
            source,
            brief,
            lang,
            texts,
            estimate: None,
            scanned: OnceCell::new(),
        }
    }

    /// The client-written texts cut into words, for the wording rules.
    pub(crate) fn scanned(&self) -> &[Scanned<'a>] {
        self.scanned.get_or_init(|| {
            let language = self
                .brief
                .and_then(|b| b.project.language.as_ref().map(|l| l.value));
            scan(&self.texts, language, self.lang)
        })
    }
}

/// The documentation of a rule, as `trekant explain` prints it.
#[derive(Clone, Debug)]
pub struct RuleDoc {
    pub code: &'static str,
    pub severity: Severity,
    pub topic: Topic,
    pub doc: String,
}

struct Registered {
    rule: &'static Rule,
    source: &'static str,
}

// The rule modules are plain `mod` lines (not declared inside the macro) so that rustfmt and
// every other tool sees their files.
pub mod acceptance_at_discretion;
pub mod budget_below_must;
pub(crate) mod clause;
pub mod comparison_reference;
pub mod deadline_before_start;
pub mod deadline_below_must;
pub mod dependency_cycle;
pub mod duplicate_id;
pub mod estimate_order;
pub mod estimate_range;
pub mod fixed_triangle;
pub mod invalid_setting;
pub mod large_item;
pub mod minimizing;
pub mod missing_budget;
pub mod missing_deadline;
pub mod missing_items;
pub mod missing_priority;
pub mod missing_purpose;
pub mod missing_rate;
pub mod missing_revisions;
pub mod missing_success;
pub mod no_reservations;
pub mod open_ended;
pub mod point_estimate;
pub mod price_cap;
pub mod probability_range;
pub mod schema;
pub mod scope_undecided;
pub mod suspicious_number;
pub mod syntax;
pub(crate) mod text_gaps;
pub mod triangle_tight;
pub mod triangle_unrealistic;
pub mod unbounded_revisions;
pub mod unbounded_support;
pub mod unilateral_change;
pub mod unknown_dependency;
pub mod unmeasurable_success;
pub mod unquantified;
pub mod urgency;
pub mod vague_wording;
pub mod wide_estimate;

/// Builds the registry from the rule modules, each with its source for `explain`.
macro_rules! registry {
    ($($module:ident),* $(,)?) => {
        static REGISTRY: &[Registered] = &[
            $(Registered { rule: &$module::RULE, source: include_str!(concat!(stringify!($module), ".rs")) },)*
        ];
    };
}

registry! {
    syntax,
    schema,
    estimate_order,
    estimate_range,
    duplicate_id,
    unknown_dependency,
    dependency_cycle,
    deadline_before_start,
    probability_range,
    invalid_setting,
    vague_wording,
    minimizing,
    urgency,
    open_ended,
    comparison_reference,
    unbounded_revisions,
    unilateral_change,
    acceptance_at_discretion,
    scope_undecided,
    unbounded_support,
    unquantified,
    price_cap,
    missing_purpose,
    missing_success,
    unmeasurable_success,
    missing_budget,
    suspicious_number,
    missing_deadline,
    missing_revisions,
    missing_priority,
    missing_rate,
    missing_items,
    point_estimate,
    wide_estimate,
    large_item,
    budget_below_must,
    deadline_below_must,
    fixed_triangle,
    triangle_unrealistic,
    triangle_tight,
    // Last: it raises the findings of its text, so they must all be in.
    no_reservations,
}

/// Every rule, in the order they are documented.
pub fn all() -> impl Iterator<Item = &'static Rule> {
    REGISTRY.iter().map(|r| r.rule)
}

/// Runs every rule's check over the context.
pub(crate) fn check_all(cx: &Context, out: &mut Vec<Diagnostic>) {
    for registered in REGISTRY {
        if let Some(check) = registered.rule.check {
            let first = out.len();
            check(cx, out);
            fold_repeats(cx, out, first);
            for d in &mut out[first..] {
                d.render(cx.lang);
            }
        }
    }
}

/// Folds one rule's findings of one word into one: the first in the source keeps its place,
/// the others become its [`Diagnostic::related`] places. A word a client repeats down a list
/// ("Easier monitoring … Easier auditing …") is one question, not seven. Which findings are
/// of one word is what [`crate::review::text::find_all`] recorded when it made them: the
/// same phrase of the same lexicon, and the same word of its first slot.
fn fold_repeats(cx: &Context, out: &mut Vec<Diagnostic>, first: usize) {
    let Some(scanned) = cx.scanned.get() else {
        return;
    };
    let keys: HashMap<(usize, usize), MarkKey> = scanned
        .iter()
        .flat_map(|s| s.take_marks())
        .map(|m| ((m.span.start, m.span.end), m.key))
        .collect();
    if keys.is_empty() {
        return;
    }
    let mut made: Vec<Diagnostic> = out.drain(first..).collect();
    made.sort_by_key(|d| d.span.start);
    let mut primary: HashMap<MarkKey, usize> = HashMap::new();
    for d in made {
        let key = keys.get(&(d.span.start, d.span.end));
        match key.and_then(|k| primary.get(k)) {
            Some(&at) => out[at].related.push(d.span),
            None => {
                if let Some(&key) = key {
                    primary.insert(key, out.len());
                }
                out.push(d);
            }
        }
    }
}

/// Runs only the rules that find errors (to decide whether the brief can be simulated).
pub(crate) fn check_errors(cx: &Context, out: &mut Vec<Diagnostic>) {
    for registered in REGISTRY {
        if let (Some(check), Severity::Error) = (registered.rule.check, registered.rule.severity) {
            check(cx, out);
        }
    }
}

/// The user documentation of a rule, from its module doc comment.
pub fn explain(code: &str) -> Option<RuleDoc> {
    let registered = REGISTRY.iter().find(|r| r.rule.code == code)?;
    Some(RuleDoc {
        code: registered.rule.code,
        severity: registered.rule.severity,
        topic: registered.rule.topic,
        doc: module_doc(registered.source),
    })
}

/// The documentation of a rule in `lang`, from the catalogs (`explain.ftl`): what
/// `trekant explain CODE` prints. The English is the rule's module doc comment.
pub fn explain_in(code: &str, lang: Lang) -> Option<RuleDoc> {
    let registered = REGISTRY.iter().find(|r| r.rule.code == code)?;
    Some(RuleDoc {
        code: registered.rule.code,
        severity: registered.rule.severity,
        topic: registered.rule.topic,
        doc: crate::messages::text(lang, &format!("explain-rule-{code}")),
    })
}

/// A rule's one-line summary in `lang`: the first line of its documentation without the
/// `**code** (severity):` lead.
pub fn summary_in(code: &str, lang: Lang) -> Option<String> {
    let doc = explain_in(code, lang)?.doc;
    Some(crate::messages::within(&doc, |doc| {
        let first = doc.lines().next().unwrap_or_default();
        first
            .split_once("):")
            .map_or(first, |(_, rest)| rest)
            .trim()
            .to_owned()
    }))
}

/// All rule codes, for "did you mean" on `trekant explain`.
pub fn codes() -> Vec<&'static str> {
    REGISTRY.iter().map(|r| r.rule.code).collect()
}

/// The leading `//!` lines of a source file, without the markers.
fn module_doc(source: &str) -> String {
    let mut doc = String::new();
    for line in source.lines() {
        let Some(text) = line.strip_prefix("//!") else {
            break;
        };
        doc.push_str(text.strip_prefix(' ').unwrap_or(text));
        doc.push('\n');
    }
    doc.trim_end().to_owned()
}

/// A short human form of hours for messages: "12", "12.5".
pub(crate) fn hours(h: f64) -> String {
    if !h.is_finite() || h.abs() >= 1e9 {
        // 1e308 as "1.0e308", not a 309-digit number (nor a saturated integer).
        format!("{h:.1e}")
    } else if (h - h.round()).abs() < 1e-9 {
        format!("{}", h.round() as i64)
    } else {
        format!("{h:.1}")
    }
}

/// The words a rule's findings cover in a free text, for the rules' own tests: every place,
/// a repeated word's other places included, in source order.
#[cfg(test)]
pub(crate) fn excerpts(code: &str, text: &str, lang: Lang) -> Vec<String> {
    let mut spans: Vec<Span> = crate::review::review_text(text, Some(lang))
        .diagnostics
        .iter()
        .filter(|d| d.code == code)
        .flat_map(|d| std::iter::once(d.span.clone()).chain(d.related.iter().cloned()))
        .collect();
    spans.sort_by_key(|s| s.start);
    spans.into_iter().map(|s| text[s].to_owned()).collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    /// `explain` reads the catalogs; their English must be the module doc, word for word,
    /// and every rule must be explained in every language, under its own code and severity.
    #[test]
    fn every_rule_is_explained_in_every_language() {
        for registered in REGISTRY {
            let code = registered.rule.code;
            let en = explain_in(code, Lang::En).unwrap().doc;
            assert_eq!(
                en,
                module_doc(registered.source),
                "explain.ftl (en) differs from the doc comment of {code}: edit both together"
            );
            let da = explain_in(code, Lang::Da).unwrap().doc;
            let severity = match registered.rule.severity {
                Severity::Error => "fejl",
                Severity::Warning => "advarsel",
                Severity::Info => "info",
            };
            assert!(
                da.starts_with(&format!("**{code}** ({severity}): ")),
                "{code}: {da}"
            );
            assert_ne!(da, en, "{code} is not translated");
            assert!(da.contains("Eksempel"), "{code}: no example in Danish");
        }
    }

    #[test]
    fn every_rule_is_documented_with_an_example() {
        let mut seen = std::collections::HashSet::new();
        for rule in all() {
            assert!(seen.insert(rule.code), "duplicate code {}", rule.code);
            let doc = explain(rule.code).unwrap().doc;
            assert!(doc.len() > 80, "{} has too short a doc: {doc:?}", rule.code);
            assert!(
                rule.code
                    .bytes()
                    .all(|b| b.is_ascii_lowercase() || b == b'-'),
                "{}",
                rule.code
            );
        }
    }
}
