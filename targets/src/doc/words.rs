//! Doc target: a condition in words for the people who review a questionnaire ("Asked only
//! if “soddisfazione” is 1 “Per niente soddisfatto” or 2 “Poco soddisfatto”.").
//!
//! The walk is the targets' shared one (`crate::words`: De Morgan, the codes that satisfy a
//! comparison); this file says its leaves for reviewers. A negated comparison also holds
//! when the question is unanswered, and says so. Questions are named by their id, which
//! heads each question of the document; codes by number and label in the page's language.

use super::i18n::{Strings, Words};
use crate::words::{self, fill, fill_with, Joint, Leaves};
use rileva_compiler::ir::{CmpOp, Code, Expr, Survey};
use std::fmt::Write as _;

/// "Asked only if ...": the whole sentence of a `show if`.
pub fn routing(survey: &Survey, expr: &Expr, lang: &str, strings: &Strings) -> String {
    sentence(strings.words.only_if, survey, expr, lang, strings)
}

/// "A response is accepted only if ...": the whole sentence of a `check`.
pub fn check(survey: &Survey, expr: &Expr, lang: &str, strings: &Strings) -> String {
    sentence(strings.check_sentence, survey, expr, lang, strings)
}

/// `template` with its `{c}` the clause of `expr`.
fn sentence(template: &str, survey: &Survey, expr: &Expr, lang: &str, strings: &Strings) -> String {
    let ctx = Ctx {
        survey,
        lang,
        words: &strings.words,
    };
    let mut out = String::with_capacity(128);
    fill_with(&mut out, template, |out, name| match name {
        "c" => {
            words::clause_into(&ctx, out, expr);
            true
        }
        _ => false,
    });
    out
}

/// The condition as a clause, without the sentence around it.
#[cfg(test)]
pub fn clause(survey: &Survey, expr: &Expr, lang: &str, strings: &Strings) -> String {
    sentence("{c}", survey, expr, lang, strings)
}

struct Ctx<'a> {
    survey: &'a Survey,
    lang: &'a str,
    words: &'a Words,
}

impl Leaves for Ctx<'_> {
    fn joint(&self, joint: Joint) -> &str {
        match joint {
            Joint::And => self.words.and,
            Joint::Or => self.words.or,
        }
    }

    fn compare(&self, out: &mut String, id: &str, cmp: CmpOp, value: i64, negated: bool) {
        match self.survey.question(id) {
            Some(q) if q.kind.is_coded() => {
                let codes = words::satisfying(q, cmp, value);
                self.is(out, id, negated, |out| {
                    words::or_list_into(out, &codes, self.words.or, |out, c| self.code_into(out, c))
                })
            }
            _ => {
                let phrase = fill(
                    self.words.number[words::number_index(cmp)],
                    &[("v", &value.to_string())],
                );
                self.is(out, id, negated, |out| out.push_str(&phrase))
            }
        }
    }

    fn one_of(&self, out: &mut String, id: &str, values: &[i64], negated: bool) {
        match self.survey.question(id) {
            Some(q) if q.kind.is_coded() => {
                let codes = words::among(q, values);
                self.is(out, id, negated, |out| {
                    words::or_list_into(out, &codes, self.words.or, |out, c| self.code_into(out, c))
                })
            }
            _ => self.is(out, id, negated, |out| {
                // Writing to a String cannot fail.
                words::or_list_into(out, values, self.words.or, |out, v| {
                    let _ = write!(out, "{v}");
                })
            }),
        }
    }

    fn has(&self, out: &mut String, id: &str, code: i64, negated: bool) {
        let template = if negated {
            self.words.excludes
        } else {
            self.words.includes
        };
        fill_with(out, template, |out, name| match name {
            "q" => self.quote_into(out, id),
            "a" => {
                self.code_phrase_into(out, id, code);
                true
            }
            _ => false,
        })
    }

    fn answered(&self, out: &mut String, id: &str, negated: bool) {
        let template = if negated {
            self.words.not_answered
        } else {
            self.words.answered
        };
        fill_with(out, template, |out, name| name == "q" && self.quote_into(out, id))
    }
}

impl Ctx<'_> {
    /// "“q” is ..." with the answers written by `answers`.
    fn is(&self, out: &mut String, id: &str, negated: bool, mut answers: impl FnMut(&mut String)) {
        let template = if negated { self.words.is_not } else { self.words.is };
        fill_with(out, template, |out, name| match name {
            "q" => self.quote_into(out, id),
            "a" => {
                answers(out);
                true
            }
            _ => false,
        })
    }

    /// `2 “Poco soddisfatto”`, or the bare number of an unlabelled code.
    fn code_into(&self, out: &mut String, code: &Code) {
        let label = code.label.get(self.lang).trim();
        // Writing to a String cannot fail.
        let _ = write!(out, "{}", code.value);
        if !label.is_empty() {
            out.push(' ');
            words::quote_into(out, self.words.open_quote, label, self.words.close_quote);
        }
    }

    fn code_phrase_into(&self, out: &mut String, id: &str, value: i64) {
        match self.survey.question(id).and_then(|q| q.code(value)) {
            Some(code) => self.code_into(out, code),
            // Writing to a String cannot fail.
            None => {
                let _ = write!(out, "{value}");
            }
        }
    }

    /// `text` between the language's quotes; true, for [`fill_with`].
    fn quote_into(&self, out: &mut String, text: &str) -> bool {
        words::quote_into(out, self.words.open_quote, text, self.words.close_quote);
        true
    }
}
