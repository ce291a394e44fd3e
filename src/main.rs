//! The `rileva` command line: wires the compiler and the targets, reads and writes files,
//! renders diagnostics. Exit status: 0 no error, 1 the inputs have errors, 2 the command
//! could not run.

mod cli;

use clap::Parser;
use std::process::ExitCode;

/// mimalloc instead of the system allocator: measured in README ## Performance.
#[global_allocator]
static GLOBAL: mimalloc::MiMalloc = mimalloc::MiMalloc;

fn main() -> ExitCode {
    let args = cli::Cli::parse();
    match cli::run(args) {
        Ok(status) => status.into(),
        Err(err) => {
            eprintln!("error: {err}");
            cli::Status::Failure.into()
        }
    }
}
