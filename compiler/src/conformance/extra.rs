//! Conformance rule 3, R0403: at most `extra max` extra questions, none before the required
//! modules.
//!
//! Extra questions are those from no module the profile requires or allows: the survey's own,
//! and those of any other module it uses. A profile without `extra max` allows none: a
//! standard says what agencies may add, and a profile that says nothing lets them add nothing.

use super::layout::{Layout, Placement, Source};
use super::spec::ProfileSpec;
use super::{list_ticked, Cx};
use crate::diagnostics::{Code, Diagnostic};

pub(crate) fn check(cx: &Cx, out: &mut Vec<Diagnostic>) {
    let (Some(profile), Some(layout)) = (cx.profile, &cx.layout) else {
        return; // no profile to compare with: R0406 was given
    };
    let extras: Vec<&Placement> = layout
        .placements
        .iter()
        .filter(|p| matches!(p.source, Source::Extra { .. }))
        .collect();
    out.extend(too_many(cx, profile, &extras));
    out.extend(before_required(cx, profile, layout));
}

fn too_many(cx: &Cx, profile: &ProfileSpec, extras: &[&Placement]) -> Option<Diagnostic> {
    let limit = profile.extra_max.unwrap_or(0);
    let over = extras.get(usize::try_from(limit).ok()?)?;
    let count = extras.len();
    let allows = match limit {
        0 => "allows no extra question".to_owned(),
        1 => "allows at most 1".to_owned(),
        n => format!("allows at most {n}"),
    };
    let message = format!(
        "{count} extra question{}, but profile `{}` of {} {allows}",
        if count == 1 { "" } else { "s" },
        profile.name,
        cx.standard_name()
    );
    let label = format!("extra question {} of {count}", u64::from(limit) + 1);
    let (span, secondary) = match profile.extra_max {
        Some(n) => (profile.extra_max_span, format!("`extra max {n}` here")),
        None => (profile.span, "this profile has no `extra max`".to_owned()),
    };
    let ids: Vec<&str> = extras.iter().map(|p| p.question.id.as_str()).collect();
    let mut help = format!("the extra questions are {}", list_ticked(&ids));
    let used: Vec<&str> = used_modules(extras);
    if !used.is_empty() {
        help.push_str(&format!(
            " ({} {} not required or allowed by the profile, so {} questions count as extra)",
            list_ticked(&used),
            if used.len() == 1 { "is" } else { "are" },
            if used.len() == 1 { "its" } else { "their" },
        ));
    }
    help.push_str(&format!("; remove {}", count.saturating_sub(limit as usize)));
    Some(
        Diagnostic::new(Code::R0403, message, cx.question_span(over.question), label)
            .with_secondary(span, secondary)
            .with_help(help),
    )
}

/// Modules the extras come from, once each, in order.
fn used_modules<'a>(extras: &[&Placement<'a>]) -> Vec<&'a str> {
    let mut out: Vec<&str> = Vec::new();
    for p in extras {
        if let Source::Extra { module: Some(m) } = p.source {
            if !out.contains(&m) {
                out.push(m);
            }
        }
    }
    out
}

/// Each extra question standing before a question of a required module; the questions of a
/// used module that the profile neither requires nor allows are reported once, at its `use`.
fn before_required(cx: &Cx, profile: &ProfileSpec, layout: &Layout) -> Vec<Diagnostic> {
    let Some(last) = layout.last_required() else {
        return Vec::new();
    };
    let mut reported: Vec<&str> = Vec::new();
    let mut out = Vec::new();
    for (position, placement) in layout.placements.iter().enumerate().take(last) {
        let Source::Extra { module: used } = placement.source else {
            continue;
        };
        if let Some(used) = used {
            if reported.contains(&used) {
                continue;
            }
            reported.push(used);
        }
        let next = cx.module_name(next_required(layout, position).unwrap_or_default());
        let id = &placement.question.id;
        let (message, what) = match used {
            Some(used) => (
                format!(
                    "module `{used}`, extra to profile `{}`, comes before required module `{next}`",
                    profile.name
                ),
                format!("`use {used}`"),
            ),
            None => (
                format!("extra question `{id}` comes before required module `{next}`"),
                format!("`{id}`"),
            ),
        };
        let required = format!(
            "profile `{}` requires {} at the head of the survey here",
            profile.name,
            list_ticked(&profile.require)
        );
        let span = cx.question_span(placement.question);
        let d = Diagnostic::new(Code::R0403, message, span, "before a required module")
            .with_secondary(profile.require_span, required)
            .with_help(format!("move {what} after the questions of the required modules"));
        out.push(d);
    }
    out
}

/// The required module of the first required question at or after `position`.
fn next_required<'a>(layout: &Layout<'a>, position: usize) -> Option<&'a str> {
    layout
        .placements
        .iter()
        .skip(position)
        .find_map(|p| match p.source {
            Source::Module {
                module,
                required: Some(_),
                ..
            } => Some(module),
            _ => None,
        })
}
