//! Syntax stage: `parse` never panics, and every diagnostic points inside the text, for
//! arbitrary strings, token soup and mutated contract files.

use proptest::prelude::*;
use rileva_compiler::diagnostics::Diagnostic;
use rileva_compiler::source::{FileId, Span};
use rileva_compiler::syntax::ast::*;
use rileva_compiler::syntax::parse;

const CONTRACT: &[&str] = &[
    include_str!("../../tests/contract/inps_hub_prestazioni.rileva"),
    include_str!("../../tests/contract/lecce_anagrafe_sportello.rileva"),
    include_str!("../../tests/contract/bolzano_anagrafe_bilingue.rileva"),
    include_str!("../../tests/contract/comune_pagina_valutazione.rileva"),
];

const TOKENS: &[&str] = &[
    "survey",
    "module",
    "standard",
    "scale",
    "options",
    "kinds",
    "import",
    "question",
    "section",
    "use",
    "check",
    "else",
    "translations",
    "profile",
    "version",
    "title",
    "languages",
    "channels",
    "kiosk",
    "screen",
    "reset",
    "after",
    "thanks",
    "show",
    "if",
    "not",
    "and",
    "or",
    "in",
    "has",
    "answered",
    "help",
    "required",
    "missing",
    "specify",
    "choice",
    "multi",
    "yesno",
    "text",
    "max",
    "min",
    "number",
    "rating",
    "faces",
    "nps",
    "a",
    "en",
    "q.x",
    "1",
    "-2",
    "2024.1",
    "20s",
    "99999999999999999999999",
    "{",
    "}",
    "(",
    ")",
    "[",
    "]",
    ",",
    ":",
    "..",
    "=",
    "<=",
    "!=",
    "\"",
    "\"x\"",
    "\"\\u{e8}\"",
    "\"\\q\"",
    "//",
    "///",
    "\n",
    "è",
    "🙂",
    "\u{FEFF}",
];

fn span_ok(text: &str, span: Span) -> bool {
    let (start, end) = (span.start as usize, span.end as usize);
    start <= end && end <= text.len() && text.is_char_boundary(start) && text.is_char_boundary(end)
}

fn diagnostic_ok(text: &str, d: &Diagnostic) -> bool {
    span_ok(text, d.primary.span)
        && d.secondary.iter().all(|l| span_ok(text, l.span))
        && !d.message.is_empty()
}

/// Whether the tree holds an `Error` node anywhere a block keeps one.
fn has_error(file: &File) -> bool {
    fn body(items: &[BodyItem]) -> bool {
        items.iter().any(|b| match b {
            BodyItem::Error(_) => true,
            BodyItem::Section(s) => body(&s.body),
            _ => false,
        })
    }
    file.items.iter().any(|item| match item {
        Item::Error(_) => true,
        Item::Module(m) => body(&m.body),
        Item::Survey(s) => s.header.iter().any(|h| matches!(h, HeaderStmt::Error(_))) || body(&s.body),
        Item::Standard(st) => st.statements.iter().any(|s| match s {
            StandardStmt::Error(_) => true,
            StandardStmt::Profile(p) => p.statements.iter().any(|s| matches!(s, ProfileStmt::Error(_))),
            _ => false,
        }),
        _ => false,
    })
}

fn check(text: &str) -> Result<(), TestCaseError> {
    let (file, diagnostics) = parse(FileId(1), text);
    for d in &diagnostics {
        prop_assert!(diagnostic_ok(text, d), "bad diagnostic {d:?} for {text:?}");
    }
    prop_assert!(
        !has_error(&file) || !diagnostics.is_empty(),
        "error node without diagnostic: {text:?}"
    );
    prop_assert_eq!(file.span.end as usize, text.len());
    Ok(())
}

/// Clamp `at` down to a char boundary of `text`.
fn boundary(text: &str, at: usize) -> usize {
    let mut at = at.min(text.len());
    while !text.is_char_boundary(at) {
        at -= 1;
    }
    at
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(400))]

    #[test]
    fn arbitrary_strings(text in "\\PC{0,300}") {
        check(&text)?;
    }

    #[test]
    fn token_soup(tokens in prop::collection::vec((0..TOKENS.len(), 0..3usize), 0..120)) {
        let mut text = String::new();
        for (token, space) in tokens {
            text.push_str(TOKENS[token]);
            text.push_str([" ", "", "\n  "][space]);
        }
        check(&text)?;
    }

    #[test]
    fn mutated_contract_files(
        file in 0..CONTRACT.len(),
        cut_at in 0..3000usize,
        cut_len in 0..40usize,
        insert in prop::sample::select(TOKENS),
        repeat in 1..4usize,
    ) {
        let original = CONTRACT[file];
        let start = boundary(original, cut_at);
        let end = boundary(original, start + cut_len);
        let mut text = String::from(&original[..start]);
        text.push_str(&insert.repeat(repeat));
        text.push_str(&original[end..]);
        check(&text)?;
    }

    #[test]
    fn truncated_contract_files(file in 0..CONTRACT.len(), keep in 0..3000usize) {
        let original = CONTRACT[file];
        check(&original[..boundary(original, keep)])?;
    }
}
