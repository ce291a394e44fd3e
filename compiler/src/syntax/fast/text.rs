//! Syntax stage, fast path: texts (a string and its `LANG "..."` translations), kind and
//! site labels, and the codes of lists and questions.

use super::cursor::Cursor;
use crate::syntax::ast::*;

impl Cursor<'_> {
    /// `text`: a string, then translations tagged with 2-3 lowercase letters.
    pub fn text(&mut self) -> Option<Text> {
        self.text_tagged(3)
    }

    /// `kind_label`: a string, then translations tagged with two lowercase letters.
    pub fn kind_label(&mut self) -> Option<Text> {
        self.text_tagged(2)
    }

    fn text_tagged(&mut self, longest_tag: usize) -> Option<Text> {
        let start = self.pos;
        let default = self.string()?;
        let mut translations = Vec::new();
        loop {
            let tag = self.word();
            let is_tag =
                (2..=longest_tag).contains(&tag.len()) && tag.bytes().all(|b| b.is_ascii_lowercase());
            if !is_tag {
                break;
            }
            let (pos, last_end) = (self.pos, self.last_end);
            let language = self.name()?;
            match self.string() {
                Some(text) => translations.push(Translation { language, text }),
                None => {
                    (self.pos, self.last_end) = (pos, last_end);
                    break;
                }
            }
        }
        Some(Text {
            default,
            translations,
            span: self.span(start),
        })
    }

    /// `code_def`: `missing? INT TEXT specify?`
    pub fn code_def(&mut self) -> Option<CodeDef> {
        let start = self.pos;
        let missing = self.keyword("missing");
        let code = self.int()?;
        let label = self.text()?;
        let specify = self.keyword("specify");
        Some(CodeDef {
            code,
            label,
            missing,
            specify,
            span: self.span(start),
        })
    }
}
