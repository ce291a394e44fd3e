//! CONTRIBUTING.md against the repository: every file its checklists name exists (a
//! `<placeholder>` path only by its folder), and every test it says fails when a step is
//! forgotten is a `fn` of the repository's sources.

use super::scan;

/// The backticked words of the `file` and `fails when forgotten` cells of the checklists.
fn checklist_cells() -> Vec<(usize, String)> {
    let text = scan::read("CONTRIBUTING.md");
    let mut out = Vec::new();
    for (n, line) in text.lines().enumerate() {
        let cells: Vec<&str> = line.trim().trim_matches('|').split(" | ").collect();
        let [_, file, fails] = cells.as_slice() else {
            continue;
        };
        for cell in [file, fails] {
            for (i, word) in cell.split('`').enumerate() {
                if i % 2 == 1 {
                    out.push((n + 1, word.to_owned()));
                }
            }
        }
    }
    out
}

/// Every `fn NAME` of the workspace's Rust sources.
fn functions() -> std::collections::BTreeSet<String> {
    let mut out = std::collections::BTreeSet::new();
    for folder in ["src", "compiler/src", "targets/src", "platform/src", "tests"] {
        for path in scan::files(folder, ".rs") {
            let text = std::fs::read_to_string(&path).unwrap_or_default();
            for (at, _) in text.match_indices("fn ") {
                let name: String = text[at + 3..]
                    .chars()
                    .take_while(|c| c.is_ascii_alphanumeric() || *c == '_')
                    .collect();
                out.insert(name);
            }
        }
    }
    out
}

#[test]
fn every_file_and_test_it_names_exists() {
    let functions = functions();
    let mut bad = Vec::new();
    let cells = checklist_cells();
    assert!(cells.len() > 20, "CONTRIBUTING.md has checklist tables");
    for (line, word) in cells {
        let is_path = word.contains('/') || word.ends_with(".rs") || word.ends_with(".md");
        let is_test_name = word.contains('_')
            && word
                .chars()
                .all(|c| c.is_ascii_lowercase() || c.is_ascii_digit() || c == '_');
        if is_path {
            // `compiler/src/diagnostics/docs/RNNNN.md`, `tests/<name>.rs`: their folder.
            let placeholder = [word.find('<'), word.find("NNNN")].into_iter().flatten().min();
            let known = match placeholder {
                Some(at) => word[..at].rsplit_once('/').map_or("", |(dir, _)| dir),
                None => word.as_str(),
            };
            if !known.is_empty() && !scan::root().join(known).exists() {
                bad.push(format!(
                    "CONTRIBUTING.md:{line}: `{word}` is not in the repository"
                ));
            }
        } else if is_test_name && !functions.contains(&word) {
            bad.push(format!("CONTRIBUTING.md:{line}: no `fn {word}` in the sources"));
        }
    }
    assert!(bad.is_empty(), "{}", bad.join("\n"));
}
