//! What conformance reads: a standard lowered to plain data (with spans for "required here"
//! labels), and the spans of the survey's header statements.

use crate::ir;
use crate::source::Span;

/// A standard (`standard istat.cx { ... }`) with its modules lowered like survey questions.
#[derive(Debug, Clone)]
pub struct StandardSpec {
    /// `istat.cx`
    pub name: String,
    /// The package that holds this version, whose modules a survey `use`s: the standard's
    /// name, or another package for another version (`ente.cx_2026_1`, docs/versions.md).
    pub package: String,
    pub version: String,
    pub languages: Vec<String>,
    pub channels: Vec<ir::Channel>,
    pub anonymous: bool,
    pub max_minutes: Option<u32>,
    pub profiles: Vec<ProfileSpec>,
    /// Modules of the standard's package by name (`core`), each its questions in order.
    pub modules: Vec<(String, Vec<ir::Question>)>,
    /// The `standard` item's name, for labels.
    pub span: Span,
    pub version_span: Span,
    pub languages_span: Span,
    pub channels_span: Span,
    pub anonymous_span: Span,
    pub max_minutes_span: Span,
}

impl StandardSpec {
    pub fn profile(&self, name: &str) -> Option<&ProfileSpec> {
        self.profiles.iter().find(|p| p.name == name)
    }

    pub fn module(&self, name: &str) -> Option<&[ir::Question]> {
        self.modules
            .iter()
            .find(|(n, _)| n == name)
            .map(|(_, q)| q.as_slice())
    }
}

#[derive(Debug, Clone)]
pub struct ProfileSpec {
    pub name: String,
    /// `None`: `any`.
    pub service_kinds: Option<Vec<String>>,
    pub pa_kinds: Option<Vec<String>>,
    /// Module names, in the required order.
    pub require: Vec<String>,
    pub allow: Vec<String>,
    pub extra_max: Option<u32>,
    pub span: Span,
    pub service_kinds_span: Span,
    pub pa_kinds_span: Span,
    pub require_span: Span,
    pub extra_max_span: Span,
}

/// Where the survey wrote what conformance may point at (the `Span::default()` when absent:
/// then the survey's name is used).
#[derive(Debug, Clone, Default)]
pub struct SurveySpans {
    pub name: Span,
    pub conforms: Span,
    pub languages: Span,
    pub channels: Span,
    pub agency_kind: Span,
    pub service_kind: Span,
    /// `use` statements: module full name (`istat.cx.core`) and span.
    pub uses: Vec<(String, Span)>,
}
