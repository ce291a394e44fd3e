//! Resolve stage, pass 2: collect the named items of every loaded file (lists, modules,
//! standards, kinds). Two items of one kind with one name in a file, or a code written twice
//! in a list, are R0102; the first wins.

use super::model::{FileIdx, KindEntry, ListDef, LoadedFile, ModuleDef, StandardDef};
use crate::diagnostics::{Code, Diagnostic, Diagnostics};
use crate::source::Span;
use crate::syntax::ast;
use std::collections::BTreeMap;

#[derive(Debug, Default)]
pub struct Items {
    pub lists: Vec<ListDef>,
    pub modules: Vec<ModuleDef>,
    pub standards: Vec<StandardDef>,
    pub kinds: Vec<KindEntry>,
}

pub fn collect_items(files: &[LoadedFile], sink: &mut Diagnostics) -> Items {
    let mut items = Items::default();
    for (idx, file) in files.iter().enumerate() {
        collect_file(idx, file, &mut items, sink);
    }
    items
}

fn full_name(file: &LoadedFile, name: &str) -> String {
    match file.package() {
        Some(p) => format!("{p}.{name}"),
        None => name.to_owned(),
    }
}

fn collect_file(idx: FileIdx, file: &LoadedFile, items: &mut Items, sink: &mut Diagnostics) {
    // (namespace, name) -> first definition
    let mut seen: BTreeMap<(&str, String), Span> = BTreeMap::new();
    let mut first = |ns: &'static str, name: &ast::Ident, sink: &mut Diagnostics| -> bool {
        if let Some(earlier) = seen.get(&(ns, name.name.clone())) {
            sink.push(
                Diagnostic::new(
                    Code::R0102,
                    format!("{ns} `{}` is defined twice", name.name),
                    name.span,
                    format!("a {ns} with this name already exists in this file"),
                )
                .with_secondary(*earlier, "first defined here")
                .with_help(format!("rename one of them, or remove the second {ns}")),
            );
            return false;
        }
        seen.insert((ns, name.name.clone()), name.span);
        true
    };
    for item in &file.ast.items {
        match item {
            ast::Item::CodeList(list) => {
                // Scales and options share one namespace: a question names either.
                if first("list", &list.name, sink) {
                    report_duplicate_codes(list, sink);
                    items.lists.push(ListDef {
                        name: list.name.name.clone(),
                        full_name: full_name(file, &list.name.name),
                        file: idx,
                        ast: list.clone(),
                    });
                }
            }
            ast::Item::Module(m) => {
                if first("module", &m.name, sink) {
                    items.modules.push(ModuleDef {
                        name: m.name.name.clone(),
                        full_name: full_name(file, &m.name.name),
                        file: idx,
                        ast: m.clone(),
                    });
                }
            }
            ast::Item::Standard(s) => items.standards.push(StandardDef {
                name: s.name.dotted(),
                file: idx,
                ast: s.clone(),
            }),
            ast::Item::Kinds(k) => collect_kinds(idx, k, items, sink),
            ast::Item::Import(_) | ast::Item::Survey(_) | ast::Item::Error(_) => {}
        }
    }
}

fn collect_kinds(idx: FileIdx, kinds: &ast::Kinds, items: &mut Items, sink: &mut Diagnostics) {
    for k in &kinds.kinds {
        let earlier = items
            .kinds
            .iter()
            .find(|e| e.file == idx && e.category == kinds.category.name && e.name == k.name.name);
        if let Some(e) = earlier {
            sink.push(
                Diagnostic::new(
                    Code::R0102,
                    format!("{} kind `{}` is defined twice", kinds.category.name, k.name.name),
                    k.name.span,
                    "defined again here",
                )
                .with_secondary(e.span, "first defined here")
                .with_help("remove the second definition"),
            );
            continue;
        }
        items.kinds.push(KindEntry {
            category: kinds.category.name.clone(),
            name: k.name.name.clone(),
            file: idx,
            span: k.name.span,
        });
    }
}

/// Codes unique in one list (also used for a question's inline options).
pub fn report_duplicate_codes(list: &ast::CodeList, sink: &mut Diagnostics) {
    report_codes_twice(&list.codes, &format!("`{}`", list.name.name), sink);
}

pub fn report_codes_twice(codes: &[ast::CodeDef], owner: &str, sink: &mut Diagnostics) {
    let mut seen: BTreeMap<i64, Span> = BTreeMap::new();
    for c in codes {
        match seen.get(&c.code.value) {
            Some(earlier) => sink.push(
                Diagnostic::new(
                    Code::R0102,
                    format!("code {} is written twice in {owner}", c.code.value),
                    c.code.span,
                    "this code is already used",
                )
                .with_secondary(*earlier, "first written here")
                .with_help("give each answer its own code"),
            ),
            None => {
                seen.insert(c.code.value, c.code.span);
            }
        }
    }
}
