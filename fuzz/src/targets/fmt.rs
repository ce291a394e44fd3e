//! Target `fmt`: source text -> `fmt`: never a panic; formatting is idempotent
//! (fmt(fmt(x)) == fmt(x)), keeps every non-blank line's content, and keeps the meaning: the
//! IR of fmt(x), spans aside, is the IR of x, with the same diagnostic codes.

use crate::{check, codes, input, meaning};
use rileva_compiler::format::{contents, format};
use rileva_compiler::source::FileId;

pub fn run(data: &[u8]) {
    let Ok(text) = std::str::from_utf8(data) else {
        return;
    };
    let Ok(formatted) = format(FileId(0), text) else {
        return;
    };
    let again = format(FileId(0), &formatted).expect("fmt refused what it wrote");
    assert!(
        again == formatted,
        "fmt is not idempotent:\n{formatted}\n---\n{again}"
    );
    assert_eq!(
        contents(text),
        contents(&formatted),
        "fmt changed a line's content"
    );
    let before = check(&[input("fuzz.rileva", text.as_bytes())]);
    let after = check(&[input("fuzz.rileva", formatted.as_bytes())]);
    assert_eq!(codes(&before), codes(&after), "fmt changed the diagnostics");
    assert!(
        meaning(&before.surveys) == meaning(&after.surveys),
        "fmt changed the IR"
    );
}
