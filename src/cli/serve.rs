//! `rileva serve PATH...`: compile the surveys like `build` (any error: exit 1, nothing
//! served), then hand them to the collection service of `rileva_platform::serve`, which
//! returns when stopped by a signal (exit 0) or when it cannot start (exit 2).

use super::{check, inputs, CliError, Format, LibArgs, Status};
use rileva_platform::serve::{self, Config, Exit};
use rileva_platform::store::Database;
use rileva_targets::HtmlTheme;
use std::path::PathBuf;

pub struct ServeArgs {
    pub paths: Vec<PathBuf>,
    pub db: String,
    pub listen: String,
    pub allow_origins: Vec<String>,
    pub rate_limit: u32,
    pub max_body: usize,
    pub html_theme: HtmlTheme,
    pub libs: LibArgs,
}

pub fn run(args: ServeArgs) -> Result<Status, CliError> {
    let db = Database::parse(&args.db)?;
    let compilation = inputs::check_paths(&args.paths, &args.libs)?;
    check::report(&compilation, &compilation.diagnostics, Format::Human);
    if check::status(&compilation.diagnostics, false) != Status::Ok {
        eprintln!("nothing served: fix the errors above first");
        return Ok(Status::Errors);
    }
    if compilation.surveys.is_empty() {
        return Err("no survey to serve: the PATHs hold only packages".into());
    }
    let config = Config {
        db,
        listen: args.listen,
        allow_origins: args.allow_origins,
        rate_limit: args.rate_limit,
        max_body: args.max_body,
        theme: args.html_theme,
    };
    match serve::run(config, compilation.surveys) {
        Exit::Stopped => Ok(Status::Ok),
        Exit::CannotStart(message) => Err(format!("rileva serve cannot start: {message}")),
    }
}
