//! Syntax stage, fast path: the byte cursor. Reads the tokens of the grammar's lexical rules
//! (names, paths, numbers, strings, keywords, punctuation) exactly as pest would, skipping
//! whitespace and `//` comments between them, and marks the run unsure on anything it does
//! not judge the same way for certain (a non-ASCII byte outside a string, an escape, a number
//! out of range), so that the entry goes to pest instead.

use crate::source::{FileId, Span};
use crate::syntax::ast::*;

pub(super) struct Cursor<'t> {
    /// The whole file (doc comments are read before the entry).
    pub text: &'t str,
    /// The bytes the grammar may read: up to the first too-deep expression point.
    bytes: &'t [u8],
    pub file: FileId,
    /// Offset of the next token (whitespace and comments already skipped).
    pub pos: usize,
    /// End of the last leaf read: where pest's `tight_end` puts the end of a rule.
    pub last_end: usize,
    /// Set when the input holds something the fast path does not judge for certain.
    pub unsure: bool,
    /// Nesting of `(` and `not` in the expression being read.
    pub depth: usize,
}

/// A byte of `name_char` that is ASCII (`LETTER | MARK | ASCII_DIGIT | "_" | "-"`).
fn is_name_byte(b: u8) -> bool {
    b.is_ascii_alphanumeric() || b == b'_' || b == b'-'
}

impl<'t> Cursor<'t> {
    pub fn new(file: FileId, text: &'t str, start: usize, limit: usize) -> Self {
        let bytes = text.as_bytes().get(..limit).unwrap_or(&[]);
        Cursor {
            text,
            bytes,
            file,
            pos: start,
            last_end: start,
            unsure: false,
            depth: 0,
        }
    }

    pub fn span(&self, start: usize) -> Span {
        Span::new(self.file, start, self.last_end)
    }

    pub fn peek(&self) -> Option<u8> {
        self.bytes.get(self.pos).copied()
    }

    pub fn peek_second(&self) -> Option<u8> {
        self.byte(self.pos + 1)
    }

    /// Take the next `len` bytes as one token.
    pub fn advance(&mut self, len: usize) {
        self.take(self.pos + len, self.pos + len);
    }

    fn byte(&self, at: usize) -> Option<u8> {
        self.bytes.get(at).copied()
    }

    fn slice(&self, start: usize, end: usize) -> &'t str {
        self.text.get(start..end).unwrap_or("")
    }

    /// Skip `WHITESPACE` and `COMMENT`, as pest does between the parts of a rule.
    fn skip(&mut self) {
        while let Some(b) = self.byte(self.pos) {
            match b {
                b' ' | b'\t' | b'\r' | b'\n' => self.pos += 1,
                0xEF if self.bytes.get(self.pos..self.pos + 3) == Some(&[0xEF, 0xBB, 0xBF]) => self.pos += 3,
                b'/' if self.byte(self.pos + 1) == Some(b'/') => {
                    while self.byte(self.pos).is_some_and(|c| c != b'\n') {
                        self.pos += 1;
                    }
                }
                b if b >= 0x80 => {
                    self.unsure = true;
                    return;
                }
                _ => return,
            }
        }
    }

    /// Take the token up to `end` (its leaf ends at `leaf_end`) and skip what follows.
    fn take(&mut self, leaf_end: usize, end: usize) {
        self.last_end = leaf_end;
        self.pos = end;
        self.skip();
    }

    /// End of the run of ASCII name characters from `at`; unsure when a non-ASCII byte
    /// (perhaps a letter or a mark) follows it.
    fn word_end(&mut self, at: usize) -> usize {
        let mut end = at;
        while self.byte(end).is_some_and(is_name_byte) {
            end += 1;
        }
        if self.byte(end).is_some_and(|b| b >= 0x80) {
            self.unsure = true;
        }
        end
    }

    /// The word at the cursor (empty when none), not taken.
    pub fn word(&mut self) -> &'t str {
        let end = self.word_end(self.pos);
        self.slice(self.pos, end)
    }

    /// `kw_*`: the keyword followed by no name character.
    pub fn keyword(&mut self, keyword: &str) -> bool {
        if self.word() != keyword {
            return false;
        }
        let end = self.pos + keyword.len();
        self.take(end, end);
        true
    }

    /// A punctuation token of one byte (`{`, `}`, `:`, `(`, `)`, `[`, `]`, `,`).
    pub fn punct(&mut self, b: u8) -> bool {
        if self.peek() != Some(b) {
            return false;
        }
        self.take(self.pos + 1, self.pos + 1);
        true
    }

    /// `..`
    pub fn dotdot(&mut self) -> bool {
        if self.bytes.get(self.pos..self.pos + 2) != Some(b"..") {
            return false;
        }
        self.take(self.pos + 2, self.pos + 2);
        true
    }

    /// End of the `name` starting at `at`, if one does.
    fn raw_name(&mut self, at: usize) -> Option<usize> {
        match self.byte(at)? {
            b if b.is_ascii_alphabetic() || b == b'_' => Some(self.word_end(at)),
            b if b >= 0x80 => {
                self.unsure = true;
                None
            }
            _ => None,
        }
    }

    pub fn name(&mut self) -> Option<Ident> {
        let start = self.pos;
        let end = self.raw_name(start)?;
        self.take(end, end);
        Some(self.ident(start, end))
    }

    fn ident(&self, start: usize, end: usize) -> Ident {
        Ident {
            name: self.slice(start, end).to_owned(),
            span: Span::new(self.file, start, end),
        }
    }

    /// `name ~ ("." ~ name)*`, with nothing between the parts.
    pub fn path(&mut self) -> Option<Path> {
        let start = self.pos;
        let mut end = self.raw_name(start)?;
        let mut segments = vec![self.ident(start, end)];
        while self.byte(end) == Some(b'.') {
            let Some(next) = self.raw_name(end + 1) else { break };
            segments.push(self.ident(end + 1, next));
            end = next;
        }
        self.take(end, end);
        Some(Path {
            segments,
            span: Span::new(self.file, start, end),
        })
    }

    /// End of a run of ASCII digits from `at`, if there is one.
    fn digits(&self, at: usize) -> Option<usize> {
        let mut end = at;
        while self.byte(end).is_some_and(|b| b.is_ascii_digit()) {
            end += 1;
        }
        (end > at).then_some(end)
    }

    /// `!name_char` at `at`.
    fn boundary(&mut self, at: usize) -> bool {
        match self.byte(at) {
            Some(b) if b >= 0x80 => {
                self.unsure = true;
                false
            }
            Some(b) => !is_name_byte(b),
            None => true,
        }
    }

    /// End of the `int` starting at `at`, if one does (its value is not judged).
    fn raw_int(&mut self, at: usize) -> Option<usize> {
        let digits_at = if self.byte(at) == Some(b'-') { at + 1 } else { at };
        let end = self.digits(digits_at)?;
        self.boundary(end).then_some(end)
    }

    fn int_at(&mut self, start: usize, end: usize) -> IntLit {
        let value = self.slice(start, end).parse::<i64>().unwrap_or_else(|_| {
            self.unsure = true;
            0
        });
        IntLit {
            value,
            span: Span::new(self.file, start, end),
        }
    }

    pub fn int(&mut self) -> Option<IntLit> {
        let start = self.pos;
        let end = self.raw_int(start)?;
        self.take(end, end);
        Some(self.int_at(start, end))
    }

    /// Whether an `int` may start here (then `code_def` is the only choice).
    pub fn at_int(&self) -> bool {
        match self.peek() {
            Some(b'-') => true,
            Some(b) => b.is_ascii_digit(),
            None => false,
        }
    }

    /// `ASCII_DIGIT+ ~ ("." ~ ASCII_DIGIT+)* ~ !name_char`
    pub fn version(&mut self) -> Option<Version> {
        let start = self.pos;
        let mut end = self.digits(start)?;
        while self.byte(end) == Some(b'.') {
            let Some(next) = self.digits(end + 1) else { break };
            end = next;
        }
        if !self.boundary(end) {
            return None;
        }
        self.take(end, end);
        Some(Version {
            text: self.slice(start, end).to_owned(),
            span: Span::new(self.file, start, end),
        })
    }

    /// `ASCII_DIGIT+ ~ ("s" | "m") ~ !name_char`
    pub fn duration(&mut self) -> Option<Duration> {
        let start = self.pos;
        let digits = self.digits(start)?;
        let factor = match self.byte(digits)? {
            b's' => 1,
            b'm' => 60,
            _ => return None,
        };
        if !self.boundary(digits + 1) {
            return None;
        }
        let seconds = self
            .slice(start, digits)
            .parse::<u64>()
            .ok()
            .and_then(|n| n.checked_mul(factor));
        self.unsure |= seconds.is_none();
        self.take(digits + 1, digits + 1);
        Some(Duration {
            seconds: seconds.unwrap_or(0),
            span: Span::new(self.file, start, digits + 1),
        })
    }

    /// A string on one line without escapes; its span ends before the closing quote, as
    /// the `str_body` leaf does.
    pub fn string(&mut self) -> Option<StrLit> {
        let start = self.pos;
        if self.peek() != Some(b'"') {
            return None;
        }
        let body = start + 1;
        let mut end = body;
        loop {
            match self.byte(end)? {
                b'"' => break,
                b'\n' => return None,
                b'\\' => {
                    self.unsure = true;
                    return None;
                }
                _ => end += 1,
            }
        }
        let value = self.slice(body, end).to_owned();
        self.take(end, end + 1);
        Some(StrLit {
            value,
            span: Span::new(self.file, start, end),
        })
    }

    /// A `translation_key`: `name ~ ("." ~ (name | int))*`, with nothing between the parts.
    pub fn translation_key(&mut self) -> Option<Vec<KeySegment>> {
        let start = self.pos;
        let mut end = self.raw_name(start)?;
        let mut key = vec![KeySegment::Name(self.ident(start, end))];
        while self.byte(end) == Some(b'.') {
            if let Some(next) = self.raw_name(end + 1) {
                key.push(KeySegment::Name(self.ident(end + 1, next)));
                end = next;
            } else if let Some(next) = self.raw_int(end + 1) {
                key.push(KeySegment::Code(self.int_at(end + 1, next)));
                end = next;
            } else {
                break;
            }
        }
        self.take(end, end);
        Some(key)
    }

    /// An `int_line`: numbers separated by spaces or tabs on one line.
    pub fn int_line(&mut self) -> Option<Vec<IntLit>> {
        let start = self.pos;
        let mut end = self.raw_int(start)?;
        let mut codes = vec![self.int_at(start, end)];
        loop {
            let mut at = end;
            while matches!(self.byte(at), Some(b' ' | b'\t')) {
                at += 1;
            }
            let Some(next) = (at > end).then(|| self.raw_int(at)).flatten() else {
                break;
            };
            codes.push(self.int_at(at, next));
            end = next;
        }
        self.take(end, end);
        Some(codes)
    }

    /// A `name_list`: names separated by spaces or tabs on one line, stopping before a
    /// property keyword.
    pub fn name_list(&mut self) -> Option<Vec<Ident>> {
        const STOP: &[&str] = &[
            "help", "required", "show", "personal", "locked", "min", "max", "channels",
        ];
        let mut names = Vec::new();
        let mut at = self.pos;
        let mut end = at;
        while let Some(next) = self.raw_name(at) {
            if STOP.contains(&self.slice(at, next)) {
                break;
            }
            names.push(self.ident(at, next));
            end = next;
            at = next;
            while matches!(self.byte(at), Some(b' ' | b'\t')) {
                at += 1;
            }
            if at == end {
                break;
            }
        }
        if names.is_empty() {
            return None;
        }
        self.take(end, end);
        Some(names)
    }
}
