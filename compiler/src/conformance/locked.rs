//! Conformance rule 2, R0402: no `locked` question of the standard is altered.
//!
//! Compared: id, type, wording and help in the standard's languages, `required`, routing,
//! codes (values, labels in the standard's languages, missing and `specify` flags, order),
//! `min` / `max`, range, `text max`, channels and `personal`. A survey may add translations in
//! other languages. A question of a reproduced required module is compared as if locked (rule
//! 1: each must match its original exactly). One diagnostic per change.

use super::layout::Source;
use super::locked_diff::{changes, DiffScope};
use super::Cx;
use crate::diagnostics::{Code, Diagnostic};

pub(crate) fn check(cx: &Cx, out: &mut Vec<Diagnostic>) {
    let Some(layout) = &cx.layout else {
        return; // no profile to compare with: R0406 was given
    };
    let renamed: Vec<(&str, &str)> = layout
        .placements
        .iter()
        .filter_map(|p| match p.source {
            Source::Module { original, .. } if original.id != p.question.id => {
                Some((p.question.id.as_str(), original.id.as_str()))
            }
            _ => None,
        })
        .collect();
    let scope = DiffScope {
        renamed: &renamed,
        languages: &cx.standard.languages,
        standard_channels: &cx.standard.channels,
        survey_channels: &cx.survey.channels,
    };
    for placement in &layout.placements {
        let Source::Module {
            module,
            required,
            original,
            reproduced,
        } = placement.source
        else {
            continue;
        };
        let compared_as_locked = reproduced && required.is_some();
        if !original.locked && !compared_as_locked {
            continue;
        }
        let question = placement.question;
        let full = cx.module_name(module);
        let what = if original.locked {
            "locked question"
        } else {
            "question of required module"
        };
        let secondary = if original.locked {
            format!("locked in `{full}` of {} here", cx.standard_name())
        } else {
            format!("defined in required module `{full}` here")
        };
        let help = if reproduced {
            format!(
                "write it exactly as the standard does, or replace the module's questions with `use {full}`"
            )
        } else {
            "restore the standard's text: a survey may only add translations in languages the standard lacks"
                .to_owned()
        };
        for change in changes(original, question, &scope) {
            let message = format!("{what} `{}` of `{full}` altered: {change}", original.id);
            let d = Diagnostic::new(Code::R0402, message, cx.question_span(question), "altered here")
                .with_secondary(original.span, secondary.clone())
                .with_help(help.clone());
            out.push(d);
        }
    }
}
