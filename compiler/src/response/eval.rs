//! Routing and `check` conditions on one response's answers: the single definition in Rust
//! of what an `ir::Expr` means (docs/language.md §7; the JSON Schema and SQL targets mirror it).

use crate::ir::{self, Expr, QuestionKind};
use serde_json::{Map, Value};

/// The integer a JSON value holds, as JSON Schema sees it: any number with no fractional
/// part (`2` and `2.0`). Values beyond `i128` saturate, so they stay out of every domain.
pub fn integer(value: &Value) -> Option<i128> {
    let Value::Number(n) = value else {
        return None;
    };
    if let Some(i) = n.as_i64() {
        return Some(i128::from(i));
    }
    if let Some(u) = n.as_u64() {
        return Some(i128::from(u));
    }
    let f = n.as_f64()?;
    if !f.is_finite() || f.fract() != 0.0 {
        return None;
    }
    // `as` saturates at the bounds of i128, which lie far beyond any code or range.
    Some(f as i128)
}

/// Whether `expr` holds for `answers` (the `answers` object of a response). Two-valued:
/// a comparison on an absent answer is false and `not` negates that; an ordering comparison
/// on a missing code is false; a comparison on an answer that is not one of the question's
/// codes (or not an integer) is false; `has` holds when the array contains the code.
pub fn eval(survey: &ir::Survey, expr: &Expr, answers: &Map<String, Value>) -> bool {
    match expr {
        Expr::Or { operands } => operands.iter().any(|e| eval(survey, e, answers)),
        Expr::And { operands } => operands.iter().all(|e| eval(survey, e, answers)),
        Expr::Not { operand } => !eval(survey, operand, answers),
        Expr::Compare { question, cmp, value } => {
            single_value(survey, question, answers).is_some_and(|(answer, missing)| {
                let ordering = !matches!(cmp, ir::CmpOp::Eq | ir::CmpOp::Ne);
                !(ordering && missing) && holds(*cmp, answer, *value)
            })
        }
        Expr::In { question, values } => single_value(survey, question, answers)
            .is_some_and(|(answer, _)| values.iter().any(|v| i128::from(*v) == answer)),
        Expr::Has { question, code } => match answers.get(question) {
            Some(Value::Array(items)) => items.iter().any(|i| integer(i) == Some(i128::from(*code))),
            _ => false,
        },
        Expr::Answered { question } => answers.contains_key(question),
    }
}

fn holds(cmp: ir::CmpOp, left: i128, right: i64) -> bool {
    let right = i128::from(right);
    match cmp {
        ir::CmpOp::Eq => left == right,
        ir::CmpOp::Ne => left != right,
        ir::CmpOp::Lt => left < right,
        ir::CmpOp::Le => left <= right,
        ir::CmpOp::Gt => left > right,
        ir::CmpOp::Ge => left >= right,
    }
}

/// The single integer answer to `question`, and whether it is a missing code; `None` when
/// absent, not an integer, or (for a coded question) not one of its codes.
fn single_value(survey: &ir::Survey, question: &str, answers: &Map<String, Value>) -> Option<(i128, bool)> {
    let answer = integer(answers.get(question)?)?;
    let q = survey.question(question)?;
    match q.kind {
        QuestionKind::Number => Some((answer, false)),
        QuestionKind::Text | QuestionKind::Multi => None,
        _ => {
            let code = q.codes.iter().find(|c| i128::from(c.value) == answer)?;
            Some((answer, code.missing))
        }
    }
}
