//! HTML target, view model of one question: its control, ids, labels, hints and the
//! condition in words. Ids are derived from the question id (`[a-z0-9_]`), so they never
//! clash: `q-<id>` wraps the question, `<id>-<code>` is an option, `<id>-help` its help.

use super::i18n::{fill, Strings};
use super::theme::Theme;
use super::view::is_feedback_question;
use super::words::{answer_label, condition_sentence};
use crate::fragment::{same_option, same_str, Fragment, Slots};
use rileva_compiler::ir::{Question, QuestionKind, Survey};
use rileva_compiler::response::SPECIFY_MAX_CHARS;
use serde::Serialize;
use std::borrow::Cow;

/// How a question is answered on the page.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize)]
#[serde(rename_all = "lowercase")]
pub enum Control {
    /// One code: a radio group.
    Radios,
    /// One star of N (Bootstrap Italia `fieldset.rating`).
    Stars,
    /// A set of codes: a checkbox group.
    Checkboxes,
    Number,
    /// Free text in a `<textarea>`.
    Textarea,
    /// Free text in a one-line `<input>` (the Designers Italia detail field).
    Line,
}

/// The part a question plays in the Designers Italia rating component.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize)]
#[serde(rename_all = "lowercase")]
pub enum FeedbackRole {
    Rating,
    Positive,
    Negative,
    Text,
}

/// A question's view; its own texts borrowed from the IR (owned only when a fragment's
/// placeholder or made for the page).
#[derive(Debug, Serialize)]
pub struct QuestionView<'s> {
    pub id: Cow<'s, str>,
    pub control: Control,
    pub wording: Cow<'s, str>,
    pub help: Option<Cow<'s, str>>,
    pub required: bool,
    /// The browser may enforce `required` itself: required and always asked.
    pub native_required: bool,
    /// When to answer, in words (only for routed questions).
    pub condition: Option<String>,
    /// A hint on the expected answer (number range, most picks, most characters).
    pub hint: Option<String>,
    /// Ids of help, hint and condition, for `aria-describedby`.
    pub describedby: String,
    pub options: Vec<OptionView<'s>>,
    /// Inline options (`nps`, stars of a plain-theme rating) instead of a column.
    pub inline: bool,
    pub min: Option<i64>,
    pub max: Option<i64>,
    pub max_length: Option<u32>,
    pub feedback: Option<FeedbackRole>,
    /// Hidden group label of the stars, only for the Designers Italia rating (whose legend
    /// is not the wording).
    pub stars_label: Option<Cow<'s, str>>,
    /// Label of the text field when the wording is the group's legend (feedback detail).
    pub field_label: Option<Cow<'s, str>>,
}

#[derive(Debug, Serialize)]
pub struct OptionView<'s> {
    pub value: i64,
    pub label: Cow<'s, str>,
    pub specify: Option<SpecifyView>,
}

/// The free-text field of an option marked `specify`: `<q>_<code>_text`.
#[derive(Debug, Serialize)]
pub struct SpecifyView {
    pub name: String,
    pub label: String,
    /// The most characters `rileva validate` accepts in a specify text.
    pub max_length: u32,
}

/// The derived `==`, comparing strings by [`same_str`]: every field is named, so a new one
/// cannot be left out of a shape's comparison.
impl PartialEq for QuestionView<'_> {
    fn eq(&self, other: &Self) -> bool {
        let QuestionView {
            id,
            control,
            wording,
            help,
            required,
            native_required,
            condition,
            hint,
            describedby,
            options,
            inline,
            min,
            max,
            max_length,
            feedback,
            stars_label,
            field_label,
        } = self;
        same_str(id, &other.id)
            && *control == other.control
            && same_str(wording, &other.wording)
            && same_option(help, &other.help)
            && *required == other.required
            && *native_required == other.native_required
            && same_option(condition, &other.condition)
            && same_option(hint, &other.hint)
            && same_str(describedby, &other.describedby)
            && *options == other.options
            && *inline == other.inline
            && *min == other.min
            && *max == other.max
            && *max_length == other.max_length
            && *feedback == other.feedback
            && same_option(stars_label, &other.stars_label)
            && same_option(field_label, &other.field_label)
    }
}

impl Eq for QuestionView<'_> {}

impl PartialEq for OptionView<'_> {
    fn eq(&self, other: &Self) -> bool {
        let OptionView {
            value,
            label,
            specify,
        } = self;
        *value == other.value && same_str(label, &other.label) && *specify == other.specify
    }
}

impl Eq for OptionView<'_> {}

impl PartialEq for SpecifyView {
    fn eq(&self, other: &Self) -> bool {
        let SpecifyView {
            name,
            label,
            max_length,
        } = self;
        same_str(name, &other.name) && same_str(label, &other.label) && *max_length == other.max_length
    }
}

impl Eq for SpecifyView {}

/// `question.html` is rendered once per shape of question (`crate::fragment`).
impl Fragment for QuestionView<'_> {
    fn shape<'a>(&'a self, slots: &mut Slots<'a>) -> Self {
        QuestionView {
            id: slots.text(&self.id),
            control: self.control,
            wording: slots.text(&self.wording),
            help: slots.option(&self.help),
            required: self.required,
            native_required: self.native_required,
            condition: slots.option(&self.condition),
            hint: slots.option(&self.hint),
            describedby: slots.text(&self.describedby),
            options: self
                .options
                .iter()
                .map(|o| OptionView {
                    value: o.value,
                    label: slots.text(&o.label),
                    specify: o.specify.as_ref().map(|s| SpecifyView {
                        name: slots.text(&s.name),
                        label: slots.text(&s.label),
                        max_length: s.max_length,
                    }),
                })
                .collect(),
            inline: self.inline,
            min: self.min,
            max: self.max,
            max_length: self.max_length,
            feedback: self.feedback,
            stars_label: slots.option(&self.stars_label),
            field_label: slots.option(&self.field_label),
        }
    }
}

pub fn question_view<'s>(
    survey: &Survey,
    question: &'s Question,
    lang: &str,
    ui: &'s Strings,
    theme: Theme,
) -> QuestionView<'s> {
    let feedback = feedback_role(question, theme);
    let control = control(question, theme, feedback);
    let help = question
        .help
        .as_ref()
        .map(|h| Cow::Borrowed(h.get(lang).trim()))
        .filter(|h| !h.is_empty());
    let condition = question
        .show_if
        .as_ref()
        .map(|expr| condition_sentence(survey, expr, lang, ui));
    let hint = hint(question, ui);
    let describedby = [
        help.as_ref().map(|_| format!("{}-help", question.id)),
        hint.as_ref().map(|_| format!("{}-hint", question.id)),
        condition.as_ref().map(|_| format!("{}-cond", question.id)),
    ]
    .into_iter()
    .flatten()
    .collect::<Vec<_>>()
    .join(" ");
    QuestionView {
        id: Cow::Borrowed(&question.id),
        control,
        wording: Cow::Borrowed(question.wording.get(lang).trim()),
        help,
        required: question.required,
        native_required: question.required && question.show_if.is_none(),
        condition,
        hint,
        describedby,
        options: options(question, lang, ui, control),
        inline: matches!(question.kind, QuestionKind::Nps | QuestionKind::Rating),
        min: question.range.map(|r| r.min),
        max: question.range.map(|r| r.max),
        max_length: question.max_length,
        feedback,
        stars_label: (feedback == Some(FeedbackRole::Rating))
            .then_some(Cow::Borrowed(ui.feedback.stars_group)),
        field_label: (feedback == Some(FeedbackRole::Text))
            .then_some(Cow::Borrowed(ui.feedback.detail_label)),
    }
}

fn feedback_role(question: &Question, theme: Theme) -> Option<FeedbackRole> {
    if theme != Theme::BootstrapItalia || !is_feedback_question(question) {
        return None;
    }
    match question.id.as_str() {
        "valutazione" => Some(FeedbackRole::Rating),
        "aspetti_positivi" => Some(FeedbackRole::Positive),
        "difficolta" => Some(FeedbackRole::Negative),
        "dettagli" => Some(FeedbackRole::Text),
        _ => None,
    }
}

fn control(question: &Question, theme: Theme, feedback: Option<FeedbackRole>) -> Control {
    match question.kind {
        QuestionKind::Multi => Control::Checkboxes,
        QuestionKind::Number => Control::Number,
        QuestionKind::Text if feedback == Some(FeedbackRole::Text) => Control::Line,
        QuestionKind::Text => Control::Textarea,
        QuestionKind::Rating if theme == Theme::BootstrapItalia => Control::Stars,
        _ => Control::Radios,
    }
}

fn options<'s>(question: &'s Question, lang: &str, ui: &Strings, control: Control) -> Vec<OptionView<'s>> {
    let top = highest_code(question);
    let mut options: Vec<OptionView<'s>> = question
        .codes
        .iter()
        .map(|code| {
            let label = answer_label(question, code, lang, ui);
            let specify = code.specify.then(|| SpecifyView {
                name: question.specify_key(code.value),
                label: fill(ui.specify, &[("label", &label)]),
                max_length: SPECIFY_MAX_CHARS,
            });
            OptionView {
                value: code.value,
                label,
                specify,
            }
        })
        .collect();
    if control == Control::Stars {
        // Bootstrap Italia's rating lists the stars from the highest down.
        options.reverse();
        for option in &mut options {
            option.label = Cow::Owned(star_label(question, ui, option.value, &top));
        }
    }
    options
}

/// The highest code of the question, as the stars say it ("3 out of 5"); 0 without codes.
fn highest_code(question: &Question) -> String {
    question
        .codes
        .iter()
        .map(|c| c.value)
        .max()
        .unwrap_or(0)
        .to_string()
}

fn star_label(question: &Question, ui: &Strings, value: i64, top: &str) -> String {
    let n = value.to_string();
    if is_feedback_question(question) {
        fill(ui.feedback.star, &[("n", &n)])
    } else {
        fill(ui.out_of, &[("n", &n), ("max", top)])
    }
}

/// A hint on the expected answer. The number range is always said (the field cannot show
/// it); the most picks and the most characters only when the author wrote no help, which
/// usually says it already.
fn hint(question: &Question, ui: &Strings) -> Option<String> {
    let has_help = question.help.is_some();
    match question.kind {
        QuestionKind::Number => question.range.map(|r| {
            fill(
                ui.hint_number,
                &[("min", &r.min.to_string()), ("max", &r.max.to_string())],
            )
        }),
        QuestionKind::Multi if !has_help => question
            .max_picks
            .filter(|max| (*max as usize) < question.codes.len())
            .map(|max| match max {
                1 => ui.hint_max_one.to_owned(),
                _ => fill(ui.hint_max_picks, &[("max", &max.to_string())]),
            }),
        QuestionKind::Text if !has_help => question
            .max_length
            .map(|max| fill(ui.hint_max_length, &[("max", &max.to_string())])),
        _ => None,
    }
}
