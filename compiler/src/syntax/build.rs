//! Syntax stage, tree building: turns the pairs of one grammar run into AST nodes. Leaf
//! problems the grammar cannot see (bad escapes, numbers too large) become R0001 here.

use super::ast::*;
use super::errors::is_punctuation;
use super::lexical::decode_string;
use super::Rule;
use crate::diagnostics::{Code, Diagnostic};
use crate::source::{FileId, Span};
use pest::iterators::Pair;
use std::sync::Arc;

pub(crate) type P<'i> = Pair<'i, Rule>;

/// What one grammar run (one entry of a block) produced.
pub(crate) enum Entry {
    Item(Item),
    Header(HeaderStmt),
    Standard(StandardStmt),
    Profile(ProfileStmt),
    Body(BodyItem),
    ModuleTitle(Text),
    /// One line of a list-like block: a code, a kind, a kiosk statement, a translation.
    Code(CodeDef),
    /// `positive 4 5` in a scale.
    Positive(Positive),
    Kind(KindDef),
    Kiosk(KioskStmt),
    Translation(TranslationEntry),
    /// The head of a block whose entries follow: `survey x {`, `section s "..." {`...
    Open(Opening),
}

pub(crate) enum Opening {
    Module { name: Ident },
    Standard { name: Path },
    Survey { name: Path },
    Section { name: Ident, title: Text },
    Profile { name: Ident, title: Option<Text> },
    CodeList { kind: CodeListKind, name: Ident },
    Kinds { category: Ident },
    Kiosk,
    Sites,
    Translations { language: Ident },
}

/// One statement of a `kiosk { }` block, with its span.
pub(crate) enum KioskStmt {
    Screen(IntLit, IntLit, Span),
    Reset(Duration, Span),
    Thanks(Text, Span),
}

/// Builds nodes from pairs of a grammar run over `text[base..]`.
pub(crate) struct Builder<'a> {
    pub file: FileId,
    pub base: usize,
    pub text: &'a str,
    pub diags: &'a mut Vec<Diagnostic>,
}

/// End of a pair without the whitespace a trailing `x*` or `x?` may have skipped.
fn tight_end(pair: &P) -> usize {
    match pair.clone().into_inner().next_back() {
        Some(last) => tight_end(&last),
        None => pair.as_span().end(),
    }
}

/// The inner pairs that carry content: keywords and punctuation are left out.
pub(crate) fn parts<'i>(pair: P<'i>) -> impl Iterator<Item = P<'i>> {
    pair.into_inner().filter(|p| !is_punctuation(p.as_rule()))
}

/// The first inner pair that carries content (wrapper rules hold exactly one).
fn only(pair: P) -> Option<P> {
    parts(pair).next()
}

impl Builder<'_> {
    pub fn span(&self, pair: &P) -> Span {
        Span::new(
            self.file,
            self.base + pair.as_span().start(),
            self.base + tight_end(pair),
        )
    }

    fn error(&mut self, span: Span, message: impl Into<String>, label: &str, help: &str) {
        self.diags
            .push(Diagnostic::new(Code::R0001, message, span, label).with_help(help));
    }

    pub fn ident(&self, pair: &P) -> Ident {
        Ident {
            name: pair.as_str().to_owned(),
            span: self.span(pair),
        }
    }

    pub fn path(&self, pair: P) -> Path {
        let span = self.span(&pair);
        let segments = pair.into_inner().map(|p| self.ident(&p)).collect();
        Path { segments, span }
    }

    pub fn int(&mut self, pair: &P) -> IntLit {
        let span = self.span(pair);
        let digits = pair.as_str();
        let value = match digits.parse::<i64>() {
            Ok(v) => v,
            Err(_) => {
                self.error(
                    span,
                    "number too large",
                    "this number does not fit",
                    "write a number between -9223372036854775808 and 9223372036854775807",
                );
                if digits.starts_with('-') {
                    i64::MIN
                } else {
                    i64::MAX
                }
            }
        };
        IntLit { value, span }
    }

    pub(super) fn duration(&mut self, pair: &P) -> Duration {
        let span = self.span(pair);
        let raw = pair.as_str();
        let (digits, unit) = raw.split_at(raw.len().saturating_sub(1));
        let factor = if unit == "m" { 60 } else { 1 };
        let seconds = digits.parse::<u64>().ok().and_then(|n| n.checked_mul(factor));
        if seconds.is_none() {
            self.error(
                span,
                "duration too long",
                "this duration does not fit",
                "write a duration such as `20s` or `2m`",
            );
        }
        Duration {
            seconds: seconds.unwrap_or(u64::MAX),
            span,
        }
    }

    pub fn string(&mut self, pair: P) -> StrLit {
        let span = self.span(&pair);
        let body = pair.into_inner().next();
        let (raw, offset) = body.map_or(("", 0), |b| (b.as_str(), self.base + b.as_span().start()));
        let value = match decode_string(raw, offset) {
            Ok(value) => value,
            Err(e) => {
                let span = Span::new(self.file, e.start, e.end);
                self.error(
                    span,
                    e.message,
                    "this escape",
                    "the escapes are `\\\"` (a quote), `\\\\` (a backslash), `\\n` (a new line) and `\\u{...}`",
                );
                raw.to_owned()
            }
        };
        StrLit { value, span }
    }

    /// A `text` or a `kind_label`: a string, then `LANG "..."` translations.
    pub fn text(&mut self, pair: P) -> Text {
        let span = self.span(&pair);
        let mut inner = pair.into_inner();
        let default = match inner.next() {
            Some(s) => self.string(s),
            None => StrLit {
                value: String::new(),
                span,
            },
        };
        let mut translations = Vec::new();
        for translation in inner {
            let mut pieces = translation.into_inner();
            if let (Some(lang), Some(s)) = (pieces.next(), pieces.next()) {
                translations.push(Translation {
                    language: self.ident(&lang),
                    text: self.string(s),
                });
            }
        }
        Text {
            default,
            translations,
            span,
        }
    }

    pub fn name_list(&self, pair: P) -> Vec<Ident> {
        pair.into_inner().map(|p| self.ident(&p)).collect()
    }

    /// `1 "label" en "..."`, `missing 9 "..."`, `99 "Altro" specify`
    pub fn code_def(&mut self, pair: P) -> CodeDef {
        let span = self.span(&pair);
        let mut code = None;
        let mut label = None;
        let (mut missing, mut specify) = (false, false);
        for part in pair.into_inner() {
            match part.as_rule() {
                Rule::kw_missing => missing = true,
                Rule::kw_specify => specify = true,
                Rule::int => code = Some(self.int(&part)),
                Rule::text => label = Some(self.text(part)),
                _ => {}
            }
        }
        CodeDef {
            code: code.unwrap_or(IntLit { value: 0, span }),
            label: label.unwrap_or_else(|| empty_text(span)),
            missing,
            specify,
            span,
        }
    }

    /// The `///` lines right before the entry that starts at `pair`.
    pub fn doc(&self, pair: &P) -> Doc {
        doc_before(self.text, self.base + pair.as_span().start())
    }

    /// Build one entry of a block (a wrapper rule such as `survey_entry`, or the rule itself).
    pub fn entry(&mut self, pair: P) -> Option<Entry> {
        let doc = self.doc(&pair);
        let span = self.span(&pair);
        let entry = match pair.as_rule() {
            Rule::item
            | Rule::survey_entry
            | Rule::module_entry
            | Rule::section_entry
            | Rule::standard_entry
            | Rule::header_stmt
            | Rule::body_item
            | Rule::code_entry
            | Rule::profile_stmt => return only(pair).and_then(|inner| self.entry(inner)),
            Rule::import_item => Entry::Item(Item::Import(self.import(pair))),
            Rule::code_list_head => {
                let mut kind = CodeListKind::Scale;
                let mut name = None;
                for part in pair.into_inner() {
                    match part.as_rule() {
                        Rule::kw_options => kind = CodeListKind::Options,
                        Rule::name => name = Some(self.ident(&part)),
                        _ => {}
                    }
                }
                Entry::Open(Opening::CodeList { kind, name: name? })
            }
            Rule::kinds_head => Entry::Open(Opening::Kinds {
                category: self.ident(&only(pair)?),
            }),
            Rule::translations_head => Entry::Open(Opening::Translations {
                language: self.ident(&only(pair)?),
            }),
            Rule::kiosk_head => Entry::Open(Opening::Kiosk),
            Rule::sites_head => Entry::Open(Opening::Sites),
            Rule::code_def => Entry::Code(self.code_def(pair)),
            Rule::positive_stmt => Entry::Positive(self.positive(pair)?),
            Rule::kind_def | Rule::site_def => Entry::Kind(self.kind_def(pair)?),
            Rule::kiosk_stmt => Entry::Kiosk(self.kiosk_stmt(only(pair)?)?),
            Rule::translation_entry => Entry::Translation(self.translation_entry(pair)?),
            Rule::module_head => Entry::Open(Opening::Module {
                name: self.ident(&only(pair)?),
            }),
            Rule::standard_head => Entry::Open(Opening::Standard {
                name: self.path(only(pair)?),
            }),
            Rule::survey_head => Entry::Open(Opening::Survey {
                name: self.path(only(pair)?),
            }),
            Rule::section_head => {
                let mut inner = parts(pair);
                let name = self.ident(&inner.next()?);
                let title = self.text(inner.next()?);
                Entry::Open(Opening::Section { name, title })
            }
            Rule::profile_head => {
                let mut inner = parts(pair);
                let name = self.ident(&inner.next()?);
                let title = inner.next().map(|t| self.text(t));
                Entry::Open(Opening::Profile { name, title })
            }
            Rule::module_title => Entry::ModuleTitle(self.text(only(pair)?)),
            Rule::use_item => Entry::Body(BodyItem::Use(Use {
                module: self.path(only(pair)?),
                span,
            })),
            Rule::question_item => Entry::Body(BodyItem::Question(Arc::new(self.question(pair, doc)))),
            Rule::check_item => Entry::Body(BodyItem::Check(self.check(pair)?)),
            Rule::agency_stmt | Rule::service_stmt => Entry::Header(self.agency_or_service(pair)?),
            Rule::conforms_stmt => Entry::Header(self.conforms(pair)?),
            _ => return self.statement(pair),
        };
        Some(entry)
    }

    fn import(&mut self, pair: P) -> Import {
        let span = self.span(&pair);
        let mut inner = parts(pair);
        let package = inner.next().map(|p| self.path(p));
        let alias = inner.next().map(|p| self.ident(&p));
        Import {
            package: package.unwrap_or(Path {
                segments: Vec::new(),
                span,
            }),
            alias,
            span,
        }
    }

    /// `positive 4 5`
    fn positive(&mut self, pair: P) -> Option<Positive> {
        let span = self.span(&pair);
        let line = only(pair)?;
        let codes = line.into_inner().map(|p| self.int(&p)).collect();
        Some(Positive { codes, span })
    }

    /// `comune "Comune" de "Gemeinde"`, or a site: `centro "Anagrafe centrale" en "..."`
    fn kind_def(&mut self, pair: P) -> Option<KindDef> {
        let span = self.span(&pair);
        let mut pieces = pair.into_inner();
        let (name, label) = (pieces.next()?, pieces.next()?);
        Some(KindDef {
            name: self.ident(&name),
            label: self.text(label),
            span,
        })
    }
}

pub(crate) fn empty_ident(span: Span) -> Ident {
    Ident {
        name: String::new(),
        span,
    }
}

pub(crate) fn empty_text(span: Span) -> Text {
    Text {
        default: StrLit {
            value: String::new(),
            span,
        },
        translations: Vec::new(),
        span,
    }
}

/// The `///` comment lines right above `start` (blank lines and `//` comments between them
/// are allowed), joined with newlines; `None` when there are none or code precedes `start`
/// on its line.
pub(crate) fn doc_before(text: &str, start: usize) -> Doc {
    let head = text.get(..start)?;
    let line_start = head.rfind('\n').map_or(0, |i| i + 1);
    if !head.get(line_start..)?.trim().is_empty() {
        return None;
    }
    let mut lines = Vec::new();
    for line in head.get(..line_start)?.lines().rev() {
        let line = line.trim();
        if let Some(doc) = line.strip_prefix("///").filter(|rest| !rest.starts_with('/')) {
            lines.push(doc.strip_prefix(' ').unwrap_or(doc).trim_end());
        } else if !line.is_empty() && !line.starts_with("//") {
            break;
        }
    }
    if lines.is_empty() {
        return None;
    }
    lines.reverse();
    Some(lines.join("\n"))
}
