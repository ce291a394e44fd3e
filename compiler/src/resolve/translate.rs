//! Resolve stage: `translations LANG { key "text" ... }` blocks (docs/language.md §2). A key names
//! `title`, a question (its wording), `question.help`, `question.code`, `list.code`, a
//! section or, in a survey's own blocks, a site's label (`sites.centro`; an unknown site is
//! R0101); a question's inline options win over a list of the same name. List labels are
//! applied first, so a question's own `question.code` wins over its list's. Keys that name
//! nothing are kept for R0302.

use super::model::{KeyTarget, ListDef, QuestionDef, SectionDef, SiteDef, TextDef, UnresolvedKey};
use crate::diagnostics::{closest, Code, Diagnostic, Diagnostics};
use crate::syntax::ast::{self, KeySegment};
use std::collections::BTreeMap;
use std::ops::Range;

/// What a block may name: the questions and sections of a survey, or of one used module.
pub struct Reach<'a> {
    pub questions: Range<usize>,
    pub sections: Range<usize>,
    pub lists: &'a [ListDef],
    /// Whether `title` names the survey's title (survey-level blocks only).
    pub title: bool,
}

/// What one block changes.
pub struct Targets<'a> {
    pub questions: &'a mut [QuestionDef],
    pub sections: &'a mut [SectionDef],
    pub title: Option<&'a mut TextDef>,
    /// The survey's sites (none for a module's blocks).
    pub sites: &'a mut [SiteDef],
}

/// `soddisfazione5.1` as written.
pub fn key_text(key: &[KeySegment]) -> String {
    key.iter()
        .map(|s| match s {
            KeySegment::Name(i) => i.name.clone(),
            KeySegment::Code(c) => c.value.to_string(),
        })
        .collect::<Vec<_>>()
        .join(".")
}

/// The span of the key alone (the entry's when it has no segments).
fn key_span(entry: &ast::TranslationEntry) -> crate::source::Span {
    let spans = entry.key.iter().map(|s| match s {
        KeySegment::Name(i) => i.span,
        KeySegment::Code(c) => c.span,
    });
    spans.reduce(|a, b| a.join(b)).unwrap_or(entry.span)
}

/// Resolve every key of `block` and apply its texts; keys that name nothing go to `unresolved`.
pub fn apply_block(
    block: &ast::TranslationsBlock,
    reach: &Reach<'_>,
    targets: &mut Targets<'_>,
    unresolved: &mut Vec<UnresolvedKey>,
    sink: &mut Diagnostics,
) {
    let language = block.language.name.as_str();
    let mut resolved: Vec<(KeyTarget, &str)> = Vec::new();
    let mut seen: BTreeMap<String, ast::TranslationEntry> = BTreeMap::new();
    for entry in &block.entries {
        let key = key_text(&entry.key);
        if let Some(first) = seen.get(&key) {
            sink.push(
                Diagnostic::new(
                    Code::R0102,
                    format!("`{key}` is translated twice in `translations {language}`"),
                    entry.span,
                    "translated again here",
                )
                .with_secondary(first.span, "first translated here")
                .with_help("keep one translation per key"),
            );
            continue;
        }
        seen.insert(key.clone(), entry.clone());
        let found = resolve_key(&entry.key, targets.questions, targets.sections, reach)
            .map(Ok)
            .or_else(|| site_key(&entry.key, targets.sites, sink));
        match found {
            Some(Ok(target)) => resolved.push((target, &entry.text.value)),
            Some(Err(())) => {}
            None => unresolved.push(UnresolvedKey {
                key,
                span: key_span(entry),
                language: language.to_owned(),
            }),
        }
    }
    // List labels first: a question's own label wins over its list's.
    resolved.sort_by_key(|(t, _)| !matches!(t, KeyTarget::ListCode(..)));
    for (target, text) in resolved {
        apply(target, language, text, reach, targets);
    }
}

/// `sites.centro`, when the survey has sites: `Ok` names a site, `Err` is an unknown site
/// (R0101, reported here); `None` when the key is not a site key.
fn site_key(key: &[KeySegment], sites: &[SiteDef], sink: &mut Diagnostics) -> Option<Result<KeyTarget, ()>> {
    let [KeySegment::Name(head), KeySegment::Name(name)] = key else {
        return None;
    };
    if head.name != "sites" || sites.is_empty() {
        return None;
    }
    if let Some(i) = sites.iter().position(|s| s.id == name.name) {
        return Some(Ok(KeyTarget::Site(i)));
    }
    let mut d = Diagnostic::new(
        Code::R0101,
        format!("unknown site `{}`", name.name),
        name.span,
        "no site of the survey's `sites` block has this id",
    );
    d = match closest(&name.name, sites.iter().map(|s| s.id.as_str())) {
        Some(near) => d.with_help(format!("did you mean `{near}`?")),
        None => {
            let ids: Vec<String> = sites.iter().map(|s| format!("`{}`", s.id)).collect();
            d.with_help(format!("the survey's sites are {}", ids.join(", ")))
        }
    };
    sink.push(d);
    Some(Err(()))
}

/// What `key` names within `reach`, if anything.
pub fn resolve_key(
    key: &[KeySegment],
    questions: &[QuestionDef],
    sections: &[SectionDef],
    reach: &Reach<'_>,
) -> Option<KeyTarget> {
    let question = |name: &str| {
        reach
            .questions
            .clone()
            .find(|&i| questions.get(i).is_some_and(|q| q.id == name))
    };
    match key {
        [KeySegment::Name(n)] if n.name == "title" && reach.title => Some(KeyTarget::Title),
        [KeySegment::Name(n)] => question(&n.name).map(KeyTarget::Wording).or_else(|| {
            reach
                .sections
                .clone()
                .find(|&i| sections.get(i).is_some_and(|s| s.id == n.name))
                .map(KeyTarget::Section)
        }),
        [KeySegment::Name(n), KeySegment::Name(h)] if h.name == "help" => question(&n.name)
            .filter(|&i| questions.get(i).is_some_and(|q| q.help.is_some()))
            .map(KeyTarget::Help),
        [names @ .., KeySegment::Code(c)] if !names.is_empty() => {
            let mut dotted = Vec::new();
            for s in names {
                match s {
                    KeySegment::Name(i) => dotted.push(i.name.as_str()),
                    KeySegment::Code(_) => return None,
                }
            }
            code_key(&dotted.join("."), c.value, questions, reach, question)
        }
        _ => None,
    }
}

/// `question.code` or `list.code`.
fn code_key(
    name: &str,
    code: i64,
    questions: &[QuestionDef],
    reach: &Reach<'_>,
    question: impl Fn(&str) -> Option<usize>,
) -> Option<KeyTarget> {
    let q = question(name).and_then(|i| questions.get(i).map(|q| (i, q)));
    if let Some((i, q)) = q.filter(|(_, q)| q.has_inline_codes()) {
        return q.code(code).map(|_| KeyTarget::QuestionCode(i, code));
    }
    // A named list used by a question in reach.
    let used_list = reach
        .questions
        .clone()
        .filter_map(|i| questions.get(i).and_then(|q| q.list))
        .find(|&l| {
            reach
                .lists
                .get(l)
                .is_some_and(|d| d.name == name || d.full_name == name)
        });
    if let Some(l) = used_list {
        let has_code = reach
            .lists
            .get(l)
            .is_some_and(|d| d.ast.codes.iter().any(|c| c.code.value == code));
        return has_code.then_some(KeyTarget::ListCode(l, code));
    }
    // A built-in code of a question (`problemi_tecnici.1`).
    q.and_then(|(i, q)| q.code(code).map(|_| KeyTarget::QuestionCode(i, code)))
}

fn apply(target: KeyTarget, language: &str, text: &str, reach: &Reach<'_>, targets: &mut Targets<'_>) {
    let set = |t: &mut TextDef| {
        t.values.insert(language.to_owned(), text.to_owned());
    };
    match target {
        KeyTarget::Title => {
            if let Some(t) = targets.title.as_deref_mut() {
                set(t)
            }
        }
        KeyTarget::Wording(i) => {
            if let Some(t) = targets.questions.get_mut(i).and_then(|q| q.wording.as_mut()) {
                set(t)
            }
        }
        KeyTarget::Help(i) => {
            if let Some(t) = targets.questions.get_mut(i).and_then(|q| q.help.as_mut()) {
                set(t)
            }
        }
        KeyTarget::QuestionCode(i, code) => {
            let found = targets
                .questions
                .get_mut(i)
                .and_then(|q| q.codes.iter_mut().find(|c| c.value == code));
            if let Some(c) = found {
                set(&mut c.label)
            }
        }
        KeyTarget::ListCode(list, code) => {
            for i in reach.questions.clone() {
                let Some(q) = targets.questions.get_mut(i) else {
                    continue;
                };
                for c in q
                    .codes
                    .iter_mut()
                    .filter(|c| c.list == Some(list) && c.value == code)
                {
                    set(&mut c.label)
                }
            }
        }
        KeyTarget::Section(i) => {
            if let Some(s) = targets.sections.get_mut(i) {
                set(&mut s.title)
            }
        }
        KeyTarget::Site(i) => {
            if let Some(s) = targets.sites.get_mut(i) {
                set(&mut s.label)
            }
        }
    }
}
