//! Comparison stage (`rileva diff`): two checked surveys, old and new, compared on the IR
//! (so it sees through `use`, imports and translation blocks), every difference classified
//! as breaking or compatible. Target-neutral: no file I/O, no rendering.
//!
//! A change is **breaking** when stored data or comparability changes: a response valid for
//! the old version may be rejected by the new one, a stored column goes away, or the same
//! code would mean something else. Texts are compared in the *reference language*: the old
//! default language (or, when the new version dropped it, the first language both offer).
//!
//! Breaking:
//! - survey id changed (responses and tables are named after it; the rest is still compared);
//! - language or survey channel removed; agency or service code changed (the responses would
//!   describe another administration or service);
//! - question removed, or renamed (found by the same type, codes and reference wording);
//! - question type changed; `rating` stars changed;
//! - question wording changed in the reference language;
//! - a code removed; a code's label changed in the reference language; a code became or
//!   stopped being a `missing` code; a code lost `specify`;
//! - a non-missing code added to an ordinal question (`scale`, `faces`, `nps`): the points of
//!   the scale change;
//! - `number` range narrowed (either bound moved inwards); `text max` reduced; `multi` `min`
//!   raised or `max` reduced;
//! - a question became required, or was added as required;
//! - routing changed: `show if` added, removed or altered;
//! - a question no longer asked on a channel the survey keeps;
//! - a `check` added or its condition changed (a changed condition is one check removed and
//!   one added);
//! - a site removed (`sites`): responses collected there would be rejected;
//! - the positive codes of a question changed (a scale's `positive`, or the default rule
//!   through its codes): its share of positive answers is no longer comparable.
//!
//! Compatible:
//! - a question added as optional; a question moved; moved to another section or module;
//! - a code added to a nominal question (`choice`, `multi`, `yesno`) or a missing code added;
//!   codes reordered; codes now taken from another list; a code gained `specify`;
//! - wording or labels changed only in other languages, or translations added;
//! - help, title, sections, documentation, kiosk settings changed;
//! - a language or channel added; the default language changed; agency or service kind,
//!   conformance, `anonymous`, `personal` or `locked` changed;
//! - range widened; `text max` raised; `min` lowered or `max` raised; a question no longer
//!   required, or asked on more of the survey's channels; a `check` removed or its message
//!   changed; a site added or relabelled.
//!
//! Changes come in survey order: header, then questions in the new order (a removed question
//! where it stood), then checks.

mod checks;
mod codes;
pub mod comparable;
mod header;
mod matching;
mod question;
mod sites;
#[cfg(test)]
mod tests;
pub(crate) mod words;

use crate::ir::{Survey, Text};
pub use comparable::{compare_standards, not_comparable, version_key};
use serde::Serialize;
use std::collections::BTreeMap;
use words::TextChange;

/// Whether a change can invalidate stored data or comparability.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
#[serde(rename_all = "lowercase")]
pub enum Impact {
    Breaking,
    Compatible,
}

impl Impact {
    pub fn as_str(self) -> &'static str {
        match self {
            Impact::Breaking => "breaking",
            Impact::Compatible => "compatible",
        }
    }
}

/// One difference between the versions.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct Change {
    pub kind: Impact,
    /// The question it is about (the new id of a renamed one); `None` for the survey.
    pub question: Option<String>,
    /// One sentence, naming the question when there is one.
    pub message: String,
}

/// Which survey a side of the comparison is.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct Side {
    pub id: String,
    pub version: String,
}

/// The comparison of two versions.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct Report {
    pub old: Side,
    pub new: Side,
    pub changes: Vec<Change>,
    /// A breaking change exists, so the new version needs a greater major version.
    pub requires_major: bool,
    /// No breaking change, or the major version was raised (exit status 0).
    pub ok: bool,
}

impl Report {
    pub fn count(&self, kind: Impact) -> usize {
        self.changes.iter().filter(|c| c.kind == kind).count()
    }

    /// The smallest version that would make the breaking changes acceptable: `2.0.0`.
    pub fn needed_version(&self) -> String {
        let major = major(&self.old.version).unwrap_or(0);
        format!("{}.0.0", major.saturating_add(1))
    }
}

/// The major component of a version: `1` of `1.2.0`.
pub fn major(version: &str) -> Option<u64> {
    version.split('.').next()?.parse().ok()
}

/// Compare two versions of a survey.
pub fn compare(old: &Survey, new: &Survey) -> Report {
    let matched = matching::match_questions(old, new, &reference_language(old, new));
    let cx = Context {
        old,
        new,
        reference: reference_language(old, new),
        languages: old
            .languages
            .iter()
            .filter(|l| new.languages.contains(l))
            .cloned()
            .collect(),
        renames: matched.renames(),
    };
    let mut changes = Changes::default();
    header::compare(&cx, &mut changes);
    sites::compare(&cx, &mut changes);
    for slot in &matched.slots {
        question::compare_slot(&cx, slot, &mut changes);
    }
    checks::compare(&cx, &mut changes);
    let changes = changes.0;
    let requires_major = changes.iter().any(|c| c.kind == Impact::Breaking);
    let raised = matches!((major(&old.version), major(&new.version)), (Some(a), Some(b)) if b > a);
    Report {
        old: side(old),
        new: side(new),
        changes,
        requires_major,
        ok: !requires_major || raised,
    }
}

fn side(s: &Survey) -> Side {
    Side {
        id: s.id.clone(),
        version: s.version.clone(),
    }
}

/// The language texts are compared in: the old default, else the first both offer.
fn reference_language(old: &Survey, new: &Survey) -> String {
    let default = old.default_language();
    if new.languages.iter().any(|l| l == default) {
        return default.to_owned();
    }
    old.languages
        .iter()
        .find(|l| new.languages.contains(l))
        .map_or_else(|| new.default_language().to_owned(), Clone::clone)
}

/// What every comparison reads.
pub(crate) struct Context<'a> {
    pub old: &'a Survey,
    pub new: &'a Survey,
    pub reference: String,
    /// The languages both versions offer, in the old order.
    pub languages: Vec<String>,
    /// Old question id -> new id, for renamed questions.
    pub renames: BTreeMap<String, String>,
}

impl Context<'_> {
    /// How a text changed, in the reference language, else in the languages both offer.
    pub fn text_change<'t>(&'t self, old: &'t Text, new: &'t Text) -> TextChange<'t> {
        words::text_change(old, new, &self.reference, &self.languages)
    }
}

/// The changes found so far, in order.
#[derive(Debug, Default)]
pub(crate) struct Changes(pub Vec<Change>);

impl Changes {
    pub fn breaking(&mut self, question: Option<&str>, message: String) {
        self.push(Impact::Breaking, question, message);
    }

    pub fn compatible(&mut self, question: Option<&str>, message: String) {
        self.push(Impact::Compatible, question, message);
    }

    pub fn push(&mut self, kind: Impact, question: Option<&str>, message: String) {
        self.0.push(Change {
            kind,
            question: question.map(str::to_owned),
            message,
        });
    }
}
