//! Every code's doc (`compiler/src/diagnostics/docs/R*.md`) shows its code: the first
//! `rileva` block under `## Example` is checked by the real binary (`--lib tests/ui_lib`,
//! as the ui fixtures are) and must give the code the doc is named after.

use super::common::rileva;
use rileva_compiler::diagnostics::Code;

/// The first ```` ```rileva ```` block after the `## Example` heading of a doc.
fn example(doc: &str) -> Option<String> {
    let section = doc.split("\n## Example").nth(1)?;
    let section = section.split("\n## ").next()?;
    let block = section.split("```rileva\n").nth(1)?;
    Some(block.split("\n```").next()?.to_owned() + "\n")
}

#[test]
fn every_doc_example_gives_its_code() {
    let dir = tempfile::tempdir().expect("temporary folder");
    let mut bad = Vec::new();
    for code in Code::ALL {
        let rel = format!("compiler/src/diagnostics/docs/{}.md", code.as_str());
        let Some(source) = example(&super::scan::read(&rel)) else {
            bad.push(format!("{rel}: no ```rileva block under `## Example`"));
            continue;
        };
        let file = dir.path().join(format!("{}.rileva", code.as_str()));
        std::fs::write(&file, &source).unwrap();
        let path = file.to_string_lossy();
        let (status, json, err) = rileva(&["check", "--lib", "tests/ui_lib", "--format", "json", &path]);
        let parsed: serde_json::Value = match serde_json::from_str(&json) {
            Ok(v) => v,
            Err(e) => {
                bad.push(format!("{rel}: check printed no JSON ({e}): {err}"));
                continue;
            }
        };
        let codes: Vec<&str> = parsed["diagnostics"]
            .as_array()
            .map(|a| a.iter().filter_map(|d| d["code"].as_str()).collect())
            .unwrap_or_default();
        if !codes.contains(&code.as_str()) {
            bad.push(format!(
                "{rel}: the example gives {codes:?}, not {}",
                code.as_str()
            ));
        }
        if !(0..=1).contains(&status) {
            bad.push(format!("{rel}: exit status {status}: {err}"));
        }
    }
    assert!(
        bad.is_empty(),
        "doc examples that do not show their code:\n{}",
        bad.join("\n")
    );
}

#[test]
fn the_example_is_read_as_written() {
    let doc = "# R9999: t\n\n## Example\n\ntext\n\n```rileva\nsurvey a.b {\n}\n```\n\n## Fix\n\n```rileva\nno\n```\n";
    assert_eq!(example(doc).as_deref(), Some("survey a.b {\n}\n"));
    assert_eq!(example("# R9999: t\n\n## Fix\n\n```rileva\nx\n```\n"), None);
}
