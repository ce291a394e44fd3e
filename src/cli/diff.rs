//! `rileva diff OLD NEW [--format human|json]`: compile two versions of a survey, compare
//! them (compiler `diff`), print every change as breaking or compatible. Exit status 1 when a
//! breaking change comes without a greater major version (docs/language.md §14), or when either
//! file has errors; 2 when a file cannot be read or does not define exactly one survey.

use super::{check, inputs, CliError, DataFormat, Format, LibArgs, Status};
use rileva_compiler::diff::{self, Impact, Report};
use rileva_compiler::ir::Survey;
use std::path::{Path, PathBuf};

pub fn run(old: &Path, new: &Path, format: DataFormat, libs: &LibArgs) -> Result<Status, CliError> {
    let (Some(before), Some(after)) = (compile(old, format, libs)?, compile(new, format, libs)?) else {
        return Ok(Status::Errors);
    };
    let report = diff::compare(&before, &after);
    match format {
        DataFormat::Json => println!("{}", serde_json::to_string_pretty(&report).unwrap_or_default()),
        DataFormat::Human => print!("{}", human(&report)),
    }
    Ok(if report.ok { Status::Ok } else { Status::Errors })
}

/// The one checked survey of a file, or `None` after printing its errors.
fn compile(path: &Path, format: DataFormat, libs: &LibArgs) -> Result<Option<Survey>, CliError> {
    let compilation = inputs::compile_paths(&[PathBuf::from(path)], libs)?;
    if compilation.has_errors() {
        let format = match format {
            DataFormat::Json => Format::Json,
            DataFormat::Human => Format::Human,
        };
        check::report(&compilation, &compilation.diagnostics, format);
        eprintln!("{}: not compared, it has errors", path.display());
        return Ok(None);
    }
    let mut surveys = compilation.surveys.into_iter();
    match (surveys.next(), surveys.next()) {
        (Some(survey), None) => Ok(Some(survey)),
        (None, _) => Err(format!("{} defines no survey", path.display())),
        (Some(_), Some(_)) => Err(format!(
            "{} defines more than one survey; diff compares one survey with one survey",
            path.display()
        )),
    }
}

/// One line per change, then a summary and the verdict.
pub fn human(report: &Report) -> String {
    let mut out = format!(
        "{} {} -> {} {}\n",
        report.old.id, report.old.version, report.new.id, report.new.version
    );
    for change in &report.changes {
        out.push_str(&format!("{}: {}\n", change.kind.as_str(), change.message));
    }
    let (breaking, compatible) = (report.count(Impact::Breaking), report.count(Impact::Compatible));
    if report.changes.is_empty() {
        out.push_str("no changes\n");
        return out;
    }
    out.push_str(&format!(
        "{breaking} breaking, {compatible} compatible change(s)\n"
    ));
    if !report.ok {
        out.push_str(&format!(
            "error: breaking changes need version {} (the new version is {})\n",
            report.needed_version(),
            report.new.version
        ));
    } else if report.requires_major {
        out.push_str("ok: the breaking changes come with a new major version\n");
    }
    out
}
