//! Syntax stage: source text -> [`ast::File`], with R0001 diagnostics in words.

pub mod ast;
