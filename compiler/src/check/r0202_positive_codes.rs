//! R0202 for `positive CODE...` in a scale (docs/language.md §3, Positive codes): every
//! positive code must be a non-missing code of the scale, and since a scale is ordinal (a
//! higher code is a more positive answer) the positive codes must be its highest
//! non-missing codes, leaving at least one below them; a code listed twice is R0102. Judged once per scale of the input
//! files, whichever questions use it.

use crate::diagnostics::{Code, Diagnostic, Diagnostics};
use crate::resolve::model::ListDef;
use crate::resolve::Db;
use crate::syntax::ast;
use std::collections::BTreeSet;

pub fn check_items(db: &Db, sink: &mut Diagnostics) {
    for list in db.lists.iter().filter(|l| db.is_input(l.file)) {
        if let Some(positive) = &list.ast.positive {
            check_list(list, positive, sink);
        }
    }
}

fn check_list(list: &ListDef, positive: &ast::Positive, sink: &mut Diagnostics) {
    let name = &list.name;
    let scored: Vec<i64> = {
        let mut v: Vec<i64> = list
            .ast
            .codes
            .iter()
            .filter(|c| !c.missing)
            .map(|c| c.code.value)
            .collect();
        v.sort_unstable();
        v.dedup();
        v
    };
    let shown = |codes: &[i64]| codes.iter().map(i64::to_string).collect::<Vec<_>>().join(" ");
    let mut kept = BTreeSet::new();
    let mut sound = true;
    for code in &positive.codes {
        let def = list.ast.codes.iter().find(|c| c.code.value == code.value);
        let problem = match def {
            _ if kept.contains(&code.value) => {
                sink.push(
                    Diagnostic::new(
                        Code::R0102,
                        format!("code {} is listed twice in `positive` of `{name}`", code.value),
                        code.span,
                        "listed again here",
                    )
                    .with_help("list each positive code once"),
                );
                continue;
            }
            None => Some((
                format!("code {} is not a code of the scale `{name}`", code.value),
                "no such code in this scale".to_owned(),
                format!("the scale's non-missing codes are {}", shown(&scored)),
            )),
            Some(d) if d.missing => Some((
                format!(
                    "code {} of `{name}` is a missing code: it cannot count as positive",
                    code.value
                ),
                "a missing code is left out of indicators".to_owned(),
                "list only answers on the scale; missing codes are never counted".to_owned(),
            )),
            Some(_) => None,
        };
        match problem {
            Some((message, label, help)) => {
                sound = false;
                sink.push(Diagnostic::new(Code::R0202, message, code.span, label).with_help(help));
            }
            None => {
                kept.insert(code.value);
            }
        }
    }
    if !sound || kept.is_empty() {
        return;
    }
    let lowest = kept.first().copied().unwrap_or_default();
    let top: Vec<i64> = scored.iter().copied().filter(|v| *v >= lowest).collect();
    if let Some(gap) = top.iter().find(|v| !kept.contains(v)) {
        sink.push(
            Diagnostic::new(
                Code::R0202,
                format!(
                    "positive codes of `{name}` must be its highest codes: {gap} is above {lowest} but not positive"
                ),
                positive.span,
                format!("{gap} is not listed here"),
            )
            .with_help(format!(
                "a higher code is a more positive answer: write `positive {}`",
                shown(&top)
            )),
        );
    } else if top.len() == scored.len() {
        sink.push(
            Diagnostic::new(
                Code::R0202,
                format!("`positive` names every code of `{name}`: every answer would count as positive"),
                positive.span,
                "no answer is left below the positive ones",
            )
            .with_help(format!(
                "leave out the lower codes, e.g. `positive {}`",
                shown(&scored[scored.len().saturating_sub((scored.len() / 2).max(1))..])
            )),
        );
    }
}

#[cfg(test)]
mod tests {
    use crate::check::testing::with_code;

    fn scale(positive: &str) -> String {
        format!(
            "scale s {{\n  1 \"Male\"\n  2 \"Così\"\n  3 \"Bene\"\n  4 \"Ottimo\"\n  missing 9 \"Non so\"\n  {positive}\n}}\n"
        )
    }

    #[test]
    fn the_highest_codes_may_be_positive() {
        assert!(with_code(&scale("positive 3 4"), "R0202").is_empty());
        assert!(with_code(&scale("positive 4"), "R0202").is_empty());
    }

    #[test]
    fn unknown_missing_and_gapped_codes_are_r0202() {
        let found = with_code(&scale("positive 4 7 9"), "R0202");
        let messages: Vec<&str> = found.iter().map(|d| d.message.as_str()).collect();
        assert_eq!(
            messages,
            [
                "code 7 is not a code of the scale `s`",
                "code 9 of `s` is a missing code: it cannot count as positive"
            ]
        );
        let gap = with_code(&scale("positive 2 4"), "R0202");
        assert_eq!(gap.len(), 1, "{gap:?}");
        assert_eq!(
            gap[0].message,
            "positive codes of `s` must be its highest codes: 3 is above 2 but not positive"
        );
        assert_eq!(
            gap[0].help.as_deref(),
            Some("a higher code is a more positive answer: write `positive 2 3 4`")
        );
        let all = with_code(&scale("positive 1 2 3 4"), "R0202");
        assert_eq!(all.len(), 1, "{all:?}");
        assert_eq!(
            all[0].help.as_deref(),
            Some("leave out the lower codes, e.g. `positive 3 4`")
        );
    }

    #[test]
    fn a_code_listed_twice_is_r0102() {
        let found = with_code(&scale("positive 4 4"), "R0102");
        assert_eq!(found.len(), 1, "{found:?}");
    }
}
