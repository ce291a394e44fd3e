//! The meaning of one response (docs/language.md §10): decide whether a JSON response is valid
//! for a survey, with every reason. `rileva validate` and `load` judge with this, and the
//! JSON Schema and SQL targets must accept exactly the responses it accepts.
//!
//! A response is `{"survey", "version", "language", "channel", "submitted_at", "answers"}`,
//! with an optional `"site"` (docs/language.md §4, Sites), and nothing else. Decisions of
//! docs/language.md §10 (every target follows them):
//!
//! - **Sites.** `site` is never required. When present it must be a string naming one of the
//!   survey's `sites` ([`Kind::UnknownSite`]); a survey without `sites` accepts no `site`
//!   key ([`Kind::UnknownKey`]: its table has no such column).
//! - **Absent, never null.** An unanswered question is left out of `answers`; `null` is a
//!   wrong type, not "no answer".
//! - **Integers** are JSON numbers with no fractional part, as JSON Schema defines them:
//!   `2` and `2.0` are the same answer (an independent validator cannot tell them apart,
//!   so rejecting `2.0` would break agreement); `2.5` is a wrong type.
//! - **Texts** are counted in Unicode scalar values. An empty string is not an answer and is
//!   rejected ([`Kind::EmptyText`]): leave the question out instead. Whitespace is text.
//!   A text may not contain U+0000 ([`Kind::NulInText`]): PostgreSQL cannot store it.
//! - **Multi** answers are a non-empty array of distinct codes: at least `min` (default 1)
//!   and at most `max` picks, counting every item.
//! - **Specify texts** (`motivi_99_text`) are optional even when their code is picked, at
//!   most [`SPECIFY_MAX_CHARS`] characters, and allowed only when the code is picked (multi:
//!   in the array; single: the answer equals it).
//! - **Channels.** A question whose `channels` exclude the response's channel is not asked:
//!   it must be absent and is never required. When the channel itself is unknown, presence
//!   of channel-limited questions is not judged (the channel is reported instead).
//! - **Routing** reads the answers as given ([`eval`]), also answers that are rejected for
//!   another reason; a comparison on an answer that is not one of the question's codes is
//!   false.
//! - **`submitted_at`** is RFC 3339 `date-time` with the limits of [`timestamp`].
//! - `response_id` is not part of a response: the database assigns it.

mod answers;
mod eval;
mod lines;
mod metadata;
mod text;
pub mod timestamp;

#[cfg(test)]
mod tests;

pub use eval::{eval, integer};
pub use lines::{judge_line, judge_line_versions, judge_lines, pick_version, strip_bom, LineVerdict};
pub use text::expr_text;

use crate::ir;
use serde::Serialize;
use serde_json::Value;

/// The most characters a `specify` free text may have (Unicode scalar values).
pub const SPECIFY_MAX_CHARS: u32 = 500;

/// The most characters of a `text` question without `max` (docs/language.md §6).
pub const DEFAULT_TEXT_MAX_CHARS: u32 = 500;

/// The response metadata keys, in the order a response writes them.
pub const METADATA_KEYS: [&str; 6] = [
    "survey",
    "version",
    "language",
    "channel",
    "submitted_at",
    "answers",
];

/// The optional metadata key naming the site (office, counter) a response was collected at.
pub const SITE_KEY: &str = "site";

/// Why a response is rejected: a stable name, for machines and CI logs.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize)]
#[serde(rename_all = "snake_case")]
pub enum Kind {
    /// The line is not JSON (or not UTF-8).
    NotJson,
    /// The response is not a JSON object.
    NotAnObject,
    /// A metadata key (`survey`, `answers`...) is missing.
    MissingField,
    /// A key that is neither metadata nor a question (or specify text) of the survey.
    UnknownKey,
    /// An answer or `answers` of the wrong JSON type (string for a code, `null`, `2.5`...).
    WrongType,
    WrongSurvey,
    WrongVersion,
    UnknownLanguage,
    UnknownChannel,
    /// `site` is not one of the survey's sites.
    UnknownSite,
    /// `submitted_at` is not an RFC 3339 date-time.
    BadTimestamp,
    /// A required question that is asked is not answered.
    MissingRequired,
    /// A question whose `show if` does not hold is answered.
    AnsweredHidden,
    /// A question not asked on the response's channel is answered.
    AnsweredOffChannel,
    /// A coded answer that is not one of the question's codes.
    NotACode,
    /// A number outside its range.
    OutOfRange,
    /// An empty string as a text answer.
    EmptyText,
    TooLong,
    /// A text containing U+0000, which PostgreSQL cannot store.
    NulInText,
    DuplicatePick,
    TooFewPicks,
    TooManyPicks,
    /// A specify text whose code is not picked.
    SpecifyWithoutCode,
    /// A `check` of the survey does not hold.
    CheckFailed,
}

impl Kind {
    pub const ALL: [Kind; 24] = [
        Kind::NotJson,
        Kind::NotAnObject,
        Kind::MissingField,
        Kind::UnknownKey,
        Kind::WrongType,
        Kind::WrongSurvey,
        Kind::WrongVersion,
        Kind::UnknownLanguage,
        Kind::UnknownChannel,
        Kind::UnknownSite,
        Kind::BadTimestamp,
        Kind::MissingRequired,
        Kind::AnsweredHidden,
        Kind::AnsweredOffChannel,
        Kind::NotACode,
        Kind::OutOfRange,
        Kind::EmptyText,
        Kind::TooLong,
        Kind::NulInText,
        Kind::DuplicatePick,
        Kind::TooFewPicks,
        Kind::TooManyPicks,
        Kind::SpecifyWithoutCode,
        Kind::CheckFailed,
    ];

    /// The stable name: `missing_required`.
    pub fn as_str(self) -> &'static str {
        match self {
            Kind::NotJson => "not_json",
            Kind::NotAnObject => "not_an_object",
            Kind::MissingField => "missing_field",
            Kind::UnknownKey => "unknown_key",
            Kind::WrongType => "wrong_type",
            Kind::WrongSurvey => "wrong_survey",
            Kind::WrongVersion => "wrong_version",
            Kind::UnknownLanguage => "unknown_language",
            Kind::UnknownChannel => "unknown_channel",
            Kind::UnknownSite => "unknown_site",
            Kind::BadTimestamp => "bad_timestamp",
            Kind::MissingRequired => "missing_required",
            Kind::AnsweredHidden => "answered_hidden",
            Kind::AnsweredOffChannel => "answered_off_channel",
            Kind::NotACode => "not_a_code",
            Kind::OutOfRange => "out_of_range",
            Kind::EmptyText => "empty_text",
            Kind::TooLong => "too_long",
            Kind::NulInText => "nul_in_text",
            Kind::DuplicatePick => "duplicate_pick",
            Kind::TooFewPicks => "too_few_picks",
            Kind::TooManyPicks => "too_many_picks",
            Kind::SpecifyWithoutCode => "specify_without_code",
            Kind::CheckFailed => "check_failed",
        }
    }
}

/// One reason a response is rejected.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct Rejection {
    pub kind: Kind,
    /// The key it is about: a metadata key, a question id or a specify key (`motivi_99_text`);
    /// `None` for the whole response or a `check`.
    pub key: Option<String>,
    /// What is wrong, in words (English).
    pub message: String,
}

impl Rejection {
    pub fn new(kind: Kind, key: Option<&str>, message: impl Into<String>) -> Self {
        Rejection {
            kind,
            key: key.map(str::to_owned),
            message: message.into(),
        }
    }
}

/// Every reason `response` is not a valid response to `survey`; empty when it is valid.
pub fn validate(survey: &ir::Survey, response: &Value) -> Vec<Rejection> {
    let Value::Object(object) = response else {
        let what = json_type(response);
        return vec![Rejection::new(
            Kind::NotAnObject,
            None,
            format!("the response is {what}, not a JSON object"),
        )];
    };
    let mut out = Vec::new();
    let meta = metadata::check(survey, object, &mut out);
    if let Some(answers) = meta.answers {
        answers::check(survey, meta.channel, answers, &mut out);
    }
    out
}

/// The JSON type of a value, in words: "a string", "null".
pub(crate) fn json_type(value: &Value) -> &'static str {
    match value {
        Value::Null => "null",
        Value::Bool(_) => "a boolean",
        Value::Number(n) if n.is_f64() => "a number",
        Value::Number(_) => "an integer",
        Value::String(_) => "a string",
        Value::Array(_) => "an array",
        Value::Object(_) => "an object",
    }
}
