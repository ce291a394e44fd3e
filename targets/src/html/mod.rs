//! HTML target: the accessible web form, one self-contained page per language.

use crate::{Options, OutputFile};
use rileva_compiler::ir;

pub fn emit(survey: &ir::Survey, options: &Options) -> Vec<OutputFile> {
    let _ = (survey, options);
    Vec::new()
}
