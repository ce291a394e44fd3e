//! Routing and `check` conditions as schemas over the `answers` object: a schema that an
//! `answers` object satisfies exactly when `rileva_compiler::response::eval` says the
//! condition holds (two-valued: a comparison on an absent answer is false).

use rileva_compiler::ir::{self, CmpOp, Expr, QuestionKind};
use serde_json::{json, Value};

/// The schema of `expr` over `answers`. Comparisons become `required` plus the set of the
/// question's codes that satisfy them (missing codes never satisfy an ordering), or bounds
/// for a number; `and`/`or`/`not` become `allOf`/`anyOf`/`not`.
pub fn condition(survey: &ir::Survey, expr: &Expr) -> Value {
    match expr {
        Expr::And { operands } if operands.is_empty() => Value::Bool(true),
        Expr::Or { operands } if operands.is_empty() => Value::Bool(false),
        Expr::And { operands } => json!({"allOf": all(survey, operands)}),
        Expr::Or { operands } => json!({"anyOf": all(survey, operands)}),
        Expr::Not { operand } => json!({"not": condition(survey, operand)}),
        Expr::Compare { question, cmp, value } => compare(survey, question, *cmp, *value),
        Expr::In { question, values } => within(survey, question, values),
        Expr::Has { question, code } => {
            answer_is(question, json!({"type": "array", "contains": {"const": code}}))
        }
        Expr::Answered { question } => json!({"required": [question]}),
    }
}

fn all(survey: &ir::Survey, operands: &[Expr]) -> Vec<Value> {
    operands.iter().map(|e| condition(survey, e)).collect()
}

/// `answers` has `question`, and its answer satisfies `schema`.
fn answer_is(question: &str, schema: Value) -> Value {
    json!({"required": [question], "properties": {question: schema}})
}

fn compare(survey: &ir::Survey, question: &str, cmp: CmpOp, value: i64) -> Value {
    let Some(q) = survey.question(question) else {
        return Value::Bool(false);
    };
    match q.kind {
        QuestionKind::Number => answer_is(question, number_bound(cmp, value)),
        QuestionKind::Text | QuestionKind::Multi => Value::Bool(false),
        _ => {
            let ordering = !matches!(cmp, CmpOp::Eq | CmpOp::Ne);
            let codes: Vec<i64> = q
                .codes
                .iter()
                .filter(|c| !(ordering && c.missing) && cmp.holds(c.value, value))
                .map(|c| c.value)
                .collect();
            one_of_codes(question, codes)
        }
    }
}

fn number_bound(cmp: CmpOp, value: i64) -> Value {
    match cmp {
        CmpOp::Eq => json!({"type": "integer", "const": value}),
        CmpOp::Ne => json!({"type": "integer", "not": {"const": value}}),
        CmpOp::Lt => json!({"type": "integer", "exclusiveMaximum": value}),
        CmpOp::Le => json!({"type": "integer", "maximum": value}),
        CmpOp::Gt => json!({"type": "integer", "exclusiveMinimum": value}),
        CmpOp::Ge => json!({"type": "integer", "minimum": value}),
    }
}

fn within(survey: &ir::Survey, question: &str, values: &[i64]) -> Value {
    let Some(q) = survey.question(question) else {
        return Value::Bool(false);
    };
    match q.kind {
        QuestionKind::Number if values.is_empty() => Value::Bool(false),
        QuestionKind::Number => answer_is(question, json!({"type": "integer", "enum": values})),
        QuestionKind::Text | QuestionKind::Multi => Value::Bool(false),
        _ => {
            let codes: Vec<i64> = q
                .codes
                .iter()
                .map(|c| c.value)
                .filter(|v| values.contains(v))
                .collect();
            one_of_codes(question, codes)
        }
    }
}

/// The answer is one of `codes`; never, when there are none.
fn one_of_codes(question: &str, codes: Vec<i64>) -> Value {
    if codes.is_empty() {
        Value::Bool(false)
    } else {
        answer_is(question, json!({"enum": codes}))
    }
}
