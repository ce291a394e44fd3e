//! The aggregate SQL of the report: one scan of the response table per grouping, giving
//! one row per group with COUNT(*) and, for every code of every closed question, how many
//! responses gave it (`SUM(CASE WHEN ... THEN 1 ELSE 0 END)`). Only integers and short key
//! texts leave the database, so memory depends on the survey and the groups, never on the
//! number of responses. Free-text columns are never named.

use super::{Key, Period, Scope};
use crate::store::read::Kind;
use rileva_compiler::ir::{self, QuestionKind};
use rileva_targets::sql::quote::{ident, literal, Dialect};

/// What one aggregate column counts.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Measure {
    /// Responses whose single answer to question `q` (an index) is `code`, or whose multi
    /// answer picked it.
    Code { q: usize, code: i64 },
    /// A multi: responses that picked at least one non-missing code.
    MultiAnswered { q: usize },
    /// A number: how many answered.
    NumberCount { q: usize },
    /// A number: the exact sum of the answers, as text (PostgreSQL's sum of bigint is numeric).
    NumberSum { q: usize },
}

/// One query and how to read its columns: `keys`, then COUNT(*), then `measures`.
#[derive(Debug, Clone)]
pub struct Aggregate {
    pub sql: String,
    pub keys: Vec<Key>,
    pub measures: Vec<Measure>,
}

impl Aggregate {
    pub fn kinds(&self) -> Vec<Kind> {
        let mut kinds = vec![Kind::Text; self.keys.len()];
        kinds.push(Kind::Integer);
        kinds.extend(self.measures.iter().map(|m| match m {
            Measure::NumberSum { .. } => Kind::Text,
            _ => Kind::Integer,
        }));
        kinds
    }
}

/// Does the report read this question? Every closed question and every number; never text.
pub fn reported(q: &ir::Question) -> bool {
    q.kind != QuestionKind::Text
}

/// The measures of every reported question, in survey order.
pub fn measures(survey: &ir::Survey) -> Vec<Measure> {
    let mut out = Vec::new();
    for (index, q) in survey.questions.iter().enumerate() {
        match q.kind {
            QuestionKind::Text => {}
            QuestionKind::Number => {
                out.push(Measure::NumberCount { q: index });
                out.push(Measure::NumberSum { q: index });
            }
            QuestionKind::Multi => {
                out.extend(q.codes.iter().map(|c| Measure::Code {
                    q: index,
                    code: c.value,
                }));
                out.push(Measure::MultiAnswered { q: index });
            }
            _ => out.extend(q.codes.iter().map(|c| Measure::Code {
                q: index,
                code: c.value,
            })),
        }
    }
    out
}

fn measure_sql(survey: &ir::Survey, measure: Measure) -> String {
    let count_when = |condition: String| format!("SUM(CASE WHEN {condition} THEN 1 ELSE 0 END)");
    match measure {
        Measure::Code { q, code } => {
            let question = &survey.questions[q];
            if question.kind == QuestionKind::Multi {
                count_when(ident(&question.option_column(code)))
            } else {
                count_when(format!("{} = {code}", ident(&question.id)))
            }
        }
        Measure::MultiAnswered { q } => {
            let question = &survey.questions[q];
            let picked: Vec<String> = question
                .codes
                .iter()
                .filter(|c| !c.missing)
                .map(|c| ident(&question.option_column(c.value)))
                .collect();
            if picked.is_empty() {
                "0".to_owned()
            } else {
                count_when(format!("({})", picked.join(" OR ")))
            }
        }
        Measure::NumberCount { q } => format!("COUNT({})", ident(&survey.questions[q].id)),
        Measure::NumberSum { q } => format!("CAST(SUM({}) AS TEXT)", ident(&survey.questions[q].id)),
    }
}

/// The SQL of one grouping key.
pub fn key_sql(key: Key, dialect: Dialect) -> String {
    match key {
        Key::Period(period) => period_sql(period, dialect),
        Key::Site => ident("site"),
        Key::Channel => ident("channel"),
    }
}

/// The UTC period of `submitted_at`. SQLite keeps the RFC 3339 text (`upper` so that a
/// lowercase `t` or `z` parses); its date functions apply the offset.
fn period_sql(period: Period, dialect: Dialect) -> String {
    let column = ident("submitted_at");
    match dialect {
        Dialect::Sqlite => {
            let format = match period {
                Period::Day => "%Y-%m-%d",
                Period::Week => "%G-W%V",
                Period::Month => "%Y-%m",
            };
            format!("strftime({}, upper({column}))", literal(format))
        }
        Dialect::Postgres => {
            let format = match period {
                Period::Day => "YYYY-MM-DD",
                Period::Week => "IYYY-\"W\"IW",
                Period::Month => "YYYY-MM",
            };
            format!("to_char({column} AT TIME ZONE 'UTC', {})", literal(format))
        }
    }
}

/// `WHERE` for `--from` / `--to` (UTC days, both included), or an empty string.
pub fn filter_sql(scope: &Scope, dialect: Dialect) -> String {
    let day = match dialect {
        Dialect::Sqlite => format!("date(upper({}))", ident("submitted_at")),
        Dialect::Postgres => format!("CAST({} AT TIME ZONE 'UTC' AS date)", ident("submitted_at")),
    };
    let bound = |d: &chrono::NaiveDate| match dialect {
        Dialect::Sqlite => literal(&d.format("%Y-%m-%d").to_string()),
        Dialect::Postgres => format!("DATE {}", literal(&d.format("%Y-%m-%d").to_string())),
    };
    let mut parts = Vec::new();
    if let Some(from) = &scope.from {
        parts.push(format!("{day} >= {}", bound(from)));
    }
    if let Some(to) = &scope.to {
        parts.push(format!("{day} <= {}", bound(to)));
    }
    if parts.is_empty() {
        String::new()
    } else {
        format!(" WHERE {}", parts.join(" AND "))
    }
}

/// The aggregate query of `survey` grouped by `keys` (none: one row for everything).
/// `with_measures` false counts responses only.
pub fn aggregate(
    survey: &ir::Survey,
    scope: &Scope,
    keys: &[Key],
    dialect: Dialect,
    with_measures: bool,
) -> Aggregate {
    let measures = if with_measures {
        measures(survey)
    } else {
        Vec::new()
    };
    let keys_sql: Vec<String> = keys.iter().map(|k| key_sql(*k, dialect)).collect();
    let mut columns = keys_sql.clone();
    columns.push("COUNT(*)".to_owned());
    columns.extend(measures.iter().map(|m| measure_sql(survey, *m)));
    let mut sql = format!(
        "SELECT {} FROM {}{}",
        columns.join(", "),
        ident(&survey.table),
        filter_sql(scope, dialect)
    );
    if !keys.is_empty() {
        let positions: Vec<String> = (1..=keys.len()).map(|i| i.to_string()).collect();
        sql.push_str(&format!(
            " GROUP BY {} ORDER BY {}",
            positions.join(", "),
            positions.join(", ")
        ));
    }
    Aggregate {
        sql,
        keys: keys.to_vec(),
        measures,
    }
}

/// `SELECT DISTINCT survey_version`: the versions stored.
pub fn versions(survey: &ir::Survey, scope: &Scope, dialect: Dialect) -> String {
    format!(
        "SELECT DISTINCT {v} FROM {}{} ORDER BY 1",
        ident(&survey.table),
        filter_sql(scope, dialect),
        v = ident("survey_version")
    )
}
