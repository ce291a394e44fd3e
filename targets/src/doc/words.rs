//! Doc target: a condition in words for the people who review a questionnaire ("Asked only
//! if “soddisfazione” is 1 “Per niente soddisfatto” or 2 “Poco soddisfatto”.").
//!
//! The words follow `ir::Expr` exactly. A negation is pushed down to the comparisons (De
//! Morgan). A comparison on a coded question is said as the set of codes that satisfy it, an
//! ordering comparison never matching a missing code; a negated comparison also holds when
//! the question is unanswered, and says so. Questions are named by their id, which heads
//! each question of the document; codes by number and label in the page's language.

use super::i18n::{fill, Strings, Words};
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
    ctx.clause(expr, false).0
}

#[derive(Clone, Copy, PartialEq, Eq)]
enum Joint {
    And,
    Or,
}

struct Ctx<'a> {
    survey: &'a Survey,
    lang: &'a str,
    words: &'a Words,
}

impl Ctx<'_> {
    fn clause(&self, expr: &Expr, negated: bool) -> (String, Option<Joint>) {
        match expr {
            Expr::Or { operands } => {
                self.joined(operands, negated, if negated { Joint::And } else { Joint::Or })
            }
            Expr::And { operands } => {
                self.joined(operands, negated, if negated { Joint::Or } else { Joint::And })
            }
            Expr::Not { operand } => self.clause(operand, !negated),
            Expr::Compare { question, cmp, value } => (self.compare(question, *cmp, *value, negated), None),
            Expr::In { question, values } => (self.one_of(question, values, negated), None),
            Expr::Has { question, code } => {
                let template = if negated {
                    self.words.excludes
                } else {
                    self.words.includes
                };
                let answer = self.code_phrase(question, *code);
                (
                    fill(template, &[("q", &self.quote(question)), ("a", &answer)]),
                    None,
                )
            }
            Expr::Answered { question } => {
                let template = if negated {
                    self.words.not_answered
                } else {
                    self.words.answered
                };
                (fill(template, &[("q", &self.quote(question))]), None)
            }
        }
    }

    fn joined(&self, operands: &[Expr], negated: bool, joint: Joint) -> (String, Option<Joint>) {
        let word = match joint {
            Joint::And => self.words.and,
            Joint::Or => self.words.or,
        };
        let parts: Vec<String> = operands
            .iter()
            .map(|e| match self.clause(e, negated) {
                (text, Some(inner)) if inner != joint => format!("({text})"),
                (text, _) => text,
            })
            .collect();
        if parts.len() == 1 {
            return (parts.into_iter().next().unwrap_or_default(), None);
        }
        (parts.join(&format!(" {word} ")), Some(joint))
    }

    fn compare(&self, id: &str, cmp: CmpOp, value: i64, negated: bool) -> String {
        match self.survey.question(id) {
            Some(q) if q.kind.is_coded() => {
                let codes: Vec<&Code> = q
                    .codes
                    .iter()
                    .filter(|c| match cmp {
                        CmpOp::Eq | CmpOp::Ne => cmp.holds(c.value, value),
                        _ => !c.missing && cmp.holds(c.value, value),
                    })
                    .collect();
                self.is(id, &self.code_list(&codes), negated)
            }
            _ => {
                let index = match cmp {
                    CmpOp::Eq => 0,
                    CmpOp::Ne => 1,
                    CmpOp::Lt => 2,
                    CmpOp::Le => 3,
                    CmpOp::Gt => 4,
                    CmpOp::Ge => 5,
                };
                self.is(
                    id,
                    &fill(self.words.number[index], &[("v", &value.to_string())]),
                    negated,
                )
            }
        }
    }

    fn one_of(&self, id: &str, values: &[i64], negated: bool) -> String {
        let phrases: Vec<String> = match self.survey.question(id) {
            Some(q) if q.kind.is_coded() => q
                .codes
                .iter()
                .filter(|c| values.contains(&c.value))
                .map(|c| self.code(c))
                .collect(),
            _ => values.iter().map(i64::to_string).collect(),
        };
        self.is(id, &self.or_list(&phrases), negated)
    }

    fn is(&self, id: &str, answers: &str, negated: bool) -> String {
        let template = if negated { self.words.is_not } else { self.words.is };
        fill(template, &[("q", &self.quote(id)), ("a", answers)])
    }

    fn code_list(&self, codes: &[&Code]) -> String {
        let phrases: Vec<String> = codes.iter().map(|c| self.code(c)).collect();
        self.or_list(&phrases)
    }

    /// `2 “Poco soddisfatto”`, or the bare number of an unlabelled code.
    fn code(&self, code: &Code) -> String {
        let label = code.label.get(self.lang).trim();
        if label.is_empty() {
            code.value.to_string()
        } else {
            format!("{} {}", code.value, self.quote(label))
        }
    }

    fn code_phrase(&self, id: &str, value: i64) -> String {
        match self.survey.question(id).and_then(|q| q.code(value)) {
            Some(code) => self.code(code),
            None => value.to_string(),
        }
    }

    fn or_list(&self, items: &[String]) -> String {
        match items {
            [] => "—".to_owned(),
            [only] => only.clone(),
            [init @ .., last] => format!("{} {} {}", init.join(", "), self.words.or, last),
        }
    }

    fn quote(&self, text: &str) -> String {
        format!("{}{}{}", self.words.open_quote, text, self.words.close_quote)
    }
}
