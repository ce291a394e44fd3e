//! Resolve stage, pass 1: load files. Inputs are decoded and parsed; imported packages are
//! loaded lazily from the embedded stdlib and `--lib` folders, transitively, once each.
//! A missing package or an import cycle is R0104. The stdlib wins over a `--lib` package of
//! the same name, so a library folder cannot replace a national standard.

use super::model::{FileIdx, FileKind, ImportRef, LoadedFile};
use crate::diagnostics::{closest, Code, Diagnostic, Diagnostics};
use crate::source::{decode_utf8, FileId, Origin, SourceFile, SourceMap, Span};
use crate::syntax::{self, ast};
use crate::{stdlib, Input, LibPackage};
use rayon::prelude::*;
use std::collections::BTreeMap;

/// Parse one file and limit its depth: its tree and its diagnostics, touching nothing else
/// (so that inputs parse in parallel).
fn parse_file(id: FileId, text: &str) -> (ast::File, Diagnostics) {
    let (mut ast, diagnostics) = syntax::parse(id, text);
    let mut sink = Diagnostics::default();
    sink.extend(diagnostics);
    super::depth::limit_depth(&mut ast, &mut sink);
    (ast, sink)
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum PackageState {
    Loading,
    Loaded(FileIdx),
    Missing,
}

struct Loader<'a> {
    libs: &'a [LibPackage],
    sources: &'a mut SourceMap,
    sink: &'a mut Diagnostics,
    files: Vec<LoadedFile>,
    packages: BTreeMap<String, PackageState>,
}

/// Every input, the prelude and every package they import, in load order (inputs first).
/// Returns the files and the index of the prelude, when it loaded.
pub fn load_files(
    inputs: &[Input],
    libs: &[LibPackage],
    sources: &mut SourceMap,
    sink: &mut Diagnostics,
) -> (Vec<LoadedFile>, Option<FileIdx>) {
    let mut loader = Loader {
        libs,
        sources,
        sink,
        files: Vec::new(),
        packages: BTreeMap::new(),
    };
    // Inputs are parsed on every core (each file alone), then kept in input order.
    let registered: Vec<(FileId, String)> = inputs
        .iter()
        .map(|input| loader.register(input.name.clone(), &input.bytes, Origin::Input))
        .collect();
    let parsed: Vec<(ast::File, Diagnostics)> = registered
        .par_iter()
        .map(|(id, text)| parse_file(*id, text))
        .collect();
    let input_files: Vec<FileIdx> = registered
        .into_iter()
        .zip(parsed)
        .map(|((id, _), parsed)| loader.push(id, parsed, FileKind::Input))
        .collect();
    let mut stack = Vec::new();
    let prelude = loader.load_package(stdlib::PRELUDE, None, &mut stack);
    for idx in input_files {
        loader.resolve_imports(idx, &mut stack);
    }
    (loader.files, prelude)
}

/// Load the package named `package` if it was not loaded yet (the standard a survey
/// `conforms` to may not be imported). Returns its file.
pub fn load_extra(
    files: &mut Vec<LoadedFile>,
    package: &str,
    libs: &[LibPackage],
    sources: &mut SourceMap,
    sink: &mut Diagnostics,
) -> Option<FileIdx> {
    if let Some(i) = files.iter().position(|f| f.package() == Some(package)) {
        return Some(i);
    }
    if !package_exists(package, libs) {
        return None;
    }
    let mut loader = Loader {
        libs,
        sources,
        sink,
        files: std::mem::take(files),
        packages: BTreeMap::new(),
    };
    for (i, f) in loader.files.iter().enumerate() {
        if let Some(p) = f.package() {
            loader.packages.insert(p.to_owned(), PackageState::Loaded(i));
        }
    }
    let found = loader.load_package(package, None, &mut Vec::new());
    *files = loader.files;
    found
}

/// Whether the stdlib or a `--lib` folder has this package.
pub fn package_exists(package: &str, libs: &[LibPackage]) -> bool {
    stdlib::find(package).is_some() || libs.iter().any(|l| l.package == package)
}

/// Every package name that could be imported, for "did you mean".
pub fn known_packages(libs: &[LibPackage]) -> Vec<String> {
    let mut names: Vec<String> = stdlib::PACKAGES.iter().map(|p| p.package.to_owned()).collect();
    names.extend(libs.iter().map(|l| l.package.clone()));
    names.sort();
    names.dedup();
    names
}

impl Loader<'_> {
    /// Decode, register and parse one file.
    fn add_file(&mut self, name: String, bytes: &[u8], origin: Origin, kind: FileKind) -> FileIdx {
        let (id, text) = self.register(name, bytes, origin);
        let parsed = parse_file(id, &text);
        self.push(id, parsed, kind)
    }

    /// Decode a file and give it its id (R0001 for a byte that is not UTF-8). Returns the text
    /// to parse: none for a file holding a NUL byte, which is no text at all (a spreadsheet,
    /// a document, a text saved as UTF-16): one R0001 says so, where parsing it would report
    /// dozens of errors at random bytes.
    fn register(&mut self, name: String, bytes: &[u8], origin: Origin) -> (FileId, String) {
        let (text, bad_byte) = decode_utf8(bytes);
        let id = self.sources.add(SourceFile::new(name, text.clone(), origin));
        if let Some(nul) = text.find('\0') {
            self.sink.push(
                Diagnostic::new(
                    Code::R0001,
                    "the file is not a text file",
                    Span::new(id, nul, nul + 1),
                    "a NUL byte",
                )
                .with_help(
                    "rileva reads surveys saved as UTF-8 text: a spreadsheet, a document or a text \
                     saved as UTF-16 is not read",
                ),
            );
            return (id, String::new());
        }
        if let Some(offset) = bad_byte {
            self.sink.push(
                Diagnostic::new(
                    Code::R0001,
                    "the file is not valid UTF-8",
                    // The decoded text holds U+FFFD (3 bytes) where the byte was.
                    Span::new(id, offset, offset + char::REPLACEMENT_CHARACTER.len_utf8()),
                    "this byte is not UTF-8",
                )
                .with_help("save the file with the UTF-8 encoding"),
            );
        }
        (id, text)
    }

    fn push(&mut self, id: FileId, (ast, diagnostics): (ast::File, Diagnostics), kind: FileKind) -> FileIdx {
        self.sink.extend(diagnostics);
        let default_language = file_default_language(&ast);
        self.files.push(LoadedFile {
            id,
            kind,
            ast,
            imports: Vec::new(),
            default_language,
        });
        self.files.len() - 1
    }

    /// Load the imports of one file, depth first, recording them on the file.
    fn resolve_imports(&mut self, idx: FileIdx, stack: &mut Vec<String>) {
        let imports: Vec<ast::Import> = match self.files.get(idx) {
            Some(f) => f
                .ast
                .items
                .iter()
                .filter_map(|item| match item {
                    ast::Item::Import(i) => Some(i.clone()),
                    _ => None,
                })
                .collect(),
            None => return,
        };
        let mut refs = Vec::new();
        for import in imports {
            let package = import.package.dotted();
            let file = self.load_package(&package, Some(import.package.span), stack);
            refs.push(ImportRef {
                package,
                alias: import.alias.as_ref().map(|a| a.name.clone()),
                file,
                span: import.span,
            });
        }
        if let Some(f) = self.files.get_mut(idx) {
            f.imports = refs;
        }
    }

    /// The file of `package`, loading it (and its imports) the first time.
    fn load_package(&mut self, package: &str, at: Option<Span>, stack: &mut Vec<String>) -> Option<FileIdx> {
        match self.packages.get(package).copied() {
            Some(PackageState::Loaded(idx)) => return Some(idx),
            Some(PackageState::Missing) => {
                self.report_missing(package, at);
                return None;
            }
            Some(PackageState::Loading) => {
                self.report_cycle(package, at, stack);
                return None;
            }
            None => {}
        }
        let Some((name, bytes, origin)) = self.package_source(package) else {
            self.packages.insert(package.to_owned(), PackageState::Missing);
            self.report_missing(package, at);
            return None;
        };
        self.packages.insert(package.to_owned(), PackageState::Loading);
        let idx = self.add_file(name, &bytes, origin, FileKind::Package(package.to_owned()));
        stack.push(package.to_owned());
        self.resolve_imports(idx, stack);
        stack.pop();
        self.packages
            .insert(package.to_owned(), PackageState::Loaded(idx));
        Some(idx)
    }

    fn package_source(&self, package: &str) -> Option<(String, Vec<u8>, Origin)> {
        if let Some(p) = stdlib::find(package) {
            let origin = Origin::Stdlib {
                package: package.to_owned(),
            };
            return Some((p.path.to_owned(), p.source.as_bytes().to_vec(), origin));
        }
        self.libs.iter().find(|l| l.package == package).map(|l| {
            let origin = Origin::Lib {
                package: package.to_owned(),
            };
            (l.name.clone(), l.bytes.clone(), origin)
        })
    }

    fn report_missing(&mut self, package: &str, at: Option<Span>) {
        let Some(span) = at else { return };
        let known = known_packages(self.libs);
        let mut d = Diagnostic::new(
            Code::R0104,
            format!("package `{package}` not found"),
            span,
            "no such package in the standard library or the `--lib` folders",
        );
        d = match closest(package, known.iter().map(String::as_str)) {
            Some(near) => d.with_help(format!("did you mean `{near}`?")),
            None => d.with_help(format!(
                "the known packages are {}; add a folder with `--lib DIR` for others",
                known
                    .iter()
                    .map(|k| format!("`{k}`"))
                    .collect::<Vec<_>>()
                    .join(", ")
            )),
        };
        self.sink.push(d);
    }

    fn report_cycle(&mut self, package: &str, at: Option<Span>, stack: &[String]) {
        let Some(span) = at else { return };
        let start = stack.iter().position(|p| p == package).unwrap_or(0);
        let mut chain: Vec<&str> = stack
            .get(start..)
            .unwrap_or(&[])
            .iter()
            .map(String::as_str)
            .collect();
        chain.push(package);
        self.sink.push(
            Diagnostic::new(
                Code::R0104,
                format!("import cycle: {}", chain.join(" -> ")),
                span,
                format!("`{package}` is already being imported"),
            )
            .with_help("move the shared items into a package that both import"),
        );
    }
}

/// The first language of the file's first survey or standard, else `it`.
fn file_default_language(file: &ast::File) -> String {
    for item in &file.items {
        let languages = match item {
            ast::Item::Survey(s) => s.header.iter().find_map(|h| match h {
                ast::HeaderStmt::Languages(l, _) => l.first(),
                _ => None,
            }),
            ast::Item::Standard(s) => s.statements.iter().find_map(|h| match h {
                ast::StandardStmt::Languages(l, _) => l.first(),
                _ => None,
            }),
            _ => continue,
        };
        if let Some(lang) = languages {
            return lang.name.clone();
        }
    }
    "it".to_owned()
}
