//! R0202: a code in `show if` or `check` (`=`, `<`, `in [...]`, `has`) must be one of the
//! question's codes, and a number must lie in a `number A..B` range. Labels written on a
//! built-in type (`faces`, `yesno`, `rating`, `nps`) must relabel one of its codes.

use super::context::{atom_question, atoms, code_labels, code_values, SurveyCx};
use crate::diagnostics::{Code, Diagnostic, Diagnostics};
use crate::ir::QuestionKind;
use crate::resolve::model::QuestionDef;
use crate::syntax::ast;

pub fn check(cx: &SurveyCx<'_>, sink: &mut Diagnostics) {
    let language = cx.survey.languages().first().map(String::as_str).unwrap_or("it");
    for (_, expr) in cx.exprs() {
        for atom in atoms(expr) {
            let Some((_, q)) = atom_question(atom).and_then(|name| cx.question(&name.name)) else {
                continue;
            };
            for value in values(atom) {
                if let Some(d) = unknown_value(q, value, language) {
                    sink.push(d);
                }
            }
        }
    }
    for q in cx.survey.questions.iter().filter(|q| cx.in_input(q.span())) {
        builtin_labels(q, sink);
    }
}

fn values(atom: &ast::Expr) -> Vec<&ast::IntLit> {
    match &atom.kind {
        ast::ExprKind::Compare { value, .. } => vec![value],
        ast::ExprKind::In { values, .. } => values.iter().collect(),
        ast::ExprKind::Has { code, .. } => vec![code],
        _ => Vec::new(),
    }
}

fn unknown_value(q: &QuestionDef, value: &ast::IntLit, language: &str) -> Option<Diagnostic> {
    match q.kind {
        QuestionKind::Text => None,
        QuestionKind::Number => {
            let (min, max) = q.range?;
            (value.value < min || value.value > max).then(|| {
                Diagnostic::new(
                    Code::R0202,
                    format!("{} is outside the range of `{}`", value.value, q.id),
                    value.span,
                    format!("`{}` accepts {min}..{max}", q.id),
                )
                .with_secondary(q.name_span(), "the range is set here")
                .with_help(format!("compare with a number from {min} to {max}"))
            })
        }
        _ if !q.codes_known || q.code(value.value).is_some() => None,
        _ => Some(
            Diagnostic::new(
                Code::R0202,
                format!("{} is not a code of question `{}`", value.value, q.id),
                value.span,
                format!("not among {}", code_values(q)),
            )
            .with_secondary(q.name_span(), format!("`{}` is defined here", q.id))
            .with_help(format!("use one of its codes: {}", code_labels(q, language, 12))),
        ),
    }
}

/// `faces { 4 "..." }`: a label for a code the built-in type does not have.
fn builtin_labels(q: &QuestionDef, sink: &mut Diagnostics) {
    let builtin = matches!(
        q.kind,
        QuestionKind::Faces | QuestionKind::Yesno | QuestionKind::Rating | QuestionKind::Nps
    );
    if !builtin {
        return;
    }
    for written in q.ast.codes.iter().filter(|c| q.code(c.code.value).is_none()) {
        sink.push(
            Diagnostic::new(
                Code::R0202,
                format!(
                    "{} is not a code of a {} question",
                    written.code.value,
                    q.kind.as_str()
                ),
                written.code.span,
                format!("`{}` has the codes {}", q.id, code_values(q)),
            )
            .with_help(format!(
                "label only the codes {} (or use `choice` for codes of your own)",
                code_values(q)
            )),
        );
    }
}

#[cfg(test)]
mod tests {
    use crate::check::testing::{survey, with_code};

    fn follow_up(condition: &str) -> String {
        survey(&format!(
            "  question voto: scale soddisfazione5 {{ \"Voto?\" en \"Mark?\" }}\n  \
             question eta: number 18..99 {{ \"Età?\" en \"Age?\" }}\n  \
             question dopo: yesno {{ \"Dopo?\" en \"After?\"\n    show if {condition} }}"
        ))
    }

    #[test]
    fn known_codes_pass() {
        for ok in ["voto <= 2", "voto = 9", "voto in [1, 2]", "eta >= 65", "eta = 18"] {
            assert!(with_code(&follow_up(ok), "R0202").is_empty(), "{ok}");
        }
    }

    #[test]
    fn unknown_codes_fail() {
        for bad in ["voto = 7", "voto in [1, 6]", "eta > 120", "eta < 0"] {
            let found = with_code(&follow_up(bad), "R0202");
            assert_eq!(found.len(), 1, "{bad}: {found:?}");
        }
        let found = with_code(&follow_up("voto = 7"), "R0202");
        let help = found[0].help.clone().unwrap_or_default();
        assert!(help.contains("1 \"Per niente soddisfatto\""), "{help}");
    }
}
