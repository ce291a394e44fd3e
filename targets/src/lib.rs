//! rileva-targets: IR -> files. One folder per target; each first validates the IR for what
//! it cannot express (diagnostics), then emits a list of files. Targets read only the IR
//! and the compiler's `response` module (the one meaning of a response they agree with).
//! [`check`] is the one full check (compiler and targets) every front end calls.

mod check;
pub mod ddi;
pub mod doc;
mod fragment;
pub mod html;
pub mod ir_json;
pub mod json_schema;
pub mod kiosk;
mod pretty;
mod splice;
pub mod sql;
pub mod templates;
pub mod words;

use rileva_compiler::diagnostics::Diagnostic;
use rileva_compiler::ir;

pub use check::check;

/// A generated file, its path relative to `OUT/<survey id>/`.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct OutputFile {
    pub path: String,
    pub contents: Vec<u8>,
}

impl OutputFile {
    pub fn text(path: impl Into<String>, contents: String) -> Self {
        OutputFile {
            path: path.into(),
            contents: contents.into_bytes(),
        }
    }
}

/// The look of the web form: `--html-theme plain|bootstrap-italia`.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
#[cfg_attr(feature = "clap", derive(clap::ValueEnum))]
pub enum HtmlTheme {
    #[default]
    Plain,
    BootstrapItalia,
}

/// Options of `rileva build` that targets read.
#[derive(Debug, Clone, Default)]
pub struct Options {
    pub html_theme: HtmlTheme,
    /// Where the form and the kiosk send responses (`--html-endpoint`); default `/responses`.
    pub endpoint: Option<String>,
}

impl Options {
    pub fn endpoint(&self) -> &str {
        self.endpoint.as_deref().unwrap_or("/responses")
    }
}

/// A back end: the `--target` values of `rileva build` are these variants in kebab case,
/// which is also [`Target::name`]. To add one, follow CONTRIBUTING.md ("Add a target").
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash)]
#[cfg_attr(feature = "clap", derive(clap::ValueEnum))]
pub enum Target {
    Html,
    Kiosk,
    JsonSchema,
    Sql,
    /// The questionnaire as a printable document: `doc/questionnaire.<lang>.html`.
    Doc,
    /// DDI-Lifecycle 3.3 metadata: `ddi/ddi-3.3.xml` (docs/ddi.md).
    Ddi,
    /// The checked survey as JSON, as `rileva schema ir` describes it: `ir/survey.json`.
    Ir,
}

impl Target {
    pub const ALL: [Target; 7] = [
        Target::Html,
        Target::Kiosk,
        Target::JsonSchema,
        Target::Sql,
        Target::Doc,
        Target::Ddi,
        Target::Ir,
    ];

    /// The `--target` value and the name used in docs: `json-schema`.
    pub fn name(self) -> &'static str {
        match self {
            Target::Html => "html",
            Target::Kiosk => "kiosk",
            Target::JsonSchema => "json-schema",
            Target::Sql => "sql",
            Target::Doc => "doc",
            Target::Ddi => "ddi",
            Target::Ir => "ir",
        }
    }

    /// What the IR asks of this target that it cannot give (e.g. R0502 for the kiosk).
    pub fn validate(self, survey: &ir::Survey) -> Vec<Diagnostic> {
        match self {
            Target::Kiosk => kiosk::validate(survey),
            Target::Sql => sql::validate(survey),
            Target::Html | Target::JsonSchema | Target::Doc | Target::Ddi | Target::Ir => Vec::new(),
        }
    }

    /// The files of this target for one survey. Call only when `validate` found no error.
    pub fn emit(self, survey: &ir::Survey, options: &Options) -> Vec<OutputFile> {
        match self {
            Target::Html => html::emit(survey, options),
            Target::Kiosk => kiosk::emit(survey, options),
            Target::JsonSchema => json_schema::emit(survey),
            Target::Sql => sql::emit(survey),
            Target::Doc => doc::emit(survey),
            Target::Ddi => ddi::emit(survey),
            Target::Ir => ir_json::emit(survey),
        }
    }
}
