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

/// What a target says for each leaf of a condition, negated or not.
pub trait Leaves {
    /// The word between operands joined by `joint`.
    fn joint(&self, joint: Joint) -> &str;
    /// `question cmp value`.
    fn compare(&self, question: &str, cmp: CmpOp, value: i64, negated: bool) -> String;
    /// `question in (values)`.
    fn one_of(&self, question: &str, values: &[i64], negated: bool) -> String;
    /// `question has code` (a multiple choice).
    fn has(&self, question: &str, code: i64, negated: bool) -> String;
    /// `answered(question)`.
    fn answered(&self, question: &str, negated: bool) -> String;
}

/// The clause of `expr`, without the sentence around it.
pub fn clause(leaves: &impl Leaves, expr: &Expr) -> String {
    walk(leaves, expr, false).0
}

/// The clause for `expr` (negated when `negated`), and the joint at its top, if any.
fn walk(leaves: &impl Leaves, expr: &Expr, negated: bool) -> (String, Option<Joint>) {
    let flip = |joint| match (joint, negated) {
        (Joint::And, true) => Joint::Or,
        (Joint::Or, true) => Joint::And,
        (joint, false) => joint,
    };
    match expr {
        Expr::Or { operands } => joined(leaves, operands, negated, flip(Joint::Or)),
        Expr::And { operands } => joined(leaves, operands, negated, flip(Joint::And)),
        Expr::Not { operand } => walk(leaves, operand, !negated),
        Expr::Compare { question, cmp, value } => (leaves.compare(question, *cmp, *value, negated), None),
        Expr::In { question, values } => (leaves.one_of(question, values, negated), None),
        Expr::Has { question, code } => (leaves.has(question, *code, negated), None),
        Expr::Answered { question } => (leaves.answered(question, negated), None),
    }
}

fn joined(leaves: &impl Leaves, operands: &[Expr], negated: bool, joint: Joint) -> (String, Option<Joint>) {
    let word = leaves.joint(joint);
    let mut out = String::new();
    for (i, operand) in operands.iter().enumerate() {
        if i > 0 {
            out.push(' ');
            out.push_str(word);
            out.push(' ');
        }
        match walk(leaves, operand, negated) {
            (text, Some(inner)) if inner != joint => {
                out.push('(');
                out.push_str(&text);
                out.push(')');
            }
            (text, _) if operands.len() == 1 => return (text, None),
            (text, _) => out.push_str(&text),
        }
    }
    if operands.len() == 1 {
        return (out, None);
    }
    (out, Some(joint))
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
    or_list_of(items, or, |out, item| out.push_str(item))
}

/// [`or_list`] of `items`, each written by `say`, into one string.
pub fn or_list_of<T>(items: &[T], or: &str, mut say: impl FnMut(&mut String, &T)) -> String {
    let mut out = String::with_capacity(16 * items.len() + or.len());
    match items {
        [] => out.push('—'),
        [only] => say(&mut out, only),
        [init @ .., last] => {
            for (i, item) in init.iter().enumerate() {
                if i > 0 {
                    out.push_str(", ");
                }
                say(&mut out, item);
            }
            out.push(' ');
            out.push_str(or);
            out.push(' ');
            say(&mut out, last);
        }
    }
    out
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
    let mut rest = template;
    while let Some(open) = rest.find('{') {
        out.push_str(&rest[..open]);
        let after = &rest[open + 1..];
        let filled = after.find('}').and_then(|close| {
            let name = &after[..close];
            let value = values.iter().find(|(n, _)| *n == name)?.1;
            Some((value, close))
        });
        match filled {
            Some((value, close)) => {
                out.push_str(value);
                rest = &after[close + 1..];
            }
            None => {
                out.push('{');
                rest = after;
            }
        }
    }
    out.push_str(rest);
    out
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
        let quoted = or_list_of(&items(3), "or", |out, i| quote_into(out, "«", i, "»"));
        assert_eq!(quoted, "«1», «2» or «3»");
    }

    #[test]
    fn fill_replaces_once_and_keeps_unknown_braces() {
        let text = fill("{q} is {a} {x}", &[("q", "“{a}”"), ("a", "1")]);
        assert_eq!(text, "“{a}” is 1 {x}");
    }
}
