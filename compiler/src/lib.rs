//! rileva-compiler: questionnaire source text -> checked, target-neutral IR.
//!
//! The pipeline, one module per stage (see `ARCHITECTURE.md`): [`compile`] calls
//! [`resolve::resolve`] (which parses each file with [`syntax::parse`] as it loads it),
//! [`check::check`] and [`lower::lower`] (which runs [`conformance::check_conformance`] and
//! the [`estimate`] on each survey it lowers). Diagnostics from every stage go into one
//! sink. The compiler does no file I/O: the CLI hands it bytes.

pub mod catalog;
pub mod check;
pub mod conformance;
pub mod diagnostics;
pub mod diff;
pub mod estimate;
pub mod format;
pub mod ir;
pub mod ir_builder;
pub mod lower;
pub mod resolve;
pub mod response;
pub mod source;
pub mod stdlib;
pub mod syntax;

use diagnostics::{Diagnostic, Diagnostics};
use source::SourceMap;

/// A file the user asked to check or build.
#[derive(Debug, Clone)]
pub struct Input {
    /// The path as the user gave it, shown in diagnostics.
    pub name: String,
    pub bytes: Vec<u8>,
}

/// A package found in a `--lib` folder: `a/b.rileva` below the folder is package `a.b`.
#[derive(Debug, Clone)]
pub struct LibPackage {
    pub package: String,
    pub name: String,
    pub bytes: Vec<u8>,
}

/// What one survey of the inputs came to, even when it has errors.
#[derive(Debug, Clone)]
pub struct SurveySummary {
    pub id: String,
    pub file: source::FileId,
    /// Estimated completion time, when the survey got far enough to estimate it.
    pub estimated_seconds: Option<u32>,
}

/// The result of compiling a set of inputs.
#[derive(Debug, Clone)]
pub struct Compilation {
    pub sources: SourceMap,
    /// Every diagnostic of every stage, sorted by file and position.
    pub diagnostics: Vec<Diagnostic>,
    pub summaries: Vec<SurveySummary>,
    /// The checked surveys; empty when any error was found.
    pub surveys: Vec<ir::Survey>,
    /// The standards the input files define, lowered (`rileva diff` of two versions of a
    /// standard compares their locked questions); empty when any error was found.
    pub standards: Vec<conformance::StandardSpec>,
}

impl Compilation {
    pub fn has_errors(&self) -> bool {
        self.diagnostics.iter().any(Diagnostic::is_error)
    }
}

/// Run every stage on the inputs. Never panics; every problem becomes a diagnostic.
pub fn compile(inputs: &[Input], libs: &[LibPackage]) -> Compilation {
    let mut sources = SourceMap::default();
    let mut sink = Diagnostics::default();
    let mut db = resolve::resolve(inputs, libs, &mut sources, &mut sink);
    check::check(&db, &sources, &mut sink);
    let surveys = std::mem::take(&mut db.surveys);
    let lowered = lower::lower(&db, surveys, &mut sink);
    let summaries = lowered.summaries.clone();
    let (surveys, standards) = if sink.has_errors() {
        (Vec::new(), Vec::new())
    } else {
        (lowered.surveys, lower::input_standards(&db))
    };
    Compilation {
        sources,
        diagnostics: sink.into_sorted(),
        summaries,
        surveys,
        standards,
    }
}
