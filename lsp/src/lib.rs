//! rileva-lsp: the language server of rileva (docs/editor.md), on the compiler's own API.
//!
//! Like rust-analyzer's and ruff's servers: a synchronous main loop over an
//! [`lsp_server::Connection`] ([`server`]), one handler per request, every document
//! checked by the library function `rileva check` uses ([`analysis`]). Nothing here
//! parses survey text a second way: positions come from the compiler's spans.
//!
//! The server reads no command line and no `rileva.toml` itself: the CLI hands it a
//! [`ProjectLoader`] that turns a workspace root and the client's `lib` folders into
//! packages, the same way every other command reads them.

pub mod analysis;
pub mod completion;
pub mod context;
pub mod convert;
pub mod definition;
pub mod diagnostics;
pub mod hover;
pub mod keywords;
pub mod quickfix;
pub mod server;
pub mod stdlib_files;
pub mod symbols;
pub mod tokens;

use rileva_compiler::LibPackage;
use std::path::{Path, PathBuf};

/// Reads a project's packages: the `lib` folders of the `rileva.toml` at `root` (when
/// there is one), then `extra` (the client's `initializationOptions.lib`, relative to
/// `root`). Package names are their file paths, absolute.
pub type ProjectLoader = fn(root: Option<&Path>, extra: &[PathBuf]) -> Result<Vec<LibPackage>, String>;

/// Serve the protocol over stdin and stdout until the client says `exit`.
pub fn run_stdio(loader: ProjectLoader) -> Result<(), String> {
    let (connection, io_threads) = lsp_server::Connection::stdio();
    server::serve(&connection, loader)?;
    drop(connection);
    io_threads.join().map_err(|e| format!("language server I/O: {e}"))
}
