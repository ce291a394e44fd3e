//! `--format sarif`: SARIF 2.1.0 logs that GitHub code scanning, GitLab and other CI
//! dashboards read (docs/ci.md §1), built on the `serde-sarif` object model: one run, the
//! `rileva` driver with one rule per code, results with regions, related locations and
//! fingerprints that survive unrelated edits. `check` ([`check_log`]) and `diff`
//! ([`diff_log`]) share the driver and the locations ([`location`]).

mod check;
mod diff;
mod location;

pub use check::check_log;
pub use diff::{diff_log, NewVersion};

use serde_sarif::sarif::{
    ArtifactLocation, Message, MultiformatMessageString, ReportingConfiguration, ReportingDescriptor, Run,
    Sarif, Tool, ToolComponent, Version, SCHEMA_URL,
};
use std::collections::BTreeMap;

/// Where the project lives: the driver's `informationUri` and the base of every `helpUri`.
pub const REPOSITORY: &str = env!("CARGO_PKG_REPOSITORY");

/// The log as pretty JSON, with a final newline.
pub fn to_json(log: &Sarif) -> String {
    let mut out = serde_json::to_string_pretty(log).unwrap_or_default();
    out.push('\n');
    out
}

/// One rule: `id`, a PascalCase `name`, the descriptions, the help and its address.
struct Rule<'a> {
    id: &'a str,
    title: &'a str,
    full: &'a str,
    help: &'a str,
    help_uri: String,
    level: &'static str,
}

fn rule(r: Rule<'_>) -> ReportingDescriptor {
    ReportingDescriptor::builder()
        .id(r.id)
        .name(pascal_case(r.title))
        .short_description(text(r.title))
        .full_description(text(r.full))
        .help(
            MultiformatMessageString::builder()
                .text(r.help)
                .markdown(r.help)
                .build(),
        )
        .help_uri(r.help_uri)
        .default_configuration(
            ReportingConfiguration::builder()
                .level(serde_json::Value::from(r.level))
                .build(),
        )
        .build()
}

fn text(s: &str) -> MultiformatMessageString {
    MultiformatMessageString::builder().text(s).build()
}

fn message(s: &str) -> Message {
    Message::builder().text(s).build()
}

/// The one run of a log: the `rileva` driver with `rules`, and `results`, columns counted
/// in characters (Unicode code points), as every rileva position is.
fn log(
    rules: Vec<ReportingDescriptor>,
    results: Vec<serde_sarif::sarif::Result>,
    bases: BTreeMap<String, ArtifactLocation>,
) -> Sarif {
    let driver = ToolComponent::builder()
        .name("rileva")
        .full_name(format!("rileva {}", env!("CARGO_PKG_VERSION")))
        .version(env!("CARGO_PKG_VERSION"))
        .semantic_version(env!("CARGO_PKG_VERSION"))
        .information_uri(REPOSITORY)
        .rules(rules)
        .build();
    let mut run = Run::builder()
        .tool(Tool::from(driver))
        .results(results)
        .column_kind(serde_json::Value::from("unicodeCodePoints"))
        .build();
    if !bases.is_empty() {
        run.original_uri_base_ids = Some(bases);
    }
    Sarif::builder()
        .schema(SCHEMA_URL)
        .version(serde_json::Value::from(Version::V2_1_0.to_string()))
        .runs(vec![run])
        .build()
}

/// `unknown name` -> `UnknownName`; `` `show if` names... `` -> `ShowIfNames...`.
fn pascal_case(title: &str) -> String {
    title
        .split(|c: char| !c.is_ascii_alphanumeric())
        .filter(|w| !w.is_empty())
        .map(|w| {
            let mut chars = w.chars();
            chars.next().map_or_else(String::new, |first| {
                first.to_ascii_uppercase().to_string() + chars.as_str()
            })
        })
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn rule_names_are_pascal_case() {
        assert_eq!(pascal_case("unknown name"), "UnknownName");
        assert_eq!(
            pascal_case("`show if` names a question asked later, or itself"),
            "ShowIfNamesAQuestionAskedLaterOrItself"
        );
    }
}
