//! R0501: a kiosk shows only what a finger can answer (docs/language.md §9): `faces`, `rating`,
//! `yesno`, a `scale` of at most 7 buttons, a `choice` / `multi` of at most 8 options. Every
//! code is a button, so a scale's missing codes count: `soddisfazione5` (5 points and
//! "Non so") has 6 buttons. A question of another type, asked on the kiosk of a survey with
//! channel `kiosk`, is an error unless its `channels` leave the kiosk out.

use super::context::SurveyCx;
use crate::diagnostics::{Code, Diagnostic, Diagnostics};
use crate::ir::{Channel, QuestionKind};
use crate::resolve::model::QuestionDef;

/// Most buttons of a scale on a kiosk screen.
pub const MAX_SCALE_BUTTONS: usize = 7;
/// Most options of a choice or multi on a kiosk screen.
pub const MAX_OPTIONS: usize = 8;

pub fn check(cx: &SurveyCx<'_>, sink: &mut Diagnostics) {
    if !cx.survey.header.has_channel(Channel::Kiosk) {
        return;
    }
    for q in &cx.survey.questions {
        if !cx.asked_on(q).contains(&Channel::Kiosk) {
            continue;
        }
        let Some(why) = unanswerable(q) else { continue };
        let others = cx.other_channels(Channel::Kiosk);
        let limit = if others.is_empty() {
            "or use `faces`, `yesno` or a shorter list".to_owned()
        } else {
            format!("add `channels {}` to ask it elsewhere only", others.join(" "))
        };
        let (span, secondary) = match &q.module {
            Some(m) if !cx.in_input(q.span()) => (m.use_span, Some(q.name_span())),
            _ => (q.name_span(), None),
        };
        let mut d = Diagnostic::new(
            Code::R0501,
            format!("question `{}` cannot be answered on a kiosk", q.id),
            span,
            why,
        )
        .with_help(format!(
            "{limit}; a kiosk takes faces, ratings, yes/no, scales up to 7 points and up to 8 options"
        ));
        if let Some(s) = secondary {
            d = d.with_secondary(s, format!("`{}` is defined here", q.id));
        }
        if let Some(channels) = cx.survey.header.channels_span {
            d = d.with_secondary(channels, "the survey is on a kiosk");
        }
        sink.push(d);
    }
}

/// Why the question cannot be answered by touch, if it cannot.
fn unanswerable(q: &QuestionDef) -> Option<String> {
    let n = q.codes.len();
    match q.kind {
        QuestionKind::Faces | QuestionKind::Rating | QuestionKind::Yesno => None,
        QuestionKind::Scale if !q.codes_known || n <= MAX_SCALE_BUTTONS => None,
        QuestionKind::Scale => Some(format!(
            "a scale of {n} buttons (at most {MAX_SCALE_BUTTONS} fit)"
        )),
        QuestionKind::Choice | QuestionKind::Multi if !q.codes_known || n <= MAX_OPTIONS => None,
        QuestionKind::Choice | QuestionKind::Multi => {
            Some(format!("{n} options (at most {MAX_OPTIONS} fit)"))
        }
        QuestionKind::Nps => Some("11 buttons from 0 to 10 (at most 7 fit)".to_owned()),
        QuestionKind::Number => Some("a number needs a keyboard".to_owned()),
        QuestionKind::Text => Some("free text needs a keyboard".to_owned()),
    }
}

#[cfg(test)]
mod tests {
    use crate::check::testing::with_code;

    fn kiosk(channels: &str, question: &str) -> String {
        format!(
            "import istat.scales\nsurvey a.b {{\n  version 1.0.0\n  title \"T\"\n  channels {channels}\n{question}\n}}\n"
        )
    }

    #[test]
    fn keyboard_questions_on_a_kiosk() {
        let text = "  question nota: text { \"Nota?\" }";
        assert_eq!(with_code(&kiosk("kiosk web", text), "R0501").len(), 1);
        assert!(with_code(&kiosk("web", text), "R0501").is_empty());
        let limited = "  question nota: text { \"Nota?\"\n    channels web }";
        assert!(with_code(&kiosk("kiosk web", limited), "R0501").is_empty());
    }

    #[test]
    fn scales_count_their_buttons() {
        let six = "  question s: scale soddisfazione5 { \"S?\" }";
        assert!(with_code(&kiosk("kiosk", six), "R0501").is_empty());
        let ten = "  question v: scale voto10 { \"V?\" }";
        assert_eq!(with_code(&kiosk("kiosk", ten), "R0501").len(), 1);
        let nps = "  question n: nps { \"N?\" }";
        assert_eq!(with_code(&kiosk("kiosk", nps), "R0501").len(), 1);
    }
}
