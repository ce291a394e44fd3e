//! Never a panic: any bytes in, diagnostics out. Property tests over arbitrary bytes and over
//! mutations of real surveys, plus the hostile inputs named in the issue.

use proptest::prelude::*;
use rileva_compiler::{compile, Compilation, Input};

fn compile_bytes(bytes: Vec<u8>) -> Compilation {
    compile(
        &[Input {
            name: "fuzz.rileva".into(),
            bytes,
        }],
        &[],
    )
}

/// Every diagnostic points inside its file, at a character boundary.
fn assert_spans_valid(c: &Compilation) {
    for d in &c.diagnostics {
        for label in std::iter::once(&d.primary).chain(&d.secondary) {
            let file = c.sources.get(label.span.file);
            assert!(label.span.start <= label.span.end, "{d:?}");
            assert!(
                (label.span.end as usize) <= file.text.len(),
                "{d:?} beyond {}",
                file.name
            );
            assert!(file.text.is_char_boundary(label.span.start as usize), "{d:?}");
            assert!(file.text.is_char_boundary(label.span.end as usize), "{d:?}");
        }
        assert!(!d.message.is_empty());
    }
}

const CONTRACT: &[&str] = &[
    include_str!("contract/inps_hub_prestazioni.rileva"),
    include_str!("contract/lecce_anagrafe_sportello.rileva"),
    include_str!("contract/bolzano_anagrafe_bilingue.rileva"),
    include_str!("contract/comune_pagina_valutazione.rileva"),
];

#[test]
fn empty_file_is_fine() {
    let c = compile_bytes(Vec::new());
    assert!(!c.has_errors(), "{:?}", c.diagnostics);
}

#[test]
fn invalid_utf8_is_a_syntax_error_at_the_byte() {
    let mut bytes = b"survey a.b {\n  version 1.0.0\n  title \"caf".to_vec();
    bytes.extend([0xff, 0xfe]);
    bytes.extend(b"\"\n}\n");
    let c = compile_bytes(bytes);
    let d = c
        .diagnostics
        .iter()
        .find(|d| d.code.as_str() == "R0001")
        .expect("R0001 for invalid UTF-8");
    assert_eq!(d.primary.span.start, 41);
    assert_spans_valid(&c);
}

/// A file holding a NUL byte is no text (a spreadsheet, a text saved as UTF-16): one R0001
/// at the first NUL says so, and nothing of it is parsed (an .xlsx gave 57 diagnostics).
#[test]
fn a_file_that_is_not_text_gets_one_diagnostic() {
    let survey = "survey a.b {\n  version 1.0.0\n  title \"T\"\n  question q: yesno { \"Q?\" }\n}\n";
    let utf16: Vec<u8> = [0xff, 0xfe]
        .into_iter()
        .chain(survey.encode_utf16().flat_map(u16::to_le_bytes))
        .collect();
    let zip: Vec<u8> = b"PK\x03\x04\x14\x00\x06\x00}}{{\xb5\xc3 survey }\n\"\xff\x00\x00 ;".to_vec();
    let mut text_with_nul = survey.as_bytes().to_vec();
    text_with_nul.insert(20, 0);
    // Spans are in the decoded text, where each byte that is not UTF-8 is U+FFFD (3 bytes):
    // the UTF-16 byte-order mark's two bytes are 6, `s` is the 7th, its NUL at 7.
    for (what, bytes, nul) in [
        ("UTF-16", utf16, 7),
        ("zip", zip, 5),
        ("text with a NUL", text_with_nul, 20),
    ] {
        let c = compile_bytes(bytes);
        let codes: Vec<&str> = c.diagnostics.iter().map(|d| d.code.as_str()).collect();
        assert_eq!(codes, ["R0001"], "{what}: {:?}", c.diagnostics);
        assert_eq!(c.diagnostics[0].message, "the file is not a text file", "{what}");
        assert_eq!(c.diagnostics[0].primary.span.start as usize, nul, "{what}");
        assert!(c.surveys.is_empty(), "{what}");
        assert_spans_valid(&c);
    }
}

#[test]
fn deeply_nested_expressions_get_a_diagnostic() {
    for (open, close) in [("(", ")"), ("not ", "")] {
        let depth = 20_000;
        let expr = format!("{}soddisfazione <= 2{}", open.repeat(depth), close.repeat(depth));
        let src = CONTRACT[0].replace("show if soddisfazione <= 2", &format!("show if {expr}"));
        let c = compile_bytes(src.into_bytes());
        assert!(c.has_errors(), "nesting {depth} deep must be reported");
        assert_spans_valid(&c);
    }
}

#[test]
fn huge_file_compiles_without_panic() {
    let mut src = String::from("survey big.one {\n  version 1.0.0\n  title \"Grande\"\n");
    for i in 0..20_000 {
        src.push_str(&format!("  question q{i}: yesno {{ \"Domanda numero {i}?\" }}\n"));
    }
    src.push_str("}\n");
    assert!(src.len() > 1_000_000);
    let c = compile_bytes(src.into_bytes());
    assert_spans_valid(&c);
}

#[test]
fn unterminated_everything() {
    for src in [
        "survey a.b {",
        "survey a.b { title \"x",
        "question",
        "\"",
        "scale s { 1 \"a\" ",
        "///",
        "}}}}",
        "import",
    ] {
        let c = compile_bytes(src.as_bytes().to_vec());
        assert!(c.has_errors(), "{src:?} must be an error");
        assert_spans_valid(&c);
    }
}

proptest! {
    #![proptest_config(ProptestConfig { cases: 256, .. ProptestConfig::default() })]

    #[test]
    fn arbitrary_bytes_never_panic(bytes in proptest::collection::vec(any::<u8>(), 0..400)) {
        let c = compile_bytes(bytes);
        assert_spans_valid(&c);
    }

    #[test]
    fn mutated_surveys_never_panic(which in 0..CONTRACT.len(), cut in 0usize..2000, len in 0usize..40, insert in "[ -~\\n{}\"()]{0,12}") {
        let src = CONTRACT[which];
        let mut start = cut.min(src.len());
        while !src.is_char_boundary(start) { start -= 1; }
        let mut end = (start + len).min(src.len());
        while !src.is_char_boundary(end) { end -= 1; }
        let mutated = format!("{}{}{}", &src[..start], insert, &src[end..]);
        let c = compile_bytes(mutated.into_bytes());
        assert_spans_valid(&c);
    }
}
