//! Positions: the compiler's byte offsets to the protocol's line and character, and back.
//!
//! The protocol counts characters in UTF-16 code units unless client and server agreed
//! on UTF-8 at `initialize` ([`Encoding`]); surveys are full of `è` and `à`, so the two
//! differ on most lines.

use lsp_types::{Position, Range};
use rileva_compiler::source::Span;

/// How `Position::character` counts.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub enum Encoding {
    #[default]
    Utf16,
    Utf8,
}

/// Line starts of one text, for converting in both directions.
#[derive(Debug, Clone)]
pub struct LineIndex<'a> {
    text: &'a str,
    starts: Vec<usize>,
    encoding: Encoding,
}

impl<'a> LineIndex<'a> {
    pub fn new(text: &'a str, encoding: Encoding) -> Self {
        let mut starts = vec![0];
        starts.extend(text.match_indices('\n').map(|(i, _)| i + 1));
        LineIndex {
            text,
            starts,
            encoding,
        }
    }

    /// The position of a byte offset (clamped to the text, snapped to a char boundary).
    pub fn position(&self, offset: usize) -> Position {
        let mut offset = offset.min(self.text.len());
        while !self.text.is_char_boundary(offset) {
            offset -= 1;
        }
        let line = self.starts.partition_point(|&s| s <= offset) - 1;
        let before = &self.text[self.starts[line]..offset];
        let character = match self.encoding {
            Encoding::Utf16 => before.encode_utf16().count(),
            Encoding::Utf8 => before.len(),
        };
        Position::new(line as u32, character as u32)
    }

    pub fn range(&self, span: Span) -> Range {
        Range::new(
            self.position(span.start as usize),
            self.position(span.end as usize),
        )
    }

    /// The byte offset of a position; past the end of a line is its end, past the last
    /// line is the end of the text.
    pub fn offset(&self, position: Position) -> usize {
        let Some(&start) = self.starts.get(position.line as usize) else {
            return self.text.len();
        };
        let end = self
            .starts
            .get(position.line as usize + 1)
            .map_or(self.text.len(), |next| next - 1);
        let line = &self.text[start..end];
        let mut units = 0usize;
        for (i, c) in line.char_indices() {
            if units >= position.character as usize {
                return start + i;
            }
            units += match self.encoding {
                Encoding::Utf16 => c.len_utf16(),
                Encoding::Utf8 => c.len_utf8(),
            };
        }
        end
    }

    /// The whole text as a range (for an edit that replaces it).
    pub fn full_range(&self) -> Range {
        Range::new(Position::new(0, 0), self.position(self.text.len()))
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn accented_letters_count_once_in_utf16_and_twice_in_utf8() {
        let text = "title \"Qualità\"\nquestion età: nps\n";
        let at = text.find("età").unwrap() + "età".len();
        let utf16 = LineIndex::new(text, Encoding::Utf16);
        assert_eq!(utf16.position(at), Position::new(1, 12));
        assert_eq!(utf16.offset(Position::new(1, 12)), at);
        let utf8 = LineIndex::new(text, Encoding::Utf8);
        assert_eq!(utf8.position(at), Position::new(1, 13));
        assert_eq!(utf8.offset(Position::new(1, 13)), at);
    }

    #[test]
    fn positions_past_the_end_are_clamped() {
        let index = LineIndex::new("ab\ncd", Encoding::Utf16);
        assert_eq!(index.offset(Position::new(0, 99)), 2);
        assert_eq!(index.offset(Position::new(9, 0)), 5);
        assert_eq!(index.position(99), Position::new(1, 2));
    }
}
