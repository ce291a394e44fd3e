//! Resolve stage, right after parsing: conditions nested too deeply are removed (R0001).
//! The parser bounds `(` and `not`, but a chain of thousands of `or` is as deep as it is
//! long, and every later pass (and the tree's own clone and drop) recurses on it. Deep
//! conditions are measured and dropped without recursion, so no input can exhaust the stack.

use crate::diagnostics::{Code, Diagnostic, Diagnostics};
use crate::syntax::ast;
use std::sync::Arc;

/// Deepest condition kept: far beyond any real survey's routing.
pub const MAX_DEPTH: usize = 256;

/// Remove every `show if` and `check` of `file` deeper than [`MAX_DEPTH`], reporting each.
pub fn limit_depth(file: &mut ast::File, sink: &mut Diagnostics) {
    for item in &mut file.items {
        match item {
            ast::Item::Module(m) => limit_body(&mut m.body, sink),
            ast::Item::Survey(s) => limit_body(&mut Arc::make_mut(s).body, sink),
            _ => {}
        }
    }
}

fn limit_body(body: &mut Vec<ast::BodyItem>, sink: &mut Diagnostics) {
    let mut kept = Vec::with_capacity(body.len());
    for mut item in std::mem::take(body) {
        match &mut item {
            ast::BodyItem::Section(s) => limit_body(&mut s.body, sink),
            ast::BodyItem::Question(q) => limit_properties(&mut Arc::make_mut(q).properties, sink),
            ast::BodyItem::Check(c) if depth(&c.condition) > MAX_DEPTH => {
                sink.push(too_deep(&c.condition));
                if let ast::BodyItem::Check(c) = item {
                    drop_expr(c.condition);
                }
                continue;
            }
            _ => {}
        }
        kept.push(item);
    }
    *body = kept;
}

fn limit_properties(properties: &mut Vec<ast::Property>, sink: &mut Diagnostics) {
    let is_too_deep = |p: &ast::Property| matches!(p, ast::Property::ShowIf(e) if depth(e) > MAX_DEPTH);
    if !properties.iter().any(is_too_deep) {
        return;
    }
    let mut kept = Vec::with_capacity(properties.len());
    for p in std::mem::take(properties) {
        match p {
            ast::Property::ShowIf(e) if depth(&e) > MAX_DEPTH => {
                sink.push(too_deep(&e));
                drop_expr(e);
            }
            other => kept.push(other),
        }
    }
    *properties = kept;
}

fn too_deep(e: &ast::Expr) -> Diagnostic {
    Diagnostic::new(
        Code::R0001,
        format!("this condition is nested more than {MAX_DEPTH} levels deep"),
        e.span,
        "too deep to check",
    )
    .with_help("split it, or test several codes at once with `question in [1, 2, 3]`")
}

/// The depth of an expression, measured without recursion.
pub fn depth(e: &ast::Expr) -> usize {
    let mut deepest = 0;
    let mut stack = vec![(e, 1usize)];
    while let Some((e, d)) = stack.pop() {
        deepest = deepest.max(d);
        match &e.kind {
            ast::ExprKind::Or(a, b) | ast::ExprKind::And(a, b) => {
                stack.push((a, d + 1));
                stack.push((b, d + 1));
            }
            ast::ExprKind::Not(a) | ast::ExprKind::Paren(a) => stack.push((a, d + 1)),
            _ => {}
        }
    }
    deepest
}

/// Drop an expression without recursion (the derived drop would recurse once per level).
fn drop_expr(e: ast::Expr) {
    let mut stack = vec![e];
    while let Some(e) = stack.pop() {
        match e.kind {
            ast::ExprKind::Or(a, b) | ast::ExprKind::And(a, b) => {
                stack.push(*a);
                stack.push(*b);
            }
            ast::ExprKind::Not(a) | ast::ExprKind::Paren(a) => stack.push(*a),
            _ => {}
        }
    }
}

#[cfg(test)]
mod tests {
    use crate::{compile, Input};

    #[test]
    fn a_condition_of_twenty_thousand_terms_is_reported_not_a_crash() {
        let terms = vec!["soddisfazione = 1"; 20_000].join(" or ");
        let src = format!(
            "import istat.cx\nsurvey a.b {{\n  version 1.0.0\n  title \"T\" en \"T\"\n  languages it en\n  \
             use istat.cx.core\n  question q: yesno {{\n    \"Q?\" en \"Q?\"\n    show if {terms}\n  }}\n}}\n"
        );
        let input = Input {
            name: "deep.rileva".to_owned(),
            bytes: src.into_bytes(),
        };
        // A thread with a small stack, like the test harness's.
        let c = std::thread::Builder::new()
            .stack_size(2 * 1024 * 1024)
            .spawn(move || compile(&[input], &[]))
            .expect("spawn")
            .join()
            .expect("no stack overflow");
        let codes: Vec<&str> = c.diagnostics.iter().map(|d| d.code.as_str()).collect();
        assert_eq!(codes, ["R0001"], "{:?}", c.diagnostics);
    }
}
