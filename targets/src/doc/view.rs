//! Doc target, view model: the document of one survey in one language as plain data. Every
//! word and every decision is made here; the template only places the values, escaped by
//! minijinja.

use super::i18n::{fill, strings, Strings};
use super::question::{question_view, QuestionView};
use super::words;
use crate::fragment::same_str;
use rileva_compiler::estimate::{estimate, format_duration};
use rileva_compiler::ir::{Channel, Survey, Text};
use serde::Serialize;
use std::borrow::Cow;

#[derive(Debug, Serialize)]
pub struct Page<'s> {
    /// The language of the document's own words (`en` for a language without them).
    pub lang: String,
    /// The survey language this document is for.
    pub survey_lang: String,
    pub title: String,
    /// The title in the other survey languages.
    pub other_titles: Vec<LangText<'s>>,
    pub ui: &'static Strings,
    pub css: &'static str,
    pub facts: Vec<Fact>,
    pub notes: Option<String>,
    /// Laid out by [`super::render`], one question at a time.
    #[serde(skip)]
    pub blocks: Vec<Block<'s>>,
    pub checks: Vec<CheckView<'s>>,
    pub locked: Vec<LockedView>,
    pub languages: Vec<LangName>,
    pub generated: String,
}

/// A text in one language, with its `lang` attribute, borrowed from the IR (owned only
/// when it is a fragment's placeholder).
#[derive(Debug, Serialize)]
pub struct LangText<'s> {
    pub lang: Cow<'s, str>,
    pub text: Cow<'s, str>,
}

/// The derived `==`, comparing strings by [`same_str`] (`crate::fragment`).
impl PartialEq for LangText<'_> {
    fn eq(&self, other: &Self) -> bool {
        let LangText { lang, text } = self;
        same_str(lang, &other.lang) && same_str(text, &other.text)
    }
}

impl Eq for LangText<'_> {}

#[derive(Debug, Serialize)]
pub struct LangName {
    pub lang: String,
}

/// One line of the survey's summary.
#[derive(Debug, Serialize)]
pub struct Fact {
    pub name: &'static str,
    pub value: String,
}

/// A section (or the questions outside any section).
#[derive(Debug)]
pub struct Block<'s> {
    pub heading: String,
    pub id: String,
    pub questions: Vec<QuestionView<'s>>,
}

#[derive(Debug, Serialize)]
pub struct CheckView<'s> {
    pub sentence: String,
    pub messages: Vec<LangText<'s>>,
}

#[derive(Debug, Serialize)]
pub struct LockedView {
    pub id: String,
    pub anchor: String,
    pub reason: String,
}

/// Every survey language's text of `text`, in the survey's order.
pub fn lang_texts<'s>(survey: &'s Survey, text: &'s Text) -> Vec<LangText<'s>> {
    survey
        .languages
        .iter()
        .map(|l| LangText {
            lang: Cow::Borrowed(l.as_str()),
            text: Cow::Borrowed(text.get(l).trim()),
        })
        .collect()
}

pub fn channel_names(ui: &Strings, channels: &[Channel]) -> String {
    let names: Vec<&str> = channels
        .iter()
        .map(|c| ui.channel_names[Channel::ALL.iter().position(|a| a == c).unwrap_or(0)])
        .collect();
    names.join(", ")
}

/// The standard that locks the questions of `module`: the survey's `conforms` standard
/// when the module is one of its packages, else the module's package.
pub fn locking_standard(survey: &Survey, module: &str) -> String {
    let package = module.rsplit_once('.').map_or(module, |(p, _)| p);
    match &survey.conforms {
        Some(c) if package == c.standard || package.starts_with(&format!("{}.", c.standard)) => {
            format!("{} {}", c.standard, c.version)
        }
        _ => package.to_owned(),
    }
}

pub fn page<'s>(survey: &'s Survey, lang: &str) -> Page<'s> {
    let ui = strings(lang);
    let title = survey.title.get(lang).trim().to_owned();
    let other_titles = lang_texts(survey, &survey.title)
        .into_iter()
        .filter(|t| t.lang != lang && !t.text.is_empty())
        .collect();
    Page {
        lang: ui.lang.to_owned(),
        survey_lang: lang.to_owned(),
        title,
        other_titles,
        ui,
        css: include_str!("../../templates/doc/doc.css"),
        facts: facts(survey, ui),
        notes: survey
            .doc
            .as_deref()
            .map(str::trim)
            .filter(|d| !d.is_empty())
            .map(str::to_owned),
        blocks: blocks(survey, lang, ui),
        checks: survey
            .checks
            .iter()
            .map(|c| CheckView {
                sentence: words::check(survey, &c.condition, lang, ui),
                messages: lang_texts(survey, &c.message),
            })
            .collect(),
        locked: survey
            .questions
            .iter()
            .filter(|q| q.locked)
            .map(|q| LockedView {
                id: q.id.clone(),
                anchor: format!("q-{}", q.id),
                reason: q
                    .module
                    .as_deref()
                    .map_or_else(String::new, |m| format!("{} ({m})", locking_standard(survey, m))),
            })
            .collect(),
        languages: survey
            .languages
            .iter()
            .map(|l| LangName { lang: l.clone() })
            .collect(),
        generated: fill(ui.generated, &[("v", &survey.version)]),
    }
}

fn facts(survey: &Survey, ui: &'static Strings) -> Vec<Fact> {
    let mut out = vec![
        Fact {
            name: ui.survey_id,
            value: survey.id.clone(),
        },
        Fact {
            name: ui.version,
            value: survey.version.clone(),
        },
        Fact {
            name: ui.languages,
            value: survey.languages.join(", "),
        },
        Fact {
            name: ui.channels,
            value: channel_names(ui, &survey.channels),
        },
    ];
    if let Some(agency) = &survey.agency {
        let kind = agency
            .kind
            .as_deref()
            .map_or_else(String::new, |k| format!(" ({}: {k})", ui.kind));
        out.push(Fact {
            name: ui.agency,
            value: format!("{}{kind}", agency.code),
        });
    }
    if let Some(service) = &survey.service {
        let kind = service
            .kind
            .as_deref()
            .map_or_else(String::new, |k| format!(" ({}: {k})", ui.kind));
        out.push(Fact {
            name: ui.service,
            value: format!("{}{kind}", service.code),
        });
    }
    out.push(Fact {
        name: ui.anonymous,
        value: if survey.anonymous { ui.yes } else { ui.no }.to_owned(),
    });
    out.push(Fact {
        name: ui.conforms,
        value: survey.conforms.as_ref().map_or_else(
            || ui.not_conforming.to_owned(),
            |c| {
                fill(
                    ui.conforms_value,
                    &[
                        ("standard", &c.standard),
                        ("version", &c.version),
                        ("profile", &c.profile),
                    ],
                )
            },
        ),
    });
    let longest = estimate(survey);
    out.push(Fact {
        name: ui.estimate,
        value: fill(
            ui.estimate_value,
            &[
                ("t", &format_duration(survey.estimated_seconds)),
                ("c", &channel_names(ui, &[longest.channel])),
            ],
        ),
    });
    out.push(Fact {
        name: ui.question_count,
        value: survey.questions.len().to_string(),
    });
    out
}

fn blocks<'s>(survey: &'s Survey, lang: &str, ui: &'static Strings) -> Vec<Block<'s>> {
    let mut out: Vec<Block<'s>> = Vec::new();
    let mut current: Option<&Option<String>> = None;
    for (number, q) in survey.questions.iter().enumerate() {
        let view = question_view(survey, q, number + 1, lang, ui);
        if current == Some(&q.section) {
            if let Some(last) = out.last_mut() {
                last.questions.push(view);
                continue;
            }
        }
        current = Some(&q.section);
        let heading = q
            .section
            .as_deref()
            .and_then(|id| survey.sections.iter().find(|s| s.id == id))
            .map(|s| s.title.get(lang).trim().to_owned())
            .filter(|t| !t.is_empty())
            .unwrap_or_else(|| ui.questions.to_owned());
        out.push(Block {
            heading,
            id: format!("s-{}", out.len() + 1),
            questions: vec![view],
        });
    }
    out
}
