//! JSON Schema target: the draft 2020-12 schema of one response, built as a value.

use crate::OutputFile;
use rileva_compiler::ir;

pub fn emit(survey: &ir::Survey) -> Vec<OutputFile> {
    let _ = survey;
    Vec::new()
}
