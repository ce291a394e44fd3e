//! Check stage: the finite answer domains of questions, and routing evaluated over them
//! (docs/language.md §7 semantics: a comparison on an absent answer is false, an ordering
//! comparison on a missing code is false). Used to find conditions that never hold (R0601).

use crate::ir::QuestionKind;
use crate::resolve::model::QuestionDef;
use crate::syntax::ast;
use std::collections::BTreeMap;

/// One possible answer to a question.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Answer {
    Absent,
    /// A single code or number; `missing` codes never satisfy an ordering comparison.
    One {
        value: i64,
        missing: bool,
    },
    /// The codes picked in a multi.
    Set(Vec<i64>),
    /// Some free text.
    Text,
}

/// Answers that cover every distinct outcome of the `mentioned` values: each code of a
/// coded question, the subsets of the mentioned codes of a multi, and for a number its
/// bounds and each mentioned value with its neighbours. Always includes `Absent`.
pub fn domain(q: &QuestionDef, mentioned: &[i64]) -> Vec<Answer> {
    let mut out = vec![Answer::Absent];
    match q.kind {
        QuestionKind::Text => out.push(Answer::Text),
        QuestionKind::Multi => {
            let codes: Vec<i64> = mentioned
                .iter()
                .copied()
                .filter(|v| q.code(*v).is_some())
                .take(12)
                .collect();
            for mask in 0u32..(1u32 << codes.len()) {
                let set = codes
                    .iter()
                    .enumerate()
                    .filter(|(i, _)| mask & (1 << i) != 0)
                    .map(|(_, c)| *c)
                    .collect();
                out.push(Answer::Set(set));
            }
        }
        QuestionKind::Number => {
            let (min, max) = q.range.unwrap_or((i64::MIN, i64::MAX));
            let mut values = vec![min, max];
            for v in mentioned {
                values.extend([v.saturating_sub(1), *v, v.saturating_add(1)]);
            }
            values.retain(|v| (min..=max).contains(v));
            values.sort_unstable();
            values.dedup();
            out.extend(values.into_iter().map(|value| Answer::One {
                value,
                missing: false,
            }));
        }
        _ => out.extend(q.codes.iter().map(|c| Answer::One {
            value: c.value,
            missing: c.missing,
        })),
    }
    out
}

/// Whether the operator of `atom` suits the type of `q` (else R0201 reports it).
pub fn well_typed(atom: &ast::Expr, q: &QuestionDef) -> bool {
    let kind = q.kind;
    match &atom.kind {
        ast::ExprKind::Answered(_) => true,
        _ if kind == QuestionKind::Text => false,
        ast::ExprKind::Compare { op, .. } => {
            kind != QuestionKind::Multi && (!op.is_ordering() || kind.is_ordinal())
        }
        ast::ExprKind::In { .. } => kind != QuestionKind::Multi,
        ast::ExprKind::Has { .. } => kind == QuestionKind::Multi,
        _ => true,
    }
}

/// The value of `expr` when each question has the answer in `env` (absent when not there;
/// `env` names each question once, and few of them: it is searched in order).
pub fn eval(expr: &ast::Expr, env: &[(&str, &Answer)]) -> bool {
    let answer = |q: &ast::Ident| {
        env.iter()
            .find(|(name, _)| *name == q.name)
            .map_or(&Answer::Absent, |(_, a)| *a)
    };
    match &expr.kind {
        ast::ExprKind::Or(a, b) => eval(a, env) || eval(b, env),
        ast::ExprKind::And(a, b) => eval(a, env) && eval(b, env),
        ast::ExprKind::Not(e) => !eval(e, env),
        ast::ExprKind::Paren(e) => eval(e, env),
        ast::ExprKind::Compare { question, op, value } => match answer(question) {
            Answer::One { missing: true, .. } if op.is_ordering() => false,
            Answer::One { value: v, .. } => crate::lower::lower_cmp(*op).holds(*v, value.value),
            _ => false,
        },
        ast::ExprKind::In { question, values } => match answer(question) {
            Answer::One { value: v, .. } => values.iter().any(|x| x.value == *v),
            _ => false,
        },
        ast::ExprKind::Has { question, code } => match answer(question) {
            Answer::Set(set) => set.contains(&code.value),
            _ => false,
        },
        ast::ExprKind::Answered(question) => *answer(question) != Answer::Absent,
    }
}

/// The values an expression compares each question with.
pub fn mentioned_values(expr: &ast::Expr) -> BTreeMap<&str, Vec<i64>> {
    let mut out: BTreeMap<&str, Vec<i64>> = BTreeMap::new();
    for atom in super::context::atoms(expr) {
        let (question, values): (&ast::Ident, Vec<i64>) = match &atom.kind {
            ast::ExprKind::Compare { question, value, .. } => (question, vec![value.value]),
            ast::ExprKind::In { question, values } => (question, values.iter().map(|v| v.value).collect()),
            ast::ExprKind::Has { question, code } => (question, vec![code.value]),
            ast::ExprKind::Answered(question) => (question, Vec::new()),
            _ => continue,
        };
        out.entry(question.name.as_str()).or_default().extend(values);
    }
    out
}
