//! Syntax stage, fast path: `show if` and `check` conditions, built as `expr.rs` builds them
//! from pest's pairs (`not` tighter than `and`, `and` tighter than `or`, left-associative).

use super::cursor::Cursor;
use crate::syntax::ast::*;

/// Deeper nesting of `(` and `not` is left to pest, which knows its own limits.
const MAX_DEPTH: usize = 32;

impl Cursor<'_> {
    /// `expr = and_expr ~ (kw_or ~ and_expr)*`
    pub fn expr(&mut self) -> Option<Expr> {
        let mut acc = self.and_expr()?;
        while self.keyword("or") {
            let right = self.and_expr()?;
            let span = acc.span.join(right.span);
            acc = Expr {
                kind: ExprKind::Or(Box::new(acc), Box::new(right)),
                span,
            };
        }
        Some(acc)
    }

    /// `and_expr = not_expr ~ (kw_and ~ not_expr)*`
    fn and_expr(&mut self) -> Option<Expr> {
        let mut acc = self.not_expr()?;
        while self.keyword("and") {
            let right = self.not_expr()?;
            let span = acc.span.join(right.span);
            acc = Expr {
                kind: ExprKind::And(Box::new(acc), Box::new(right)),
                span,
            };
        }
        Some(acc)
    }

    /// `not_expr = kw_not ~ not_expr | primary`. When `not` is followed by no operand pest
    /// would read `not` as a question's name: left to pest.
    fn not_expr(&mut self) -> Option<Expr> {
        let start = self.pos;
        if !self.keyword("not") {
            return self.primary();
        }
        self.nest()?;
        let operand = self.not_expr();
        self.depth -= 1;
        let operand = operand?;
        Some(Expr {
            kind: ExprKind::Not(Box::new(operand)),
            span: self.span(start),
        })
    }

    fn nest(&mut self) -> Option<()> {
        self.depth += 1;
        if self.depth > MAX_DEPTH {
            self.unsure = true;
            self.depth -= 1;
            return None;
        }
        Some(())
    }

    /// `primary = paren | answered | has_expr | in_expr | compare`
    fn primary(&mut self) -> Option<Expr> {
        let start = self.pos;
        if self.punct(b'(') {
            self.nest()?;
            let inner = self.expr();
            self.depth -= 1;
            let inner = inner?;
            if !self.punct(b')') {
                return None;
            }
            return Some(Expr {
                kind: ExprKind::Paren(Box::new(inner)),
                span: self.span(start),
            });
        }
        if self.keyword("answered") {
            // `answered = 1` compares a question named `answered`: left to pest.
            let name = self.name()?;
            return Some(Expr {
                kind: ExprKind::Answered(name),
                span: self.span(start),
            });
        }
        let question = self.name()?;
        let kind = if self.keyword("has") {
            ExprKind::Has {
                question,
                code: self.int()?,
            }
        } else if self.keyword("in") {
            ExprKind::In {
                question,
                values: self.int_list()?,
            }
        } else {
            let op = self.cmp_op()?;
            ExprKind::Compare {
                question,
                op,
                value: self.int()?,
            }
        };
        Some(Expr {
            kind,
            span: self.span(start),
        })
    }

    /// `[ (int ~ (comma ~ int)* ~ comma?)? ]`
    fn int_list(&mut self) -> Option<Vec<IntLit>> {
        if !self.punct(b'[') {
            return None;
        }
        let mut values = Vec::new();
        if self.at_int() {
            values.push(self.int()?);
            while self.punct(b',') {
                if !self.at_int() {
                    break;
                }
                values.push(self.int()?);
            }
        }
        self.punct(b']').then_some(values)
    }

    /// `cmp_op = "!=" | "<=" | ">=" | "=" | "<" | ">"`
    fn cmp_op(&mut self) -> Option<CmpOp> {
        let (op, len) = match (self.peek()?, self.peek_second()) {
            (b'!', Some(b'=')) => (CmpOp::Ne, 2),
            (b'<', Some(b'=')) => (CmpOp::Le, 2),
            (b'>', Some(b'=')) => (CmpOp::Ge, 2),
            (b'=', _) => (CmpOp::Eq, 1),
            (b'<', _) => (CmpOp::Lt, 1),
            (b'>', _) => (CmpOp::Gt, 1),
            _ => return None,
        };
        self.advance(len);
        Some(op)
    }
}
