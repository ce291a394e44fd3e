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
/// response has no row. For many responses of one survey, [`RowMaker`] does the same work
/// once.
pub fn row(survey: &ir::Survey, response: &Value) -> Result<Vec<Param>, String> {
    RowMaker::new(survey).row(response)
}

/// The rows of one survey's responses, prepared once (`rileva load` makes a row per
/// accepted line): each specify text's key, and the keys that have a column.
pub struct RowMaker<'s> {
    survey: &'s ir::Survey,
    /// Per question, the keys of its specify texts (`motivi_99_text`), in code order.
    specify: Vec<Vec<String>>,
    /// Every answer key with a column: question ids and specify keys.
    known: BTreeSet<String>,
    /// No specify key is also a question id, so a response whose answer keys are all
    /// found among the questions and specify keys has no other key.
    distinct: bool,
}

impl<'s> RowMaker<'s> {
    pub fn new(survey: &'s ir::Survey) -> RowMaker<'s> {
        let specify: Vec<Vec<String>> = survey
            .questions
            .iter()
            .map(|q| q.specify_codes().map(|c| q.specify_key(c.value)).collect())
            .collect();
        let mut known: BTreeSet<String> = survey.questions.iter().map(|q| q.id.clone()).collect();
        let keys = known.len() + specify.iter().map(Vec::len).sum::<usize>();
        known.extend(specify.iter().flatten().cloned());
        RowMaker {
            survey,
            specify,
            distinct: known.len() == keys,
            known,
        }
    }

    /// [`row`] of one response.
    pub fn row(&self, response: &Value) -> Result<Vec<Param>, String> {
        let survey = self.survey;
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
        // An unknown answer key is reported before any value's fault, as if checked first.
        let values = self
            .values(object, answers)
            .map_err(|why| match self.unknown_key(answers) {
                Some(key) => key,
                None => why,
            })?;
        if values.1 != answers.len() || !self.distinct {
            if let Some(key) = self.unknown_key(answers) {
                return Err(key);
            }
        }
        Ok(values.0)
    }

    /// The row's values, and how many answer keys were found among the columns.
    fn values(
        &self,
        object: &Map<String, Value>,
        answers: &Map<String, Value>,
    ) -> Result<(Vec<Param>, usize), String> {
        let survey = self.survey;
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
        let mut found = 0;
        for (q, specify) in survey.questions.iter().zip(&self.specify) {
            found += question_params(q, specify, answers, &mut out)?;
        }
        Ok((out, found))
    }

    fn unknown_key(&self, answers: &Map<String, Value>) -> Option<String> {
        answers
            .keys()
            .find(|k| !self.known.contains(k.as_str()))
            .map(|key| format!("answer `{key}` has no column"))
    }
}

/// Push the question's values; the number of its keys the response has.
fn question_params(
    q: &ir::Question,
    specify: &[String],
    answers: &Map<String, Value>,
    out: &mut Vec<Param>,
) -> Result<usize, String> {
    let answer = answers.get(&q.id);
    let mut found = usize::from(answer.is_some());
    match q.kind {
        QuestionKind::Multi => options(q, answer, out)?,
        QuestionKind::Text => out.push(text(&q.id, answer)?),
        _ => out.push(match answer {
            None => Param::Null,
            Some(v) => Param::Integer(whole_number(&q.id, v)?),
        }),
    }
    for key in specify {
        let value = answers.get(key);
        found += usize::from(value.is_some());
        out.push(text(key, value)?);
    }
    Ok(found)
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
fn options(q: &ir::Question, answer: Option<&Value>, out: &mut Vec<Param>) -> Result<(), String> {
    let Some(value) = answer else {
        out.extend(q.codes.iter().map(|_| Param::Null));
        return Ok(());
    };
    let Value::Array(items) = value else {
        return Err(format!("`{}` is {value}, not an array of codes", q.id));
    };
    let mut picked = Vec::with_capacity(items.len());
    for item in items {
        let code = whole_number(&q.id, item)?;
        if q.code(code).is_none() {
            return Err(format!("`{}` picks {code}, which has no column", q.id));
        }
        if picked.contains(&code) {
            return Err(format!("`{}` picks {code} twice: a column holds it once", q.id));
        }
        picked.push(code);
    }
    picked.sort_unstable();
    out.extend(
        q.codes
            .iter()
            .map(|c| Param::Boolean(picked.binary_search(&c.value).is_ok())),
    );
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::*;
    use serde_json::json;

    fn response(answers: Value) -> Value {
        json!({"survey": "inps.hub_prestazioni", "version": "1.0.0", "language": "it",
               "channel": "web", "submitted_at": "2026-11-22T10:15:00Z", "answers": answers})
    }

    #[test]
    fn a_row_holds_every_column_in_order() {
        let survey = super::super::tests::survey();
        let maker = RowMaker::new(&survey);
        let values = maker
            .row(&response(json!({"soddisfazione": 2, "motivi": [99, 1],
                "motivi_99_text": "tab\there", "documenti": 3, "commento": "sì"})))
            .expect("a row");
        let text = |s: &str| Param::Text(s.to_owned());
        let want = [
            text("1.0.0"),
            text("it"),
            text("web"),
            text("2026-11-22T10:15:00Z"),
            Param::Integer(2),
            Param::Boolean(true),
            Param::Boolean(false),
            Param::Boolean(true),
            text("tab\there"),
            Param::Integer(3),
            Param::Null,
            text("sì"),
        ];
        assert_eq!(values, want);
        assert_eq!(
            row(&survey, &response(json!({"soddisfazione": 2}))).map(|r| r.len()),
            Ok(12)
        );
    }

    #[test]
    fn a_key_without_a_column_is_named_before_any_value_fault() {
        let survey = super::super::tests::survey();
        let maker = RowMaker::new(&survey);
        let unknown = Err("answer `altro` has no column".to_owned());
        assert_eq!(maker.row(&response(json!({"altro": 1}))), unknown);
        assert_eq!(
            maker.row(&response(json!({"soddisfazione": "due", "altro": 1}))),
            unknown
        );
        assert_eq!(
            maker.row(&response(json!({"soddisfazione": "due"}))),
            Err("`soddisfazione` is \"due\", not a whole number of 64 bits".to_owned())
        );
        assert_eq!(
            maker.row(&response(json!({"motivi": [1, 1]}))),
            Err("`motivi` picks 1 twice: a column holds it once".to_owned())
        );
        assert_eq!(
            maker.row(&response(json!({"motivi": [3]}))),
            Err("`motivi` picks 3, which has no column".to_owned())
        );
    }
}
