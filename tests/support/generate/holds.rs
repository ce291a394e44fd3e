//! The generator's own reading of a condition (docs/language.md §7), written apart from
//! `rileva_compiler::response::eval` so that the expectation is a third opinion: it only
//! ever sees valid answers, so it needs no rule for invalid ones.

use rileva_compiler::ir::{self, CmpOp, Expr};
use serde_json::{Map, Value};

pub fn holds(survey: &ir::Survey, expr: &Expr, answers: &Map<String, Value>) -> bool {
    match expr {
        Expr::Or { operands } => operands.iter().any(|e| holds(survey, e, answers)),
        Expr::And { operands } => operands.iter().all(|e| holds(survey, e, answers)),
        Expr::Not { operand } => !holds(survey, operand, answers),
        Expr::Answered { question } => answers.contains_key(question),
        Expr::Has { question, code } => answers
            .get(question)
            .and_then(Value::as_array)
            .is_some_and(|picks| picks.iter().any(|p| p.as_i64() == Some(*code))),
        Expr::In { question, values } => answers
            .get(question)
            .and_then(Value::as_i64)
            .is_some_and(|a| values.contains(&a)),
        Expr::Compare { question, cmp, value } => {
            let Some(answer) = answers.get(question).and_then(Value::as_i64) else {
                return false;
            };
            let ordering = !matches!(cmp, CmpOp::Eq | CmpOp::Ne);
            let missing = survey
                .question(question)
                .and_then(|q| q.code(answer))
                .is_some_and(|c| c.missing);
            !(ordering && missing) && cmp.holds(answer, *value)
        }
    }
}
