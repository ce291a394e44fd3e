//! Syntax stage, the driver: walks a file block by block and runs the grammar on one entry
//! at a time (an item, a statement, a question). When an entry fails, it reports R0001, skips
//! to the next place where an item can start, records an `Error` node and goes on, so one
//! mistake does not hide the next ones.

use super::ast::*;
use super::build::{doc_before, Builder, Entry, Opening};
use super::errors::{end_of_file, found_at, syntax_error, Failure};
use super::fast;
use super::keywords;
use super::lexical::{scan, Lexed, TokKind, MAX_EXPR_DEPTH};
use super::lists::ListEntries;
use super::{RilevaGrammar, Rule};
use crate::diagnostics::{Code, Diagnostic};
use crate::source::{FileId, Span};
use pest::Parser as _;
use std::sync::Arc;

/// Deepest nesting of sections and profiles.
const MAX_BLOCK_DEPTH: usize = 64;

pub(crate) struct Driver<'t> {
    file: FileId,
    text: &'t str,
    lexed: Lexed,
    /// Index of the next token to read.
    cursor: usize,
    /// Open sections and profiles.
    depth: usize,
    /// The list-like block being read, if any: after a broken entry, reading resumes at its
    /// next entry instead of the next item or statement.
    pub(super) list: Option<ListEntries>,
    pub diags: Vec<Diagnostic>,
    /// Whether well-formed entries are read by the fast path (`fast/`) before pest.
    fast: bool,
    pub counts: EntryCounts,
}

/// How many entries each reader took: for the tests that prove the fast path equal to pest.
#[doc(hidden)]
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub struct EntryCounts {
    /// Entries read by the fast path.
    pub fast: usize,
    /// Entries (or attempts at one) left to pest.
    pub pest: usize,
}

/// One step through a block. Lives only until the block matches on it, so its size is moot.
#[allow(clippy::large_enum_variant)]
pub(crate) enum Step {
    Entry(Entry, usize),
    Error(Span),
    /// The closing `}` (its end offset), or the end of the file.
    Close(usize),
}

impl<'t> Driver<'t> {
    pub fn new(file: FileId, text: &'t str, fast: bool) -> Self {
        Driver {
            fast,
            counts: EntryCounts::default(),
            file,
            text,
            lexed: scan(text),
            cursor: 0,
            depth: 0,
            list: None,
            diags: Vec::new(),
        }
    }

    fn span(&self, start: usize, end: usize) -> Span {
        Span::new(self.file, start, end)
    }

    /// Parse the whole file.
    pub fn file(&mut self) -> File {
        let mut items = Vec::new();
        while let Some(token) = self.lexed.get(self.cursor).copied() {
            if token.kind == TokKind::RBrace {
                let span = self.span(token.start, token.end);
                self.diags.push(
                    Diagnostic::new(
                        Code::R0001,
                        "found `}` with no block to close",
                        span,
                        "nothing to close here",
                    )
                    .with_help("remove this `}`, or check the `{` of the block above"),
                );
                self.cursor += 1;
                items.push(Item::Error(span));
                continue;
            }
            let item = match self.run(Rule::item, None) {
                Ok((Entry::Item(item), _)) => item,
                Ok((Entry::Open(opening), start)) => self.open_item(opening, start),
                Ok((_, start)) => Item::Error(self.misplaced(self.span(start, start))),
                Err(span) => Item::Error(span),
            };
            items.push(item);
        }
        self.check_docs();
        File {
            items,
            span: self.span(0, self.text.len()),
        }
    }

    /// A `///` comment must be followed by something to document: not by a `}` or the end
    /// of the file. (Items without a `doc` field, such as `check`, may carry one for readers.)
    fn check_docs(&mut self) {
        let mut reported = None;
        for &(start, end) in &self.lexed.docs {
            let next = self.lexed.token_at(end);
            let documents = self.lexed.get(next).is_some_and(|t| t.kind != TokKind::RBrace);
            if documents || reported == Some(next) {
                continue;
            }
            reported = Some(next);
            self.diags.push(
                Diagnostic::new(
                    Code::R0001,
                    "this doc comment documents nothing",
                    self.span(start, end),
                    "nothing follows it to document",
                )
                .with_help(
                    "put `///` right before the survey, module, section, question or list it \
                     describes; use `//` for an ordinary comment",
                ),
            );
        }
    }

    fn open_item(&mut self, opening: Opening, start: usize) -> Item {
        let doc = doc_before(self.text, start);
        match opening {
            Opening::Module { name } => Item::Module(self.module(name, doc, start)),
            Opening::Standard { name } => Item::Standard(self.standard(name, doc, start)),
            Opening::Survey { name } => Item::Survey(Arc::new(self.survey(name, doc, start))),
            Opening::CodeList { kind, name } => Item::CodeList(self.code_list(kind, name, doc, start)),
            Opening::Kinds { category } => Item::Kinds(self.kinds(category, doc, start)),
            Opening::Section { .. }
            | Opening::Profile { .. }
            | Opening::Kiosk
            | Opening::Sites
            | Opening::Translations { .. } => Item::Error(self.misplaced(self.span(start, start))),
        }
    }

    /// Run `rule` on the text at the cursor. On success the cursor moves past the entry; on
    /// failure R0001 is reported, the cursor skips to the next synchronisation point and the
    /// skipped span is returned.
    pub fn run(&mut self, rule: Rule, block: Option<&str>) -> Result<(Entry, usize), Span> {
        let Some(first) = self.lexed.get(self.cursor).copied() else {
            let at = end_of_file(self.file, self.text, &self.lexed);
            return Err(at);
        };
        let start = first.start;
        let limit = self.lexed.too_deep_after(start).unwrap_or(self.text.len());
        if self.fast {
            if let Some((entry, end)) = fast::entry(rule, self.file, self.text, start, limit) {
                self.counts.fast += 1;
                self.cursor = self.lexed.token_at(end).max(self.cursor + 1);
                return Ok((entry, start));
            }
        }
        self.counts.pest += 1;
        let input = self.text.get(start..limit).unwrap_or("");
        match RilevaGrammar::parse(rule, input) {
            Ok(mut pairs) => {
                let built = pairs.next().and_then(|pair| {
                    let end = start + pair.as_span().end();
                    let mut builder = Builder {
                        file: self.file,
                        base: start,
                        text: self.text,
                        diags: &mut self.diags,
                    };
                    builder.entry(pair).map(|entry| (entry, end))
                });
                match built {
                    Some((entry, end)) => {
                        self.cursor = self.lexed.token_at(end).max(self.cursor + 1);
                        Ok((entry, start))
                    }
                    None => {
                        let span = self.skip_any(start);
                        Err(self.misplaced(span))
                    }
                }
            }
            Err(error) => {
                let offset = start
                    + match error.location {
                        pest::error::InputLocation::Pos(p) => p,
                        pest::error::InputLocation::Span((p, _)) => p,
                    };
                let expected: &[Rule] = match &error.variant {
                    pest::error::ErrorVariant::ParsingError { positives, .. } => positives,
                    pest::error::ErrorVariant::CustomError { .. } => &[],
                };
                let diagnostic = if limit < self.text.len() && offset >= limit {
                    let token = self.lexed.get(self.lexed.token_at(limit));
                    too_deep(self.span(limit, token.map_or(limit, |t| t.end)))
                } else {
                    let failure = Failure {
                        offset,
                        expected,
                        entry_start: start,
                        block: block.filter(|_| offset == start),
                    };
                    syntax_error(self.file, self.text, &self.lexed, &failure)
                };
                self.diags.push(diagnostic);
                let resumed = match self.list {
                    Some(_) => None,
                    None => self.reparse_broken_head(offset),
                };
                match resumed {
                    Some(end) => Err(self.span(start, end)),
                    None => Err(self.skip_any(start)),
                }
            }
        }
    }

    /// Skip a broken entry: to the next entry of the list-like block being read, or else to
    /// the next item or statement.
    fn skip_any(&mut self, start: usize) -> Span {
        match self.list {
            Some(list) => self.skip_entry(start, list),
            None => self.skip(start),
        }
    }

    /// Skip from the entry starting at `start` to the next line that starts an item or
    /// statement at the same brace depth (or one indented no deeper than the entry, when its
    /// braces were left open), or to the `}` that closes the enclosing block.
    fn skip(&mut self, start: usize) -> Span {
        let first = self.cursor;
        let column = self.lexed.get(first).map_or(0, |t| t.column);
        let mut depth = 0usize;
        let mut index = first + 1;
        let mut after_close = false;
        while let Some(token) = self.lexed.get(index) {
            match token.kind {
                TokKind::LBrace => depth += 1,
                // A `}` indented deeper than the entry closes a block the entry opened
                // without its `{`; a `}` further left closes the enclosing block.
                TokKind::RBrace if depth == 0 && !(token.first_on_line && token.column > column) => break,
                TokKind::RBrace if depth == 0 => {}
                TokKind::RBrace => depth -= 1,
                TokKind::Word if self.is_sync_word(token.start, token.end) => {
                    let starts_line = token.first_on_line || after_close;
                    if starts_line && (depth == 0 || token.column <= column) {
                        break;
                    }
                }
                _ => {}
            }
            after_close = token.kind == TokKind::RBrace;
            index += 1;
        }
        self.cursor = index;
        let end = match index.checked_sub(1).and_then(|i| self.lexed.get(i)) {
            Some(last) if index > first => last.end,
            _ => start,
        };
        self.span(start, end.max(start))
    }

    /// Report an entry that was read but cannot stand where it is; returns its span.
    pub fn misplaced(&mut self, span: Span) -> Span {
        let (at, found) = found_at(self.file, self.text, &self.lexed, span.start as usize);
        self.diags.push(
            Diagnostic::new(
                Code::R0001,
                format!("{found} cannot stand here"),
                at,
                "not expected here",
            )
            .with_help("move it into the block where it belongs, or remove it"),
        );
        span
    }

    pub(super) fn is_sync_word(&self, start: usize, end: usize) -> bool {
        self.text
            .get(start..end)
            .is_some_and(keywords::starts_item_or_statement)
    }

    /// Take one step in a block opened at `open` (the head's span): an entry, an error, or
    /// the closing `}`. At the end of the file the block is reported as unclosed.
    pub fn step(&mut self, rule: Rule, what: &str, open: Span) -> Step {
        let Some(token) = self.lexed.get(self.cursor).copied() else {
            let at = end_of_file(self.file, self.text, &self.lexed);
            self.diags.push(
                Diagnostic::new(
                    Code::R0001,
                    format!("expected `}}` to close {what}, found end of file"),
                    at,
                    "the file ends here",
                )
                .with_secondary(open, "the block opens here")
                .with_help("add the closing `}` at the end of the block"),
            );
            return Step::Close(self.text.len());
        };
        if token.kind == TokKind::RBrace {
            self.cursor += 1;
            return Step::Close(token.end);
        }
        match self.run(rule, Some(what)) {
            Ok((entry, start)) => Step::Entry(entry, start),
            Err(span) => Step::Error(span),
        }
    }

    /// Enter a nested block; `false` (with R0001 reported and the block skipped) when too deep.
    pub fn enter(&mut self, start: usize) -> bool {
        if self.depth < MAX_BLOCK_DEPTH {
            self.depth += 1;
            return true;
        }
        let token = self.lexed.token_at(start);
        let at = self
            .lexed
            .get(token)
            .map_or(self.span(start, start), |t| self.span(t.start, t.end));
        self.diags.push(
            Diagnostic::new(
                Code::R0001,
                format!("blocks nested too deeply (more than {MAX_BLOCK_DEPTH} levels)"),
                at,
                "nested too deeply",
            )
            .with_help("put this section next to the others instead of inside them"),
        );
        let mut depth = 1usize;
        while let Some(t) = self.lexed.get(self.cursor) {
            self.cursor += 1;
            match t.kind {
                TokKind::LBrace => depth += 1,
                TokKind::RBrace if depth <= 1 => break,
                TokKind::RBrace => depth -= 1,
                _ => {}
            }
        }
        false
    }

    pub fn leave(&mut self) {
        self.depth = self.depth.saturating_sub(1);
    }

    /// The span of a head: from its start to the token before the cursor (its `{`).
    pub fn head_span(&self, start: usize) -> Span {
        let end = self
            .cursor
            .checked_sub(1)
            .and_then(|i| self.lexed.get(i))
            .map_or(start, |t| t.end);
        self.span(start, end.max(start))
    }

    pub fn cursor(&self) -> usize {
        self.cursor
    }

    pub fn set_cursor(&mut self, cursor: usize) {
        self.cursor = cursor;
    }

    pub fn lexed(&self) -> &Lexed {
        &self.lexed
    }

    pub fn file_id(&self) -> FileId {
        self.file
    }

    pub fn text(&self) -> &'t str {
        self.text
    }
}

fn too_deep(span: Span) -> Diagnostic {
    Diagnostic::new(
        Code::R0001,
        format!("expression nested too deeply (more than {MAX_EXPR_DEPTH} levels)"),
        span,
        "nested too deeply",
    )
    .with_help("write the condition with fewer parentheses and `not`s")
}
