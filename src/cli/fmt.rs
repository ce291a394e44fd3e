//! `rileva fmt [--check] PATH...`: re-indent source files with the compiler's formatter.
//! Every file is read and formatted first; when any of them does not parse, its syntax
//! errors are printed and nothing at all is written (exit 1). Otherwise each changed file is
//! written atomically. `--check` writes nothing: it lists the files that would change, each
//! with a short diff, and exits 1 when there is one.

use super::{check, inputs, CliError, Format, Status};
use rileva_compiler::diagnostics::{Code, Diagnostic};
use rileva_compiler::source::{decode_utf8, Origin, SourceFile, SourceMap, Span};
use rileva_compiler::{format, Compilation};
use std::fs;
use std::path::{Path, PathBuf};

/// A file whose formatted text differs from what is on disk.
struct Change {
    path: PathBuf,
    old: String,
    new: String,
}

pub fn run(paths: &[PathBuf], check_only: bool) -> Result<Status, CliError> {
    let mut files = inputs::collect_files(paths)?;
    let mut seen = std::collections::BTreeSet::new();
    files.retain(|f| seen.insert(f.clone()));
    let mut sources = SourceMap::default();
    let mut errors = Vec::new();
    let mut changes = Vec::new();
    for path in &files {
        let bytes = fs::read(path).map_err(|e| format!("cannot read {}: {e}", path.display()))?;
        let (text, bad_byte) = decode_utf8(&bytes);
        let file = sources.add(SourceFile::new(
            path.display().to_string(),
            text.clone(),
            Origin::Input,
        ));
        if let Some(offset) = bad_byte {
            errors.push(not_utf8(Span::new(file, offset, offset + 1)));
            continue;
        }
        match format::format(file, &text) {
            Ok(new) if new != text => changes.push(Change {
                path: path.clone(),
                old: text,
                new,
            }),
            Ok(_) => {}
            Err(diagnostics) => errors.extend(diagnostics),
        }
    }
    if !errors.is_empty() {
        report(sources, errors);
        eprintln!("nothing formatted: fix the syntax errors above first");
        return Ok(Status::Errors);
    }
    if check_only {
        return Ok(report_check(&changes, files.len()));
    }
    for change in &changes {
        write_atomically(&change.path, change.new.as_bytes())?;
        println!("formatted {}", change.path.display());
    }
    println!(
        "{} file(s) formatted, {} already formatted",
        changes.len(),
        files.len() - changes.len()
    );
    Ok(Status::Ok)
}

fn not_utf8(span: Span) -> Diagnostic {
    Diagnostic::new(
        Code::R0001,
        "the file is not valid UTF-8",
        span,
        "this byte is not UTF-8",
    )
    .with_help("save the file with the UTF-8 encoding")
}

fn report(sources: SourceMap, mut diagnostics: Vec<Diagnostic>) {
    diagnostics.sort_by_key(|d| (d.primary.span.file, d.primary.span.start));
    let compilation = Compilation {
        sources,
        diagnostics: diagnostics.clone(),
        summaries: Vec::new(),
        surveys: Vec::new(),
        standards: Vec::new(),
    };
    check::report(&compilation, &diagnostics, Format::Human);
}

/// `--check`: each file that would change, with a short diff; exit 1 when there is one.
fn report_check(changes: &[Change], checked: usize) -> Status {
    for change in changes {
        let name = change.path.display().to_string();
        println!("{name}: would be reformatted");
        print!("{}", format::short_diff(&name, &change.old, &change.new));
    }
    if changes.is_empty() {
        println!("{checked} file(s) already formatted");
        Status::Ok
    } else {
        println!(
            "{} of {checked} file(s) would be reformatted: run `rileva fmt` on them",
            changes.len()
        );
        Status::Errors
    }
}

/// Write to a temporary file beside the target, keep the target's permissions, then rename
/// over it, so a reader never sees half a file.
fn write_atomically(path: &Path, contents: &[u8]) -> Result<(), CliError> {
    let dir = match path.parent() {
        Some(d) if !d.as_os_str().is_empty() => d,
        _ => Path::new("."),
    };
    let name = path
        .file_name()
        .map(|n| n.to_string_lossy().into_owned())
        .unwrap_or_default();
    let tmp = dir.join(format!(".{name}.fmt-{}", std::process::id()));
    let fail = |e: std::io::Error| format!("cannot write {}: {e}", path.display());
    fs::write(&tmp, contents).map_err(fail)?;
    if let Ok(meta) = fs::metadata(path) {
        let _ = fs::set_permissions(&tmp, meta.permissions());
    }
    fs::rename(&tmp, path).map_err(|e| {
        let _ = fs::remove_file(&tmp);
        fail(e)
    })
}
