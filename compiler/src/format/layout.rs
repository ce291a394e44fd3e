//! Formatting stage, layout: re-indent each line by brace depth and normalise blank lines,
//! leaving every line's content (code, strings, comments) exactly as written.
//!
//! - A line that starts a statement is indented 2 spaces per open brace (`}` one less).
//! - A line that continues the statement of the line above (a translation `en "..."` under
//!   its wording, `else "..."` under a `check`, a routing condition split over lines) keeps
//!   its extra indentation relative to the statement's first line, at least 2 spaces. Which
//!   lines continue is read from the tokens, never from the indentation, so the result does
//!   not depend on how the input was indented.
//! - A comment line takes the indentation of the code line after it when that one continues
//!   a statement, else the indentation of its depth.
//! - Trailing whitespace goes; tabs in indentation become spaces; at most one blank line in a
//!   row, none at the start, right after a `{` or right before a `}`; one newline at the end.

use super::lines::{self, Kind, Line, Tok};
use crate::syntax::keywords;

/// Indentation per level of braces.
const STEP: usize = 2;

/// The blocks whose entries are read differently.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Block {
    /// The file itself: items.
    File,
    /// `survey`, `module`, `section`, `standard`, `profile`, `kiosk`, `question`: statements.
    Items,
    /// `scale` and `options`: codes.
    Codes,
    /// `kinds` and `sites`: a name and its label per entry.
    Kinds,
    /// `translations`: a key and a string per entry.
    Translations,
}

/// Words after which the statement must go on.
const OPEN_WORDS: &[&str] = &["and", "or", "not", "if", "else", "in", "has", "answered", "as"];

/// Operators after which the statement must go on.
const OPEN_PUNCT: &[&str] = &[",", "[", "(", ":", "..", "=", "!=", "<", "<=", ">", ">=", "."];

/// Re-indent `text` (see the module doc). Pure: does not parse, never fails.
pub fn layout(text: &str) -> String {
    let (bom, body) = match text.strip_prefix('\u{FEFF}') {
        Some(rest) => ("\u{FEFF}", rest),
        None => ("", text),
    };
    let lines: Vec<Line> = body.split('\n').map(lines::read).collect();
    let indents = indents(&lines);
    let mut out = String::from(bom);
    let mut pending_blank = false;
    let mut after_open = true;
    for (line, indent) in lines.iter().zip(indents) {
        if line.kind == Kind::Blank {
            pending_blank = !after_open;
            continue;
        }
        if pending_blank && line.first() != Some(Tok::Close) {
            out.push('\n');
        }
        pending_blank = false;
        out.extend(std::iter::repeat(' ').take(indent));
        out.push_str(line.content);
        out.push('\n');
        if line.kind == Kind::Code {
            after_open = line.last() == Some(Tok::Open);
        } else {
            after_open = false;
        }
    }
    if out.len() == bom.len() {
        return bom.to_owned();
    }
    out
}

/// The new indentation of every line (blank lines get 0).
fn indents(lines: &[Line]) -> Vec<usize> {
    let mut reader = Reader::default();
    let mut out = vec![0; lines.len()];
    // (line index, depth) of comments waiting for the code line after them.
    let mut comments: Vec<(usize, usize)> = Vec::new();
    for (i, line) in lines.iter().enumerate() {
        match line.kind {
            Kind::Blank => {}
            Kind::Comment => comments.push((i, reader.depth())),
            Kind::Code => {
                let (indent, continued) = reader.line(line);
                for (c, depth) in comments.drain(..) {
                    out[c] = if continued { indent } else { depth * STEP };
                }
                out[i] = indent;
            }
        }
    }
    for (c, depth) in comments {
        out[c] = depth * STEP;
    }
    out
}

/// What the layout knows at the start of a line.
#[derive(Debug)]
struct Reader<'a> {
    /// The open blocks, innermost last.
    blocks: Vec<Block>,
    /// The last code token read.
    previous: Option<Tok<'a>>,
    /// The first word of the statement being read: decides the kind of block a `{` opens.
    statement: &'a str,
    /// The original and new indentation of the current statement's first line.
    start: (usize, usize),
}

impl Default for Reader<'_> {
    fn default() -> Self {
        Reader {
            blocks: vec![Block::File],
            previous: None,
            statement: "",
            start: (0, 0),
        }
    }
}

impl<'a> Reader<'a> {
    fn depth(&self) -> usize {
        self.blocks.len().saturating_sub(1)
    }

    fn block(&self) -> Block {
        self.blocks.last().copied().unwrap_or(Block::File)
    }

    /// Read a code line: its new indentation, and whether it continues a statement.
    fn line(&mut self, line: &Line<'a>) -> (usize, bool) {
        let continued = self.continues(line);
        let indent = if continued {
            let extra = line.indent.saturating_sub(self.start.0).max(STEP);
            self.start.1 + extra
        } else {
            let closes = usize::from(line.first() == Some(Tok::Close));
            let indent = self.depth().saturating_sub(closes) * STEP;
            self.start = (line.indent, indent);
            indent
        };
        let mut starts_statement = !continued;
        for &tok in &line.tokens {
            if starts_statement {
                self.statement = if let Tok::Word(w) = tok { w } else { "" };
            }
            starts_statement = matches!(tok, Tok::Open | Tok::Close);
            match tok {
                Tok::Open => self.blocks.push(opened(self.block(), self.statement)),
                Tok::Close if self.blocks.len() > 1 => {
                    self.blocks.pop();
                }
                _ => {}
            }
            self.previous = Some(tok);
        }
        (indent, continued)
    }

    /// Whether a code line goes on with the statement of the lines above.
    fn continues(&self, line: &Line) -> bool {
        let Some(first) = line.first() else {
            return false;
        };
        let previous = match self.previous {
            None | Some(Tok::Open | Tok::Close) => return false,
            Some(p) => p,
        };
        if first == Tok::Close {
            return false;
        }
        let open = match previous {
            Tok::Word(w) => OPEN_WORDS.contains(&w),
            Tok::Punct(p) => OPEN_PUNCT.contains(&p),
            _ => false,
        };
        open || !self.starts(line, first, previous)
    }

    /// Whether `first` can start an entry of the current block.
    fn starts(&self, line: &Line, first: Tok, previous: Tok) -> bool {
        match (self.block(), first) {
            (Block::File, Tok::Word(w)) => keywords::ITEMS.contains(&w),
            (Block::Items, Tok::Word(w)) => keywords::starts_statement(w),
            (Block::Items | Block::Codes, Tok::Number) => true,
            (Block::Codes, Tok::Word(w)) => w == "missing" || w == "positive",
            // A two-letter word and a string after a label translate that label (`lang2`).
            (Block::Kinds, Tok::Word(w)) => {
                !(is_lang2(w) && previous == Tok::Str && line.tokens.get(1) == Some(&Tok::Str))
            }
            (Block::Translations, Tok::Word(_)) => true,
            _ => false,
        }
    }
}

fn is_lang2(word: &str) -> bool {
    word.len() == 2 && word.bytes().all(|b| b.is_ascii_lowercase())
}

/// The kind of block a `{` opens, from the first word of its statement.
fn opened(outer: Block, statement: &str) -> Block {
    match (outer, statement) {
        (_, "kinds" | "sites") => Block::Kinds,
        (_, "translations") => Block::Translations,
        (Block::File, "scale" | "options") => Block::Codes,
        _ => Block::Items,
    }
}
