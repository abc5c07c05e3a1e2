//! Showing review findings: compiler-style text for people, JSON for tools.

use annotate_snippets::renderer::DecorStyle;
use annotate_snippets::{AnnotationKind, Group, Level, Renderer, Snippet};
use serde_json::Value;
use trekant_core::forecast::estimate::Verdict;
use trekant_core::span::{LineIndex, Position};
use trekant_core::{Diagnostic, Lang, Severity};

/// A file's text with its line index, for turning spans into places.
pub struct Located<'a> {
    pub name: &'a str,
    pub text: &'a str,
    pub lines: LineIndex,
}

impl<'a> Located<'a> {
    pub fn new(name: &'a str, text: &'a str) -> Self {
        Located {
            name,
            text,
            lines: LineIndex::new(text),
        }
    }

    pub fn position(&self, offset: usize) -> Position {
        self.lines.position(self.text, offset)
    }
}

/// Renders findings like a compiler: severity, code, message, the line with a caret, and the
/// question to ask the client.
pub fn human(file: &Located, diagnostics: &[Diagnostic], lang: Lang, styled: bool) -> String {
    let renderer = if styled {
        Renderer::styled()
    } else {
        Renderer::plain()
    }
    .decor_style(DecorStyle::Unicode);
    let question_label = lang.pick("spørg", "ask");
    let mut out = String::new();
    for diagnostic in diagnostics {
        let level = match diagnostic.severity {
            Severity::Error => Level::ERROR,
            Severity::Warning => Level::WARNING,
            Severity::Info => Level::INFO,
        };
        // Only the lines the finding covers go to the renderer: handing it the whole file
        // for every finding would make a long e-mail with many findings quadratic.
        let (snippet_text, first_line, span) = excerpt_lines(file, diagnostic);
        let mut group = level
            .primary_title(diagnostic.message.as_str())
            .id(diagnostic.code)
            .element(
                Snippet::source(snippet_text)
                    .line_start(first_line)
                    .path(file.name)
                    .annotation(AnnotationKind::Primary.span(span)),
            );
        if let Some(question) = &diagnostic.question {
            group = group.element(
                Level::HELP
                    .with_name(Some(question_label))
                    .message(question.as_str()),
            );
        }
        let report: [Group; 1] = [group];
        out.push_str(&renderer.render(&report));
        out.push_str("\n\n");
    }
    out.push_str(&summary(diagnostics, lang));
    out.push('\n');
    out
}

/// The lines of the file a finding covers, the number of the first, and the finding's span
/// within them.
fn excerpt_lines<'a>(
    file: &Located<'a>,
    diagnostic: &Diagnostic,
) -> (&'a str, usize, std::ops::Range<usize>) {
    let text = file.text;
    let start = diagnostic.span.start.min(text.len());
    let end = diagnostic.span.end.clamp(start, text.len());
    let line_start = text[..start].rfind('\n').map_or(0, |i| i + 1);
    let line_end = text[end..].find('\n').map_or(text.len(), |i| end + i);
    let first_line = file.position(start).line;
    (
        &text[line_start..line_end],
        first_line,
        start - line_start..end - line_start,
    )
}

/// "1 error, 3 warnings" — or that all is well.
pub fn summary(diagnostics: &[Diagnostic], lang: Lang) -> String {
    let count = |s| diagnostics.iter().filter(|d| d.severity == s).count();
    let (errors, warnings) = (count(Severity::Error), count(Severity::Warning));
    if errors + warnings == 0 {
        return lang
            .pick(
                "Ingen fund: briefen er klar og præcis.",
                "No findings: the brief is clear and precise.",
            )
            .to_owned();
    }
    let plural = |n: usize, da: (&str, &str), en: (&str, &str)| {
        let (one, many) = lang.pick(da, en);
        format!("{n} {}", if n == 1 { one } else { many })
    };
    format!(
        "{}, {}",
        plural(errors, ("fejl", "fejl"), ("error", "errors")),
        plural(warnings, ("advarsel", "advarsler"), ("warning", "warnings"))
    )
}

/// The whole review as JSON (the stable shape of `review --format json`).
pub fn review_json(file: &Located, diagnostics: &[Diagnostic], verdict: Option<&Verdict>) -> Value {
    trekant_core::review::json::review_json(file.name, file.text, diagnostics, verdict)
}
