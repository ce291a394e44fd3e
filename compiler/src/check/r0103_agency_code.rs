//! R0103 (agency): the agency is named by its IPA code, 2 to 16 characters of
//! `[A-Za-z0-9_]` (`inps`, `c_h501`). A code of the wrong shape is an invalid identifier.

use super::context::SurveyCx;
use crate::diagnostics::{Code, Diagnostic, Diagnostics};

pub fn check(cx: &SurveyCx<'_>, sink: &mut Diagnostics) {
    let Some((code, _)) = &cx.survey.header.agency else {
        return;
    };
    if is_ipa_code(&code.value) {
        return;
    }
    let cleaned: String = code
        .value
        .chars()
        .map(|c| if c == '-' || c == ' ' { '_' } else { c })
        .filter(|c| c.is_ascii_alphanumeric() || *c == '_')
        .take(16)
        .collect();
    let mut d = Diagnostic::new(
        Code::R0103,
        format!("`{}` is not an IPA code", code.value),
        code.span,
        "expected 2 to 16 letters, digits or `_`",
    );
    d = if is_ipa_code(&cleaned) {
        d.with_help(format!("write the administration's IPA code, e.g. \"{cleaned}\""))
    } else {
        d.with_help("write the administration's code in the IPA register, e.g. \"inps\" or \"c_h501\"")
    };
    sink.push(d);
}

pub fn is_ipa_code(code: &str) -> bool {
    (2..=16).contains(&code.len()) && code.chars().all(|c| c.is_ascii_alphanumeric() || c == '_')
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::check::testing::codes_of;

    #[test]
    fn ipa_shapes() {
        assert!(is_ipa_code("inps"));
        assert!(is_ipa_code("c_h501"));
        assert!(!is_ipa_code("x"));
        assert!(!is_ipa_code("comune-di-roma"));
        assert!(!is_ipa_code("a_very_long_code_name"));
    }

    #[test]
    fn reported_on_the_agency() {
        let src =
            "survey a.b {\n  version 1.0.0\n  title \"T\"\n  agency \"comune di lecce\" kind comune\n}\n";
        assert_eq!(codes_of(src), vec!["R0103"]);
    }
}
