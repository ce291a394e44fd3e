//! Conditions in words, the walk the web form (`html/words.rs`) and the document
//! (`doc/words.rs`) share; each says the leaves in its own words ([`Leaves`]).
//!
//! The words follow `ir::Expr` exactly: a negation is pushed down to the comparisons (De
//! Morgan: "not (A or B)" is said "not A and not B"), an operand joined the other way is put
//! in parentheses, and a comparison on a coded question is said as the set of codes that
//! satisfy it ([`satisfying`]: an ordering comparison never matches a missing code).

use rileva_compiler::ir::{CmpOp, Code, Expr, Question};

/// How operands are joined.
#[derive(Clone, Copy, PartialEq, Eq)]
pub enum Joint {
    And,
    Or,
}

/// What a target says for each leaf of a condition, negated or not, written at the end of
/// `out`.
pub trait Leaves {
    /// The word between operands joined by `joint`.
    fn joint(&self, joint: Joint) -> &str;
    /// `question cmp value`.
    fn compare(&self, out: &mut String, question: &str, cmp: CmpOp, value: i64, negated: bool);
    /// `question in (values)`.
    fn one_of(&self, out: &mut String, question: &str, values: &[i64], negated: bool);
    /// `question has code` (a multiple choice).
    fn has(&self, out: &mut String, question: &str, code: i64, negated: bool);
    /// `answered(question)`.
    fn answered(&self, out: &mut String, question: &str, negated: bool);
}

/// The clause of `expr`, without the sentence around it, written at the end of `out`.
pub fn clause_into(leaves: &impl Leaves, out: &mut String, expr: &Expr) {
    walk(leaves, out, expr, false);
}

/// The joint at the top of the clause for `expr` (negated when `negated`), if any: an
/// operand joined the other way is put in parentheses.
fn top(expr: &Expr, negated: bool) -> Option<Joint> {
    match expr {
        Expr::Or { operands } | Expr::And { operands } if operands.len() == 1 => None,
        Expr::Or { .. } => Some(flip(Joint::Or, negated)),
        Expr::And { .. } => Some(flip(Joint::And, negated)),
        Expr::Not { operand } => top(operand, !negated),
        Expr::Compare { .. } | Expr::In { .. } | Expr::Has { .. } | Expr::Answered { .. } => None,
    }
}

/// The joint of negated operands (De Morgan).
fn flip(joint: Joint, negated: bool) -> Joint {
    match (joint, negated) {
        (Joint::And, true) => Joint::Or,
        (Joint::Or, true) => Joint::And,
        (joint, false) => joint,
    }
}

/// Write the clause for `expr`, negated when `negated`.
fn walk(leaves: &impl Leaves, out: &mut String, expr: &Expr, negated: bool) {
    match expr {
        Expr::Or { operands } => joined(leaves, out, operands, negated, flip(Joint::Or, negated)),
        Expr::And { operands } => joined(leaves, out, operands, negated, flip(Joint::And, negated)),
        Expr::Not { operand } => walk(leaves, out, operand, !negated),
        Expr::Compare { question, cmp, value } => leaves.compare(out, question, *cmp, *value, negated),
        Expr::In { question, values } => leaves.one_of(out, question, values, negated),
        Expr::Has { question, code } => leaves.has(out, question, *code, negated),
        Expr::Answered { question } => leaves.answered(out, question, negated),
    }
}

fn joined(leaves: &impl Leaves, out: &mut String, operands: &[Expr], negated: bool, joint: Joint) {
    let word = leaves.joint(joint);
    for (i, operand) in operands.iter().enumerate() {
        if i > 0 {
            out.push(' ');
            out.push_str(word);
            out.push(' ');
        }
        if top(operand, negated).is_some_and(|inner| inner != joint) {
            out.push('(');
            walk(leaves, out, operand, negated);
            out.push(')');
        } else {
            walk(leaves, out, operand, negated);
        }
    }
}

/// The codes of a coded question for which `answer cmp value` holds; an ordering
/// comparison never matches a missing code.
pub fn satisfying(question: &Question, cmp: CmpOp, value: i64) -> Vec<&Code> {
    question
        .codes
        .iter()
        .filter(|c| match cmp {
            CmpOp::Eq | CmpOp::Ne => cmp.holds(c.value, value),
            _ => !c.missing && cmp.holds(c.value, value),
        })
        .collect()
}

/// The codes of `question` among `values`, in the question's order.
pub fn among<'q>(question: &'q Question, values: &[i64]) -> Vec<&'q Code> {
    question
        .codes
        .iter()
        .filter(|c| values.contains(&c.value))
        .collect()
}

/// The index of `cmp` in a target's six number phrases: `=`, `!=`, `<`, `<=`, `>`, `>=`.
pub fn number_index(cmp: CmpOp) -> usize {
    match cmp {
        CmpOp::Eq => 0,
        CmpOp::Ne => 1,
        CmpOp::Lt => 2,
        CmpOp::Le => 3,
        CmpOp::Gt => 4,
        CmpOp::Ge => 5,
    }
}

/// "A, B or C" with the language's `or`; a dash for none.
pub fn or_list(items: &[String], or: &str) -> String {
    let mut out = String::new();
    or_list_into(&mut out, items, or, |out, item| out.push_str(item));
    out
}

/// [`or_list`] of `items`, each written by `say`, at the end of `out`.
pub fn or_list_into<T>(out: &mut String, items: &[T], or: &str, mut say: impl FnMut(&mut String, &T)) {
    match items {
        [] => out.push('—'),
        [only] => say(out, only),
        [init @ .., last] => {
            for (i, item) in init.iter().enumerate() {
                if i > 0 {
                    out.push_str(", ");
                }
                say(out, item);
            }
            out.push(' ');
            out.push_str(or);
            out.push(' ');
            say(out, last);
        }
    }
}

/// `text` between the language's quotes, appended to `out`.
pub fn quote_into(out: &mut String, open: &str, text: &str, close: &str) {
    out.reserve(open.len() + text.len() + close.len());
    out.push_str(open);
    out.push_str(text);
    out.push_str(close);
}

/// Replace each `{name}` of `template` by its value, in one pass: a value that itself holds
/// braces (a wording or a label written `{a}`) is never filled again. Unknown names stay as
/// they are.
pub fn fill(template: &str, values: &[(&str, &str)]) -> String {
    let mut out = String::with_capacity(template.len());
    fill_with(&mut out, template, |out, name| {
        match values.iter().find(|(n, _)| *n == name) {
            Some((_, value)) => {
                out.push_str(value);
                true
            }
            None => false,
        }
    });
    out
}

/// [`fill`] at the end of `out`, each value written by `value(out, name)`, which says
/// whether it knows the name (and writes nothing when it does not).
pub fn fill_with(out: &mut String, template: &str, mut value: impl FnMut(&mut String, &str) -> bool) {
    let mut rest = template;
    while let Some(open) = rest.find('{') {
        out.push_str(&rest[..open]);
        let after = &rest[open + 1..];
        match after.find('}') {
            Some(close) if value(out, &after[..close]) => rest = &after[close + 1..],
            _ => {
                out.push('{');
                rest = after;
            }
        }
    }
    out.push_str(rest);
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn or_lists_join_with_commas_and_the_last_or() {
        let items = |n: usize| (1..=n).map(|i| i.to_string()).collect::<Vec<_>>();
        assert_eq!(or_list(&items(0), "o"), "—");
        assert_eq!(or_list(&items(1), "o"), "1");
        assert_eq!(or_list(&items(2), "o"), "1 o 2");
        assert_eq!(or_list(&items(4), "o"), "1, 2, 3 o 4");
        let mut quoted = String::from("> ");
        or_list_into(&mut quoted, &items(3), "or", |out, i| {
            quote_into(out, "«", i, "»")
        });
        assert_eq!(quoted, "> «1», «2» or «3»");
    }

    #[test]
    fn fill_replaces_once_and_keeps_unknown_braces() {
        let text = fill("{q} is {a} {x}", &[("q", "“{a}”"), ("a", "1")]);
        assert_eq!(text, "“{a}” is 1 {x}");
    }
}
