//! `cargo fuzz run validate`: libFuzzer's bytes to [`rileva_fuzz::targets::validate::run`].
#![no_main]

libfuzzer_sys::fuzz_target!(|data: &[u8]| rileva_fuzz::targets::validate::run(data));
