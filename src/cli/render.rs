//! Rendering diagnostics: human (miette), JSON (docs/language.md §14) and GitHub annotations.

use rileva_compiler::diagnostics::{Diagnostic, Label, Severity};
use rileva_compiler::source::{SourceMap, Span};
use schemars::JsonSchema;
use serde::Serialize;
use std::fmt;

/// `--format json`: one object with every diagnostic.
#[derive(Debug, Serialize, JsonSchema)]
pub struct JsonReport {
    pub diagnostics: Vec<JsonDiagnostic>,
}

/// One diagnostic. Positions are 1-based, columns count characters, and the end
/// (`end_line`, `end_column`) is exclusive: the position just after the last character
/// (docs/language.md §14).
#[derive(Debug, Serialize, JsonSchema)]
pub struct JsonDiagnostic {
    pub code: String,
    pub severity: Severity,
    pub message: String,
    pub file: String,
    /// 1-based line of the first character.
    pub line: usize,
    /// 1-based column of the first character, in characters (Unicode scalar values).
    pub column: usize,
    /// 1-based line of the position just after the last character (exclusive end).
    pub end_line: usize,
    /// 1-based column just after the last character (exclusive, as LSP and SARIF): a
    /// 10-character name at column 7 ends at 17; an empty span ends where it starts.
    pub end_column: usize,
    pub help: Option<String>,
    pub labels: Vec<JsonLabel>,
}

#[derive(Debug, Serialize, JsonSchema)]
pub struct JsonLabel {
    pub primary: bool,
    pub message: String,
    pub file: String,
    /// 1-based line of the first character.
    pub line: usize,
    /// 1-based column of the first character, in characters (Unicode scalar values).
    pub column: usize,
    /// 1-based line of the position just after the last character (exclusive end).
    pub end_line: usize,
    /// 1-based column just after the last character (exclusive, as LSP and SARIF): a
    /// 10-character name at column 7 ends at 17; an empty span ends where it starts.
    pub end_column: usize,
}

struct Position {
    file: String,
    line: usize,
    column: usize,
    end_line: usize,
    end_column: usize,
}

fn position(sources: &SourceMap, span: Span) -> Position {
    let file = sources.get(span.file);
    let start = file.line_col(span.start as usize);
    // The end is exclusive in bytes; report the column just after the last character.
    let end = file.line_col(span.end as usize);
    Position {
        file: file.name.clone(),
        line: start.line,
        column: start.column,
        end_line: end.line,
        end_column: end.column,
    }
}

fn json_label(sources: &SourceMap, label: &Label, primary: bool) -> JsonLabel {
    let p = position(sources, label.span);
    JsonLabel {
        primary,
        message: label.message.clone(),
        file: p.file,
        line: p.line,
        column: p.column,
        end_line: p.end_line,
        end_column: p.end_column,
    }
}

pub fn json_report(sources: &SourceMap, diagnostics: &[Diagnostic]) -> JsonReport {
    let diagnostics = diagnostics
        .iter()
        .map(|d| {
            let p = position(sources, d.primary.span);
            let mut labels = vec![json_label(sources, &d.primary, true)];
            labels.extend(d.secondary.iter().map(|l| json_label(sources, l, false)));
            JsonDiagnostic {
                code: d.code.as_str().to_owned(),
                severity: d.severity,
                message: d.message.clone(),
                file: p.file,
                line: p.line,
                column: p.column,
                end_line: p.end_line,
                end_column: p.end_column,
                help: d.help.clone(),
                labels,
            }
        })
        .collect();
    JsonReport { diagnostics }
}

/// GitHub workflow commands: `::error file=F,line=L,col=C,endLine=..,endColumn=..,title=CODE::message`.
pub fn github(sources: &SourceMap, diagnostics: &[Diagnostic]) -> String {
    let mut out = String::new();
    for d in diagnostics {
        let p = position(sources, d.primary.span);
        let kind = match d.severity {
            Severity::Error => "error",
            Severity::Warning => "warning",
        };
        let mut message = format!("{}: {}", d.primary.message, d.message);
        if let Some(help) = &d.help {
            message.push_str("\nhelp: ");
            message.push_str(help);
        }
        out.push_str(&format!(
            "::{kind} file={},line={},col={},endLine={},endColumn={},title={}::{}\n",
            gh_property(github_path(&p.file)),
            p.line,
            p.column,
            p.end_line,
            p.end_column,
            d.code,
            gh_data(&message)
        ));
    }
    out
}

/// GitHub places an annotation by its path from the repository root: `./a.rileva` (a file
/// found below `.`) is `a.rileva` there.
fn github_path(file: &str) -> &str {
    let mut file = file;
    while let Some(rest) = file.strip_prefix("./") {
        file = rest;
    }
    file
}

fn gh_data(s: &str) -> String {
    s.replace('%', "%25").replace('\r', "%0D").replace('\n', "%0A")
}

fn gh_property(s: &str) -> String {
    gh_data(s).replace(':', "%3A").replace(',', "%2C")
}

/// Human report of one diagnostic, rendered by miette. `color` off gives plain text for
/// snapshots and pipes; the width is fixed so snapshots are stable.
pub fn human(sources: &SourceMap, d: &Diagnostic, color: bool, width: usize) -> String {
    use miette::{GraphicalReportHandler, GraphicalTheme};
    let theme = if color {
        GraphicalTheme::unicode()
    } else {
        GraphicalTheme::unicode_nocolor()
    };
    let handler = GraphicalReportHandler::new_themed(theme)
        .with_width(width)
        .with_links(false);
    let report = MietteReport::new(sources, d);
    let mut out = String::new();
    if handler.render_report(&mut out, &report).is_err() {
        out = format!("{}[{}]: {}\n", severity_word(d.severity), d.code, d.message);
    }
    out
}

fn severity_word(s: Severity) -> &'static str {
    match s {
        Severity::Error => "error",
        Severity::Warning => "warning",
    }
}

/// A diagnostic seen through miette: labels in the primary file are drawn on its source;
/// labels in other files (a standard in the stdlib) become related notes with their own source.
struct MietteReport {
    message: String,
    code: String,
    severity: miette::Severity,
    help: Option<String>,
    source: miette::NamedSource<String>,
    labels: Vec<miette::LabeledSpan>,
    related: Vec<MietteReport>,
}

impl MietteReport {
    fn new(sources: &SourceMap, d: &Diagnostic) -> Self {
        let file = d.primary.span.file;
        let mut labels = vec![labeled(&d.primary, true)];
        let mut related = Vec::new();
        for l in &d.secondary {
            if l.span.file == file {
                labels.push(labeled(l, false));
            } else {
                related.push(MietteReport::note(sources, l));
            }
        }
        let f = sources.get(file);
        MietteReport {
            message: d.message.clone(),
            code: d.code.as_str().to_owned(),
            severity: match d.severity {
                Severity::Error => miette::Severity::Error,
                Severity::Warning => miette::Severity::Warning,
            },
            help: d.help.clone(),
            source: miette::NamedSource::new(f.name.clone(), f.text.clone()),
            labels,
            related,
        }
    }

    fn note(sources: &SourceMap, l: &Label) -> Self {
        let f = sources.get(l.span.file);
        MietteReport {
            message: l.message.clone(),
            code: String::new(),
            severity: miette::Severity::Advice,
            help: None,
            source: miette::NamedSource::new(f.name.clone(), f.text.clone()),
            // The message above says what is there; a label repeating it is noise.
            labels: vec![miette::LabeledSpan::new_primary_with_span(
                None,
                source_span(l.span),
            )],
            related: Vec::new(),
        }
    }
}

fn source_span(span: Span) -> miette::SourceSpan {
    miette::SourceSpan::new((span.start as usize).into(), (span.end - span.start) as usize)
}

fn labeled(l: &Label, primary: bool) -> miette::LabeledSpan {
    let span = source_span(l.span);
    if primary {
        miette::LabeledSpan::new_primary_with_span(Some(l.message.clone()), span)
    } else {
        miette::LabeledSpan::new_with_span(Some(l.message.clone()), span)
    }
}

impl fmt::Debug for MietteReport {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&self.message)
    }
}

impl fmt::Display for MietteReport {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&self.message)
    }
}

impl std::error::Error for MietteReport {}

impl miette::Diagnostic for MietteReport {
    fn code<'a>(&'a self) -> Option<Box<dyn fmt::Display + 'a>> {
        (!self.code.is_empty()).then(|| Box::new(&self.code) as Box<dyn fmt::Display>)
    }

    fn severity(&self) -> Option<miette::Severity> {
        Some(self.severity)
    }

    fn help<'a>(&'a self) -> Option<Box<dyn fmt::Display + 'a>> {
        self.help.as_ref().map(|h| Box::new(h) as Box<dyn fmt::Display>)
    }

    fn source_code(&self) -> Option<&dyn miette::SourceCode> {
        Some(&self.source)
    }

    fn labels(&self) -> Option<Box<dyn Iterator<Item = miette::LabeledSpan> + '_>> {
        Some(Box::new(self.labels.iter().cloned()))
    }

    fn related<'a>(&'a self) -> Option<Box<dyn Iterator<Item = &'a dyn miette::Diagnostic> + 'a>> {
        if self.related.is_empty() {
            return None;
        }
        Some(Box::new(
            self.related.iter().map(|r| r as &dyn miette::Diagnostic),
        ))
    }
}
