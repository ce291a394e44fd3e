//! Kiosk target: the counter touch-screen ("Mettiamoci la faccia") layout, its offline page
//! and SVG previews.
//!
//! Stages: [`screens`] turns the IR into a [`model::Layout`], placing every screen with the
//! [`layout`] engine; [`page`] and [`svg`] draw that layout. Only a survey whose channels
//! include `kiosk` gets files, and only its questions asked on the kiosk get screens; for any
//! other survey this target writes nothing (it is not an error to build it for one).
//!
//! Files, under `OUT/<survey id>/`: `kiosk/layout.json`, `kiosk/kiosk.<lang>.html` per survey
//! language, `kiosk/screen-<n>.svg` per screen (the thank-you screen last).

pub mod colors;
pub mod layout;
pub mod model;
mod page;
pub mod screens;
mod strings;
mod svg;
mod text;

use crate::{Options, OutputFile};
use rileva_compiler::diagnostics::{Code, Diagnostic};
use rileva_compiler::ir;
use rileva_compiler::source::Span;

/// R0502 for each kiosk question whose buttons do not fit the survey's kiosk screen.
pub fn validate(survey: &ir::Survey) -> Vec<Diagnostic> {
    if !screens::offers_kiosk(survey) {
        return Vec::new();
    }
    match screens::build(survey, "") {
        Ok(_) => Vec::new(),
        Err(unfit) => unfit.into_iter().map(|(q, u)| too_small(survey, q, u)).collect(),
    }
}

fn too_small(survey: &ir::Survey, question: &ir::Question, unfit: layout::Unfit) -> Diagnostic {
    let (width, height) = (survey.kiosk.width, survey.kiosk.height);
    let mut d = Diagnostic::new(
        Code::R0502,
        format!(
            "the kiosk screen of {width} x {height} px is too small for the buttons of `{}`",
            question.id
        ),
        question.span,
        format!(
            "this question needs {} buttons of at least {} px",
            unfit.buttons, unfit.min_side
        ),
    );
    if survey.kiosk.span != Span::default() {
        d = d.with_secondary(
            survey.kiosk.span,
            format!("the kiosk screen is set to {width} x {height} here"),
        );
    }
    let instead = instead(survey, question);
    let screen = match smallest_fitting(survey, question) {
        Some((w, h)) => format!("a screen of at least {w} x {h} px (same proportions) fits it"),
        None => "no screen of these proportions fits it".to_owned(),
    };
    d.with_help(match instead {
        Some(instead) => format!("{screen}; {instead}"),
        None => screen,
    })
}

/// The other way out: ask the question on the survey's other channels only, or, in a
/// kiosk-only survey, give it fewer options (when its options are the author's).
fn instead(survey: &ir::Survey, question: &ir::Question) -> Option<String> {
    let others: Vec<&str> = survey
        .channels
        .iter()
        .filter(|c| **c != ir::Channel::Kiosk)
        .map(|c| c.as_str())
        .collect();
    if !others.is_empty() {
        return Some(format!(
            "or ask it on the other channels only: `channels {}`",
            others.join(" ")
        ));
    }
    use ir::QuestionKind::{Choice, Multi, Scale};
    matches!(question.kind, Choice | Multi | Scale).then(|| "or give the question fewer options".to_owned())
}

/// The smallest screen of the same proportions (within 20 times the size) that fits the
/// question's screen.
fn smallest_fitting(survey: &ir::Survey, question: &ir::Question) -> Option<(u32, u32)> {
    let spec = screens::spec(survey, question);
    let (width, height) = (survey.kiosk.width.max(1), survey.kiosk.height.max(1));
    (1..=400u32)
        .map(|step| {
            let factor = 1.0 + f64::from(step) * 0.05;
            let scale = |side: u32| (f64::from(side) * factor).ceil() as u32;
            (scale(width), scale(height))
        })
        .find(|&(w, h)| layout::place(w, h, &spec).is_ok())
}

/// The kiosk files of a survey offered on the kiosk; none otherwise. Call only when
/// [`validate`] found no error (a screen that does not fit is then left out).
pub fn emit(survey: &ir::Survey, options: &Options) -> Vec<OutputFile> {
    if !screens::offers_kiosk(survey) {
        return Vec::new();
    }
    let Ok(layout) = screens::build(survey, options.endpoint()) else {
        return Vec::new();
    };
    let mut files = Vec::new();
    let json = serde_json::to_string_pretty(&layout).unwrap_or_default();
    files.push(OutputFile::text("kiosk/layout.json", json + "\n"));
    for language in &layout.languages {
        files.push(OutputFile::text(
            format!("kiosk/kiosk.{language}.html"),
            page::render(&layout, language),
        ));
    }
    for screen in &layout.screens {
        files.push(OutputFile::text(
            format!("kiosk/screen-{}.svg", screen.number()),
            svg::render(&layout, screen),
        ));
    }
    files
}

/// The JSON Schema of `layout.json` (`rileva schema kiosk-layout`).
pub fn layout_schema() -> schemars::schema::RootSchema {
    schemars::schema_for!(model::Layout)
}

#[cfg(test)]
mod fixture;
#[cfg(test)]
mod tests;
