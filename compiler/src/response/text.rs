//! Words for rejections: an `ir::Expr` written back in the language's syntax, lists of codes.

use crate::ir::Expr;

/// The expression as an author writes it: `soddisfazione <= 2 and not answered motivi`.
pub fn expr_text(expr: &Expr) -> String {
    write(expr, 0)
}

/// `level`: 0 at the top or inside `or`, 1 inside `and`, 2 inside `not`; a looser operator
/// below a tighter one gets parentheses, and so does a comparison under `not`, for the
/// reader: `not (q <= 2)`.
fn write(expr: &Expr, level: u8) -> String {
    match expr {
        Expr::Or { operands } => paren(join(operands, " or ", 0), level > 0),
        Expr::And { operands } => paren(join(operands, " and ", 1), level > 1),
        Expr::Not { operand } => match operand.as_ref() {
            Expr::Compare { .. } | Expr::In { .. } | Expr::Has { .. } => {
                format!("not ({})", write(operand, 0))
            }
            _ => format!("not {}", write(operand, 2)),
        },
        Expr::Compare { question, cmp, value } => format!("{question} {} {value}", cmp.as_str()),
        Expr::In { question, values } => format!("{question} in [{}]", list(values)),
        Expr::Has { question, code } => format!("{question} has {code}"),
        Expr::Answered { question } => format!("answered {question}"),
    }
}

fn join(operands: &[Expr], sep: &str, level: u8) -> String {
    let parts: Vec<String> = operands.iter().map(|e| write(e, level)).collect();
    parts.join(sep)
}

fn paren(text: String, needed: bool) -> String {
    if needed {
        format!("({text})")
    } else {
        text
    }
}

/// `1, 2, 3`
pub(crate) fn list<T: ToString>(values: &[T]) -> String {
    let parts: Vec<String> = values.iter().map(ToString::to_string).collect();
    parts.join(", ")
}
