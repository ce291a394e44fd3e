//! HTML target, layout: the minijinja templates, in the environment of [`crate::templates`],
//! that turn a [`Page`] view model into HTML text.

use super::view::Page;

const TEMPLATES: [(&str, &str); 3] = [
    ("page.html", include_str!("../../templates/html/page.html")),
    (
        "question.html",
        include_str!("../../templates/html/question.html"),
    ),
    ("notes.html", include_str!("../../templates/html/notes.html")),
];

/// Render one page. The templates are fixed and tested, so an error here is a bug in
/// rileva, reported as a message rather than a panic.
pub fn render(page: &Page) -> Result<String, minijinja::Error> {
    crate::templates::environment(&TEMPLATES)?
        .get_template("page.html")?
        .render(page)
}
