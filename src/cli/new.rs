//! `rileva new FILE`: the first survey of an administration (docs/new.md). The values come
//! from flags, or in a terminal from prompts ([`ask`]); [`plan`] checks them against the
//! stdlib's catalog and picks the standard's one profile that covers the kinds; [`survey`]
//! writes the text. Before writing, the text goes through the same full check as `rileva
//! check`: nothing is written unless it checks clean. It never overwrites a file.

mod ask;
mod plan;
mod survey;

use super::{render, CliError, Status};
use plan::{Refusal, Values};
use rileva_compiler::catalog;
use rileva_compiler::diagnostics::Code;
use rileva_compiler::Input;
use std::fs::OpenOptions;
use std::io::{IsTerminal, Write};
use std::path::PathBuf;

#[derive(clap::Args, Debug)]
pub struct NewArgs {
    /// The survey file to write (it must not exist).
    #[arg(value_name = "FILE")]
    pub file: PathBuf,
    /// The standard to conform to [default: istat.cx].
    #[arg(long, value_name = "STANDARD")]
    pub standard: Option<String>,
    /// The administration's IPA code: `c_h501`, `inps`.
    #[arg(long, value_name = "CODE")]
    pub agency: Option<String>,
    /// The kind of administration: `comune`, `ente_previdenziale`...
    #[arg(long, value_name = "KIND")]
    pub pa_kind: Option<String>,
    /// The service's code: `certificati-anagrafici`.
    #[arg(long, value_name = "CODE")]
    pub service: Option<String>,
    /// The kind of service: `certificato`, `sportello`...
    #[arg(long, value_name = "KIND")]
    pub service_kind: Option<String>,
    /// Channels (`web kiosk app phone`) [default: kiosk for a counter service, else web].
    #[arg(long, value_name = "CHANNEL", num_args = 1.., value_delimiter = ',')]
    pub channels: Vec<String>,
    /// Languages, the first the default [default: it en].
    #[arg(long, value_name = "LANG", num_args = 1.., value_delimiter = ',')]
    pub languages: Vec<String>,
}

pub fn run(args: NewArgs) -> Result<Status, CliError> {
    if args.file.exists() {
        return Err(format!(
            "{} exists; rileva new never overwrites a file",
            args.file.display()
        ));
    }
    let catalog = catalog::stdlib();
    let mut values = Values {
        standard: args.standard,
        agency: args.agency,
        pa_kind: args.pa_kind,
        service: args.service,
        service_kind: args.service_kind,
        channels: args.channels,
        languages: args.languages,
    };
    let missing = missing_flags(&values);
    if !missing.is_empty() {
        if !(std::io::stdin().is_terminal() && std::io::stderr().is_terminal()) {
            return Err(format!(
                "missing {}: give them as flags (in a terminal, rileva new asks for them)",
                missing.join(", ")
            ));
        }
        ask::fill(&catalog, &mut values)?;
    }
    let plan = match plan::plan(&catalog, &values) {
        Ok(plan) => plan,
        Err(Refusal(message)) => {
            eprintln!("error: {message}");
            eprintln!("nothing written");
            return Ok(Status::Errors);
        }
    };
    let text = survey::survey_text(&plan);
    let name = args.file.display().to_string();
    if let Err(status) = check_clean(&name, &text, &plan.languages) {
        return Ok(status);
    }
    write_new(&args.file, &text)?;
    println!(
        "wrote {name}: {} {}, profile {} (requires {})",
        plan.standard.name,
        plan.standard.version,
        plan.profile.name,
        plan.profile.require.join(", ")
    );
    println!("next: add the administration's questions, then `rileva check {name}`");
    Ok(Status::Ok)
}

/// The flags without which no survey can be written, by name.
fn missing_flags(values: &Values) -> Vec<&'static str> {
    [
        ("--agency", values.agency.is_none()),
        ("--pa-kind", values.pa_kind.is_none()),
        ("--service", values.service.is_none()),
        ("--service-kind", values.service_kind.is_none()),
    ]
    .into_iter()
    .filter_map(|(flag, missing)| missing.then_some(flag))
    .collect()
}

/// The full check of `rileva check` on the text; on any diagnostic, say why and write nothing.
fn check_clean(name: &str, text: &str, languages: &[String]) -> Result<(), Status> {
    let input = Input {
        name: name.to_owned(),
        bytes: text.as_bytes().to_vec(),
    };
    let compilation = rileva_targets::check(&[input], &[]);
    if compilation.diagnostics.is_empty() {
        return Ok(());
    }
    if compilation.diagnostics.iter().all(|d| d.code == Code::R0301) {
        eprintln!(
            "error: the standard's modules have no texts in some of the languages {}: write the \
             survey with --languages it en, then add the others and a `translations` block for \
             each (rileva check lists every missing text)",
            languages.join(" ")
        );
    } else {
        for d in &compilation.diagnostics {
            eprint!("{}", render::human(&compilation.sources, d, false, 100));
        }
        eprintln!("error: the survey rileva new would write does not check (the diagnostics above)");
    }
    eprintln!("nothing written");
    Err(Status::Errors)
}

/// Create `file` (never over an existing one) with `text`; remove it if writing fails.
fn write_new(file: &std::path::Path, text: &str) -> Result<(), CliError> {
    if let Some(dir) = file.parent().filter(|d| !d.as_os_str().is_empty()) {
        std::fs::create_dir_all(dir).map_err(|e| format!("cannot create {}: {e}", dir.display()))?;
    }
    let mut f = OpenOptions::new()
        .write(true)
        .create_new(true)
        .open(file)
        .map_err(|e| match e.kind() {
            std::io::ErrorKind::AlreadyExists => {
                format!("{} exists; rileva new never overwrites a file", file.display())
            }
            _ => format!("cannot create {}: {e}", file.display()),
        })?;
    if let Err(e) = f.write_all(text.as_bytes()).and_then(|()| f.sync_all()) {
        drop(f);
        let _ = std::fs::remove_file(file);
        return Err(format!("cannot write {}: {e}", file.display()));
    }
    Ok(())
}
