//! The command line against its docs: every subcommand of `rileva --help` has its file in
//! `src/cli/` and its line in the README's `## Commands` block, and every target of
//! `Target::ALL` its row in the README's target table, every stdlib package its row in
//! docs/language.md §12 (CONTRIBUTING.md, "Add a CLI
//! command" and "Add a target").

use super::common::rileva;
use super::scan;
use rileva_targets::Target;

/// The subcommands `rileva --help` lists (without `help`).
fn subcommands() -> Vec<String> {
    let (status, out, err) = rileva(&["--help"]);
    assert_eq!(status, 0, "rileva --help: {err}");
    let commands = out.split("Commands:\n").nth(1).expect("--help lists Commands:");
    commands
        .lines()
        .take_while(|l| l.starts_with("  "))
        .filter_map(|l| l.split_whitespace().next())
        .filter(|c| *c != "help")
        .map(str::to_owned)
        .collect()
}

#[test]
fn every_command_has_its_file_and_readme_line() {
    let commands = subcommands();
    assert!(commands.len() >= 8, "subcommands: {commands:?}");
    let readme = scan::read("README.md");
    let block = readme
        .split("## Commands\n")
        .nth(1)
        .and_then(|s| s.split("```").nth(1))
        .expect("README has a ## Commands block");
    let mut bad = Vec::new();
    for command in &commands {
        let file = format!("src/cli/{command}.rs");
        if !scan::root().join(&file).exists() {
            bad.push(format!("{command}: no {file}"));
        }
        let line = format!("rileva {command} ");
        if !block.lines().any(|l| l.starts_with(&line)) {
            bad.push(format!("{command}: no `{line}...` line in README.md ## Commands"));
        }
    }
    assert!(bad.is_empty(), "{}", bad.join("\n"));
}

#[test]
fn every_target_has_its_readme_row() {
    let readme = scan::read("README.md");
    let rows: Vec<&str> = readme
        .lines()
        .skip_while(|l| !l.starts_with("| target |"))
        .skip(2)
        .take_while(|l| l.starts_with("| `"))
        .filter_map(|l| l.split('`').nth(1))
        .collect();
    let all: Vec<&str> = Target::ALL.iter().map(|t| t.name()).collect();
    assert_eq!(rows, all, "README.md target table rows, in Target::ALL order");
    let build = readme
        .lines()
        .find(|l| l.starts_with("rileva build "))
        .expect("README.md has a `rileva build` line");
    let listed = build
        .split("--target ")
        .nth(1)
        .and_then(|s| s.split(']').next())
        .expect("the `rileva build` line lists `--target a|b|...`");
    assert_eq!(
        listed,
        all.join("|"),
        "README.md ## Commands: `rileva build [--target ...]`, in Target::ALL order"
    );
}

#[test]
fn every_stdlib_package_has_its_reference_row() {
    let language = scan::read("docs/language.md");
    let section = language
        .split("\n## 12. ")
        .nth(1)
        .and_then(|s| s.split("\n## ").next())
        .expect("docs/language.md has ## 12. The standard library");
    let missing: Vec<&str> = rileva_compiler::stdlib::PACKAGES
        .iter()
        .map(|p| p.package)
        .filter(|p| !section.contains(&format!("| `{p}` |")))
        .collect();
    assert!(
        missing.is_empty(),
        "stdlib packages without a row in docs/language.md §12: {missing:?}"
    );
}

#[test]
fn the_architecture_names_every_target_and_platform_module() {
    let architecture = scan::read("compiler/ARCHITECTURE.md");
    let mut missing = Vec::new();
    for crate_src in ["targets/src", "platform/src"] {
        let entries = std::fs::read_dir(scan::root().join(crate_src)).expect(crate_src);
        for entry in entries.flatten() {
            let name = entry.file_name().to_string_lossy().into_owned();
            let named = if entry.path().is_dir() {
                format!("`{name}/`")
            } else {
                format!("`{name}`")
            };
            if name != "lib.rs" && !architecture.contains(&named) {
                missing.push(format!("{crate_src}/{name}"));
            }
        }
    }
    missing.sort();
    assert!(
        missing.is_empty(),
        "modules not named in compiler/ARCHITECTURE.md (## Beyond the compiler): {missing:?}"
    );
}
