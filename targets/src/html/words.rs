//! HTML target: a `show if` condition said in words in the page language, for respondents
//! without JavaScript ("Rispondere solo se alla domanda «...» ha risposto «...» o «...»").
//!
//! The walk is the targets' shared one (`crate::words`: De Morgan, the codes that satisfy a
//! comparison); this file says its leaves for respondents, so "did not answer A or B" also
//! covers an absent answer, as `not` does.

use super::i18n::{Strings, Words};
use crate::words::{self, fill, Joint, Leaves};
use rileva_compiler::ir::{CmpOp, Code, Expr, Question, QuestionKind, Survey};
use std::borrow::Cow;

/// "Rispondere solo se ...": the whole sentence for one condition.
pub fn condition_sentence(survey: &Survey, expr: &Expr, lang: &str, strings: &Strings) -> String {
    let ctx = Ctx {
        survey,
        lang,
        strings,
    };
    fill(strings.words.only_if, &[("c", &words::clause(&ctx, expr))])
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

    fn compare(&self, id: &str, cmp: CmpOp, value: i64, negated: bool) -> String {
        let Some(question) = self.survey.question(id) else {
            return self.answered_with(id, &[value.to_string()], negated);
        };
        if question.kind.is_coded() {
            let codes = words::satisfying(question, cmp, value);
            return self.answered_with_codes(id, question, &codes, negated);
        }
        let phrase = fill(
            self.words().number[words::number_index(cmp)],
            &[("v", &value.to_string())],
        );
        self.answered_with_raw(id, &phrase, negated)
    }

    fn one_of(&self, id: &str, values: &[i64], negated: bool) -> String {
        match self.survey.question(id) {
            Some(question) if question.kind.is_coded() => {
                let codes = words::among(question, values);
                self.answered_with_codes(id, question, &codes, negated)
            }
            _ => {
                let numbers: Vec<String> = values
                    .iter()
                    .map(|v| fill(self.words().number[0], &[("v", &v.to_string())]))
                    .collect();
                self.answered_with_raw(id, &self.or_list(&numbers), negated)
            }
        }
    }

    fn has(&self, id: &str, code: i64, negated: bool) -> String {
        let label = match self.survey.question(id) {
            Some(q) => q.code(code).map(|c| answer_label(q, c, self.lang, self.strings)),
            None => None,
        };
        let answer = match label {
            Some(label) => self.quote(&label),
            None => self.quote(&code.to_string()),
        };
        let template = if negated {
            self.words().not_selected
        } else {
            self.words().selected
        };
        fill(template, &[("q", &self.wording(id)), ("a", &answer)])
    }

    fn answered(&self, id: &str, negated: bool) -> String {
        let template = if negated {
            self.words().not_answered
        } else {
            self.words().answered
        };
        fill(template, &[("q", &self.wording(id))])
    }
}

impl Ctx<'_> {
    fn words(&self) -> &Words {
        self.strings.words
    }

    /// "alla domanda «Q» ha risposto «A» o «B»" with the quoted labels of `codes`.
    fn answered_with_codes(&self, id: &str, question: &Question, codes: &[&Code], negated: bool) -> String {
        let w = self.words();
        let answers = words::or_list_of(codes, w.or, |out, code| {
            let label = answer_label(question, code, self.lang, self.strings);
            words::quote_into(out, w.open_quote, &label, w.close_quote);
        });
        self.answered_with_raw(id, &answers, negated)
    }

    /// "alla domanda «Q» ha risposto «A» o «B»" with quoted labels.
    fn answered_with(&self, id: &str, labels: &[String], negated: bool) -> String {
        let w = self.words();
        let answers = words::or_list_of(labels, w.or, |out, label| {
            words::quote_into(out, w.open_quote, label, w.close_quote);
        });
        self.answered_with_raw(id, &answers, negated)
    }

    fn answered_with_raw(&self, id: &str, answers: &str, negated: bool) -> String {
        let template = if negated {
            self.words().not_answered_with
        } else {
            self.words().answered_with
        };
        fill(template, &[("q", &self.wording(id)), ("a", answers)])
    }

    fn or_list(&self, items: &[String]) -> String {
        words::or_list(items, self.words().or)
    }

    fn wording(&self, id: &str) -> String {
        match self.survey.question(id) {
            Some(q) => self.quote(q.wording.get(self.lang).trim()),
            None => self.quote(id),
        }
    }

    fn quote(&self, text: &str) -> String {
        let mut out = String::new();
        words::quote_into(&mut out, self.words().open_quote, text, self.words().close_quote);
        out
    }
}
