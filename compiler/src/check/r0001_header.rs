//! R0001 (header): a survey needs `version` (semantic: `1.0.0`) and `title`. These are not
//! names or bounds; R0001 ("what was expected, in words") is the closest code, so a missing
//! header statement reads like the syntax error it nearly is.

use super::context::SurveyCx;
use crate::diagnostics::{Code, Diagnostic, Diagnostics};

pub fn check(cx: &SurveyCx<'_>, sink: &mut Diagnostics) {
    let survey = cx.survey;
    let header = &survey.header;
    match &header.version {
        None => sink.push(
            Diagnostic::new(
                Code::R0001,
                format!("survey `{}` has no `version`", survey.id),
                survey.name_span(),
                "this survey needs a `version` statement",
            )
            .with_help("add `version 1.0.0` to the header: responses and SQL tables carry it"),
        ),
        Some(v) if !is_semver(&v.text) => sink.push(
            Diagnostic::new(
                Code::R0001,
                format!("version `{}` is not a semantic version", v.text),
                v.span,
                "expected MAJOR.MINOR.PATCH",
            )
            .with_help(format!(
                "write three numbers, e.g. `{}`",
                semver_suggestion(&v.text)
            )),
        ),
        Some(_) => {}
    }
    if header.title.is_none() {
        sink.push(
            Diagnostic::new(
                Code::R0001,
                format!("survey `{}` has no `title`", survey.id),
                survey.name_span(),
                "this survey needs a `title` statement",
            )
            .with_help("add `title \"Valuti il servizio\"` to the header: respondents see it first"),
        );
    }
}

/// `1.0.0`, `2.1.0-rc.1`, `1.0.0+build.5`: three numbers without leading zeros.
pub fn is_semver(text: &str) -> bool {
    let core = text.split(['-', '+']).next().unwrap_or("");
    let rest = &text[core.len()..];
    let numbers: Vec<&str> = core.split('.').collect();
    let numbers_ok = numbers.len() == 3
        && numbers.iter().all(|n| {
            !n.is_empty() && n.chars().all(|c| c.is_ascii_digit()) && (n.len() == 1 || !n.starts_with('0'))
        });
    let rest_ok = rest
        .chars()
        .all(|c| c.is_ascii_alphanumeric() || matches!(c, '-' | '+' | '.'))
        && !rest.ends_with('.')
        && rest != "-"
        && rest != "+";
    numbers_ok && rest_ok
}

/// `1` -> `1.0.0`, `2024.1` -> `2024.1.0`.
fn semver_suggestion(text: &str) -> String {
    let mut parts: Vec<String> = text
        .split('.')
        .map(|p| p.chars().filter(char::is_ascii_digit).collect::<String>())
        .map(|p| p.trim_start_matches('0').to_owned())
        .map(|p| if p.is_empty() { "0".to_owned() } else { p })
        .take(3)
        .collect();
    while parts.len() < 3 {
        parts.push("0".to_owned());
    }
    parts.join(".")
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::check::testing::codes_of;

    #[test]
    fn semver_shapes() {
        assert!(is_semver("1.0.0"));
        assert!(is_semver("10.2.33-rc.1+b5"));
        assert!(!is_semver("1.0"));
        assert!(!is_semver("2024.1"));
        assert!(!is_semver("01.0.0"));
        assert!(!is_semver("1.0.0-"));
        assert_eq!(semver_suggestion("2024.1"), "2024.1.0");
    }

    #[test]
    fn missing_version_and_title() {
        let codes = codes_of("survey a.b {\n  languages it\n}\n");
        assert_eq!(codes.iter().filter(|c| *c == "R0001").count(), 2, "{codes:?}");
    }

    #[test]
    fn bad_version() {
        let codes = codes_of("survey a.b {\n  version 1.0\n  title \"T\"\n}\n");
        assert_eq!(codes, vec!["R0001"]);
    }
}
