//! Resolve stage: the modules of an input file as one unit, so that a standard's author who
//! runs `rileva check` on the package gets the question rules (names in routing, operators,
//! codes, bounds, identifiers, translations into the standard's languages) without a survey.
//! Modules of one package may route on each other's questions, so they are judged together.

use super::expand::Expander;
use super::header::{channels, languages};
use super::model::{FileIdx, Header, SurveyDef, UnitKind};
use super::scope::Scope;
use super::survey::report_unknown_questions;
use crate::diagnostics::Diagnostics;
use crate::ir::Channel;
use crate::syntax::ast;
use std::collections::BTreeSet;
use std::sync::Arc;

/// The unit of the modules of `file`, or `None` when it has none.
pub fn package_unit(
    scope: &Scope<'_>,
    file: FileIdx,
    used_lists: &mut BTreeSet<usize>,
    sink: &mut Diagnostics,
) -> Option<SurveyDef> {
    let loaded = scope.files.get(file)?;
    let modules: Vec<usize> = (0..scope.modules.len())
        .filter(|&m| scope.modules.get(m).is_some_and(|d| d.file == file))
        .collect();
    let first = scope.modules.get(*modules.first()?)?;
    let mut unit = SurveyDef {
        kind: UnitKind::Package,
        id: loaded.package().unwrap_or("modules").to_owned(),
        file,
        ast: Arc::new(ast::Survey {
            name: ast::Path {
                segments: Vec::new(),
                span: first.ast.name.span,
            },
            header: Vec::new(),
            body: Vec::new(),
            doc: None,
            span: loaded.ast.span,
        }),
        header: standard_header(&loaded.ast, &loaded.default_language),
        questions: Vec::new(),
        sections: Vec::new(),
        checks: Vec::new(),
        uses: Vec::new(),
        unresolved_keys: Vec::new(),
    };
    for m in modules {
        let expanded = Expander::new(scope, used_lists, sink).module_alone(m);
        unit.questions.extend(expanded.questions);
        unit.sections.extend(expanded.sections);
        unit.checks.extend(expanded.checks);
        unit.unresolved_keys.extend(expanded.unresolved_keys);
    }
    report_unknown_questions(&unit, sink);
    Some(unit)
}

/// Languages and channels of the file's standard (quietly: the standard is not checked
/// here), else the file's default language and `web`.
fn standard_header(file: &ast::File, default_language: &str) -> Header {
    let mut header = Header {
        languages: vec![default_language.to_owned()],
        channels: vec![Channel::Web],
        ..Header::default()
    };
    let standard = file.items.iter().find_map(|i| match i {
        ast::Item::Standard(s) => Some(s),
        _ => None,
    });
    let mut quiet = Diagnostics::default();
    for stmt in standard.map(|s| s.statements.as_slice()).unwrap_or(&[]) {
        match stmt {
            ast::StandardStmt::Languages(ids, _) => {
                let found = languages(ids, &mut quiet);
                if !found.is_empty() {
                    header.languages = found;
                }
            }
            ast::StandardStmt::Channels(ids, _) => {
                let found = channels(ids, &mut quiet);
                if !found.is_empty() {
                    header.channels = found;
                }
            }
            _ => {}
        }
    }
    header
}
