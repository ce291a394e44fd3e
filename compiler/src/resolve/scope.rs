//! Resolve stage: name lookup in the scope of one file (docs/language.md §3). A name is full
//! (`istat.scales.accordo5`), aliased (`s.accordo5`), or bare when exactly one visible item
//! has it; local items win over imported ones. Unknown names are R0101, ambiguous bare
//! names R0105.

use super::model::{FileIdx, KindEntry, ListDef, LoadedFile, ModuleDef};
use crate::diagnostics::{closest, Code, Diagnostic, Diagnostics};
use crate::syntax::ast;

/// What a path may name.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Namespace {
    List,
    Module,
}

impl Namespace {
    fn noun(self) -> &'static str {
        match self {
            Namespace::List => "scale or options list",
            Namespace::Module => "module",
        }
    }
}

/// The items of every loaded file, and the files' imports.
pub struct Scope<'a> {
    pub files: &'a [LoadedFile],
    pub lists: &'a [ListDef],
    pub modules: &'a [ModuleDef],
    pub kinds: &'a [KindEntry],
    pub prelude: Option<FileIdx>,
}

/// One visible package: its file and the names it may be written with.
struct Visible<'a> {
    file: FileIdx,
    package: &'a str,
    alias: Option<&'a str>,
}

impl<'a> Scope<'a> {
    /// The packages visible from `file`: its imports and the prelude.
    fn visible(&self, file: FileIdx) -> Vec<Visible<'a>> {
        let mut out: Vec<Visible<'a>> = Vec::new();
        if let Some(f) = self.files.get(file) {
            for import in &f.imports {
                if let Some(target) = import.file {
                    out.push(Visible {
                        file: target,
                        package: &import.package,
                        alias: import.alias.as_deref(),
                    });
                }
            }
        }
        if let Some(p) = self.prelude.filter(|p| *p != file) {
            if let Some(package) = self.files.get(p).and_then(|f| f.package()) {
                out.push(Visible {
                    file: p,
                    package,
                    alias: None,
                });
            }
        }
        out
    }

    /// Items of `ns` defined in `file`: (bare name, full name, id).
    fn items_in(&self, ns: Namespace, file: FileIdx) -> Vec<(&'a str, &'a str, usize)> {
        match ns {
            Namespace::List => self
                .lists
                .iter()
                .enumerate()
                .filter(|(_, l)| l.file == file)
                .map(|(i, l)| (l.name.as_str(), l.full_name.as_str(), i))
                .collect(),
            Namespace::Module => self
                .modules
                .iter()
                .enumerate()
                .filter(|(_, m)| m.file == file)
                .map(|(i, m)| (m.name.as_str(), m.full_name.as_str(), i))
                .collect(),
        }
    }

    /// Resolve `path` from `file` to an item of `ns`, reporting R0101 / R0105.
    pub fn lookup(
        &self,
        ns: Namespace,
        file: FileIdx,
        path: &ast::Path,
        sink: &mut Diagnostics,
    ) -> Option<usize> {
        match path.segments.as_slice() {
            [] => None,
            [name] => self.lookup_bare(ns, file, name, path, sink),
            [first, rest @ ..] => self.lookup_qualified(ns, file, first, rest, path, sink),
        }
    }

    fn lookup_bare(
        &self,
        ns: Namespace,
        file: FileIdx,
        name: &ast::Ident,
        path: &ast::Path,
        sink: &mut Diagnostics,
    ) -> Option<usize> {
        if let Some((_, _, id)) = self
            .items_in(ns, file)
            .into_iter()
            .find(|(n, _, _)| *n == name.name)
        {
            return Some(id);
        }
        let mut found: Vec<(&str, usize)> = Vec::new();
        for v in self.visible(file) {
            for (n, full, id) in self.items_in(ns, v.file) {
                if n == name.name && !found.iter().any(|(_, i)| *i == id) {
                    found.push((full, id));
                }
            }
        }
        match found.as_slice() {
            [(_, id)] => Some(*id),
            [] => {
                sink.push(self.unknown_bare(ns, file, name, path));
                None
            }
            many => {
                let names: Vec<String> = many.iter().map(|(f, _)| format!("`{f}`")).collect();
                sink.push(
                    Diagnostic::new(
                        Code::R0105,
                        format!(
                            "`{}` is ambiguous: {} visible items have this name",
                            name.name,
                            many.len()
                        ),
                        path.span,
                        format!("could be {}", names.join(" or ")),
                    )
                    .with_help(format!("write the full name: {}", names.join(", "))),
                );
                None
            }
        }
    }

    fn unknown_bare(&self, ns: Namespace, file: FileIdx, name: &ast::Ident, path: &ast::Path) -> Diagnostic {
        let mut candidates: Vec<&str> = self.items_in(ns, file).into_iter().map(|(n, _, _)| n).collect();
        for v in self.visible(file) {
            candidates.extend(self.items_in(ns, v.file).into_iter().map(|(n, _, _)| n));
        }
        let d = Diagnostic::new(
            Code::R0101,
            format!("unknown {} `{}`", ns.noun(), name.name),
            path.span,
            format!("no visible {} has this name", ns.noun()),
        );
        if let Some(near) = closest(&name.name, candidates.iter().copied()) {
            return d.with_help(format!("did you mean `{near}`?"));
        }
        // Defined in a loaded package that this file does not import?
        let elsewhere = (0..self.files.len())
            .flat_map(|f| self.items_in(ns, f))
            .find(|(n, full, _)| *n == name.name && full != n);
        match elsewhere {
            Some((_, full, _)) => {
                let package = full.rsplit_once('.').map(|(p, _)| p).unwrap_or(full);
                d.with_help(format!(
                    "`{full}` exists: add `import {package}` at the top of the file"
                ))
            }
            None => d,
        }
    }

    fn lookup_qualified(
        &self,
        ns: Namespace,
        file: FileIdx,
        first: &ast::Ident,
        rest: &[ast::Ident],
        path: &ast::Path,
        sink: &mut Diagnostics,
    ) -> Option<usize> {
        let visible = self.visible(file);
        // Through an alias: `s.accordo5`.
        if let Some(v) = visible.iter().find(|v| v.alias == Some(first.name.as_str())) {
            return self.item_of_package(ns, v.file, v.package, rest, path, sink);
        }
        let (package_segments, item) = match path.segments.split_last() {
            Some((last, init)) => (init, last),
            None => return None,
        };
        let package: String = package_segments
            .iter()
            .map(|s| s.name.as_str())
            .collect::<Vec<_>>()
            .join(".");
        let own = self.files.get(file).and_then(|f| f.package()) == Some(package.as_str());
        if own {
            return self.item_of_package(ns, file, &package, std::slice::from_ref(item), path, sink);
        }
        if let Some(v) = visible.iter().find(|v| v.package == package && v.alias.is_none()) {
            return self.item_of_package(ns, v.file, v.package, std::slice::from_ref(item), path, sink);
        }
        let mut d = Diagnostic::new(
            Code::R0101,
            format!("unknown package `{package}` in `{}`", path.dotted()),
            path.span,
            format!("`{package}` is not imported in this file"),
        );
        let loaded = self.files.iter().any(|f| f.package() == Some(package.as_str()));
        if loaded || crate::stdlib::find(&package).is_some() {
            d = d.with_help(format!("add `import {package}` at the top of the file"));
        } else if let Some(alias) = visible
            .iter()
            .find(|v| v.package == package)
            .and_then(|v| v.alias)
        {
            d = d.with_help(format!(
                "`{package}` is imported as `{alias}`: write `{alias}.{}`",
                item.name
            ));
        } else {
            let names: Vec<&str> = visible.iter().map(|v| v.alias.unwrap_or(v.package)).collect();
            if let Some(near) = closest(&package, names.iter().copied()) {
                d = d.with_help(format!("did you mean `{near}.{}`?", item.name));
            }
        }
        sink.push(d);
        None
    }

    /// `rest` (one name) in the package of `pkg_file`.
    fn item_of_package(
        &self,
        ns: Namespace,
        pkg_file: FileIdx,
        package: &str,
        rest: &[ast::Ident],
        path: &ast::Path,
        sink: &mut Diagnostics,
    ) -> Option<usize> {
        let items = self.items_in(ns, pkg_file);
        if let [name] = rest {
            if let Some((_, _, id)) = items.iter().find(|(n, _, _)| *n == name.name) {
                return Some(*id);
            }
        }
        let wanted: String = rest.iter().map(|s| s.name.as_str()).collect::<Vec<_>>().join(".");
        let mut d = Diagnostic::new(
            Code::R0101,
            format!("unknown {} `{}`", ns.noun(), path.dotted()),
            path.span,
            format!("package `{package}` has no {} `{wanted}`", ns.noun()),
        );
        if let Some(near) = closest(&wanted, items.iter().map(|(n, _, _)| *n)) {
            d = d.with_help(format!("did you mean `{near}`?"));
        } else if !items.is_empty() {
            let names: Vec<String> = items.iter().map(|(n, _, _)| format!("`{n}`")).collect();
            d = d.with_help(format!("`{package}` has {}", names.join(", ")));
        }
        sink.push(d);
        None
    }

    /// Whether `name` is a kind of `category` (`pa`, `service`) visible from `file`;
    /// reports R0101 with the closest kind when it is not.
    pub fn check_kind(
        &self,
        category: &str,
        file: FileIdx,
        name: &ast::Ident,
        sink: &mut Diagnostics,
    ) -> bool {
        let mut files: Vec<FileIdx> = vec![file];
        files.extend(self.visible(file).iter().map(|v| v.file));
        let known: Vec<&str> = self
            .kinds
            .iter()
            .filter(|k| k.category == category && files.contains(&k.file))
            .map(|k| k.name.as_str())
            .collect();
        if known.contains(&name.name.as_str()) {
            return true;
        }
        let mut d = Diagnostic::new(
            Code::R0101,
            format!("unknown {category} kind `{}`", name.name),
            name.span,
            format!("not a kind of `kinds {category}`"),
        );
        d = match closest(&name.name, known.iter().copied()) {
            Some(near) => d.with_help(format!("did you mean `{near}`?")),
            None => d.with_help(format!("the {category} kinds are: {}", known.join(", "))),
        };
        sink.push(d);
        false
    }
}
