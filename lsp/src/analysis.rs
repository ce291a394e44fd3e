//! The workspace: open documents, the project's packages, and the compiler run on them.
//!
//! Each open document is checked as `rileva check FILE` checks it: alone, with the
//! project's packages (`rileva.toml` and the client's `lib`), by
//! [`rileva_targets::check`]. A package file open in the editor lends its unsaved text to
//! every document that imports it. Hover, definition and completion read the resolved
//! model ([`Model`]) of the same inputs.

use crate::convert::{Encoding, LineIndex};
use crate::stdlib_files::CacheFiles;
use crate::ProjectLoader;
use lsp_types::Url;
use rileva_compiler::diagnostics::{Diagnostic, Diagnostics};
use rileva_compiler::resolve::{self, Db};
use rileva_compiler::source::{FileId, Origin, SourceMap};
use rileva_compiler::{Compilation, Input, LibPackage};
use std::collections::BTreeMap;
use std::path::{Path, PathBuf};

/// One document the editor has open.
#[derive(Debug, Clone)]
pub struct Document {
    pub text: String,
    pub version: i32,
    /// The diagnostics of its last check, for quick fixes.
    pub diagnostics: Vec<Diagnostic>,
}

/// Everything the server knows.
pub struct Workspace {
    pub root: Option<PathBuf>,
    /// `initializationOptions.lib`, relative to the root.
    pub extra_libs: Vec<PathBuf>,
    pub loader: ProjectLoader,
    /// The project's packages as read from disk.
    pub disk_libs: Vec<LibPackage>,
    /// Why the packages could not be read (shown to the user once per reload).
    pub lib_error: Option<String>,
    pub cache: Option<CacheFiles>,
    pub encoding: Encoding,
    pub docs: BTreeMap<Url, Document>,
}

/// The resolved model of one document's compilation.
pub struct Model {
    pub sources: SourceMap,
    pub db: Db,
}

impl Model {
    /// The loaded-file index of the document itself (the one input).
    pub fn input_idx(&self) -> Option<usize> {
        self.db.files.iter().position(|f| f.is_input())
    }
}

impl Workspace {
    pub fn new(loader: ProjectLoader, root: Option<PathBuf>, extra_libs: Vec<PathBuf>) -> Self {
        let mut ws = Workspace {
            root,
            extra_libs,
            loader,
            disk_libs: Vec::new(),
            lib_error: None,
            cache: None,
            encoding: Encoding::Utf16,
            docs: BTreeMap::new(),
        };
        ws.reload_libs();
        ws
    }

    /// Read the project's packages again (after a save or a changed `rileva.toml`).
    pub fn reload_libs(&mut self) {
        match (self.loader)(self.root.as_deref(), &self.extra_libs) {
            Ok(libs) => {
                self.disk_libs = libs;
                self.lib_error = None;
            }
            Err(e) => self.lib_error = Some(e),
        }
    }

    /// The project's packages, with the unsaved text of those open in the editor.
    pub fn libs(&self) -> Vec<LibPackage> {
        let open: BTreeMap<PathBuf, &Document> = self
            .docs
            .iter()
            .filter_map(|(uri, doc)| Some((uri.to_file_path().ok()?, doc)))
            .collect();
        self.disk_libs
            .iter()
            .map(|lib| match open.get(Path::new(&lib.name)) {
                Some(doc) => LibPackage {
                    bytes: doc.text.clone().into_bytes(),
                    ..lib.clone()
                },
                None => lib.clone(),
            })
            .collect()
    }

    /// Whether the document is one of the project's packages (its edits change others).
    pub fn is_package(&self, uri: &Url) -> bool {
        uri.to_file_path()
            .is_ok_and(|p| self.disk_libs.iter().any(|l| Path::new(&l.name) == p))
    }

    /// Whether the document is a file the server wrote (stdlib, docs): never checked.
    pub fn is_cache_file(&self, uri: &Url) -> bool {
        match (&self.cache, uri.to_file_path()) {
            (Some(cache), Ok(path)) => cache.contains(&path),
            _ => false,
        }
    }

    fn input(&self, uri: &Url) -> Option<Input> {
        let doc = self.docs.get(uri)?;
        Some(Input {
            name: input_name(uri),
            bytes: doc.text.clone().into_bytes(),
        })
    }

    /// `rileva check` on the document.
    pub fn check(&self, uri: &Url) -> Option<Compilation> {
        let input = self.input(uri)?;
        Some(rileva_targets::check(&[input], &self.libs()))
    }

    /// The resolved model of the document.
    pub fn model(&self, uri: &Url) -> Option<Model> {
        let input = self.input(uri)?;
        let mut sources = SourceMap::default();
        let mut sink = Diagnostics::default();
        let db = resolve::resolve(&[input], &self.libs(), &mut sources, &mut sink);
        Some(Model { sources, db })
    }

    /// Where a file of a compilation is: the document, a package file, a stdlib file.
    pub fn file_uri(&self, sources: &SourceMap, file: FileId, document: &Url) -> Option<Url> {
        let (_, source) = sources.files().find(|(id, _)| *id == file)?;
        match &source.origin {
            Origin::Input => Some(document.clone()),
            Origin::Lib { .. } => Url::from_file_path(&source.name).ok(),
            Origin::Stdlib { package } => self.cache.as_ref()?.package_uri(package),
        }
    }

    /// The line index of a file of a compilation.
    pub fn line_index<'a>(&self, sources: &'a SourceMap, file: FileId) -> Option<LineIndex<'a>> {
        let (_, source) = sources.files().find(|(id, _)| *id == file)?;
        Some(LineIndex::new(&source.text, self.encoding))
    }
}

/// The name the compiler gives the document: its path, as `rileva check PATH` would.
pub fn input_name(uri: &Url) -> String {
    uri.to_file_path()
        .map(|p| p.display().to_string())
        .unwrap_or_else(|_| uri.to_string())
}
