//! `cargo fuzz run fmt`: libFuzzer's bytes to [`rileva_fuzz::targets::fmt::run`].
#![no_main]

libfuzzer_sys::fuzz_target!(|data: &[u8]| rileva_fuzz::targets::fmt::run(data));
