//! `rileva load SURVEY RESPONSES.jsonl --db URL`: validate, then insert in one transaction.

use super::{CliError, DataFormat, LibArgs, Status};
use std::path::Path;

pub fn run(
    survey: &Path,
    responses: &Path,
    db: &str,
    format: DataFormat,
    libs: &LibArgs,
) -> Result<Status, CliError> {
    let _ = (survey, responses, db, format, libs);
    Err("load is not implemented yet".into())
}
