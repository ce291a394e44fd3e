//! What is under the cursor: the dotted name there, and the words before it on its line
//! (strings and comments left out). Hover, definition and completion start here; the
//! meaning of a name comes from the resolved model, never from this text scan.

/// A dotted name in the text: `istat.cx.core`, `s.accordo5`, `soddisfazione`.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Word<'a> {
    pub text: &'a str,
    pub start: usize,
    pub end: usize,
    /// The segment the cursor is in (`cx` of `istat.cx.core`), by index.
    pub segment: usize,
}

fn is_name_char(c: char) -> bool {
    c.is_alphanumeric() || c == '_' || c == '-'
}

/// The dotted name at `offset` (the cursor may be just after its last character).
pub fn word_at(text: &str, offset: usize) -> Option<Word<'_>> {
    let offset = floor_boundary(text, offset);
    if in_string_or_comment(text, offset) {
        return None;
    }
    let is_part = |c: char| is_name_char(c) || c == '.';
    let start = text[..offset]
        .char_indices()
        .rev()
        .take_while(|(_, c)| is_part(*c))
        .last()
        .map_or(offset, |(i, _)| i);
    let end = text[offset..]
        .char_indices()
        .find(|(_, c)| !is_part(*c))
        .map_or(text.len(), |(i, _)| offset + i);
    let raw = &text[start..end];
    // Trim dots at the ends (`a.` while typing, a sentence's `.`).
    let lead = raw.len() - raw.trim_start_matches('.').len();
    let word = raw.trim_matches('.');
    if word.is_empty() || !word.chars().next().is_some_and(is_name_char) {
        return None;
    }
    let start = start + lead;
    let segment = text[start..offset.max(start)].matches('.').count();
    Some(Word {
        text: word,
        start,
        end: start + word.len(),
        segment,
    })
}

/// The `n`th segment of a dotted word.
pub fn segment<'a>(word: &Word<'a>, n: usize) -> &'a str {
    word.text.split('.').nth(n).unwrap_or("")
}

/// The words and symbols of the line before `offset`, strings and comments left out:
/// `question q: scale ` gives `["question", "q", ":", "scale"]`.
pub fn words_before(text: &str, offset: usize) -> Vec<String> {
    let offset = floor_boundary(text, offset);
    let line_start = text[..offset].rfind('\n').map_or(0, |i| i + 1);
    tokenize(&text[line_start..offset])
}

/// The words and symbols of a piece of one line.
pub fn tokenize(line: &str) -> Vec<String> {
    let mut out = Vec::new();
    let mut chars = line.char_indices().peekable();
    while let Some((i, c)) = chars.next() {
        if c == '"' {
            // Skip the string, escapes included.
            let mut escaped = false;
            for (_, c) in chars.by_ref() {
                if escaped {
                    escaped = false;
                } else if c == '\\' {
                    escaped = true;
                } else if c == '"' {
                    break;
                }
            }
            out.push("\"…\"".to_owned());
        } else if c == '/' && chars.peek().is_some_and(|(_, n)| *n == '/') {
            break;
        } else if is_name_char(c) || c == '.' {
            let mut end = i + c.len_utf8();
            while let Some(&(j, n)) = chars.peek() {
                if is_name_char(n) || n == '.' {
                    end = j + n.len_utf8();
                    chars.next();
                } else {
                    break;
                }
            }
            out.push(line[i..end].to_owned());
        } else if !c.is_whitespace() {
            let mut symbol = c.to_string();
            if matches!(c, '<' | '>' | '!') && chars.peek().is_some_and(|(_, n)| *n == '=') {
                symbol.push('=');
                chars.next();
            }
            out.push(symbol);
        }
    }
    out
}

/// Whether `offset` is inside a string or a `//` comment of its line.
pub fn in_string_or_comment(text: &str, offset: usize) -> bool {
    let offset = floor_boundary(text, offset);
    let line_start = text[..offset].rfind('\n').map_or(0, |i| i + 1);
    let mut scan = Scan::default();
    for c in text[line_start..offset].chars() {
        scan.code(c);
    }
    scan.string || scan.comment
}

/// Where a left-to-right reading of the source stands: in a string (and after a `\`
/// escape in it), in a `//` comment (until the end of its line), or in code.
#[derive(Default)]
pub struct Scan {
    string: bool,
    escaped: bool,
    comment: bool,
    prev: char,
}

impl Scan {
    /// Reads the next character: true when it is code, outside strings and comments.
    pub fn code(&mut self, c: char) -> bool {
        let code = if self.comment {
            self.comment = c != '\n';
            false
        } else if self.string {
            if self.escaped {
                self.escaped = false;
            } else if c == '\\' {
                self.escaped = true;
            } else if c == '"' {
                self.string = false;
            }
            false
        } else if c == '"' {
            self.string = true;
            false
        } else if c == '/' && self.prev == '/' {
            self.comment = true;
            false
        } else {
            true
        };
        self.prev = c;
        code
    }
}

fn floor_boundary(text: &str, offset: usize) -> usize {
    let mut offset = offset.min(text.len());
    while !text.is_char_boundary(offset) {
        offset -= 1;
    }
    offset
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_dotted_word_under_the_cursor_and_its_segment() {
        let text = "  use istat.cx.core\n";
        let at = text.find("cx").unwrap() + 1;
        let word = word_at(text, at).unwrap();
        assert_eq!((word.text, word.segment), ("istat.cx.core", 1));
        assert_eq!(segment(&word, word.segment), "cx");
        assert_eq!(word_at(text, text.len() - 1).unwrap().text, "istat.cx.core");
    }

    #[test]
    fn nothing_inside_strings_or_comments() {
        let text = "title \"soddisfazione\" // soddisfazione\n";
        assert_eq!(word_at(text, 10), None);
        assert_eq!(word_at(text, text.len() - 3), None);
        assert_eq!(word_at(text, 2).unwrap().text, "title");
    }

    #[test]
    fn words_before_skip_strings_and_split_symbols() {
        let text = "  show if motivi has 3 and x <= ";
        assert_eq!(
            words_before(text, text.len()),
            ["show", "if", "motivi", "has", "3", "and", "x", "<="]
        );
        assert_eq!(
            tokenize("1 \"a \\\" b\" en \"c\" {"),
            ["1", "\"…\"", "en", "\"…\"", "{"]
        );
    }
}
