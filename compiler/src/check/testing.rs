//! Check stage, tests only: compile a small source and look at its diagnostics.

use crate::diagnostics::Diagnostic;
use crate::{compile, Compilation, Input};

/// Compile one input file named `test.rileva`.
pub fn compile_src(src: &str) -> Compilation {
    compile(
        &[Input {
            name: "test.rileva".to_owned(),
            bytes: src.as_bytes().to_vec(),
        }],
        &[],
    )
}

/// The codes of every diagnostic, in order.
pub fn codes_of(src: &str) -> Vec<String> {
    compile_src(src)
        .diagnostics
        .iter()
        .map(|d| d.code.as_str().to_owned())
        .collect()
}

/// The diagnostics with this code.
pub fn with_code(src: &str, code: &str) -> Vec<Diagnostic> {
    compile_src(src)
        .diagnostics
        .into_iter()
        .filter(|d| d.code.as_str() == code)
        .collect()
}

/// A survey header in Italian and English around `body`.
pub fn survey(body: &str) -> String {
    format!(
        "import istat.scales\n\nsurvey prova.servizio {{\n  version 1.0.0\n  title \"Titolo\" en \"Title\"\n  \
         languages it en\n{body}\n}}\n"
    )
}
