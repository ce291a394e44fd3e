//! `rileva validate SURVEY RESPONSES.jsonl`: judge each response line, report every reason.

use super::{CliError, DataFormat, LibArgs, Status};
use std::path::Path;

pub fn run(survey: &Path, responses: &Path, format: DataFormat, libs: &LibArgs) -> Result<Status, CliError> {
    let _ = (survey, responses, format, libs);
    Err("validate is not implemented yet".into())
}
