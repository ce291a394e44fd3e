//! Which codes of an ordinal question count as positive: those its scale names with
//! `positive CODE...`, else the default (the top ⌊k/2⌋ non-missing codes).
//! The one place the report decides it, so the IR's `positive` field plugs in here.

use super::stats::default_positive;
use rileva_compiler::ir;

/// The positive codes of `q`, sorted.
pub fn positive_codes(q: &ir::Question) -> Vec<i64> {
    let non_missing: Vec<i64> = q.codes.iter().filter(|c| !c.missing).map(|c| c.value).collect();
    default_positive(&non_missing)
}
