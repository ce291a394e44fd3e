//! Conformance stage helper for R0402: what changed between a standard's question and the
//! survey's, each change one sentence ("code 9 removed", "`required` dropped").

use super::expr_text::expr_to_source;
use crate::diff::words::{quote, renamed};
use crate::ir::{Channel, Code, Expr, Question, Text};

/// What the comparison needs beyond the two questions.
pub(crate) struct DiffScope<'a> {
    /// The standard's languages: only texts in these are compared (a survey may add others).
    pub languages: &'a [String],
    pub standard_channels: &'a [Channel],
    pub survey_channels: &'a [Channel],
    /// Reproduced questions the survey renamed: (survey id, standard id). Routing that names
    /// a renamed question is compared under the standard's id: the rename is reported once.
    pub renamed: &'a [(&'a str, &'a str)],
}

/// Every difference of `altered` from `original`, in a fixed order.
pub(crate) fn changes(original: &Question, altered: &Question, scope: &DiffScope) -> Vec<String> {
    let mut out = Vec::new();
    if original.id != altered.id {
        out.push(format!("id changed from `{}` to `{}`", original.id, altered.id));
    }
    if original.kind != altered.kind {
        out.push(format!(
            "type changed from `{}` to `{}`",
            original.kind.as_str(),
            altered.kind.as_str()
        ));
    }
    texts("wording", &original.wording, &altered.wording, scope, &mut out);
    help(original.help.as_ref(), altered.help.as_ref(), scope, &mut out);
    flag("required", original.required, altered.required, &mut out);
    let standard_id = |q: &str| {
        let found = scope.renamed.iter().find(|(survey, _)| *survey == q);
        found.map_or_else(|| q.to_owned(), |(_, standard)| (*standard).to_owned())
    };
    let show_if = altered.show_if.as_ref().map(|e| renamed(e, &standard_id));
    routing(original.show_if.as_ref(), show_if.as_ref(), &mut out);
    codes(&original.codes, &altered.codes, scope, &mut out);
    if original.positive_codes != altered.positive_codes {
        let show = |codes: &[i64]| codes.iter().map(i64::to_string).collect::<Vec<_>>().join(" ");
        out.push(format!(
            "positive codes changed from {} to {}",
            show(&original.positive_codes),
            show(&altered.positive_codes)
        ));
    }
    bound("min", original.min_picks, altered.min_picks, &mut out);
    bound("max", original.max_picks, altered.max_picks, &mut out);
    if original.range != altered.range {
        let show =
            |r: Option<crate::ir::Range>| r.map_or("none".to_owned(), |r| format!("{}..{}", r.min, r.max));
        out.push(format!(
            "range changed from {} to {}",
            show(original.range),
            show(altered.range)
        ));
    }
    bound("text max", original.max_length, altered.max_length, &mut out);
    channels(original, altered, scope, &mut out);
    flag("personal", original.personal, altered.personal, &mut out);
    out
}

/// Texts compared in each of the standard's languages that both sides have.
fn texts(what: &str, original: &Text, altered: &Text, scope: &DiffScope, out: &mut Vec<String>) {
    for language in scope.languages {
        let (Some(before), Some(after)) = (original.0.get(language), altered.0.get(language)) else {
            continue; // a text missing from the survey is R0301, found by the checker
        };
        if before != after {
            out.push(format!(
                "{what} in `{language}` changed from {} to {}",
                quote(before),
                quote(after)
            ));
        }
    }
}

/// The text in the first of the standard's languages it has, for "help added: «...»".
fn first_text<'t>(text: &'t Text, scope: &DiffScope) -> &'t str {
    scope
        .languages
        .iter()
        .find_map(|l| text.0.get(l))
        .or_else(|| text.0.values().next())
        .map_or("", String::as_str)
}

fn help(original: Option<&Text>, altered: Option<&Text>, scope: &DiffScope, out: &mut Vec<String>) {
    match (original, altered) {
        (Some(o), Some(a)) => texts("help", o, a, scope, out),
        (None, Some(a)) => out.push(format!("help added: {}", quote(first_text(a, scope)))),
        (Some(o), None) => out.push(format!("help removed (was {})", quote(first_text(o, scope)))),
        (None, None) => {}
    }
}

fn flag(name: &str, original: bool, altered: bool, out: &mut Vec<String>) {
    match (original, altered) {
        (true, false) => out.push(format!("`{name}` dropped")),
        (false, true) => out.push(format!("`{name}` added")),
        _ => {}
    }
}

fn routing(original: Option<&Expr>, altered: Option<&Expr>, out: &mut Vec<String>) {
    let show = |e: &Expr| format!("`show if {}`", expr_to_source(e));
    match (original, altered) {
        (Some(o), Some(a)) if o != a => out.push(format!("routing changed from {} to {}", show(o), show(a))),
        (None, Some(a)) => out.push(format!("routing added: {}", show(a))),
        (Some(o), None) => out.push(format!("routing removed (was {})", show(o))),
        _ => {}
    }
}

fn codes(original: &[Code], altered: &[Code], scope: &DiffScope, out: &mut Vec<String>) {
    for o in original {
        let Some(a) = altered.iter().find(|a| a.value == o.value) else {
            out.push(format!("code {} removed", o.value));
            continue;
        };
        texts(
            &format!("label of code {}", o.value),
            &o.label,
            &a.label,
            scope,
            out,
        );
        match (o.missing, a.missing) {
            (true, false) => out.push(format!("code {} is no longer a missing code", o.value)),
            (false, true) => out.push(format!("code {} became a missing code", o.value)),
            _ => {}
        }
        match (o.specify, a.specify) {
            (true, false) => out.push(format!("`specify` dropped from code {}", o.value)),
            (false, true) => out.push(format!("`specify` added to code {}", o.value)),
            _ => {}
        }
    }
    for a in altered
        .iter()
        .filter(|a| !original.iter().any(|o| o.value == a.value))
    {
        out.push(format!("code {} added", a.value));
    }
    let common = |list: &[Code], other: &[Code]| -> Vec<i64> {
        list.iter()
            .map(|c| c.value)
            .filter(|v| other.iter().any(|c| c.value == *v))
            .collect()
    };
    let (before, after) = (common(original, altered), common(altered, original));
    if before != after {
        let show = |v: &[i64]| v.iter().map(i64::to_string).collect::<Vec<_>>().join(" ");
        out.push(format!(
            "codes reordered from {} to {}",
            show(&before),
            show(&after)
        ));
    }
}

fn bound(name: &str, original: Option<u32>, altered: Option<u32>, out: &mut Vec<String>) {
    match (original, altered) {
        (Some(o), Some(a)) if o != a => out.push(format!("`{name}` changed from {o} to {a}")),
        (None, Some(a)) => out.push(format!("`{name} {a}` added")),
        (Some(o), None) => out.push(format!("`{name} {o}` dropped")),
        _ => {}
    }
}

/// Channels, judged only within the survey's and the standard's channels: a `use`d question
/// follows the survey's channels, and a channel the standard forbids is R0407.
fn channels(original: &Question, altered: &Question, scope: &DiffScope, out: &mut Vec<String>) {
    let or_all = |list: &[Channel], all: &[Channel]| {
        if list.is_empty() {
            all.to_vec()
        } else {
            list.to_vec()
        }
    };
    let original_on = or_all(&original.channels, scope.standard_channels);
    let altered_on = or_all(&altered.channels, scope.survey_channels);
    let within = |c: &Channel| scope.standard_channels.contains(c) && scope.survey_channels.contains(c);
    let expected: Vec<Channel> = Channel::ALL
        .into_iter()
        .filter(|c| original_on.contains(c) && within(c))
        .collect();
    let actual: Vec<Channel> = Channel::ALL
        .into_iter()
        .filter(|c| altered_on.contains(c) && within(c))
        .collect();
    if expected != actual {
        let show = |v: &[Channel]| v.iter().map(|c| c.as_str()).collect::<Vec<_>>().join(" ");
        out.push(format!(
            "channels changed from `{}` to `{}`",
            show(&expected),
            show(&actual)
        ));
    }
}
