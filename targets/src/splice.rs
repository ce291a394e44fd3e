//! Emit, large markup put into a rendered page after minijinja: the page template prints a
//! placeholder where a block of questions or the script's data goes (megabytes each at
//! 10,000 questions), and the markup is copied once into the page, where passing it through
//! the template copied it three times (into a value, through `|safe`, into the output).
//!
//! The bytes are those of rendering the template with the markup itself: the template prints
//! each placeholder raw (`|safe`), where the markup was printed raw. A placeholder opens with
//! a private-use character; if the rendered page holds that character anywhere else (a
//! survey's text may), [`Splices::fill`] gives the markup back and the caller renders with it.

use std::borrow::Cow;

/// Opens a placeholder: `OPEN <index> CLOSE`.
const OPEN: char = '\u{E002}';
const CLOSE: char = '\u{E003}';

/// The markup held for one page, in the order its placeholders were made.
#[derive(Default)]
pub struct Splices<'a> {
    pieces: Vec<Cow<'a, str>>,
}

impl<'a> Splices<'a> {
    /// Keep `markup`; what the template prints (raw) in its place.
    pub fn hold(&mut self, markup: impl Into<Cow<'a, str>>) -> String {
        let index = self.pieces.len();
        self.pieces.push(markup.into());
        format!("{OPEN}{index}{CLOSE}")
    }

    /// `rendered` with each placeholder replaced by its markup, when it holds each
    /// placeholder once, in the order they were made, and no other [`OPEN`]; otherwise the
    /// markup, in that order, to render the page with.
    pub fn fill(self, rendered: &str) -> Result<String, Vec<Cow<'a, str>>> {
        let mut cuts = Vec::with_capacity(self.pieces.len());
        let mut at = 0;
        while let Some(found) = rendered[at..].find(OPEN) {
            let start = at + found;
            let index = cuts.len();
            let placeholder = format!("{OPEN}{index}{CLOSE}");
            if index == self.pieces.len() || !rendered[start..].starts_with(&placeholder) {
                return Err(self.pieces);
            }
            at = start + placeholder.len();
            cuts.push((start, at));
        }
        if cuts.len() != self.pieces.len() {
            return Err(self.pieces);
        }
        let markup: usize = self.pieces.iter().map(|p| p.len()).sum();
        let mut page = String::with_capacity(rendered.len() + markup);
        let mut from = 0;
        for ((start, end), piece) in cuts.into_iter().zip(&self.pieces) {
            page.push_str(&rendered[from..start]);
            page.push_str(piece);
            from = end;
        }
        page.push_str(&rendered[from..]);
        Ok(page)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn each_placeholder_takes_its_markup() {
        let mut splices = Splices::default();
        let a = splices.hold("<p>a</p>".to_owned());
        let b = splices.hold("<p>b</p>");
        let page = splices.fill(&format!("<main>{a}|{b}</main>")).ok();
        assert_eq!(page.as_deref(), Some("<main><p>a</p>|<p>b</p></main>"));
    }

    #[test]
    fn a_page_without_its_placeholders_gets_its_markup_back() {
        let mut splices = Splices::default();
        let _ = splices.hold("x");
        let _ = splices.hold("y");
        let back = splices.fill("<main></main>").err();
        assert_eq!(back, Some(vec![Cow::from("x"), Cow::from("y")]));
    }

    /// A survey's text that holds a placeholder (or only its first character) anywhere in
    /// the page: the page is rendered with the markup itself, never spliced at the text.
    #[test]
    fn a_text_holding_a_placeholder_is_never_spliced() {
        for text in ["\u{E002}0\u{E003}", "\u{E002}", "\u{E002}1\u{E003}", "\u{E002}x"] {
            for page in [format!("{text}<main>P</main>"), format!("<main>P</main>{text}")] {
                let mut splices = Splices::default();
                let p = splices.hold("<p>a</p>");
                let page = page.replace('P', &p);
                assert!(splices.fill(&page).is_err(), "{text:?} in {page:?}");
            }
        }
    }

    #[test]
    fn placeholders_out_of_order_are_refused() {
        let mut splices = Splices::default();
        let a = splices.hold("a");
        let b = splices.hold("b");
        assert!(splices.fill(&format!("{b}{a}")).is_err());
    }
}
