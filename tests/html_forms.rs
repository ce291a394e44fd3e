//! The HTML target on every example: one form per survey language (none without the web
//! channel), a snapshot of each form's markup and data (the inline CSS and script, the same
//! on every page, are left out of the snapshots), the same bytes on every build, and the
//! layout `OUT/<id>/form.<lang>.html` written by `rileva build`.

mod support;

use rileva_compiler::ir::{Channel, Survey};
use rileva_targets::{HtmlTheme, Options, OutputFile, Target};
use std::process::Command;

fn forms(survey: &Survey, theme: HtmlTheme) -> Vec<OutputFile> {
    let options = Options {
        html_theme: theme,
        endpoint: None,
    };
    Target::Html.emit(survey, &options)
}

fn text(file: &OutputFile) -> String {
    String::from_utf8(file.contents.clone()).expect("UTF-8")
}

/// The page with the contents of its `<style>` and code `<script>` elided.
fn markup(html: &str) -> String {
    let mut out = elide(html, "<style>", "</style>");
    out = elide(&out, "<script>", "</script>");
    out
}

fn elide(html: &str, open: &str, close: &str) -> String {
    let start = html.find(open).unwrap_or_else(|| panic!("no {open} element")) + open.len();
    let end = html[start..]
        .find(close)
        .unwrap_or_else(|| panic!("{open} is not closed"))
        + start;
    format!("{}…{}", &html[..start], &html[end..])
}

fn uses_rating_component(survey: &Survey) -> bool {
    survey.questions.iter().any(|q| {
        q.module
            .as_deref()
            .is_some_and(|m| m.starts_with("designers_italia.valutazione."))
    })
}

#[test]
fn every_web_survey_has_one_form_per_language() {
    for (name, survey) in support::surveys::all() {
        let names: Vec<String> = forms(&survey, HtmlTheme::Plain)
            .into_iter()
            .map(|f| f.path)
            .collect();
        if survey.channels.contains(&Channel::Web) {
            let expected: Vec<String> = survey
                .languages
                .iter()
                .map(|l| format!("form.{l}.html"))
                .collect();
            assert_eq!(names, expected, "{name}");
        } else {
            assert!(names.is_empty(), "{name}: no web channel, no form");
        }
    }
}

#[test]
fn snapshots_of_every_form() {
    for (name, survey) in support::surveys::all() {
        for file in forms(&survey, HtmlTheme::Plain) {
            insta::assert_snapshot!(format!("{name}.{}", file.path), markup(&text(&file)));
        }
        if uses_rating_component(&survey) {
            for file in forms(&survey, HtmlTheme::BootstrapItalia) {
                let snapshot = format!("{name}.bootstrap-italia.{}", file.path);
                insta::assert_snapshot!(snapshot, markup(&text(&file)));
            }
        }
    }
}

#[test]
fn building_twice_gives_the_same_bytes() {
    let first = support::surveys::all();
    let second = support::surveys::all();
    for ((name, a), (_, b)) in first.iter().zip(&second) {
        for theme in [HtmlTheme::Plain, HtmlTheme::BootstrapItalia] {
            assert_eq!(forms(a, theme), forms(b, theme), "{name}");
        }
    }
}

#[test]
fn every_form_has_each_question_asked_on_the_web() {
    for (name, survey) in support::surveys::all() {
        for file in forms(&survey, HtmlTheme::Plain) {
            let html = text(&file);
            for q in &survey.questions {
                let present = html.contains(&format!("id=\"q-{}\"", q.id));
                assert_eq!(
                    present,
                    q.channels.contains(&Channel::Web),
                    "{name} {}: {}",
                    file.path,
                    q.id
                );
            }
        }
    }
}

#[test]
fn rileva_build_writes_a_form_per_language_under_the_survey_id() {
    let out = tempfile::tempdir().expect("temp dir");
    let status = Command::new(env!("CARGO_BIN_EXE_rileva"))
        .args([
            "build",
            "--target",
            "html",
            "--html-theme",
            "bootstrap-italia",
            "--out",
        ])
        .arg(out.path())
        .arg("tests/contract/bolzano_anagrafe_bilingue.rileva")
        .current_dir(env!("CARGO_MANIFEST_DIR"))
        .status()
        .expect("run rileva");
    assert!(status.success());
    let dir = out.path().join("bolzano.anagrafe_online");
    for lang in ["it", "de"] {
        let html = std::fs::read_to_string(dir.join(format!("form.{lang}.html"))).expect("form written");
        assert!(html.contains(&format!("<html lang=\"{lang}\">")));
        assert!(html.contains("--bootstrap-italia-version"));
    }
}
