//! Lower stage: a `standard` item -> [`StandardSpec`], its modules' questions lowered like a
//! survey's (every language they are written in kept), for conformance.

use super::question::{lower_question, to_u32, Languages};
use crate::conformance::{ProfileSpec, StandardSpec};
use crate::ir;
use crate::resolve::model::StandardId;
use crate::resolve::Db;
use crate::source::Span;
use crate::syntax::ast;

pub fn standard_spec(db: &Db, id: StandardId) -> Option<StandardSpec> {
    let def = db.standards.get(id)?;
    let mut spec = StandardSpec {
        name: def.name.clone(),
        package: db
            .files
            .get(def.file)
            .and_then(|f| f.package())
            .unwrap_or(&def.name)
            .to_owned(),
        version: String::new(),
        languages: Vec::new(),
        channels: Vec::new(),
        anonymous: false,
        max_minutes: None,
        profiles: Vec::new(),
        modules: Vec::new(),
        span: def.ast.name.span,
        version_span: Span::default(),
        languages_span: Span::default(),
        channels_span: Span::default(),
        anonymous_span: Span::default(),
        max_minutes_span: Span::default(),
    };
    for stmt in &def.ast.statements {
        match stmt {
            ast::StandardStmt::Version(v) => {
                spec.version = v.text.clone();
                spec.version_span = v.span;
            }
            ast::StandardStmt::Languages(ids, span) => {
                spec.languages = ids.iter().map(|i| i.name.clone()).collect();
                spec.languages_span = *span;
            }
            ast::StandardStmt::Channels(ids, span) => {
                spec.channels = ids.iter().filter_map(|i| ir::Channel::parse(&i.name)).collect();
                spec.channels_span = *span;
            }
            ast::StandardStmt::Anonymous(span) => {
                spec.anonymous = true;
                spec.anonymous_span = *span;
            }
            ast::StandardStmt::MaxMinutes(n, span) => {
                spec.max_minutes = Some(to_u32(n.value));
                spec.max_minutes_span = *span;
            }
            ast::StandardStmt::Profile(p) => spec.profiles.push(profile_spec(p)),
            ast::StandardStmt::Title(_) | ast::StandardStmt::Error(_) => {}
        }
    }
    if spec.languages.is_empty() {
        spec.languages = vec!["it".to_owned()];
    }
    if spec.channels.is_empty() {
        spec.channels = vec![ir::Channel::Web];
    }
    let modules = db.standard_modules.get(&id).map(Vec::as_slice).unwrap_or(&[]);
    spec.modules = modules
        .iter()
        .map(|m| {
            let questions = m
                .questions
                .iter()
                .map(|q| lower_question(db, q.clone(), Languages::All, &spec.channels))
                .collect();
            (m.name.clone(), questions)
        })
        .collect();
    Some(spec)
}

fn profile_spec(p: &ast::Profile) -> ProfileSpec {
    let mut spec = ProfileSpec {
        name: p.name.name.clone(),
        service_kinds: None,
        pa_kinds: None,
        require: Vec::new(),
        allow: Vec::new(),
        extra_max: None,
        span: p.name.span,
        service_kinds_span: p.name.span,
        pa_kinds_span: p.name.span,
        require_span: p.name.span,
        extra_max_span: p.name.span,
    };
    for stmt in &p.statements {
        match stmt {
            ast::ProfileStmt::ServiceKinds(kinds, span) => {
                spec.service_kinds = kind_list(kinds);
                spec.service_kinds_span = *span;
            }
            ast::ProfileStmt::PaKinds(kinds, span) => {
                spec.pa_kinds = kind_list(kinds);
                spec.pa_kinds_span = *span;
            }
            ast::ProfileStmt::Require(ids, span) => {
                spec.require = ids.iter().map(|i| i.name.clone()).collect();
                spec.require_span = *span;
            }
            ast::ProfileStmt::Allow(ids, _) => spec.allow = ids.iter().map(|i| i.name.clone()).collect(),
            ast::ProfileStmt::ExtraMax(n, span) => {
                spec.extra_max = Some(to_u32(n.value));
                spec.extra_max_span = *span;
            }
            ast::ProfileStmt::Error(_) => {}
        }
    }
    spec
}

fn kind_list(kinds: &ast::KindList) -> Option<Vec<String>> {
    match kinds {
        ast::KindList::Any(_) => None,
        ast::KindList::Kinds(ids) => Some(ids.iter().map(|i| i.name.clone()).collect()),
    }
}
