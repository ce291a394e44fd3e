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
    judge_text_versions(std::slice::from_ref(survey), line, raw).1
}

/// [`judge_line`] when several versions of one survey are given (docs/versions.md): each
/// response is judged by the version it names, else by the latest (which then says why its
/// version is wrong). Gives the index of the version that judged it.
pub fn judge_line_versions(surveys: &[ir::Survey], line: usize, raw: &[u8]) -> Option<(usize, LineVerdict)> {
    let raw = raw.strip_suffix(b"\r").unwrap_or(raw);
    if raw.iter().all(u8::is_ascii_whitespace) {
        return None;
    }
    Some(judge_text_versions(surveys, line, raw))
}

/// The version of `surveys` a response names by `survey` and `version`; else the latest.
pub fn pick_version(surveys: &[ir::Survey], response: &Value) -> usize {
    let text = |key: &str| response.get(key).and_then(Value::as_str);
    surveys
        .iter()
        .position(|s| {
            text("version") == Some(s.version.as_str()) && text("survey").map_or(true, |id| id == s.id)
        })
        .unwrap_or_else(|| {
            (0..surveys.len())
                .max_by_key(|i| crate::diff::version_key(&surveys[*i].version))
                .unwrap_or(0)
        })
}

fn judge_text_versions(surveys: &[ir::Survey], line: usize, raw: &[u8]) -> (usize, LineVerdict) {
    let latest = pick_version(surveys, &Value::Null);
    let text = match std::str::from_utf8(raw) {
        Ok(text) => text,
        Err(e) => return (latest, not_json(line, format!("the line is not UTF-8 text: {e}"))),
    };
    match serde_json::from_str::<Value>(text) {
        Ok(response) => {
            let index = pick_version(surveys, &response);
            let rejections = surveys
                .get(index)
                .map(|s| validate(s, &response))
                .unwrap_or_default();
            (
                index,
                LineVerdict {
                    line,
                    rejections,
                    response: Some(response),
                },
            )
        }
        Err(e) => (latest, not_json(line, format!("the line is not JSON: {e}"))),
    }
}

fn not_json(line: usize, message: String) -> LineVerdict {
    LineVerdict {
        line,
        response: None,
        rejections: vec![Rejection::new(Kind::NotJson, None, message)],
    }
}
