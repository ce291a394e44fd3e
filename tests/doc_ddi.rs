//! The doc and DDI targets on every example: a snapshot of each questionnaire document (its
//! inline CSS, the same on every page, left out) and of the DDI file of two examples, the
//! same bytes on every build, and the layout written by `rileva build`.

mod support;

use rileva_targets::{Options, OutputFile, Target};
use std::process::Command;

fn text(file: &OutputFile) -> String {
    String::from_utf8(file.contents.clone()).expect("UTF-8")
}

/// The document with the contents of its `<style>` elided.
fn markup(html: &str) -> String {
    let start = html.find("<style>").expect("a <style> element") + "<style>".len();
    let end = html[start..].find("</style>").expect("</style>") + start;
    format!("{}…{}", &html[..start], &html[end..])
}

#[test]
fn snapshots_of_every_document() {
    for (name, survey) in support::surveys::all() {
        let files = Target::Doc.emit(&survey, &Options::default());
        let expected: Vec<String> = survey
            .languages
            .iter()
            .map(|l| format!("doc/questionnaire.{l}.html"))
            .collect();
        let paths: Vec<&str> = files.iter().map(|f| f.path.as_str()).collect();
        assert_eq!(paths, expected, "{name}");
        for file in &files {
            let snapshot = format!("{name}.{}", file.path.trim_start_matches("doc/"));
            insta::assert_snapshot!(snapshot, markup(&text(file)));
        }
    }
}

#[test]
fn snapshots_of_two_ddi_files() {
    for (name, survey) in support::surveys::all() {
        if name != "lecce_anagrafe_kiosk" && name != "contract_inps_hub_prestazioni" {
            continue;
        }
        let files = Target::Ddi.emit(&survey, &Options::default());
        assert_eq!(files.len(), 1);
        insta::assert_snapshot!(format!("{name}.ddi-3.3.xml"), text(&files[0]));
    }
}

#[test]
fn every_build_gives_the_same_bytes() {
    for (name, survey) in support::surveys::all() {
        for target in [Target::Doc, Target::Ddi, Target::Ir] {
            let a = target.emit(&survey, &Options::default());
            let b = target.emit(&survey, &Options::default());
            assert_eq!(a, b, "{name} {}", target.name());
        }
    }
}

#[test]
fn rileva_build_writes_the_document_and_the_ddi_file_under_the_survey_id() {
    let out = tempfile::tempdir().expect("temp dir");
    let status = Command::new(env!("CARGO_BIN_EXE_rileva"))
        .args([
            "build", "--target", "doc", "--target", "ddi", "--target", "ir", "--out",
        ])
        .arg(out.path())
        .arg(concat!(
            env!("CARGO_MANIFEST_DIR"),
            "/examples/bolzano_anagrafe_bilingue.rileva"
        ))
        .status()
        .expect("rileva runs");
    assert!(status.success());
    let dir = out.path().join("bolzano.certificati_online");
    for file in [
        "doc/questionnaire.it.html",
        "doc/questionnaire.de.html",
        "ddi/ddi-3.3.xml",
        "ir/survey.json",
    ] {
        assert!(dir.join(file).is_file(), "{file} is missing");
    }
    let ir: serde_json::Value =
        serde_json::from_slice(&std::fs::read(dir.join("ir/survey.json")).expect("read")).expect("JSON");
    assert_eq!(ir["id"], "bolzano.certificati_online");
}
