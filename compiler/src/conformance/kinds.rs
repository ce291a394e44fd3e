//! Conformance rule 6, R0405: the survey's service kind and PA kind are listed by the profile
//! (`any` lists all). A conforming survey must name both: results are compared per kind.

use super::spec::ProfileSpec;
use super::{list_ticked, Cx};
use crate::diagnostics::{Code, Diagnostic};
use crate::source::Span;

/// One of the two kinds: what differs between service and PA kinds.
struct Kind<'a> {
    /// `service` or `PA`
    what: &'static str,
    /// The statement that names it: `service` or `agency`.
    statement: &'static str,
    /// The survey's kind, if written.
    value: Option<&'a str>,
    /// Whether the statement itself is written.
    has_statement: bool,
    span: Span,
    listed: Option<&'a [String]>,
    listed_span: Span,
}

pub(crate) fn check(cx: &Cx, out: &mut Vec<Diagnostic>) {
    let Some(profile) = cx.profile else {
        return; // no profile to compare with: R0406 was given
    };
    let service = Kind {
        what: "service",
        statement: "service",
        value: cx.survey.service.as_ref().and_then(|s| s.kind.as_deref()),
        has_statement: cx.survey.service.is_some(),
        span: cx.spans.service_kind,
        listed: profile.service_kinds.as_deref(),
        listed_span: profile.service_kinds_span,
    };
    let pa = Kind {
        what: "PA",
        statement: "agency",
        value: cx.survey.agency.as_ref().and_then(|a| a.kind.as_deref()),
        has_statement: cx.survey.agency.is_some(),
        span: cx.spans.agency_kind,
        listed: profile.pa_kinds.as_deref(),
        listed_span: profile.pa_kinds_span,
    };
    for kind in [service, pa] {
        out.extend(check_kind(cx, profile, &kind));
    }
}

fn check_kind(cx: &Cx, profile: &ProfileSpec, kind: &Kind) -> Option<Diagnostic> {
    let covered = kind.listed.map_or("any".to_owned(), list_ticked);
    let secondary = format!(
        "profile `{}` covers {} kinds {covered} here",
        profile.name, kind.what
    );
    let Some(value) = kind.value else {
        return Some(missing(cx, profile, kind, secondary));
    };
    let listed = kind.listed?;
    if listed.iter().any(|k| k == value) {
        return None;
    }
    let message = format!(
        "{} kind `{value}` is not covered by profile `{}` of {}",
        kind.what,
        profile.name,
        cx.standard_name()
    );
    let other = cx.standard.profiles.iter().find(|p| {
        let lists = if kind.what == "service" {
            &p.service_kinds
        } else {
            &p.pa_kinds
        };
        lists.as_ref().map_or(true, |l| l.iter().any(|k| k == value))
    });
    let help = match other {
        Some(p) if kind.what == "service" && p.name != profile.name => format!(
            "profile `{}` covers `{value}`: write `conforms {} {} profile {}`, or correct the kind",
            p.name, cx.standard.name, cx.standard.version, p.name
        ),
        _ => format!("the profile covers {covered}: correct the kind, or conform to another profile"),
    };
    Some(
        Diagnostic::new(
            Code::R0405,
            message,
            cx.or_name(kind.span),
            "not covered by the profile",
        )
        .with_secondary(kind.listed_span, secondary)
        .with_help(help),
    )
}

fn missing(cx: &Cx, profile: &ProfileSpec, kind: &Kind, secondary: String) -> Diagnostic {
    let message = format!(
        "the survey names no {} kind, but profile `{}` of {} is defined per {} kind",
        kind.what,
        profile.name,
        cx.standard_name(),
        kind.what
    );
    let example = kind.listed.and_then(|l| l.first()).map_or("...", String::as_str);
    let (span, label) = if kind.has_statement && kind.span != Span::default() {
        (kind.span, format!("`{}` without a kind", kind.statement))
    } else {
        (cx.conforms_span(), "conforms to this profile".to_owned())
    };
    let help = if kind.has_statement {
        format!("add the kind: `{} \"...\" kind {example}`", kind.statement)
    } else {
        format!(
            "add `{} \"...\" kind {example}` to the survey's header",
            kind.statement
        )
    };
    Diagnostic::new(Code::R0405, message, span, label)
        .with_secondary(kind.listed_span, secondary)
        .with_help(help)
}
