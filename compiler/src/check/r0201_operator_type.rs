//! R0201: an operator must suit the question's type (docs/language.md §7). `<` `<=` `>` `>=` need
//! an ordinal type (scale, faces, rating, nps) or `number`; `=` `!=` and `in` need a single
//! coded answer or a number; `has` needs `multi`; a `text` answer allows only `answered`.

use super::context::{atom_question, atoms, SurveyCx};
use crate::diagnostics::{Code, Diagnostic, Diagnostics};
use crate::ir::QuestionKind;
use crate::resolve::model::QuestionDef;
use crate::syntax::ast;

pub fn check(cx: &SurveyCx<'_>, sink: &mut Diagnostics) {
    for (_, expr) in cx.exprs() {
        for atom in atoms(expr) {
            let Some((_, q)) = atom_question(atom).and_then(|name| cx.question(&name.name)) else {
                continue;
            };
            if let Some(d) = misuse(atom, q) {
                sink.push(d.with_secondary(
                    q.name_span(),
                    format!("`{}` is a {} question", q.id, q.kind.as_str()),
                ));
            }
        }
    }
}

/// The diagnostic for an atom whose operator does not suit `q`, if any.
fn misuse(atom: &ast::Expr, q: &QuestionDef) -> Option<Diagnostic> {
    let kind = q.kind;
    let (op, help) = match &atom.kind {
        ast::ExprKind::Answered(_) => return None,
        _ if kind == QuestionKind::Text => (
            operator(atom),
            format!("a text answer can only be tested with `answered {}`", q.id),
        ),
        ast::ExprKind::Compare { op, value, .. } if kind == QuestionKind::Multi => (
            op.as_str(),
            format!(
                "use `{} has {}` to test whether a code was picked",
                q.id, value.value
            ),
        ),
        ast::ExprKind::Compare { op, .. } if op.is_ordering() && !kind.is_ordinal() => (
            op.as_str(),
            format!(
                "`{}` has no order: compare codes with `=`, `!=` or `{} in [...]`",
                q.id, q.id
            ),
        ),
        ast::ExprKind::In { values, .. } if kind == QuestionKind::Multi => {
            let first = values
                .first()
                .map(|v| v.value.to_string())
                .unwrap_or_else(|| "N".to_owned());
            (
                "in",
                format!("use `{} has {first}` (joined with `or`) for a multi", q.id),
            )
        }
        ast::ExprKind::Has { code, .. } if kind != QuestionKind::Multi => (
            "has",
            format!("`has` is for multi questions: write `{} = {}`", q.id, code.value),
        ),
        _ => return None,
    };
    Some(
        Diagnostic::new(
            Code::R0201,
            format!("`{op}` cannot be used on {} question `{}`", article(kind), q.id),
            atom.span,
            format!("`{op}` does not apply to a {} answer", kind.as_str()),
        )
        .with_help(help),
    )
}

fn operator(atom: &ast::Expr) -> &'static str {
    match &atom.kind {
        ast::ExprKind::Compare { op, .. } => op.as_str(),
        ast::ExprKind::In { .. } => "in",
        ast::ExprKind::Has { .. } => "has",
        _ => "answered",
    }
}

fn article(kind: QuestionKind) -> String {
    format!("the {}", kind.as_str())
}

#[cfg(test)]
mod tests {
    use crate::check::testing::{survey, with_code};

    const QUESTIONS: &str = "  question scelta: choice { \"Scelta?\" en \"Choice?\"\n    1 \"A\" en \"A\"\n    \
        2 \"B\" en \"B\" }\n  question motivi: multi { \"Motivi?\" en \"Reasons?\"\n    1 \"A\" en \"A\"\n    \
        2 \"B\" en \"B\" }\n  question nota: text { \"Nota?\" en \"Note?\" }\n  \
        question voto: scale soddisfazione5 { \"Voto?\" en \"Mark?\" }\n";

    fn follow_up(condition: &str) -> String {
        survey(&format!(
            "{QUESTIONS}  question dopo: yesno {{ \"Dopo?\" en \"After?\"\n    show if {condition} }}"
        ))
    }

    #[test]
    fn allowed_operators() {
        for ok in [
            "scelta = 1",
            "scelta in [1, 2]",
            "motivi has 2",
            "answered nota",
            "voto <= 2",
            "not (voto > 3) and scelta != 2",
        ] {
            assert!(with_code(&follow_up(ok), "R0201").is_empty(), "{ok}");
        }
    }

    #[test]
    fn rejected_operators() {
        for (bad, help) in [
            ("scelta < 2", "has no order"),
            ("motivi = 1", "use `motivi has 1`"),
            ("motivi in [1]", "use `motivi has 1`"),
            ("nota = 1", "answered nota"),
            ("voto has 1", "write `voto = 1`"),
        ] {
            let found = with_code(&follow_up(bad), "R0201");
            assert_eq!(found.len(), 1, "{bad}: {found:?}");
            assert!(
                found[0].help.as_deref().unwrap_or("").contains(help),
                "{bad}: {found:?}"
            );
        }
    }
}
