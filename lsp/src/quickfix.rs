//! Quick fixes: where a diagnostic's help names the one fix, an edit that makes it. The
//! snake_case spelling of R0103 (`write \`tempo_attesa\``) and the closest name of R0101
//! (`did you mean \`accordo5\`?`) replace the name the diagnostic points at.

use rileva_compiler::diagnostics::{Code, Diagnostic};

/// The text that replaces the diagnostic's primary span, when its help names one fix.
pub fn replacement(d: &Diagnostic, source: &str) -> Option<String> {
    let help = d.help.as_deref()?;
    let fixed = match d.code {
        Code::R0103 => help.strip_prefix("write `")?.strip_suffix('`')?,
        Code::R0101 => help.strip_prefix("did you mean `")?.strip_suffix("`?")?,
        _ => return None,
    };
    let written = source.get(d.primary.span.range())?;
    // Only a name for a name: the span must hold one identifier or dotted name, and the
    // fix must be one too.
    let is_name = |s: &str| {
        !s.is_empty()
            && s.chars()
                .all(|c| c.is_alphanumeric() || matches!(c, '_' | '-' | '.'))
    };
    (is_name(written) && is_name(fixed) && written != fixed).then(|| fixed.to_owned())
}
