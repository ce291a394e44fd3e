//! report.<lang>.html: one self-contained page (no script, no external file) with an SVG
//! chart per figure — bars for distributions, a dot with its interval for shares, a line
//! for responses over time — each followed by the table of its data. [`view`] formats
//! everything for the language ([`i18n`]), [`charts`] computes the geometry, and the
//! minijinja template (auto-escaping on) lays it out.

pub mod charts;
pub mod i18n;
pub mod view;

use super::model::Report;
use minijinja::{AutoEscape, Environment, UndefinedBehavior};
use rileva_compiler::ir;

/// The languages the report's own words are written in.
pub const LANGUAGES: [&str; 2] = ["it", "en"];

const TEMPLATE: &str = include_str!("../../../templates/report/report.html.j2");

/// The page in `lang`. The template is fixed and tested: an error is a bug in rileva.
pub fn render(report: &Report, surveys: &[ir::Survey], lang: &str) -> Result<String, minijinja::Error> {
    let mut env = Environment::new();
    env.set_auto_escape_callback(|_| AutoEscape::Html);
    env.set_undefined_behavior(UndefinedBehavior::Strict);
    env.set_keep_trailing_newline(true);
    env.add_template("report.html", TEMPLATE)?;
    env.get_template("report.html")?
        .render(view::page(report, surveys, lang))
}
