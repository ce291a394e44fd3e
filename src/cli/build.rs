//! `rileva build`: check, emit every (survey, target) pair and write its files to temporary
//! siblings as soon as it is done, then rename them all. Nothing is written when any check
//! or target validation fails, and nothing is left (no file, no temporary, no folder made)
//! when a file cannot be written. A file that already holds its new bytes is left as it is
//! (its time too): a build over its previous output rewrites what changed.

use super::{check, inputs, replace, CliError, Format, LibArgs, Status};
use rayon::prelude::*;
use rileva_compiler::diff::version_key;
use rileva_compiler::ir;
use rileva_targets::{HtmlTheme, Options, OutputFile, Target};
use std::fs;
use std::path::{Path, PathBuf};
use std::sync::OnceLock;

#[derive(clap::Args, Debug)]
pub struct BuildArgs {
    #[arg(long = "target", value_enum)]
    pub targets: Vec<Target>,
    #[arg(long, default_value = "build")]
    pub out: PathBuf,
    #[arg(long, value_enum, default_value = "plain")]
    pub html_theme: HtmlTheme,
    /// Where the form and the kiosk send responses.
    #[arg(long, value_name = "URL")]
    pub html_endpoint: Option<String>,
    #[arg(long, value_enum, default_value = "human")]
    pub format: Format,
    #[command(flatten)]
    pub libs: LibArgs,
    #[arg(required = true, value_name = "PATH")]
    pub paths: Vec<PathBuf>,
}

pub fn run(args: BuildArgs) -> Result<Status, CliError> {
    let compilation = inputs::check_paths(&args.paths, &args.libs)?;
    check::report(&compilation, &compilation.diagnostics, args.format);
    if check::status(&compilation.diagnostics, false) != Status::Ok {
        eprintln!("nothing written: fix the errors above first");
        return Ok(Status::Errors);
    }
    let targets = selected(&args.targets);
    let options = Options {
        html_theme: args.html_theme,
        endpoint: args.html_endpoint.clone(),
    };
    // Several versions of one survey: the latest under <id>/, each other under
    // <id>@<version>/, as serve's URLs (docs/versions.md).
    let dirs: Vec<PathBuf> = compilation
        .surveys
        .iter()
        .map(|survey| {
            let latest = compilation
                .surveys
                .iter()
                .filter(|s| s.id == survey.id)
                .max_by_key(|s| version_key(&s.version))
                .is_some_and(|s| s.version == survey.version);
            if latest {
                args.out.join(&survey.id)
            } else {
                args.out.join(format!("{}@{}", survey.id, survey.version))
            }
        })
        .collect();
    // Every (survey, target) pair on every core, each file written to a temporary sibling
    // as soon as its pair is emitted (its bytes are not kept), then every file renamed in
    // the serial order once all are written: the same files, the same bytes, the same
    // message as one thread gives (tests/parallel.rs), and nothing in place if any fails.
    let pairs: Vec<(&ir::Survey, &PathBuf, Target)> = compilation
        .surveys
        .iter()
        .zip(&dirs)
        .flat_map(|(survey, dir)| targets.iter().map(move |target| (survey, dir, *target)))
        .collect();
    // Started longest first ([`LONGEST_FIRST`]), each pair a task of its own taken in that
    // order by whichever core is free: the small pairs fill both cores at the end.
    let mut order: Vec<usize> = (0..pairs.len()).collect();
    order.sort_by_key(|&i| (longest_first(pairs[i].2), i));
    let slots: Vec<OnceLock<Result<Vec<Staged>, CliError>>> = pairs.iter().map(|_| OnceLock::new()).collect();
    rayon::scope_fifo(|scope| {
        for &i in &order {
            let ((survey, dir, target), slot, options) = (pairs[i], &slots[i], &options);
            scope.spawn_fifo(move |_| {
                let _ = slot.set(stage(dir, target.emit(survey, options)));
            });
        }
    });
    let written = slots.into_iter().map(|slot| {
        slot.into_inner()
            .unwrap_or_else(|| Err("internal error: a target was not emitted".to_owned()))
    });
    let mut staged = Vec::new();
    let mut failure = None;
    for result in written {
        match result {
            Ok(files) => staged.extend(files),
            Err(e) => {
                failure.get_or_insert(e);
            }
        }
    }
    if let Some(e) = failure {
        discard(&staged);
        return Err(e);
    }
    // A directory where a file goes would refuse its rename: refuse before any is renamed.
    if let Some(file) = staged.iter().find(|f| f.path.is_dir()) {
        discard(&staged);
        return Err(format!("cannot write {}: it is a directory", file.path.display()));
    }
    // A file already in place is exchanged with its new bytes, then its old bytes removed
    // (replace.rs); the temporaries of the files after a failed one are removed as well. A
    // file that already held its bytes was not staged and stays as it is.
    let mut replaced = Vec::new();
    for (i, file) in staged.iter().enumerate() {
        let Some(tmp) = &file.tmp else { continue };
        match replace::replace(tmp, &file.path) {
            Ok(replace::Replaced::Exchanged) => replaced.push(tmp),
            Ok(replace::Replaced::Renamed) => {}
            Err(e) => {
                discard(&staged[i..]);
                remove_all(&replaced);
                return Err(format!("cannot write {}: {e}", file.path.display()));
            }
        }
    }
    remove_all(&replaced);
    let wrote = format!(
        "wrote {} file(s) for {} survey(s) under {}",
        staged.len(),
        compilation.surveys.len(),
        args.out.display()
    );
    // A SARIF log is the whole of stdout: code scanning reads it as one JSON document.
    if args.format == Format::Sarif {
        eprintln!("{wrote}");
    } else {
        println!("{wrote}");
    }
    // The checked surveys are not freed piece by piece: the process ends next, and the
    // system takes its memory back at once (7 ms of a 10,000-question build).
    std::mem::forget(compilation);
    Ok(Status::Ok)
}

/// The targets by how much they write, most first: the order their pairs are started in.
const LONGEST_FIRST: [Target; 7] = [
    Target::Doc,
    Target::Html,
    Target::Ddi,
    Target::Sql,
    Target::JsonSchema,
    Target::Ir,
    Target::Kiosk,
];

fn longest_first(target: Target) -> usize {
    LONGEST_FIRST
        .iter()
        .position(|t| *t == target)
        .unwrap_or(LONGEST_FIRST.len())
}

fn selected(args: &[Target]) -> Vec<Target> {
    if args.is_empty() {
        return Target::ALL.to_vec();
    }
    let mut targets = args.to_vec();
    targets.sort();
    targets.dedup();
    targets
}

/// Write to a temporary file beside the target, then rename over it.
pub fn write_atomically(path: &Path, contents: &[u8]) -> Result<(), CliError> {
    let (dir, tmp) = temporary(path);
    fs::create_dir_all(dir).map_err(|e| format!("cannot create {}: {e}", dir.display()))?;
    fs::write(&tmp, contents).map_err(|e| format!("cannot write {}: {e}", tmp.display()))?;
    fs::rename(&tmp, path).map_err(|e| format!("cannot write {}: {e}", path.display()))
}

/// The folder of `path`, and the temporary sibling its bytes are written to before the
/// rename: `.name.tmp-<pid>`.
fn temporary(path: &Path) -> (&Path, PathBuf) {
    let dir = path.parent().unwrap_or(Path::new("."));
    let name = path
        .file_name()
        .map(|n| n.to_string_lossy().into_owned())
        .unwrap_or_default();
    let tmp = dir.join(format!(".{name}.tmp-{}", std::process::id()));
    (dir, tmp)
}

/// A file written to `tmp`, renamed over `path` once every file is written; `created` are
/// the folders its writing made (deepest first), removed again if the build fails. No `tmp`:
/// the file at `path` already holds the bytes, and is left as it is (its time too).
struct Staged {
    tmp: Option<PathBuf>,
    path: PathBuf,
    created: Vec<PathBuf>,
}

/// Write the files of one (survey, target) pair under `dir` to temporary siblings; on an
/// error, remove what this pair wrote. Each file's bytes are dropped once written.
fn stage(dir: &Path, files: Vec<OutputFile>) -> Result<Vec<Staged>, CliError> {
    let mut staged = Vec::with_capacity(files.len());
    for file in files {
        match write_temporary(&dir.join(&file.path), &file.contents) {
            Ok(file) => staged.push(file),
            Err(e) => {
                discard(&staged);
                return Err(e);
            }
        }
    }
    Ok(staged)
}

fn write_temporary(path: &Path, contents: &[u8]) -> Result<Staged, CliError> {
    if holds(path, contents) {
        return Ok(Staged {
            tmp: None,
            path: path.to_path_buf(),
            created: Vec::new(),
        });
    }
    let (dir, tmp) = temporary(path);
    let created: Vec<PathBuf> = dir
        .ancestors()
        .take_while(|d| !d.as_os_str().is_empty() && !d.exists())
        .map(Path::to_path_buf)
        .collect();
    let written = fs::create_dir_all(dir)
        .map_err(|e| format!("cannot create {}: {e}", dir.display()))
        .and_then(|()| fs::write(&tmp, contents).map_err(|e| format!("cannot write {}: {e}", tmp.display())));
    let staged = Staged {
        tmp: Some(tmp),
        path: path.to_path_buf(),
        created,
    };
    match written {
        Ok(()) => Ok(staged),
        Err(e) => {
            discard(std::slice::from_ref(&staged));
            Err(e)
        }
    }
}

/// Whether the regular file at `path` already holds `contents`: its length, then its bytes
/// read a block at a time (a build over its previous output rewrites only what changed, so
/// that one survey edited among 300 rewrites its own files, and the others keep their time).
fn holds(path: &Path, contents: &[u8]) -> bool {
    use std::io::Read;
    let regular =
        fs::symlink_metadata(path).is_ok_and(|m| m.file_type().is_file() && m.len() == contents.len() as u64);
    if !regular {
        return false;
    }
    let Ok(mut file) = fs::File::open(path) else {
        return false;
    };
    // No larger than the file: most outputs are a few KB, and the block is zeroed.
    let mut block = vec![0u8; contents.len().clamp(1, 256 * 1024)];
    let mut rest = contents;
    loop {
        match file.read(&mut block) {
            Ok(0) => return rest.is_empty(),
            Ok(n) => match (block.get(..n), rest.get(..n)) {
                (Some(read), Some(expected)) if read == expected => rest = &rest[n..],
                _ => return false,
            },
            Err(e) if e.kind() == std::io::ErrorKind::Interrupted => {}
            Err(_) => return false,
        }
    }
}

/// Remove staged temporaries, then the folders their writing made (deepest first; a
/// folder another file still holds stays).
fn discard(staged: &[Staged]) {
    for tmp in staged.iter().filter_map(|f| f.tmp.as_ref()) {
        let _ = fs::remove_file(tmp);
    }
    let mut created: Vec<&PathBuf> = staged.iter().flat_map(|f| &f.created).collect();
    created.sort_by_key(|d| std::cmp::Reverse(d.components().count()));
    created.dedup();
    for dir in created {
        let _ = fs::remove_dir(dir);
    }
}

/// Remove the old bytes of the files replaced, on both cores: freeing a large file's pages
/// is the kernel's work, and it is the last thing a build does.
fn remove_all(old: &[&PathBuf]) {
    old.par_iter().for_each(|tmp| {
        let _ = fs::remove_file(tmp);
    });
}
