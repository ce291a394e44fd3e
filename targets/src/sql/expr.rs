//! SQL target, conditions: `show if` and `check` expressions as SQL with the two-valued
//! meaning of docs/language.md §7. SQL compares NULL to UNKNOWN and a CHECK passes on UNKNOWN, so
//! every comparison is wrapped in `COALESCE(..., FALSE)`: an absent answer makes it false,
//! `NOT` negates a definite value, and no translated expression is ever UNKNOWN.

use super::quote::{ident, integers, Dialect};
use rileva_compiler::ir::{self, CmpOp, Expr, QuestionKind};

/// The SQL of a condition on the columns of one response row; never NULL.
pub fn condition(survey: &ir::Survey, dialect: Dialect, expr: &Expr) -> String {
    match expr {
        Expr::Or { operands } => junction(survey, dialect, operands, "OR", "FALSE"),
        Expr::And { operands } => junction(survey, dialect, operands, "AND", "TRUE"),
        Expr::Not { operand } => format!("NOT ({})", condition(survey, dialect, operand)),
        Expr::Compare { question, cmp, value } => compare(survey, question, *cmp, *value),
        Expr::In { question, values } => one_of(survey, question, values),
        Expr::Has { question, code } => has(survey, dialect, question, *code),
        Expr::Answered { question } => survey
            .question(question)
            .map(answered)
            .unwrap_or_else(|| "FALSE".to_owned()),
    }
}

fn junction(survey: &ir::Survey, dialect: Dialect, operands: &[Expr], op: &str, empty: &str) -> String {
    match operands {
        [] => empty.to_owned(),
        [single] => condition(survey, dialect, single),
        _ => {
            let parts: Vec<String> = operands.iter().map(|e| condition(survey, dialect, e)).collect();
            format!("({})", parts.join(&format!(" {op} ")))
        }
    }
}

/// A question whose answer is one value in one column: every kind but `multi`.
fn single_valued<'a>(survey: &'a ir::Survey, question: &str) -> Option<&'a ir::Question> {
    survey
        .question(question)
        .filter(|q| q.kind != QuestionKind::Multi)
}

fn compare(survey: &ir::Survey, question: &str, cmp: CmpOp, value: i64) -> String {
    let Some(q) = single_valued(survey, question) else {
        return "FALSE".to_owned();
    };
    let column = ident(&q.id);
    let op = match cmp {
        CmpOp::Ne => "<>",
        other => other.as_str(),
    };
    let ordering = !matches!(cmp, CmpOp::Eq | CmpOp::Ne);
    let missing: Vec<i64> = q.codes.iter().filter(|c| c.missing).map(|c| c.value).collect();
    if ordering && !missing.is_empty() {
        format!(
            "COALESCE({column} {op} {value} AND {column} NOT IN ({}), FALSE)",
            integers(missing)
        )
    } else {
        format!("COALESCE({column} {op} {value}, FALSE)")
    }
}

fn one_of(survey: &ir::Survey, question: &str, values: &[i64]) -> String {
    match single_valued(survey, question) {
        Some(q) if !values.is_empty() => {
            format!(
                "COALESCE({} IN ({}), FALSE)",
                ident(&q.id),
                integers(values.iter().copied())
            )
        }
        _ => "FALSE".to_owned(),
    }
}

fn has(survey: &ir::Survey, dialect: Dialect, question: &str, code: i64) -> String {
    let Some(q) = survey
        .question(question)
        .filter(|q| q.kind == QuestionKind::Multi)
    else {
        return "FALSE".to_owned();
    };
    if q.code(code).is_none() {
        return "FALSE".to_owned();
    }
    picked_option(dialect, &q.option_column(code))
}

/// An option column of a multi is TRUE (never NULL).
pub fn picked_option(dialect: Dialect, column: &str) -> String {
    match dialect {
        Dialect::Postgres => format!("COALESCE({}, FALSE)", ident(column)),
        Dialect::Sqlite => format!("COALESCE({} = 1, FALSE)", ident(column)),
    }
}

/// The question has an answer. A multi is answered when its option columns are set (the
/// table's all-or-none constraint makes the first stand for all).
pub fn answered(q: &ir::Question) -> String {
    if q.kind == QuestionKind::Multi {
        return match q.codes.first() {
            Some(code) => format!("{} IS NOT NULL", ident(&q.option_column(code.value))),
            None => "FALSE".to_owned(),
        };
    }
    format!("{} IS NOT NULL", ident(&q.id))
}
