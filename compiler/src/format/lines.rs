//! Formatting stage, lexical part: one source line split into its indentation, its content,
//! and the rough tokens of its code (strings and `//` comments skipped as whole units), so
//! that the layout can count braces and tell a new statement from a continued one.

/// A token of a line's code, as coarse as the layout needs.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Tok<'a> {
    /// A run of letters, digits, `_` and `-` starting with a letter or `_`: `question`, `en`.
    Word(&'a str),
    /// A number, version or duration: `9`, `-1`, `2024.1`, `20s`.
    Number,
    /// A string, terminated or not.
    Str,
    Open,
    Close,
    /// Any other character or operator: `:`, `<=`, `..`, `,`.
    Punct(&'a str),
}

/// What kind of line it is.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Kind {
    /// Only whitespace.
    Blank,
    /// Only a `//` comment.
    Comment,
    /// Some code, perhaps with a trailing comment.
    Code,
}

/// One line of the source, read.
#[derive(Debug, Clone)]
pub struct Line<'a> {
    /// Columns of the original indentation (a tab counts as 2, one level).
    pub indent: usize,
    /// The content between the indentation and the trailing whitespace, unchanged.
    pub content: &'a str,
    pub kind: Kind,
    pub tokens: Vec<Tok<'a>>,
}

impl<'a> Line<'a> {
    pub fn first(&self) -> Option<Tok<'a>> {
        self.tokens.first().copied()
    }

    pub fn last(&self) -> Option<Tok<'a>> {
        self.tokens.last().copied()
    }
}

/// Whitespace the layout may add or remove around a line's content.
fn is_layout_space(c: char) -> bool {
    matches!(c, ' ' | '\t' | '\r')
}

fn is_name_start(c: char) -> bool {
    c.is_alphabetic() || c == '_'
}

fn is_name_char(c: char) -> bool {
    c.is_alphanumeric() || c == '_' || c == '-'
}

/// Read one line (without its `\n`).
pub fn read(raw: &str) -> Line<'_> {
    let body = raw.trim_start_matches([' ', '\t']);
    let indent = raw[..raw.len() - body.len()]
        .chars()
        .map(|c| if c == '\t' { 2 } else { 1 })
        .sum();
    let (tokens, open_string) = scan(body);
    // A string never spans lines, so trailing whitespace is outside every string, except in
    // an unterminated one (a file that does not parse): that line keeps its end as it is.
    let content = if open_string {
        body
    } else {
        body.trim_end_matches(is_layout_space)
    };
    let kind = if content.is_empty() {
        Kind::Blank
    } else if tokens.is_empty() {
        Kind::Comment
    } else {
        Kind::Code
    };
    Line {
        indent,
        content,
        kind,
        tokens,
    }
}

/// The tokens of a line's code, and whether it ends inside a string.
fn scan(text: &str) -> (Vec<Tok<'_>>, bool) {
    let mut tokens = Vec::new();
    let mut chars = text.char_indices().peekable();
    while let Some((start, c)) = chars.next() {
        let tok = match c {
            c if c.is_whitespace() || c == '\u{FEFF}' => continue,
            '/' if text[start..].starts_with("//") => break,
            '"' => {
                if !skip_string(&mut chars) {
                    tokens.push(Tok::Str);
                    return (tokens, true);
                }
                Tok::Str
            }
            '{' => Tok::Open,
            '}' => Tok::Close,
            c if c.is_ascii_digit()
                || (c == '-' && chars.peek().is_some_and(|&(_, d)| d.is_ascii_digit())) =>
            {
                skip_number(&mut chars);
                Tok::Number
            }
            c if is_name_start(c) => {
                while chars.next_if(|&(_, c)| is_name_char(c)).is_some() {}
                Tok::Word(&text[start..end_of(&mut chars, text)])
            }
            '.' | '<' | '>' | '!' | '=' => {
                chars.next_if(|&(_, d)| d == '=' || (c == '.' && d == '.'));
                Tok::Punct(&text[start..end_of(&mut chars, text)])
            }
            _ => Tok::Punct(&text[start..end_of(&mut chars, text)]),
        };
        tokens.push(tok);
    }
    (tokens, false)
}

type Chars<'a> = std::iter::Peekable<std::str::CharIndices<'a>>;

fn end_of(chars: &mut Chars, text: &str) -> usize {
    chars.peek().map_or(text.len(), |&(i, _)| i)
}

/// Skip past a string's closing quote; false when the line ends first.
fn skip_string(chars: &mut Chars) -> bool {
    while let Some((_, c)) = chars.next() {
        match c {
            '"' => return true,
            '\\' => {
                chars.next();
            }
            _ => {}
        }
    }
    false
}

/// `2024.1`, `1.2.0`, `20s`, `-1`: digits, dots between digits, a unit letter.
fn skip_number(chars: &mut Chars) {
    while chars
        .next_if(|&(_, c)| c.is_ascii_digit() || c == '.' || is_name_char(c))
        .is_some()
    {}
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn strings_and_comments_hide_braces() {
        let line = read("  \t question x: yesno { \"a { // b\" // c {   ");
        assert_eq!(line.indent, 5);
        assert_eq!(line.content, "question x: yesno { \"a { // b\" // c {");
        assert_eq!(line.kind, Kind::Code);
        let opens = line.tokens.iter().filter(|t| **t == Tok::Open).count();
        assert_eq!(opens, 1);
        assert_eq!(line.last(), Some(Tok::Str));
    }

    #[test]
    fn comment_and_blank_lines() {
        assert_eq!(read("   // note  ").kind, Kind::Comment);
        assert_eq!(read(" \t \r").kind, Kind::Blank);
    }

    #[test]
    fn an_unterminated_string_keeps_its_trailing_spaces() {
        let line = read("title \"open   ");
        assert_eq!(line.content, "title \"open   ");
    }

    #[test]
    fn words_numbers_and_operators() {
        let line = read("show if a-b <= -2 and x in [1, 2]");
        assert_eq!(line.first(), Some(Tok::Word("show")));
        assert!(line.tokens.contains(&Tok::Word("a-b")));
        assert!(line.tokens.contains(&Tok::Punct("<=")));
        assert!(line.tokens.contains(&Tok::Number));
        assert_eq!(line.last(), Some(Tok::Punct("]")));
    }
}
