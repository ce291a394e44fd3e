//! Conformance stage: a lowered survey against the standard profile it names (language.md §7),
//! rules R0401-R0408. Reads only the IR and a [`StandardSpec`]; one rule per file.

mod spec;

pub use spec::{ProfileSpec, StandardSpec, SurveySpans};

use crate::diagnostics::Diagnostic;
use crate::ir;

/// Prove that `survey` conforms to `standard`'s profile `survey.conforms.profile`.
/// Unknown standard, version or profile (R0406) is found by the caller, which has the names.
pub fn check_conformance(
    survey: &ir::Survey,
    spans: &SurveySpans,
    standard: &StandardSpec,
) -> Vec<Diagnostic> {
    let _ = (survey, spans, standard);
    Vec::new()
}
