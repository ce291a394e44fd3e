//! The compiler's diagnostics as the protocol's: `code` the R-code, `codeDescription` its
//! doc, the primary label and the help line in the message, secondary labels as
//! `relatedInformation`. The range is the primary span, as `check --format json` has it.

use crate::analysis::Workspace;
use lsp_types::{
    CodeDescription, Diagnostic as LspDiagnostic, DiagnosticRelatedInformation, DiagnosticSeverity, Location,
    NumberOrString, Url,
};
use rileva_compiler::diagnostics::{Diagnostic, Severity};
use rileva_compiler::Compilation;

/// The diagnostics of a document's check that point into the document itself, both as
/// the compiler's (kept for quick fixes) and as the protocol's.
pub fn of_document(
    ws: &Workspace,
    uri: &Url,
    compilation: &Compilation,
) -> (Vec<Diagnostic>, Vec<LspDiagnostic>) {
    let input = compilation
        .sources
        .files()
        .find(|(_, f)| f.origin == rileva_compiler::source::Origin::Input)
        .map(|(id, _)| id);
    let mine: Vec<Diagnostic> = compilation
        .diagnostics
        .iter()
        .filter(|d| Some(d.primary.span.file) == input)
        .cloned()
        .collect();
    let lsp = mine
        .iter()
        .filter_map(|d| to_lsp(ws, uri, compilation, d))
        .collect();
    (mine, lsp)
}

/// The message shown in the editor: what is wrong, what is there, what to write.
pub fn message(d: &Diagnostic) -> String {
    let mut out = d.message.clone();
    if !d.primary.message.is_empty() && d.primary.message != d.message {
        out.push('\n');
        out.push_str(&d.primary.message);
    }
    if let Some(help) = &d.help {
        out.push_str("\nhelp: ");
        out.push_str(help);
    }
    out
}

fn to_lsp(ws: &Workspace, uri: &Url, compilation: &Compilation, d: &Diagnostic) -> Option<LspDiagnostic> {
    let sources = &compilation.sources;
    let range = ws.line_index(sources, d.primary.span.file)?.range(d.primary.span);
    let related: Vec<DiagnosticRelatedInformation> = d
        .secondary
        .iter()
        .filter_map(|label| {
            let index = ws.line_index(sources, label.span.file)?;
            Some(DiagnosticRelatedInformation {
                location: Location::new(
                    ws.file_uri(sources, label.span.file, uri)?,
                    index.range(label.span),
                ),
                message: label.message.clone(),
            })
        })
        .collect();
    Some(LspDiagnostic {
        range,
        severity: Some(match d.severity {
            Severity::Error => DiagnosticSeverity::ERROR,
            Severity::Warning => DiagnosticSeverity::WARNING,
        }),
        code: Some(NumberOrString::String(d.code.as_str().to_owned())),
        code_description: ws
            .cache
            .as_ref()
            .and_then(|c| c.doc_uri(d.code))
            .map(|href| CodeDescription { href }),
        source: Some("rileva".to_owned()),
        message: message(d),
        related_information: (!related.is_empty()).then_some(related),
        tags: None,
        data: None,
    })
}
