//! Comparison stage, words: how texts, expressions and lists are quoted in change messages.

use crate::ir::{Expr, Text};

/// A respondent-facing text, quoted as Italian typography does: «Tempi di risposta».
pub fn quote(text: &str) -> String {
    format!("«{text}»")
}

/// A routing or check condition as an author writes it, in backticks.
pub fn condition(expr: &Expr) -> String {
    format!("`{}`", crate::response::expr_text(expr))
}

/// How a text changed between two versions, judged in the reference language.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum TextChange<'a> {
    Same,
    /// It reads differently in the reference language: old and new text there.
    Reference(&'a str, &'a str),
    /// Only other languages differ (including translations added or removed).
    Others(Vec<&'a str>),
}

/// Compare a text in `reference`, then in the other `languages` (those both versions offer:
/// a language added or removed is one change of the survey, not one per text).
pub fn text_change<'a>(
    old: &'a Text,
    new: &'a Text,
    reference: &str,
    languages: &'a [String],
) -> TextChange<'a> {
    let (before, after) = (old.get(reference), new.get(reference));
    if before != after {
        return TextChange::Reference(before, after);
    }
    let languages: Vec<&str> = languages
        .iter()
        .map(String::as_str)
        .filter(|l| *l != reference && old.get(l) != new.get(l))
        .collect();
    if languages.is_empty() {
        TextChange::Same
    } else {
        TextChange::Others(languages)
    }
}

/// Rewrite the question names of an expression with `rename`: an old version's names under
/// the new ones here, a survey's renamed questions under the standard's ids in R0402.
pub fn renamed(expr: &Expr, rename: &dyn Fn(&str) -> String) -> Expr {
    let all = |operands: &[Expr]| operands.iter().map(|e| renamed(e, rename)).collect();
    match expr {
        Expr::Or { operands } => Expr::Or {
            operands: all(operands),
        },
        Expr::And { operands } => Expr::And {
            operands: all(operands),
        },
        Expr::Not { operand } => Expr::Not {
            operand: Box::new(renamed(operand, rename)),
        },
        Expr::Compare { question, cmp, value } => Expr::Compare {
            question: rename(question),
            cmp: *cmp,
            value: *value,
        },
        Expr::In { question, values } => Expr::In {
            question: rename(question),
            values: values.clone(),
        },
        Expr::Has { question, code } => Expr::Has {
            question: rename(question),
            code: *code,
        },
        Expr::Answered { question } => Expr::Answered {
            question: rename(question),
        },
    }
}
