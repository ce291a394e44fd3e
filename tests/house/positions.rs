//! The positions of `--format json`: 1-based, columns in characters, the end exclusive
//! (the position just after the last character, as LSP and SARIF), on one line and across
//! lines; and `rileva schema diagnostics` says so.

use super::common::rileva;
use serde_json::Value;

/// The text between (line, column) and the exclusive (end_line, end_column), in characters.
fn slice(source: &str, label: &Value) -> String {
    let at = |line: &str, column: &str| -> usize {
        let (line, column) = (
            label[line].as_u64().unwrap() as usize,
            label[column].as_u64().unwrap() as usize,
        );
        let before: usize = source
            .split_inclusive('\n')
            .take(line - 1)
            .map(|l| l.chars().count())
            .sum();
        before + column - 1
    };
    let (start, end) = (at("line", "column"), at("end_line", "end_column"));
    source.chars().skip(start).take(end - start).collect()
}

/// The primary label of the one diagnostic with `code` that `rileva check` gives on `source`.
fn primary_text(source: &str, code: &str) -> String {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("posizioni.rileva");
    std::fs::write(&path, source).unwrap();
    let (_, json, _) = rileva(&["check", "--format", "json", path.to_str().unwrap()]);
    let report: Value = serde_json::from_str(&json).expect("JSON");
    let found: Vec<&Value> = report["diagnostics"]
        .as_array()
        .unwrap()
        .iter()
        .filter(|d| d["code"] == code)
        .collect();
    let [d] = found.as_slice() else {
        panic!("one {code} expected: {report:#}");
    };
    let label = &d["labels"][0];
    assert_eq!(label["primary"], true);
    for key in ["line", "column", "end_line", "end_column"] {
        assert_eq!(
            d[key], label[key],
            "the diagnostic's {key} is its primary label's"
        );
    }
    slice(source, label)
}

#[test]
fn the_end_column_is_just_after_the_last_character() {
    let unused = "scale voto10_old {\n  1 \"Uno\"\n  2 \"Due\"\n}\n\nsurvey prova.posizioni {\n  \
                  version 1.0.0\n  title \"Prova\"\n}\n";
    // `voto10_old` is 10 characters at column 7: the end is column 17.
    assert_eq!(primary_text(unused, "R0602"), "voto10_old");
    // Columns count characters: `è` and `é` before the name are one column each.
    let accents = "survey prova.posizioni {\n  version 1.0.0\n  title \"Prova\"\n  \
                   question b: yesno { \"Perché è così?\" show if zzz = 1 }\n}\n";
    assert_eq!(primary_text(accents, "R0101"), "zzz");
}

#[test]
fn the_end_line_is_the_line_of_the_last_character() {
    let codes: String = (1..=8).map(|n| format!("    {n} \"Sportello {n}\"\n")).collect();
    let question = format!("question sportello: choice {{\n    \"Quale sportello?\"\n{codes}  }}");
    let source = format!(
        "survey bari.sportello {{\n  version 1.0.0\n  title \"T\"\n  channels kiosk web\n  \
         kiosk {{\n    screen 320 x 200\n  }}\n  {question}\n}}\n"
    );
    assert_eq!(
        primary_text(&source, "R0502"),
        question,
        "the whole question, to its `}}`"
    );
}

#[test]
fn the_schema_documents_the_convention() {
    let (status, out, _) = rileva(&["schema", "diagnostics"]);
    assert_eq!(status, 0);
    let schema: Value = serde_json::from_str(&out).unwrap();
    for def in ["JsonDiagnostic", "JsonLabel"] {
        let properties = &schema["definitions"][def]["properties"];
        for key in ["end_line", "end_column"] {
            let doc = properties[key]["description"].as_str().unwrap_or_default();
            assert!(
                doc.contains("exclusive"),
                "{def}.{key} should say the end is exclusive: {doc:?}"
            );
        }
        let column = properties["column"]["description"].as_str().unwrap_or_default();
        assert!(
            column.contains("characters"),
            "{def}.column counts characters: {column:?}"
        );
    }
}
