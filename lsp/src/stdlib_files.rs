//! The embedded standard library and the diagnostic docs as read-only files an editor can
//! open: `$XDG_CACHE_HOME/rileva/stdlib/<version>/istat/cx.rileva` (docs/editor.md) and
//! `$XDG_CACHE_HOME/rileva/docs/<version>/R0101.md` (a diagnostic's `codeDescription`).
//!
//! Files on disk rather than virtual documents: every editor opens a `file:` URI, none
//! needs an extension to show it. The folder is per version, so an upgrade never shows
//! the old text; a file already there with the right text is left alone.

use lsp_types::Url;
use rileva_compiler::diagnostics::Code;
use rileva_compiler::stdlib::{self, StdPackage};
use std::fs;
use std::path::{Path, PathBuf};

/// Where the standard library and the docs were written.
#[derive(Debug, Clone)]
pub struct CacheFiles {
    stdlib: PathBuf,
    docs: PathBuf,
}

/// `$XDG_CACHE_HOME/rileva`, else `~/.cache/rileva`.
pub fn cache_root() -> Option<PathBuf> {
    let base = std::env::var_os("XDG_CACHE_HOME")
        .map(PathBuf::from)
        .filter(|p| p.is_absolute())
        .or_else(|| std::env::var_os("HOME").map(|home| PathBuf::from(home).join(".cache")))?;
    Some(base.join("rileva"))
}

impl CacheFiles {
    /// Write every stdlib package and every code's doc below `root`, read-only.
    pub fn write(root: &Path) -> Result<Self, String> {
        let version = env!("CARGO_PKG_VERSION");
        let files = CacheFiles {
            stdlib: root.join("stdlib").join(version),
            docs: root.join("docs").join(version),
        };
        for package in stdlib::PACKAGES {
            write_read_only(&files.package_path(package), package.source)?;
        }
        for code in Code::ALL {
            write_read_only(&files.docs.join(format!("{}.md", code.as_str())), code.doc())?;
        }
        Ok(files)
    }

    /// The file of one stdlib package.
    pub fn package_path(&self, package: &StdPackage) -> PathBuf {
        self.stdlib.join(package.path.trim_start_matches("stdlib/"))
    }

    /// The URI of the stdlib package named `istat.cx`.
    pub fn package_uri(&self, package: &str) -> Option<Url> {
        let package = stdlib::find(package)?;
        Url::from_file_path(self.package_path(package)).ok()
    }

    /// The URI of a code's doc.
    pub fn doc_uri(&self, code: Code) -> Option<Url> {
        Url::from_file_path(self.docs.join(format!("{}.md", code.as_str()))).ok()
    }

    /// Whether `path` is one of the files written here (never checked as a survey).
    pub fn contains(&self, path: &Path) -> bool {
        path.starts_with(&self.stdlib) || path.starts_with(&self.docs)
    }
}

#[allow(clippy::permissions_set_readonly_false)] // to replace a stale copy
fn write_read_only(path: &Path, text: &str) -> Result<(), String> {
    if fs::read_to_string(path).is_ok_and(|t| t == text) {
        return Ok(());
    }
    if let Some(dir) = path.parent() {
        fs::create_dir_all(dir).map_err(|e| format!("cannot create {}: {e}", dir.display()))?;
    }
    // A file left read-only by an earlier run must be writable again to be replaced.
    if let Ok(meta) = fs::metadata(path) {
        let mut perms = meta.permissions();
        perms.set_readonly(false);
        let _ = fs::set_permissions(path, perms);
    }
    fs::write(path, text).map_err(|e| format!("cannot write {}: {e}", path.display()))?;
    let mut perms = fs::metadata(path)
        .map_err(|e| format!("cannot read {}: {e}", path.display()))?
        .permissions();
    perms.set_readonly(true);
    fs::set_permissions(path, perms).map_err(|e| format!("cannot protect {}: {e}", path.display()))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    #[allow(clippy::permissions_set_readonly_false)]
    fn every_package_and_doc_is_written_read_only_and_rewritten_when_it_differs() {
        let dir = tempfile::tempdir().unwrap();
        let files = CacheFiles::write(dir.path()).unwrap();
        let cx = stdlib::find("istat.cx").unwrap();
        let path = files.package_path(cx);
        assert_eq!(fs::read_to_string(&path).unwrap(), cx.source);
        assert!(fs::metadata(&path).unwrap().permissions().readonly());
        assert!(files.contains(&path));
        let doc = files.doc_uri(Code::R0101).unwrap().to_file_path().unwrap();
        assert_eq!(fs::read_to_string(doc).unwrap(), Code::R0101.doc());
        // A stale copy (an edited file) is replaced on the next start.
        let mut perms = fs::metadata(&path).unwrap().permissions();
        perms.set_readonly(false);
        fs::set_permissions(&path, perms).unwrap();
        fs::write(&path, "edited").unwrap();
        CacheFiles::write(dir.path()).unwrap();
        assert_eq!(fs::read_to_string(&path).unwrap(), cx.source);
    }
}
