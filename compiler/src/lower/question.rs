//! Lower stage: one resolved question -> [`ir::Question`], and routing expressions ->
//! [`ir::Expr`] (parentheses dropped, `and` / `or` chains flattened).

use super::positive::positive_codes;
use crate::ir;
use crate::resolve::model::{QuestionDef, TextDef};
use crate::resolve::Db;
use crate::syntax::ast;

/// The languages a lowered text keeps: a survey's, or every language written (a standard).
#[derive(Clone, Copy)]
pub enum Languages<'a> {
    Only(&'a [String]),
    All,
}

impl Languages<'_> {
    pub fn text(self, t: TextDef) -> ir::Text {
        match self {
            Languages::Only(langs) => t.into_ir(langs),
            Languages::All => t.into_ir_all(),
        }
    }
}

/// Lower one question, taking its texts over; `channels` are the channels of its survey
/// (or standard).
pub fn lower_question(
    db: &Db,
    q: QuestionDef,
    languages: Languages<'_>,
    channels: &[ir::Channel],
) -> ir::Question {
    let declared = q.declared_channels();
    let channels = channels
        .iter()
        .copied()
        .filter(|c| declared.as_ref().map_or(true, |d| d.contains(c)))
        .collect();
    let codes: Vec<ir::Code> = q
        .codes
        .into_iter()
        .map(|c| ir::Code {
            value: c.value,
            label: languages.text(c.label),
            missing: c.missing,
            specify: c.specify,
        })
        .collect();
    let list = q.list.and_then(|l| db.lists.get(l));
    let declared: Option<Vec<i64>> = list
        .and_then(|l| l.ast.positive.as_ref())
        .map(|p| p.codes.iter().map(|c| c.value).collect());
    ir::Question {
        positive_codes: positive_codes(q.kind, &codes, declared.as_deref()),
        id: q.id,
        kind: q.kind,
        wording: q.wording.map(|t| languages.text(t)).unwrap_or_default(),
        help: q.help.map(|t| languages.text(t)),
        required: q.required,
        show_if: q.show_if.as_ref().map(lower_expr),
        channels,
        personal: q.personal,
        locked: q.locked,
        codes,
        code_list: list.map(|l| l.full_name.clone()),
        range: q.range.map(|(min, max)| ir::Range { min, max }),
        max_length: q.max_length.map(to_u32),
        min_picks: q.min_picks.map(|(n, _)| to_u32(n)),
        max_picks: q.max_picks.map(|(n, _)| to_u32(n)),
        section: q.section,
        module: q.module.map(|m| m.full_name),
        doc: q.ast.doc.clone(),
        span: q.ast.span,
    }
}

/// A count written in the source, clamped into `u32` (negative counts are R0204).
pub fn to_u32(n: i64) -> u32 {
    u32::try_from(n.max(0)).unwrap_or(u32::MAX)
}

pub fn lower_cmp(op: ast::CmpOp) -> ir::CmpOp {
    match op {
        ast::CmpOp::Eq => ir::CmpOp::Eq,
        ast::CmpOp::Ne => ir::CmpOp::Ne,
        ast::CmpOp::Lt => ir::CmpOp::Lt,
        ast::CmpOp::Le => ir::CmpOp::Le,
        ast::CmpOp::Gt => ir::CmpOp::Gt,
        ast::CmpOp::Ge => ir::CmpOp::Ge,
    }
}

pub fn lower_expr(e: &ast::Expr) -> ir::Expr {
    match &e.kind {
        ast::ExprKind::Paren(inner) => lower_expr(inner),
        ast::ExprKind::Or(..) => ir::Expr::Or {
            operands: flatten(e, true),
        },
        ast::ExprKind::And(..) => ir::Expr::And {
            operands: flatten(e, false),
        },
        ast::ExprKind::Not(inner) => ir::Expr::Not {
            operand: Box::new(lower_expr(inner)),
        },
        ast::ExprKind::Compare { question, op, value } => ir::Expr::Compare {
            question: question.name.clone(),
            cmp: lower_cmp(*op),
            value: value.value,
        },
        ast::ExprKind::In { question, values } => ir::Expr::In {
            question: question.name.clone(),
            values: values.iter().map(|v| v.value).collect(),
        },
        ast::ExprKind::Has { question, code } => ir::Expr::Has {
            question: question.name.clone(),
            code: code.value,
        },
        ast::ExprKind::Answered(question) => ir::Expr::Answered {
            question: question.name.clone(),
        },
    }
}

/// The operands of a chain of `or` (or of `and`), through parentheses.
fn flatten(e: &ast::Expr, or: bool) -> Vec<ir::Expr> {
    let mut out = Vec::new();
    collect(e, or, &mut out);
    out
}

fn collect(e: &ast::Expr, or: bool, out: &mut Vec<ir::Expr>) {
    match &e.kind {
        ast::ExprKind::Paren(inner) => collect(inner, or, out),
        ast::ExprKind::Or(a, b) if or => {
            collect(a, or, out);
            collect(b, or, out);
        }
        ast::ExprKind::And(a, b) if !or => {
            collect(a, or, out);
            collect(b, or, out);
        }
        _ => out.push(lower_expr(e)),
    }
}

#[cfg(test)]
mod tests {
    use crate::check::testing_compile as compile_src;
    use crate::ir::{CmpOp, Expr};

    #[test]
    fn routing_is_flattened_without_parentheses() {
        let src = "survey a.b {\n  version 1.0.0\n  title \"T\"\n  question x: rating 5 { \"X?\" }\n  \
                   question y: yesno { \"Y?\"\n    show if (x = 1 or (x = 2 or x = 3)) and not (x >= 5) }\n}\n";
        let c = compile_src(src);
        assert!(c.diagnostics.is_empty(), "{:?}", c.diagnostics);
        let show_if = c.surveys[0].questions[1].show_if.clone().expect("show if");
        let Expr::And { operands } = show_if else {
            panic!("and")
        };
        assert_eq!(operands.len(), 2);
        let Expr::Or { operands: ors } = &operands[0] else {
            panic!("or")
        };
        assert_eq!(ors.len(), 3);
        let Expr::Not { operand } = &operands[1] else {
            panic!("not")
        };
        assert_eq!(
            **operand,
            Expr::Compare {
                question: "x".to_owned(),
                cmp: CmpOp::Ge,
                value: 5
            }
        );
    }
}
