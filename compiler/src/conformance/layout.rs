//! Conformance stage, shared by R0401-R0403: where each survey question comes from.
//!
//! A question belongs to a module of the standard when the survey brought it in by `use`
//! (`question.module` is `istat.cx.core`), or when the survey reproduces it: a question of its
//! own with the id of a module question (a migrated legacy questionnaire). A reproduced
//! required question that was renamed is recognised by its place: an unmatched question of
//! the survey standing exactly where the missing one belongs (right after the module's
//! previous question, or right before its next one). Every other question is extra.

use super::spec::{ProfileSpec, StandardSpec};
use crate::ir::{Question, Survey};

/// Where one survey question comes from.
#[derive(Debug, Clone, Copy, PartialEq)]
pub enum Source<'a> {
    /// From module `module` of the standard; `original` is the standard's question.
    Module {
        module: &'a str,
        /// Its index in the profile's `require`, `None` for an allowed module.
        required: Option<usize>,
        original: &'a Question,
        /// Written out in the survey rather than brought in by `use`.
        reproduced: bool,
    },
    /// Added by the agency; `module` names the module it was used from, if any.
    Extra { module: Option<&'a str> },
}

#[derive(Debug, Clone, Copy, PartialEq)]
pub struct Placement<'a> {
    pub question: &'a Question,
    pub source: Source<'a>,
}

/// Every survey question in order, with its source.
#[derive(Debug, Clone)]
pub struct Layout<'a> {
    pub placements: Vec<Placement<'a>>,
}

impl<'a> Layout<'a> {
    pub fn new(survey: &'a Survey, standard: &'a StandardSpec, profile: &'a ProfileSpec) -> Self {
        let modules = profile_modules(standard, profile);
        let placements = survey
            .questions
            .iter()
            .map(|q| Placement {
                question: q,
                source: classify(q, &standard.package, &modules),
            })
            .collect();
        let mut layout = Layout { placements };
        layout.pair_renamed(&modules);
        layout
    }

    /// Survey positions of the questions of required module `index`, in survey order.
    pub fn positions_of_required(&self, index: usize) -> Vec<usize> {
        self.positions(|s| matches!(s, Source::Module { required: Some(i), .. } if *i == index))
    }

    /// Survey positions of the questions whose source matches `pred`.
    pub fn positions(&self, pred: impl Fn(&Source<'a>) -> bool) -> Vec<usize> {
        (0..self.placements.len())
            .filter(|&i| self.placements.get(i).is_some_and(|p| pred(&p.source)))
            .collect()
    }

    /// The last survey position of a required question, if any is present.
    pub fn last_required(&self) -> Option<usize> {
        self.positions(|s| {
            matches!(
                s,
                Source::Module {
                    required: Some(_),
                    ..
                }
            )
        })
        .last()
        .copied()
    }

    /// Where the reproduced original `original` of required module `index` stands.
    fn position_of(&self, original: &Question) -> Option<usize> {
        self.placements
            .iter()
            .position(|p| matches!(p.source, Source::Module { original: o, .. } if std::ptr::eq(o, original)))
    }

    /// Pair each missing question of a reproduced required module with an unmatched survey
    /// question standing in its place (a renamed question, reported by R0402).
    fn pair_renamed(&mut self, modules: &[ModuleRef<'a>]) {
        for module in modules.iter().filter(|m| m.required.is_some()) {
            let reproduced = self.placements.iter().any(
                |p| matches!(p.source, Source::Module { module: m, reproduced: true, .. } if m == module.name),
            );
            if !reproduced {
                continue;
            }
            for (k, original) in module.questions.iter().enumerate() {
                if self.position_of(original).is_some() {
                    continue;
                }
                let after = k
                    .checked_sub(1)
                    .and_then(|j| module.questions.get(j))
                    .and_then(|prev| self.position_of(prev))
                    .map(|p| p + 1);
                let before = module
                    .questions
                    .get(k + 1)
                    .and_then(|next| self.position_of(next))
                    .and_then(|p| p.checked_sub(1));
                let slot = after.or(before).and_then(|p| self.placements.get_mut(p));
                if let Some(slot) = slot {
                    if slot.source == (Source::Extra { module: None }) {
                        slot.source = Source::Module {
                            module: module.name,
                            required: module.required,
                            original,
                            reproduced: true,
                        };
                    }
                }
            }
        }
    }
}

/// A module the profile requires or allows.
struct ModuleRef<'a> {
    name: &'a str,
    required: Option<usize>,
    questions: &'a [Question],
}

fn profile_modules<'a>(standard: &'a StandardSpec, profile: &'a ProfileSpec) -> Vec<ModuleRef<'a>> {
    let required = profile.require.iter().enumerate().map(|(i, m)| (m, Some(i)));
    let allowed = profile.allow.iter().map(|m| (m, None));
    required
        .chain(allowed)
        .filter_map(|(name, required)| {
            standard.module(name).map(|questions| ModuleRef {
                name: name.as_str(),
                required,
                questions,
            })
        })
        .collect()
}

fn classify<'a>(question: &'a Question, standard: &str, modules: &[ModuleRef<'a>]) -> Source<'a> {
    let Some(used) = &question.module else {
        return reproduced(question, modules);
    };
    let short = used
        .strip_prefix(standard)
        .and_then(|rest| rest.strip_prefix('.'));
    let module = short.and_then(|s| modules.iter().find(|m| m.name == s));
    let original = module.and_then(|m| m.questions.iter().find(|o| o.id == question.id));
    match (module, original) {
        (Some(m), Some(original)) => Source::Module {
            module: m.name,
            required: m.required,
            original,
            reproduced: false,
        },
        _ => Source::Extra {
            module: Some(used.as_str()),
        },
    }
}

fn reproduced<'a>(question: &'a Question, modules: &[ModuleRef<'a>]) -> Source<'a> {
    for m in modules {
        if let Some(original) = m.questions.iter().find(|o| o.id == question.id) {
            return Source::Module {
                module: m.name,
                required: m.required,
                original,
                reproduced: true,
            };
        }
    }
    Source::Extra { module: None }
}
