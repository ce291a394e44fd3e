//! Doc target: a condition in words for the people who review a questionnaire ("Asked only
//! if “soddisfazione” is 1 “Per niente soddisfatto” or 2 “Poco soddisfatto”.").
//!
//! The walk is the targets' shared one (`crate::words`: De Morgan, the codes that satisfy a
//! comparison); this file says its leaves for reviewers. A negated comparison also holds
//! when the question is unanswered, and says so. Questions are named by their id, which
//! heads each question of the document; codes by number and label in the page's language.

use super::i18n::{Strings, Words};
use crate::words::{self, fill, Joint, Leaves};
use rileva_compiler::ir::{CmpOp, Code, Expr, Survey};

/// "Asked only if ...": the whole sentence of a `show if`.
pub fn routing(survey: &Survey, expr: &Expr, lang: &str, strings: &Strings) -> String {
    fill(
        strings.words.only_if,
        &[("c", &clause(survey, expr, lang, strings))],
    )
}

/// "A response is accepted only if ...": the whole sentence of a `check`.
pub fn check(survey: &Survey, expr: &Expr, lang: &str, strings: &Strings) -> String {
    fill(
        strings.check_sentence,
        &[("c", &clause(survey, expr, lang, strings))],
    )
}

/// The condition as a clause, without the sentence around it.
pub fn clause(survey: &Survey, expr: &Expr, lang: &str, strings: &Strings) -> String {
    let ctx = Ctx {
        survey,
        lang,
        words: &strings.words,
    };
    words::clause(&ctx, expr)
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

    fn compare(&self, id: &str, cmp: CmpOp, value: i64, negated: bool) -> String {
        match self.survey.question(id) {
            Some(q) if q.kind.is_coded() => {
                let codes = words::satisfying(q, cmp, value);
                self.is(
                    id,
                    &words::or_list_of(&codes, self.words.or, |out, c| self.code_into(out, c)),
                    negated,
                )
            }
            _ => self.is(
                id,
                &fill(
                    self.words.number[words::number_index(cmp)],
                    &[("v", &value.to_string())],
                ),
                negated,
            ),
        }
    }

    fn one_of(&self, id: &str, values: &[i64], negated: bool) -> String {
        let phrases = match self.survey.question(id) {
            Some(q) if q.kind.is_coded() => {
                let codes = words::among(q, values);
                words::or_list_of(&codes, self.words.or, |out, c| self.code_into(out, c))
            }
            _ => self.or_list(&values.iter().map(i64::to_string).collect::<Vec<_>>()),
        };
        self.is(id, &phrases, negated)
    }

    fn has(&self, id: &str, code: i64, negated: bool) -> String {
        let template = if negated {
            self.words.excludes
        } else {
            self.words.includes
        };
        let answer = self.code_phrase(id, code);
        fill(template, &[("q", &self.quote(id)), ("a", &answer)])
    }

    fn answered(&self, id: &str, negated: bool) -> String {
        let template = if negated {
            self.words.not_answered
        } else {
            self.words.answered
        };
        fill(template, &[("q", &self.quote(id))])
    }
}

impl Ctx<'_> {
    fn is(&self, id: &str, answers: &str, negated: bool) -> String {
        let template = if negated { self.words.is_not } else { self.words.is };
        fill(template, &[("q", &self.quote(id)), ("a", answers)])
    }

    /// `2 “Poco soddisfatto”`, or the bare number of an unlabelled code.
    fn code_into(&self, out: &mut String, code: &Code) {
        use std::fmt::Write as _;
        let label = code.label.get(self.lang).trim();
        // Writing to a String cannot fail.
        let _ = write!(out, "{}", code.value);
        if !label.is_empty() {
            out.push(' ');
            words::quote_into(out, self.words.open_quote, label, self.words.close_quote);
        }
    }

    fn code_phrase(&self, id: &str, value: i64) -> String {
        match self.survey.question(id).and_then(|q| q.code(value)) {
            Some(code) => {
                let mut out = String::new();
                self.code_into(&mut out, code);
                out
            }
            None => value.to_string(),
        }
    }

    fn or_list(&self, items: &[String]) -> String {
        words::or_list(items, self.words.or)
    }

    fn quote(&self, text: &str) -> String {
        let mut out = String::new();
        words::quote_into(&mut out, self.words.open_quote, text, self.words.close_quote);
        out
    }
}
