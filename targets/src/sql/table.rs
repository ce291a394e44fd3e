//! SQL target, the response table: its columns (docs/language.md §10) and the constraints that
//! accept exactly the rows of valid responses (`rileva_compiler::response::validate` is the
//! reference). Every CHECK expression here is two-valued: it is TRUE or FALSE, never UNKNOWN.

use super::expr::{condition, push_answered, push_condition, push_picked_option};
use super::quote::{ident, literal, push_ident, push_integer, push_integers, push_literal, Dialect};
use super::timestamp;
use rileva_compiler::ir::{self, QuestionKind};
use rileva_compiler::response::{DEFAULT_TEXT_MAX_CHARS, SPECIFY_MAX_CHARS};

/// What a column holds, before it has a dialect's type.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum ValueType {
    /// A code or number; `wide` when some value needs 64 bits.
    Integer {
        wide: bool,
    },
    Text,
    Boolean,
    /// `submitted_at`: PostgreSQL `timestamptz`, SQLite RFC 3339 text.
    Timestamp,
}

/// Why the column is there.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Role {
    /// `response_id`, assigned by the database.
    Id,
    /// `survey_version`, `language`, `channel`, `submitted_at`.
    Metadata,
    /// `site`: where the response was collected; nullable, only in a survey with `sites`.
    Site,
    /// The answer to a question that is not a multi.
    Answer,
    /// One option of a multi: picked or not.
    Option,
    /// The free text of a `specify` code.
    Specify,
}

impl Role {
    pub fn as_str(self) -> &'static str {
        match self {
            Role::Id => "id",
            Role::Metadata => "metadata",
            Role::Site => "site",
            Role::Answer => "answer",
            Role::Option => "option",
            Role::Specify => "specify",
        }
    }
}

/// One column of the response table.
#[derive(Debug, Clone)]
pub struct Column<'a> {
    pub name: String,
    pub value: ValueType,
    pub role: Role,
    pub question: Option<&'a ir::Question>,
    pub code: Option<i64>,
}

/// The metadata columns after `response_id`, in table order.
pub const METADATA: [&str; 4] = ["survey_version", "language", "channel", "submitted_at"];

/// The column of the optional `site` metadata, after [`METADATA`], in a survey with sites.
pub const SITE: &str = "site";

/// Every column of the response table, in order: `response_id`, metadata, `site` when the
/// survey lists sites, then each question's columns (a multi's options, then its specify
/// texts).
pub fn columns(survey: &ir::Survey) -> Vec<Column<'_>> {
    let meta = |name: &str, value| Column {
        name: name.to_owned(),
        value,
        role: Role::Metadata,
        question: None,
        code: None,
    };
    // Most questions have one column: a first guess that spares most regrowing.
    let mut out = Vec::with_capacity(6 + 2 * survey.questions.len());
    out.extend([
        Column {
            role: Role::Id,
            ..meta("response_id", ValueType::Integer { wide: true })
        },
        meta(METADATA[0], ValueType::Text),
        meta(METADATA[1], ValueType::Text),
        meta(METADATA[2], ValueType::Text),
        meta(METADATA[3], ValueType::Timestamp),
    ]);
    if !survey.sites.is_empty() {
        out.push(Column {
            role: Role::Site,
            ..meta(SITE, ValueType::Text)
        });
    }
    for q in &survey.questions {
        push_question_columns(q, &mut out);
    }
    out
}

/// The columns of one question, in table order.
pub fn question_columns(q: &ir::Question) -> Vec<Column<'_>> {
    let mut out = Vec::new();
    push_question_columns(q, &mut out);
    out
}

/// [`question_columns`], appended to `out`.
fn push_question_columns<'a>(q: &'a ir::Question, out: &mut Vec<Column<'a>>) {
    let column = |name: String, value, role, code| Column {
        name,
        value,
        role,
        question: Some(q),
        code,
    };
    match q.kind {
        QuestionKind::Multi => out.extend(q.codes.iter().map(|c| {
            column(
                q.option_column(c.value),
                ValueType::Boolean,
                Role::Option,
                Some(c.value),
            )
        })),
        QuestionKind::Text => out.push(column(q.id.clone(), ValueType::Text, Role::Answer, None)),
        _ => out.push(column(
            q.id.clone(),
            ValueType::Integer {
                wide: !fits_32_bits(q),
            },
            Role::Answer,
            None,
        )),
    }
    out.extend(q.specify_codes().map(|c| {
        column(
            q.specify_key(c.value),
            ValueType::Text,
            Role::Specify,
            Some(c.value),
        )
    }));
}

/// Every accepted value fits 32 bits. A `number` without a range accepts any 64-bit value.
fn fits_32_bits(q: &ir::Question) -> bool {
    let fits = |v: i64| i32::try_from(v).is_ok();
    let range_fits = match (q.kind, q.range) {
        (_, Some(r)) => fits(r.min) && fits(r.max),
        (QuestionKind::Number, None) => false,
        (_, None) => true,
    };
    range_fits && q.codes.iter().all(|c| fits(c.value))
}

impl Column<'_> {
    /// The column's type in `dialect`, with NOT NULL and the checks that belong to the
    /// column alone.
    pub fn definition(&self, dialect: Dialect, survey: &ir::Survey) -> String {
        self.definition_with(dialect, self.not_null(survey))
    }

    /// Whether every row of `survey` has a value here (metadata, an always-asked required
    /// answer).
    pub fn not_null(&self, survey: &ir::Survey) -> bool {
        self.role == Role::Metadata || self.always_required(survey)
    }

    /// The definition, with NOT NULL as given (a table of several versions, docs/versions.md,
    /// keeps NOT NULL only where every version has it).
    pub fn definition_with(&self, dialect: Dialect, not_null: bool) -> String {
        let sql_type = match (self.value, dialect) {
            (ValueType::Integer { wide }, d) => d.integer(!wide),
            (ValueType::Text, d) => d.text(),
            (ValueType::Boolean, d) => d.boolean(),
            (ValueType::Timestamp, Dialect::Postgres) => "timestamptz",
            (ValueType::Timestamp, Dialect::Sqlite) => "TEXT",
        };
        let mut out = String::with_capacity(3 * self.name.len() + 64);
        push_ident(&mut out, &self.name);
        out.push(' ');
        out.push_str(sql_type);
        if self.role == Role::Id {
            out.push_str(match dialect {
                Dialect::Postgres => " GENERATED ALWAYS AS IDENTITY PRIMARY KEY",
                Dialect::Sqlite => " PRIMARY KEY",
            });
        } else if not_null {
            out.push_str(" NOT NULL");
        }
        if self.value == ValueType::Boolean && dialect == Dialect::Sqlite {
            out.push_str(" CHECK (");
            push_ident(&mut out, &self.name);
            out.push_str(" IS NULL OR ");
            push_ident(&mut out, &self.name);
            out.push_str(" IN (0, 1))");
        }
        out
    }

    /// An answer column of a required question that every response is asked.
    fn always_required(&self, survey: &ir::Survey) -> bool {
        matches!(self.role, Role::Answer | Role::Option)
            && self
                .question
                .is_some_and(|q| q.required && always_asked(survey, q))
    }
}

/// [`asked`] is `None`: no `show if`, and every channel of the survey asks `q` (without
/// writing the condition).
fn always_asked(survey: &ir::Survey, q: &ir::Question) -> bool {
    q.show_if.is_none() && survey.channels.iter().all(|c| q.channels.contains(c))
}

/// A named CHECK constraint of the response table.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Constraint {
    pub name: String,
    pub check: String,
}

/// When `q` is asked: its `show if` and its channels, as SQL; `None` when always.
pub fn asked(survey: &ir::Survey, q: &ir::Question, dialect: Dialect) -> Option<String> {
    if always_asked(survey, q) {
        return None;
    }
    let channels = survey.channels.iter().any(|c| !q.channels.contains(c));
    let both = channels && q.show_if.is_some();
    let mut out = String::with_capacity(64);
    if both {
        out.push('(');
    }
    if channels && q.channels.is_empty() {
        out.push_str("FALSE");
    } else if channels {
        out.push_str("COALESCE(");
        push_ident(&mut out, "channel");
        out.push_str(" IN (");
        for (i, c) in q.channels.iter().enumerate() {
            if i > 0 {
                out.push_str(", ");
            }
            push_literal(&mut out, c.as_str());
        }
        out.push_str("), FALSE)");
    }
    if let Some(show_if) = &q.show_if {
        if channels {
            out.push_str(" AND ");
        }
        push_condition(&mut out, survey, dialect, show_if);
    }
    if both {
        out.push(')');
    }
    Some(out)
}

/// Every table constraint, in a stable order: metadata, each question, each `check`.
pub fn constraints(survey: &ir::Survey, dialect: Dialect) -> Vec<Constraint> {
    let mut out = metadata_constraints(survey, dialect);
    for q in &survey.questions {
        question_constraints(survey, q, dialect, &mut out);
    }
    for (index, check) in survey.checks.iter().enumerate() {
        out.push(Constraint {
            name: format!("check_{}", index + 1),
            check: condition(survey, dialect, &check.condition),
        });
    }
    out
}

fn metadata_constraints(survey: &ir::Survey, dialect: Dialect) -> Vec<Constraint> {
    let one_of = |column: &str, values: Vec<String>| Constraint {
        name: column.to_owned(),
        check: format!("COALESCE({} IN ({}), FALSE)", ident(column), values.join(", ")),
    };
    let mut out = vec![
        Constraint {
            name: "survey_version".to_owned(),
            check: format!(
                "COALESCE({} = {}, FALSE)",
                ident("survey_version"),
                literal(&survey.version)
            ),
        },
        one_of("language", survey.languages.iter().map(|l| literal(l)).collect()),
        one_of(
            "channel",
            survey.channels.iter().map(|c| literal(c.as_str())).collect(),
        ),
    ];
    if !survey.sites.is_empty() {
        let ids: Vec<String> = survey.sites.iter().map(|s| literal(&s.id)).collect();
        out.push(Constraint {
            name: SITE.to_owned(),
            check: format!("{0} IS NULL OR {0} IN ({1})", ident(SITE), ids.join(", ")),
        });
    }
    if dialect == Dialect::Sqlite {
        out.push(Constraint {
            name: "submitted_at".to_owned(),
            check: timestamp::sqlite_check(&ident("submitted_at")),
        });
    }
    out
}

fn question_constraints(survey: &ir::Survey, q: &ir::Question, dialect: Dialect, out: &mut Vec<Constraint>) {
    let mut add = |rule: &str, check: String| {
        let mut name = String::with_capacity(q.id.len() + 1 + rule.len());
        name.push_str(&q.id);
        name.push('_');
        name.push_str(rule);
        out.push(Constraint { name, check })
    };
    if let Some(asked) = asked(survey, q, dialect) {
        let mut check = String::with_capacity(asked.len() + 32);
        check.push('(');
        check.push_str(&asked);
        check.push_str(") OR (");
        for (i, c) in question_columns(q).iter().enumerate() {
            if i > 0 {
                check.push_str(" AND ");
            }
            push_ident(&mut check, &c.name);
            check.push_str(" IS NULL");
        }
        check.push(')');
        add("not_asked", check);
        if q.required {
            let mut check = String::with_capacity(asked.len() + q.id.len() + 24);
            check.push_str("NOT (");
            check.push_str(&asked);
            check.push_str(") OR ");
            push_answered(&mut check, q);
            add("required", check);
        }
    }
    let column = ident(&q.id);
    // `"q" IS NULL OR `, the start of most of a question's rules.
    let absent_or = |capacity: usize| {
        let mut check = String::with_capacity(column.len() + 12 + capacity);
        check.push_str(&column);
        check.push_str(" IS NULL OR ");
        check
    };
    match q.kind {
        QuestionKind::Multi => multi_constraints(q, dialect, &mut add),
        QuestionKind::Text => add(
            "length",
            text_length(dialect, &column, q.max_length.unwrap_or(DEFAULT_TEXT_MAX_CHARS)),
        ),
        QuestionKind::Number => {
            if let Some(range) = q.range {
                let mut check = absent_or(column.len() + 40);
                check.push_str(&column);
                check.push_str(" BETWEEN ");
                push_integer(&mut check, range.min);
                check.push_str(" AND ");
                push_integer(&mut check, range.max);
                add("range", check);
            }
        }
        _ => {
            let mut check = absent_or(column.len() + 8 * q.codes.len() + 8);
            check.push_str(&column);
            check.push_str(" IN (");
            push_integers(&mut check, q.codes.iter().map(|c| c.value));
            check.push(')');
            add("codes", check);
        }
    }
    for code in q.specify_codes() {
        let key = q.specify_key(code.value);
        let mut check = String::with_capacity(2 * key.len() + 40);
        push_ident(&mut check, &key);
        check.push_str(" IS NULL OR ");
        match q.kind {
            QuestionKind::Multi => push_picked_option(&mut check, dialect, &q.option_column(code.value)),
            _ => {
                check.push_str("COALESCE(");
                check.push_str(&column);
                check.push_str(" = ");
                push_integer(&mut check, code.value);
                check.push_str(", FALSE)");
            }
        }
        let mut rule = String::with_capacity(24);
        push_integer(&mut rule, code.value);
        rule.push_str("_specify");
        add(&rule, check);
        rule.push_str("_length");
        add(&rule, text_length(dialect, &ident(&key), SPECIFY_MAX_CHARS));
    }
}

/// A text is absent, or has 1 to `max` characters (an empty text is not an answer) and no
/// U+0000. PostgreSQL cannot store that character at all (the INSERT fails); SQLite can, and
/// its `length` stops counting there, so its CHECK looks for the byte.
fn text_length(dialect: Dialect, column: &str, max: u32) -> String {
    let mut out = String::with_capacity(3 * column.len() + 80);
    out.push_str(column);
    out.push_str(" IS NULL OR ");
    out.push_str(dialect.char_length());
    out.push('(');
    out.push_str(column);
    out.push_str(") BETWEEN 1 AND ");
    push_integer(&mut out, i64::from(max));
    if dialect == Dialect::Sqlite {
        out.push_str(" AND instr(CAST(");
        out.push_str(column);
        out.push_str(" AS BLOB), X'00') = 0");
    }
    out
}

/// A multi's options are all NULL (unanswered) or all set, and the picks are within
/// `min` (at least 1) and `max`.
fn multi_constraints(q: &ir::Question, dialect: Dialect, add: &mut impl FnMut(&str, String)) {
    let options: Vec<String> = q.codes.iter().map(|c| ident(&q.option_column(c.value))).collect();
    let Some(first) = options.first() else {
        return;
    };
    let length: usize = options.iter().map(|o| o.len() + 18).sum();
    let all = |out: &mut String, test: &str| {
        for (i, o) in options.iter().enumerate() {
            if i > 0 {
                out.push_str(" AND ");
            }
            out.push_str(o);
            out.push_str(test);
        }
    };
    let mut check = String::with_capacity(2 * length + 8);
    check.push('(');
    all(&mut check, " IS NULL");
    check.push_str(") OR (");
    all(&mut check, " IS NOT NULL");
    check.push(')');
    add("options", check);
    let mut check = String::with_capacity(length + 48);
    check.push_str(first);
    check.push_str(" IS NULL OR COALESCE(");
    for (i, o) in options.iter().enumerate() {
        if i > 0 {
            check.push_str(" + ");
        }
        check.push_str(o);
        if dialect == Dialect::Postgres {
            check.push_str("::integer");
        }
    }
    let min = q.min_picks.unwrap_or(1).max(1);
    match q.max_picks {
        Some(max) => {
            check.push_str(" BETWEEN ");
            push_integer(&mut check, i64::from(min));
            check.push_str(" AND ");
            push_integer(&mut check, i64::from(max));
        }
        None => {
            check.push_str(" >= ");
            push_integer(&mut check, i64::from(min));
        }
    }
    check.push_str(", FALSE)");
    add("picks", check);
}
