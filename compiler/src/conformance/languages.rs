//! Conformance rule 4, R0301: the survey offers every language of the standard. (A text
//! missing in one of the survey's languages is found by the checker, also as R0301.)

use super::{list_ticked, Cx};
use crate::diagnostics::{Code, Diagnostic};

pub(crate) fn check(cx: &Cx, out: &mut Vec<Diagnostic>) {
    let missing: Vec<&str> = cx
        .standard
        .languages
        .iter()
        .map(String::as_str)
        .filter(|l| !cx.survey.languages.iter().any(|s| s == l))
        .collect();
    if missing.is_empty() {
        return;
    }
    let plural = if missing.len() == 1 {
        "language"
    } else {
        "languages"
    };
    let message = format!(
        "the survey does not offer the {plural} {} of {}, to which it conforms",
        list_ticked(&missing),
        cx.standard_name()
    );
    let declared = if cx.spans.languages == Default::default() {
        format!(
            "offers only `{}` (no `languages` statement)",
            cx.survey.default_language()
        )
    } else {
        "declared languages".to_owned()
    };
    let mut languages: Vec<&str> = cx.survey.languages.iter().map(String::as_str).collect();
    languages.extend(&missing);
    out.push(
        Diagnostic::new(Code::R0301, message, cx.or_name(cx.spans.languages), declared)
            .with_secondary(
                cx.standard.languages_span,
                format!("{} requires these languages here", cx.standard.name),
            )
            .with_help(format!(
                "write `languages {}` and translate every text",
                languages.join(" ")
            )),
    );
}
