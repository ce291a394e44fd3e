//! Syntax stage, fast path: the one-line statements of a survey header, a standard and a
//! profile, the heads of blocks, and the entries of kiosk and translations blocks.

use super::cursor::Cursor;
use crate::syntax::ast::*;
use crate::syntax::build::{Entry, KioskStmt, Opening};

/// Words an import's alias cannot be (`alias` in the grammar).
const ITEM_WORDS: &[&str] = &[
    "import", "scale", "options", "kinds", "module", "standard", "survey",
];

impl Cursor<'_> {
    /// A statement shared by the survey header and the standard.
    pub fn header_stmt(&mut self, keyword: &str) -> Option<Entry> {
        let start = self.pos;
        self.keyword(keyword);
        let stmt = match keyword {
            "version" => HeaderStmt::Version(self.version()?),
            "title" => HeaderStmt::Title(self.text()?),
            "languages" => HeaderStmt::Languages(self.name_list()?, self.span(start)),
            "channels" => HeaderStmt::Channels(self.name_list()?, self.span(start)),
            "anonymous" => HeaderStmt::Anonymous(self.span(start)),
            _ => return None,
        };
        Some(Entry::Header(stmt))
    }

    /// `agency "inps" kind ente_previdenziale`, `service "..." kind ...`
    pub fn agency_or_service(&mut self, keyword: &str) -> Option<Entry> {
        let start = self.pos;
        self.keyword(keyword);
        let code = self.string()?;
        let kind = if self.keyword("kind") {
            Some(self.name()?)
        } else {
            None
        };
        let span = self.span(start);
        Some(Entry::Header(match keyword {
            "agency" => HeaderStmt::Agency { code, kind, span },
            _ => HeaderStmt::Service { code, kind, span },
        }))
    }

    /// `conforms istat.cx 2024.1 profile istanza_online`
    pub fn conforms(&mut self) -> Option<Entry> {
        let start = self.pos;
        self.keyword("conforms");
        let standard = self.path()?;
        let version = self.version()?;
        if !self.keyword("profile") {
            return None;
        }
        let profile = self.name()?;
        Some(Entry::Header(HeaderStmt::Conforms {
            standard,
            version,
            profile,
            span: self.span(start),
        }))
    }

    /// A profile statement: `service kinds ...`, `pa kinds ...`, `require ...`, `allow ...`,
    /// `extra max N`.
    pub fn profile_stmt(&mut self) -> Option<Entry> {
        let start = self.pos;
        let keyword = self.word();
        if !self.keyword(keyword) {
            return None;
        }
        let stmt = match keyword {
            "service" | "pa" => {
                if !self.keyword("kinds") {
                    return None;
                }
                let list_start = self.pos;
                let kinds = if self.keyword("any") {
                    KindList::Any(self.span(list_start))
                } else {
                    KindList::Kinds(self.name_list()?)
                };
                match keyword {
                    "service" => ProfileStmt::ServiceKinds(kinds, self.span(start)),
                    _ => ProfileStmt::PaKinds(kinds, self.span(start)),
                }
            }
            "require" => ProfileStmt::Require(self.name_list()?, self.span(start)),
            "allow" => ProfileStmt::Allow(self.name_list()?, self.span(start)),
            "extra" => {
                if !self.keyword("max") {
                    return None;
                }
                ProfileStmt::ExtraMax(self.int()?, self.span(start))
            }
            _ => return None,
        };
        Some(Entry::Profile(stmt))
    }

    /// `max minutes N` in a standard.
    pub fn max_minutes(&mut self) -> Option<Entry> {
        let start = self.pos;
        if !(self.keyword("max") && self.keyword("minutes")) {
            return None;
        }
        let minutes = self.int()?;
        Some(Entry::Standard(StandardStmt::MaxMinutes(
            minutes,
            self.span(start),
        )))
    }

    /// `import PATH` or `import PATH as ALIAS`
    pub fn import(&mut self) -> Option<Entry> {
        let start = self.pos;
        self.keyword("import");
        let package = self.path()?;
        let alias = if self.keyword("as") {
            if ITEM_WORDS.contains(&self.word()) {
                return None;
            }
            Some(self.name()?)
        } else {
            None
        };
        Some(Entry::Item(Item::Import(Import {
            package,
            alias,
            span: self.span(start),
        })))
    }

    /// The head of a block, up to its `{`, from its keyword.
    pub fn opening(&mut self, keyword: &str) -> Option<Entry> {
        self.keyword(keyword);
        let opening = match keyword {
            "scale" => Opening::CodeList {
                kind: CodeListKind::Scale,
                name: self.name()?,
            },
            "options" => Opening::CodeList {
                kind: CodeListKind::Options,
                name: self.name()?,
            },
            "kinds" => Opening::Kinds {
                category: self.name()?,
            },
            "module" => Opening::Module { name: self.name()? },
            "standard" => Opening::Standard { name: self.path()? },
            "survey" => Opening::Survey { name: self.path()? },
            "section" => Opening::Section {
                name: self.name()?,
                title: self.text()?,
            },
            "profile" => {
                let name = self.name()?;
                let title = if self.peek() == Some(b'"') {
                    Some(self.text()?)
                } else {
                    None
                };
                Opening::Profile { name, title }
            }
            "translations" => Opening::Translations {
                language: self.name()?,
            },
            "kiosk" => Opening::Kiosk,
            "sites" => Opening::Sites,
            _ => return None,
        };
        self.punct(b'{').then_some(Entry::Open(opening))
    }

    /// `screen W x H`, `reset after 20s`, `thanks TEXT`
    pub fn kiosk_stmt(&mut self) -> Option<Entry> {
        let start = self.pos;
        let stmt = if self.keyword("screen") {
            let width = self.int()?;
            if !self.keyword("x") {
                return None;
            }
            let height = self.int()?;
            KioskStmt::Screen(width, height, self.span(start))
        } else if self.keyword("reset") {
            if !self.keyword("after") {
                return None;
            }
            KioskStmt::Reset(self.duration()?, self.span(start))
        } else if self.keyword("thanks") {
            KioskStmt::Thanks(self.text()?, self.span(start))
        } else {
            return None;
        };
        Some(Entry::Kiosk(stmt))
    }

    /// `soddisfazione5.1 "Überhaupt nicht zufrieden"`
    pub fn translation_entry(&mut self) -> Option<Entry> {
        let start = self.pos;
        let key = self.translation_key()?;
        let text = self.string()?;
        Some(Entry::Translation(TranslationEntry {
            key,
            text,
            span: self.span(start),
        }))
    }

    /// `comune "Comune" de "Gemeinde"`, or a site.
    pub fn kind_def(&mut self) -> Option<Entry> {
        let start = self.pos;
        let name = self.name()?;
        let label = self.kind_label()?;
        Some(Entry::Kind(KindDef {
            name,
            label,
            span: self.span(start),
        }))
    }

    /// `positive 4 5`: codes on the line of `positive`.
    pub fn positive(&mut self) -> Option<Entry> {
        let start = self.pos;
        self.keyword("positive");
        let codes = self.int_line()?;
        Some(Entry::Positive(Positive {
            codes,
            span: self.span(start),
        }))
    }
}
