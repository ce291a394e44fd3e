//! R0204: bounds must make sense. A `scale`, `choice` or `multi` needs at least one code;
//! `number A..B` needs A <= B; `rating N` needs 3 <= N <= 10;
//! `text max N` needs N >= 1; a multi's `min` / `max` must satisfy 0 <= min <= max, 1 <= max,
//! and neither may exceed its number of options. `min` / `max` on any other type is also
//! R0204: they bound how many options are picked, which only a multi has.

use super::context::SurveyCx;
use crate::diagnostics::{Code, Diagnostic, Diagnostics};
use crate::ir::QuestionKind;
use crate::lower::builtin::{RATING_MAX, RATING_MIN};
use crate::resolve::model::QuestionDef;
use crate::source::Span;
use crate::syntax::ast;

pub fn check(cx: &SurveyCx<'_>, sink: &mut Diagnostics) {
    for q in cx.survey.questions.iter().filter(|q| cx.in_input(q.span())) {
        type_bounds(q, sink);
        picks(q, sink);
    }
}

fn bound(message: String, span: Span, label: impl Into<String>, help: impl Into<String>) -> Diagnostic {
    Diagnostic::new(Code::R0204, message, span, label).with_help(help)
}

fn type_bounds(q: &QuestionDef, sink: &mut Diagnostics) {
    let listed = matches!(
        q.kind,
        QuestionKind::Scale | QuestionKind::Choice | QuestionKind::Multi
    );
    if listed && q.codes_known && q.codes.is_empty() {
        sink.push(bound(
            format!("the {} question `{}` has no codes", q.kind.as_str(), q.id),
            q.name_span(),
            "no answer can be given",
            "list its options after the wording, e.g. `1 \"Sì\"`, or name a list: `choice NAME`",
        ));
    }
    match &q.ast.ty {
        ast::QuestionType::Number { min, max } if min.value > max.value => sink.push(bound(
            format!("the range {}..{} of `{}` is empty", min.value, max.value, q.id),
            min.span.join(max.span),
            "the lower bound is above the upper one",
            format!("write `number {}..{}`", max.value, min.value),
        )),
        ast::QuestionType::Rating(n) if !(RATING_MIN..=RATING_MAX).contains(&n.value) => sink.push(bound(
            format!(
                "`rating {}` has too {} stars",
                n.value,
                if n.value < RATING_MIN { "few" } else { "many" }
            ),
            n.span,
            format!("a rating has {RATING_MIN} to {RATING_MAX} stars"),
            format!(
                "write `rating {}`, or a `scale` for other answers",
                n.value.clamp(RATING_MIN, RATING_MAX)
            ),
        )),
        ast::QuestionType::Text { max: Some(n) } if n.value < 1 => sink.push(bound(
            format!("`text max {}` allows no answer", n.value),
            n.span,
            "a text answer needs at least 1 character",
            "write a positive length, e.g. `text max 500`",
        )),
        _ => {}
    }
}

fn picks(q: &QuestionDef, sink: &mut Diagnostics) {
    if q.kind != QuestionKind::Multi {
        for (name, span) in [("min", q.min_picks), ("max", q.max_picks)]
            .into_iter()
            .filter_map(|(n, p)| p.map(|(_, s)| (n, s)))
        {
            sink.push(bound(
                format!(
                    "`{name}` does not apply to the {} question `{}`",
                    q.kind.as_str(),
                    q.id
                ),
                span,
                "`min` and `max` count the options picked in a multi",
                match q.kind {
                    QuestionKind::Number => "remove it and bound the answer with `number A..B`",
                    QuestionKind::Text => "remove it and bound the length with `text max N`",
                    _ => "remove it",
                },
            ));
        }
        return;
    }
    let options = q.codes.len() as i64;
    let known = q.codes_known;
    if let Some((min, span)) = q.min_picks {
        if min < 0 {
            sink.push(bound(
                format!("`min {min}` is negative"),
                span,
                "cannot pick fewer than 0",
                "write `min 1`",
            ));
        } else if known && min > options {
            sink.push(bound(
                format!("`min {min}` is more than the {options} options of `{}`", q.id),
                span,
                format!("only {options} options can be picked"),
                format!("write at most `min {options}`"),
            ));
        }
    }
    if let Some((max, span)) = q.max_picks {
        if max < 1 {
            sink.push(bound(
                format!("`max {max}` allows no pick"),
                span,
                "at least 1",
                "write `max 1` or more",
            ));
        } else if known && max > options {
            sink.push(bound(
                format!("`max {max}` is more than the {options} options of `{}`", q.id),
                span,
                format!("only {options} options can be picked"),
                format!("write at most `max {options}`, or remove `max`"),
            ));
        }
    }
    if let (Some((min, min_span)), Some((max, max_span))) = (q.min_picks, q.max_picks) {
        if min > max {
            sink.push(
                bound(
                    format!("`min {min}` is above `max {max}` on `{}`", q.id),
                    min_span,
                    "no answer can satisfy both",
                    format!("write `min {max}` or `max {min}`"),
                )
                .with_secondary(max_span, "the upper bound"),
            );
        }
    }
}

#[cfg(test)]
mod tests {
    use crate::check::testing::{survey, with_code};

    fn multi(props: &str) -> String {
        survey(&format!(
            "  question m: multi {{ \"M?\" en \"M?\"\n    {props}\n    1 \"A\" en \"A\"\n    2 \"B\" en \"B\"\n    \
             3 \"C\" en \"C\" }}"
        ))
    }

    #[test]
    fn multi_picks() {
        assert!(with_code(&multi("min 1\n    max 3"), "R0204").is_empty());
        assert_eq!(with_code(&multi("max 4"), "R0204").len(), 1);
        assert_eq!(with_code(&multi("min 4"), "R0204").len(), 1);
        assert_eq!(with_code(&multi("min 3\n    max 2"), "R0204").len(), 1);
    }

    #[test]
    fn type_bounds() {
        for bad in ["number 10..1", "rating 2", "rating 11", "text max 0"] {
            let src = survey(&format!("  question q: {bad} {{ \"Q?\" en \"Q?\" }}"));
            assert_eq!(with_code(&src, "R0204").len(), 1, "{bad}");
        }
        for ok in ["number 1..1", "rating 3", "rating 10", "text max 1", "nps"] {
            let src = survey(&format!("  question q: {ok} {{ \"Q?\" en \"Q?\" }}"));
            assert!(with_code(&src, "R0204").is_empty(), "{ok}");
        }
    }

    #[test]
    fn options_needed() {
        let src = survey("  question q: choice { \"Q?\" en \"Q?\" }");
        assert_eq!(with_code(&src, "R0204").len(), 1);
    }

    #[test]
    fn picks_on_other_types() {
        let src = survey("  question q: yesno { \"Q?\" en \"Q?\"\n    max 1 }");
        assert_eq!(with_code(&src, "R0204").len(), 1);
    }
}
