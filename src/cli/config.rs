//! `rileva.toml`, the project file (docs/editor.md): the `--lib` folders every command reads.
//!
//! ```toml
//! lib = ["lib", "../shared/packages"]
//! ```
//!
//! Commands look for it in the current folder, then in each parent folder, and take the
//! first one found (as cargo and ruff find theirs); `rileva lsp` looks at the workspace
//! root the editor names. Its folders are relative to the file's own folder, and come
//! before those of `--lib`. An unknown key is an error, so a typo never goes unnoticed.

use super::CliError;
use serde::{Deserialize, Serialize};
use std::fs;
use std::path::{Path, PathBuf};

/// The file's name.
pub const FILE_NAME: &str = "rileva.toml";

/// The file as written (`toml::to_string` of one is a valid `rileva.toml`).
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Config {
    /// Folders of extra packages, relative to the file's folder.
    #[serde(default)]
    pub lib: Vec<PathBuf>,
}

/// A `rileva.toml` found and read, its folders made relative to where the command runs.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Project {
    pub file: PathBuf,
    pub lib: Vec<PathBuf>,
}

/// Read one `rileva.toml`.
pub fn load(file: &Path) -> Result<Project, CliError> {
    let text = fs::read_to_string(file).map_err(|e| format!("cannot read {}: {e}", file.display()))?;
    let config: Config = toml::from_str(&text).map_err(|e| format!("{}: {}", file.display(), e.message()))?;
    let base = file.parent().unwrap_or(Path::new(""));
    Ok(Project {
        file: file.to_path_buf(),
        lib: config.lib.iter().map(|dir| base.join(dir)).collect(),
    })
}

/// The `rileva.toml` of `start` or of its nearest parent folder that has one.
pub fn find(start: &Path) -> Result<Option<Project>, CliError> {
    for dir in start.ancestors() {
        let file = dir.join(FILE_NAME);
        if file.is_file() {
            return load(&file).map(Some);
        }
    }
    Ok(None)
}

/// The `rileva.toml` of the current folder or of a parent folder, with its folders given
/// relative to the current folder when they are below it.
pub fn find_from_current_dir() -> Result<Option<Project>, CliError> {
    let Ok(cwd) = std::env::current_dir() else {
        return Ok(None);
    };
    Ok(find(&cwd)?.map(|mut project| {
        let relative = |p: &Path| {
            p.strip_prefix(&cwd)
                .map(Path::to_path_buf)
                .unwrap_or_else(|_| p.to_path_buf())
        };
        project.file = relative(&project.file);
        project.lib = project.lib.iter().map(|p| relative(p)).collect();
        project
    }))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn folders_are_relative_to_the_file() {
        let dir = tempfile::tempdir().unwrap();
        fs::create_dir_all(dir.path().join("a/b")).unwrap();
        fs::write(
            dir.path().join("a").join(FILE_NAME),
            "lib = [\"pkgs\", \"../shared\"]\n",
        )
        .unwrap();
        let project = find(&dir.path().join("a/b")).unwrap().unwrap();
        assert_eq!(project.file, dir.path().join("a").join(FILE_NAME));
        assert_eq!(
            project.lib,
            vec![dir.path().join("a/pkgs"), dir.path().join("a/../shared")]
        );
    }

    #[test]
    fn an_unknown_key_is_an_error_naming_the_file() {
        let dir = tempfile::tempdir().unwrap();
        let file = dir.path().join(FILE_NAME);
        fs::write(&file, "libs = [\"pkgs\"]\n").unwrap();
        let err = load(&file).unwrap_err();
        assert!(err.contains("rileva.toml") && err.contains("libs"), "{err}");
    }

    #[test]
    fn the_written_text_reads_back() {
        let config = Config {
            lib: vec![PathBuf::from("lib")],
        };
        let text = toml::to_string(&config).unwrap();
        assert_eq!(text, "lib = [\"lib\"]\n");
        assert_eq!(toml::from_str::<Config>(&text).unwrap(), config);
    }
}
