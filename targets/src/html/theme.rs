//! HTML target, themes: `plain` (default, a self-contained page of its own style) and
//! `bootstrap-italia` (Bootstrap Italia markup and classes, with the minimal inline CSS a
//! standalone page needs; sites link the real Bootstrap Italia CSS, which restyles it).

use crate::HtmlTheme;

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Theme {
    Plain,
    BootstrapItalia,
}

/// The Bootstrap Italia release whose markup the theme follows; exposed on `:root` as
/// `--bootstrap-italia-version`, as the library's own CSS does (the national site checker
/// reads it).
pub const BOOTSTRAP_ITALIA_VERSION: &str = "2.8.0";

impl From<HtmlTheme> for Theme {
    fn from(theme: HtmlTheme) -> Self {
        match theme {
            HtmlTheme::Plain => Theme::Plain,
            HtmlTheme::BootstrapItalia => Theme::BootstrapItalia,
        }
    }
}

impl Theme {
    pub fn name(self) -> &'static str {
        match self {
            Theme::Plain => "plain",
            Theme::BootstrapItalia => "bootstrap-italia",
        }
    }

    /// The inline style sheet of the page.
    pub fn css(self) -> &'static str {
        match self {
            Theme::Plain => include_str!("../../templates/html/plain.css"),
            Theme::BootstrapItalia => include_str!("../../templates/html/bootstrap-italia.css"),
        }
    }
}
