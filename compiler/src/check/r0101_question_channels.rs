//! R0101 (question channels): a question's `channels` must name channels (`web`, `kiosk`,
//! `app`, `phone`). Header channels, languages and kinds are names resolved earlier.

use super::context::SurveyCx;
use crate::diagnostics::Diagnostics;
use crate::ir::Channel;
use crate::resolve::header::unknown_channel;

pub fn check(cx: &SurveyCx<'_>, sink: &mut Diagnostics) {
    for q in &cx.survey.questions {
        let Some((ids, _)) = &q.channels else { continue };
        for id in ids.iter().filter(|id| Channel::parse(&id.name).is_none()) {
            sink.push(unknown_channel(id));
        }
    }
}

#[cfg(test)]
mod tests {
    use crate::check::testing::{survey, with_code};

    #[test]
    fn unknown_question_channel() {
        let src = survey("  question q: yesno { \"Domanda?\" en \"Question?\"\n    channels web kisok }");
        let found = with_code(&src, "R0101");
        assert_eq!(found.len(), 1, "{found:?}");
        assert_eq!(found[0].help.as_deref(), Some("did you mean `kiosk`?"));
    }
}
