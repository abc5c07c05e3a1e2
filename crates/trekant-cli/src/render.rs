//! Showing review findings: compiler-style text for people, JSON for tools.

use annotate_snippets::renderer::DecorStyle;
use annotate_snippets::{AnnotationKind, Group, Level, Renderer, Snippet};
use trekant_core::span::{LineIndex, Position, ceil_char_boundary, floor_char_boundary};
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
    let question_label = trekant_core::t!(lang, "render-question-label");
    let related_label = trekant_core::t!(lang, "render-related-label");
    let names = [
        trekant_core::messages::text(lang, "severity-error"),
        trekant_core::messages::text(lang, "severity-warning"),
        trekant_core::messages::text(lang, "severity-info"),
    ];
    let mut out = String::new();
    for diagnostic in diagnostics {
        let level = match diagnostic.severity {
            Severity::Error => Level::ERROR.with_name(Some(names[0].as_str())),
            Severity::Warning => Level::WARNING.with_name(Some(names[1].as_str())),
            Severity::Info => Level::INFO.with_name(Some(names[2].as_str())),
        };
        // Only the lines the finding covers go to the renderer: handing it the whole file
        // for every finding would make a long e-mail with many findings quadratic.
        let (snippet_text, first_line, span, cut) = excerpt_lines(file, diagnostic);
        // The renderer counts the column within the excerpt; a cut one needs the true column.
        let location = cut.then(|| {
            let shown = snippet_text[..span.start].chars().count() + 1;
            let column = file.position(diagnostic.span.start).column;
            (
                format!("{}:{first_line}:{shown}", file.name),
                format!("{}:{first_line}:{column}", file.name),
            )
        });
        let mut group = level
            .primary_title(diagnostic.message.as_str())
            .id(diagnostic.code)
            .element(
                Snippet::source(snippet_text)
                    .line_start(first_line)
                    .path(file.name)
                    .annotation(AnnotationKind::Primary.span(span)),
            );
        if !diagnostic.related.is_empty() {
            group = group.element(
                Level::NOTE
                    .with_name(Some(related_label.as_str()))
                    .message(related_lines(file, diagnostic, lang)),
            );
        }
        if let Some(question) = &diagnostic.question {
            group = group.element(
                Level::HELP
                    .with_name(Some(question_label.as_str()))
                    .message(question.as_str()),
            );
        }
        let report: [Group; 1] = [group];
        let rendered = renderer.render(&report);
        match location {
            Some((shown, column)) => out.push_str(&rendered.replacen(&shown, &column, 1)),
            None => out.push_str(&rendered),
        }
        out.push_str("\n\n");
    }
    out.push_str(&summary(diagnostics, lang));
    out.push('\n');
    out
}

/// At most this many other places are listed by line; the rest are counted.
const RELATED_SHOWN: usize = 12;

/// The lines of a finding's other places: "lines 58, 67, 70", each line once.
fn related_lines(file: &Located, diagnostic: &Diagnostic, lang: Lang) -> String {
    let mut lines: Vec<usize> = Vec::new();
    for span in &diagnostic.related {
        let line = file.position(span.start).line;
        if lines.last() != Some(&line) {
            lines.push(line);
        }
    }
    lines.dedup();
    let mut text = lines
        .iter()
        .take(RELATED_SHOWN)
        .map(usize::to_string)
        .collect::<Vec<_>>()
        .join(", ");
    if lines.len() > RELATED_SHOWN {
        text.push_str(&format!(", … (+{})", lines.len() - RELATED_SHOWN));
    }
    trekant_core::t!(lang, "render-related", lines = text, count = lines.len())
}

/// At most this many bytes of a long line are shown on each side of a finding.
const WINDOW: usize = 160;

/// The lines of the file a finding covers, the number of the first, the finding's span
/// within them, and whether the lines were cut to a window around the finding.
///
/// Each step is bounded by the finding's own size and [`WINDOW`], not by the line's length:
/// a 1 MB e-mail on one line with thousands of findings is shown in linear time.
fn excerpt_lines<'a>(
    file: &Located<'a>,
    diagnostic: &Diagnostic,
) -> (&'a str, usize, std::ops::Range<usize>, bool) {
    let text = file.text;
    let start = floor_char_boundary(text, diagnostic.span.start.min(text.len()));
    let end = ceil_char_boundary(text, diagnostic.span.end.clamp(start, text.len()));
    let first_line = file.position(start).line;
    let last_line = file.position(end).line;
    let line_start = file.lines.line_start(text, first_line);
    let line_end = match file.lines.line_start(text, last_line + 1) {
        next if next < text.len() || text.ends_with('\n') => next.saturating_sub(1),
        _ => text.len(),
    }
    .max(end);
    let from = floor_char_boundary(text, start.saturating_sub(WINDOW).max(line_start));
    let to = ceil_char_boundary(text, (end + WINDOW).min(line_end));
    let cut = from > line_start || to < line_end;
    (&text[from..to], first_line, start - from..end - from, cut)
}

/// "1 error, 3 warnings" — or that all is well.
pub fn summary(diagnostics: &[Diagnostic], lang: Lang) -> String {
    let count = |s| diagnostics.iter().filter(|d| d.severity == s).count();
    let (errors, warnings) = (count(Severity::Error), count(Severity::Warning));
    if errors + warnings == 0 {
        return trekant_core::messages::text(lang, "summary-no-findings");
    }
    trekant_core::t!(
        lang,
        "summary",
        errors = errors,
        warnings = warnings,
        errors_text = errors.to_string(),
        warnings_text = warnings.to_string(),
    )
}

#[cfg(test)]
mod tests {
    use super::*;
    use proptest::prelude::*;

    fn finding(span: std::ops::Range<usize>) -> Diagnostic {
        let mut d = trekant_core::brief::syntax::not_utf8(Lang::En, 0);
        d.span = span;
        d
    }

    proptest! {
        /// The work per finding is bounded by the finding and the window, never by the
        /// length of its line: that is what keeps a long one-line e-mail linear.
        #[test]
        fn an_excerpt_is_bounded_whatever_the_line_length(
            words in 1usize..20_000,
            at in 0.0f64..1.0,
            len in 0usize..40,
            danish in any::<bool>(),
        ) {
            let word = if danish { "æblegrød " } else { "simple " };
            let text = word.repeat(words);
            let start = floor_char_boundary(&text, (at * text.len() as f64) as usize);
            let end = ceil_char_boundary(&text, (start + len).min(text.len()));
            let file = Located::new("x.txt", &text);
            let (excerpt, line, span, cut) = excerpt_lines(&file, &finding(start..end));
            prop_assert_eq!(line, 1);
            prop_assert!(excerpt.len() <= 2 * WINDOW + (end - start) + 8);
            prop_assert_eq!(&excerpt[span.clone()], &text[start..end]);
            prop_assert_eq!(cut, excerpt.len() < text.len());
        }
    }

    #[test]
    fn a_cut_excerpt_shows_the_true_column() {
        let text = format!("{}modern", "ø ".repeat(2_000));
        let start = text.find("modern").unwrap();
        let file = Located::new("x.txt", &text);
        let shown = human(&file, &[finding(start..start + 6)], Lang::En, false);
        assert!(shown.contains("x.txt:1:4001"), "{shown}");
    }
}
