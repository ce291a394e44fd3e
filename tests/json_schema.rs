//! The JSON Schema target on every example: a valid 2020-12 schema (checked against the
//! metaschema by the independent `jsonschema` crate), only known keywords, the same bytes on
//! every build, a snapshot per example, and a `submitted_at` pattern that accepts exactly
//! what `rileva validate` accepts.

mod support;

use rileva_compiler::response::timestamp::{is_rfc3339, PATTERN};
use rileva_targets::json_schema::{self, keywords::unknown_keywords};
use serde_json::{json, Value};
use std::process::Command;

fn schema_text(survey: &rileva_compiler::ir::Survey) -> String {
    let files = json_schema::emit(survey);
    assert_eq!(files.len(), 1);
    String::from_utf8(files[0].contents.clone()).expect("UTF-8")
}

#[test]
fn every_schema_is_a_valid_2020_12_schema() {
    let metaschema = json!({"$ref": "https://json-schema.org/draft/2020-12/schema"});
    let meta = jsonschema::draft202012::new(&metaschema).expect("the 2020-12 metaschema is bundled");
    for (name, survey) in support::surveys::all() {
        let schema: Value = serde_json::from_str(&schema_text(&survey)).expect("JSON");
        let errors: Vec<String> = meta
            .iter_errors(&schema)
            .map(|e| format!("{e} at {}", e.instance_path))
            .collect();
        assert!(errors.is_empty(), "{name}: {errors:#?}");
        assert_eq!(schema["$schema"], "https://json-schema.org/draft/2020-12/schema");
        assert_eq!(
            schema["$id"],
            format!("urn:rileva:survey:{}:{}", survey.id, survey.version)
        );
    }
}

#[test]
fn the_metaschema_check_catches_a_broken_schema() {
    let metaschema = json!({"$ref": "https://json-schema.org/draft/2020-12/schema"});
    let meta = jsonschema::draft202012::new(&metaschema).expect("the 2020-12 metaschema is bundled");
    assert!(!meta.is_valid(&json!({"type": "integr"})));
    assert!(!meta.is_valid(&json!({"allOf": []})));
}

#[test]
fn every_schema_uses_only_known_keywords() {
    for (name, survey) in support::surveys::all() {
        let schema: Value = serde_json::from_str(&schema_text(&survey)).expect("JSON");
        assert_eq!(unknown_keywords(&schema), Vec::<String>::new(), "{name}");
    }
}

#[test]
fn building_twice_gives_the_same_bytes() {
    for (name, survey) in support::surveys::all() {
        assert_eq!(json_schema::emit(&survey), json_schema::emit(&survey), "{name}");
        let recompiled = support::surveys::all()
            .into_iter()
            .find(|(n, _)| *n == name)
            .expect("same list");
        assert_eq!(
            schema_text(&survey),
            schema_text(&recompiled.1),
            "{name}: compiled twice"
        );
    }
}

#[test]
fn snapshots_of_every_schema() {
    for (name, survey) in support::surveys::all() {
        insta::assert_snapshot!(format!("response_schema_{name}"), schema_text(&survey));
    }
}

#[test]
fn rileva_build_writes_the_schema() {
    let out = tempfile::tempdir().expect("temp dir");
    let example = support::surveys::paths().into_iter().next().expect("an example");
    let status = Command::new(env!("CARGO_BIN_EXE_rileva"))
        .args(["build", "--target", "json-schema", "--out"])
        .arg(out.path())
        .arg(&example)
        .status()
        .expect("rileva runs");
    assert!(status.success());
    let survey = support::surveys::compile_file(&example);
    let written =
        std::fs::read_to_string(out.path().join(&survey.id).join("response.schema.json")).expect("written");
    assert_eq!(written, schema_text(&survey));
    let folder: Vec<_> = std::fs::read_dir(out.path().join(&survey.id))
        .expect("folder")
        .collect();
    assert_eq!(folder.len(), 1, "only the schema is written");
}

/// Strings near the grammar of `submitted_at`: every date of some tricky years, and every
/// one-character change of some valid date-times.
fn timestamp_candidates() -> Vec<String> {
    let mut out = Vec::new();
    for year in [
        "0000", "0004", "0100", "0400", "1900", "2000", "2023", "2024", "2100", "2400", "9999",
    ] {
        for month in 0..=13 {
            for day in 0..=32 {
                out.push(format!("{year}-{month:02}-{day:02}T12:00:00Z"));
            }
        }
    }
    let seeds = support::generate::values::TIMESTAMPS;
    let replacements = [
        '0', '1', '2', '3', '5', '6', '9', 'T', 't', ' ', 'Z', 'z', '+', '-', ':', '.', '٣', 'x',
    ];
    for seed in seeds {
        let chars: Vec<char> = seed.chars().collect();
        for i in 0..=chars.len() {
            if i < chars.len() {
                let mut removed = chars.clone();
                removed.remove(i);
                out.push(removed.into_iter().collect());
            }
            for r in replacements {
                let mut inserted = chars.clone();
                inserted.insert(i, r);
                out.push(inserted.into_iter().collect());
                if i < chars.len() {
                    let mut replaced = chars.clone();
                    replaced[i] = r;
                    out.push(replaced.into_iter().collect());
                }
            }
        }
    }
    out.extend(
        support::generate::values::BAD_TIMESTAMPS
            .iter()
            .map(|s| s.to_string()),
    );
    out.extend(["2026-11-22T10:15:00Z\n", "", "2026-11-22T10:15:00.1234567890Z"].map(String::from));
    out
}

#[test]
fn the_timestamp_pattern_accepts_exactly_what_validate_accepts() {
    let validator =
        jsonschema::draft202012::new(&json!({"type": "string", "pattern": PATTERN})).expect("compiles");
    let candidates = timestamp_candidates();
    let mut accepted = 0;
    for s in &candidates {
        let by_pattern = validator.is_valid(&json!(s));
        assert_eq!(by_pattern, is_rfc3339(s), "{s:?}: pattern says {by_pattern}");
        accepted += usize::from(by_pattern);
    }
    // both outcomes are well represented, so the comparison means something
    assert!(
        accepted > 1000 && candidates.len() - accepted > 1000,
        "{accepted} of {}",
        candidates.len()
    );
}
