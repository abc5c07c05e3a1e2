//! Byte spans into a source text, and turning them into the line and column a person reads.

use std::ops::Range;

/// A byte range into the source text.
pub type Span = Range<usize>;

/// A value together with the place in the source it came from.
#[derive(Clone, Debug, PartialEq)]
pub struct Spanned<T> {
    pub value: T,
    pub span: Span,
}

impl<T> Spanned<T> {
    pub fn new(value: T, span: Span) -> Self {
        Spanned { value, span }
    }

    pub fn map<U>(self, f: impl FnOnce(T) -> U) -> Spanned<U> {
        Spanned {
            value: f(self.value),
            span: self.span,
        }
    }
}

/// A 1-based line and column; the column counts characters, not bytes, as editors do.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Position {
    pub line: usize,
    pub column: usize,
}

/// Where each line starts, to turn byte offsets into positions in O(log lines).
#[derive(Clone, Debug)]
pub struct LineIndex {
    line_starts: Vec<usize>,
}

impl LineIndex {
    pub fn new(source: &str) -> Self {
        let line_starts = std::iter::once(0)
            .chain(source.match_indices('\n').map(|(i, _)| i + 1))
            .collect();
        LineIndex { line_starts }
    }

    /// The position of a byte offset; offsets past the end or inside a character are clamped.
    pub fn position(&self, source: &str, offset: usize) -> Position {
        let offset = floor_char_boundary(source, offset.min(source.len()));
        let line = self.line_starts.partition_point(|&start| start <= offset) - 1;
        let start = self.line_starts[line];
        Position {
            line: line + 1,
            column: source[start..offset].chars().count() + 1,
        }
    }

    /// The text of a 1-based line, without its line ending.
    pub fn line_text<'s>(&self, source: &'s str, line: usize) -> &'s str {
        let start = self
            .line_starts
            .get(line - 1)
            .copied()
            .unwrap_or(source.len());
        let end = self
            .line_starts
            .get(line)
            .map_or(source.len(), |&next| next - 1);
        source[start..end.max(start)].trim_end_matches('\r')
    }
}

/// The largest char boundary at or below `offset`.
pub fn floor_char_boundary(source: &str, mut offset: usize) -> usize {
    while offset > 0 && !source.is_char_boundary(offset) {
        offset -= 1;
    }
    offset
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn positions_count_characters() {
        let src = "abc\nbrugervenlig æøå x\n";
        let index = LineIndex::new(src);
        assert_eq!(index.position(src, 0), Position { line: 1, column: 1 });
        let x = src.find('x').unwrap();
        assert_eq!(
            index.position(src, x),
            Position {
                line: 2,
                column: 18
            }
        );
        assert_eq!(index.line_text(src, 2), "brugervenlig æøå x");
        assert_eq!(index.position(src, src.len()).line, 3);
    }
}
