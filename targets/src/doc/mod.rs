//! Doc target: `doc/questionnaire.<lang>.html`, the questionnaire as a committee, a
//! translator or a privacy officer reads it: one self-contained, printable
//! page per survey language (print CSS, each section on a new page), with every question's
//! wording and help in every language side by side, its codes and labels, its routing in
//! words, the checks, the channels, the standard it conforms to and the questions it locks,
//! the estimated completion time, and the `///` doc comments as notes.
//!
//! Stages: [`view`] builds the page's view model from the IR (with [`question`] and
//! [`words`] for conditions in words, [`i18n`] for the document's own words in `it en de`),
//! then [`render`] lays it out with minijinja templates (`targets/templates/doc/`).
//! Every question is listed whatever its channels: the document is the whole survey.

mod i18n;
mod question;
mod render;
mod view;
mod words;

#[cfg(test)]
mod tests;

use crate::OutputFile;
use rayon::prelude::*;
use rileva_compiler::ir;

/// The path of the document in `lang`, relative to `OUT/<survey id>/`.
pub fn path(lang: &str) -> String {
    format!("doc/questionnaire.{lang}.html")
}

pub fn emit(survey: &ir::Survey) -> Vec<OutputFile> {
    // One page per language, each a task of its own: the build runs every target's tasks on
    // both cores (rayon steals the second page while the first renders), in language order.
    survey
        .languages
        .par_iter()
        .map(|lang| {
            let page = view::page(survey, lang);
            let html = render::render(&page).unwrap_or_else(|e| internal_error_page(&e));
            OutputFile::text(path(lang), html)
        })
        .collect()
}

/// What the document says if a template failed (a bug in rileva, never a survey's fault).
fn internal_error_page(error: &minijinja::Error) -> String {
    let message = format!("rileva: the document template failed: {error:#}");
    let escaped = message
        .replace('&', "&amp;")
        .replace('<', "&lt;")
        .replace('>', "&gt;");
    format!("<!DOCTYPE html>\n<html lang=\"en\"><title>rileva error</title><pre>{escaped}</pre></html>\n")
}
