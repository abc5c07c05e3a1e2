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

/// Where each line starts, and how many characters come before every 4,096th byte,
/// to turn byte offsets into positions in O(log lines + 4,096) however long the line:
/// a 1 MB e-mail on one line with thousands of findings stays linear.
#[derive(Clone, Debug)]
pub struct LineIndex {
    line_starts: Vec<usize>,
    /// `(byte, chars before it)` at char boundaries about [`CHECKPOINT`] bytes apart.
    checkpoints: Vec<(usize, usize)>,
}

/// Bytes between two checkpoints of the character count.
const CHECKPOINT: usize = 4096;

impl LineIndex {
    pub fn new(source: &str) -> Self {
        let line_starts = std::iter::once(0)
            .chain(source.match_indices('\n').map(|(i, _)| i + 1))
            .collect();
        let mut checkpoints = vec![(0, 0)];
        let mut at = 0;
        while at + CHECKPOINT < source.len() {
            let next = floor_char_boundary(source, at + CHECKPOINT).max(at + 1);
            let next = ceil_char_boundary(source, next);
            let chars = checkpoints.last().map_or(0, |c| c.1) + source[at..next].chars().count();
            checkpoints.push((next, chars));
            at = next;
        }
        LineIndex {
            line_starts,
            checkpoints,
        }
    }

    /// The number of characters before byte `offset` (a char boundary).
    fn chars_before(&self, source: &str, offset: usize) -> usize {
        let k = self
            .checkpoints
            .partition_point(|&(byte, _)| byte <= offset)
            - 1;
        let (byte, chars) = self.checkpoints[k];
        chars + source[byte..offset].chars().count()
    }

    /// The byte offset where a 1-based line starts (the end of the text past the last line).
    pub fn line_start(&self, source: &str, line: usize) -> usize {
        line.checked_sub(1)
            .and_then(|i| self.line_starts.get(i))
            .copied()
            .unwrap_or(source.len())
    }

    /// The position of a byte offset; offsets past the end or inside a character are clamped.
    pub fn position(&self, source: &str, offset: usize) -> Position {
        let offset = floor_char_boundary(source, offset.min(source.len()));
        let line = self.line_starts.partition_point(|&start| start <= offset) - 1;
        let start = self.line_starts[line];
        let column = if offset - start <= CHECKPOINT {
            source[start..offset].chars().count()
        } else {
            self.chars_before(source, offset) - self.chars_before(source, start)
        };
        Position {
            line: line + 1,
            column: column + 1,
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

/// The smallest char boundary at or above `offset`.
pub fn ceil_char_boundary(source: &str, mut offset: usize) -> usize {
    while offset < source.len() && !source.is_char_boundary(offset) {
        offset += 1;
    }
    offset.min(source.len())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn columns_on_a_long_line_count_characters_past_the_checkpoints() {
        let src = format!("x\n{}", "æb".repeat(10_000));
        let index = LineIndex::new(&src);
        for offset in [2, 3, 4, 4097, 4098, 9000, 9001, src.len()] {
            let offset = floor_char_boundary(&src, offset);
            let expected = src[2..offset].chars().count() + 1;
            assert_eq!(index.position(&src, offset).column, expected, "{offset}");
        }
        assert_eq!(index.line_start(&src, 2), 2);
    }

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
