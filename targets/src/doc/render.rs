//! Doc target, layout: the minijinja templates of `targets/templates/doc/`, in the
//! environment of [`crate::templates`], that turn a [`Page`] into HTML text.

use super::view::Page;

const TEMPLATES: [(&str, &str); 2] = [
    ("document.html", include_str!("../../templates/doc/document.html")),
    ("question.html", include_str!("../../templates/doc/question.html")),
];

/// Render one document. The templates are fixed and tested, so an error here is a bug in
/// rileva, reported as a message rather than a panic.
pub fn render(page: &Page) -> Result<String, minijinja::Error> {
    crate::templates::environment(&TEMPLATES)?
        .get_template("document.html")?
        .render(page)
}
