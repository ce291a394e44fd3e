//! HTML target: the page's inline style sheet and script, read from
//! `targets/templates/html/` at build time and compacted (comment lines, indentation and
//! blank lines dropped) so the page stays light. The sources keep their comments.

use super::theme::Theme;

const SCRIPT: &str = include_str!("../../templates/html/form.js");

/// The inline script of every page.
pub fn script() -> String {
    compact(SCRIPT)
}

/// The inline style sheet of `theme`.
pub fn style(theme: Theme) -> String {
    compact(theme.css())
}

/// Drop `/* ... */` comments that start a line, leading indentation and blank lines. Safe
/// for rileva's own CSS and JS, which never open a comment inside a string or continue a
/// string over lines.
fn compact(source: &str) -> String {
    let mut out = String::with_capacity(source.len());
    let mut in_comment = false;
    for line in source.lines() {
        let line = line.trim();
        if in_comment {
            in_comment = !line.contains("*/");
            continue;
        }
        if line.starts_with("/*") {
            in_comment = !line.contains("*/");
            continue;
        }
        if !line.is_empty() {
            out.push_str(line);
            out.push('\n');
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn compact_drops_comments_and_indentation_only() {
        let source = "/* a\n   b */\nfunction f() {\n    return 1; // one\n\n}\n/* c */\nx();\n";
        assert_eq!(compact(source), "function f() {\nreturn 1; // one\n}\nx();\n");
    }

    #[test]
    fn assets_keep_their_code() {
        assert!(script().contains("function holds(e, answers)"));
        assert!(!script().contains("two-valued"), "comments are dropped");
        assert!(style(Theme::BootstrapItalia).contains("--bootstrap-italia-version:\"2.8.0\""));
    }
}
