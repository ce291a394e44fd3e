//! Kiosk target on the real examples: every example builds for the kiosk, `layout.json` is
//! snapshotted and validates against `rileva schema kiosk-layout`, R0502 through the CLI, and
//! survey texts arrive escaped in the page and the SVG previews.

use rileva_compiler::{compile, ir, Input};
use rileva_targets::{kiosk, Options};
use std::path::{Path, PathBuf};
use std::process::Command;

fn sources() -> Vec<PathBuf> {
    let root = Path::new(env!("CARGO_MANIFEST_DIR"));
    let mut files: Vec<PathBuf> = ["examples", "tests/contract"]
        .iter()
        .flat_map(|dir| {
            std::fs::read_dir(root.join(dir))
                .expect("example folder")
                .flatten()
        })
        .map(|e| e.path())
        .filter(|p| p.extension().is_some_and(|e| e == "rileva"))
        .collect();
    files.sort();
    files
}

/// Every survey of every example, compiled one file at a time.
fn surveys() -> Vec<(PathBuf, ir::Survey)> {
    sources()
        .into_iter()
        .flat_map(|path| {
            let bytes = std::fs::read(&path).expect("read example");
            let input = Input {
                name: path.display().to_string(),
                bytes,
            };
            let compilation = compile(&[input], &[]);
            assert!(
                !compilation.has_errors(),
                "{} does not compile: {:?}",
                path.display(),
                compilation.diagnostics
            );
            compilation.surveys.into_iter().map(move |s| (path.clone(), s))
        })
        .collect()
}

fn layout_json(survey: &ir::Survey) -> Option<String> {
    let files = kiosk::emit(survey, &Options::default());
    let file = files.into_iter().find(|f| f.path == "kiosk/layout.json")?;
    Some(String::from_utf8(file.contents).expect("utf-8"))
}

#[test]
fn every_example_builds_for_the_kiosk_and_only_kiosk_surveys_get_files() {
    let surveys = surveys();
    assert!(surveys.len() >= 10);
    let mut on_kiosk = 0;
    for (path, survey) in &surveys {
        let diagnostics = kiosk::validate(survey);
        assert!(diagnostics.is_empty(), "{}: {diagnostics:?}", path.display());
        let files = kiosk::emit(survey, &Options::default());
        let offered = survey.channels.contains(&ir::Channel::Kiosk);
        assert_eq!(!files.is_empty(), offered, "{}", survey.id);
        on_kiosk += usize::from(offered);
    }
    assert!(on_kiosk >= 2, "kiosk examples: {on_kiosk}");
}

#[test]
fn layout_json_snapshots() {
    for (_, survey) in surveys() {
        if let Some(json) = layout_json(&survey) {
            insta::assert_snapshot!(format!("layout__{}", survey.id), json);
        }
    }
}

#[test]
fn layout_json_validates_against_its_schema() {
    let schema = serde_json::to_value(kiosk::layout_schema()).expect("schema as JSON");
    let validator = jsonschema::validator_for(&schema).expect("a valid JSON Schema");
    let mut checked = 0;
    for (_, survey) in surveys() {
        let Some(json) = layout_json(&survey) else {
            continue;
        };
        let layout: serde_json::Value = serde_json::from_str(&json).expect("JSON");
        let errors: Vec<String> = validator.iter_errors(&layout).map(|e| e.to_string()).collect();
        assert!(errors.is_empty(), "{}: {errors:?}", survey.id);
        // The schema is not vacuous: a stray key, a missing rectangle and a bad face fail.
        let mut stray = layout.clone();
        stray["screens"][0]["buttons"][0]["tooltip"] = "x".into();
        assert!(!validator.is_valid(&stray));
        let mut missing = layout.clone();
        missing["screens"][0]["buttons"][0]
            .as_object_mut()
            .expect("button")
            .remove("rect");
        assert!(!validator.is_valid(&missing));
        let mut face = layout.clone();
        face["screens"][0]["buttons"][0]["face"] = "grinning".into();
        assert!(!validator.is_valid(&face));
        checked += 1;
    }
    assert!(checked >= 2);
}

#[test]
fn schema_command_prints_the_layout_schema() {
    let out = Command::new(env!("CARGO_BIN_EXE_rileva"))
        .args(["schema", "kiosk-layout"])
        .output()
        .expect("run");
    assert!(out.status.success());
    let printed: serde_json::Value = serde_json::from_slice(&out.stdout).expect("JSON");
    assert_eq!(
        printed,
        serde_json::to_value(kiosk::layout_schema()).expect("schema")
    );
    assert_eq!(printed["title"], "Layout");
    assert!(printed["definitions"]["Button"]["properties"]["rect"].is_object());
}

fn write_source(dir: &Path, text: &str) -> PathBuf {
    let path = dir.join("chiosco.rileva");
    std::fs::write(&path, text).expect("write source");
    path
}

const TINY_KIOSK: &str = r#"survey prova.chiosco {
  version 1.0.0
  title "Prova"
  channels kiosk
  kiosk {
    screen 200 x 150
  }
  question ufficio: choice {
    "Quale ufficio?"
    1 "Uno" 2 "Due" 3 "Tre" 4 "Quattro" 5 "Cinque" 6 "Sei" 7 "Sette" 8 "Otto"
  }
}
"#;

#[test]
fn r0502_through_check_and_build() {
    let dir = tempfile::tempdir().expect("temp dir");
    let source = write_source(dir.path(), TINY_KIOSK);
    let source = source.to_str().expect("utf-8 path");
    let out = Command::new(env!("CARGO_BIN_EXE_rileva"))
        .args(["check", "--format", "json", source])
        .output()
        .expect("run");
    assert_eq!(out.status.code(), Some(1));
    let report: serde_json::Value = serde_json::from_slice(&out.stdout).expect("JSON");
    let d = report["diagnostics"]
        .as_array()
        .expect("diagnostics")
        .iter()
        .find(|d| d["code"] == "R0502")
        .unwrap_or_else(|| panic!("no R0502 in {report}"));
    assert_eq!(d["line"], 8, "points at the question: {d}");
    assert!(
        d["help"]
            .as_str()
            .is_some_and(|h| h.contains("fewer options") && h.contains(" x ")),
        "{d}"
    );
    let labels = d["labels"].to_string();
    assert!(
        labels.contains("this question needs 8 buttons of at least 44 px"),
        "{labels}"
    );
    let build_dir = dir.path().join("out");
    let out = Command::new(env!("CARGO_BIN_EXE_rileva"))
        .args([
            "build",
            "--target",
            "kiosk",
            "--out",
            build_dir.to_str().expect("utf-8"),
            source,
        ])
        .output()
        .expect("run");
    assert_eq!(out.status.code(), Some(1));
    assert!(!build_dir.exists(), "nothing is written");
}

#[test]
fn survey_texts_are_escaped_in_page_and_svg() {
    let dir = tempfile::tempdir().expect("temp dir");
    let text = TINY_KIOSK.replace("200 x 150", "1280 x 800").replace(
        r#""Quale ufficio?""#,
        r#""<script>alert(1)</script> \"A\" & 'B'""#,
    );
    let source = write_source(dir.path(), &text);
    let build_dir = dir.path().join("out");
    let out = Command::new(env!("CARGO_BIN_EXE_rileva"))
        .args(["build", "--target", "kiosk", "--out"])
        .args([&build_dir, &source])
        .output()
        .expect("run");
    assert!(out.status.success(), "{}", String::from_utf8_lossy(&out.stderr));
    let kiosk_dir = build_dir.join("prova.chiosco/kiosk");
    let page = std::fs::read_to_string(kiosk_dir.join("kiosk.it.html")).expect("page");
    assert!(!page.contains("<script>alert"));
    assert!(page.contains("&lt;script&gt;alert(1)&lt;&#x2f;script&gt; &quot;A&quot; &amp; &#x27;B&#x27;"));
    let svg = std::fs::read_to_string(kiosk_dir.join("screen-1.svg")).expect("svg");
    assert!(!svg.contains("<script"));
    assert!(svg.contains("&lt;script&gt;alert(1)&lt;/script&gt;"), "{svg}");
    assert!(svg.contains("&quot;A&quot;") && svg.contains("&amp;") && svg.contains("&apos;B&apos;"));
    let layout = std::fs::read_to_string(kiosk_dir.join("layout.json")).expect("layout");
    let layout: serde_json::Value = serde_json::from_str(&layout).expect("JSON");
    assert_eq!(
        layout["screens"][0]["wording"]["it"],
        r#"<script>alert(1)</script> "A" & 'B'"#
    );
}
