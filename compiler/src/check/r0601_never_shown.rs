//! R0601 (warning): a question that can never be shown. Its `show if` is evaluated over the
//! finite answer domains of the questions it reads (every code, the subsets of the codes a
//! multi is tested for, a number's bounds and the values compared with), so `x > 5` on a
//! 1..5 scale or `x = 1 and x = 2` is found; a question read by routing that can itself never
//! be shown is always absent. The search is bounded: beyond [`MAX_CASES`] combinations the
//! condition is assumed satisfiable. A question whose `channels` share none with the survey's
//! is never asked either.

use super::context::{atom_question, atoms, SurveyCx};
use super::domain::{domain, eval, mentioned_values, well_typed, Answer};
use crate::diagnostics::{Code, Diagnostic, Diagnostics};
use crate::resolve::model::QuestionDef;
use crate::source::Span;
use crate::syntax::ast;

/// Most combinations of answers tried for one condition.
pub const MAX_CASES: usize = 100_000;

pub fn check(cx: &SurveyCx<'_>, sink: &mut Diagnostics) {
    let mut never: foldhash::HashSet<&str> = foldhash::HashSet::default();
    for q in &cx.survey.questions {
        if cx.asked_on(q).is_empty() {
            never.insert(&q.id);
            if let Some((_, span)) = &q.channels {
                sink.push(no_channel(cx, q, *span));
            }
            continue;
        }
        let Some(condition) = &q.show_if else { continue };
        if satisfiable(cx, condition, &never) == Some(false) {
            never.insert(&q.id);
            sink.push(never_shown(cx, q, condition));
        }
    }
}

fn no_channel(cx: &SurveyCx<'_>, q: &QuestionDef, channels: Span) -> Diagnostic {
    let message = format!("question `{}` is asked on none of the survey's channels", q.id);
    let label = "none of these channels is a channel of the survey";
    match q.module.as_ref().filter(|_| !cx.in_input(channels)) {
        Some(m) => Diagnostic::new(
            Code::R0601,
            message,
            m.use_span,
            format!("`{}` comes from this module", q.id),
        )
        .with_secondary(channels, label)
        .with_help("add one of the question's channels to the survey's `channels`, or do not use the module"),
        None => Diagnostic::new(Code::R0601, message, channels, label)
            .with_help("name a channel of the survey's `channels`, or remove the question"),
    }
}

fn never_shown(cx: &SurveyCx<'_>, q: &QuestionDef, condition: &ast::Expr) -> Diagnostic {
    let read: Vec<String> = mentioned_values(condition)
        .keys()
        .filter_map(|name| cx.question(name))
        .map(|(_, r)| describe(r))
        .collect();
    let mut d = Diagnostic::new(
        Code::R0601,
        format!("question `{}` can never be shown", q.id),
        condition.span,
        "this condition never holds",
    )
    .with_help(format!(
        "rewrite the condition so some answer satisfies it ({}), or remove `show if`",
        read.join("; ")
    ));
    if let Some(m) = q.module.as_ref().filter(|_| !cx.in_input(condition.span)) {
        d = d.with_secondary(m.use_span, format!("`{}` comes from this module", q.id));
    }
    d
}

/// `voto` takes 1, 2, 3, 4, 5, missing 9
fn describe(q: &QuestionDef) -> String {
    match q.range {
        Some((min, max)) => format!("`{}` takes {min}..{max}", q.id),
        None if q.codes.is_empty() => format!("`{}` is a {} answer", q.id, q.kind.as_str()),
        None => {
            let codes: Vec<String> = q
                .codes
                .iter()
                .map(|c| {
                    if c.missing {
                        format!("missing {}", c.value)
                    } else {
                        c.value.to_string()
                    }
                })
                .collect();
            format!("`{}` takes {}", q.id, codes.join(", "))
        }
    }
}

/// `Some(false)` when no answers make `condition` hold; `None` when it cannot be judged.
fn satisfiable(cx: &SurveyCx<'_>, condition: &ast::Expr, never: &foldhash::HashSet<&str>) -> Option<bool> {
    for atom in atoms(condition) {
        let (_, q) = cx.question(&atom_question(atom)?.name)?;
        if !well_typed(atom, q) || !q.codes_known {
            return None;
        }
    }
    let mentioned = mentioned_values(condition);
    let mut names = Vec::new();
    let mut domains = Vec::new();
    for (name, values) in &mentioned {
        let (_, q) = cx.question(name)?;
        names.push(*name);
        domains.push(if never.contains(name) {
            vec![Answer::Absent]
        } else {
            domain(q, values)
        });
    }
    let cases = domains
        .iter()
        .try_fold(1usize, |acc, d| acc.checked_mul(d.len().max(1)))?;
    if cases > MAX_CASES {
        return None;
    }
    let mut env: Vec<(&str, &Answer)> = Vec::with_capacity(names.len());
    Some((0..cases).any(|case| {
        let mut rest = case;
        env.clear();
        env.extend(names.iter().zip(&domains).filter_map(|(name, d)| {
            let len = d.len().max(1);
            let pick = d.get(rest % len);
            rest /= len;
            pick.map(|a| (*name, a))
        }));
        eval(condition, &env)
    }))
}

#[cfg(test)]
mod tests {
    use crate::check::testing::{survey, with_code};

    fn follow_up(condition: &str) -> String {
        survey(&format!(
            "  question voto: scale soddisfazione5 {{ \"Voto?\" en \"Mark?\" }}\n  \
             question motivi: multi {{ \"Motivi?\" en \"Reasons?\"\n    1 \"A\" en \"A\"\n    2 \"B\" en \"B\" }}\n  \
             question eta: number 18..99 {{ \"Età?\" en \"Age?\" }}\n  \
             question dopo: yesno {{ \"Dopo?\" en \"After?\"\n    show if {condition} }}"
        ))
    }

    #[test]
    fn satisfiable_conditions_pass() {
        for ok in [
            "voto <= 2",
            "not (voto <= 2)",
            "motivi has 1 and motivi has 2",
            "eta >= 99",
            "eta > 20 and eta < 22",
            "not answered voto",
        ] {
            assert!(with_code(&follow_up(ok), "R0601").is_empty(), "{ok}");
        }
    }

    #[test]
    fn impossible_conditions_warn() {
        for bad in [
            "voto > 5",
            "voto = 1 and voto = 2",
            "voto >= 9",
            "eta > 99",
            "eta > 20 and eta < 21",
            "answered voto and not answered voto",
        ] {
            let found = with_code(&follow_up(bad), "R0601");
            assert_eq!(found.len(), 1, "{bad}: {found:?}");
        }
    }

    #[test]
    fn chains_of_hidden_questions() {
        let src = survey(
            "  question a: yesno { \"A?\" en \"A?\" }\n  question b: yesno { \"B?\" en \"B?\"\n    show if a = 1 and a = 2 }\n  \
             question c: yesno { \"C?\" en \"C?\"\n    show if b = 1 }",
        );
        assert_eq!(with_code(&src, "R0601").len(), 2);
    }

    #[test]
    fn module_questions_on_none_of_the_channels() {
        let src =
            "import istat.cx\nsurvey a.b {\n  version 1.0.0\n  title \"T\" en \"T\"\n  languages it en\n  \
                   channels kiosk\n  use istat.cx.approfondimento\n}\n";
        let found = with_code(src, "R0601");
        assert_eq!(found.len(), 1, "{found:?}");
        assert_eq!(found[0].primary.message, "`suggerimenti` comes from this module");
    }
}
