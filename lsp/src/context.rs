//! Where the cursor stands, for completion: the blocks around it and the words of the
//! statement being typed, which may run over several lines (`show if a = 1` then
//! `and b in [1,` on the next). The blocks come from the syntax tree, as the compiler
//! reads them; only from the start of the last statement before the cursor (which is
//! usually the one being typed, and so often one the parser could not read) are the
//! tokens scanned: braces, and lines that continue the line above.

use crate::tokens;
use rileva_compiler::source::{FileId, Span};
use rileva_compiler::syntax::{self, ast};

/// The cursor's context.
#[derive(Debug, Clone, PartialEq, Eq, Default)]
pub struct Context {
    /// The keyword that opened each block around the cursor, outermost first: `survey`,
    /// `section`, `question`, `standard`, `profile`, `kiosk`, ...
    pub blocks: Vec<String>,
    /// The words and symbols of the statement before the cursor (strings as `"…"`).
    pub words: Vec<String>,
}

/// A block of the syntax tree: its keyword, the span of its `{ ... }` body and the spans
/// of the statements in it.
struct Block<'a> {
    keyword: &'static str,
    span: Span,
    children: Vec<Child<'a>>,
}

/// A statement of a block, and the block it opens, if any.
struct Child<'a> {
    span: Span,
    node: Node<'a>,
}

enum Node<'a> {
    /// A statement without a body of its own that the tree describes.
    Leaf,
    Survey(&'a ast::Survey),
    Module(&'a ast::Module),
    Section(&'a ast::Section),
    Standard(&'a ast::Standard),
    Profile(&'a ast::Profile),
    /// A block whose inside the scan reads: a question, a list, a kiosk block...
    Scanned,
}

fn leaf(span: Span) -> Child<'static> {
    Child {
        span,
        node: Node::Leaf,
    }
}

fn items(file: &ast::File) -> Vec<Child<'_>> {
    file.items
        .iter()
        .map(|item| match item {
            ast::Item::Import(i) => leaf(i.span),
            ast::Item::CodeList(l) => Child {
                span: l.span,
                node: Node::Scanned,
            },
            ast::Item::Kinds(k) => Child {
                span: k.span,
                node: Node::Scanned,
            },
            ast::Item::Module(m) => Child {
                span: m.span,
                node: Node::Module(m),
            },
            ast::Item::Standard(s) => Child {
                span: s.span,
                node: Node::Standard(s),
            },
            ast::Item::Survey(s) => Child {
                span: s.span,
                node: Node::Survey(s),
            },
            ast::Item::Error(span) => leaf(*span),
        })
        .collect()
}

fn body(items: &[ast::BodyItem]) -> impl Iterator<Item = Child<'_>> {
    items.iter().map(|item| match item {
        ast::BodyItem::Use(u) => leaf(u.span),
        ast::BodyItem::Section(s) => Child {
            span: s.span,
            node: Node::Section(s),
        },
        ast::BodyItem::Question(q) => Child {
            span: q.span,
            node: Node::Scanned,
        },
        ast::BodyItem::Check(c) => leaf(c.span),
        ast::BodyItem::Translations(t) => Child {
            span: t.span,
            node: Node::Scanned,
        },
        ast::BodyItem::Error(span) => leaf(*span),
    })
}

fn header(stmt: &ast::HeaderStmt) -> Child<'_> {
    use ast::HeaderStmt as H;
    match stmt {
        H::Version(v) => leaf(v.span),
        H::Title(t) => leaf(t.span),
        H::Languages(_, span)
        | H::Channels(_, span)
        | H::Anonymous(span)
        | H::Error(span)
        | H::Agency { span, .. }
        | H::Service { span, .. }
        | H::Conforms { span, .. } => leaf(*span),
        H::Kiosk(k) => Child {
            span: k.span,
            node: Node::Scanned,
        },
        H::Sites(s) => Child {
            span: s.span,
            node: Node::Scanned,
        },
    }
}

fn standard_stmt(stmt: &ast::StandardStmt) -> Child<'_> {
    use ast::StandardStmt as S;
    match stmt {
        S::Version(v) => leaf(v.span),
        S::Title(t) => leaf(t.span),
        S::Languages(_, span)
        | S::Channels(_, span)
        | S::Anonymous(span)
        | S::MaxMinutes(_, span)
        | S::Error(span) => leaf(*span),
        S::Profile(p) => Child {
            span: p.span,
            node: Node::Profile(p),
        },
    }
}

fn profile_stmt(stmt: &ast::ProfileStmt) -> Child<'static> {
    use ast::ProfileStmt as P;
    match stmt {
        P::ServiceKinds(_, span)
        | P::PaKinds(_, span)
        | P::Require(_, span)
        | P::Allow(_, span)
        | P::ExtraMax(_, span)
        | P::Error(span) => leaf(*span),
    }
}

fn open<'a>(node: &Node<'a>) -> Option<Block<'a>> {
    Some(match node {
        Node::Survey(s) => Block {
            keyword: "survey",
            span: s.span,
            children: s.header.iter().map(header).chain(body(&s.body)).collect(),
        },
        Node::Module(m) => Block {
            keyword: "module",
            span: m.span,
            children: body(&m.body).collect(),
        },
        Node::Section(s) => Block {
            keyword: "section",
            span: s.span,
            children: body(&s.body).collect(),
        },
        Node::Standard(s) => Block {
            keyword: "standard",
            span: s.span,
            children: s.statements.iter().map(standard_stmt).collect(),
        },
        Node::Profile(p) => Block {
            keyword: "profile",
            span: p.span,
            children: p.statements.iter().map(profile_stmt).collect(),
        },
        Node::Leaf | Node::Scanned => return None,
    })
}

/// Whether `offset` is inside the braces of a block that spans `span` (after its `{`,
/// before its `}`; an unclosed block runs to the end of the text).
fn inside(text: &str, span: Span, offset: usize) -> bool {
    let range = span.range();
    let Some(brace) = first_brace(text, range.start, range.end) else {
        return false;
    };
    let closed = text.get(..range.end).is_some_and(|t| t.trim_end().ends_with('}'));
    brace < offset && (offset < range.end || !closed)
}

/// The first `{` of `text[from..to]` outside strings and comments.
fn first_brace(text: &str, from: usize, to: usize) -> Option<usize> {
    let mut scan = tokens::Scan::default();
    let (i, _) = text
        .get(from..to)?
        .char_indices()
        .find(|&(_, c)| scan.code(c) && c == '{')?;
    Some(from + i)
}

/// The context at `offset`, the start of the name being typed.
pub fn at(text: &str, offset: usize) -> Context {
    let (file, _) = syntax::parse(FileId(0), text);
    let mut blocks: Vec<String> = Vec::new();
    let mut children = items(&file);
    let mut scan_from = 0;
    // Down the tree, through the last statement that starts before the cursor at each level.
    while let Some(child) = std::mem::take(&mut children)
        .into_iter()
        .rev()
        .find(|c| (c.span.start as usize) < offset)
    {
        scan_from = child.span.start as usize;
        let Some(block) = open(&child.node).filter(|b| inside(text, b.span, offset)) else {
            break;
        };
        blocks.push(block.keyword.to_owned());
        scan_from = first_brace(text, block.span.start as usize, block.span.end as usize)
            .map_or(scan_from, |b| b + 1);
        children = block.children;
    }
    let mut context = scan(text.get(scan_from..offset).unwrap_or(""));
    blocks.append(&mut context.blocks);
    context.blocks = blocks;
    context
}

/// Tokens that leave a line unfinished: the statement goes on on the next line.
const GOES_ON: &[&str] = &[
    "if", "and", "or", "not", "(", "[", ",", "=", "!=", "<", "<=", ">", ">=", "in", "has", "answered", ":",
    "kind", "conforms", "profile", "check", "use", "import",
];

/// Tokens that continue the line above when they start a line.
const CONTINUES: &[&str] = &[
    "and", "or", ")", "]", ",", "in", "has", "=", "!=", "<", "<=", ">", ">=", "else",
];

/// Blocks and the statement being typed, from a piece of text that starts at a statement
/// (or inside a block's braces).
fn scan(text: &str) -> Context {
    let mut stack: Vec<String> = Vec::new();
    let mut statement: Vec<String> = Vec::new();
    let mut depth = 0usize; // open ( and [ in the statement
    for line in text.split('\n') {
        let tokens = tokens::tokenize(line);
        let Some(first) = tokens.first() else { continue };
        let goes_on = depth > 0
            || statement.last().is_some_and(|t| GOES_ON.contains(&t.as_str()))
            || CONTINUES.contains(&first.as_str());
        if !goes_on {
            statement.clear();
        }
        for token in tokens {
            match token.as_str() {
                "{" => {
                    stack.push(statement.first().cloned().unwrap_or_default());
                    statement.clear();
                    depth = 0;
                }
                "}" => {
                    stack.pop();
                    statement.clear();
                    depth = 0;
                }
                t => {
                    match t {
                        "(" | "[" => depth += 1,
                        ")" | "]" => depth = depth.saturating_sub(1),
                        _ => {}
                    }
                    statement.push(token);
                }
            }
        }
    }
    // A cursor on a new line after a finished statement starts a new one.
    if text.ends_with('\n') || text.rsplit('\n').next().is_some_and(|l| l.trim().is_empty()) {
        let last = statement.last().map(String::as_str);
        if depth == 0 && !last.is_some_and(|t| GOES_ON.contains(&t)) {
            statement.clear();
        }
    }
    Context {
        blocks: stack,
        words: statement,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn context(text: &str) -> (Vec<String>, Vec<String>) {
        let c = at(text, text.len());
        (c.blocks, c.words)
    }

    #[test]
    fn a_condition_over_several_lines_is_one_statement() {
        let text = "survey a.b {\n  question q: nps {\n    \"Q?\"\n    show if x = 1\n      and y in [1,\n        2, ";
        let (blocks, words) = context(text);
        assert_eq!(blocks, ["survey", "question"]);
        assert_eq!(
            words,
            ["show", "if", "x", "=", "1", "and", "y", "in", "[", "1", ",", "2", ","]
        );
    }

    #[test]
    fn a_new_line_after_a_finished_statement_starts_a_statement() {
        let text = "survey a.b {\n  version 1.0.0\n  section s \"T {\" {\n    question q: nps {\n      \"Q?\"\n    }\n    ";
        assert_eq!(context(text), (vec!["survey".into(), "section".into()], vec![]));
        let check = "survey a.b {\n  question q: yesno { \"Q?\" }\n  check not (q = 1\n    or ";
        assert_eq!(context(check).1, ["check", "not", "(", "q", "=", "1", "or"]);
    }

    #[test]
    fn blocks_come_from_the_tree_when_it_parses() {
        let text = "standard s.t {\n  version 1\n  profile p {\n    pa kinds any\n  }\n}\n";
        let at_profile = text.find("pa kinds").unwrap();
        assert_eq!(at(text, at_profile).blocks, ["standard", "profile"]);
        let after = text.find("  }\n}").unwrap() + 4;
        assert_eq!(at(text, after).blocks, ["standard"]);
        assert_eq!(at(text, text.len()).blocks, Vec::<String>::new());
    }
}
