//! Syntax stage, fast path: a recursive-descent reader of the well-formed entries that make
//! up real files, giving exactly the entry (spans, texts, doc comments) and the end that pest
//! and the builder would give, or `None` whenever it is not certain; the driver then runs
//! pest as before, so every syntax error and its message comes from pest.

mod cursor;
mod expressions;
mod questions;
mod statements;
mod text;

use super::ast::{BodyItem, Check, Use};
use super::build::Entry;
use super::Rule;
use crate::source::FileId;
use cursor::Cursor;
use std::sync::Arc;

/// Read the entry of `rule` starting at `start` (a token's start) in `text`, reading no
/// further than `limit`; returns it with the end of its last token.
pub(crate) fn entry(
    rule: Rule,
    file: FileId,
    text: &str,
    start: usize,
    limit: usize,
) -> Option<(Entry, usize)> {
    let mut cursor = Cursor::new(file, text, start, limit);
    let entry = cursor.entry(rule);
    match entry {
        Some(entry) if !cursor.unsure => Some((entry, cursor.last_end)),
        _ => None,
    }
}

impl Cursor<'_> {
    fn entry(&mut self, rule: Rule) -> Option<Entry> {
        let word = self.word();
        match (rule, word) {
            (Rule::item, "import") => self.import(),
            (Rule::item, "scale" | "options" | "kinds" | "module" | "standard" | "survey") => {
                self.opening(word)
            }
            (Rule::survey_entry, "agency" | "service") => self.agency_or_service(word),
            (Rule::survey_entry, "conforms") => self.conforms(),
            (Rule::survey_entry, "kiosk" | "sites") => self.opening(word),
            (
                Rule::survey_entry | Rule::standard_entry,
                "version" | "title" | "languages" | "channels" | "anonymous",
            ) => self.header_stmt(word),
            (Rule::module_entry, "title") => {
                self.keyword("title");
                self.text().map(Entry::ModuleTitle)
            }
            (Rule::survey_entry | Rule::module_entry | Rule::section_entry, _) => self.body_item(word),
            (Rule::standard_entry, "max") => self.max_minutes(),
            (Rule::standard_entry, "profile") => self.opening(word),
            (Rule::profile_stmt, _) => self.profile_stmt(),
            (Rule::code_entry, "positive") => self.positive(),
            (Rule::code_entry, _) => self.code_def().map(Entry::Code),
            (Rule::kind_def | Rule::site_def, _) => self.kind_def(),
            (Rule::kiosk_stmt, _) => self.kiosk_stmt(),
            (Rule::translation_entry, _) => self.translation_entry(),
            _ => None,
        }
    }

    /// `body_item | section_head`
    fn body_item(&mut self, word: &str) -> Option<Entry> {
        let start = self.pos;
        match word {
            "question" => Some(Entry::Body(BodyItem::Question(Arc::new(self.question()?)))),
            "use" => {
                self.keyword("use");
                let module = self.path()?;
                Some(Entry::Body(BodyItem::Use(Use {
                    module,
                    span: self.span(start),
                })))
            }
            "check" => {
                self.keyword("check");
                let condition = self.expr()?;
                if !self.keyword("else") {
                    return None;
                }
                let message = self.text()?;
                Some(Entry::Body(BodyItem::Check(Check {
                    condition,
                    message,
                    span: self.span(start),
                })))
            }
            "section" | "translations" => self.opening(word),
            _ => None,
        }
    }
}
