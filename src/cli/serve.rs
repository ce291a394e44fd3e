//! `rileva serve PATH...`: compile the surveys like `build` (any error: exit 1, nothing
//! served), then hand them to the collection service of `rileva_platform::serve`, which
//! returns when stopped by a signal (exit 0) or when it cannot start (exit 2).

use super::{check, inputs, CliError, Format, LibArgs, Status};
use rileva_platform::serve::{self, Config, Exit};
use rileva_platform::store::Database;
use rileva_targets::HtmlTheme;
use std::path::PathBuf;

#[derive(clap::Args, Debug)]
pub struct ServeArgs {
    /// Files, or folders: every `.rileva` file below them.
    #[arg(required = true, value_name = "PATH")]
    pub paths: Vec<PathBuf>,
    /// `sqlite:FILE` or `postgres://...`
    #[arg(long, value_name = "URL", default_value = "sqlite:responses.db")]
    pub db: String,
    #[arg(long, value_name = "ADDR:PORT", default_value = "127.0.0.1:8080")]
    pub listen: String,
    /// An origin whose pages may post responses (CORS), e.g. https://www.comune.example
    #[arg(long = "allow-origin", value_name = "ORIGIN")]
    pub allow_origins: Vec<String>,
    /// Responses per minute per client address; 0 turns the limit off.
    #[arg(long, value_name = "N", default_value_t = 60)]
    pub rate_limit: u32,
    /// The largest request body accepted, in bytes.
    #[arg(long, value_name = "BYTES", default_value_t = 262_144)]
    pub max_body: usize,
    #[arg(long, value_enum, default_value = "plain")]
    pub html_theme: HtmlTheme,
    #[command(flatten)]
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
