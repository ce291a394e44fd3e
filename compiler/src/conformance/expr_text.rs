//! Conformance stage helper: a routing expression written back as source, for messages
//! such as "routing changed from `soddisfazione <= 2` to `soddisfazione <= 3`".

use crate::ir::Expr;

/// `expr` as the language writes it (docs/language.md §7), parenthesised only where precedence needs it.
pub fn expr_to_source(expr: &Expr) -> String {
    write(expr, 0)
}

/// Binding strength: `or` 1, `and` 2, `not` 3, atoms 4.
fn strength(expr: &Expr) -> u8 {
    match expr {
        Expr::Or { .. } => 1,
        Expr::And { .. } => 2,
        Expr::Not { .. } => 3,
        _ => 4,
    }
}

/// `expr`, in parentheses when its context binds tighter than it does.
fn write(expr: &Expr, context: u8) -> String {
    let text = match expr {
        Expr::Or { operands } => join(operands, " or ", 1),
        Expr::And { operands } => join(operands, " and ", 2),
        Expr::Not { operand } => format!("not {}", write(operand, 3)),
        Expr::Compare { question, cmp, value } => format!("{question} {} {value}", cmp.as_str()),
        Expr::In { question, values } => {
            let values: Vec<String> = values.iter().map(i64::to_string).collect();
            format!("{question} in [{}]", values.join(", "))
        }
        Expr::Has { question, code } => format!("{question} has {code}"),
        Expr::Answered { question } => format!("answered {question}"),
    };
    if strength(expr) < context {
        format!("({text})")
    } else {
        text
    }
}

fn join(operands: &[Expr], separator: &str, strength: u8) -> String {
    let parts: Vec<String> = operands.iter().map(|e| write(e, strength + 1)).collect();
    parts.join(separator)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::ir::CmpOp;

    fn le(q: &str, v: i64) -> Expr {
        Expr::Compare {
            question: q.into(),
            cmp: CmpOp::Le,
            value: v,
        }
    }

    #[test]
    fn writes_precedence_like_the_source() {
        let e = Expr::And {
            operands: vec![
                Expr::Or {
                    operands: vec![le("a", 2), le("b", 3)],
                },
                Expr::Not {
                    operand: Box::new(Expr::In {
                        question: "c".into(),
                        values: vec![1, 2],
                    }),
                },
                Expr::Has {
                    question: "m".into(),
                    code: 99,
                },
            ],
        };
        assert_eq!(
            expr_to_source(&e),
            "(a <= 2 or b <= 3) and not c in [1, 2] and m has 99"
        );
        let n = Expr::Not {
            operand: Box::new(Expr::And {
                operands: vec![le("a", 1), Expr::Answered { question: "t".into() }],
            }),
        };
        assert_eq!(expr_to_source(&n), "not (a <= 1 and answered t)");
    }
}
