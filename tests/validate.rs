//! `rileva validate SURVEY RESPONSES.jsonl` as a user runs it: exit statuses, every rejected
//! line with every reason, the JSON report, and every example's generated responses.

mod support;

use serde_json::{json, Value};
use std::path::{Path, PathBuf};
use std::process::{Command, Output};
use support::generate;

fn rileva(args: &[&Path]) -> Output {
    Command::new(env!("CARGO_BIN_EXE_rileva"))
        .arg("validate")
        .args(args)
        .output()
        .expect("rileva runs")
}

fn text(bytes: &[u8]) -> String {
    String::from_utf8_lossy(bytes).into_owned()
}

fn inps() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/contract/inps_hub_prestazioni.rileva")
}

fn write(dir: &Path, name: &str, contents: &str) -> PathBuf {
    let path = dir.join(name);
    std::fs::write(&path, contents).expect("write");
    path
}

fn valid_line() -> Value {
    json!({"survey": "inps.hub_prestazioni", "version": "1.0.0", "language": "en", "channel": "web",
           "submitted_at": "2026-11-22T10:15:00Z",
           "answers": {"facilita": 4, "informazioni": 9, "efficacia": 3, "soddisfazione": 2,
                       "motivi": [1, 99], "motivi_99_text": "Troppi \"passaggi\" */ --", "documenti": 2}})
}

#[test]
fn accepts_a_file_of_valid_responses() {
    let dir = tempfile::tempdir().expect("temp dir");
    let lines = format!("{}\n\n   \n{}\n", valid_line(), valid_line());
    let out = rileva(&[&inps(), &write(dir.path(), "ok.jsonl", &lines)]);
    assert_eq!(out.status.code(), Some(0), "{}", text(&out.stderr));
    assert_eq!(
        text(&out.stdout),
        "inps.hub_prestazioni: 2 responses: 2 accepted, 0 rejected\n"
    );
}

#[test]
fn names_every_rejected_line_and_every_reason() {
    let dir = tempfile::tempdir().expect("temp dir");
    let mut two_reasons = valid_line();
    two_reasons["answers"]["soddisfazione"] = json!(5); // motivi and documenti now hidden
    let lines = [
        valid_line().to_string(),
        two_reasons.to_string(),
        String::new(),
        "{\"survey\": ".into(),
        valid_line().to_string(),
    ]
    .join("\n");
    let out = rileva(&[&inps(), &write(dir.path(), "mixed.jsonl", &lines)]);
    assert_eq!(out.status.code(), Some(1));
    let stdout = text(&out.stdout);
    let expected = "line 2: rejected
  - answered_hidden: `motivi` is answered, but its condition `soddisfazione <= 2` does not hold
  - answered_hidden: `documenti` is answered, but its condition `soddisfazione <= 2` does not hold
line 4: rejected
  - not_json: the line is not JSON: EOF while parsing a value at line 1 column 11
inps.hub_prestazioni: 4 responses: 2 accepted, 2 rejected
";
    assert_eq!(stdout, expected);
}

#[test]
fn json_report() {
    let dir = tempfile::tempdir().expect("temp dir");
    let mut bad = valid_line();
    bad["channel"] = json!("kiosk");
    bad["answers"].as_object_mut().expect("object").remove("facilita");
    let lines = format!("{}\n{bad}\n", valid_line());
    let path = write(dir.path(), "r.jsonl", &lines);
    let out = Command::new(env!("CARGO_BIN_EXE_rileva"))
        .args(["validate", "--format", "json"])
        .arg(inps())
        .arg(&path)
        .output()
        .expect("rileva runs");
    assert_eq!(out.status.code(), Some(1));
    let report: Value = serde_json::from_slice(&out.stdout).expect("one JSON object");
    assert_eq!(
        report,
        json!({"responses": 2, "accepted": 1, "rejected": [{"line": 2, "reasons": [
            {"kind": "unknown_channel", "key": "channel",
             "message": "`channel` is \"kiosk\", not one of the survey's channels: web"},
            {"kind": "missing_required", "key": "facilita",
             "message": "`facilita` is required and asked, but not answered"}
        ]}]})
    );
}

#[test]
fn a_survey_with_errors_is_reported_not_judged() {
    let dir = tempfile::tempdir().expect("temp dir");
    let survey = write(
        dir.path(),
        "bad.rileva",
        "survey x.y { version 1.0.0 title \"T\" question q: scala5 { \"?\" } }",
    );
    let responses = write(dir.path(), "r.jsonl", "{}\n");
    let out = rileva(&[&survey, &responses]);
    assert_eq!(out.status.code(), Some(1));
    assert!(text(&out.stderr).contains("R0"), "{}", text(&out.stderr));
    assert!(text(&out.stdout).is_empty());
}

#[test]
fn unreadable_inputs_are_a_failure_of_the_command() {
    let dir = tempfile::tempdir().expect("temp dir");
    let missing = dir.path().join("missing.jsonl");
    let out = rileva(&[&inps(), &missing]);
    assert_eq!(out.status.code(), Some(2));
    assert!(text(&out.stderr).contains("cannot read"));
    let out = rileva(&[&dir.path().join("missing.rileva"), &missing]);
    assert_eq!(out.status.code(), Some(2));
    let package = write(dir.path(), "lib.rileva", "scale s { 1 \"a\" 2 \"b\" }");
    let responses = write(dir.path(), "r.jsonl", "");
    let out = rileva(&[&package, &responses]);
    assert_eq!(out.status.code(), Some(2), "{}", text(&out.stderr));
    assert!(text(&out.stderr).contains("defines 0 surveys"));
}

/// Every example's generated responses, one file per example: exactly the valid lines pass.
#[test]
fn every_example_generated_responses() {
    let dir = tempfile::tempdir().expect("temp dir");
    for path in support::surveys::paths() {
        let survey = support::surveys::compile_file(&path);
        let cases = generate::cases(&survey);
        let lines: Vec<String> = cases.iter().map(|c| c.response.to_string()).collect();
        let responses = write(dir.path(), "all.jsonl", &lines.join("\n"));
        let out = Command::new(env!("CARGO_BIN_EXE_rileva"))
            .args(["validate", "--format", "json"])
            .arg(&path)
            .arg(&responses)
            .output()
            .expect("rileva runs");
        let report: Value = serde_json::from_slice(&out.stdout).expect("JSON report");
        let rejected: Vec<u64> = report["rejected"]
            .as_array()
            .expect("array")
            .iter()
            .filter_map(|r| r["line"].as_u64())
            .collect();
        let expected: Vec<u64> = (1..)
            .zip(&cases)
            .filter(|(_, c)| !c.accepted())
            .map(|(n, _)| n)
            .collect();
        assert_eq!(rejected, expected, "{}", path.display());
        assert_eq!(out.status.code(), Some(if expected.is_empty() { 0 } else { 1 }));
        assert_eq!(report["responses"], cases.len());
    }
}

/// `-` reads standard input, judged line by line as it arrives: the first rejected line is
/// reported while the pipe is still open (a validate that collected the input first would
/// say nothing before the end, and the test would fail after a minute instead of hanging).
#[test]
fn a_pipe_is_judged_as_it_arrives() {
    use std::io::{BufRead, BufReader, Write};
    use std::process::Stdio;
    use std::sync::mpsc;
    use std::time::Duration;

    let mut child = Command::new(env!("CARGO_BIN_EXE_rileva"))
        .arg("validate")
        .arg(inps())
        .arg("-")
        .stdin(Stdio::piped())
        .stdout(Stdio::piped())
        .spawn()
        .expect("rileva runs");
    let mut stdin = child.stdin.take().expect("stdin");
    let stdout = child.stdout.take().expect("stdout");
    let (lines, printed) = mpsc::channel();
    let reader = std::thread::spawn(move || {
        for line in BufReader::new(stdout).lines() {
            let _ = lines.send(line.expect("utf-8 output"));
        }
    });
    let valid = valid_line().to_string();
    writeln!(stdin, "{valid}\n{{not json").expect("write");
    stdin.flush().expect("flush");
    let first = printed.recv_timeout(Duration::from_secs(60));
    assert_eq!(
        first.as_deref(),
        Ok("line 2: rejected"),
        "the rejected line must be reported before the input ends"
    );
    for _ in 0..2_000 {
        writeln!(stdin, "{valid}").expect("write");
    }
    drop(stdin);
    let status = child.wait().expect("exit");
    reader.join().expect("reader");
    let rest: Vec<String> = printed.try_iter().collect();
    assert_eq!(status.code(), Some(1));
    assert_eq!(
        rest.last().map(String::as_str),
        Some("inps.hub_prestazioni: 2002 responses: 2001 accepted, 1 rejected"),
        "{rest:?}"
    );
}
