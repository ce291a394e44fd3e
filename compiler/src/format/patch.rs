//! Formatting stage, reporting: a short unified-style diff of the first lines formatting
//! would change, for `rileva fmt --check`.

/// Most removed and added lines shown.
const SHOWN: usize = 6;

/// The span between the common head and the common tail of `old` and `new`, as one hunk,
/// cut to a few lines: `--- name`, `+++ name (formatted)`, `@@ -a,n +a,m @@`, the lines.
/// Tabs show as `→` and trailing spaces as `·`, so whitespace-only changes are visible.
/// Empty when the texts are equal.
pub fn short_diff(name: &str, old: &str, new: &str) -> String {
    if old == new {
        return String::new();
    }
    let old: Vec<&str> = old.split_inclusive('\n').collect();
    let new: Vec<&str> = new.split_inclusive('\n').collect();
    let head = old.iter().zip(&new).take_while(|(a, b)| a == b).count();
    let tail = old[head..]
        .iter()
        .rev()
        .zip(new[head..].iter().rev())
        .take_while(|(a, b)| a == b)
        .count();
    let removed = &old[head..old.len() - tail];
    let added = &new[head..new.len() - tail];
    let mut out = format!(
        "--- {name}\n+++ {name} (formatted)\n@@ -{} +{} @@\n",
        range(head, removed.len()),
        range(head, added.len())
    );
    show(&mut out, '-', removed);
    show(&mut out, '+', added);
    out
}

/// `start,count` with 1-based lines, as unified diffs write it.
fn range(head: usize, count: usize) -> String {
    let start = if count == 0 { head } else { head + 1 };
    format!("{start},{count}")
}

fn show(out: &mut String, sign: char, lines: &[&str]) {
    for line in lines.iter().take(SHOWN) {
        out.push(sign);
        out.push_str(&visible(line));
        out.push('\n');
    }
    if lines.len() > SHOWN {
        out.push_str(&format!("{sign} ... {} more line(s)\n", lines.len() - SHOWN));
    }
}

/// A line without its `\n`, with tabs and trailing spaces made visible.
fn visible(line: &str) -> String {
    let line = line.strip_suffix('\n').unwrap_or(line);
    let line = line.strip_suffix('\r').unwrap_or(line);
    let body = line.trim_end_matches([' ', '\t']);
    let trailing = &line[body.len()..];
    let mut out = body.replace('\t', "→");
    out.extend(trailing.chars().map(|c| if c == '\t' { '→' } else { '·' }));
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn shows_the_changed_lines_only() {
        let old = "a {\nb\n  c  \n}\n";
        let new = "a {\n  b\n  c\n}\n";
        let diff = short_diff("f.rileva", old, new);
        assert_eq!(
            diff,
            "--- f.rileva\n+++ f.rileva (formatted)\n@@ -2,2 +2,2 @@\n-b\n-  c··\n+  b\n+  c\n"
        );
        assert_eq!(short_diff("f", old, old), "");
    }

    #[test]
    fn a_long_change_is_cut() {
        let old = "x\n".repeat(20);
        let new = " x\n".repeat(20);
        let diff = short_diff("f", &old, &new);
        assert!(diff.contains("- ... 14 more line(s)"), "{diff}");
        assert!(diff.contains("@@ -1,20 +1,20 @@"), "{diff}");
    }

    #[test]
    fn a_removed_blank_line() {
        let diff = short_diff("f", "a\n\n\nb\n", "a\n\nb\n");
        assert!(diff.contains("@@ -3,1 +2,0 @@\n-\n"), "{diff}");
    }
}
