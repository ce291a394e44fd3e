//! SQL target, conditions: `show if` and `check` expressions as SQL with the two-valued
//! meaning of docs/language.md §7. SQL compares NULL to UNKNOWN and a CHECK passes on UNKNOWN, so
//! every comparison is wrapped in `COALESCE(..., FALSE)`: an absent answer makes it false,
//! `NOT` negates a definite value, and no translated expression is ever UNKNOWN.
//!
//! Each condition is written onto the end of one `String` (`push_*`), without a `String` per
//! part: a 10,000-question survey has a condition for most questions, in two dialects.

use super::quote::{push_ident, push_integer, push_integers, Dialect};
use rileva_compiler::ir::{self, CmpOp, Expr, QuestionKind};

/// The SQL of a condition on the columns of one response row; never NULL.
pub fn condition(survey: &ir::Survey, dialect: Dialect, expr: &Expr) -> String {
    let mut out = String::new();
    push_condition(&mut out, survey, dialect, expr);
    out
}

/// [`condition`], appended to `out`.
pub fn push_condition(out: &mut String, survey: &ir::Survey, dialect: Dialect, expr: &Expr) {
    match expr {
        Expr::Or { operands } => junction(out, survey, dialect, operands, " OR ", "FALSE"),
        Expr::And { operands } => junction(out, survey, dialect, operands, " AND ", "TRUE"),
        Expr::Not { operand } => {
            out.push_str("NOT (");
            push_condition(out, survey, dialect, operand);
            out.push(')');
        }
        Expr::Compare { question, cmp, value } => compare(out, survey, question, *cmp, *value),
        Expr::In { question, values } => one_of(out, survey, question, values),
        Expr::Has { question, code } => has(out, survey, dialect, question, *code),
        Expr::Answered { question } => match survey.question(question) {
            Some(q) => push_answered(out, q),
            None => out.push_str("FALSE"),
        },
    }
}

fn junction(
    out: &mut String,
    survey: &ir::Survey,
    dialect: Dialect,
    operands: &[Expr],
    op: &str,
    empty: &str,
) {
    match operands {
        [] => out.push_str(empty),
        [single] => push_condition(out, survey, dialect, single),
        _ => {
            out.push('(');
            for (i, e) in operands.iter().enumerate() {
                if i > 0 {
                    out.push_str(op);
                }
                push_condition(out, survey, dialect, e);
            }
            out.push(')');
        }
    }
}

/// A question whose answer is one value in one column: every kind but `multi`.
fn single_valued<'a>(survey: &'a ir::Survey, question: &str) -> Option<&'a ir::Question> {
    survey
        .question(question)
        .filter(|q| q.kind != QuestionKind::Multi)
}

fn compare(out: &mut String, survey: &ir::Survey, question: &str, cmp: CmpOp, value: i64) {
    let Some(q) = single_valued(survey, question) else {
        out.push_str("FALSE");
        return;
    };
    let op = match cmp {
        CmpOp::Ne => "<>",
        other => other.as_str(),
    };
    let ordering = !matches!(cmp, CmpOp::Eq | CmpOp::Ne);
    let mut missing = q.codes.iter().filter(|c| c.missing).map(|c| c.value).peekable();
    out.push_str("COALESCE(");
    push_ident(out, &q.id);
    out.push(' ');
    out.push_str(op);
    out.push(' ');
    push_integer(out, value);
    if ordering && missing.peek().is_some() {
        out.push_str(" AND ");
        push_ident(out, &q.id);
        out.push_str(" NOT IN (");
        push_integers(out, missing);
        out.push(')');
    }
    out.push_str(", FALSE)");
}

fn one_of(out: &mut String, survey: &ir::Survey, question: &str, values: &[i64]) {
    match single_valued(survey, question) {
        Some(q) if !values.is_empty() => {
            out.push_str("COALESCE(");
            push_ident(out, &q.id);
            out.push_str(" IN (");
            push_integers(out, values.iter().copied());
            out.push_str("), FALSE)");
        }
        _ => out.push_str("FALSE"),
    }
}

fn has(out: &mut String, survey: &ir::Survey, dialect: Dialect, question: &str, code: i64) {
    let Some(q) = survey
        .question(question)
        .filter(|q| q.kind == QuestionKind::Multi)
    else {
        out.push_str("FALSE");
        return;
    };
    if q.code(code).is_none() {
        out.push_str("FALSE");
        return;
    }
    push_picked_option(out, dialect, &q.option_column(code));
}

/// An option column of a multi is TRUE (never NULL).
pub fn picked_option(dialect: Dialect, column: &str) -> String {
    let mut out = String::with_capacity(column.len() + 24);
    push_picked_option(&mut out, dialect, column);
    out
}

/// [`picked_option`], appended to `out`.
pub fn push_picked_option(out: &mut String, dialect: Dialect, column: &str) {
    out.push_str("COALESCE(");
    push_ident(out, column);
    out.push_str(match dialect {
        Dialect::Postgres => ", FALSE)",
        Dialect::Sqlite => " = 1, FALSE)",
    });
}

/// The question has an answer. A multi is answered when its option columns are set (the
/// table's all-or-none constraint makes the first stand for all).
pub fn answered(q: &ir::Question) -> String {
    let mut out = String::with_capacity(q.id.len() + 16);
    push_answered(&mut out, q);
    out
}

/// [`answered`], appended to `out`.
pub fn push_answered(out: &mut String, q: &ir::Question) {
    if q.kind == QuestionKind::Multi {
        match q.codes.first() {
            Some(code) => push_ident(out, &q.option_column(code.value)),
            None => return out.push_str("FALSE"),
        }
    } else {
        push_ident(out, &q.id);
    }
    out.push_str(" IS NOT NULL");
}
