//! HTML target, view model: the page of one survey in one language, as plain data the
//! templates lay out. Every decision (which control, which ids, which words) is made here;
//! the templates only place the values, escaped by minijinja.

use super::i18n::{strings, Strings};
use super::question::{question_view, QuestionView};
use super::theme::Theme;
use super::{assets, data};
use crate::Options;
use rileva_compiler::ir::{Channel, Question, Survey};
use serde::Serialize;
use serde_json::value::RawValue;

/// The module prefix of the Designers Italia rating component (`stdlib/designers_italia/valutazione.rileva`).
pub const FEEDBACK_MODULE_PREFIX: &str = "designers_italia.valutazione.";

/// One generated page.
#[derive(Debug, Serialize)]
pub struct Page<'s> {
    pub lang: String,
    pub title: String,
    pub theme: &'static str,
    pub bootstrap: bool,
    pub css: String,
    pub script: String,
    /// The JSON the script reads, already safe inside `<script type="application/json">`;
    /// spliced into the page by [`super::render`].
    #[serde(skip)]
    pub data_json: String,
    pub endpoint: String,
    pub ui: &'static Strings,
    /// The interface strings are in another language than the page (fallback to English).
    pub ui_lang_differs: bool,
    pub has_required: bool,
    pub thanks: String,
    /// Laid out by [`super::render`], one question at a time.
    #[serde(skip)]
    pub blocks: Vec<Block<'s>>,
}

/// A run of questions in the same section and, in the Bootstrap Italia theme, the same
/// rating component.
#[derive(Debug)]
pub struct Block<'s> {
    /// The section heading, when this block opens a section.
    pub heading: Option<String>,
    pub section_id: Option<String>,
    /// Wrap the block in `data-element="feedback"` (Designers Italia rating component).
    pub feedback: bool,
    pub questions: Vec<QuestionView<'s>>,
}

/// Whether a question belongs to the Designers Italia rating component.
pub fn is_feedback_question(question: &Question) -> bool {
    question
        .module
        .as_deref()
        .is_some_and(|m| m.starts_with(FEEDBACK_MODULE_PREFIX))
}

/// The questions asked on the web form, in order.
pub fn web_questions(survey: &Survey) -> Vec<&Question> {
    survey
        .questions
        .iter()
        .filter(|q| q.channels.contains(&Channel::Web))
        .collect()
}

/// Build the page of `survey` in `lang`; `questions_json` is [`data::questions_json`] of
/// its [`web_questions`].
pub fn page<'s>(survey: &'s Survey, lang: &str, options: &Options, questions_json: &RawValue) -> Page<'s> {
    let ui = strings(lang);
    let theme = Theme::from(options.html_theme);
    let questions = web_questions(survey);
    let has_feedback = questions.iter().any(|q| is_feedback_question(q));
    let thanks = if has_feedback {
        ui.feedback.thanks
    } else {
        ui.thanks
    };
    Page {
        lang: lang.to_owned(),
        title: survey.title.get(lang).trim().to_owned(),
        theme: theme.name(),
        bootstrap: theme == Theme::BootstrapItalia,
        css: assets::style(theme),
        script: assets::script(),
        data_json: data::script_json(&data::form_data(survey, questions_json, lang, ui, thanks)),
        endpoint: options.endpoint().to_owned(),
        ui,
        ui_lang_differs: ui.lang != lang,
        has_required: questions.iter().any(|q| q.required),
        thanks: thanks.to_owned(),
        blocks: blocks(survey, &questions, lang, ui, theme),
    }
}

fn blocks<'s>(
    survey: &'s Survey,
    questions: &[&'s Question],
    lang: &str,
    ui: &'static Strings,
    theme: Theme,
) -> Vec<Block<'s>> {
    let mut out: Vec<Block<'s>> = Vec::new();
    for question in questions {
        let feedback = theme == Theme::BootstrapItalia && is_feedback_question(question);
        let view = question_view(survey, question, lang, ui, theme);
        match out.last_mut() {
            Some(last) if last.section_id == question.section && last.feedback == feedback => {
                last.questions.push(view)
            }
            previous => {
                let opens_section = previous.map_or(true, |b| b.section_id != question.section);
                let heading = if opens_section {
                    section_title(survey, question, lang)
                } else {
                    None
                };
                out.push(Block {
                    heading,
                    section_id: question.section.clone(),
                    feedback,
                    questions: vec![view],
                });
            }
        }
    }
    out
}

fn section_title(survey: &Survey, question: &Question, lang: &str) -> Option<String> {
    let id = question.section.as_deref()?;
    let section = survey.sections.iter().find(|s| s.id == id)?;
    Some(section.title.get(lang).trim().to_owned()).filter(|t| !t.is_empty())
}
