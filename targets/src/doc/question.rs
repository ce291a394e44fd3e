//! Doc target, one question as the document shows it: its wording and help in every
//! language side by side, its codes with their labels, and its properties in words
//! (required, routing, channels, bounds, locked and by which standard, doc comment).

use super::i18n::{fill, Strings};
use super::view::{channel_names, lang_texts, locking_standard, LangText};
use super::words;
use crate::fragment::{same_option, same_str, same_strs, Fragment, Slots};
use rileva_compiler::ir::{Question, QuestionKind, Survey};
use rileva_compiler::response::DEFAULT_TEXT_MAX_CHARS;
use serde::Serialize;
use std::borrow::Cow;

#[derive(Debug, Serialize)]
pub struct QuestionView<'s> {
    /// The question's place in the survey, from 1 (a text, so that it fills a slot).
    pub number: String,
    pub id: String,
    pub anchor: String,
    pub kind: &'static str,
    pub required: bool,
    pub locked: bool,
    pub wording: Vec<LangText<'s>>,
    pub help: Option<Vec<LangText<'s>>>,
    pub codes: Vec<CodeView<'s>>,
    /// Sentences about the question: routing, channels, bounds, module, lock.
    pub facts: Vec<String>,
    pub note: Option<String>,
}

#[derive(Debug, Serialize)]
pub struct CodeView<'s> {
    pub value: i64,
    pub labels: Vec<LangText<'s>>,
    pub flags: String,
}

/// The derived `==`, comparing strings by [`same_str`]: every field is named, so a new one
/// cannot be left out of a shape's comparison.
impl PartialEq for QuestionView<'_> {
    fn eq(&self, other: &Self) -> bool {
        let QuestionView {
            number,
            id,
            anchor,
            kind,
            required,
            locked,
            wording,
            help,
            codes,
            facts,
            note,
        } = self;
        same_str(number, &other.number)
            && same_str(id, &other.id)
            && same_str(anchor, &other.anchor)
            && same_str(kind, other.kind)
            && *required == other.required
            && *locked == other.locked
            && *wording == other.wording
            && *help == other.help
            && *codes == other.codes
            && same_strs(facts, &other.facts)
            && same_option(note, &other.note)
    }
}

impl Eq for QuestionView<'_> {}

impl PartialEq for CodeView<'_> {
    fn eq(&self, other: &Self) -> bool {
        let CodeView { value, labels, flags } = self;
        *value == other.value && *labels == other.labels && same_str(flags, &other.flags)
    }
}

impl Eq for CodeView<'_> {}

/// `question.html` is rendered once per shape of question (`crate::fragment`).
impl<'s> Fragment for QuestionView<'s> {
    fn shape<'a>(&'a self, slots: &mut Slots<'a>) -> Self {
        QuestionView {
            number: slots.text(&self.number),
            id: slots.text(&self.id),
            anchor: slots.text(&self.anchor),
            kind: self.kind,
            required: self.required,
            locked: self.locked,
            wording: lang_text_shapes(&self.wording, slots),
            help: self.help.as_ref().map(|h| lang_text_shapes(h, slots)),
            codes: self
                .codes
                .iter()
                .map(|c| CodeView {
                    value: c.value,
                    labels: lang_text_shapes(&c.labels, slots),
                    flags: slots.text(&c.flags),
                })
                .collect(),
            facts: self.facts.iter().map(|f| slots.text(f)).collect(),
            note: slots.option(&self.note),
        }
    }
}

/// The texts' shapes: each language is kept (the survey's few, the same in every question),
/// each text is a slot.
fn lang_text_shapes<'a, 's>(texts: &'a [LangText<'s>], slots: &mut Slots<'a>) -> Vec<LangText<'s>> {
    texts
        .iter()
        .map(|t| LangText {
            lang: t.lang.clone(),
            text: Cow::Owned(slots.text(&t.text)),
        })
        .collect()
}

pub fn question_view<'s>(
    survey: &'s Survey,
    q: &'s Question,
    number: usize,
    lang: &str,
    ui: &Strings,
) -> QuestionView<'s> {
    let help = q
        .help
        .as_ref()
        .map(|h| lang_texts(survey, h))
        .filter(|texts| texts.iter().any(|t| !t.text.is_empty()));
    QuestionView {
        number: number.to_string(),
        id: q.id.clone(),
        anchor: format!("q-{}", q.id),
        kind: ui.kinds[kind_index(q.kind)],
        required: q.required,
        locked: q.locked,
        wording: lang_texts(survey, &q.wording),
        help,
        codes: q
            .codes
            .iter()
            .map(|c| {
                let mut flags = Vec::new();
                if c.missing {
                    flags.push(ui.missing);
                }
                if c.specify {
                    flags.push(ui.specify);
                }
                CodeView {
                    value: c.value,
                    labels: lang_texts(survey, &c.label),
                    flags: flags.join("; "),
                }
            })
            .collect(),
        facts: facts(survey, q, lang, ui),
        note: q
            .doc
            .as_deref()
            .map(str::trim)
            .filter(|d| !d.is_empty())
            .map(str::to_owned),
    }
}

fn kind_index(kind: QuestionKind) -> usize {
    match kind {
        QuestionKind::Scale => 0,
        QuestionKind::Choice => 1,
        QuestionKind::Multi => 2,
        QuestionKind::Faces => 3,
        QuestionKind::Rating => 4,
        QuestionKind::Nps => 5,
        QuestionKind::Yesno => 6,
        QuestionKind::Number => 7,
        QuestionKind::Text => 8,
    }
}

fn facts(survey: &Survey, q: &Question, lang: &str, ui: &Strings) -> Vec<String> {
    let mut out = vec![match &q.show_if {
        Some(expr) => words::routing(survey, expr, lang, ui),
        None => ui.always_asked.to_owned(),
    }];
    if q.channels != survey.channels {
        out.push(fill(ui.asked_on, &[("c", &channel_names(ui, &q.channels))]));
    }
    if let Some(range) = q.range {
        out.push(fill(
            ui.range,
            &[("min", &range.min.to_string()), ("max", &range.max.to_string())],
        ));
    }
    if q.kind == QuestionKind::Text {
        let most = q.max_length.unwrap_or(DEFAULT_TEXT_MAX_CHARS).to_string();
        out.push(fill(ui.max_length, &[("n", &most)]));
    }
    if q.kind == QuestionKind::Multi {
        let least = q.min_picks.unwrap_or(1).to_string();
        let most = q
            .max_picks
            .map_or_else(|| q.codes.len().to_string(), |m| m.to_string());
        out.push(fill(ui.picks, &[("min", &least), ("max", &most)]));
    }
    if let Some(list) = &q.code_list {
        out.push(fill(ui.code_list, &[("l", list)]));
    }
    if q.personal {
        out.push(ui.personal.to_owned());
    }
    match (&q.module, q.locked) {
        (Some(m), true) => out.push(fill(
            ui.locked_by,
            &[("s", &locking_standard(survey, m)), ("m", m)],
        )),
        (Some(m), false) => out.push(fill(ui.from_module, &[("m", m)])),
        (None, _) => {}
    }
    out
}
