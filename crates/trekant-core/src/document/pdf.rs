//! Typesetting a Typst document into PDF, in memory, with the `typst` compiler: one source
//! file, the fonts built into `typst-assets`, no other files, no packages, no network and a
//! given date, so the same text always gives the same PDF. Only built with the `pdf` feature.

use std::sync::LazyLock;

use jiff::civil::Date;
use typst::diag::{FileError, FileResult, Severity, SourceDiagnostic, Warned};
use typst::foundations::{Bytes, Datetime, Duration, Smart};
use typst::syntax::{FileId, Source};
use typst::text::{Font, FontBook};
use typst::utils::LazyHash;
use typst::{Library, LibraryExt, World, WorldExt};
use typst_layout::PagedDocument;

/// A problem typst reports, as plain data: where it is in the Typst source and what to do.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Diagnostic {
    pub message: String,
    /// 1-based line in the Typst source, when the problem has a place there.
    pub line: Option<usize>,
    /// That line's text, trimmed.
    pub excerpt: Option<String>,
    pub hints: Vec<String>,
}

impl std::fmt::Display for Diagnostic {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str(&self.message)?;
        if let Some(line) = self.line {
            write!(f, " (line {line} of the Typst source")?;
            if let Some(excerpt) = &self.excerpt {
                write!(f, ": {excerpt}")?;
            }
            f.write_str(")")?;
        }
        for hint in &self.hints {
            write!(f, "; hint: {hint}")?;
        }
        Ok(())
    }
}

#[derive(Debug, thiserror::Error)]
pub enum PdfError {
    /// The Typst source has errors (syntax, unknown names, a failed `panic`, bad images).
    #[error("{}", join(.0))]
    Typeset(Vec<Diagnostic>),
    /// The laid-out document cannot be written as PDF.
    #[error("{}", join(.0))]
    Export(Vec<Diagnostic>),
}

fn join(diagnostics: &[Diagnostic]) -> String {
    diagnostics
        .iter()
        .map(ToString::to_string)
        .collect::<Vec<_>>()
        .join("\n")
}

/// Typesets `source` (Typst markup) into a PDF. `today` is what Typst's `datetime.today()`
/// answers and the PDF's creation date.
pub fn pdf(source: &str, today: Date) -> Result<Vec<u8>, PdfError> {
    let today = Datetime::from_ymd(
        i32::from(today.year()),
        today.month().unsigned_abs(),
        today.day().unsigned_abs(),
    );
    let world = Document {
        source: Source::detached(source),
        today,
    };
    let Warned { output, .. } = typst::compile::<PagedDocument>(&world);
    // typst memoizes across compilations; keep what a long-running caller holds bounded.
    typst::comemo::evict(10);
    let document = output.map_err(|errors| PdfError::Typeset(diagnostics(&world, &errors)))?;
    let options = typst_pdf::PdfOptions {
        ident: Smart::Auto,
        creator: Smart::Custom(Some("trekant".to_owned())),
        timestamp: today.map(typst_pdf::Timestamp::new_utc),
        ..typst_pdf::PdfOptions::default()
    };
    typst_pdf::pdf(&document, &options)
        .map_err(|errors| PdfError::Export(diagnostics(&world, &errors)))
}

/// Typst's standard library, built once.
static LIBRARY: LazyLock<LazyHash<Library>> = LazyLock::new(|| LazyHash::new(Library::default()));

/// The embedded fonts (Libertinus Serif, New Computer Modern, DejaVu Sans Mono), parsed once.
static FONTS: LazyLock<(LazyHash<FontBook>, Vec<Font>)> = LazyLock::new(|| {
    let fonts: Vec<Font> = typst_assets::fonts()
        .flat_map(|data| Font::iter(Bytes::new(data)))
        .collect();
    (LazyHash::new(FontBook::from_fonts(&fonts)), fonts)
});

/// What Typst may see of the world: the source, the fonts and the date.
struct Document {
    source: Source,
    today: Option<Datetime>,
}

impl World for Document {
    fn library(&self) -> &LazyHash<Library> {
        &LIBRARY
    }

    fn book(&self) -> &LazyHash<FontBook> {
        &FONTS.0
    }

    fn main(&self) -> FileId {
        self.source.id()
    }

    fn source(&self, id: FileId) -> FileResult<Source> {
        if id == self.source.id() {
            Ok(self.source.clone())
        } else {
            Err(not_found(id))
        }
    }

    fn file(&self, id: FileId) -> FileResult<Bytes> {
        if id == self.source.id() {
            Ok(Bytes::from_string(self.source.clone()))
        } else {
            Err(not_found(id))
        }
    }

    fn font(&self, index: usize) -> Option<Font> {
        FONTS.1.get(index).cloned()
    }

    fn today(&self, _offset: Option<Duration>) -> Option<Datetime> {
        self.today
    }
}

/// Templates cannot read files: the document is one self-contained source.
fn not_found(id: FileId) -> FileError {
    FileError::NotFound(id.vpath().get_with_slash().into())
}

fn diagnostics(world: &Document, errors: &[SourceDiagnostic]) -> Vec<Diagnostic> {
    let text = world.source.text();
    errors
        .iter()
        .filter(|d| d.severity == Severity::Error)
        .map(|d| {
            let start = world.range(d.span).map(|r| r.start.min(text.len()));
            let line = start
                .and_then(|s| text.get(..s))
                .map(|before| before.matches('\n').count() + 1);
            let excerpt = line
                .and_then(|l| text.lines().nth(l - 1))
                .map(|l| shorten(l.trim()));
            Diagnostic {
                message: d.message.to_string(),
                line,
                excerpt,
                hints: d.hints.iter().map(|h| h.v.to_string()).collect(),
            }
        })
        .collect()
}

/// A source line short enough for an error message (the charts are one long line each).
fn shorten(line: &str) -> String {
    const MAX: usize = 120;
    match line.char_indices().nth(MAX) {
        Some((cut, _)) => format!("{}…", &line[..cut]),
        None => line.to_owned(),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn today() -> Date {
        Date::new(2027, 3, 31).unwrap()
    }

    #[test]
    fn a_document_becomes_a_pdf_and_the_same_source_the_same_bytes() {
        let source =
            "#set page(paper: \"a4\")\n= Tilbud\nÆbler, øl og _år_ #datetime.today().display()";
        let first = pdf(source, today()).unwrap();
        assert!(first.starts_with(b"%PDF-") && first.len() > 1000);
        assert_eq!(first, pdf(source, today()).unwrap());
    }

    #[test]
    fn errors_are_data_with_their_line() {
        let Err(PdfError::Typeset(errors)) = pdf("= Title\n\n#no_such_thing(1)\n", today()) else {
            panic!("an unknown function must fail");
        };
        assert_eq!(errors.len(), 1);
        assert_eq!(errors[0].line, Some(3));
        assert_eq!(errors[0].excerpt.as_deref(), Some("#no_such_thing(1)"));
        assert!(errors[0].message.contains("unknown variable"), "{errors:?}");
        let Err(error) = pdf("#panic(\"stop\")", today()) else {
            panic!("panic must fail");
        };
        assert!(error.to_string().contains("stop"), "{error}");
    }

    #[test]
    fn no_files_and_no_packages() {
        for source in [
            "#read(\"/etc/hostname\")",
            "#image(\"x.png\")",
            "#import \"@preview/cetz:0.3.0\": canvas",
        ] {
            assert!(pdf(source, today()).is_err(), "{source}");
        }
    }
}
