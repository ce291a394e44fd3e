//! Conformance stage: a lowered survey against the standard profile it names (docs/language.md §8),
//! rules R0401-R0408 and R0301 for the standard's languages. Reads only the IR and a
//! [`StandardSpec`]; one rule per file, each pointing at the survey line (primary label) and
//! at the standard's line that requires it (secondary label). The rules run from the table
//! [`RULES`].

mod channels;
mod duration;
mod expr_text;
mod extra;
mod kinds;
mod languages;
mod layout;
mod locked;
mod locked_diff;
mod personal;
mod required_modules;
mod rules;
mod spec;
#[cfg(test)]
pub(crate) mod testing;
#[cfg(test)]
mod tests;

pub use expr_text::expr_to_source;
pub use layout::{Layout, Placement, Source};
pub use rules::{Rule, RULES};
pub use spec::{ProfileSpec, StandardSpec, SurveySpans};

use crate::diagnostics::Diagnostic;
use crate::ir;
use crate::source::Span;

/// Prove that `survey` conforms to `standard`'s profile `survey.conforms.profile`.
/// Unknown standard, version or profile (R0406) is found by the caller, which has the names;
/// when the profile is unknown here, only the rules that need no profile run.
pub fn check_conformance(
    survey: &ir::Survey,
    spans: &SurveySpans,
    standard: &StandardSpec,
) -> Vec<Diagnostic> {
    let profile = survey
        .conforms
        .as_ref()
        .and_then(|c| standard.profile(&c.profile));
    let layout = profile.map(|p| Layout::new(survey, standard, p));
    let cx = Cx {
        survey,
        spans,
        standard,
        profile,
        layout,
    };
    let mut out = Vec::new();
    for rule in RULES {
        (rule.run)(&cx, &mut out);
    }
    out
}

/// What every rule reads.
pub(crate) struct Cx<'a> {
    pub survey: &'a ir::Survey,
    pub spans: &'a SurveySpans,
    pub standard: &'a StandardSpec,
    pub profile: Option<&'a ProfileSpec>,
    pub layout: Option<Layout<'a>>,
}

impl Cx<'_> {
    /// `istat.cx 2024.1`, as messages name the standard.
    pub fn standard_name(&self) -> String {
        format!("{} {}", self.standard.name, self.standard.version)
    }

    /// `span`, or the survey's name when the statement was not written (`Span::default()`).
    pub fn or_name(&self, span: Span) -> Span {
        if span == Span::default() {
            self.spans.name
        } else {
            span
        }
    }

    /// Where the survey says it conforms (its name when absent).
    pub fn conforms_span(&self) -> Span {
        self.or_name(self.spans.conforms)
    }

    /// The `use` line of a module (`istat.cx.core`), if the survey has one.
    pub fn use_span(&self, module: &str) -> Option<Span> {
        self.spans
            .uses
            .iter()
            .find(|(name, _)| name == module)
            .map(|(_, span)| *span)
    }

    /// Where a question stands in the survey: the `use` line that brought it in, else its own
    /// definition when the survey's file holds it, else the `conforms` line.
    pub fn question_span(&self, question: &ir::Question) -> Span {
        if let Some(span) = question.module.as_deref().and_then(|m| self.use_span(m)) {
            return span;
        }
        let in_survey = self.spans.name != Span::default() && question.span.file == self.spans.name.file;
        if in_survey {
            question.span
        } else {
            self.conforms_span()
        }
    }

    /// The full name of one of the standard's modules: `istat.cx.core`.
    pub fn module_name(&self, module: &str) -> String {
        format!("{}.{}", self.standard.package, module)
    }
}

/// `a, b and c`
pub(crate) fn list_words<S: AsRef<str>>(items: &[S]) -> String {
    match items {
        [] => String::new(),
        [one] => one.as_ref().to_owned(),
        [init @ .., last] => {
            let init: Vec<&str> = init.iter().map(AsRef::as_ref).collect();
            format!("{} and {}", init.join(", "), last.as_ref())
        }
    }
}

/// `` `a`, `b` and `c` ``
pub(crate) fn list_ticked<S: AsRef<str>>(items: &[S]) -> String {
    let ticked: Vec<String> = items.iter().map(|s| format!("`{}`", s.as_ref())).collect();
    list_words(&ticked)
}
