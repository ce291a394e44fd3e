//! Target `compile`: source text -> `check` with the embedded standard library, then
//! `build`: never a panic; diagnostics sorted and inside their files; no survey given when
//! there is an error; the same bytes give the same diagnostics and the same files, byte for
//! byte; the parser's fast path gives the same tree and diagnostics as pest alone.

use crate::{build, check, diagnostics_sorted_and_inside, input};

pub fn run(data: &[u8]) {
    if let Ok(text) = std::str::from_utf8(data) {
        same_parse_both_ways(text);
    }
    let first = check(&[input("fuzz.rileva", data)]);
    diagnostics_sorted_and_inside(&first);
    assert!(
        !first.has_errors() || first.surveys.is_empty(),
        "a survey given although there are errors"
    );
    let files = build(&first);
    let second = check(&[input("fuzz.rileva", data)]);
    assert_eq!(
        format!("{:?}", first.diagnostics),
        format!("{:?}", second.diagnostics),
        "the same source gave other diagnostics"
    );
    assert!(build(&second) == files, "the same source built other bytes");
}

/// The fast path of `syntax` (taken for well-formed entries) against pest alone.
fn same_parse_both_ways(text: &str) {
    use rileva_compiler::source::FileId;
    use rileva_compiler::syntax::parse_with;
    let (fast_tree, fast_diags, _) = parse_with(FileId(0), text, true);
    let (pest_tree, pest_diags, _) = parse_with(FileId(0), text, false);
    assert_eq!(
        fast_diags, pest_diags,
        "the fast path gave other diagnostics than pest"
    );
    assert!(
        fast_tree == pest_tree,
        "the fast path gave another tree than pest"
    );
}
