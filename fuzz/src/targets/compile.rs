//! Target `compile`: source text -> `check` with the embedded standard library, then
//! `build`: never a panic; diagnostics sorted and inside their files; no survey given when
//! there is an error; the same bytes give the same diagnostics and the same files, byte for
//! byte.

use crate::{build, check, diagnostics_sorted_and_inside, input};

pub fn run(data: &[u8]) {
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
