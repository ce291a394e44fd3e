//! Syntax stage: source text -> [`ast::File`], with R0001 diagnostics in words.
//!
//! `parse.rs` reads one entry at a time: well-formed entries through the fast path
//! (`fast/`, equal to pest by construction and by `tests/syntax_fast.rs`), the others through
//! the grammar (`grammar.pest`), run on that entry alone; the driver recovers
//! after an error at the next item or statement (`lists.rs`: at the next line of a code
//! list, `kinds`, `kiosk` or `translations` block); `build.rs`, `statements.rs` and `expr.rs`
//! turn pairs into the tree; `errors.rs` and `words.rs` write the messages; `lexical.rs`
//! pre-scans tokens, unterminated strings and too-deep nesting.

pub mod ast;
mod blocks;
mod build;
mod errors;
mod expr;
mod fast;
mod hints;
pub mod keywords;
mod lexical;
mod lists;
mod parse;
mod statements;
mod words;

use crate::diagnostics::Diagnostic;
use crate::source::FileId;

mod grammar {
    #[derive(pest_derive::Parser)]
    #[grammar = "syntax/grammar.pest"]
    pub(crate) struct RilevaGrammar;
}

pub(crate) use grammar::{RilevaGrammar, Rule};

/// Parse one source file. Never panics: every problem is an R0001 diagnostic, and the tree
/// holds an `Error` node where an item or statement could not be read.
pub fn parse(file: FileId, text: &str) -> (ast::File, Vec<Diagnostic>) {
    let (tree, diags, _) = parse_with(file, text, true);
    (tree, diags)
}

pub use parse::EntryCounts;

/// [`parse`] with the fast path on or off, and how many entries each reader took. Only for
/// the tests that prove both give the same tree and diagnostics.
#[doc(hidden)]
pub fn parse_with(file: FileId, text: &str, fast: bool) -> (ast::File, Vec<Diagnostic>, EntryCounts) {
    let mut driver = parse::Driver::new(file, text, fast);
    let tree = driver.file();
    (tree, driver.diags, driver.counts)
}
