//! The fuzz targets' bodies, one module each: `fuzz_targets/<name>.rs` hands libFuzzer's bytes
//! to `run`, and `tests/fuzz.rs` runs the same `run` on every kept crash and seed.

pub mod compile;
pub mod diff;
pub mod fmt;
pub mod validate;

/// A target's body: the bytes libFuzzer gives, checked for every property.
pub type Run = fn(&[u8]);

/// Every target by name, as `cargo fuzz run <name>` and `tests/fuzz/<name>/` name it.
pub const ALL: [(&str, Run); 4] = [
    ("compile", compile::run),
    ("validate", validate::run),
    ("fmt", fmt::run),
    ("diff", diff::run),
];
