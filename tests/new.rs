//! `rileva new` (docs/new.md), run as a user runs it. Every standard of the stdlib, with
//! every pair of PA kind and service kind of the stdlib's own tables (read through
//! `rileva_compiler::catalog`, never listed here), gives either a survey that `rileva check`
//! accepts as written, laid out as `rileva fmt` lays it out, or a message naming the
//! standard's profiles. The commented parts (allowed modules, the example question) check
//! clean once uncommented. Values are checked; no file is ever overwritten; outside a
//! terminal, flags only. The interactive path is tested in a pseudo-terminal by
//! `tests/python/test_new_interactive.py`.

mod common;

use common::rileva;
use rileva_compiler::catalog;
use std::path::Path;

fn run_in(dir: &Path, args: &[&str]) -> (i32, String, String) {
    let out = std::process::Command::new(env!("CARGO_BIN_EXE_rileva"))
        .args(args)
        .current_dir(dir)
        .env("NO_COLOR", "1")
        .stdin(std::process::Stdio::null())
        .output()
        .expect("run rileva");
    (
        out.status.code().unwrap_or(-1),
        String::from_utf8_lossy(&out.stdout).into_owned(),
        String::from_utf8_lossy(&out.stderr).into_owned(),
    )
}

fn assert_clean(dir: &Path, what: &str) {
    let (status, out, err) = run_in(dir, &["check", "--format", "json", "--deny-warnings", "."]);
    let report: serde_json::Value = serde_json::from_str(&out).expect("JSON report");
    assert_eq!(report["diagnostics"], serde_json::json!([]), "{what}: {out}{err}");
    assert_eq!(status, 0, "{what}");
}

/// The survey with its commented modules and example questions uncommented.
fn uncommented(text: &str) -> String {
    let mut out = String::new();
    let mut example = false;
    for line in text.lines() {
        if line == "  //" {
            example = true;
            continue;
        }
        let code = line.strip_prefix("  // ");
        match code {
            Some(rest) if rest.starts_with("use ") || example => {
                out.push_str("  ");
                out.push_str(rest);
                example &= rest != "}";
            }
            _ => out.push_str(line),
        }
        out.push('\n');
    }
    out
}

#[test]
fn every_pair_of_kinds_gives_a_clean_survey_or_names_the_profiles() {
    let catalog = catalog::stdlib();
    assert!(
        !catalog.standards.is_empty() && !catalog.pa_kinds.is_empty() && !catalog.service_kinds.is_empty()
    );
    let written = tempfile::tempdir().expect("temp dir");
    let opened = tempfile::tempdir().expect("temp dir");
    let (mut surveys, mut refusals) = (0, 0);
    for standard in &catalog.standards {
        for (p, pa) in catalog.pa_kinds.iter().enumerate() {
            for service in &catalog.service_kinds {
                let name = format!("{}-{}-{}.rileva", standard.name, pa.id, service.id);
                let agency = format!("pa{p:02}");
                let code = format!("{}-{}", standard.name.replace('.', "-"), service.id);
                let args = [
                    "new",
                    &name,
                    "--standard",
                    &standard.name,
                    "--agency",
                    &agency,
                    "--pa-kind",
                    &pa.id,
                    "--service",
                    &code,
                    "--service-kind",
                    &service.id,
                ];
                let (status, out, err) = run_in(written.path(), &args);
                let file = written.path().join(&name);
                if standard.profiles_for(&pa.id, &service.id).len() == 1 {
                    assert_eq!(status, 0, "{name}: {out}{err}");
                    let text = std::fs::read_to_string(&file).expect("written");
                    std::fs::write(opened.path().join(&name), uncommented(&text)).expect("write");
                    surveys += 1;
                } else {
                    assert_eq!(status, 1, "{name}: {out}{err}");
                    assert!(!file.exists(), "{name} written although no profile fits");
                    for profile in &standard.profiles {
                        assert!(
                            err.contains(&format!("profile {} ", profile.name)),
                            "{name}: {err}"
                        );
                    }
                    refusals += 1;
                }
            }
        }
    }
    assert!(
        surveys > 0 && refusals > 0,
        "{surveys} surveys, {refusals} refusals"
    );
    assert_clean(written.path(), "as written");
    let (status, out, err) = run_in(written.path(), &["fmt", "--check", "."]);
    assert_eq!(status, 0, "not laid out as rileva fmt: {out}{err}");
    assert_clean(opened.path(), "with the commented parts uncommented");
}

#[test]
fn the_survey_uses_the_required_modules_and_lists_the_allowed_ones() {
    let dir = tempfile::tempdir().expect("temp dir");
    let args = [
        "new",
        "s.rileva",
        "--agency",
        "c_h501",
        "--pa-kind",
        "comune",
        "--service",
        "certificati-anagrafici",
        "--service-kind",
        "certificato",
    ];
    let (status, out, err) = run_in(dir.path(), &args);
    assert_eq!(status, 0, "{out}{err}");
    assert!(out.contains("istat.cx 2024.1, profile istanza_online"), "{out}");
    let text = std::fs::read_to_string(dir.path().join("s.rileva")).expect("written");
    for line in [
        "survey c_h501.certificati_anagrafici {",
        "  title \"Valuti il servizio\" en \"Rate the service\"",
        "  languages it en",
        "  agency \"c_h501\" kind comune",
        "  service \"certificati-anagrafici\" kind certificato",
        "  channels web",
        "  conforms istat.cx 2024.1 profile istanza_online",
        "  use istat.cx.core\n  use istat.cx.servizio_online\n",
        "  // use istat.cx.approfondimento",
        "Fino a 5 domande dell'ente",
        "Up to 5 questions of the administration",
    ] {
        assert!(text.contains(line), "{line:?} missing in:\n{text}");
    }
}

#[test]
fn a_counter_service_is_surveyed_on_the_kiosk() {
    let dir = tempfile::tempdir().expect("temp dir");
    let args = [
        "new",
        "k.rileva",
        "--agency",
        "inps",
        "--pa-kind",
        "ente_previdenziale",
        "--service",
        "sede",
        "--service-kind",
        "sportello",
        "--languages",
        "it",
    ];
    let (status, out, err) = run_in(dir.path(), &args);
    assert_eq!(status, 0, "{out}{err}");
    let text = std::fs::read_to_string(dir.path().join("k.rileva")).expect("written");
    assert!(text.contains("  channels kiosk\n"), "{text}");
    assert!(
        text.contains("  languages it\n") && !text.contains(" en \""),
        "{text}"
    );
    assert!(
        text.contains("use istat.cx.core\n  use istat.cx.sportello\n"),
        "{text}"
    );
}

#[test]
fn values_that_do_not_fit_are_refused_with_the_choices() {
    let dir = tempfile::tempdir().expect("temp dir");
    let base = ["new", "x.rileva", "--agency", "c_h501", "--service", "s"];
    let cases: [(&[&str], &str); 6] = [
        (
            &["--pa-kind", "comun", "--service-kind", "certificato"],
            "comune — Comuni (Municipalities)",
        ),
        (
            &["--pa-kind", "comune", "--service-kind", "x"],
            "sportello — Servizio allo sportello fisico",
        ),
        (
            &[
                "--pa-kind",
                "comune",
                "--service-kind",
                "certificato",
                "--standard",
                "istat.xx",
            ],
            "istat.cx 2024.1",
        ),
        (
            &[
                "--pa-kind",
                "comune",
                "--service-kind",
                "certificato",
                "--channels",
                "phone",
            ],
            "it allows: web app kiosk",
        ),
        (
            &[
                "--pa-kind",
                "comune",
                "--service-kind",
                "certificato",
                "--languages",
                "en",
            ],
            "requires the languages it",
        ),
        (
            &[
                "--pa-kind",
                "comune",
                "--service-kind",
                "certificato",
                "--languages",
                "it",
                "de",
            ],
            "translations",
        ),
    ];
    for (extra, expected) in cases {
        let args: Vec<&str> = base.iter().chain(extra).copied().collect();
        let (status, out, err) = run_in(dir.path(), &args);
        assert_eq!(status, 1, "{args:?}: {out}{err}");
        assert!(err.contains(expected), "{args:?}: {err}");
        assert!(err.contains("nothing written"), "{err}");
        assert!(!dir.path().join("x.rileva").exists(), "{args:?} wrote the file");
    }
    let (status, _, err) = run_in(
        dir.path(),
        &[
            "new",
            "x.rileva",
            "--agency",
            "c-h501",
            "--pa-kind",
            "comune",
            "--service",
            "s",
            "--service-kind",
            "certificato",
        ],
    );
    assert_eq!(status, 1, "{err}");
    assert!(err.contains("not an IPA code"), "{err}");
}

#[test]
fn never_overwrites_and_wants_flags_outside_a_terminal() {
    let dir = tempfile::tempdir().expect("temp dir");
    let file = dir.path().join("mine.rileva");
    std::fs::write(&file, "// mine\n").expect("write");
    let args = [
        "new",
        "mine.rileva",
        "--agency",
        "c_h501",
        "--pa-kind",
        "comune",
        "--service",
        "s",
        "--service-kind",
        "certificato",
    ];
    let (status, _, err) = run_in(dir.path(), &args);
    assert_eq!(status, 2, "{err}");
    assert!(err.contains("never overwrites"), "{err}");
    assert_eq!(std::fs::read_to_string(&file).ok().as_deref(), Some("// mine\n"));
    let (status, _, err) = run_in(dir.path(), &["new", "other.rileva", "--pa-kind", "comune"]);
    assert_eq!(status, 2, "{err}");
    assert!(
        err.contains("missing --agency, --service, --service-kind"),
        "{err}"
    );
    assert!(!dir.path().join("other.rileva").exists());
}

#[test]
fn new_is_in_the_help() {
    let (status, out, _) = rileva(&["new", "--help"]);
    assert_eq!(status, 0);
    for flag in [
        "--standard",
        "--agency",
        "--pa-kind",
        "--service",
        "--service-kind",
        "--channels",
        "--languages",
    ] {
        assert!(out.contains(flag), "{flag}: {out}");
    }
}
