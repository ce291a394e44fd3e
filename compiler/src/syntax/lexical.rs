//! Syntax stage, lexical pre-scan: a rough token list used to skip to the next item after an
//! error, to name the offending token, to find unterminated strings, and to stop expressions
//! nested so deeply that the recursive grammar would exhaust the stack. Also decodes escapes.

/// Deepest nesting of `(` and `not` an expression may have.
pub(crate) const MAX_EXPR_DEPTH: usize = 64;

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum TokKind {
    /// A run of letters, digits, `_` and `-` starting with a letter or `_`.
    Word,
    /// A number, version or duration: `9`, `-1`, `2024.1`, `20s`.
    Number,
    Str {
        terminated: bool,
    },
    LBrace,
    RBrace,
    LParen,
    RParen,
    /// Any other character or operator.
    Punct,
}

#[derive(Debug, Clone, Copy)]
pub(crate) struct Token {
    pub kind: TokKind,
    pub start: usize,
    pub end: usize,
    /// No other token before it on its line.
    pub first_on_line: bool,
    /// Characters before it on its line.
    pub column: usize,
}

/// The tokens of a file, and the places where a grammar run must stop.
#[derive(Debug, Default)]
pub(crate) struct Lexed {
    pub tokens: Vec<Token>,
    /// Start of each token that nests an expression deeper than [`MAX_EXPR_DEPTH`].
    pub too_deep: Vec<usize>,
    /// Byte ranges of the `///` doc comments.
    pub docs: Vec<(usize, usize)>,
}

impl Lexed {
    /// Index of the first token starting at or after `offset`.
    pub fn token_at(&self, offset: usize) -> usize {
        self.tokens.partition_point(|t| t.start < offset)
    }

    pub fn get(&self, index: usize) -> Option<&Token> {
        self.tokens.get(index)
    }

    /// The first too-deep point at or after `offset`.
    pub fn too_deep_after(&self, offset: usize) -> Option<usize> {
        let i = self.too_deep.partition_point(|&p| p < offset);
        self.too_deep.get(i).copied()
    }
}

fn is_name_char(c: char) -> bool {
    c.is_alphanumeric() || c == '_' || c == '-'
}

/// The character at byte `pos` of `text` and its length; ASCII without decoding.
fn char_at(text: &str, pos: usize) -> Option<(char, usize)> {
    let b = *text.as_bytes().get(pos)?;
    if b.is_ascii() {
        return Some((char::from(b), 1));
    }
    let c = text.get(pos..)?.chars().next()?;
    Some((c, c.len_utf8()))
}

/// End of the run of characters from `pos` for which `keep` holds.
fn run_end(text: &str, mut pos: usize, keep: impl Fn(char) -> bool) -> usize {
    while let Some((c, len)) = char_at(text, pos) {
        if !keep(c) {
            break;
        }
        pos += len;
    }
    pos
}

/// End of the run of name characters from `pos`: ASCII bytes are judged without decoding,
/// the rest of the run from the first non-ASCII byte by [`run_end`].
fn name_end(text: &str, mut pos: usize) -> usize {
    let bytes = text.as_bytes();
    while bytes
        .get(pos)
        .is_some_and(|&b| b.is_ascii_alphanumeric() || b == b'_' || b == b'-')
    {
        pos += 1;
    }
    run_end(text, pos, is_name_char)
}

/// Split `text` into tokens; never fails. Reads bytes, decoding only non-ASCII characters.
pub(crate) fn scan(text: &str) -> Lexed {
    let bytes = text.as_bytes();
    let mut tokens = Vec::with_capacity(text.len() / 6);
    let mut docs = Vec::new();
    let mut first_on_line = true;
    let mut column = 0;
    let mut pos = 0;
    while let Some((c, len)) = char_at(text, pos) {
        if c == ' ' {
            pos += 1;
            column += 1;
            continue;
        }
        let start = pos;
        pos += len;
        if c == '\n' {
            first_on_line = true;
            column = 0;
            continue;
        }
        if c.is_whitespace() || c == '\u{FEFF}' {
            column += 1;
            continue;
        }
        let kind = match c {
            '/' if bytes.get(pos) == Some(&b'/') => {
                let end = bytes[pos..]
                    .iter()
                    .position(|&b| b == b'\n')
                    .map_or(text.len(), |i| pos + i);
                if bytes[start..].starts_with(b"///") && !bytes[start..].starts_with(b"////") {
                    docs.push((start, end));
                }
                pos = end;
                continue;
            }
            '"' => {
                let (kind, end) = scan_string(bytes, pos);
                pos = end;
                kind
            }
            '{' => TokKind::LBrace,
            '}' => TokKind::RBrace,
            '(' => TokKind::LParen,
            ')' => TokKind::RParen,
            c if c.is_ascii_digit() || (c == '-' && bytes.get(pos).is_some_and(u8::is_ascii_digit)) => {
                pos = scan_number(text, pos);
                TokKind::Number
            }
            c if is_name_char(c) => {
                pos = name_end(text, pos);
                TokKind::Word
            }
            '.' | '<' | '>' | '!' => {
                if bytes
                    .get(pos)
                    .is_some_and(|&d| d == b'=' || (c == '.' && d == b'.'))
                {
                    pos += 1;
                }
                TokKind::Punct
            }
            _ => TokKind::Punct,
        };
        tokens.push(Token {
            kind,
            start,
            end: pos,
            first_on_line,
            column,
        });
        let token = &bytes[start..pos];
        column += if token.is_ascii() {
            token.len()
        } else {
            text.get(start..pos).map_or(1, |s| s.chars().count())
        };
        first_on_line = false;
    }
    let too_deep = find_too_deep(text, &tokens);
    Lexed {
        tokens,
        too_deep,
        docs,
    }
}

/// The rest of a string after its opening quote, up to its closing quote or the end of its
/// line; returns its kind and end. Bytes suffice: no byte of a multi-byte character is a
/// quote, a backslash or a newline.
fn scan_string(bytes: &[u8], mut pos: usize) -> (TokKind, usize) {
    while let Some(&b) = bytes.get(pos) {
        match b {
            b'\n' => break,
            b'"' => return (TokKind::Str { terminated: true }, pos + 1),
            b'\\' if bytes.get(pos + 1).is_some_and(|&n| n != b'\n') => pos += 2,
            _ => pos += 1,
        }
    }
    (TokKind::Str { terminated: false }, pos)
}

/// The rest of a number from `pos`: digits, `.digits` parts, then letters and digits (`20s`).
fn scan_number(text: &str, mut pos: usize) -> usize {
    let bytes = text.as_bytes();
    loop {
        while bytes.get(pos).is_some_and(u8::is_ascii_digit) {
            pos += 1;
        }
        let dot_digit = bytes.get(pos) == Some(&b'.') && bytes.get(pos + 1).is_some_and(u8::is_ascii_digit);
        if !dot_digit {
            break;
        }
        pos += 1;
    }
    run_end(text, pos, |c| is_name_char(c) && c != '-')
}

/// Track how deeply `(` and `not` nest; a `{`, `}` or string ends any expression.
fn find_too_deep(text: &str, tokens: &[Token]) -> Vec<usize> {
    let mut found = Vec::new();
    let mut depth = 0usize;
    let mut not_run = 0usize;
    let mut saved_runs: Vec<usize> = Vec::new();
    let mut over = false;
    for token in tokens {
        match token.kind {
            TokKind::Word if text.as_bytes().get(token.start..token.end) == Some(b"not") => {
                depth += 1;
                not_run += 1;
            }
            TokKind::LParen => {
                saved_runs.push(not_run);
                depth += 1;
                not_run = 0;
            }
            TokKind::RParen => {
                depth = depth.saturating_sub(not_run);
                not_run = 0;
                if let Some(run) = saved_runs.pop() {
                    depth = depth.saturating_sub(1 + run);
                }
            }
            TokKind::LBrace | TokKind::RBrace | TokKind::Str { .. } => {
                depth = 0;
                not_run = 0;
                saved_runs.clear();
            }
            _ => {
                depth = depth.saturating_sub(not_run);
                not_run = 0;
            }
        }
        if depth > MAX_EXPR_DEPTH && !over {
            found.push(token.start);
        }
        over = depth > MAX_EXPR_DEPTH;
    }
    found
}

/// A problem in a string literal, as a byte range of the source.
#[derive(Debug, Clone, PartialEq, Eq)]
pub(crate) struct EscapeError {
    pub start: usize,
    pub end: usize,
    pub message: String,
}

/// Decode the escapes of a string's body that starts at byte `offset` of the source.
pub(crate) fn decode_string(body: &str, offset: usize) -> Result<String, EscapeError> {
    let mut out = String::with_capacity(body.len());
    let mut chars = body.char_indices().peekable();
    while let Some((i, c)) = chars.next() {
        if c != '\\' {
            out.push(c);
            continue;
        }
        let bad = |end: usize, message: &str| EscapeError {
            start: offset + i,
            end: offset + end,
            message: message.to_owned(),
        };
        match chars.next() {
            Some((_, '"')) => out.push('"'),
            Some((_, '\\')) => out.push('\\'),
            Some((_, 'n')) => out.push('\n'),
            Some((j, 'u')) => {
                let rest = body.get(j + 1..).unwrap_or("");
                let close = rest.find('}');
                let scalar = rest
                    .strip_prefix('{')
                    .and(close)
                    .and_then(|end| rest.get(1..end))
                    .filter(|hex| (1..=6).contains(&hex.len()) && hex.chars().all(|c| c.is_ascii_hexdigit()))
                    .and_then(|hex| u32::from_str_radix(hex, 16).ok())
                    .and_then(char::from_u32);
                match (scalar, close) {
                    (Some(ch), Some(end)) => {
                        out.push(ch);
                        while chars.next_if(|&(k, _)| k <= j + 1 + end).is_some() {}
                    }
                    _ => {
                        let end = close.map_or(j + 1, |e| j + 2 + e);
                        return Err(bad(end, "invalid `\\u{...}` escape: write 1 to 6 hex digits of a Unicode character, as in `\\u{e8}`"));
                    }
                }
            }
            Some((j, other)) => {
                return Err(bad(j + other.len_utf8(), "unknown escape in a text"));
            }
            None => return Err(bad(i + 1, "unknown escape in a text")),
        }
    }
    Ok(out)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn decodes_escapes() {
        assert_eq!(
            decode_string(r#"a\"b\\c\nd\u{e8}"#, 0).unwrap(),
            "a\"b\\c\nd\u{e8}"
        );
        assert!(decode_string(r"bad \q", 0).is_err());
        assert!(decode_string(r"bad \u{zz}", 0).is_err());
        assert!(decode_string(r"bad \u{110000}", 0).is_err());
        assert!(decode_string(r"bad \u{41", 0).is_err());
    }

    #[test]
    fn finds_unterminated_strings_and_deep_nesting() {
        let lexed = scan("title \"abc\n question");
        assert_eq!(lexed.tokens[1].kind, TokKind::Str { terminated: false });
        assert!(lexed.tokens[2].first_on_line);
        let deep = format!("show if {}a = 1", "(".repeat(70));
        assert_eq!(scan(&deep).too_deep.len(), 1);
        let nots = format!("show if {}a = 1", "not ".repeat(65));
        assert_eq!(scan(&nots).too_deep.len(), 1);
        let flat = format!("show if {}", "not a = 1 and ".repeat(200));
        assert!(scan(&flat).too_deep.is_empty());
    }
}
