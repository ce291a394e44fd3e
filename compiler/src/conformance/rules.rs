//! The rules of the conformance stage, one row each: the file and the codes it gives.
//! A new rule is a file, its `mod` line in `mod.rs` and a row here; `tests/house/rules.rs`
//! fails when a file that gives a code has no row, or its codes differ from the row's.

use super::*;
use crate::diagnostics::{Code, Diagnostic};

/// One rule of the conformance stage.
pub struct Rule {
    /// The file under `compiler/src/conformance/`, without `.rs`.
    pub module: &'static str,
    /// Every code the rule can give.
    pub codes: &'static [Code],
    pub(crate) run: fn(&Cx, &mut Vec<Diagnostic>),
}

const fn rule(module: &'static str, codes: &'static [Code], run: fn(&Cx, &mut Vec<Diagnostic>)) -> Rule {
    Rule { module, codes, run }
}

/// Every rule of the conformance stage, in the order they run; the rules about the profile
/// (`required_modules`, `locked`, `extra`, `kinds`) do nothing when it is unknown.
pub const RULES: &[Rule] = &[
    rule("languages", &[Code::R0301], languages::check),
    rule("channels", &[Code::R0407], channels::check),
    rule("personal", &[Code::R0404], personal::check),
    rule("duration", &[Code::R0408], duration::check),
    rule("required_modules", &[Code::R0401], required_modules::check),
    rule("locked", &[Code::R0402], locked::check),
    rule("extra", &[Code::R0403], extra::check),
    rule("kinds", &[Code::R0405], kinds::check),
];
