//! Comparison stage, the survey's `check`s: matched by condition (old names read under their
//! new names when a question was renamed). A new condition may reject earlier responses.

use super::words::{condition, renamed, TextChange};
use super::{Changes, Context};
use crate::ir::Expr;

pub fn compare(cx: &Context, out: &mut Changes) {
    let rename = |id: &str| cx.renames.get(id).cloned().unwrap_or_else(|| id.to_owned());
    let old: Vec<Expr> = cx
        .old
        .checks
        .iter()
        .map(|c| renamed(&c.condition, &rename))
        .collect();
    let mut unmatched: Vec<usize> = (0..old.len()).collect();
    for check in &cx.new.checks {
        let found = unmatched
            .iter()
            .position(|&i| old.get(i) == Some(&check.condition));
        match found.map(|k| unmatched.remove(k)) {
            Some(i) => {
                let Some(before) = cx.old.checks.get(i) else {
                    continue;
                };
                if cx.text_change(&before.message, &check.message) != TextChange::Same {
                    out.compatible(
                        None,
                        format!("check {}: message changed", condition(&check.condition)),
                    );
                }
            }
            None => out.breaking(
                None,
                format!(
                    "check {} added: earlier responses may fail it",
                    condition(&check.condition)
                ),
            ),
        }
    }
    for i in unmatched {
        if let Some(expr) = old.get(i) {
            out.compatible(None, format!("check {} removed", condition(expr)));
        }
    }
}
