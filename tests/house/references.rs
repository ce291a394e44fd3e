//! References stay inside the repository: every `§` names a section of docs/language.md
//! (or another doc of `docs/`) that exists (or a numbered section of an RFC), and nothing points at documents the
//! repository does not hold (the design folder the project started from, a path of the
//! machine it was written on).

use super::scan;
use std::collections::BTreeSet;

/// Every tracked text file but this one, with its path.
fn tracked_texts() -> Vec<(String, String)> {
    let out = std::process::Command::new("git")
        .args(["ls-files"])
        .current_dir(scan::root())
        .output()
        .expect("git ls-files");
    assert!(out.status.success(), "git ls-files failed");
    String::from_utf8_lossy(&out.stdout)
        .lines()
        .filter(|p| *p != "tests/house/references.rs")
        .filter_map(|p| {
            let text = std::fs::read_to_string(scan::root().join(p)).ok()?;
            Some((p.to_owned(), text))
        })
        .collect()
}

/// The numbers of the `## N.` sections of a doc of the repository (`docs/language.md`).
fn sections(doc: &str) -> BTreeSet<u32> {
    let Ok(text) = std::fs::read_to_string(scan::root().join(doc)) else {
        return BTreeSet::new();
    };
    text.lines()
        .filter_map(|l| l.strip_prefix("## "))
        .filter_map(|l| l.split('.').next()?.parse().ok())
        .collect()
}

/// The doc a `§` cites: `docs/language.md` in `... docs/language.md §7` (and in
/// `docs/language.md §3 and §4`, `§3, §4`), or the file itself for a bare `§` inside a doc.
fn cited_doc<'a>(path: &'a str, before: &'a str) -> Option<&'a str> {
    let trimmed = before.strip_suffix(' ')?;
    let listed = trimmed.strip_suffix(" and").or_else(|| trimmed.strip_suffix(','));
    if let Some((previous, number)) = listed.and_then(|l| l.rsplit_once('§')) {
        if !number.is_empty() && number.chars().all(|c| c.is_ascii_digit() || c == '-') {
            return cited_doc(path, previous);
        }
    }
    let word = trimmed.rsplit([' ', '(', '`']).next()?;
    if word.starts_with("docs/") && word.ends_with(".md") {
        Some(word)
    } else if path.starts_with("docs/") && path.ends_with(".md") {
        Some(path)
    } else {
        None
    }
}

/// `§7`, `§1-9`: the section numbers after a `§`.
fn cited(after: &str) -> Vec<u32> {
    let number = |s: &str| -> (Option<u32>, usize) {
        let digits: String = s.chars().take_while(char::is_ascii_digit).collect();
        (digits.parse().ok(), digits.len())
    };
    let (Some(first), len) = number(after) else {
        return Vec::new();
    };
    match after[len..].strip_prefix('-').map(number) {
        Some((Some(last), _)) => (first..=last).collect(),
        _ => vec![first],
    }
}

#[test]
fn every_section_cited_exists() {
    let language = sections("docs/language.md");
    assert!(
        language.len() >= 14,
        "docs/language.md has numbered sections: {language:?}"
    );
    let mut bad = Vec::new();
    for (path, text) in tracked_texts() {
        for (at, _) in text.match_indices('§') {
            let before = &text[..at];
            let after = &text[at + '§'.len_utf8()..];
            let line = before.matches('\n').count() + 1;
            let mut words = before.trim_end().rsplit(' ');
            let number = words.next().is_some_and(|n| n.parse::<u32>().is_ok());
            if number && words.next() == Some("RFC") {
                continue;
            }
            let numbers = cited(after);
            let exists = match cited_doc(&path, before) {
                Some(doc) => {
                    let sections = sections(doc);
                    !numbers.is_empty() && numbers.iter().all(|n| sections.contains(n))
                }
                None => false,
            };
            if !exists {
                bad.push(format!(
                    "{path}:{line}: `§{}`",
                    after.chars().take(4).collect::<String>()
                ));
            }
        }
    }
    assert!(
        bad.is_empty(),
        "cite sections as `docs/language.md §N` (or another `docs/*.md`) with N a `## N.` of it:\n{}",
        bad.join("\n")
    );
}

#[test]
fn nothing_points_outside_the_repository() {
    let design = ["verification", "platform", "tooling", "stdlib", "architecture"].map(|d| format!("{d}.md"));
    let words = [
        "design contract",
        "design folder",
        "design document",
        "contract is silent",
        "/work/",
    ];
    let mut bad = Vec::new();
    for (path, text) in tracked_texts() {
        let lines: Vec<&str> = text.lines().collect();
        for (n, line) in lines.iter().copied().enumerate() {
            let hit = design
                .iter()
                .find(|d| line.contains(d.as_str()))
                .map(String::as_str);
            // A phrase may wrap: this line's end joined with the next line's start.
            let next = lines.get(n + 1).map_or("", |l| l.trim_start());
            let next = next.trim_start_matches(['/', '!', '#', '*', '-', ' ']);
            let joined = format!("{} {next}", line.trim_end());
            let wraps = |w: &&str| joined.contains(*w) && !next.contains(*w);
            let hit = hit.or_else(|| words.iter().copied().find(|w| line.contains(w) || wraps(w)));
            let bare_language = line
                .match_indices("language.md")
                .any(|(i, _)| !line[..i].ends_with("docs/"));
            if let Some(what) = hit.or(bare_language.then_some("language.md without docs/")) {
                bad.push(format!("{path}:{}: {what}", n + 1));
            }
        }
    }
    assert!(
        bad.is_empty(),
        "references to documents the repository does not hold:\n{}",
        bad.join("\n")
    );
}

#[test]
fn citations_are_read_as_written() {
    assert_eq!(cited("7) and"), [7]);
    assert_eq!(cited("1-9)"), (1..=9).collect::<Vec<_>>());
    assert!(cited(" 7").is_empty());
    assert_eq!(
        cited_doc("x.rs", "(docs/language.md §3 and "),
        Some("docs/language.md")
    );
    assert_eq!(cited_doc("x.rs", "docs/report.md §1, "), Some("docs/report.md"));
    assert_eq!(cited_doc("x.rs", "language.md §3 and "), None);
    assert_eq!(cited_doc("docs/a.md", "see "), Some("docs/a.md"));
}
