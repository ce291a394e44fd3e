//! Quick fixes: where a diagnostic's help names the one fix, an edit that makes it. The
//! closest name of R0101 (`did you mean \`accordo5\`?`) replaces the name the diagnostic
//! points at; the snake_case spelling of R0103 (`write \`tempo_attesa\``) replaces the
//! name everywhere the document writes it (its definition, `show if`, `check`,
//! `translations` keys), so that the rename leaves no reference behind.

use crate::tokens;
use rileva_compiler::diagnostics::{Code, Diagnostic};
use std::ops::Range;

/// The fix a diagnostic's help names: the new text and the byte ranges it replaces.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Fix {
    pub text: String,
    pub ranges: Vec<Range<usize>>,
}

fn is_name(s: &str) -> bool {
    !s.is_empty()
        && s.chars()
            .all(|c| c.is_alphanumeric() || matches!(c, '_' | '-' | '.'))
}

/// The fix of a diagnostic of the document `source`, when its help names one.
pub fn fix(d: &Diagnostic, source: &str) -> Option<Fix> {
    let help = d.help.as_deref()?;
    let fixed = match d.code {
        Code::R0103 => help.strip_prefix("write `")?.strip_suffix('`')?,
        Code::R0101 => help.strip_prefix("did you mean `")?.strip_suffix("`?")?,
        _ => return None,
    };
    let primary = d.primary.span.range();
    let written = source.get(primary.clone())?;
    // Only a name for a name: the span must hold one identifier or dotted name, and the
    // fix must be one too.
    if !(is_name(written) && is_name(fixed) && written != fixed) {
        return None;
    }
    let ranges = match d.code {
        Code::R0103 => occurrences(source, written),
        _ => vec![primary],
    };
    Some(Fix {
        text: fixed.to_owned(),
        ranges,
    })
}

/// Every place the document writes `name` as a whole name, or as a segment of a dotted
/// one (`Pagamento.1` in `translations`), outside strings and comments.
pub fn occurrences(source: &str, name: &str) -> Vec<Range<usize>> {
    let is_name_char = |c: char| c.is_alphanumeric() || c == '_' || c == '-';
    source
        .match_indices(name)
        .map(|(at, _)| at..at + name.len())
        .filter(|r| {
            let before = source[..r.start].chars().next_back();
            let after = source[r.end..].chars().next();
            !before.is_some_and(is_name_char)
                && !after.is_some_and(is_name_char)
                && !tokens::in_string_or_comment(source, r.start)
        })
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn every_occurrence_outside_strings_and_comments() {
        let text = "question Pagamento: yesno {\n  \"Pagamento?\" // Pagamento\n}\n\
                    question PagamentoBis: yesno { \"B\" show if Pagamento = 1 }\n\
                    translations de { Pagamento \"Zahlung\" }\n";
        let found: Vec<&str> = occurrences(text, "Pagamento")
            .into_iter()
            .map(|r| &text[r])
            .collect();
        assert_eq!(found.len(), 3);
        assert!(occurrences(text, "Pagamento")
            .iter()
            .all(|r| text[..r.start].ends_with(' ')));
    }
}
