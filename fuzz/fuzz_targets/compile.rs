//! `cargo fuzz run compile`: libFuzzer's bytes to [`rileva_fuzz::targets::compile::run`].
#![no_main]

libfuzzer_sys::fuzz_target!(|data: &[u8]| rileva_fuzz::targets::compile::run(data));
