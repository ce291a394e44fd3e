//! Resolve stage: one question's type, codes and properties. A named list that does not
//! resolve leaves the question with no codes and `codes_known == false` (a placeholder).

use super::items::report_codes_twice;
use super::model::{CodeDef, FileIdx, ListDef, ModuleUse, QuestionDef, TextDef};
use super::scope::{Namespace, Scope};
use crate::diagnostics::{Code, Diagnostic, Diagnostics};
use crate::ir::QuestionKind;
use crate::lower::builtin;
use crate::source::Span;
use crate::syntax::ast;
use std::collections::BTreeSet;
use std::sync::Arc;

/// Where a question is written: its file, section and module.
pub struct QuestionSite<'a> {
    pub file: FileIdx,
    pub default_language: &'a str,
    pub section: Option<String>,
    pub module: Option<ModuleUse>,
}

/// Resolve one question. Lists it names are added to `used_lists`.
pub fn build_question(
    scope: &Scope<'_>,
    site: &QuestionSite<'_>,
    q: &Arc<ast::Question>,
    used_lists: &mut BTreeSet<usize>,
    sink: &mut Diagnostics,
) -> QuestionDef {
    let lang = site.default_language;
    let mut def = QuestionDef {
        ast: Arc::clone(q),
        id: q.name.name.clone(),
        kind: kind_of(&q.ty),
        wording: q.wording.as_ref().map(|t| TextDef::from_ast(t, lang)),
        help: None,
        codes: Vec::new(),
        list: None,
        codes_known: true,
        range: None,
        max_length: None,
        min_picks: None,
        max_picks: None,
        required: false,
        personal: false,
        locked: false,
        show_if: None,
        channels: None,
        section: site.section.clone(),
        module: site.module.clone(),
        file: site.file,
    };
    resolve_type(scope, site, q, &mut def, used_lists, sink);
    apply_properties(q, lang, &mut def, sink);
    def
}

fn kind_of(ty: &ast::QuestionType) -> QuestionKind {
    match ty {
        ast::QuestionType::Scale(_) => QuestionKind::Scale,
        ast::QuestionType::Choice(_) => QuestionKind::Choice,
        ast::QuestionType::Multi(_) => QuestionKind::Multi,
        ast::QuestionType::Faces => QuestionKind::Faces,
        ast::QuestionType::Rating(_) => QuestionKind::Rating,
        ast::QuestionType::Nps => QuestionKind::Nps,
        ast::QuestionType::YesNo => QuestionKind::Yesno,
        ast::QuestionType::Number { .. } => QuestionKind::Number,
        ast::QuestionType::Text { .. } => QuestionKind::Text,
    }
}

fn resolve_type(
    scope: &Scope<'_>,
    site: &QuestionSite<'_>,
    q: &ast::Question,
    def: &mut QuestionDef,
    used_lists: &mut BTreeSet<usize>,
    sink: &mut Diagnostics,
) {
    let lang = site.default_language;
    let span = q.name.span;
    match &q.ty {
        ast::QuestionType::Scale(path) => {
            named_list(scope, site.file, path, true, def, used_lists, sink);
        }
        ast::QuestionType::Choice(Some(path)) | ast::QuestionType::Multi(Some(path)) => {
            named_list(scope, site.file, path, false, def, used_lists, sink);
        }
        ast::QuestionType::Choice(None) | ast::QuestionType::Multi(None) => {
            report_codes_twice(&q.codes, &format!("question `{}`", q.name.name), sink);
            def.codes = q.codes.iter().map(|c| code_from_ast(c, lang, None)).collect();
        }
        ast::QuestionType::Faces => def.codes = table_codes(&builtin::FACES, span),
        ast::QuestionType::YesNo => def.codes = table_codes(&builtin::YESNO, span),
        ast::QuestionType::Rating(n) => {
            def.codes = number_codes(1, n.value.clamp(0, builtin::RATING_MAX), n.span);
        }
        ast::QuestionType::Nps => {
            let (lo, hi) = builtin::NPS_RANGE;
            def.codes = number_codes(lo, hi, span);
        }
        ast::QuestionType::Number { min, max } => def.range = Some((min.value, max.value)),
        ast::QuestionType::Text { max } => {
            def.max_length = Some(max.as_ref().map(|m| m.value).unwrap_or(builtin::TEXT_MAX_DEFAULT))
        }
    }
    if matches!(
        q.ty,
        ast::QuestionType::Faces
            | ast::QuestionType::YesNo
            | ast::QuestionType::Rating(_)
            | ast::QuestionType::Nps
    ) {
        override_builtin_labels(q, lang, def);
    }
}

/// `scale NAME` / `choice NAME` / `multi NAME`.
fn named_list(
    scope: &Scope<'_>,
    file: FileIdx,
    path: &ast::Path,
    want_scale: bool,
    def: &mut QuestionDef,
    used_lists: &mut BTreeSet<usize>,
    sink: &mut Diagnostics,
) {
    let Some(id) = scope.lookup(Namespace::List, file, path, sink) else {
        def.codes_known = false;
        return;
    };
    let Some(list) = scope.lists.get(id) else {
        def.codes_known = false;
        return;
    };
    used_lists.insert(id);
    if want_scale && list.ast.kind == ast::CodeListKind::Options {
        sink.push(
            Diagnostic::new(
                Code::R0101,
                format!("`{}` is an options list, not a scale", path.dotted()),
                path.span,
                "options are nominal: they have no order",
            )
            .with_secondary(list.ast.name.span, "defined here as `options`")
            .with_help(format!(
                "write `choice {}` (or `multi`), or define it as a `scale`",
                path.dotted()
            )),
        );
    }
    def.list = Some(id);
    def.codes = list_codes(scope, list, id);
}

fn list_codes(scope: &Scope<'_>, list: &ListDef, id: usize) -> Vec<CodeDef> {
    let lang = scope
        .files
        .get(list.file)
        .map(|f| f.default_language.as_str())
        .unwrap_or("it");
    list.ast
        .codes
        .iter()
        .map(|c| code_from_ast(c, lang, Some(id)))
        .collect()
}

pub fn code_from_ast(c: &ast::CodeDef, lang: &str, list: Option<usize>) -> CodeDef {
    CodeDef {
        value: c.code.value,
        label: TextDef::from_ast(&c.label, lang),
        missing: c.missing,
        specify: c.specify,
        span: c.span,
        list,
        builtin: false,
    }
}

fn table_codes(table: &[(i64, builtin::Labels)], span: Span) -> Vec<CodeDef> {
    table
        .iter()
        .map(|(value, labels)| CodeDef {
            value: *value,
            label: TextDef {
                values: builtin::pairs(labels)
                    .map(|(l, t)| (l.to_owned(), t.to_owned()))
                    .collect(),
                universal: None,
                span,
            },
            missing: false,
            specify: false,
            span,
            list: None,
            builtin: true,
        })
        .collect()
}

fn number_codes(lo: i64, hi: i64, span: Span) -> Vec<CodeDef> {
    (lo..=hi)
        .map(|value| CodeDef {
            value,
            label: TextDef::universal(value.to_string(), span),
            missing: false,
            specify: false,
            span,
            list: None,
            builtin: true,
        })
        .collect()
}

/// Inline codes on a built-in type relabel its codes (codes it lacks are R0202 in check).
fn override_builtin_labels(q: &ast::Question, lang: &str, def: &mut QuestionDef) {
    for written in &q.codes {
        if let Some(code) = def.codes.iter_mut().find(|c| c.value == written.code.value) {
            let mut label = TextDef::from_ast(&written.label, lang);
            if let Some(u) = &code.label.universal {
                label.universal = Some(u.clone());
            }
            for (l, t) in &code.label.values {
                label.values.entry(l.clone()).or_insert_with(|| t.clone());
            }
            code.label = label;
            code.span = written.span;
            code.specify = written.specify;
        }
    }
}

fn apply_properties(q: &ast::Question, lang: &str, def: &mut QuestionDef, sink: &mut Diagnostics) {
    let mut seen: Vec<(&'static str, Span)> = Vec::new();
    for p in &q.properties {
        let (name, span) = property_name(p);
        if let Some((_, first)) = seen.iter().find(|(n, _)| *n == name) {
            sink.push(
                Diagnostic::new(
                    Code::R0102,
                    format!("`{name}` is written twice on question `{}`", q.name.name),
                    span,
                    "written again here",
                )
                .with_secondary(*first, "first written here")
                .with_help(format!("keep one `{name}`")),
            );
            continue;
        }
        seen.push((name, span));
        match p {
            ast::Property::Help(t) => def.help = Some(TextDef::from_ast(t, lang)),
            ast::Property::Required(_) => def.required = true,
            ast::Property::ShowIf(e) => def.show_if = Some(e.clone()),
            ast::Property::Channels(ids, span) => def.channels = Some((ids.clone(), *span)),
            ast::Property::Personal(_) => def.personal = true,
            ast::Property::Locked(_) => def.locked = true,
            ast::Property::Min(n, span) => def.min_picks = Some((n.value, *span)),
            ast::Property::Max(n, span) => def.max_picks = Some((n.value, *span)),
        }
    }
}

fn property_name(p: &ast::Property) -> (&'static str, Span) {
    match p {
        ast::Property::Help(t) => ("help", t.span),
        ast::Property::Required(s) => ("required", *s),
        ast::Property::ShowIf(e) => ("show if", e.span),
        ast::Property::Channels(_, s) => ("channels", *s),
        ast::Property::Personal(s) => ("personal", *s),
        ast::Property::Locked(s) => ("locked", *s),
        ast::Property::Min(_, s) => ("min", *s),
        ast::Property::Max(_, s) => ("max", *s),
    }
}
