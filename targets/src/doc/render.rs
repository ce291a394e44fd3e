//! Doc target, layout: the minijinja templates (`targets/templates/doc/`, auto-escaping on
//! for every template) that turn a [`Page`] into HTML text.

use super::view::Page;
use minijinja::{AutoEscape, Environment, UndefinedBehavior};

const TEMPLATES: [(&str, &str); 2] = [
    ("document.html", include_str!("../../templates/doc/document.html")),
    ("question.html", include_str!("../../templates/doc/question.html")),
];

/// Render one document. The templates are fixed and tested, so an error here is a bug in
/// rileva, reported as a message rather than a panic.
pub fn render(page: &Page) -> Result<String, minijinja::Error> {
    let mut env = Environment::new();
    env.set_auto_escape_callback(|_| AutoEscape::Html);
    env.set_undefined_behavior(UndefinedBehavior::Strict);
    env.set_keep_trailing_newline(true);
    for (name, source) in TEMPLATES {
        env.add_template(name, source)?;
    }
    env.get_template("document.html")?.render(page)
}
