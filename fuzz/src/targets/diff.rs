//! Target `diff`: two source texts (split at the first NUL byte; without one, the text
//! against itself) -> `diff`: never a panic; a survey compared with itself, or with its
//! formatted text, has no change; the report is the same twice and serializes.

use crate::{check, input};
use rileva_compiler::diff::compare;
use rileva_compiler::format::format;
use rileva_compiler::ir::Survey;
use rileva_compiler::source::FileId;

/// The one survey of a source, as `rileva diff` takes it.
fn survey(bytes: &[u8]) -> Option<Survey> {
    let compilation = check(&[input("fuzz.rileva", bytes)]);
    match compilation.surveys.as_slice() {
        [one] => Some(one.clone()),
        _ => None,
    }
}

fn unchanged(old: &Survey, new: &Survey, what: &str) {
    let report = compare(old, new);
    assert!(
        report.ok && report.changes.is_empty(),
        "{what} has changes: {report:?}"
    );
}

pub fn run(data: &[u8]) {
    let (old_text, new_text) = match data.iter().position(|b| *b == 0) {
        Some(i) => (&data[..i], &data[i + 1..]),
        None => (data, data),
    };
    let Some(old) = survey(old_text) else {
        return;
    };
    unchanged(&old, &old, "a survey compared with itself");
    let Some(new) = survey(new_text) else {
        return;
    };
    let report = compare(&old, &new);
    assert_eq!(
        format!("{report:?}"),
        format!("{:?}", compare(&old, &new)),
        "diff is not deterministic"
    );
    serde_json::to_string(&report).expect("the report serializes");
    let _ = report.needed_version();
    let formatted = std::str::from_utf8(new_text)
        .ok()
        .and_then(|text| format(FileId(0), text).ok());
    if let Some(reformatted) = formatted.and_then(|text| survey(text.as_bytes())) {
        unchanged(&new, &reformatted, "a survey compared with its formatted text");
    }
}
