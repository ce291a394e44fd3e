//! IR target: `ir/survey.json`, the checked survey exactly as every target reads it
//! (`rileva schema ir` prints its JSON Schema), for tools that check another target's
//! output against the survey's meaning (the DDI round trip of tests/python) and for
//! pipelines of an agency's own.

use crate::OutputFile;
use rileva_compiler::ir;

/// The path of the file, relative to `OUT/<survey id>/`.
pub const PATH: &str = "ir/survey.json";

pub fn emit(survey: &ir::Survey) -> Vec<OutputFile> {
    // The IR is plain data (strings, numbers, maps with string keys): serialising it
    // cannot fail; a failure would still be reported in the file rather than panic.
    // About 1.1 KB per question (11 MB at 10,000).
    let bytes = 1280 * (survey.questions.len() + 4);
    let contents = crate::pretty::to_vec(survey, bytes)
        .unwrap_or_else(|e| (serde_json::json!({ "error": e.to_string() }).to_string() + "\n").into_bytes());
    vec![OutputFile {
        path: PATH.into(),
        contents,
    }]
}
