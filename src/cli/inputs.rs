//! Reading what the compiler needs: `.rileva` files named or found below folders, and the
//! packages of `--lib` folders. The only file reading of a compilation happens here.

use super::{config, CliError, LibArgs};
use rileva_compiler::{compile, Compilation, Input, LibPackage};
use std::fs;
use std::path::{Path, PathBuf};

/// Every `.rileva` file a PATH names: the file itself, or all below a folder, sorted.
pub fn collect_files(paths: &[PathBuf]) -> Result<Vec<PathBuf>, CliError> {
    let mut files = Vec::new();
    for path in paths {
        let meta = fs::metadata(path).map_err(|e| format!("cannot read {}: {e}", path.display()))?;
        if meta.is_dir() {
            let before = files.len();
            walk(path, &mut files)?;
            if files.len() == before {
                return Err(format!("no .rileva file below {}", path.display()));
            }
        } else {
            files.push(path.clone());
        }
    }
    Ok(files)
}

fn walk(dir: &Path, out: &mut Vec<PathBuf>) -> Result<(), CliError> {
    let mut entries: Vec<PathBuf> = fs::read_dir(dir)
        .map_err(|e| format!("cannot read folder {}: {e}", dir.display()))?
        .filter_map(|e| e.ok().map(|e| e.path()))
        .collect();
    entries.sort();
    for path in entries {
        if path.is_dir() {
            walk(&path, out)?;
        } else if path.extension().is_some_and(|e| e == "rileva") {
            out.push(path);
        }
    }
    Ok(())
}

pub fn read_inputs(files: &[PathBuf]) -> Result<Vec<Input>, CliError> {
    files
        .iter()
        .map(|path| {
            let bytes = fs::read(path).map_err(|e| format!("cannot read {}: {e}", path.display()))?;
            Ok(Input {
                name: path.display().to_string(),
                bytes,
            })
        })
        .collect()
}

/// The packages of the project's folders: those of `rileva.toml` ([`config`]), then those
/// of `--lib`. `DIR/a/b.rileva` is package `a.b`.
pub fn read_libs(libs: &LibArgs) -> Result<Vec<LibPackage>, CliError> {
    let folders = lib_folders(config::find_from_current_dir()?, libs.lib.clone(), |dir| {
        format!("--lib {} is not a folder", dir.display())
    })?;
    read_lib_folders(&folders)
}

/// The package folders of a project: its `rileva.toml`'s, then `extra` (named by
/// `not_a_folder` when one is not a folder), each once. The rule every front end follows.
pub fn lib_folders(
    project: Option<config::Project>,
    extra: Vec<PathBuf>,
    not_a_folder: impl Fn(&Path) -> CliError,
) -> Result<Vec<PathBuf>, CliError> {
    let mut folders = Vec::new();
    if let Some(project) = project {
        for dir in &project.lib {
            if !dir.is_dir() {
                return Err(format!(
                    "{}: lib folder {} is not a folder",
                    project.file.display(),
                    dir.display()
                ));
            }
        }
        folders.extend(project.lib);
    }
    for dir in extra {
        if !dir.is_dir() {
            return Err(not_a_folder(&dir));
        }
        if !folders.contains(&dir) {
            folders.push(dir);
        }
    }
    Ok(folders)
}

/// The packages below each folder: `DIR/a/b.rileva` is package `a.b`.
pub fn read_lib_folders(folders: &[PathBuf]) -> Result<Vec<LibPackage>, CliError> {
    let mut packages = Vec::new();
    for dir in folders {
        let mut files = Vec::new();
        walk(dir, &mut files)?;
        for file in files {
            let rel = file.strip_prefix(dir).unwrap_or(&file).with_extension("");
            let package: Vec<String> = rel
                .components()
                .map(|c| c.as_os_str().to_string_lossy().into_owned())
                .collect();
            let bytes = fs::read(&file).map_err(|e| format!("cannot read {}: {e}", file.display()))?;
            packages.push(LibPackage {
                package: package.join("."),
                name: file.display().to_string(),
                bytes,
            });
        }
    }
    Ok(packages)
}

/// Read the PATHs and `--lib` folders, and compile them (the compiler's stages only: `diff`
/// compares surveys, whatever their targets would say).
pub fn compile_paths(paths: &[PathBuf], libs: &LibArgs) -> Result<Compilation, CliError> {
    let (inputs, libs) = read_all(paths, libs)?;
    Ok(compile(&inputs, &libs))
}

/// Read the PATHs and `--lib` folders, and run the full check of every stage and every
/// target ([`rileva_targets::check`]): what `check`, `build`, `validate` and `load` report.
pub fn check_paths(paths: &[PathBuf], libs: &LibArgs) -> Result<Compilation, CliError> {
    let (inputs, libs) = read_all(paths, libs)?;
    Ok(rileva_targets::check(&inputs, &libs))
}

fn read_all(paths: &[PathBuf], libs: &LibArgs) -> Result<(Vec<Input>, Vec<LibPackage>), CliError> {
    let files = collect_files(paths)?;
    Ok((read_inputs(&files)?, read_libs(libs)?))
}
