//! HTML target: the accessible web form, one self-contained page per survey language
//! (`form.<lang>.html`): inline CSS and JavaScript, no external requests.
//!
//! Stages: [`view`] builds the page's view model from the IR (with [`question`], [`words`]
//! for conditions in words, [`data`] for the script's JSON and [`i18n`] for interface
//! strings), then [`render`] lays it out with minijinja templates (`targets/templates/html/`).
//! The script (`form.js`) routes by evaluating the IR's `Expr` JSON with the semantics of
//! `ir::Expr`, validates, and POSTs one JSON response (docs/language.md §10) to the endpoint.
//! Without JavaScript every question is shown with its condition in words and the form
//! posts its fields to the same endpoint.
//!
//! Only questions asked on the `web` channel appear; a survey without the `web` channel
//! gets no form. Interface strings exist in `it en de fr sl`; other languages get English.

mod assets;
mod data;
mod i18n;
mod question;
mod render;
mod theme;
mod view;
mod words;

#[cfg(test)]
pub(crate) mod fixture;
#[cfg(test)]
mod tests;

use crate::{Options, OutputFile};
use rayon::prelude::*;
use rileva_compiler::ir;

pub use theme::BOOTSTRAP_ITALIA_VERSION;

pub fn emit(survey: &ir::Survey, options: &Options) -> Vec<OutputFile> {
    if !survey.channels.contains(&ir::Channel::Web) {
        return Vec::new();
    }
    // One page per language, each a task of its own: the build runs every target's tasks on
    // both cores (rayon steals the second page while the first renders), in language order.
    let questions_json = data::questions_json(&view::web_questions(survey));
    survey
        .languages
        .par_iter()
        .map(|lang| {
            let page = view::page(survey, lang, options, &questions_json);
            let html = render::render(&page).unwrap_or_else(|e| internal_error_page(&e));
            OutputFile::text(format!("form.{lang}.html"), html)
        })
        .collect()
}

/// What a page says if a template failed (a bug in rileva, never a survey's fault).
fn internal_error_page(error: &minijinja::Error) -> String {
    let message = format!("rileva: the HTML template failed: {error:#}");
    let escaped = message
        .replace('&', "&amp;")
        .replace('<', "&lt;")
        .replace('>', "&gt;");
    format!("<!DOCTYPE html>\n<html lang=\"en\"><title>rileva error</title><pre>{escaped}</pre></html>\n")
}
