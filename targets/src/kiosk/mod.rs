//! Kiosk target: the counter touch-screen layout, its offline page and SVG previews.

use crate::{Options, OutputFile};
use rileva_compiler::diagnostics::Diagnostic;
use rileva_compiler::ir;

pub fn validate(survey: &ir::Survey) -> Vec<Diagnostic> {
    let _ = survey;
    Vec::new()
}

pub fn emit(survey: &ir::Survey, options: &Options) -> Vec<OutputFile> {
    let _ = (survey, options);
    Vec::new()
}

/// The JSON Schema of `layout.json` (`rileva schema kiosk-layout`).
pub fn layout_schema() -> schemars::schema::RootSchema {
    schemars::schema::RootSchema::default()
}
