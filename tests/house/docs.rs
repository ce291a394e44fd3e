//! Docs against the code: the stage table of `compiler/ARCHITECTURE.md` against what each
//! stage gives, the diagnostics tables of `README.md` and `docs/language.md` against the
//! registry `Code::ALL`, the README's layout table against the repository's folders, the
//! README's stage table against both ARCHITECTURE.md files and the modules of the targets
//! and platform crates.

use super::scan;
use rileva_compiler::diagnostics::{Code, Severity};
use rileva_compiler::{check, conformance};
use std::collections::BTreeSet;

/// The rows of the first Markdown table after the line starting with `after`, as cells.
fn table(text: &str, header: &str) -> Vec<Vec<String>> {
    let mut lines = text.lines().skip_while(|l| !l.starts_with(header));
    assert!(lines.next().is_some(), "no table with the header `{header}`");
    lines
        .skip(1) // the `| --- |` line
        .take_while(|l| l.starts_with('|'))
        .map(|l| {
            l.trim()
                .trim_matches('|')
                .split(" | ")
                .map(|c| c.trim().to_owned())
                .collect()
        })
        .collect()
}

/// The first `backticked` word of a cell.
fn first_ticked(cell: &str) -> Option<&str> {
    cell.split('`').nth(1)
}

/// What the module of a stage row gives: the rule tables for check and conformance, else
/// every `Code::R....` its non-test sources name.
fn given_by(module: &str) -> BTreeSet<Code> {
    match module {
        "check/" => check::RULES
            .iter()
            .flat_map(|r| r.codes.iter().copied())
            .collect(),
        "conformance/" => conformance::RULES
            .iter()
            .flat_map(|r| r.codes.iter().copied())
            .collect(),
        _ => {
            let rel = if module.starts_with("targets/") {
                module.to_owned()
            } else {
                format!("compiler/src/{module}")
            };
            assert!(
                scan::root().join(&rel).exists(),
                "ARCHITECTURE.md names `{module}`, which is not there"
            );
            if rel.ends_with(".rs") {
                scan::codes_named(&scan::non_test_source(&scan::root().join(&rel)))
            } else {
                scan::codes_given_below(&rel)
            }
        }
    }
}

#[test]
fn the_stage_table_says_what_each_stage_gives() {
    let text = scan::read("compiler/ARCHITECTURE.md");
    let rows = table(&text, "| stage |");
    let mut covered = BTreeSet::new();
    let mut modules = BTreeSet::new();
    for row in &rows {
        let [stage, module, _, _, _, codes] = row.as_slice() else {
            panic!("a stage row has six cells: {row:?}");
        };
        let module = first_ticked(module).unwrap_or_else(|| panic!("stage {stage}: no module"));
        let written = scan::codes_written(codes);
        let given = given_by(module);
        assert_eq!(
            written, given,
            "ARCHITECTURE.md, stage {stage} (`{module}`): written vs given"
        );
        covered.extend(given);
        modules.insert(module.trim_end_matches('/').to_owned());
    }
    // Every code is given by a stage of the table, and no folder of the compiler gives codes
    // without a row of its own.
    let missing: Vec<&Code> = Code::ALL.iter().filter(|c| !covered.contains(c)).collect();
    assert!(
        missing.is_empty(),
        "codes no stage of ARCHITECTURE.md gives: {missing:?}"
    );
    for entry in std::fs::read_dir(scan::root().join("compiler/src"))
        .unwrap()
        .flatten()
    {
        let name = entry.file_name().to_string_lossy().into_owned();
        let rel = format!("compiler/src/{name}");
        let gives = if entry.path().is_dir() {
            scan::codes_given_below(&rel)
        } else {
            scan::codes_named(&scan::non_test_source(&entry.path()))
        };
        if !gives.is_empty() {
            assert!(
                modules.contains(&name),
                "compiler/src/{name} gives {gives:?} but has no stage row"
            );
        }
    }
}

/// `warning: ` before the title of a warning, as both tables write it.
fn expected_text(code: Code) -> String {
    match code.severity() {
        Severity::Warning => format!("warning: {}", code.title()),
        Severity::Error => code.title().to_owned(),
    }
}

/// Both diagnostics tables list `Code::ALL` in order, each row starting with the code's
/// title (a table may say more after it).
#[test]
fn the_diagnostics_tables_follow_the_registry() {
    for doc in ["README.md", "docs/language.md"] {
        let rows = table(&scan::read(doc), "| code | when |");
        let codes: Vec<&str> = rows.iter().map(|r| r[0].as_str()).collect();
        let registry: Vec<&str> = Code::ALL.iter().map(|c| c.as_str()).collect();
        assert_eq!(
            codes, registry,
            "{doc}: the diagnostics table is `Code::ALL`, in order"
        );
        for (row, code) in rows.iter().zip(Code::ALL) {
            let title = expected_text(*code);
            assert!(
                row[1].starts_with(&title),
                "{doc}, {code}: `{}` should start with `{title}`",
                row[1]
            );
        }
    }
}

/// `rileva explain` prints the doc of a code: its heading is the code and its title.
#[test]
fn every_code_doc_starts_with_its_title() {
    for code in Code::ALL {
        let heading = code.doc().lines().next().unwrap_or_default();
        let expected = match code.severity() {
            Severity::Warning => format!("# {code}: {} (warning)", code.title()),
            Severity::Error => format!("# {code}: {}", code.title()),
        };
        assert_eq!(
            heading, expected,
            "the heading of compiler/src/diagnostics/docs/{code}.md"
        );
    }
}

#[test]
fn the_readme_layout_names_every_folder() {
    let rows = table(&scan::read("README.md"), "| folder | what |");
    let written: BTreeSet<String> = rows
        .iter()
        .filter_map(|r| first_ticked(&r[0]).map(|f| f.trim_end_matches('/').to_owned()))
        .collect();
    let tracked = std::process::Command::new("git")
        .args(["ls-files"])
        .current_dir(scan::root())
        .output()
        .expect("git ls-files");
    let folders: BTreeSet<String> = String::from_utf8_lossy(&tracked.stdout)
        .lines()
        .filter_map(|l| l.split_once('/').map(|(dir, _)| dir.to_owned()))
        .filter(|d| !d.starts_with('.'))
        .collect();
    assert_eq!(
        written, folders,
        "README.md's layout table names exactly the tracked folders"
    );
}

/// The README's stage table names the stages of `compiler/ARCHITECTURE.md`, in its order,
/// each with the folder or file of its module, then the modules of
/// `platform/ARCHITECTURE.md`'s table.
#[test]
fn the_readme_finds_every_stage_in_one_step() {
    let stages = table(&scan::read("compiler/ARCHITECTURE.md"), "| stage |");
    let expected: Vec<(String, String)> = stages
        .iter()
        .map(|r| {
            let module = first_ticked(&r[1]).unwrap_or_default();
            let path = if module.starts_with("targets/") {
                module.to_owned()
            } else {
                format!("compiler/src/{module}")
            };
            (r[0].clone(), path)
        })
        .chain(
            table(&scan::read("platform/ARCHITECTURE.md"), "| module |")
                .iter()
                .filter_map(|r| first_ticked(&r[0]).map(str::to_owned))
                .map(|m| (m.trim_end_matches('/').to_owned(), format!("platform/src/{m}"))),
        )
        .collect();
    let readme: Vec<(String, String)> = table(&scan::read("README.md"), "| stage | where |")
        .iter()
        .map(|r| (r[0].clone(), first_ticked(&r[1]).unwrap_or_default().to_owned()))
        .collect();
    assert_eq!(
        readme, expected,
        "README.md's stage table against compiler/ARCHITECTURE.md's"
    );
}

/// The modules of a crate's `src/` (folders as `name/`, files as `name.rs`).
fn modules_of(src: &str) -> BTreeSet<String> {
    std::fs::read_dir(scan::root().join(src))
        .unwrap_or_else(|e| panic!("{src}: {e}"))
        .flatten()
        .map(|e| {
            let name = e.file_name().to_string_lossy().into_owned();
            if e.path().is_dir() {
                format!("{name}/")
            } else {
                name
            }
        })
        .collect()
}

/// Every target and every module of the targets crate is one step from the README: its
/// row of the stage table names it.
#[test]
fn the_readme_names_every_target_module() {
    let rows = table(&scan::read("README.md"), "| stage | where |");
    let targets = rows
        .iter()
        .find(|r| r[0] == "targets")
        .expect("README.md's stage table has a targets row");
    let missing: Vec<String> = modules_of("targets/src")
        .into_iter()
        .filter(|m| !targets[1].contains(&format!("`{m}`")))
        .collect();
    assert!(
        missing.is_empty(),
        "modules of targets/src/ the README's targets row does not name: {missing:?}"
    );
}

/// The module table of `platform/ARCHITECTURE.md` and of `lsp/ARCHITECTURE.md` names every
/// module of the crate's `src/` but `lib.rs`.
#[test]
fn each_crate_table_names_every_module() {
    for krate in ["platform", "lsp"] {
        let rows = table(&scan::read(&format!("{krate}/ARCHITECTURE.md")), "| module |");
        let written: BTreeSet<String> = rows
            .iter()
            .filter_map(|r| first_ticked(&r[0]).map(str::to_owned))
            .collect();
        let mut modules = modules_of(&format!("{krate}/src"));
        modules.remove("lib.rs");
        assert_eq!(
            written, modules,
            "{krate}/ARCHITECTURE.md's module table against {krate}/src/"
        );
    }
}

/// README's ## Documentation lists every page of `docs/` and every `ARCHITECTURE.md`.
#[test]
fn the_readme_lists_every_doc() {
    let readme = scan::read("README.md");
    let list = readme
        .split("\n## Documentation\n")
        .nth(1)
        .and_then(|s| s.split("\n## ").next())
        .expect("README.md has ## Documentation");
    let tracked = std::process::Command::new("git")
        .args(["ls-files", "docs/*.md", "*ARCHITECTURE.md"])
        .current_dir(scan::root())
        .output()
        .expect("git ls-files");
    let docs: Vec<String> = String::from_utf8_lossy(&tracked.stdout)
        .lines()
        .map(str::to_owned)
        .collect();
    assert!(docs.len() >= 4, "docs found: {docs:?}");
    let missing: Vec<&String> = docs
        .iter()
        .filter(|d| !list.contains(&format!("- `{d}`")))
        .collect();
    assert!(
        missing.is_empty(),
        "docs README.md's ## Documentation does not list: {missing:?}"
    );
}

/// Each module's `## <module>` section of `platform/ARCHITECTURE.md` names every file and
/// folder below `platform/src/<module>/` (as `name.rs` or `name/`, in backticks).
#[test]
fn the_platform_sections_name_every_file() {
    let text = scan::read("platform/ARCHITECTURE.md");
    let mut missing = Vec::new();
    for module in modules_of("platform/src") {
        let Some(name) = module.strip_suffix('/') else {
            continue;
        };
        let section = text
            .split(&format!("\n## {name}\n"))
            .nth(1)
            .and_then(|s| s.split("\n## ").next())
            .unwrap_or_else(|| panic!("platform/ARCHITECTURE.md has no `## {name}` section"));
        let mut stack = vec![format!("platform/src/{name}")];
        while let Some(dir) = stack.pop() {
            for entry in modules_of(&dir) {
                if entry.ends_with('/') {
                    stack.push(format!("{dir}/{}", entry.trim_end_matches('/')));
                }
                if !section.contains(&format!("`{entry}`")) {
                    missing.push(format!("{dir}/{entry}"));
                }
            }
        }
    }
    assert!(
        missing.is_empty(),
        "files platform/ARCHITECTURE.md's section of their module does not name: {missing:?}"
    );
}
