//! Resolve stage: imports, packages (stdlib and `--lib`), names and types -> a survey database.
//!
//! Like Prisma's parser-database, resolving cannot fail: passes run in a fixed order, each
//! leaves placeholders where a name did not resolve, and every later pass still runs, so one
//! run reports every problem.
//!
//! 1. [`load`]: decode and parse the inputs, load imported packages (R0001, R0104);
//!    [`depth`] removes conditions too deep to walk (R0001).
//! 2. [`items`]: collect lists, modules, standards and kinds of every file (R0102).
//! 3. [`survey`]: per survey of the inputs, the header ([`header`]: R0101, R0102), the body
//!    with used modules expanded ([`expand`], [`question`]: R0101, R0105), translations
//!    ([`translate`]), duplicate ids (R0102) and the question names of routing (R0101).
//! 4. [`standard`]: the standard each survey conforms to (R0406), and its modules alone.
//! 5. [`package`]: the modules of each input file as one unit, for the question rules.

pub mod depth;
pub mod expand;
pub mod header;
pub mod items;
pub mod load;
pub mod model;
pub mod package;
pub mod question;
pub mod scope;
pub mod standard;
pub mod survey;
pub mod translate;

#[cfg(test)]
mod tests;

use crate::diagnostics::{Code, Diagnostic, Diagnostics};
use crate::source::SourceMap;
use crate::syntax::ast;
use crate::{Input, LibPackage};
use model::{FileIdx, KindEntry, ListDef, LoadedFile, ModuleDef, StandardDef, StandardId, SurveyDef};
use scope::Scope;
use standard::StandardModule;
use std::collections::{BTreeMap, BTreeSet};

/// Everything resolved: packages, items, names. Later stages read it and cannot fail on it.
#[derive(Debug, Default)]
pub struct Db {
    pub files: Vec<LoadedFile>,
    pub prelude: Option<FileIdx>,
    pub lists: Vec<ListDef>,
    pub modules: Vec<ModuleDef>,
    pub standards: Vec<StandardDef>,
    pub kinds: Vec<KindEntry>,
    /// The surveys of the input files, in input order.
    pub surveys: Vec<SurveyDef>,
    /// The modules of each input file that has any, as one unit ([`package`]).
    pub packages: Vec<SurveyDef>,
    /// The modules of each standard a survey conforms to, expanded as the standard has them.
    pub standard_modules: BTreeMap<StandardId, Vec<StandardModule>>,
    /// Lists named by a question anywhere (R0602 warns about the others of input files).
    pub used_lists: BTreeSet<usize>,
}

impl Db {
    pub fn scope(&self) -> Scope<'_> {
        Scope {
            files: &self.files,
            lists: &self.lists,
            modules: &self.modules,
            kinds: &self.kinds,
            prelude: self.prelude,
        }
    }

    pub fn file(&self, idx: FileIdx) -> Option<&LoadedFile> {
        self.files.get(idx)
    }

    /// Whether the loaded file `idx` is one of the user's inputs.
    pub fn is_input(&self, idx: FileIdx) -> bool {
        self.files.get(idx).is_some_and(LoadedFile::is_input)
    }
}

pub fn resolve(inputs: &[Input], libs: &[LibPackage], sources: &mut SourceMap, sink: &mut Diagnostics) -> Db {
    let (mut files, prelude) = load::load_files(inputs, libs, sources, sink);
    load_conformed_standards(&mut files, libs, sources, sink);
    let items = items::collect_items(&files, sink);
    let mut db = Db {
        files,
        prelude,
        lists: items.lists,
        modules: items.modules,
        standards: items.standards,
        kinds: items.kinds,
        ..Db::default()
    };
    let mut used_lists = BTreeSet::new();
    let scope = db.scope();
    let mut surveys = Vec::new();
    for (idx, file) in db.files.iter().enumerate().filter(|(_, f)| f.is_input()) {
        for item in &file.ast.items {
            if let ast::Item::Survey(s) = item {
                let mut survey = survey::build_survey(&scope, idx, s, &mut used_lists, sink);
                standard::resolve_conforms(&mut survey, &db.standards, sink);
                surveys.push(survey);
            }
        }
    }
    report_duplicate_surveys(&surveys, sink);
    for std in db.standards.iter().filter(|s| db.is_input(s.file)) {
        standard::check_standard_names(&scope, std, sink);
    }
    let mut standard_modules = BTreeMap::new();
    for id in surveys
        .iter()
        .filter_map(|s| s.header.conforms.as_ref()?.standard)
    {
        if standard_modules.contains_key(&id) {
            continue;
        }
        if let Some(std) = db.standards.get(id) {
            standard_modules.insert(id, standard::standard_modules(&scope, std, &mut used_lists, sink));
        }
    }
    // The standards of input files too, for `rileva diff` of two versions of a standard;
    // their problems are reported once, by the package's own expansion below.
    for (id, std) in db
        .standards
        .iter()
        .enumerate()
        .filter(|(_, s)| db.is_input(s.file))
    {
        standard_modules.entry(id).or_insert_with(|| {
            let mut quiet = Diagnostics::default();
            standard::standard_modules(&scope, std, &mut used_lists, &mut quiet)
        });
    }
    let packages: Vec<SurveyDef> = (0..db.files.len())
        .filter(|&f| db.is_input(f))
        .filter_map(|f| package::package_unit(&scope, f, &mut used_lists, sink))
        .collect();
    db.surveys = surveys;
    db.packages = packages;
    db.standard_modules = standard_modules;
    db.used_lists = used_lists;
    db
}

/// A survey may conform to a standard whose package it does not import: load it.
fn load_conformed_standards(
    files: &mut Vec<LoadedFile>,
    libs: &[LibPackage],
    sources: &mut SourceMap,
    sink: &mut Diagnostics,
) {
    let wanted: Vec<(String, String)> = files
        .iter()
        .filter(|f| f.is_input())
        .flat_map(|f| f.ast.items.iter())
        .filter_map(|item| match item {
            ast::Item::Survey(s) => s.header.iter().find_map(|h| match h {
                ast::HeaderStmt::Conforms {
                    standard, version, ..
                } => Some((standard.dotted(), version.text.clone())),
                _ => None,
            }),
            _ => None,
        })
        .collect();
    for (package, version) in wanted {
        load::load_extra(files, &package, libs, sources, sink);
        // Another version of a standard lives beside it, in the package named after the
        // standard and the version: `ente.cx` 2026.1 in `ente.cx_2026_1` (docs/versions.md).
        let versioned = format!("{package}_{}", version.replace('.', "_"));
        load::load_extra(files, &versioned, libs, sources, sink);
    }
}

fn report_duplicate_surveys(surveys: &[SurveyDef], sink: &mut Diagnostics) {
    // Several versions of one survey may be compiled together (serve and report take every
    // version, docs/versions.md); one version twice is a duplicate.
    let version = |s: &SurveyDef| s.header.version.as_ref().map(|v| v.text.clone());
    for (i, s) in surveys.iter().enumerate() {
        if let Some(earlier) = surveys
            .iter()
            .take(i)
            .find(|e| e.id == s.id && version(e) == version(s))
        {
            let what = match version(s) {
                Some(v) => format!("survey `{}` version {v} is defined twice", s.id),
                None => format!("survey `{}` is defined twice", s.id),
            };
            sink.push(
                Diagnostic::new(
                    Code::R0102,
                    what,
                    s.name_span(),
                    "a survey with this id already exists",
                )
                .with_secondary(earlier.name_span(), "first defined here")
                .with_help("give each survey its own id, or each version of one survey its own `version`: they name the output folder and the SQL table"),
            );
        }
    }
}
