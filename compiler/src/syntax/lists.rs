//! Syntax stage, list-like blocks: the codes of a `scale` or `options` list, a `kinds` list,
//! a `kiosk { }` block, a `sites { }` block and a `translations LANG { }` block are read one
//! entry at a time
//! through [`Driver::step`]. A broken entry gets its R0001, reading resumes at the next
//! entry, and the good entries stay in the tree (so a typo in one translation does not make
//! all the others look missing).

use super::ast::*;
use super::build::{Entry, KioskStmt};
use super::lexical::{TokKind, Token};
use super::parse::{Driver, Step};
use super::{RilevaGrammar, Rule};
use crate::diagnostics::{Code, Diagnostic};
use crate::source::Span;
use pest::Parser as _;

/// What an entry of a list-like block starts with, to find the next one after an error.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum ListEntries {
    /// A number, `missing` or `positive`; a label's translations may continue on the next
    /// lines.
    Codes,
    /// A kind's or a site's name; not a two-letter language tag before a text (a label's
    /// translation).
    Kinds,
    /// `screen`, `reset` or `thanks`.
    Kiosk,
    /// A translation key: a name, one entry per line.
    Translations,
}

impl Driver<'_> {
    /// `scale NAME { codes }` or `options NAME { codes }`, after its head.
    pub(super) fn code_list(&mut self, kind: CodeListKind, name: Ident, doc: Doc, start: usize) -> CodeList {
        let what = match kind {
            CodeListKind::Scale => "the scale",
            CodeListKind::Options => "the option list",
        };
        let (entries, end) = self.list(Rule::code_entry, what, start, ListEntries::Codes);
        let mut codes = Vec::new();
        let mut positive: Option<Positive> = None;
        for entry in entries {
            match entry {
                Entry::Code(code) => codes.push(code),
                Entry::Positive(stmt) => self.positive(kind, &name, stmt, &mut positive),
                _ => {}
            }
        }
        CodeList {
            kind,
            name,
            codes,
            positive,
            doc,
            span: self.list_span(start, end),
        }
    }

    /// Keep a `positive` statement: only in a scale (options are nominal: no answer is
    /// more positive than another), and once.
    fn positive(&mut self, kind: CodeListKind, list: &Ident, stmt: Positive, kept: &mut Option<Positive>) {
        let problem = match (kind, kept.as_ref()) {
            (CodeListKind::Options, _) => Some((
                format!("`positive` cannot stand in the option list `{}`", list.name),
                "options are nominal: no answer is more positive than another",
                "remove it, or make the list a `scale` if its codes are ordered".to_owned(),
                None,
            )),
            (CodeListKind::Scale, Some(first)) => Some((
                format!("`positive` is given twice in the scale `{}`", list.name),
                "given again here",
                "keep one `positive` statement with every positive code".to_owned(),
                Some(first.span),
            )),
            (CodeListKind::Scale, None) => None,
        };
        let Some((message, label, help, first)) = problem else {
            *kept = Some(stmt);
            return;
        };
        let mut d = Diagnostic::new(Code::R0001, message, stmt.span, label).with_help(help);
        if let Some(first) = first {
            d = d.with_secondary(first, "first given here");
        }
        self.diags.push(d);
    }

    /// `sites { centro "Anagrafe centrale" ... }`, after its head.
    pub(super) fn sites(&mut self, start: usize) -> SitesBlock {
        let (entries, end) = self.list(Rule::site_def, "the sites block", start, ListEntries::Kinds);
        let sites = entries
            .into_iter()
            .filter_map(|entry| match entry {
                Entry::Kind(KindDef { name, label, span }) => Some(SiteDef { name, label, span }),
                _ => None,
            })
            .collect();
        SitesBlock {
            sites,
            span: self.list_span(start, end),
        }
    }

    /// `kinds CATEGORY { name "label" ... }`, after its head.
    pub(super) fn kinds(&mut self, category: Ident, doc: Doc, start: usize) -> Kinds {
        let (entries, end) = self.list(Rule::kind_def, "the list of kinds", start, ListEntries::Kinds);
        let kinds = entries
            .into_iter()
            .filter_map(|entry| match entry {
                Entry::Kind(kind) => Some(kind),
                _ => None,
            })
            .collect();
        Kinds {
            category,
            kinds,
            doc,
            span: self.list_span(start, end),
        }
    }

    /// `translations LANG { key "text" ... }`, after its head.
    pub(super) fn translations(&mut self, language: Ident, start: usize) -> TranslationsBlock {
        let what = "the translations block";
        let (entries, end) = self.list(Rule::translation_entry, what, start, ListEntries::Translations);
        let entries = entries
            .into_iter()
            .filter_map(|entry| match entry {
                Entry::Translation(translation) => Some(translation),
                _ => None,
            })
            .collect();
        TranslationsBlock {
            language,
            entries,
            span: self.list_span(start, end),
        }
    }

    /// `kiosk { screen 1280 x 800  reset after 20s  thanks "..." }`, after its head; a
    /// statement given twice is an error.
    pub(super) fn kiosk(&mut self, start: usize) -> KioskBlock {
        let (entries, end) = self.list(Rule::kiosk_stmt, "the kiosk block", start, ListEntries::Kiosk);
        let mut block = KioskBlock {
            screen: None,
            reset_after: None,
            thanks: None,
            span: self.list_span(start, end),
        };
        for entry in entries {
            let Entry::Kiosk(stmt) = entry else { continue };
            let (what, span, already) = match &stmt {
                KioskStmt::Screen(.., span) => ("screen", *span, block.screen.is_some()),
                KioskStmt::Reset(_, span) => ("reset after", *span, block.reset_after.is_some()),
                KioskStmt::Thanks(_, span) => ("thanks", *span, block.thanks.is_some()),
            };
            if already {
                self.diags.push(
                    Diagnostic::new(
                        Code::R0001,
                        format!("`{what}` is given twice in the kiosk block"),
                        span,
                        "given again here",
                    )
                    .with_help(format!("keep one `{what}` statement")),
                );
                continue;
            }
            match stmt {
                KioskStmt::Screen(width, height, _) => block.screen = Some((width, height)),
                KioskStmt::Reset(after, _) => block.reset_after = Some(after),
                KioskStmt::Thanks(text, _) => block.thanks = Some(text),
            }
        }
        block
    }

    /// Read the entries of the list-like block whose head starts at `start`, up to its `}`;
    /// returns the entries read and the end of the block.
    fn list(&mut self, rule: Rule, what: &str, start: usize, entries: ListEntries) -> (Vec<Entry>, usize) {
        let open = self.head_span(start);
        let column = self
            .lexed()
            .get(self.lexed().token_at(start))
            .map_or(0, |t| t.column);
        let outer = self.list.replace(entries);
        let mut found = Vec::new();
        let end = loop {
            if let Some(end) = self.unclosed_list(rule, what, open, column) {
                break end;
            }
            match self.step(rule, what, open) {
                Step::Close(end) => break end,
                Step::Entry(entry, _) => found.push(entry),
                Step::Error(_) => {}
            }
        };
        self.list = outer;
        (found, end)
    }

    /// When the next line starts with a statement keyword no further right than the block's
    /// head and is no entry of the block, the block's `}` was forgotten: report it and end
    /// the block there (returning its end), so the statement is read by the enclosing block.
    fn unclosed_list(&mut self, rule: Rule, what: &str, open: Span, column: usize) -> Option<usize> {
        let cursor = self.cursor();
        let token = *self.lexed().get(cursor)?;
        let leaves = token.kind == TokKind::Word
            && token.first_on_line
            && token.column <= column
            && self.is_sync_word(token.start, token.end)
            && RilevaGrammar::parse(rule, self.text().get(token.start..).unwrap_or("")).is_err();
        if !leaves {
            return None;
        }
        let word = self.text().get(token.start..token.end).unwrap_or("");
        self.diags.push(
            Diagnostic::new(
                Code::R0001,
                format!("expected `}}` to close {what}, found `{word}`"),
                Span::new(self.file_id(), token.start, token.end),
                "the block should be closed before this",
            )
            .with_secondary(open, "the block opens here")
            .with_help("add the closing `}` at the end of the block"),
        );
        let end = cursor
            .checked_sub(1)
            .and_then(|i| self.lexed().get(i))
            .map_or(token.start, |t| t.end);
        Some(end)
    }

    /// Skip a broken entry of a list-like block: up to the next line that starts an entry
    /// (or a statement), or to the `}` that closes the block.
    pub(super) fn skip_entry(&mut self, start: usize, entries: ListEntries) -> Span {
        let first = self.cursor();
        let mut index = first + 1;
        while let Some(token) = self.lexed().get(index) {
            let next_entry = token.first_on_line && self.starts_entry(index, token, entries);
            if token.kind == TokKind::RBrace || next_entry {
                break;
            }
            index += 1;
        }
        self.set_cursor(index);
        let end = index
            .checked_sub(1)
            .and_then(|i| self.lexed().get(i))
            .map_or(start, |t| t.end);
        self.list_span(start, end)
    }

    /// Whether `token` (at `index`), first on its line, starts an entry or a statement.
    fn starts_entry(&self, index: usize, token: &Token, entries: ListEntries) -> bool {
        let word = match token.kind {
            TokKind::Word => self.text().get(token.start..token.end).unwrap_or(""),
            TokKind::Number => return entries == ListEntries::Codes,
            _ => return false,
        };
        if self.is_sync_word(token.start, token.end) {
            return true;
        }
        match entries {
            ListEntries::Codes => word == "missing" || word == "positive",
            ListEntries::Kiosk => matches!(word, "screen" | "reset" | "thanks"),
            ListEntries::Translations => true,
            ListEntries::Kinds => {
                let before_text = self
                    .lexed()
                    .get(index + 1)
                    .is_some_and(|t| matches!(t.kind, TokKind::Str { .. }));
                let language = word.len() == 2 && word.bytes().all(|b| b.is_ascii_lowercase());
                !(language && before_text)
            }
        }
    }

    fn list_span(&self, start: usize, end: usize) -> Span {
        Span::new(self.file_id(), start, end.max(start))
    }
}
