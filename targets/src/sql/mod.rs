//! SQL target: response and codebook tables for PostgreSQL and SQLite.

use crate::OutputFile;
use rileva_compiler::ir;

pub fn emit(survey: &ir::Survey) -> Vec<OutputFile> {
    let _ = survey;
    Vec::new()
}
