//! Syntax stage, fast path: `question ID: TYPE { TEXT properties... codes... }`, its type and
//! its properties, as `statements.rs` builds them from pest's pairs.

use super::cursor::Cursor;
use crate::syntax::ast::*;
use crate::syntax::build::doc_before;

impl Cursor<'_> {
    /// A question, from its `question` keyword (already seen, not taken). A question without
    /// its wording gets a diagnostic from the builder: left to pest.
    pub fn question(&mut self) -> Option<Question> {
        let start = self.pos;
        if !self.keyword("question") {
            return None;
        }
        let name = self.name()?;
        if !self.punct(b':') {
            return None;
        }
        let ty = self.question_type()?;
        if !self.punct(b'{') {
            return None;
        }
        let wording = Some(self.text()?);
        let mut properties = Vec::new();
        let mut codes = Vec::new();
        loop {
            if self.at_int() || self.word() == "missing" {
                codes.push(self.code_def()?);
            } else if let Some(property) = self.property() {
                properties.push(property?);
            } else {
                break;
            }
        }
        if !self.punct(b'}') {
            return None;
        }
        Some(Question {
            name,
            ty,
            wording,
            properties,
            codes,
            doc: doc_before(self.text, start),
            span: self.span(start),
        })
    }

    fn question_type(&mut self) -> Option<QuestionType> {
        let ty = match self.word() {
            "scale" => {
                self.keyword("scale");
                QuestionType::Scale(self.path()?)
            }
            "choice" => {
                self.keyword("choice");
                QuestionType::Choice(self.optional_path())
            }
            "multi" => {
                self.keyword("multi");
                QuestionType::Multi(self.optional_path())
            }
            "faces" => QuestionType::Faces,
            "rating" => {
                self.keyword("rating");
                QuestionType::Rating(self.int()?)
            }
            "nps" => QuestionType::Nps,
            "yesno" => QuestionType::YesNo,
            "number" => {
                self.keyword("number");
                let min = self.int()?;
                if !self.dotdot() {
                    return None;
                }
                QuestionType::Number {
                    min,
                    max: self.int()?,
                }
            }
            "text" => {
                self.keyword("text");
                let max = if self.keyword("max") {
                    Some(self.int()?)
                } else {
                    None
                };
                QuestionType::Text { max }
            }
            _ => return None,
        };
        if matches!(ty, QuestionType::Faces | QuestionType::Nps | QuestionType::YesNo) {
            let word = self.word();
            self.keyword(word);
        }
        Some(ty)
    }

    fn optional_path(&mut self) -> Option<Path> {
        match self.peek() {
            Some(b) if b.is_ascii_alphabetic() || b == b'_' || b >= 0x80 => self.path(),
            _ => None,
        }
    }

    /// A property, if a property keyword is next: `Some(None)` when it is but the property
    /// cannot be read.
    fn property(&mut self) -> Option<Option<Property>> {
        let start = self.pos;
        let keyword = self.word();
        let known = [
            "help", "required", "show", "channels", "personal", "locked", "min", "max",
        ];
        if !known.contains(&keyword) {
            return None;
        }
        self.keyword(keyword);
        let property = match keyword {
            "help" => self.text().map(Property::Help),
            "required" => Some(Property::Required(self.span(start))),
            "show" => self.show_if(),
            "channels" => self
                .name_list()
                .map(|names| Property::Channels(names, self.span(start))),
            "personal" => Some(Property::Personal(self.span(start))),
            "locked" => Some(Property::Locked(self.span(start))),
            "min" => self.int().map(|n| Property::Min(n, self.span(start))),
            _ => self.int().map(|n| Property::Max(n, self.span(start))),
        };
        Some(property)
    }

    fn show_if(&mut self) -> Option<Property> {
        if !self.keyword("if") {
            return None;
        }
        self.expr().map(Property::ShowIf)
    }
}
