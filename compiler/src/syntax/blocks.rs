//! Syntax stage, blocks: the entries of a `survey`, `module`, `section`, `standard` and
//! `profile`, one at a time through [`Driver::step`], so each block recovers on its own.

use super::ast::*;
use super::build::{doc_before, empty_text, Entry, Opening};
use super::lexical::TokKind;
use super::parse::{Driver, Step};
use super::Rule;
use crate::diagnostics::{Code, Diagnostic};
use crate::source::Span;

/// Blocks whose entries are still read when their head is broken.
const BLOCK_WORDS: &[&str] = &["survey", "module", "standard", "section", "profile"];

/// Words that start a body item rather than a header statement.
const BODY_WORDS: &[&str] = &["question", "section", "use", "check", "translations"];

impl Driver<'_> {
    /// Whether the text at `span` starts with a body item's keyword.
    fn starts_body_item(&self, span: Span) -> bool {
        let rest = self.text().get(span.start as usize..).unwrap_or("");
        let word: String = rest
            .chars()
            .take_while(|c| c.is_alphanumeric() || *c == '_')
            .collect();
        BODY_WORDS.contains(&word.as_str())
    }

    /// When the head of a block is broken (`survey Inps hub {`, a `section` without its
    /// title) and the failure lies before a `{` on the head's line, read the block's entries
    /// anyway, so that their errors are reported too. The block becomes one error node; this
    /// returns where it ends.
    pub(super) fn reparse_broken_head(&mut self, offset: usize) -> Option<usize> {
        let first = self.cursor();
        let head = *self.lexed().get(first)?;
        let keyword = self.text().get(head.start..head.end)?;
        if !BLOCK_WORDS.contains(&keyword) {
            return None;
        }
        let brace = (first + 1..)
            .map_while(|i| self.lexed().get(i).filter(|t| !t.first_on_line).map(|t| (i, *t)))
            .find(|(_, t)| matches!(t.kind, TokKind::LBrace | TokKind::RBrace))
            .filter(|(_, t)| t.kind == TokKind::LBrace && t.start >= offset)?;
        let start = head.start;
        let label = self
            .text()
            .get(head.end..brace.1.start)
            .unwrap_or("")
            .trim()
            .to_owned();
        let span = self.block_span(head.end, brace.1.start);
        let name = Ident { name: label, span };
        self.set_cursor(brace.0 + 1);
        let end = match keyword {
            "survey" => {
                self.survey(
                    Path {
                        segments: vec![name],
                        span,
                    },
                    None,
                    start,
                )
                .span
                .end
            }
            "module" => self.module(name, None, start).span.end,
            "standard" => {
                self.standard(
                    Path {
                        segments: vec![name],
                        span,
                    },
                    None,
                    start,
                )
                .span
                .end
            }
            "section" => self
                .section(name, empty_text(span), start)
                .map_or(start as u32, |s| s.span.end),
            _ => self
                .profile(name, None, start)
                .map_or(start as u32, |p| p.span.end),
        };
        Some(end as usize)
    }

    /// A block opened inside a survey, module or section body: a section or translations.
    fn open_body(&mut self, opening: Opening, at: usize) -> Option<BodyItem> {
        match opening {
            Opening::Section { name, title } => self.section(name, title, at).map(BodyItem::Section),
            Opening::Translations { language } => {
                Some(BodyItem::Translations(self.translations(language, at)))
            }
            _ => Some(BodyItem::Error(self.misplaced(self.block_span(at, at)))),
        }
    }

    fn block_span(&self, start: usize, end: usize) -> Span {
        Span::new(self.file_id(), start, end.max(start))
    }

    pub(super) fn survey(&mut self, name: Path, doc: Doc, start: usize) -> Survey {
        let open = self.head_span(start);
        let what = format!("the survey `{}`", name.dotted());
        let mut header = Vec::new();
        let mut body = Vec::new();
        let end = loop {
            match self.step(Rule::survey_entry, &what, open) {
                Step::Close(end) => break end,
                Step::Entry(Entry::Header(stmt), _) => header.push(stmt),
                Step::Entry(Entry::Body(item), _) => body.push(item),
                Step::Entry(Entry::Open(Opening::Kiosk), at) => {
                    header.push(HeaderStmt::Kiosk(self.kiosk(at)))
                }
                Step::Entry(Entry::Open(Opening::Sites), at) => {
                    header.push(HeaderStmt::Sites(self.sites(at)))
                }
                Step::Entry(Entry::Open(opening), at) => body.extend(self.open_body(opening, at)),
                Step::Entry(_, at) => body.push(BodyItem::Error(self.misplaced(self.block_span(at, at)))),
                Step::Error(span) if body.is_empty() && !self.starts_body_item(span) => {
                    header.push(HeaderStmt::Error(span))
                }
                Step::Error(span) => body.push(BodyItem::Error(span)),
            }
        };
        Survey {
            name,
            header,
            body,
            doc,
            span: self.block_span(start, end),
        }
    }

    pub(super) fn module(&mut self, name: Ident, doc: Doc, start: usize) -> Module {
        let open = self.head_span(start);
        let what = format!("the module `{}`", name.name);
        let mut title: Option<Text> = None;
        let mut body = Vec::new();
        let end = loop {
            match self.step(Rule::module_entry, &what, open) {
                Step::Close(end) => break end,
                Step::Entry(Entry::ModuleTitle(text), _) => {
                    if let Some(first) = &title {
                        let diagnostic = Diagnostic::new(
                            Code::R0001,
                            format!("the module `{}` has two titles", name.name),
                            text.span,
                            "second title",
                        )
                        .with_secondary(first.span, "first title")
                        .with_help("keep one `title`");
                        self.diags.push(diagnostic);
                    } else {
                        title = Some(text);
                    }
                }
                Step::Entry(Entry::Body(item), _) => body.push(item),
                Step::Entry(Entry::Open(opening), at) => body.extend(self.open_body(opening, at)),
                Step::Entry(_, at) => body.push(BodyItem::Error(self.misplaced(self.block_span(at, at)))),
                Step::Error(span) => body.push(BodyItem::Error(span)),
            }
        };
        Module {
            name,
            title,
            body,
            doc,
            span: self.block_span(start, end),
        }
    }

    /// A nested section; `None` when nested too deeply (reported, and skipped).
    fn section(&mut self, name: Ident, title: Text, start: usize) -> Option<Section> {
        let doc = doc_before(self.text(), start);
        let open = self.head_span(start);
        if !self.enter(start) {
            return None;
        }
        let what = format!("the section `{}`", name.name);
        let mut body = Vec::new();
        let end = loop {
            match self.step(Rule::section_entry, &what, open) {
                Step::Close(end) => break end,
                Step::Entry(Entry::Body(item), _) => body.push(item),
                Step::Entry(Entry::Open(opening), at) => body.extend(self.open_body(opening, at)),
                Step::Entry(_, at) => body.push(BodyItem::Error(self.misplaced(self.block_span(at, at)))),
                Step::Error(span) => body.push(BodyItem::Error(span)),
            }
        };
        self.leave();
        Some(Section {
            name,
            title,
            body,
            doc,
            span: self.block_span(start, end),
        })
    }

    pub(super) fn standard(&mut self, name: Path, doc: Doc, start: usize) -> Standard {
        let open = self.head_span(start);
        let what = format!("the standard `{}`", name.dotted());
        let mut statements = Vec::new();
        let end = loop {
            let stmt = match self.step(Rule::standard_entry, &what, open) {
                Step::Close(end) => break end,
                Step::Entry(Entry::Header(stmt), at) => match stmt {
                    HeaderStmt::Version(v) => StandardStmt::Version(v),
                    HeaderStmt::Title(t) => StandardStmt::Title(t),
                    HeaderStmt::Languages(l, s) => StandardStmt::Languages(l, s),
                    HeaderStmt::Channels(c, s) => StandardStmt::Channels(c, s),
                    HeaderStmt::Anonymous(s) => StandardStmt::Anonymous(s),
                    _ => StandardStmt::Error(self.misplaced(self.block_span(at, at))),
                },
                Step::Entry(Entry::Standard(stmt), _) => stmt,
                Step::Entry(Entry::Open(Opening::Profile { name, title }), at) => {
                    match self.profile(name, title, at) {
                        Some(profile) => StandardStmt::Profile(profile),
                        None => continue,
                    }
                }
                Step::Entry(_, at) => StandardStmt::Error(self.misplaced(self.block_span(at, at))),
                Step::Error(span) => StandardStmt::Error(span),
            };
            statements.push(stmt);
        };
        Standard {
            name,
            statements,
            doc,
            span: self.block_span(start, end),
        }
    }

    fn profile(&mut self, name: Ident, title: Option<Text>, start: usize) -> Option<Profile> {
        let doc = doc_before(self.text(), start);
        let open = self.head_span(start);
        if !self.enter(start) {
            return None;
        }
        let what = format!("the profile `{}`", name.name);
        let mut statements = Vec::new();
        let end = loop {
            match self.step(Rule::profile_stmt, &what, open) {
                Step::Close(end) => break end,
                Step::Entry(Entry::Profile(stmt), _) => statements.push(stmt),
                Step::Entry(_, at) => {
                    statements.push(ProfileStmt::Error(self.misplaced(self.block_span(at, at))))
                }
                Step::Error(span) => statements.push(ProfileStmt::Error(span)),
            }
        };
        self.leave();
        Some(Profile {
            name,
            title,
            statements,
            doc,
            span: self.block_span(start, end),
        })
    }
}
