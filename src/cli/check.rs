//! `rileva check`: the library's full check (`rileva_targets::check`: every stage, every
//! target), reported in the chosen format.

use super::{inputs, render, sarif, CliError, Format, LibArgs, Status};
use rileva_compiler::diagnostics::{Diagnostic, Severity};
use rileva_compiler::estimate::format_duration;
use rileva_compiler::Compilation;
use std::io::IsTerminal;
use std::path::PathBuf;

pub fn run(
    paths: &[PathBuf],
    libs: &LibArgs,
    format: Format,
    deny_warnings: bool,
) -> Result<Status, CliError> {
    let compilation = inputs::check_paths(paths, libs)?;
    let diagnostics = &compilation.diagnostics;
    report(&compilation, diagnostics, format);
    if format == Format::Human {
        for s in &compilation.summaries {
            if let Some(secs) = s.estimated_seconds {
                println!("{}: estimated {}", s.id, format_duration(secs));
            }
        }
    }
    Ok(status(diagnostics, deny_warnings))
}

pub fn status(diagnostics: &[Diagnostic], deny_warnings: bool) -> Status {
    let fails = |d: &Diagnostic| d.severity == Severity::Error || deny_warnings;
    if diagnostics.iter().any(fails) {
        Status::Errors
    } else {
        Status::Ok
    }
}

/// Print the diagnostics in the chosen format: human on stderr, machine formats on stdout.
pub fn report(compilation: &Compilation, diagnostics: &[Diagnostic], format: Format) {
    let sources = &compilation.sources;
    match format {
        Format::Json => {
            let report = render::json_report(sources, diagnostics);
            println!("{}", serde_json::to_string_pretty(&report).unwrap_or_default());
        }
        Format::Github => print!("{}", render::github(sources, diagnostics)),
        Format::Sarif => print!("{}", sarif::to_json(&sarif::check_log(&[(sources, diagnostics)]))),
        Format::Human => {
            let color = std::io::stderr().is_terminal() && std::env::var_os("NO_COLOR").is_none();
            for d in diagnostics {
                eprint!("{}", render::human(sources, d, color, 100));
            }
            let errors = diagnostics
                .iter()
                .filter(|d| d.severity == Severity::Error)
                .count();
            let warnings = diagnostics.len() - errors;
            if !diagnostics.is_empty() {
                eprintln!("{errors} error(s), {warnings} warning(s)");
            }
        }
    }
}
