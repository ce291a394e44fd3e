//! Conformance rule 7, R0407: the survey uses only channels the standard allows.

use super::Cx;
use crate::diagnostics::{Code, Diagnostic};
use crate::ir::Channel;

pub(crate) fn check(cx: &Cx, out: &mut Vec<Diagnostic>) {
    let allowed: Vec<&str> = cx.standard.channels.iter().map(|c| c.as_str()).collect();
    let defaulted = cx.spans.channels == Default::default();
    let channels: Vec<Channel> = if cx.survey.channels.is_empty() {
        vec![Channel::Web]
    } else {
        cx.survey.channels.clone()
    };
    for channel in channels.into_iter().filter(|c| !cx.standard.channels.contains(c)) {
        let message = format!(
            "channel `{}` is not allowed by {}, which allows {}",
            channel.as_str(),
            cx.standard_name(),
            allowed.join(" ")
        );
        let label = if defaulted {
            format!("on `{}` by default (no `channels` statement)", channel.as_str())
        } else {
            "not allowed by the standard".to_owned()
        };
        let keep: Vec<&str> = cx
            .survey
            .channels
            .iter()
            .filter(|c| cx.standard.channels.contains(c))
            .map(|c| c.as_str())
            .collect();
        let help = if keep.is_empty() {
            format!("write `channels` with some of: {}", allowed.join(" "))
        } else {
            format!(
                "write `channels {}`, or run a separate survey that does not conform, on `{}`",
                keep.join(" "),
                channel.as_str()
            )
        };
        out.push(
            Diagnostic::new(Code::R0407, message, cx.or_name(cx.spans.channels), label)
                .with_secondary(
                    cx.standard.channels_span,
                    format!("`{}` allows these channels here", cx.standard.name),
                )
                .with_help(help),
        );
    }
}
