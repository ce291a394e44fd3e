//! Test helper shared by the integration tests that run the binary: `rileva` with its
//! arguments, from the repository root, without colours. Include with `mod common;`.

use std::process::Command;

/// Runs the binary and returns its exit status (-1 when killed by a signal), stdout and stderr.
pub fn rileva(args: &[&str]) -> (i32, String, String) {
    let out = Command::new(env!("CARGO_BIN_EXE_rileva"))
        .args(args)
        .current_dir(env!("CARGO_MANIFEST_DIR"))
        .env("NO_COLOR", "1")
        .output()
        .expect("run rileva");
    (
        out.status.code().unwrap_or(-1),
        String::from_utf8_lossy(&out.stdout).into_owned(),
        String::from_utf8_lossy(&out.stderr).into_owned(),
    )
}
