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
    fn every_package_parses_without_diagnostics() {
        for (i, p) in PACKAGES.iter().enumerate() {
            let id = crate::source::FileId(u32::try_from(i).unwrap_or(u32::MAX));
            let (file, diags) = crate::syntax::parse(id, p.source);
            let messages: Vec<String> = diags
                .iter()
                .map(|d| format!("{}: {}", d.code, d.message))
                .collect();
            assert!(messages.is_empty(), "{}: {messages:#?}", p.path);
            assert!(!file.items.is_empty(), "{} has no items", p.path);
        }
    }

    /// A survey in Italian and English that uses `modules`, conforming to nothing.
    fn survey_using(id: &str, modules: &[&str]) -> String {
        let uses: String = modules.iter().map(|m| format!("  use {m}\n")).collect();
        format!("survey t.{id} {{\n  version 1.0.0\n  title \"T\" en \"T\"\n  languages it en\n{uses}}}\n")
    }

    /// Messages of every diagnostic, with the file each points into.
    fn compile_messages(source: String) -> (Vec<String>, crate::Compilation) {
        let input = crate::Input {
            name: "uses.rileva".to_owned(),
            bytes: source.into_bytes(),
        };
        let compilation = crate::compile(&[input], &[]);
        let messages = compilation
            .diagnostics
            .iter()
            .map(|d| {
                let file = &compilation.sources.get(d.primary.span.file).name;
                format!("{file}: {}: {}", d.code, d.message)
            })
            .collect();
        (messages, compilation)
    }

    #[test]
    fn every_module_checks_without_diagnostics_in_italian_and_english() {
        let imports: String = PACKAGES
            .iter()
            .filter(|p| p.package != PRELUDE)
            .map(|p| format!("import {}\n", p.package))
            .collect();
        let surveys = [
            survey_using(
                "cx",
                &[
                    "istat.cx.core",
                    "istat.cx.servizio_online",
                    "istat.cx.sportello",
                    "istat.cx.approfondimento",
                ],
            ),
            survey_using("chiarezza", &["designers_italia.valutazione.chiarezza"]),
            survey_using("esperienza", &["designers_italia.valutazione.esperienza"]),
            survey_using("giudizio", &["funzione_pubblica.mettiamoci_la_faccia.giudizio"]),
        ];
        let (messages, compilation) = compile_messages(format!("{imports}{}", surveys.concat()));
        assert!(messages.is_empty(), "{messages:#?}");
        let loaded: Vec<&str> = compilation
            .sources
            .files()
            .map(|(_, f)| f.name.as_str())
            .collect();
        for p in PACKAGES {
            assert!(loaded.contains(&p.path), "{} was not loaded: {loaded:?}", p.path);
        }
        let questions: usize = compilation.surveys.iter().map(|s| s.questions.len()).sum();
        assert_eq!(questions, 5 + 2 + 2 + 1 + 4 + 4 + 2, "questions of the modules");
    }

    #[test]
    fn find_knows_the_prelude_and_nothing_else() {
        assert_eq!(find(PRELUDE).map(|p| p.path), Some("stdlib/istat/pa.rileva"));
        assert_eq!(find("istat.cx").map(|p| p.package), Some("istat.cx"));
        assert!(find("istat").is_none());
        assert!(find("istat.cxx").is_none());
    }
}
