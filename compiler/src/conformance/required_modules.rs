//! Conformance rule 1, R0401: every required module, whole, in order, at the head of the survey.
//!
//! Reported: a required module that is missing; one reproduced without some of its questions
//! or with its questions reordered; required modules in another order than the profile's
//! `require`; an allowed module placed before a required one. Extra questions before a
//! required module are R0403 (see `extra.rs`); altered questions are R0402.

use super::layout::{Layout, Source};
use super::spec::ProfileSpec;
use super::{list_ticked, list_words, Cx};
use crate::diagnostics::{Code, Diagnostic};
use crate::source::Span;

pub(crate) fn check(cx: &Cx, out: &mut Vec<Diagnostic>) {
    let (Some(profile), Some(layout)) = (cx.profile, &cx.layout) else {
        return; // no profile to compare with: R0406 was given
    };
    for (index, module) in profile.require.iter().enumerate() {
        let Some(questions) = cx.standard.module(module) else {
            continue; // the standard names a module it lacks: the standard's own error
        };
        let positions = layout.positions_of_required(index);
        if positions.is_empty() {
            out.push(missing(cx, profile, module));
            continue;
        }
        let present: Vec<&str> = positions.iter().filter_map(|&p| original_id(layout, p)).collect();
        let absent: Vec<&str> = questions
            .iter()
            .map(|q| q.id.as_str())
            .filter(|id| !present.contains(id))
            .collect();
        if !absent.is_empty() {
            out.push(incomplete(
                cx,
                profile,
                module,
                module_span(cx, layout, module, &positions),
                &absent,
            ));
        }
        if let Some(d) = reordered(cx, profile, module, layout, &positions, questions) {
            out.push(d);
        }
    }
    out.extend(modules_out_of_order(cx, profile, layout));
    out.extend(allowed_before_required(cx, profile, layout));
}

fn original_id<'a>(layout: &Layout<'a>, position: usize) -> Option<&'a str> {
    match layout.placements.get(position)?.source {
        Source::Module { original, .. } => Some(original.id.as_str()),
        Source::Extra { .. } => None,
    }
}

/// `required by profile `istanza_online` here`, on the profile's `require` line.
fn required_here(d: Diagnostic, profile: &ProfileSpec) -> Diagnostic {
    let message = format!("required by profile `{}` here", profile.name);
    d.with_secondary(profile.require_span, message)
}

/// The module's `use` line in the survey, else its first reproduced question.
fn module_span(cx: &Cx, layout: &Layout, module: &str, positions: &[usize]) -> Span {
    cx.use_span(&cx.module_name(module))
        .or_else(|| {
            let first = positions.first().and_then(|&p| layout.placements.get(p))?;
            Some(cx.question_span(first.question))
        })
        .unwrap_or_else(|| cx.conforms_span())
}

fn missing(cx: &Cx, profile: &ProfileSpec, module: &str) -> Diagnostic {
    let full = cx.module_name(module);
    let message = format!(
        "required module `{full}` is missing: profile `{}` of {} requires it",
        profile.name,
        cx.standard_name()
    );
    let d = Diagnostic::new(
        Code::R0401,
        message,
        cx.conforms_span(),
        "conforms to this profile",
    );
    required_here(d, profile).with_help(format!(
        "add `use {full}` before any other question, in the order {}",
        list_words(&profile.require)
    ))
}

fn incomplete(cx: &Cx, profile: &ProfileSpec, module: &str, span: Span, absent: &[&str]) -> Diagnostic {
    let full = cx.module_name(module);
    let (count, verb) = if absent.len() == 1 {
        ("question", "is")
    } else {
        ("questions", "are")
    };
    let message = format!(
        "required module `{full}` is incomplete: {count} {} {verb} missing",
        list_ticked(absent)
    );
    let d = Diagnostic::new(Code::R0401, message, span, "reproduces the module only in part");
    required_here(d, profile).with_help(format!(
        "replace the reproduced questions with `use {full}`, which brings them all unchanged"
    ))
}

/// A reproduced module whose questions stand in another order than the standard's.
fn reordered(
    cx: &Cx,
    profile: &ProfileSpec,
    module: &str,
    layout: &Layout,
    positions: &[usize],
    questions: &[crate::ir::Question],
) -> Option<Diagnostic> {
    let rank = |id: &str| questions.iter().position(|q| q.id == id);
    let ids: Vec<(usize, &str)> = positions
        .iter()
        .filter_map(|&p| original_id(layout, p).map(|id| (p, id)))
        .collect();
    let (pos, early, late) = ids.windows(2).find_map(|w| match w {
        [(_, a), (p, b)] if rank(b) < rank(a) => Some((*p, *b, *a)),
        _ => None,
    })?;
    let question = layout.placements.get(pos)?.question;
    let message = format!(
        "the questions of required module `{}` are out of order: `{early}` comes after `{late}`",
        cx.module_name(module)
    );
    let d = Diagnostic::new(
        Code::R0401,
        message,
        cx.question_span(question),
        "out of the standard's order",
    );
    let order: Vec<&str> = questions.iter().map(|q| q.id.as_str()).collect();
    Some(required_here(d, profile).with_help(format!(
        "ask them in the standard's order: {}",
        list_ticked(&order)
    )))
}

/// Required modules present in another order than `require` lists them.
fn modules_out_of_order(cx: &Cx, profile: &ProfileSpec, layout: &Layout) -> Option<Diagnostic> {
    let firsts: Vec<(usize, usize)> = (0..profile.require.len())
        .filter_map(|i| layout.positions_of_required(i).first().map(|&p| (i, p)))
        .collect();
    let (later, earlier) = firsts.windows(2).find_map(|w| match w {
        [(a, pa), (b, pb)] if pb < pa => Some((*a, *b)),
        _ => None,
    })?;
    let name = |i: usize| profile.require.get(i).map_or("", String::as_str);
    let positions = layout.positions_of_required(earlier);
    let span = module_span(cx, layout, name(earlier), &positions);
    let message = format!(
        "required module `{}` comes before `{}`: profile `{}` requires {} in this order",
        cx.module_name(name(earlier)),
        cx.module_name(name(later)),
        profile.name,
        list_ticked(&profile.require)
    );
    let d = Diagnostic::new(Code::R0401, message, span, "out of the required order");
    Some(required_here(d, profile).with_help(format!(
        "put `use {}` after `use {}`",
        cx.module_name(name(earlier)),
        cx.module_name(name(later))
    )))
}

/// Allowed (optional) modules placed before the last required question.
fn allowed_before_required(cx: &Cx, profile: &ProfileSpec, layout: &Layout) -> Vec<Diagnostic> {
    let Some(last) = layout.last_required() else {
        return Vec::new();
    };
    let mut seen: Vec<&str> = Vec::new();
    let mut out = Vec::new();
    for placement in layout.placements.iter().take(last) {
        let Source::Module {
            module,
            required: None,
            ..
        } = placement.source
        else {
            continue;
        };
        if seen.contains(&module) {
            continue;
        }
        seen.push(module);
        let full = cx.module_name(module);
        let positions = layout.positions(|s| matches!(s, Source::Module { module: m, .. } if *m == module));
        let span = module_span(cx, layout, module, &positions);
        let message = format!(
            "optional module `{full}` comes before the required modules: they must be at the head of the survey"
        );
        let d = Diagnostic::new(Code::R0401, message, span, "before a required module");
        out.push(required_here(d, profile).with_help(format!(
            "move `use {full}` after the required modules ({})",
            list_ticked(&profile.require)
        )));
    }
    out
}
