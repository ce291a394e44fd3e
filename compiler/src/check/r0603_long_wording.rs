//! R0603 (warning): a wording longer than 160 characters, in any language, on a question
//! asked on the kiosk: a kiosk screen is read standing, at a glance.

use super::context::SurveyCx;
use crate::diagnostics::{Code, Diagnostic, Diagnostics};
use crate::ir::Channel;
use crate::resolve::model::QuestionDef;
use crate::source::Span;

/// Most characters of a wording on a kiosk screen.
pub const MAX_KIOSK_WORDING: usize = 160;

/// The string of the wording in `language` as written on the question, if it is.
fn written_span(q: &QuestionDef, language: &str, default_language: &str) -> Option<Span> {
    let text = q.ast.wording.as_ref()?;
    if language == default_language {
        return Some(text.default.span);
    }
    let translated = text.translations.iter().find(|t| t.language.name == language);
    translated.map(|t| t.text.span)
}

pub fn check(cx: &SurveyCx<'_>, sink: &mut Diagnostics) {
    if !cx.survey.header.has_channel(Channel::Kiosk) {
        return;
    }
    let default_language = cx.survey.languages().first().map(String::as_str).unwrap_or("it");
    for q in &cx.survey.questions {
        if !cx.asked_on(q).contains(&Channel::Kiosk) {
            continue;
        }
        let Some(wording) = &q.wording else { continue };
        let longest = cx
            .survey
            .languages()
            .iter()
            .filter_map(|l| wording.get(l).map(|t| (l, t.chars().count())))
            .filter(|(_, n)| *n > MAX_KIOSK_WORDING)
            .max_by_key(|(_, n)| *n);
        let Some((language, chars)) = longest else {
            continue;
        };
        let (span, secondary) = match written_span(q, language, default_language) {
            Some(exact) if cx.in_input(exact) => (exact, None),
            _ => cx.text_site(q.module.as_ref().map(|m| m.use_span), wording),
        };
        let others = cx.other_channels(Channel::Kiosk);
        let help = if others.is_empty() {
            format!("shorten it to {MAX_KIOSK_WORDING} characters or fewer")
        } else {
            format!(
                "shorten it to {MAX_KIOSK_WORDING} characters or fewer, or ask it elsewhere only (`channels {}`)",
                others.join(" ")
            )
        };
        let mut d = Diagnostic::new(
            Code::R0603,
            format!(
                "the wording of `{}` is {chars} characters long in `{language}`, too long for a kiosk",
                q.id
            ),
            span,
            format!("more than {MAX_KIOSK_WORDING} characters"),
        )
        .with_help(help);
        if let Some(s) = secondary {
            d = d.with_secondary(s, "the wording is written here");
        }
        sink.push(d);
    }
}

#[cfg(test)]
mod tests {
    use crate::check::testing::with_code;

    #[test]
    fn long_kiosk_wording() {
        let long = "parola ".repeat(25);
        let src = format!(
            "survey a.b {{\n  version 1.0.0\n  title \"T\"\n  channels kiosk web\n  \
             question q: yesno {{ \"{long}\" }}\n  question r: yesno {{ \"{long}\"\n    channels web }}\n}}\n"
        );
        let found = with_code(&src, "R0603");
        assert_eq!(found.len(), 1, "{found:?}");
        assert!(found[0].message.contains("`q`"));
    }
}
