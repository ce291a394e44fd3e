//! Syntax stage, tree building for statements: header, standard and profile statements,
//! kiosk statements, questions, checks and translation entries.

use super::ast::*;
use super::build::{empty_ident, empty_text, parts, Builder, Entry, KioskStmt, P};
use super::Rule;
use crate::diagnostics::{Code, Diagnostic};

impl Builder<'_> {
    /// One-line statements shared by the survey header, the standard and profiles.
    pub(super) fn statement(&mut self, pair: P) -> Option<Entry> {
        let span = self.span(&pair);
        let rule = pair.as_rule();
        let mut inner = parts(pair);
        let entry = match rule {
            Rule::version_stmt => {
                let version = self.version_of(&inner.next()?);
                Entry::Header(HeaderStmt::Version(version))
            }
            Rule::title_stmt => Entry::Header(HeaderStmt::Title(self.text(inner.next()?))),
            Rule::languages_stmt => Entry::Header(HeaderStmt::Languages(self.name_list(inner.next()?), span)),
            Rule::channels_stmt => Entry::Header(HeaderStmt::Channels(self.name_list(inner.next()?), span)),
            Rule::anonymous_stmt => Entry::Header(HeaderStmt::Anonymous(span)),
            Rule::max_minutes_stmt => {
                let minutes = self.int(&inner.find(|p| p.as_rule() == Rule::int)?);
                Entry::Standard(StandardStmt::MaxMinutes(minutes, span))
            }
            Rule::service_kinds => {
                let kinds = self.kind_list(inner.find(|p| p.as_rule() == Rule::kind_list)?);
                Entry::Profile(ProfileStmt::ServiceKinds(kinds, span))
            }
            Rule::pa_kinds => {
                let kinds = self.kind_list(inner.find(|p| p.as_rule() == Rule::kind_list)?);
                Entry::Profile(ProfileStmt::PaKinds(kinds, span))
            }
            Rule::require_stmt => {
                let modules = self.name_list(inner.find(|p| p.as_rule() == Rule::name_list)?);
                Entry::Profile(ProfileStmt::Require(modules, span))
            }
            Rule::allow_stmt => {
                let modules = self.name_list(inner.find(|p| p.as_rule() == Rule::name_list)?);
                Entry::Profile(ProfileStmt::Allow(modules, span))
            }
            Rule::extra_max => {
                let max = self.int(&inner.find(|p| p.as_rule() == Rule::int)?);
                Entry::Profile(ProfileStmt::ExtraMax(max, span))
            }
            _ => return None,
        };
        Some(entry)
    }

    fn version_of(&self, pair: &P) -> Version {
        Version {
            text: pair.as_str().to_owned(),
            span: self.span(pair),
        }
    }

    fn kind_list(&mut self, pair: P) -> KindList {
        let span = self.span(&pair);
        match pair.into_inner().next() {
            Some(list) if list.as_rule() == Rule::name_list => KindList::Kinds(self.name_list(list)),
            Some(_) => KindList::Any(span),
            None => KindList::Kinds(Vec::new()),
        }
    }

    /// `agency "inps" kind ente_previdenziale` or `service "..." kind ...`
    pub(super) fn agency_or_service(&mut self, pair: P) -> Option<HeaderStmt> {
        let span = self.span(&pair);
        let is_agency = pair.as_rule() == Rule::agency_stmt;
        let mut code = None;
        let mut kind = None;
        for part in parts(pair) {
            match part.as_rule() {
                Rule::string => code = Some(self.string(part)),
                Rule::name => kind = Some(self.ident(&part)),
                _ => {}
            }
        }
        let code = code?;
        Some(if is_agency {
            HeaderStmt::Agency { code, kind, span }
        } else {
            HeaderStmt::Service { code, kind, span }
        })
    }

    /// `conforms istat.cx 2024.1 profile istanza_online`
    pub(super) fn conforms(&mut self, pair: P) -> Option<HeaderStmt> {
        let span = self.span(&pair);
        let mut standard = None;
        let mut version = None;
        let mut profile = None;
        for part in parts(pair) {
            match part.as_rule() {
                Rule::path => standard = Some(self.path(part)),
                Rule::version => version = Some(self.version_of(&part)),
                Rule::name => profile = Some(self.ident(&part)),
                _ => {}
            }
        }
        Some(HeaderStmt::Conforms {
            standard: standard?,
            version: version?,
            profile: profile?,
            span,
        })
    }

    /// One statement of a kiosk block: `screen 1280 x 800`, `reset after 20s`, `thanks "..."`.
    pub(super) fn kiosk_stmt(&mut self, stmt: P) -> Option<KioskStmt> {
        let span = self.span(&stmt);
        let rule = stmt.as_rule();
        let mut inner =
            parts(stmt).filter(|p| matches!(p.as_rule(), Rule::int | Rule::duration | Rule::text));
        Some(match rule {
            Rule::screen_stmt => {
                let (width, height) = (inner.next()?, inner.next()?);
                KioskStmt::Screen(self.int(&width), self.int(&height), span)
            }
            Rule::reset_stmt => KioskStmt::Reset(self.duration(&inner.next()?), span),
            _ => KioskStmt::Thanks(self.text(inner.next()?), span),
        })
    }

    /// `question ID: TYPE { TEXT properties... codes... }`
    pub(super) fn question(&mut self, pair: P, doc: Doc) -> Question {
        let span = self.span(&pair);
        let mut question = Question {
            name: empty_ident(span),
            ty: QuestionType::YesNo,
            wording: None,
            properties: Vec::new(),
            codes: Vec::new(),
            doc,
            span,
        };
        let mut wording_missing_at = None;
        for part in parts(pair) {
            match part.as_rule() {
                Rule::name => question.name = self.ident(&part),
                Rule::question_type => question.ty = self.question_type(part),
                Rule::text => question.wording = Some(self.text(part)),
                Rule::property => {
                    wording_missing_at.get_or_insert(self.span(&part));
                    if let Some(property) = parts(part).next().and_then(|p| self.property(p)) {
                        question.properties.push(property);
                    }
                }
                Rule::code_def => {
                    wording_missing_at.get_or_insert(self.span(&part));
                    question.codes.push(self.code_def(part));
                }
                _ => {}
            }
        }
        if question.wording.is_none() {
            let at = wording_missing_at.unwrap_or(span);
            self.diags.push(
                Diagnostic::new(
                    Code::R0001,
                    format!("question `{}` has no wording", question.name.name),
                    at,
                    "expected the wording in quotes before this",
                )
                .with_help("start the question block with its wording, e.g. `\"Quanto è soddisfatto?\"`"),
            );
        }
        question
    }

    fn question_type(&mut self, pair: P) -> QuestionType {
        let span = self.span(&pair);
        let Some(ty) = parts(pair).next() else {
            return QuestionType::YesNo;
        };
        let rule = ty.as_rule();
        let mut inner = parts(ty);
        let next_int = |b: &mut Self, inner: &mut dyn Iterator<Item = P>| {
            let mut found = None;
            for p in &mut *inner {
                if p.as_rule() == Rule::int {
                    found = Some(b.int(&p));
                    break;
                }
            }
            found.unwrap_or(IntLit { value: 0, span })
        };
        match rule {
            Rule::scale_type => match inner.next() {
                Some(path) => QuestionType::Scale(self.path(path)),
                None => QuestionType::Scale(Path {
                    segments: Vec::new(),
                    span,
                }),
            },
            Rule::choice_type => QuestionType::Choice(inner.next().map(|p| self.path(p))),
            Rule::multi_type => QuestionType::Multi(inner.next().map(|p| self.path(p))),
            Rule::faces_type => QuestionType::Faces,
            Rule::rating_type => QuestionType::Rating(next_int(self, &mut inner)),
            Rule::nps_type => QuestionType::Nps,
            Rule::number_type => {
                let min = next_int(self, &mut inner);
                let max = next_int(self, &mut inner);
                QuestionType::Number { min, max }
            }
            Rule::text_type => {
                let max = inner.find(|p| p.as_rule() == Rule::int).map(|p| self.int(&p));
                QuestionType::Text { max }
            }
            _ => QuestionType::YesNo,
        }
    }

    fn property(&mut self, pair: P) -> Option<Property> {
        let span = self.span(&pair);
        let rule = pair.as_rule();
        let mut inner = parts(pair);
        Some(match rule {
            Rule::help_prop => Property::Help(self.text(inner.next()?)),
            Rule::required_prop => Property::Required(span),
            Rule::show_if_prop => Property::ShowIf(self.expr(inner.find(|p| p.as_rule() == Rule::expr)?)),
            Rule::channels_prop => Property::Channels(self.name_list(inner.next()?), span),
            Rule::personal_prop => Property::Personal(span),
            Rule::locked_prop => Property::Locked(span),
            Rule::min_prop => Property::Min(self.int(&inner.next()?), span),
            Rule::max_prop => Property::Max(self.int(&inner.next()?), span),
            _ => return None,
        })
    }

    /// `check EXPR else TEXT`
    pub(super) fn check(&mut self, pair: P) -> Option<Check> {
        let span = self.span(&pair);
        let mut condition = None;
        let mut message = None;
        for part in parts(pair) {
            match part.as_rule() {
                Rule::expr => condition = Some(self.expr(part)),
                Rule::text => message = Some(self.text(part)),
                _ => {}
            }
        }
        Some(Check {
            condition: condition?,
            message: message.unwrap_or_else(|| empty_text(span)),
            span,
        })
    }

    /// One entry of a translations block: `soddisfazione5.1 "Überhaupt nicht zufrieden"`.
    pub(super) fn translation_entry(&mut self, pair: P) -> Option<TranslationEntry> {
        let span = self.span(&pair);
        let mut pieces = pair.into_inner();
        let (key, text) = (pieces.next()?, pieces.next()?);
        let key = key
            .into_inner()
            .map(|seg| match seg.as_rule() {
                Rule::int => KeySegment::Code(self.int(&seg)),
                _ => KeySegment::Name(self.ident(&seg)),
            })
            .collect();
        Some(TranslationEntry {
            key,
            text: self.string(text),
            span,
        })
    }
}
