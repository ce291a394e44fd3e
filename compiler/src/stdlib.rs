//! The standard library: `.rileva` sources of `stdlib/`, embedded at build time.
//!
//! Each file is one package, named after its path below `stdlib/` (`istat/cx.rileva` is
//! `istat.cx`). The resolve stage parses them like any input; diagnostics pointing into
//! them name the file by [`StdPackage::path`].

/// One embedded package of the standard library.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct StdPackage {
    /// The dotted package name used by `import`: `istat.cx`.
    pub package: &'static str,
    /// The path shown in diagnostics: `stdlib/istat/cx.rileva`.
    pub path: &'static str,
    /// The source text.
    pub source: &'static str,
}

/// The package visible in every file without an import: its `kinds pa` and `kinds service`.
pub const PRELUDE: &str = "istat.pa";

macro_rules! packages {
    ($($package:literal => $file:literal,)*) => {
        /// Every package of the standard library, prelude first.
        pub static PACKAGES: &[StdPackage] = &[$(
            StdPackage {
                package: $package,
                path: concat!("stdlib/", $file),
                source: include_str!(concat!("../../stdlib/", $file)),
            },
        )*];
    };
}

packages! {
    "istat.pa" => "istat/pa.rileva",
    "istat.scales" => "istat/scales.rileva",
    "istat.cx" => "istat/cx.rileva",
    "designers_italia.valutazione" => "designers_italia/valutazione.rileva",
    "funzione_pubblica.mettiamoci_la_faccia" => "funzione_pubblica/mettiamoci_la_faccia.rileva",
}

/// The embedded package named `package` (`istat.cx`), if the standard library has it.
pub fn find(package: &str) -> Option<&'static StdPackage> {
    PACKAGES.iter().find(|p| p.package == package)
}

#[cfg(test)]
mod tests {
    use super::*;
    use std::path::{Path, PathBuf};

    /// Every `.rileva` file below `dir`, as paths relative to the repository root.
    fn rileva_files(dir: &Path, root: &Path, found: &mut Vec<String>) {
        let Ok(entries) = std::fs::read_dir(dir) else {
            return;
        };
        for entry in entries.flatten() {
            let path = entry.path();
            if path.is_dir() {
                rileva_files(&path, root, found);
            } else if path.extension().is_some_and(|e| e == "rileva") {
                if let Ok(rel) = path.strip_prefix(root) {
                    found.push(rel.to_string_lossy().replace('\\', "/"));
                }
            }
        }
    }

    fn repo_root() -> PathBuf {
        Path::new(env!("CARGO_MANIFEST_DIR")).join("..")
    }

    #[test]
    fn every_stdlib_file_is_embedded() {
        let root = repo_root();
        let mut on_disk = Vec::new();
        rileva_files(&root.join("stdlib"), &root, &mut on_disk);
        on_disk.sort();
        let mut embedded: Vec<String> = PACKAGES.iter().map(|p| p.path.to_owned()).collect();
        embedded.sort();
        assert!(
            !on_disk.is_empty(),
            "no stdlib files found under {}",
            root.display()
        );
        assert_eq!(on_disk, embedded);
    }

    #[test]
    fn package_names_follow_paths() {
        for p in PACKAGES {
            let expected = p
                .path
                .trim_start_matches("stdlib/")
                .trim_end_matches(".rileva")
                .replace('/', ".");
            assert_eq!(p.package, expected);
        }
    }

    #[test]
    fn find_knows_the_prelude_and_nothing_else() {
        assert_eq!(find(PRELUDE).map(|p| p.path), Some("stdlib/istat/pa.rileva"));
        assert_eq!(find("istat.cx").map(|p| p.package), Some("istat.cx"));
        assert!(find("istat").is_none());
        assert!(find("istat.cxx").is_none());
    }
}
