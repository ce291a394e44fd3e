//! The minijinja environment of every HTML page made from templates (the web form, the
//! questionnaire document, the report's pages): HTML auto-escaping for every template, an
//! undefined value an error rather than an empty string, and each template's last newline
//! kept.

use minijinja::{AutoEscape, Environment, UndefinedBehavior};

/// An environment holding `templates` (name, source). The templates are fixed and tested,
/// so an error here is a bug in rileva: callers report it as a message, never panic.
pub fn environment(
    templates: &[(&'static str, &'static str)],
) -> Result<Environment<'static>, minijinja::Error> {
    let mut env = Environment::new();
    env.set_auto_escape_callback(|_| AutoEscape::Html);
    env.set_undefined_behavior(UndefinedBehavior::Strict);
    env.set_keep_trailing_newline(true);
    for (name, source) in templates {
        env.add_template(name, source)?;
    }
    Ok(env)
}
