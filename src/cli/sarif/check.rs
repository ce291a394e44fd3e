//! `rileva check --format sarif`: one result per diagnostic, one rule per code of the registry
//! (its title, the first paragraph and the whole of its `rileva explain` doc).

use super::location::{Fingerprints, Locator};
use super::{log, message, rule, Rule, REPOSITORY};
use rileva_compiler::diagnostics::{Code, Diagnostic, Severity};
use rileva_compiler::source::SourceMap;
use serde_sarif::sarif::{ReportingDescriptor, Result as SarifResult, ResultLevel, Sarif};

/// The log of the diagnostics of one or more compilations (`diff` compiles two files apart).
pub fn check_log(parts: &[(&SourceMap, &[Diagnostic])]) -> Sarif {
    let mut results = Vec::new();
    let mut bases = std::collections::BTreeMap::new();
    for (sources, diagnostics) in parts {
        let locator = Locator::new(sources);
        let mut fingerprints = Fingerprints::default();
        for d in diagnostics.iter() {
            results.push(result(&locator, &mut fingerprints, d));
        }
        let spans = diagnostics
            .iter()
            .flat_map(|d| std::iter::once(d.primary.span).chain(d.secondary.iter().map(|l| l.span)));
        bases.extend(locator.bases(spans));
    }
    log(rules(), results, bases)
}

/// Every code of the registry, in its order: `ruleIndex` is the position in [`Code::ALL`].
fn rules() -> Vec<ReportingDescriptor> {
    Code::ALL
        .iter()
        .map(|&code| {
            let doc = code.doc();
            rule(Rule {
                id: code.as_str(),
                title: code.title(),
                full: &first_paragraph(doc),
                help: doc,
                help_uri: format!(
                    "{REPOSITORY}/blob/main/compiler/src/diagnostics/docs/{}.md",
                    code.as_str()
                ),
                level: level_word(code.severity()),
            })
        })
        .collect()
}

fn level_word(severity: Severity) -> &'static str {
    match severity {
        Severity::Error => "error",
        Severity::Warning => "warning",
    }
}

/// The first paragraph of a code's doc below its title: what the code means.
fn first_paragraph(doc: &str) -> String {
    let body = doc
        .lines()
        .skip_while(|l| l.starts_with('#') || l.trim().is_empty());
    let lines: Vec<&str> = body
        .skip_while(|l| l.starts_with('#') || l.trim().is_empty())
        .take_while(|l| !l.trim().is_empty())
        .collect();
    lines.join(" ")
}

fn result(locator: &Locator<'_>, fingerprints: &mut Fingerprints, d: &Diagnostic) -> SarifResult {
    let sources = locator.sources();
    let mut text = d.message.clone();
    if let Some(help) = &d.help {
        text.push_str("\nhelp: ");
        text.push_str(help);
    }
    let primary = locator.location(d.primary.span, Some(&d.primary.message));
    let related: Vec<_> = d
        .secondary
        .iter()
        .enumerate()
        .map(|(i, l)| {
            let mut location = locator.location(l.span, Some(&l.message));
            location.id = Some(i64::try_from(i).unwrap_or(0));
            location
        })
        .collect();
    let file = &sources.get(d.primary.span.file).name;
    let snippet = sources.snippet(d.primary.span);
    let index = Code::ALL.iter().position(|&c| c == d.code).unwrap_or(0);
    let mut result = SarifResult::builder()
        .rule_id(d.code.as_str())
        .rule_index(i64::try_from(index).unwrap_or(0))
        .level(match d.severity {
            Severity::Error => ResultLevel::Error,
            Severity::Warning => ResultLevel::Warning,
        })
        .message(message(&text))
        .locations(vec![primary])
        .partial_fingerprints(fingerprints.next(&[d.code.as_str(), file, snippet, &d.message]))
        .build();
    if !related.is_empty() {
        result.related_locations = Some(related);
    }
    result
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_full_description_is_what_the_code_means() {
        let full = first_paragraph(Code::R0101.doc());
        assert!(
            full.starts_with("A name does not refer to anything visible from here"),
            "{full}"
        );
        assert!(!full.contains('\n'));
    }

    #[test]
    fn one_rule_per_code_with_its_help() {
        let rules = rules();
        assert_eq!(rules.len(), Code::ALL.len());
        let json = serde_json::to_value(&rules[0]).unwrap_or_default();
        assert_eq!(json["id"], "R0001");
        assert_eq!(json["help"]["markdown"], Code::R0001.doc());
        assert_eq!(json["defaultConfiguration"]["level"], "error");
    }
}
