//! `rileva build`: check, emit every target in memory, then write each file atomically.
//! Nothing is written when any check or target validation fails.

use super::{check, inputs, CliError, Format, LibArgs, Status};
use rayon::prelude::*;
use rileva_compiler::diff::version_key;
use rileva_targets::{HtmlTheme, Options, OutputFile, Target};
use std::fs;
use std::path::{Path, PathBuf};

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
    // Every (survey, target) pair on every core, collected in the serial order: the same
    // files, the same bytes, the same message as one thread gives (tests/parallel.rs).
    let files: Vec<(PathBuf, OutputFile)> = compilation
        .surveys
        .par_iter()
        .zip(dirs.par_iter())
        .flat_map_iter(|(survey, dir)| targets.iter().map(move |target| (survey, dir, target)))
        .flat_map_iter(|(survey, dir, target)| {
            target
                .emit(survey, &options)
                .into_iter()
                .map(move |f| (dir.join(&f.path), f))
        })
        .collect();
    for (path, file) in &files {
        write_atomically(path, &file.contents)?;
    }
    let wrote = format!(
        "wrote {} file(s) for {} survey(s) under {}",
        files.len(),
        compilation.surveys.len(),
        args.out.display()
    );
    // A SARIF log is the whole of stdout: code scanning reads it as one JSON document.
    if args.format == Format::Sarif {
        eprintln!("{wrote}");
    } else {
        println!("{wrote}");
    }
    Ok(Status::Ok)
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
    let dir = path.parent().unwrap_or(Path::new("."));
    fs::create_dir_all(dir).map_err(|e| format!("cannot create {}: {e}", dir.display()))?;
    let name = path
        .file_name()
        .map(|n| n.to_string_lossy().into_owned())
        .unwrap_or_default();
    let tmp = dir.join(format!(".{name}.tmp-{}", std::process::id()));
    fs::write(&tmp, contents).map_err(|e| format!("cannot write {}: {e}", tmp.display()))?;
    fs::rename(&tmp, path).map_err(|e| format!("cannot write {}: {e}", path.display()))
}
