//! Syntax stage, expressions: `show if` and `check` conditions, with `not` binding tighter
//! than `and`, and `and` tighter than `or` (both left-associative).

use super::ast::*;
use super::build::{empty_ident, parts, Builder, P};
use super::Rule;

impl Builder<'_> {
    pub(super) fn expr(&mut self, pair: P) -> Expr {
        let span = self.span(&pair);
        let rule = pair.as_rule();
        let kind = match rule {
            Rule::expr | Rule::and_expr => return self.fold(pair, rule == Rule::expr),
            Rule::not_expr | Rule::primary => {
                let mut inner = pair.into_inner();
                return match inner.next() {
                    Some(kw) if kw.as_rule() == Rule::kw_not => {
                        let operand = inner.next().map(|p| self.expr(p));
                        match operand {
                            Some(operand) => Expr {
                                kind: ExprKind::Not(Box::new(operand)),
                                span,
                            },
                            None => placeholder(span),
                        }
                    }
                    Some(first) => self.expr(first),
                    None => placeholder(span),
                };
            }
            Rule::paren => match parts(pair).next() {
                Some(inner) => ExprKind::Paren(Box::new(self.expr(inner))),
                None => return placeholder(span),
            },
            Rule::answered => match parts(pair).next() {
                Some(name) => ExprKind::Answered(self.ident(&name)),
                None => return placeholder(span),
            },
            Rule::compare | Rule::has_expr | Rule::in_expr => return self.atom(pair),
            _ => return placeholder(span),
        };
        Expr { kind, span }
    }

    /// `a or b or c` -> Or(Or(a, b), c); the same for `and`.
    fn fold(&mut self, pair: P, is_or: bool) -> Expr {
        let span = self.span(&pair);
        let mut operands = parts(pair).map(|p| self.expr(p)).collect::<Vec<_>>().into_iter();
        let Some(mut acc) = operands.next() else {
            return placeholder(span);
        };
        for right in operands {
            let joined = acc.span.join(right.span);
            let (l, r) = (Box::new(acc), Box::new(right));
            let kind = if is_or {
                ExprKind::Or(l, r)
            } else {
                ExprKind::And(l, r)
            };
            acc = Expr { kind, span: joined };
        }
        acc
    }

    /// `ID CMP INT`, `ID has INT`, `ID in [INT, ...]`
    fn atom(&mut self, pair: P) -> Expr {
        let span = self.span(&pair);
        let rule = pair.as_rule();
        let mut question = None;
        let mut op = CmpOp::Eq;
        let mut values = Vec::new();
        for part in parts(pair) {
            match part.as_rule() {
                Rule::name => question = Some(self.ident(&part)),
                Rule::cmp_op => op = cmp_op(part.as_str()),
                Rule::int => values.push(self.int(&part)),
                _ => {}
            }
        }
        let question = question.unwrap_or_else(|| empty_ident(span));
        let first = values.first().cloned().unwrap_or(IntLit { value: 0, span });
        let kind = match rule {
            Rule::compare => ExprKind::Compare {
                question,
                op,
                value: first,
            },
            Rule::has_expr => ExprKind::Has {
                question,
                code: first,
            },
            _ => ExprKind::In { question, values },
        };
        Expr { kind, span }
    }
}

fn cmp_op(text: &str) -> CmpOp {
    match text {
        "!=" => CmpOp::Ne,
        "<" => CmpOp::Lt,
        "<=" => CmpOp::Le,
        ">" => CmpOp::Gt,
        ">=" => CmpOp::Ge,
        _ => CmpOp::Eq,
    }
}

/// Stands for a node the grammar guarantees; never built from a successful parse.
fn placeholder(span: crate::source::Span) -> Expr {
    Expr {
        kind: ExprKind::Answered(empty_ident(span)),
        span,
    }
}
