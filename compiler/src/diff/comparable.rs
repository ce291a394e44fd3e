//! Comparison stage, across versions: which questions of two versions of a survey measure the
//! same thing, so that their answers may be pooled (the `<survey>_all` view of
//! `rileva diff --sql`, the merged figures of `rileva report`; docs/versions.md). A question
//! is comparable when it keeps its id, its type, its wording in the default language and its
//! codes (values, labels in the default language, which are missing codes). Bounds may move
//! (a `number` range, `text max`): an answer still means what it meant.

use crate::conformance::StandardSpec;
use crate::ir::{Question, Survey};

/// The order of versions: `1.10.0` after `1.9.0`; a part that is not a number counts as 0.
pub fn version_key(version: &str) -> Vec<u64> {
    version.split('.').map(|p| p.parse().unwrap_or(0)).collect()
}

/// Two versions of a standard (`rileva diff` of two files that each define one): its locked
/// questions, module by module, compared as two versions of a survey are, so that each
/// change says what a conforming survey's next version must take on. The report names the
/// standard and its versions.
pub fn compare_standards(old: &StandardSpec, new: &StandardSpec) -> super::Report {
    let as_survey = |s: &StandardSpec| {
        let locked: Vec<Question> = s
            .modules
            .iter()
            .flat_map(|(_, questions)| questions.iter().filter(|q| q.locked).cloned())
            .collect();
        let mut survey = crate::ir_builder::survey(&s.name, locked);
        survey.version = s.version.clone();
        survey.languages = s.languages.clone();
        survey.channels = s.channels.clone();
        survey
    };
    super::compare(&as_survey(old), &as_survey(new))
}

/// Why question `id` of `old` cannot be pooled with the same question of `new`, in one
/// sentence; `None` when it can. Texts are compared in each version's default language.
pub fn not_comparable(old: &Survey, new: &Survey, id: &str) -> Option<String> {
    let (Some(a), Some(b)) = (old.question(id), new.question(id)) else {
        let missing = if old.question(id).is_none() { old } else { new };
        return Some(format!("version {} does not ask it", missing.version));
    };
    let (la, lb) = (old.default_language(), new.default_language());
    let between = format!("between {} and {}", old.version, new.version);
    if a.kind != b.kind {
        return Some(format!(
            "its type changed {between} ({} -> {})",
            a.kind.as_str(),
            b.kind.as_str()
        ));
    }
    if a.wording.get(la) != b.wording.get(lb) {
        return Some(format!("its wording changed {between}"));
    }
    if let Some(why) = codes_differ(a, b, la, lb) {
        return Some(format!("{why} {between}"));
    }
    None
}

fn codes_differ(a: &Question, b: &Question, la: &str, lb: &str) -> Option<String> {
    let values = |q: &Question| q.codes.iter().map(|c| c.value).collect::<Vec<_>>();
    let (mut va, mut vb) = (values(a), values(b));
    va.sort_unstable();
    vb.sort_unstable();
    if va != vb {
        return Some("its codes changed".to_owned());
    }
    for code in &a.codes {
        let other = b.code(code.value)?;
        if code.label.get(la) != other.label.get(lb) {
            return Some(format!("the label of code {} changed", code.value));
        }
        if code.missing != other.missing {
            return Some(format!(
                "code {} became or stopped being a missing code",
                code.value
            ));
        }
    }
    None
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn versions_sort_by_number() {
        let mut v = vec!["1.10.0", "1.9.0", "2.0.0", "1.0.0"];
        v.sort_by_key(|v| version_key(v));
        assert_eq!(v, ["1.0.0", "1.9.0", "1.10.0", "2.0.0"]);
    }
}
