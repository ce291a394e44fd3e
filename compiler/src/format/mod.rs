//! Formatting stage (`rileva fmt`): a conservative re-indenter, not a pretty-printer. It
//! works on lines, not on the tree, because the tree drops `//` comments: every comment,
//! string and token stays exactly as written, in the same order and on the same line; only
//! indentation, trailing whitespace and blank lines change (see [`layout`]'s rules). A file
//! that does not parse is refused. Formatting twice gives what formatting once gave.

mod layout;
mod lines;
mod patch;
#[cfg(test)]
mod tests;

pub use layout::layout;
pub use patch::short_diff;

use crate::diagnostics::Diagnostic;
use crate::source::FileId;

/// Format one source file, or give the syntax errors that stop it from being formatted.
pub fn format(file: FileId, text: &str) -> Result<String, Vec<Diagnostic>> {
    let (_, diagnostics) = crate::syntax::parse(file, text);
    let errors: Vec<Diagnostic> = diagnostics.into_iter().filter(Diagnostic::is_error).collect();
    if errors.is_empty() {
        Ok(layout(text))
    } else {
        Err(errors)
    }
}

/// The non-blank lines of `text` without their surrounding whitespace: what formatting keeps
/// unchanged, in order. Tests compare it before and after.
pub fn contents(text: &str) -> Vec<&str> {
    text.strip_prefix('\u{FEFF}')
        .unwrap_or(text)
        .split('\n')
        .map(|l| lines::read(l).content)
        .filter(|c| !c.is_empty())
        .collect()
}
