//! Syntax stage, error words: turns what the grammar expected at a failure into a sentence a
//! methodologist reads ("expected a question type such as `scale`..., found `sclae`").
//! Grammar rule names never reach the message.

use super::hints::{hint, Found};
use super::lexical::{Lexed, TokKind};
use super::words::{expectation, Expect};
use super::Rule;
use crate::diagnostics::{closest, Code, Diagnostic};
use crate::source::{FileId, Span};

/// Keywords and punctuation: matched, but carry no content of their own.
pub(crate) fn is_punctuation(rule: Rule) -> bool {
    use Rule::*;
    matches!(
        rule,
        kw_import
            | kw_as
            | kw_scale
            | kw_options
            | kw_missing
            | kw_specify
            | kw_kinds
            | kw_module
            | kw_title
            | kw_standard
            | kw_version
            | kw_languages
            | kw_channels
            | kw_anonymous
            | kw_max
            | kw_minutes
            | kw_profile
            | kw_service
            | kw_pa
            | kw_any
            | kw_require
            | kw_allow
            | kw_extra
            | kw_survey
            | kw_agency
            | kw_kind
            | kw_conforms
            | kw_kiosk
            | kw_sites
            | kw_positive
            | kw_screen
            | kw_x
            | kw_reset
            | kw_after
            | kw_thanks
            | kw_use
            | kw_section
            | kw_question
            | kw_choice
            | kw_multi
            | kw_faces
            | kw_rating
            | kw_nps
            | kw_yesno
            | kw_number
            | kw_text
            | kw_help
            | kw_required
            | kw_show
            | kw_if
            | kw_personal
            | kw_locked
            | kw_min
            | kw_check
            | kw_else
            | kw_translations
            | kw_or
            | kw_and
            | kw_not
            | kw_answered
            | kw_in
            | kw_has
            | lbrace
            | rbrace
            | colon
            | dotdot
            | lbracket
            | rbracket
            | comma
            | lparen
            | rparen
    )
}

/// Where a grammar run failed, and what it expected there.
pub(crate) struct Failure<'a> {
    pub offset: usize,
    pub expected: &'a [Rule],
    /// Start of the entry being parsed (to name the block a `}` would close).
    pub entry_start: usize,
    /// The block (`the survey`) when the entry is the first thing of it: `}` would also
    /// have been accepted, to close it.
    pub block: Option<&'a str>,
}

/// The token at or after `offset`: its span and how to quote it.
pub(crate) fn found_at(file: FileId, text: &str, lexed: &Lexed, offset: usize) -> (Span, String) {
    let index = lexed.tokens.partition_point(|t| t.end <= offset);
    match lexed.get(index) {
        Some(token) => {
            let raw = text.get(token.start..token.end).unwrap_or("");
            let mut shown: String = raw.chars().take(40).collect();
            if shown.len() < raw.len() {
                shown.push('…');
            }
            (Span::new(file, token.start, token.end), format!("`{shown}`"))
        }
        None => (end_of_file(file, text, lexed), "end of file".to_owned()),
    }
}

/// Where "end of file" points: the last character of the last token (of the text when it
/// holds no token; a point at 0 when it is empty).
pub(crate) fn end_of_file(file: FileId, text: &str, lexed: &Lexed) -> Span {
    let end = lexed.tokens.last().map_or(text.len(), |t| t.end);
    let start = text
        .get(..end)
        .and_then(|head| head.char_indices().last())
        .map_or(0, |(i, _)| i);
    Span::new(file, start, end)
}

/// An R0001 diagnostic for a failed grammar run.
pub(crate) fn syntax_error(file: FileId, text: &str, lexed: &Lexed, failure: &Failure) -> Diagnostic {
    if let Some(diagnostic) = unterminated_string(file, lexed, failure.offset) {
        return diagnostic;
    }
    let (span, found) = found_at(file, text, lexed, failure.offset);
    let mut expects: Vec<Expect> = failure
        .expected
        .iter()
        .filter_map(|&rule| expectation(rule))
        .collect();
    if expects.iter().any(|e| !e.optional) {
        expects.retain(|e| !e.optional);
    }
    // What belongs inside the block first, the closing `}` last.
    expects.sort_by_key(Expect::rank);
    let block = open_block(text, lexed, failure.entry_start, failure.offset);
    let mut words: Vec<String> = Vec::new();
    for expect in &expects {
        let word = if expect.words == "`}`" {
            format!("`}}` to close {block}")
        } else {
            expect.words.to_owned()
        };
        if !words.contains(&word) {
            words.push(word);
        }
    }
    if let Some(block) = failure.block {
        words.push(format!("`}}` to close {block}"));
    }
    let message = match words.as_slice() {
        [] => format!("unexpected {found}"),
        _ => format!("expected {}, found {found}", join_or(&words)),
    };
    let label = match expects.first() {
        Some(first) => format!("expected {} here", first.short),
        None => "not expected here".to_owned(),
    };
    let keywords = expects.iter().flat_map(|e| e.keywords.iter().copied());
    let found_word = found.trim_matches('`');
    let found_token = Found {
        text: text.get(span.range()).unwrap_or(""),
        next: lexed
            .get(lexed.token_at(span.end as usize))
            .and_then(|t| text.get(t.start..t.end)),
    };
    let did_you_mean = closest(found_word, keywords)
        .filter(|keyword| *keyword != found_word && found.starts_with('`'))
        .map(|keyword| format!("did you mean `{keyword}`?"));
    let missing_quote = line_has_unterminated_string(text, lexed, failure.offset).then(|| {
        "a `\"` is missing on this line: every text opens and closes with `\"` on the same line".to_owned()
    });
    let help = did_you_mean
        .or_else(|| hint(&found_token))
        .or(missing_quote)
        .or_else(|| expects.first().map(|e| e.help.to_owned()))
        .unwrap_or_else(|| "remove this, or check the lines above it".to_owned());
    Diagnostic::new(Code::R0001, message, span, label).with_help(help)
}

/// Whether the line holding `offset` has a string without its closing quote.
fn line_has_unterminated_string(text: &str, lexed: &Lexed, offset: usize) -> bool {
    let head = text.get(..offset.min(text.len())).unwrap_or("");
    let line_start = head.rfind('\n').map_or(0, |i| i + 1);
    let line_end = text
        .get(offset..)
        .and_then(|t| t.find('\n'))
        .map_or(text.len(), |i| offset + i);
    let first = lexed.token_at(line_start);
    lexed
        .tokens
        .iter()
        .skip(first)
        .take_while(|t| t.start < line_end)
        .any(|t| t.kind == TokKind::Str { terminated: false })
}

/// "a, b or c"; with semicolons when an alternative holds commas itself.
fn join_or(words: &[String]) -> String {
    let separator = if words.iter().any(|w| w.contains(", ")) {
        "; "
    } else {
        ", "
    };
    match words {
        [] => String::new(),
        [one] => one.clone(),
        [init @ .., last] if separator == "; " => format!("{}; or {last}", init.join(separator)),
        [init @ .., last] => format!("{} or {last}", init.join(separator)),
    }
}

/// The string without a closing quote on the line of `offset`, if the failure is inside it.
fn unterminated_string(file: FileId, lexed: &Lexed, offset: usize) -> Option<Diagnostic> {
    let index = lexed
        .tokens
        .partition_point(|t| t.start <= offset)
        .checked_sub(1)?;
    let token = lexed.get(index)?;
    if token.kind != (TokKind::Str { terminated: false }) || offset > token.end {
        return None;
    }
    let span = Span::new(file, token.start, token.end);
    Some(
        Diagnostic::new(
            Code::R0001,
            "unterminated text",
            span,
            "this text has no closing `\"`",
        )
        .with_help(
            "add the closing `\"` before the end of the line; a text stays on one line \
                 (write `\\n` for a line break and `\\\"` for a quote inside it)",
        ),
    )
}

/// Name the innermost block open at `offset` inside the entry that starts at `entry_start`,
/// after the first word of the statement that opened it.
fn open_block(text: &str, lexed: &Lexed, entry_start: usize, offset: usize) -> &'static str {
    let mut stack: Vec<&str> = Vec::new();
    let mut leader: Option<&str> = None;
    let first = lexed.token_at(entry_start);
    for token in lexed.tokens.iter().skip(first).take_while(|t| t.start < offset) {
        match token.kind {
            TokKind::LBrace => stack.push(leader.take().unwrap_or("")),
            TokKind::RBrace => {
                stack.pop();
                leader = None;
            }
            TokKind::Word if leader.is_none() => leader = text.get(token.start..token.end),
            _ => {}
        }
    }
    match stack.last().copied().unwrap_or("") {
        "question" => "the question block",
        "scale" => "the scale",
        "options" => "the option list",
        "kinds" => "the list of kinds",
        "kiosk" => "the kiosk block",
        "translations" => "the translations block",
        _ => "the block",
    }
}
