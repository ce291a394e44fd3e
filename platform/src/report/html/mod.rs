//! report.<lang>.html: one self-contained page (no script, no external file) with an SVG
//! chart per figure — bars for distributions, a dot with its interval for shares, a line
//! for responses over time — each followed by the table of its data. [`view`] formats
//! everything for the language ([`i18n`]), [`charts`] computes the geometry, and the
//! minijinja template (the targets' `templates::environment`: auto-escaping on, strict
//! undefined) lays it out.

pub mod charts;
pub mod i18n;
pub mod view;

use super::model::Report;
use rileva_compiler::ir;

/// The languages the report's own words are written in.
pub const LANGUAGES: [&str; 2] = ["it", "en"];

const TEMPLATE: &str = include_str!("../../../templates/report/report.html.j2");

/// The page in `lang`. The template is fixed and tested: an error is a bug in rileva.
pub fn render(report: &Report, surveys: &[ir::Survey], lang: &str) -> Result<String, minijinja::Error> {
    let env = rileva_targets::templates::environment(&[("report.html", TEMPLATE)])?;
    env.get_template("report.html")?
        .render(view::page(report, surveys, lang))
}
