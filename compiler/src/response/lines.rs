//! JSON Lines of responses (what `rileva validate` and `load` read): one verdict per line.

use super::{validate, Kind, Rejection};
use crate::ir;
use serde_json::Value;

/// The verdict on one non-blank line.
#[derive(Debug, Clone, PartialEq)]
pub struct LineVerdict {
    /// 1-based line number in the file.
    pub line: usize,
    /// The parsed response, when the line is JSON.
    pub response: Option<Value>,
    /// Every reason the line is rejected; empty when it is accepted.
    pub rejections: Vec<Rejection>,
}

impl LineVerdict {
    pub fn accepted(&self) -> bool {
        self.rejections.is_empty()
    }
}

/// Judge every line of a JSON Lines file held in memory (the tests' form; `rileva validate`
/// and `load` read a stream and call [`judge_line`] on each line). Lines are split on `\n`
/// (a trailing `\r` is dropped, a UTF-8 byte order mark at the start is ignored); blank
/// lines are skipped; a line that is not UTF-8 or not JSON is rejected with the parser's
/// reason.
pub fn judge_lines(survey: &ir::Survey, bytes: &[u8]) -> Vec<LineVerdict> {
    let bytes = strip_bom(bytes);
    bytes
        .split(|b| *b == b'\n')
        .enumerate()
        .filter_map(|(index, raw)| judge_line(survey, index + 1, raw))
        .collect()
}

/// The first line of a file without its UTF-8 byte order mark, if it has one.
pub fn strip_bom(first: &[u8]) -> &[u8] {
    first.strip_prefix(b"\xEF\xBB\xBF").unwrap_or(first)
}

/// The verdict on one line (`raw` without its `\n`; a trailing `\r` is dropped), or `None`
/// when the line is blank. `line` is its 1-based number in the file.
pub fn judge_line(survey: &ir::Survey, line: usize, raw: &[u8]) -> Option<LineVerdict> {
    let raw = raw.strip_suffix(b"\r").unwrap_or(raw);
    if raw.iter().all(u8::is_ascii_whitespace) {
        return None;
    }
    Some(judge_text(survey, line, raw))
}

fn judge_text(survey: &ir::Survey, line: usize, raw: &[u8]) -> LineVerdict {
    let text = match std::str::from_utf8(raw) {
        Ok(text) => text,
        Err(e) => return not_json(line, format!("the line is not UTF-8 text: {e}")),
    };
    match serde_json::from_str::<Value>(text) {
        Ok(response) => LineVerdict {
            line,
            rejections: validate(survey, &response),
            response: Some(response),
        },
        Err(e) => not_json(line, format!("the line is not JSON: {e}")),
    }
}

fn not_json(line: usize, message: String) -> LineVerdict {
    LineVerdict {
        line,
        response: None,
        rejections: vec![Rejection::new(Kind::NotJson, None, message)],
    }
}
