//! The checked survey: a plain, serialisable model that every target reads, and nothing
//! else. Lowered from the resolved survey only when `check` found no error, so every name
//! here is resolved, every code exists and every text exists in every survey language.

use crate::source::Span;
use schemars::JsonSchema;
use serde::{Deserialize, Serialize};
use std::collections::BTreeMap;

/// Version of this model's shape; bumped when a target would read it differently.
pub const IR_VERSION: u32 = 1;

/// A respondent-facing text by language tag (`it`, `en`, `de`...). After a clean check it
/// holds every language of the survey.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize, JsonSchema)]
#[serde(transparent)]
pub struct Text(pub BTreeMap<String, String>);

impl Text {
    /// The text in `language`, or an empty string when it is absent (never after a clean check).
    pub fn get(&self, language: &str) -> &str {
        self.0.get(language).map(String::as_str).unwrap_or("")
    }

    pub fn single(language: &str, text: &str) -> Self {
        Text(BTreeMap::from([(language.to_owned(), text.to_owned())]))
    }
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize, JsonSchema)]
#[serde(rename_all = "lowercase")]
pub enum Channel {
    Web,
    Kiosk,
    App,
    Phone,
}

impl Channel {
    pub const ALL: [Channel; 4] = [Channel::Web, Channel::Kiosk, Channel::App, Channel::Phone];

    pub fn as_str(self) -> &'static str {
        match self {
            Channel::Web => "web",
            Channel::Kiosk => "kiosk",
            Channel::App => "app",
            Channel::Phone => "phone",
        }
    }

    pub fn parse(s: &str) -> Option<Channel> {
        Channel::ALL.into_iter().find(|c| c.as_str() == s)
    }
}

/// One survey, ready for the targets.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, JsonSchema)]
pub struct Survey {
    /// `inps.hub_prestazioni`: names output folders and goes into every response.
    pub id: String,
    /// Semantic version as written: `1.0.0`.
    pub version: String,
    /// SQL table name: the id with `.` as `_`, then `_v` and the major version.
    pub table: String,
    pub title: Text,
    /// Languages offered; the first is the default.
    pub languages: Vec<String>,
    pub channels: Vec<Channel>,
    pub anonymous: bool,
    pub agency: Option<Agency>,
    pub service: Option<Service>,
    pub conforms: Option<Conformance>,
    pub kiosk: Kiosk,
    /// The places (offices, counters) where it is collected, from `sites { }`, in the order
    /// written. Empty when the survey lists none: then a response carries no `site` key.
    #[serde(default)]
    pub sites: Vec<Site>,
    pub sections: Vec<SectionInfo>,
    /// Every question in the order asked, used modules expanded in place.
    pub questions: Vec<Question>,
    /// `check EXPR else TEXT`: a response where `condition` is false is rejected.
    pub checks: Vec<Check>,
    /// Estimated completion time in seconds (docs/language.md §11).
    pub estimated_seconds: u32,
    /// Author documentation (`///`), never shown to respondents.
    pub doc: Option<String>,
    /// The survey's name in its source (`survey inps.hub_prestazioni`), where target
    /// diagnostics about the whole survey point (the SQL table name of R0103).
    #[serde(skip)]
    #[schemars(skip)]
    pub span: Span,
    /// Where each question id (and specify key) is in `questions`, built on first use.
    #[serde(skip)]
    #[schemars(skip)]
    pub index: QuestionIndex,
}

/// The position of each question id, so that [`Survey::question`] costs the same for the
/// first question and the ten-thousandth (targets and `validate` ask for every question by
/// name). Built once, on first use; a survey edited after that (tests do) is still answered
/// right, because every hit is checked against `questions` and a miss is searched.
/// The same for the keys of [`Survey::is_answer_key`] (`validate` asks for each key of
/// every response). Never part of what a survey is: two surveys equal but for it
/// are equal.
#[derive(Debug, Clone, Default)]
pub struct QuestionIndex {
    ids: std::sync::OnceLock<std::collections::HashMap<String, usize>>,
    answer_keys: std::sync::OnceLock<foldhash::HashMap<String, usize>>,
}

impl PartialEq for QuestionIndex {
    fn eq(&self, _: &Self) -> bool {
        true
    }
}

impl Survey {
    pub fn default_language(&self) -> &str {
        self.languages.first().map(String::as_str).unwrap_or("it")
    }

    pub fn question(&self, id: &str) -> Option<&Question> {
        let index = self.index.ids.get_or_init(|| {
            let mut index = std::collections::HashMap::with_capacity(self.questions.len());
            for (i, q) in self.questions.iter().enumerate() {
                index.entry(q.id.clone()).or_insert(i);
            }
            index
        });
        match index.get(id).and_then(|&i| self.questions.get(i)) {
            Some(q) if q.id == id && index.len() == self.questions.len() => Some(q),
            _ => self.questions.iter().find(|q| q.id == id),
        }
    }

    /// Whether `key` may stand in a response's answers: a question id, or the specify key of
    /// a code of a question (`motivi_99_text`).
    pub fn is_answer_key(&self, key: &str) -> bool {
        let index = self.index.answer_keys.get_or_init(|| {
            let mut index = foldhash::HashMap::default();
            for (i, q) in self.questions.iter().enumerate() {
                index.entry(q.id.clone()).or_insert(i);
                for c in q.specify_codes() {
                    index.entry(q.specify_key(c.value)).or_insert(i);
                }
            }
            index
        });
        let has = |q: &Question| q.id == key || q.is_specify_key(key);
        match index.get(key).and_then(|&i| self.questions.get(i)) {
            Some(q) if has(q) => true,
            _ => self.questions.iter().any(has),
        }
    }

    pub fn site(&self, id: &str) -> Option<&Site> {
        self.sites.iter().find(|s| s.id == id)
    }
}

/// One site of `sites { }`: an office or counter. Its id is the value of a response's
/// `site` key and of the `site` column.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, JsonSchema)]
pub struct Site {
    /// `centro`
    pub id: String,
    /// `Anagrafe centrale`, in every survey language.
    pub label: Text,
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, JsonSchema)]
pub struct Agency {
    /// IPA code: `inps`, `c_h501`.
    pub code: String,
    /// PA kind id (`istat.pa`): `comune`, `ente_previdenziale`.
    pub kind: Option<String>,
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, JsonSchema)]
pub struct Service {
    pub code: String,
    /// Service kind id (`istat.pa`): `istanza_online`, `sportello`.
    pub kind: Option<String>,
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, JsonSchema)]
pub struct Conformance {
    pub standard: String,
    pub version: String,
    pub profile: String,
}

/// Kiosk settings, with the defaults of docs/language.md §4 filled in.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, JsonSchema)]
pub struct Kiosk {
    pub width: u32,
    pub height: u32,
    pub reset_after_seconds: u32,
    pub thanks: Text,
    /// Where the survey wrote its `kiosk { }` block, for target diagnostics (R0502).
    #[serde(skip)]
    #[schemars(skip)]
    pub span: Span,
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, JsonSchema)]
pub struct SectionInfo {
    pub id: String,
    pub title: Text,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize, JsonSchema)]
#[serde(rename_all = "lowercase")]
pub enum QuestionKind {
    Scale,
    Choice,
    Multi,
    Faces,
    Rating,
    Nps,
    Yesno,
    Number,
    Text,
}

impl QuestionKind {
    pub fn as_str(self) -> &'static str {
        match self {
            QuestionKind::Scale => "scale",
            QuestionKind::Choice => "choice",
            QuestionKind::Multi => "multi",
            QuestionKind::Faces => "faces",
            QuestionKind::Rating => "rating",
            QuestionKind::Nps => "nps",
            QuestionKind::Yesno => "yesno",
            QuestionKind::Number => "number",
            QuestionKind::Text => "text",
        }
    }

    /// Ordering comparisons (`<`, `>=`...) are allowed.
    pub fn is_ordinal(self) -> bool {
        matches!(
            self,
            QuestionKind::Scale
                | QuestionKind::Faces
                | QuestionKind::Rating
                | QuestionKind::Nps
                | QuestionKind::Number
        )
    }

    /// The answer is one code of `codes` (multi: a set of them).
    pub fn is_coded(self) -> bool {
        !matches!(self, QuestionKind::Number | QuestionKind::Text)
    }
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, JsonSchema)]
pub struct Question {
    /// The variable name: JSON key, SQL column, HTML field name.
    pub id: String,
    pub kind: QuestionKind,
    pub wording: Text,
    pub help: Option<Text>,
    pub required: bool,
    /// Routing: the question is asked only when this holds. `None`: always asked.
    pub show_if: Option<Expr>,
    /// The channels it is asked on: the survey's channels, narrowed by `channels`.
    pub channels: Vec<Channel>,
    pub personal: bool,
    pub locked: bool,
    /// The codes a coded question accepts, in the order written (for `nps` 0..10, `rating N`
    /// 1..N, `faces` 1..3, `yesno` 1 and 2). Empty for `number` and `text`.
    pub codes: Vec<Code>,
    /// The named list the codes come from: `istat.scales.soddisfazione5`.
    pub code_list: Option<String>,
    /// The codes that count as a positive answer in indicators, ascending; set for every
    /// ordinal coded question (`scale`, `faces`, `rating`, `nps`), empty for the others.
    /// A scale's `positive` codes when it names them; else for `nps` the promoters 9 and
    /// 10; else the top ⌊k/2⌋ of the question's k non-missing codes (`faces`: 3; `rating
    /// 5`: 4 and 5). Computed once here, so that no reader recomputes it.
    #[serde(default)]
    pub positive_codes: Vec<i64>,
    /// `number A..B`: inclusive bounds.
    pub range: Option<Range>,
    /// `text max N`: the most characters (Unicode scalar values) an answer may have.
    pub max_length: Option<u32>,
    /// `multi`: fewest and most codes that may be picked (`min` defaults to 1 when answered).
    pub min_picks: Option<u32>,
    pub max_picks: Option<u32>,
    /// The section it stands in, if any.
    pub section: Option<String>,
    /// The module it comes from by `use`: `istat.cx.core`.
    pub module: Option<String>,
    pub doc: Option<String>,
    /// Where it is defined, for target diagnostics.
    #[serde(skip)]
    #[schemars(skip)]
    pub span: Span,
}

impl Question {
    /// The codes that carry a `specify` free text.
    pub fn specify_codes(&self) -> impl Iterator<Item = &Code> {
        self.codes.iter().filter(|c| c.specify)
    }

    pub fn code(&self, value: i64) -> Option<&Code> {
        self.codes.iter().find(|c| c.value == value)
    }

    /// The key of a specify text in a response and its SQL column: `motivi_99_text`.
    pub fn specify_key(&self, code: i64) -> String {
        let mut out = String::with_capacity(self.id.len() + 26);
        self.push_option_column(&mut out, code);
        out.push_str("_text");
        out
    }

    /// Whether `key` is [`Question::specify_key`] of one of its specify codes, read without
    /// writing one: `<id>_<code>_text` with the code as `to_string` writes it (no `+`, no
    /// leading zero, no `-0`).
    pub fn is_specify_key(&self, key: &str) -> bool {
        let Some(code) = key
            .strip_prefix(self.id.as_str())
            .and_then(|rest| rest.strip_prefix('_'))
            .and_then(|rest| rest.strip_suffix("_text"))
        else {
            return false;
        };
        let digits = code.strip_prefix('-').unwrap_or(code);
        let canonical =
            !digits.starts_with('+') && (digits == "0" || !digits.starts_with('0')) && code != "-0";
        canonical
            && code
                .parse::<i64>()
                .is_ok_and(|v| self.specify_codes().any(|c| c.value == v))
    }

    /// The SQL column of one option of a multi: `motivi_99`.
    pub fn option_column(&self, code: i64) -> String {
        let mut out = String::with_capacity(self.id.len() + 21);
        self.push_option_column(&mut out, code);
        out
    }

    /// [`Question::option_column`], appended to `out` without going through `fmt`: the SQL
    /// target names a column for every option and specify text, several times a survey.
    fn push_option_column(&self, out: &mut String, code: i64) {
        out.push_str(&self.id);
        out.push('_');
        push_integer(out, code);
    }
}

/// `value` in decimal (`-12`), as `{value}` prints it, appended to `out` without going
/// through `fmt`.
pub fn push_integer(out: &mut String, value: i64) {
    if value < 0 {
        out.push('-');
    }
    let mut magnitude = value.unsigned_abs();
    let mut digits = [0u8; 20];
    let mut start = digits.len();
    loop {
        start -= 1;
        digits[start] = b'0' + (magnitude % 10) as u8;
        magnitude /= 10;
        if magnitude == 0 {
            break;
        }
    }
    for &d in &digits[start..] {
        out.push(char::from(d));
    }
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, JsonSchema)]
pub struct Code {
    pub value: i64,
    pub label: Text,
    /// A missing code (`Non so`): valid, but never satisfies an ordering comparison.
    pub missing: bool,
    /// Opens a free-text answer (`<question>_<code>_text`) when picked.
    pub specify: bool,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize, JsonSchema)]
pub struct Range {
    pub min: i64,
    pub max: i64,
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, JsonSchema)]
pub struct Check {
    pub condition: Expr,
    pub message: Text,
    #[serde(skip)]
    #[schemars(skip)]
    pub span: Span,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize, JsonSchema)]
pub enum CmpOp {
    #[serde(rename = "=")]
    Eq,
    #[serde(rename = "!=")]
    Ne,
    #[serde(rename = "<")]
    Lt,
    #[serde(rename = "<=")]
    Le,
    #[serde(rename = ">")]
    Gt,
    #[serde(rename = ">=")]
    Ge,
}

impl CmpOp {
    pub fn as_str(self) -> &'static str {
        match self {
            CmpOp::Eq => "=",
            CmpOp::Ne => "!=",
            CmpOp::Lt => "<",
            CmpOp::Le => "<=",
            CmpOp::Gt => ">",
            CmpOp::Ge => ">=",
        }
    }

    pub fn holds(self, left: i64, right: i64) -> bool {
        match self {
            CmpOp::Eq => left == right,
            CmpOp::Ne => left != right,
            CmpOp::Lt => left < right,
            CmpOp::Le => left <= right,
            CmpOp::Gt => left > right,
            CmpOp::Ge => left >= right,
        }
    }
}

/// A routing or check condition. Two-valued logic: a comparison on an absent answer is
/// false, and `not` negates that. An ordering comparison (`<`...) on a missing code is false.
/// `!=` on an absent answer is false too (it is a comparison).
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, JsonSchema)]
#[serde(tag = "op", rename_all = "lowercase")]
pub enum Expr {
    Or {
        operands: Vec<Expr>,
    },
    And {
        operands: Vec<Expr>,
    },
    Not {
        operand: Box<Expr>,
    },
    /// `question op value` on a single-coded or number answer.
    Compare {
        question: String,
        cmp: CmpOp,
        value: i64,
    },
    /// `question in [values]`: the single answer is one of them.
    In {
        question: String,
        values: Vec<i64>,
    },
    /// `question has code`: the multi answer includes it.
    Has {
        question: String,
        code: i64,
    },
    /// `answered question`
    Answered {
        question: String,
    },
}

impl Expr {
    /// Every question the expression reads, in order of appearance, without repeats.
    pub fn questions(&self) -> Vec<&str> {
        let mut out = Vec::new();
        self.collect_questions(&mut out);
        out
    }

    fn collect_questions<'a>(&'a self, out: &mut Vec<&'a str>) {
        match self {
            Expr::Or { operands } | Expr::And { operands } => {
                operands.iter().for_each(|e| e.collect_questions(out))
            }
            Expr::Not { operand } => operand.collect_questions(out),
            Expr::Compare { question, .. }
            | Expr::In { question, .. }
            | Expr::Has { question, .. }
            | Expr::Answered { question } => {
                if !out.contains(&question.as_str()) {
                    out.push(question)
                }
            }
        }
    }
}
