//! Conformance rule 5, R0404: no `personal` question when the standard is `anonymous`. (A
//! survey conforming to an anonymous standard is itself anonymous.)

use super::Cx;
use crate::diagnostics::{Code, Diagnostic};

pub(crate) fn check(cx: &Cx, out: &mut Vec<Diagnostic>) {
    if !cx.standard.anonymous {
        return;
    }
    for question in cx.survey.questions.iter().filter(|q| q.personal) {
        let message = format!(
            "question `{}` collects personal data, but {} is anonymous",
            question.id,
            cx.standard_name()
        );
        out.push(
            Diagnostic::new(
                Code::R0404,
                message,
                cx.question_span(question),
                "marked `personal`",
            )
            .with_secondary(
                cx.standard.anonymous_span,
                format!("`{}` is anonymous here", cx.standard.name),
            )
            .with_help(format!(
                "remove `question {}` (or its `personal` mark if it collects no personal data); \
                     personal data can only be asked in a survey that conforms to no anonymous standard",
                question.id
            )),
        );
    }
}
