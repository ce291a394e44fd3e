//! Doc target, layout: the minijinja templates of `targets/templates/doc/`, in the
//! environment of [`crate::templates`], that turn a [`Page`] into HTML text.
//! `question.html` lays out each question through [`crate::fragment`] (rendered once per
//! shape of question, then filled), and `document.html` places the questions so written.

use super::view::Page;
use crate::fragment::Fragments;
use crate::splice::Splices;
use minijinja::{context, Value};
use serde::Serialize;

const TEMPLATES: [(&str, &str); 2] = [
    ("document.html", include_str!("../../templates/doc/document.html")),
    ("question.html", include_str!("../../templates/doc/question.html")),
];

/// A block as `document.html` reads it: its questions already laid out, each on a line
/// (or their placeholder).
#[derive(Serialize)]
struct BlockLayout<'a> {
    heading: &'a str,
    id: &'a str,
    questions: String,
}

/// Render one document. The templates are fixed and tested, so an error here is a bug in
/// rileva, reported as a message rather than a panic. Each block's questions are spliced in
/// after the document is rendered ([`Splices`]).
pub fn render(page: &Page) -> Result<String, minijinja::Error> {
    let env = crate::templates::environment(&TEMPLATES)?;
    let globals = context! { ui => page.ui, languages => &page.languages };
    let mut questions = Fragments::new(env.get_template("question.html")?, "q", globals);
    let mut splices = Splices::default();
    let mut blocks = Vec::with_capacity(page.blocks.len());
    for block in &page.blocks {
        let mut html = String::with_capacity(block.questions.len() * 2048);
        for question in &block.questions {
            // Each question on its own line, after the block's heading.
            html.push('\n');
            questions.render_into(question, &mut html)?;
        }
        blocks.push(BlockLayout {
            heading: &block.heading,
            id: &block.id,
            questions: splices.hold(html),
        });
    }
    let template = env.get_template("document.html")?;
    let render = |blocks: &[BlockLayout]| {
        template.render(context! { blocks => blocks, ..Value::from_serialize(page) })
    };
    match splices.fill(&render(&blocks)?) {
        Ok(html) => Ok(html),
        Err(markup) => {
            for (block, questions) in blocks.iter_mut().zip(markup) {
                block.questions = questions.into_owned();
            }
            render(&blocks)
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::doc::view;
    use crate::fragment::assert_filled_as_rendered;
    use crate::html::fixture;

    /// Each question laid out through its shape's skeleton is the bytes of rendering
    /// `question.html` with the question itself, in every language.
    #[test]
    fn filled_questions_are_the_bytes_of_the_template() {
        let env = crate::templates::environment(&TEMPLATES).expect("templates");
        let template = env.get_template("question.html").expect("question.html");
        for survey in [fixture::inps(), fixture::valutazione(), fixture::hostile()] {
            for lang in &survey.languages {
                let page = view::page(&survey, lang);
                let globals = context! { ui => page.ui, languages => &page.languages };
                let questions = page.blocks.iter().flat_map(|b| &b.questions);
                assert_filled_as_rendered(&template, globals, questions, |q| format!("{} {lang}", q.id));
            }
        }
    }
}
