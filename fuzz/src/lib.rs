//! rileva-fuzz: what the fuzz targets of `fuzz_targets/` share, the properties they check on
//! every input (docs/reliability.md). Each check panics with what broke, which libFuzzer
//! reports as a crash and saves the input.

pub mod examples;
pub mod targets;

use rileva_compiler::diagnostics::Diagnostic;
use rileva_compiler::source::{SourceMap, Span};
use rileva_compiler::{ir, Compilation, Input};
use rileva_targets::{Options, Target};
use serde_json::Value;

/// The input as the CLI reads a file: any bytes, under one file name.
pub fn input(name: &str, bytes: &[u8]) -> Input {
    Input {
        name: name.to_owned(),
        bytes: bytes.to_vec(),
    }
}

/// What `rileva check` and `build` run: every stage with the embedded standard library,
/// then every target's own checks.
pub fn check(inputs: &[Input]) -> Compilation {
    rileva_targets::check(inputs, &[])
}

/// Diagnostics come sorted by file and position, and every span (primary and secondary) lies
/// inside its file, on character boundaries.
pub fn diagnostics_sorted_and_inside(compilation: &Compilation) {
    let key = |d: &Diagnostic| (d.primary.span.file, d.primary.span.start, d.primary.span.end);
    for pair in compilation.diagnostics.windows(2) {
        assert!(
            key(&pair[0]) <= key(&pair[1]),
            "diagnostics not sorted: {:?} before {:?}",
            pair[0],
            pair[1]
        );
    }
    for d in &compilation.diagnostics {
        span_inside(&compilation.sources, d.primary.span, d);
        for label in &d.secondary {
            span_inside(&compilation.sources, label.span, d);
        }
        assert!(!d.message.is_empty(), "a diagnostic without a message: {d:?}");
    }
}

fn span_inside(sources: &SourceMap, span: Span, d: &Diagnostic) {
    let files = sources.files().count();
    assert!(
        (span.file.0 as usize) < files,
        "span in file {} of {files}: {d:?}",
        span.file.0
    );
    let text = &sources.get(span.file).text;
    let (start, end) = (span.start as usize, span.end as usize);
    assert!(
        start <= end && end <= text.len(),
        "span {start}..{end} outside a file of {} bytes: {d:?}",
        text.len()
    );
    assert!(
        text.is_char_boundary(start) && text.is_char_boundary(end),
        "span {start}..{end} cuts a character: {d:?}"
    );
    // Every position a renderer asks for must be answerable.
    let _ = sources.get(span.file).line_col(start);
    let _ = sources.get(span.file).line_col(end);
}

/// Every file of every target for the checked surveys, as `rileva build` writes them.
pub fn build(compilation: &Compilation) -> Vec<(String, Vec<u8>)> {
    let options = Options::default();
    let mut files = Vec::new();
    for survey in &compilation.surveys {
        for target in Target::ALL {
            for file in target.emit(survey, &options) {
                files.push((format!("{}/{}", survey.id, file.path), file.contents));
            }
        }
    }
    files
}

/// The surveys as JSON without their spans: what a survey means, wherever it is written.
pub fn meaning(surveys: &[ir::Survey]) -> Value {
    let mut value = serde_json::to_value(surveys).expect("the IR serializes");
    strip_spans(&mut value);
    value
}

fn strip_spans(value: &mut Value) {
    match value {
        Value::Object(map) => {
            map.retain(|key, _| key != "span" && key != "spans");
            map.values_mut().for_each(strip_spans);
        }
        Value::Array(items) => items.iter_mut().for_each(strip_spans),
        _ => {}
    }
}

/// The diagnostic codes, in order: what a change of layout must not change.
pub fn codes(compilation: &Compilation) -> Vec<&'static str> {
    compilation.diagnostics.iter().map(|d| d.code.as_str()).collect()
}
