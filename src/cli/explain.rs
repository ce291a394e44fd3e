//! `rileva explain CODE`: print a diagnostic code's documentation.

use super::{CliError, Status};
use rileva_compiler::diagnostics::Code;

pub fn run(code: &str) -> Result<Status, CliError> {
    match Code::parse(code) {
        Some(code) => {
            print!("{}", code.doc());
            Ok(Status::Ok)
        }
        None => {
            let known: Vec<&str> = Code::ALL.iter().map(|c| c.as_str()).collect();
            Err(format!(
                "unknown diagnostic code `{code}`; known codes: {}",
                known.join(", ")
            ))
        }
    }
}
