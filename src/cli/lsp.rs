//! `rileva lsp`: the language server (crate rileva-lsp) over stdin and stdout, reading the
//! project's packages the way every other command does ([`config`], [`inputs`]).

use super::{config, inputs, CliError, Status};
use rileva_compiler::LibPackage;
use std::path::{Path, PathBuf};

pub fn run() -> Result<Status, CliError> {
    rileva_lsp::run_stdio(load_project)?;
    Ok(Status::Ok)
}

/// The packages of the `rileva.toml` at the workspace root (or the current folder when
/// the editor names no root), then of the client's `lib` folders, relative to the root.
fn load_project(root: Option<&Path>, extra: &[PathBuf]) -> Result<Vec<LibPackage>, String> {
    let root = match root {
        Some(root) => root.to_path_buf(),
        None => std::env::current_dir().map_err(|e| format!("no workspace folder: {e}"))?,
    };
    let extra = extra.iter().map(|dir| root.join(dir)).collect();
    let folders = inputs::lib_folders(config::find(&root)?, extra, |dir| {
        format!("initializationOptions.lib: {} is not a folder", dir.display())
    })?;
    inputs::read_lib_folders(&folders)
}
