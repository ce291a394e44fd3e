//! SQL target, rows: a JSON response (docs/language.md §10) as the values of one row of the
//! response table, and the parameterised INSERT that stores it. `rileva load` and the
//! agreement tests use these, so the database judges every value the table can hold.
//!
//! Some responses have no row at all, and [`row`] says why: a shape the table cannot
//! represent (another survey, a key that is no column, `null` or a string where a code
//! goes, a number beyond 64 bits, a multi pick that is no option or is repeated, no
//! `answers`). Everything else — versions, languages, channels, times, codes, ranges,
//! lengths, routing, required answers, picks, specify texts, checks — is left to the
//! table's constraints. A missing metadata value becomes NULL, which NOT NULL rejects.

use super::quote::{ident, Dialect};
use super::table::{self, Column, Role, ValueType};
use super::timestamp;
use rileva_compiler::ir::{self, QuestionKind};
use rileva_compiler::response::{integer, METADATA_KEYS, SITE_KEY};
use serde_json::{Map, Value};
use std::collections::BTreeSet;

/// A value bound to one INSERT parameter.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Param {
    Null,
    Integer(i64),
    Text(String),
    Boolean(bool),
}

/// The columns an INSERT names, in parameter order: all but `response_id`.
pub fn insert_columns(survey: &ir::Survey) -> Vec<Column<'_>> {
    table::columns(survey)
        .into_iter()
        .filter(|c| c.role != Role::Id)
        .collect()
}

/// `INSERT INTO "t" ("survey_version", ...) VALUES ($1, ...)`: PostgreSQL numbers its
/// parameters `$n`, SQLite `?n`; both bind [`row`]'s values in order. PostgreSQL's
/// `submitted_at` goes through [`timestamp::postgres_value`].
pub fn insert_sql(survey: &ir::Survey, dialect: Dialect) -> String {
    let types: Vec<ValueType> = insert_columns(survey).iter().map(|c| c.value).collect();
    format!(
        "{} VALUES {}",
        insert_head(survey),
        values_tuple(dialect, &types, 0)
    )
}

/// `INSERT INTO "t" ("survey_version", ...)`: the INSERT without its VALUES.
pub fn insert_head(survey: &ir::Survey) -> String {
    format!("INSERT INTO {}", table_and_columns(survey))
}

/// `COPY "t" ("survey_version", ...) FROM STDIN`: the INSERT's columns, in its order, for
/// PostgreSQL's bulk load (`rileva load`), which sends [`row`]'s values in COPY's text format.
pub fn copy_sql(survey: &ir::Survey) -> String {
    format!("COPY {} FROM STDIN", table_and_columns(survey))
}

/// `"t" ("survey_version", ...)`: the response table and the columns a row fills.
fn table_and_columns(survey: &ir::Survey) -> String {
    let names: Vec<String> = insert_columns(survey).iter().map(|c| ident(&c.name)).collect();
    format!("{} ({})", ident(&survey.table), names.join(", "))
}

/// One row's `($1, $2, ...)` for columns of these types, its parameters numbered from
/// `offset + 1` (a multi-row INSERT gives row `k` the offset `k * types.len()`).
pub fn values_tuple(dialect: Dialect, types: &[ValueType], offset: usize) -> String {
    let values: Vec<String> = types
        .iter()
        .enumerate()
        .map(|(i, value)| match (dialect, value) {
            (Dialect::Postgres, ValueType::Timestamp) => {
                timestamp::postgres_value(&format!("${}", offset + i + 1))
            }
            (Dialect::Postgres, _) => format!("${}", offset + i + 1),
            (Dialect::Sqlite, _) => format!("?{}", offset + i + 1),
        })
        .collect();
    format!("({})", values.join(", "))
}

/// The values of the response's row, in [`insert_columns`] order; `Err` says why the
/// response has no row.
pub fn row(survey: &ir::Survey, response: &Value) -> Result<Vec<Param>, String> {
    let Value::Object(object) = response else {
        return Err("the response is not a JSON object".to_owned());
    };
    let has_column = |k: &str| METADATA_KEYS.contains(&k) || (k == SITE_KEY && !survey.sites.is_empty());
    if let Some(key) = object.keys().find(|k| !has_column(k)) {
        return Err(format!("`{key}` has no column"));
    }
    if object.get("survey").and_then(Value::as_str) != Some(survey.id.as_str()) {
        return Err(format!(
            "the response is not one of {}: the table has no survey column",
            survey.id
        ));
    }
    let Some(Value::Object(answers)) = object.get("answers") else {
        return Err("`answers` is missing or not an object".to_owned());
    };
    check_answer_keys(survey, answers)?;
    let mut out = Vec::new();
    for (column, key) in table::METADATA
        .iter()
        .zip(["version", "language", "channel", "submitted_at"])
    {
        out.push(match object.get(key) {
            None => Param::Null,
            Some(Value::String(s)) => Param::Text(s.clone()),
            Some(other) => return Err(format!("`{key}` is {other}, not text for column {column}")),
        });
    }
    if !survey.sites.is_empty() {
        out.push(text(SITE_KEY, object.get(SITE_KEY))?);
    }
    for q in &survey.questions {
        question_params(q, answers, &mut out)?;
    }
    Ok(out)
}

fn check_answer_keys(survey: &ir::Survey, answers: &Map<String, Value>) -> Result<(), String> {
    let mut known: BTreeSet<String> = BTreeSet::new();
    for q in &survey.questions {
        known.insert(q.id.clone());
        known.extend(q.specify_codes().map(|c| q.specify_key(c.value)));
    }
    match answers.keys().find(|k| !known.contains(k.as_str())) {
        Some(key) => Err(format!("answer `{key}` has no column")),
        None => Ok(()),
    }
}

fn question_params(
    q: &ir::Question,
    answers: &Map<String, Value>,
    out: &mut Vec<Param>,
) -> Result<(), String> {
    let answer = answers.get(&q.id);
    match q.kind {
        QuestionKind::Multi => out.extend(options(q, answer)?),
        QuestionKind::Text => out.push(text(&q.id, answer)?),
        _ => out.push(match answer {
            None => Param::Null,
            Some(v) => Param::Integer(whole_number(&q.id, v)?),
        }),
    }
    for code in q.specify_codes() {
        let key = q.specify_key(code.value);
        out.push(text(&key, answers.get(&key))?);
    }
    Ok(())
}

fn whole_number(key: &str, value: &Value) -> Result<i64, String> {
    integer(value)
        .and_then(|i| i64::try_from(i).ok())
        .ok_or_else(|| format!("`{key}` is {value}, not a whole number of 64 bits"))
}

fn text(key: &str, value: Option<&Value>) -> Result<Param, String> {
    match value {
        None => Ok(Param::Null),
        Some(Value::String(s)) => Ok(Param::Text(s.clone())),
        Some(other) => Err(format!("`{key}` is {other}, not text")),
    }
}

/// One boolean per option: all NULL when unanswered, else picked or not.
fn options(q: &ir::Question, answer: Option<&Value>) -> Result<Vec<Param>, String> {
    let Some(value) = answer else {
        return Ok(vec![Param::Null; q.codes.len()]);
    };
    let Value::Array(items) = value else {
        return Err(format!("`{}` is {value}, not an array of codes", q.id));
    };
    let mut picked = BTreeSet::new();
    for item in items {
        let code = whole_number(&q.id, item)?;
        if q.code(code).is_none() {
            return Err(format!("`{}` picks {code}, which has no column", q.id));
        }
        if !picked.insert(code) {
            return Err(format!("`{}` picks {code} twice: a column holds it once", q.id));
        }
    }
    Ok(q.codes
        .iter()
        .map(|c| Param::Boolean(picked.contains(&c.value)))
        .collect())
}
