//! Resolve stage: imports, packages (stdlib and `--lib`), names and types -> a survey database.

use crate::diagnostics::Diagnostics;
use crate::source::SourceMap;
use crate::{Input, LibPackage};

/// Everything resolved: packages, items, names. Later stages read it and cannot fail on it.
#[derive(Debug, Default)]
pub struct Db {}

pub fn resolve(inputs: &[Input], libs: &[LibPackage], sources: &mut SourceMap, sink: &mut Diagnostics) -> Db {
    let _ = (inputs, libs, sources, sink);
    Db::default()
}
