//! HTML target, layout: the minijinja templates, in the environment of [`crate::templates`],
//! that turn a [`Page`] view model into HTML text. `question.html` lays out each question
//! through [`crate::fragment`] (rendered once per shape of question, then filled), and
//! `page.html` places the blocks of questions so written.

use super::view::Page;
use crate::fragment::Fragments;
use crate::splice::Splices;
use minijinja::{context, Value};
use serde::Serialize;

const TEMPLATES: [(&str, &str); 3] = [
    ("page.html", include_str!("../../templates/html/page.html")),
    (
        "question.html",
        include_str!("../../templates/html/question.html"),
    ),
    ("notes.html", include_str!("../../templates/html/notes.html")),
];

/// A block as `page.html` reads it: its questions already laid out (or their placeholder).
#[derive(Serialize)]
struct BlockLayout<'a> {
    heading: &'a Option<String>,
    section_id: &'a Option<String>,
    feedback: bool,
    questions: String,
}

/// Render one page. The templates are fixed and tested, so an error here is a bug in
/// rileva, reported as a message rather than a panic. Each block's questions and the
/// script's data are spliced in after the page is rendered ([`Splices`]).
pub fn render(page: &Page) -> Result<String, minijinja::Error> {
    let env = crate::templates::environment(&TEMPLATES)?;
    let globals = context! { ui => page.ui, ui_lang_differs => page.ui_lang_differs };
    let mut questions = Fragments::new(env.get_template("question.html")?, "q", globals);
    let mut splices = Splices::default();
    let mut blocks = Vec::with_capacity(page.blocks.len());
    for block in &page.blocks {
        let mut html = String::with_capacity(block.questions.len() * 1024);
        for question in &block.questions {
            questions.render_into(question, &mut html)?;
        }
        blocks.push(BlockLayout {
            heading: &block.heading,
            section_id: &block.section_id,
            feedback: block.feedback,
            questions: splices.hold(html),
        });
    }
    let data_json = splices.hold(page.data_json.as_str());
    let template = env.get_template("page.html")?;
    let render = |blocks: &[BlockLayout], data_json: &str| {
        template.render(context! { blocks => blocks, data_json => data_json, ..Value::from_serialize(page) })
    };
    match splices.fill(&render(&blocks, &data_json)?) {
        Ok(html) => Ok(html),
        Err(mut markup) => {
            let data_json = markup.pop().unwrap_or_default();
            for (block, questions) in blocks.iter_mut().zip(markup) {
                block.questions = questions.into_owned();
            }
            render(&blocks, &data_json)
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::fragment::assert_filled_as_rendered;
    use crate::html::{fixture, view};
    use crate::{HtmlTheme, Options};

    /// Each question laid out through its shape's skeleton is the bytes of rendering
    /// `question.html` with the question itself, in every theme and language.
    #[test]
    fn filled_questions_are_the_bytes_of_the_template() {
        let env = crate::templates::environment(&TEMPLATES).expect("templates");
        let template = env.get_template("question.html").expect("question.html");
        for survey in [fixture::inps(), fixture::valutazione(), fixture::hostile()] {
            for html_theme in [HtmlTheme::Plain, HtmlTheme::BootstrapItalia] {
                let options = Options {
                    html_theme,
                    endpoint: None,
                };
                let questions_json = crate::html::data::questions_json(&view::web_questions(&survey));
                for lang in &survey.languages {
                    let page = view::page(&survey, lang, &options, &questions_json);
                    let globals = context! { ui => page.ui, ui_lang_differs => page.ui_lang_differs };
                    let questions = page.blocks.iter().flat_map(|b| &b.questions);
                    assert_filled_as_rendered(&template, globals, questions, |q| {
                        format!("{} {lang} {html_theme:?}", q.id)
                    });
                }
            }
        }
    }
}
