//! Conformance rule 8, R0408: the estimated completion time (crate::estimate, docs/language.md §11)
//! stays within the standard's `max minutes`.

use super::Cx;
use crate::diagnostics::{Code, Diagnostic};
use crate::estimate::{estimate, format_duration};

/// How many of the costliest questions the help names.
const NAMED_IN_HELP: usize = 3;

pub(crate) fn check(cx: &Cx, out: &mut Vec<Diagnostic>) {
    let Some(minutes) = cx.standard.max_minutes else {
        return;
    };
    let limit = minutes.saturating_mul(60);
    let estimate = estimate(cx.survey);
    if estimate.seconds <= limit {
        return;
    }
    let on = if cx.survey.channels.len() > 1 {
        format!(" on `{}`", estimate.channel.as_str())
    } else {
        String::new()
    };
    let message = format!(
        "estimated {}{on}, above the {} limit of {}",
        format_duration(estimate.seconds),
        format_duration(limit),
        cx.standard_name()
    );
    let costliest: Vec<String> = estimate
        .costliest(NAMED_IN_HELP)
        .iter()
        .map(|q| format!("`{}` {}", q.id, format_duration(q.seconds())))
        .collect();
    let help = format!(
        "cut {} or more: the costliest questions are {}; shorten wordings, drop extra questions or \
         limit them to fewer channels (`rileva explain R0408` describes the estimate)",
        format_duration(estimate.seconds - limit),
        costliest.join(", ")
    );
    out.push(
        Diagnostic::new(
            Code::R0408,
            message,
            cx.conforms_span(),
            format!("estimated {}", format_duration(estimate.seconds)),
        )
        .with_secondary(
            cx.standard.max_minutes_span,
            format!("`max minutes {minutes}` here"),
        )
        .with_help(help),
    );
}
