//! Resolve stage: `conforms S V profile P` names a standard, one of its versions and a
//! profile; an unknown one is R0406. The modules of each standard a survey conforms to are
//! expanded on their own, as the standard defines them, for conformance.

use super::expand::Expander;
use super::model::{QuestionDef, StandardDef, StandardId, SurveyDef};
use super::scope::Scope;
use crate::diagnostics::{closest, Code, Diagnostic, Diagnostics};
use crate::syntax::ast;
use std::collections::BTreeSet;

/// A module of a standard's package with its questions, as the standard defines them.
#[derive(Debug, Clone)]
pub struct StandardModule {
    pub name: String,
    pub questions: Vec<QuestionDef>,
}

pub fn standard_version(standard: &ast::Standard) -> Option<&ast::Version> {
    standard.statements.iter().find_map(|s| match s {
        ast::StandardStmt::Version(v) => Some(v),
        _ => None,
    })
}

pub fn profiles(standard: &ast::Standard) -> impl Iterator<Item = &ast::Profile> {
    standard.statements.iter().filter_map(|s| match s {
        ast::StandardStmt::Profile(p) => Some(p),
        _ => None,
    })
}

/// Find the standard of `survey`'s `conforms`, reporting R0406; records it on the header.
pub fn resolve_conforms(survey: &mut SurveyDef, standards: &[StandardDef], sink: &mut Diagnostics) {
    let Some((path, version, profile)) = survey.ast.header.iter().find_map(|h| match h {
        ast::HeaderStmt::Conforms {
            standard,
            version,
            profile,
            ..
        } => Some((standard, version, profile)),
        _ => None,
    }) else {
        return;
    };
    let name = path.dotted();
    let named: Vec<(StandardId, &StandardDef)> = standards
        .iter()
        .enumerate()
        .filter(|(_, s)| s.name == name)
        .collect();
    if named.is_empty() {
        sink.push(unknown_standard(path, standards));
        return;
    }
    let Some((id, standard)) = named
        .iter()
        .find(|(_, s)| standard_version(&s.ast).is_some_and(|v| v.text == version.text))
    else {
        let versions: Vec<String> = named
            .iter()
            .filter_map(|(_, s)| standard_version(&s.ast).map(|v| format!("`{}`", v.text)))
            .collect();
        let mut d = Diagnostic::new(
            Code::R0406,
            format!("standard `{name}` has no version `{}`", version.text),
            version.span,
            "no such version",
        )
        .with_help(format!(
            "the known versions of `{name}`: {}; version {} would be the package `{name}_{}` of the standard library or a `--lib` folder",
            versions.join(", "),
            version.text,
            version.text.replace('.', "_")
        ));
        if let Some(v) = named.first().and_then(|(_, s)| standard_version(&s.ast)) {
            d = d.with_secondary(v.span, "the standard's version");
        }
        sink.push(d);
        return;
    };
    let names: Vec<&str> = profiles(&standard.ast).map(|p| p.name.name.as_str()).collect();
    if !names.contains(&profile.name.as_str()) {
        let d = Diagnostic::new(
            Code::R0406,
            format!(
                "standard `{name}` {} has no profile `{}`",
                version.text, profile.name
            ),
            profile.span,
            "no such profile",
        )
        .with_secondary(standard.ast.name.span, "the standard is defined here");
        let help = match closest(&profile.name, names.iter().copied()) {
            Some(near) => format!("did you mean `{near}`?"),
            None => format!("its profiles are: {}", names.join(", ")),
        };
        sink.push(d.with_help(help));
        return;
    }
    if let Some(c) = survey.header.conforms.as_mut() {
        c.standard = Some(*id);
    }
}

fn unknown_standard(path: &ast::Path, standards: &[StandardDef]) -> Diagnostic {
    let mut known: Vec<String> = standards.iter().map(|s| s.name.clone()).collect();
    // Standards of the stdlib not loaded: their package names are the standards' names.
    known.extend(crate::stdlib::PACKAGES.iter().map(|p| p.package.to_owned()));
    let name = path.dotted();
    let d = Diagnostic::new(
        Code::R0406,
        format!("unknown standard `{name}`"),
        path.span,
        "no standard has this name",
    );
    match closest(&name, known.iter().map(String::as_str)) {
        Some(near) => d.with_help(format!("did you mean `{near}`?")),
        None => d.with_help(
            "name a standard of the standard library or of a `--lib` folder, or remove `conforms`",
        ),
    }
}

/// The modules of the standard's package (its file), each expanded alone.
pub fn standard_modules(
    scope: &Scope<'_>,
    standard: &StandardDef,
    used_lists: &mut BTreeSet<usize>,
    sink: &mut Diagnostics,
) -> Vec<StandardModule> {
    scope
        .modules
        .iter()
        .enumerate()
        .filter(|(_, m)| m.file == standard.file)
        .map(|(id, m)| StandardModule {
            name: m.name.clone(),
            questions: Expander::new(scope, used_lists, sink).module_alone(id).questions,
        })
        .collect()
}

/// The names a standard of an input file writes: its languages and channels, each profile's
/// kinds (R0101 when unknown) and modules (`require`, `allow`: modules of its own file).
pub fn check_standard_names(scope: &Scope<'_>, standard: &StandardDef, sink: &mut Diagnostics) {
    for stmt in &standard.ast.statements {
        match stmt {
            ast::StandardStmt::Languages(ids, _) => {
                super::header::languages(ids, sink);
            }
            ast::StandardStmt::Channels(ids, _) => {
                super::header::channels(ids, sink);
            }
            ast::StandardStmt::Profile(p) => check_profile_names(scope, standard, p, sink),
            _ => {}
        }
    }
}

fn check_profile_names(scope: &Scope<'_>, standard: &StandardDef, p: &ast::Profile, sink: &mut Diagnostics) {
    let modules: Vec<&str> = scope
        .modules
        .iter()
        .filter(|m| m.file == standard.file)
        .map(|m| m.name.as_str())
        .collect();
    for stmt in &p.statements {
        match stmt {
            ast::ProfileStmt::ServiceKinds(ast::KindList::Kinds(ids), _) => {
                for id in ids {
                    scope.check_kind("service", standard.file, id, sink);
                }
            }
            ast::ProfileStmt::PaKinds(ast::KindList::Kinds(ids), _) => {
                for id in ids {
                    scope.check_kind("pa", standard.file, id, sink);
                }
            }
            ast::ProfileStmt::Require(ids, _) | ast::ProfileStmt::Allow(ids, _) => {
                for id in ids.iter().filter(|id| !modules.contains(&id.name.as_str())) {
                    let d = Diagnostic::new(
                        Code::R0101,
                        format!("unknown module `{}` in profile `{}`", id.name, p.name.name),
                        id.span,
                        format!("no module of `{}` has this name", standard.name),
                    );
                    let help = match closest(&id.name, modules.iter().copied()) {
                        Some(near) => format!("did you mean `{near}`?"),
                        None => "a profile names modules defined in the standard's own file".to_owned(),
                    };
                    sink.push(d.with_help(help));
                }
            }
            _ => {}
        }
    }
}
