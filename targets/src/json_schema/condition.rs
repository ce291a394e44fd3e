//! Routing and `check` conditions as schemas over the `answers` object: a schema that an
//! `answers` object satisfies exactly when `rileva_compiler::response::eval` says the
//! condition holds (two-valued: a comparison on an absent answer is false).

use crate::pretty::Writer;
use rileva_compiler::ir::{self, CmpOp, Expr, QuestionKind};

/// The schema of `expr` over `answers`. Comparisons become `required` plus the set of the
/// question's codes that satisfy them (missing codes never satisfy an ordering), or bounds
/// for a number; `and`/`or`/`not` become `allOf`/`anyOf`/`not`.
pub fn condition(w: &mut Writer, survey: &ir::Survey, expr: &Expr) {
    match expr {
        Expr::And { operands } if operands.is_empty() => w.bool(true),
        Expr::Or { operands } if operands.is_empty() => w.bool(false),
        Expr::And { operands } => w.object(|w| all(w.key("allOf"), survey, operands)),
        Expr::Or { operands } => w.object(|w| all(w.key("anyOf"), survey, operands)),
        Expr::Not { operand } => w.object(|w| condition(w.key("not"), survey, operand)),
        Expr::Compare { question, cmp, value } => compare(w, survey, question, *cmp, *value),
        Expr::In { question, values } => within(w, survey, question, values),
        Expr::Has { question, code } => answer_is(w, question, |w| {
            w.object(|w| {
                w.key("type").str("array");
                w.key("contains").object(|w| w.key("const").int(*code));
            })
        }),
        Expr::Answered { question } => w.object(|w| w.key("required").strs([question])),
    }
}

fn all(w: &mut Writer, survey: &ir::Survey, operands: &[Expr]) {
    w.array(|w| operands.iter().for_each(|e| condition(w, survey, e)));
}

/// `answers` has `question`, and its answer satisfies the schema `answer` writes.
pub fn answer_is(w: &mut Writer, question: &str, answer: impl FnOnce(&mut Writer)) {
    w.object(|w| {
        w.key("required").strs([question]);
        w.key("properties").object(|w| answer(w.key(question)));
    });
}

fn compare(w: &mut Writer, survey: &ir::Survey, question: &str, cmp: CmpOp, value: i64) {
    let Some(q) = survey.question(question) else {
        return w.bool(false);
    };
    match q.kind {
        QuestionKind::Number => answer_is(w, question, |w| number_bound(w, cmp, value)),
        QuestionKind::Text | QuestionKind::Multi => w.bool(false),
        _ => {
            let ordering = !matches!(cmp, CmpOp::Eq | CmpOp::Ne);
            let codes: Vec<i64> = q
                .codes
                .iter()
                .filter(|c| !(ordering && c.missing) && cmp.holds(c.value, value))
                .map(|c| c.value)
                .collect();
            one_of_codes(w, question, &codes);
        }
    }
}

fn number_bound(w: &mut Writer, cmp: CmpOp, value: i64) {
    w.object(|w| {
        w.key("type").str("integer");
        match cmp {
            CmpOp::Eq => w.key("const").int(value),
            CmpOp::Ne => w.key("not").object(|w| w.key("const").int(value)),
            CmpOp::Lt => w.key("exclusiveMaximum").int(value),
            CmpOp::Le => w.key("maximum").int(value),
            CmpOp::Gt => w.key("exclusiveMinimum").int(value),
            CmpOp::Ge => w.key("minimum").int(value),
        }
    });
}

fn within(w: &mut Writer, survey: &ir::Survey, question: &str, values: &[i64]) {
    let Some(q) = survey.question(question) else {
        return w.bool(false);
    };
    match q.kind {
        QuestionKind::Number if values.is_empty() => w.bool(false),
        QuestionKind::Number => answer_is(w, question, |w| {
            w.object(|w| {
                w.key("type").str("integer");
                w.key("enum").ints(values.iter().copied());
            })
        }),
        QuestionKind::Text | QuestionKind::Multi => w.bool(false),
        _ => {
            let codes: Vec<i64> = q
                .codes
                .iter()
                .map(|c| c.value)
                .filter(|v| values.contains(v))
                .collect();
            one_of_codes(w, question, &codes);
        }
    }
}

/// The answer is one of `codes`; never, when there are none.
fn one_of_codes(w: &mut Writer, question: &str, codes: &[i64]) {
    if codes.is_empty() {
        w.bool(false);
    } else {
        answer_is(w, question, |w| {
            w.object(|w| w.key("enum").ints(codes.iter().copied()))
        });
    }
}
