//! R0203: routing flows forward. A question's `show if` may name only questions asked before
//! it, never itself or a later one. `check` conditions are judged on the whole response and
//! may name any question.

use super::context::{atom_question, atoms, ExprOwner, SurveyCx};
use crate::diagnostics::{Code, Diagnostic, Diagnostics};

pub fn check(cx: &SurveyCx<'_>, sink: &mut Diagnostics) {
    for (owner, expr) in cx.exprs() {
        let ExprOwner::ShowIf(index) = owner else { continue };
        let Some(asking) = cx.survey.questions.get(index) else {
            continue;
        };
        for atom in atoms(expr) {
            let Some(name) = atom_question(atom) else { continue };
            let Some((target, q)) = cx.question(&name.name) else {
                continue;
            };
            if target < index {
                continue;
            }
            let d = if target == index {
                Diagnostic::new(
                    Code::R0203,
                    format!("the `show if` of `{}` names the question itself", asking.id),
                    name.span,
                    "a question cannot be routed on its own answer",
                )
                .with_help("route on a question asked before this one")
            } else {
                Diagnostic::new(
                    Code::R0203,
                    format!(
                        "the `show if` of `{}` names `{}`, which is asked later",
                        asking.id, q.id
                    ),
                    name.span,
                    format!("`{}` is not answered yet when `{}` is shown", q.id, asking.id),
                )
                .with_secondary(
                    q.name_span(),
                    format!("`{}` is asked here, after `{}`", q.id, asking.id),
                )
                .with_help(format!(
                    "move `{}` before `{}`, or use a `check` to relate the two answers",
                    q.id, asking.id
                ))
            };
            sink.push(d);
        }
    }
}

#[cfg(test)]
mod tests {
    use crate::check::testing::{survey, with_code};

    #[test]
    fn later_and_self_are_reported() {
        let src = survey(
            "  question a: yesno { \"A?\" en \"A?\"\n    show if b = 1 }\n  \
             question b: yesno { \"B?\" en \"B?\"\n    show if b = 1 }\n  \
             question c: yesno { \"C?\" en \"C?\"\n    show if a = 1 }",
        );
        let found = with_code(&src, "R0203");
        assert_eq!(found.len(), 2, "{found:?}");
        assert!(found[0].message.contains("asked later"));
        assert!(found[1].message.contains("itself"));
    }

    #[test]
    fn checks_may_name_any_question() {
        let src = survey(
            "  question a: yesno { \"A?\" en \"A?\" }\n  question b: yesno { \"B?\" en \"B?\" }\n  \
             check not (a = 1 and b = 2) else \"Incoerente\" en \"Inconsistent\"",
        );
        assert!(with_code(&src, "R0203").is_empty());
    }
}
