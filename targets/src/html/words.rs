//! HTML target: a `show if` condition said in words in the page language, for respondents
//! without JavaScript ("Rispondere solo se alla domanda «...» ha risposto «...» o «...»").
//!
//! The walk is the targets' shared one (`crate::words`: De Morgan, the codes that satisfy a
//! comparison); this file says its leaves for respondents, so "did not answer A or B" also
//! covers an absent answer, as `not` does.

use super::i18n::{Strings, Words};
use crate::words::{self, fill, Joint, Leaves};
use rileva_compiler::ir::{CmpOp, Code, Expr, Question, QuestionKind, Survey};

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
fn code_label(question: &Question, code: &Code, lang: &str, strings: &Strings) -> String {
    let label = code.label.get(lang).trim();
    if !label.is_empty() {
        return label.to_owned();
    }
    match (question.kind, code.value) {
        (QuestionKind::Yesno, 1) => strings.yes.to_owned(),
        (QuestionKind::Yesno, 2) => strings.no.to_owned(),
        _ => code.value.to_string(),
    }
}

/// The label of one code as respondents read it: a star of a rating whose label is only
/// its number reads "2 su 5".
pub fn answer_label(question: &Question, code: &Code, lang: &str, strings: &Strings) -> String {
    let label = code_label(question, code, lang, strings);
    if question.kind != QuestionKind::Rating || label != code.value.to_string() {
        return label;
    }
    let top = question.codes.iter().map(|c| c.value).max().unwrap_or(code.value);
    fill(strings.out_of, &[("n", &label), ("max", &top.to_string())])
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
            return self.answered_with(id, &self.labels(question, &codes), negated);
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
                self.answered_with(id, &self.labels(question, &codes), negated)
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
        let answer = self.quote(&label.unwrap_or_else(|| code.to_string()));
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

    fn labels(&self, question: &Question, codes: &[&Code]) -> Vec<String> {
        codes
            .iter()
            .map(|c| answer_label(question, c, self.lang, self.strings))
            .collect()
    }

    /// "alla domanda «Q» ha risposto «A» o «B»" with quoted labels.
    fn answered_with(&self, id: &str, labels: &[String], negated: bool) -> String {
        let quoted: Vec<String> = labels.iter().map(|l| self.quote(l)).collect();
        self.answered_with_raw(id, &self.or_list(&quoted), negated)
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
        let text = match self.survey.question(id) {
            Some(q) => q.wording.get(self.lang).trim().to_owned(),
            None => id.to_owned(),
        };
        self.quote(&text)
    }

    fn quote(&self, text: &str) -> String {
        format!("{}{}{}", self.words().open_quote, text, self.words().close_quote)
    }
}
