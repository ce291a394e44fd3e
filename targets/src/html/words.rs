//! HTML target: a `show if` condition said in words in the page language, for respondents
//! without JavaScript ("Rispondere solo se alla domanda «...» ha risposto «...» o «...»").
//!
//! The walk is the targets' shared one (`crate::words`: De Morgan, the codes that satisfy a
//! comparison); this file says its leaves for respondents, so "did not answer A or B" also
//! covers an absent answer, as `not` does.

use super::i18n::{Strings, Words};
use crate::words::{self, fill, fill_with, Joint, Leaves};
use rileva_compiler::ir::{CmpOp, Code, Expr, Question, QuestionKind, Survey};
use std::borrow::Cow;

/// "Rispondere solo se ...": the whole sentence for one condition.
pub fn condition_sentence(survey: &Survey, expr: &Expr, lang: &str, strings: &Strings) -> String {
    let ctx = Ctx {
        survey,
        lang,
        strings,
    };
    let mut out = String::with_capacity(128);
    fill_with(&mut out, strings.words.only_if, |out, name| match name {
        "c" => {
            words::clause_into(&ctx, out, expr);
            true
        }
        _ => false,
    });
    out
}

/// The label of one code in `lang`; built-in answers get the interface words when the IR
/// has no label (yes/no), other unlabelled codes their number.
fn code_label<'q>(question: &Question, code: &'q Code, lang: &str, strings: &Strings) -> Cow<'q, str> {
    let label = code.label.get(lang).trim();
    if !label.is_empty() {
        return Cow::Borrowed(label);
    }
    Cow::Owned(match (question.kind, code.value) {
        (QuestionKind::Yesno, 1) => strings.yes.to_owned(),
        (QuestionKind::Yesno, 2) => strings.no.to_owned(),
        _ => code.value.to_string(),
    })
}

/// The label of one code as respondents read it: a star of a rating whose label is only
/// its number reads "2 su 5".
pub fn answer_label<'q>(question: &Question, code: &'q Code, lang: &str, strings: &Strings) -> Cow<'q, str> {
    let label = code_label(question, code, lang, strings);
    if question.kind != QuestionKind::Rating || *label != code.value.to_string() {
        return label;
    }
    let top = question.codes.iter().map(|c| c.value).max().unwrap_or(code.value);
    Cow::Owned(fill(strings.out_of, &[("n", &label), ("max", &top.to_string())]))
}

struct Ctx<'a> {
    survey: &'a Survey,
    lang: &'a str,
    strings: &'a Strings,
}

impl Leaves for Ctx<'_> {
    fn joint(&self, joint: Joint) -> &str {
        match joint {
            Joint::And => self.words().and,
            Joint::Or => self.words().or_clause,
        }
    }

    fn compare(&self, out: &mut String, id: &str, cmp: CmpOp, value: i64, negated: bool) {
        let Some(question) = self.survey.question(id) else {
            return self.answered_with(out, id, &[value.to_string()], negated);
        };
        if question.kind.is_coded() {
            let codes = words::satisfying(question, cmp, value);
            return self.answered_with_codes(out, id, question, &codes, negated);
        }
        let phrase = fill(
            self.words().number[words::number_index(cmp)],
            &[("v", &value.to_string())],
        );
        self.answered_with_raw(out, id, negated, |out| out.push_str(&phrase))
    }

    fn one_of(&self, out: &mut String, id: &str, values: &[i64], negated: bool) {
        match self.survey.question(id) {
            Some(question) if question.kind.is_coded() => {
                let codes = words::among(question, values);
                self.answered_with_codes(out, id, question, &codes, negated)
            }
            _ => {
                let numbers: Vec<String> = values
                    .iter()
                    .map(|v| fill(self.words().number[0], &[("v", &v.to_string())]))
                    .collect();
                self.answered_with_raw(out, id, negated, |out| {
                    words::or_list_into(out, &numbers, self.words().or, |out, n| out.push_str(n))
                })
            }
        }
    }

    fn has(&self, out: &mut String, id: &str, code: i64, negated: bool) {
        let label = match self.survey.question(id) {
            Some(q) => q.code(code).map(|c| answer_label(q, c, self.lang, self.strings)),
            None => None,
        };
        let answer = label.unwrap_or_else(|| Cow::Owned(code.to_string()));
        let template = if negated {
            self.words().not_selected
        } else {
            self.words().selected
        };
        fill_with(out, template, |out, name| match name {
            "q" => self.wording_into(out, id),
            "a" => self.quote_into(out, &answer),
            _ => false,
        })
    }

    fn answered(&self, out: &mut String, id: &str, negated: bool) {
        let template = if negated {
            self.words().not_answered
        } else {
            self.words().answered
        };
        fill_with(out, template, |out, name| {
            name == "q" && self.wording_into(out, id)
        })
    }
}

impl Ctx<'_> {
    fn words(&self) -> &Words {
        self.strings.words
    }

    /// "alla domanda «Q» ha risposto «A» o «B»" with the quoted labels of `codes`.
    fn answered_with_codes(
        &self,
        out: &mut String,
        id: &str,
        question: &Question,
        codes: &[&Code],
        negated: bool,
    ) {
        self.answered_with_raw(out, id, negated, |out| {
            words::or_list_into(out, codes, self.words().or, |out, code| {
                self.quote_into(out, &answer_label(question, code, self.lang, self.strings));
            })
        })
    }

    /// "alla domanda «Q» ha risposto «A» o «B»" with quoted labels.
    fn answered_with(&self, out: &mut String, id: &str, labels: &[String], negated: bool) {
        self.answered_with_raw(out, id, negated, |out| {
            words::or_list_into(out, labels, self.words().or, |out, label| {
                self.quote_into(out, label);
            })
        })
    }

    /// "alla domanda «Q» ha risposto ..." with the answers written by `answers`.
    fn answered_with_raw(
        &self,
        out: &mut String,
        id: &str,
        negated: bool,
        mut answers: impl FnMut(&mut String),
    ) {
        let template = if negated {
            self.words().not_answered_with
        } else {
            self.words().answered_with
        };
        fill_with(out, template, |out, name| match name {
            "q" => self.wording_into(out, id),
            "a" => {
                answers(out);
                true
            }
            _ => false,
        })
    }

    /// The question's wording between quotes (its id if there is no such question); true,
    /// for [`fill_with`].
    fn wording_into(&self, out: &mut String, id: &str) -> bool {
        match self.survey.question(id) {
            Some(q) => self.quote_into(out, q.wording.get(self.lang).trim()),
            None => self.quote_into(out, id),
        }
    }

    /// `text` between the language's quotes; true, for [`fill_with`].
    fn quote_into(&self, out: &mut String, text: &str) -> bool {
        words::quote_into(out, self.words().open_quote, text, self.words().close_quote);
        true
    }
}
