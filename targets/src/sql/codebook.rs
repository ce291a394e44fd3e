//! SQL target, the codebook: tables beside the response table that describe it, so that the
//! data decodes itself (docs/language.md §10). Languages are rows, not columns, so a later minor
//! version that adds a translation fits the same tables.
//!
//! - `<table>_questions`: one row per question (kind, section, module, routing, bounds).
//! - `<table>_codes`: one row per code and language, with its label: one join decodes an
//!   answer, `JOIN <table>_codes c ON c.question_id = 'q' AND c.code = r.q AND c.language = 'it'`.
//! - `<table>_columns`: one row per column of the response table: which question (and code)
//!   it holds, so a multi's `motivi_99` decodes by the same join on `code`.
//! - `<table>_texts`: every other text by (scope, item, language): `survey` title,
//!   `section` titles, `question` wordings, `help`, `check` messages, kiosk `thanks`.
//! - `<table>_checks`: each `check` condition in rileva syntax.
//! - `<table>_sites`, in a survey with `sites`: one row per site and language, with its
//!   label, in the order written: `JOIN <table>_sites s ON s.site_id = r.site`.
//! - `<table>_survey`: key/value facts about the survey (id, version, languages...).

use super::table;
use rileva_compiler::ir;
use rileva_compiler::response::expr_text;
use std::borrow::Cow;

/// A column type of a codebook table.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum FieldType {
    Text,
    Integer,
    /// Codes and bounds: 64 bits.
    BigInteger,
    Boolean,
}

/// A value of a codebook row; a text borrows from the survey where it can.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Value<'a> {
    Null,
    Text(Cow<'a, str>),
    Integer(i64),
    Boolean(bool),
}

impl<'a> From<&'a str> for Value<'a> {
    fn from(s: &'a str) -> Self {
        Value::Text(Cow::Borrowed(s))
    }
}

impl From<String> for Value<'_> {
    fn from(s: String) -> Self {
        Value::Text(Cow::Owned(s))
    }
}

impl<'a> From<Option<&'a str>> for Value<'a> {
    fn from(s: Option<&'a str>) -> Self {
        s.map_or(Value::Null, Value::from)
    }
}

impl From<Option<String>> for Value<'_> {
    fn from(s: Option<String>) -> Self {
        s.map_or(Value::Null, Value::from)
    }
}

impl From<Option<i64>> for Value<'_> {
    fn from(v: Option<i64>) -> Self {
        v.map_or(Value::Null, Value::Integer)
    }
}

/// One codebook table: its kind, columns (name, type, nullable), key and rows.
#[derive(Debug, Clone)]
pub struct Table<'a> {
    pub kind: Kind,
    pub columns: Vec<(&'static str, FieldType, bool)>,
    pub key: Vec<&'static str>,
    pub rows: Vec<Vec<Value<'a>>>,
}

/// A codebook table, without its rows: enough for its name and description.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Kind {
    Questions,
    Codes,
    Columns,
    Texts,
    Checks,
    Sites,
    Survey,
}

impl Kind {
    /// The suffix after the response table's name: `questions`.
    pub fn suffix(self) -> &'static str {
        match self {
            Kind::Questions => "questions",
            Kind::Codes => "codes",
            Kind::Columns => "columns",
            Kind::Texts => "texts",
            Kind::Checks => "checks",
            Kind::Sites => "sites",
            Kind::Survey => "survey",
        }
    }

    /// What it holds, for a comment in the file and `COMMENT ON TABLE`.
    pub fn about(self) -> &'static str {
        match self {
            Kind::Questions => "one row per question, in the order asked",
            Kind::Codes => "one row per code of a question and language, with its label",
            Kind::Columns => "one row per column of the response table: the question and code it holds",
            Kind::Texts => "every other text by scope (survey, thanks, section, question, help, check), item and language",
            Kind::Checks => "each check of the survey; its message is in the texts table (scope check)",
            Kind::Sites => "one row per site (office, counter) and language, with its label",
            Kind::Survey => "facts about the survey that created these tables, by key",
        }
    }

    /// The table of this kind for `survey`, with its rows.
    pub fn table(self, survey: &ir::Survey) -> Table<'_> {
        match self {
            Kind::Questions => questions(survey),
            Kind::Codes => codes(survey),
            Kind::Columns => columns(survey),
            Kind::Texts => texts(survey),
            Kind::Checks => checks(survey),
            Kind::Sites => sites(survey),
            Kind::Survey => facts(survey),
        }
    }
}

/// The codebook tables a survey has, in the order they are created ([`tables`] without
/// their rows: validating a survey needs only their names).
pub fn kinds(survey: &ir::Survey) -> Vec<Kind> {
    let mut out = vec![
        Kind::Questions,
        Kind::Codes,
        Kind::Columns,
        Kind::Texts,
        Kind::Checks,
    ];
    if !survey.sites.is_empty() {
        out.push(Kind::Sites);
    }
    out.push(Kind::Survey);
    out
}

/// The codebook tables of a survey, with their rows, in the order they are created.
pub fn tables(survey: &ir::Survey) -> Vec<Table<'_>> {
    kinds(survey).into_iter().map(|k| k.table(survey)).collect()
}

fn sites(survey: &ir::Survey) -> Table<'_> {
    use FieldType::*;
    let mut rows = Vec::new();
    for (i, site) in survey.sites.iter().enumerate() {
        for (language, label) in in_languages(survey, &site.label) {
            rows.push(vec![
                site.id.as_str().into(),
                language.into(),
                label.into(),
                Value::Integer(i as i64 + 1),
            ]);
        }
    }
    Table {
        kind: Kind::Sites,
        columns: vec![
            ("site_id", Text, false),
            ("language", Text, false),
            ("label", Text, false),
            ("position", Integer, false),
        ],
        key: vec!["site_id", "language"],
        rows,
    }
}

fn questions(survey: &ir::Survey) -> Table<'_> {
    use FieldType::*;
    let rows = survey
        .questions
        .iter()
        .enumerate()
        .map(|(i, q)| {
            let channels: Vec<&str> = q.channels.iter().map(|c| c.as_str()).collect();
            vec![
                q.id.as_str().into(),
                Value::Integer(i as i64 + 1),
                q.kind.as_str().into(),
                q.section.as_deref().into(),
                q.module.as_deref().into(),
                q.code_list.as_deref().into(),
                Value::Boolean(q.required),
                Value::Boolean(q.personal),
                Value::Boolean(q.locked),
                channels.join(" ").into(),
                q.show_if.as_ref().map(expr_text).into(),
                q.min_picks.map(i64::from).into(),
                q.max_picks.map(i64::from).into(),
                q.range.map(|r| r.min).into(),
                q.range.map(|r| r.max).into(),
                q.max_length.map(i64::from).into(),
                q.doc.as_deref().into(),
            ]
        })
        .collect();
    Table {
        kind: Kind::Questions,
        columns: vec![
            ("question_id", Text, false),
            ("position", Integer, false),
            ("kind", Text, false),
            ("section_id", Text, true),
            ("module", Text, true),
            ("code_list", Text, true),
            ("required", Boolean, false),
            ("personal", Boolean, false),
            ("locked", Boolean, false),
            ("channels", Text, false),
            ("show_if", Text, true),
            ("min_picks", Integer, true),
            ("max_picks", Integer, true),
            ("range_min", BigInteger, true),
            ("range_max", BigInteger, true),
            ("max_length", Integer, true),
            ("doc", Text, true),
        ],
        key: vec!["question_id"],
        rows,
    }
}

fn codes(survey: &ir::Survey) -> Table<'_> {
    use FieldType::*;
    let mut rows = Vec::new();
    for q in &survey.questions {
        for (i, code) in q.codes.iter().enumerate() {
            for (language, label) in in_languages(survey, &code.label) {
                rows.push(vec![
                    q.id.as_str().into(),
                    Value::Integer(code.value),
                    language.into(),
                    label.into(),
                    Value::Integer(i as i64 + 1),
                    Value::Boolean(code.missing),
                    Value::Boolean(code.specify),
                ]);
            }
        }
    }
    Table {
        kind: Kind::Codes,
        columns: vec![
            ("question_id", Text, false),
            ("code", BigInteger, false),
            ("language", Text, false),
            ("label", Text, false),
            ("position", Integer, false),
            ("missing", Boolean, false),
            ("specify", Boolean, false),
        ],
        key: vec!["question_id", "code", "language"],
        rows,
    }
}

fn columns(survey: &ir::Survey) -> Table<'_> {
    use FieldType::*;
    let rows = table::columns(survey)
        .into_iter()
        .enumerate()
        .map(|(i, c)| {
            vec![
                c.name.into(),
                Value::Integer(i as i64 + 1),
                c.question.map(|q| q.id.as_str()).into(),
                c.code.into(),
                c.role.as_str().into(),
            ]
        })
        .collect();
    Table {
        kind: Kind::Columns,
        columns: vec![
            ("column_name", Text, false),
            ("position", Integer, false),
            ("question_id", Text, true),
            ("code", BigInteger, true),
            ("role", Text, false),
        ],
        key: vec!["column_name"],
        rows,
    }
}

fn texts<'a>(survey: &'a ir::Survey) -> Table<'a> {
    let mut rows = Vec::new();
    let mut add = |scope: &'static str, item: Cow<'a, str>, text: &'a ir::Text| {
        for (language, value) in in_languages(survey, text) {
            rows.push(vec![
                scope.into(),
                Value::Text(item.clone()),
                language.into(),
                value.into(),
            ]);
        }
    };
    add("survey", Cow::Borrowed(&survey.id), &survey.title);
    if survey.channels.contains(&ir::Channel::Kiosk) {
        add("thanks", Cow::Borrowed(&survey.id), &survey.kiosk.thanks);
    }
    for section in &survey.sections {
        add("section", Cow::Borrowed(&section.id), &section.title);
    }
    for q in &survey.questions {
        add("question", Cow::Borrowed(&q.id), &q.wording);
        if let Some(help) = &q.help {
            add("help", Cow::Borrowed(&q.id), help);
        }
    }
    for (i, check) in survey.checks.iter().enumerate() {
        add("check", Cow::Owned((i + 1).to_string()), &check.message);
    }
    Table {
        kind: Kind::Texts,
        columns: vec![
            ("scope", FieldType::Text, false),
            ("item", FieldType::Text, false),
            ("language", FieldType::Text, false),
            ("text", FieldType::Text, false),
        ],
        key: vec!["scope", "item", "language"],
        rows,
    }
}

fn checks(survey: &ir::Survey) -> Table<'_> {
    let rows = survey
        .checks
        .iter()
        .enumerate()
        .map(|(i, c)| vec![Value::Integer(i as i64 + 1), expr_text(&c.condition).into()])
        .collect();
    Table {
        kind: Kind::Checks,
        columns: vec![
            ("position", FieldType::Integer, false),
            ("condition", FieldType::Text, false),
        ],
        key: vec!["position"],
        rows,
    }
}

fn facts(survey: &ir::Survey) -> Table<'_> {
    let channels: Vec<&str> = survey.channels.iter().map(|c| c.as_str()).collect();
    let mut facts: Vec<(&str, String)> = vec![
        ("id", survey.id.clone()),
        ("version", survey.version.clone()),
        ("table", survey.table.clone()),
        ("languages", survey.languages.join(" ")),
        ("default_language", survey.default_language().to_owned()),
        ("channels", channels.join(" ")),
        ("anonymous", survey.anonymous.to_string()),
        ("estimated_seconds", survey.estimated_seconds.to_string()),
    ];
    let mut optional = |key, value: Option<&String>| {
        if let Some(v) = value {
            facts.push((key, v.clone()));
        }
    };
    optional("agency", survey.agency.as_ref().map(|a| &a.code));
    optional(
        "agency_kind",
        survey.agency.as_ref().and_then(|a| a.kind.as_ref()),
    );
    optional("service", survey.service.as_ref().map(|s| &s.code));
    optional(
        "service_kind",
        survey.service.as_ref().and_then(|s| s.kind.as_ref()),
    );
    optional("conforms_standard", survey.conforms.as_ref().map(|c| &c.standard));
    optional("conforms_version", survey.conforms.as_ref().map(|c| &c.version));
    optional("conforms_profile", survey.conforms.as_ref().map(|c| &c.profile));
    optional("doc", survey.doc.as_ref());
    Table {
        kind: Kind::Survey,
        columns: vec![("key", FieldType::Text, false), ("value", FieldType::Text, false)],
        key: vec!["key"],
        rows: facts.into_iter().map(|(k, v)| vec![k.into(), v.into()]).collect(),
    }
}

/// A text in each survey language that has it, in the survey's order.
fn in_languages<'a>(
    survey: &'a ir::Survey,
    text: &'a ir::Text,
) -> impl Iterator<Item = (&'a str, &'a str)> + 'a {
    survey
        .languages
        .iter()
        .filter_map(|l| text.0.get(l).map(|t| (l.as_str(), t.as_str())))
}
