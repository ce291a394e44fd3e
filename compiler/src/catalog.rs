//! The standard library's tables, read for the tools that help write a survey (`rileva new`,
//! a language server): the kinds of administration and of service with their labels, and each
//! standard with its profiles (what they cover, require and allow). Read from the parsed
//! stdlib sources, so the tables are the stdlib's own and never a copy. No I/O.

use crate::ir::Text;
use crate::source::FileId;
use crate::stdlib::{self, PRELUDE};
use crate::syntax::{self, ast};

/// The language of the stdlib's texts without a tag.
const STDLIB_LANGUAGE: &str = "it";

/// One kind of `kinds pa` or `kinds service`.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Kind {
    /// `comune`
    pub id: String,
    /// «Comuni» en "Municipalities"
    pub label: Text,
}

/// A standard's profile: the survey it fits and what it must contain.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Profile {
    /// `istanza_online`
    pub name: String,
    pub title: Option<Text>,
    pub doc: Option<String>,
    /// `None`: `any`.
    pub service_kinds: Option<Vec<String>>,
    /// `None`: `any`.
    pub pa_kinds: Option<Vec<String>>,
    /// Module names (`core`), in the required order.
    pub require: Vec<String>,
    pub allow: Vec<String>,
    /// `None`: no extra question allowed.
    pub extra_max: Option<u32>,
}

impl Profile {
    /// Whether a survey of this kind of administration and of service fits the profile.
    pub fn covers(&self, pa_kind: &str, service_kind: &str) -> bool {
        let lists = |kinds: &Option<Vec<String>>, kind: &str| {
            kinds.as_ref().map_or(true, |k| k.iter().any(|k| k == kind))
        };
        lists(&self.pa_kinds, pa_kind) && lists(&self.service_kinds, service_kind)
    }
}

/// A `standard` item of the stdlib.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Standard {
    /// `istat.cx`: the package, and the name `conforms` uses.
    pub name: String,
    pub version: String,
    pub title: Option<Text>,
    pub doc: Option<String>,
    /// Every conforming survey offers these.
    pub languages: Vec<String>,
    /// The channels a conforming survey may use.
    pub channels: Vec<String>,
    pub anonymous: bool,
    pub max_minutes: Option<u32>,
    pub profiles: Vec<Profile>,
}

impl Standard {
    /// The profiles that cover a survey of these kinds.
    pub fn profiles_for(&self, pa_kind: &str, service_kind: &str) -> Vec<&Profile> {
        self.profiles
            .iter()
            .filter(|p| p.covers(pa_kind, service_kind))
            .collect()
    }
}

/// Everything a tool needs to start a survey from the standard library.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Catalog {
    /// `kinds pa` of the prelude, in order.
    pub pa_kinds: Vec<Kind>,
    /// `kinds service` of the prelude, in order.
    pub service_kinds: Vec<Kind>,
    /// Every standard of every package, in package order.
    pub standards: Vec<Standard>,
}

impl Catalog {
    /// The standard named `name`; of several versions, the one listed last (the newest).
    pub fn standard(&self, name: &str) -> Option<&Standard> {
        self.standards.iter().rev().find(|s| s.name == name)
    }
}

/// The catalog of the embedded standard library.
pub fn stdlib() -> Catalog {
    let mut catalog = Catalog {
        pa_kinds: Vec::new(),
        service_kinds: Vec::new(),
        standards: Vec::new(),
    };
    for (i, package) in stdlib::PACKAGES.iter().enumerate() {
        let id = FileId(u32::try_from(i).unwrap_or(u32::MAX));
        let (file, _) = syntax::parse(id, package.source);
        for item in &file.items {
            match item {
                ast::Item::Kinds(kinds) if package.package == PRELUDE => {
                    let list = kinds.kinds.iter().map(|k| Kind {
                        id: k.name.name.clone(),
                        label: text(&k.label),
                    });
                    match kinds.category.name.as_str() {
                        "pa" => catalog.pa_kinds.extend(list),
                        "service" => catalog.service_kinds.extend(list),
                        _ => {}
                    }
                }
                ast::Item::Standard(s) => catalog.standards.push(standard(s)),
                _ => {}
            }
        }
    }
    catalog
}

fn text(t: &ast::Text) -> Text {
    let mut out = Text::single(STDLIB_LANGUAGE, &t.default.value);
    for tr in &t.translations {
        out.0.insert(tr.language.name.clone(), tr.text.value.clone());
    }
    out
}

fn names(ids: &[ast::Ident]) -> Vec<String> {
    ids.iter().map(|i| i.name.clone()).collect()
}

fn kinds(list: &ast::KindList) -> Option<Vec<String>> {
    match list {
        ast::KindList::Any(_) => None,
        ast::KindList::Kinds(ids) => Some(names(ids)),
    }
}

fn count(n: &ast::IntLit) -> u32 {
    u32::try_from(n.value).unwrap_or(0)
}

fn standard(s: &ast::Standard) -> Standard {
    let mut out = Standard {
        name: s.name.dotted(),
        version: String::new(),
        title: None,
        doc: s.doc.clone(),
        languages: vec![STDLIB_LANGUAGE.to_owned()],
        channels: vec!["web".to_owned()],
        anonymous: false,
        max_minutes: None,
        profiles: Vec::new(),
    };
    for stmt in &s.statements {
        match stmt {
            ast::StandardStmt::Version(v) => out.version = v.text.clone(),
            ast::StandardStmt::Title(t) => out.title = Some(text(t)),
            ast::StandardStmt::Languages(ids, _) => out.languages = names(ids),
            ast::StandardStmt::Channels(ids, _) => out.channels = names(ids),
            ast::StandardStmt::Anonymous(_) => out.anonymous = true,
            ast::StandardStmt::MaxMinutes(n, _) => out.max_minutes = Some(count(n)),
            ast::StandardStmt::Profile(p) => out.profiles.push(profile(p)),
            ast::StandardStmt::Error(_) => {}
        }
    }
    out
}

fn profile(p: &ast::Profile) -> Profile {
    let mut out = Profile {
        name: p.name.name.clone(),
        title: p.title.as_ref().map(text),
        doc: p.doc.clone(),
        service_kinds: None,
        pa_kinds: None,
        require: Vec::new(),
        allow: Vec::new(),
        extra_max: None,
    };
    for stmt in &p.statements {
        match stmt {
            ast::ProfileStmt::ServiceKinds(list, _) => out.service_kinds = kinds(list),
            ast::ProfileStmt::PaKinds(list, _) => out.pa_kinds = kinds(list),
            ast::ProfileStmt::Require(ids, _) => out.require.extend(names(ids)),
            ast::ProfileStmt::Allow(ids, _) => out.allow.extend(names(ids)),
            ast::ProfileStmt::ExtraMax(n, _) => out.extra_max = Some(count(n)),
            ast::ProfileStmt::Error(_) => {}
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn reads_the_prelude_kinds_with_labels() {
        let c = stdlib();
        let comune = c.pa_kinds.iter().find(|k| k.id == "comune");
        assert_eq!(comune.map(|k| k.label.get("it")), Some("Comuni"));
        assert_eq!(comune.map(|k| k.label.get("en")), Some("Municipalities"));
        assert_eq!(c.pa_kinds.len(), 13);
        assert_eq!(c.service_kinds.len(), 7);
    }

    #[test]
    fn reads_profiles_and_what_they_cover() {
        let c = stdlib();
        let cx = c.standard("istat.cx");
        let Some(cx) = cx else {
            panic!("istat.cx is in the stdlib")
        };
        assert_eq!(cx.version, "2024.1");
        assert_eq!(cx.channels, ["web", "app", "kiosk"]);
        let online: Vec<&str> = cx
            .profiles_for("comune", "certificato")
            .iter()
            .map(|p| p.name.as_str())
            .collect();
        assert_eq!(online, ["istanza_online"]);
        let p = &cx.profiles_for("inps", "sportello")[0];
        assert_eq!(p.require, ["core", "sportello"]);
        assert_eq!(p.extra_max, Some(3));
        let faccia = c.standard("funzione_pubblica.mettiamoci_la_faccia");
        assert_eq!(
            faccia.map(|s| s.profiles_for("comune", "informativo").len()),
            Some(0)
        );
    }
}
