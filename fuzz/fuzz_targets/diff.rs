//! `cargo fuzz run diff`: libFuzzer's bytes to [`rileva_fuzz::targets::diff::run`].
#![no_main]

libfuzzer_sys::fuzz_target!(|data: &[u8]| rileva_fuzz::targets::diff::run(data));
