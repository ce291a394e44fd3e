//! The schema of one answer: a code (with its labels), a set of codes, a number, a text,
//! and the specify texts that go with some codes.

use super::condition::answer_is;
use crate::pretty::Writer;
use rileva_compiler::ir::{self, QuestionKind};
use rileva_compiler::response::{DEFAULT_TEXT_MAX_CHARS, SPECIFY_MAX_CHARS};

/// The `answers` property of `q`: title (wording) and description (help) in the default
/// language, then what its answer may be.
pub fn answer(w: &mut Writer, survey: &ir::Survey, q: &ir::Question) {
    let lang = survey.default_language();
    w.object(|w| {
        w.key("title").str(q.wording.get(lang));
        if let Some(help) = &q.help {
            w.key("description").str(help.get(lang));
        }
        match q.kind {
            QuestionKind::Multi => {
                w.key("type").str("array");
                w.key("items").object(|w| codes(w, survey, q));
                w.key("uniqueItems").bool(true);
                w.key("minItems").int(q.min_picks.unwrap_or(1).max(1));
                if let Some(max) = q.max_picks {
                    w.key("maxItems").int(max);
                }
            }
            QuestionKind::Number => {
                let range = q.range.unwrap_or(ir::Range {
                    min: i64::MIN,
                    max: i64::MAX,
                });
                w.key("type").str("integer");
                w.key("minimum").int(range.min);
                w.key("maximum").int(range.max);
            }
            QuestionKind::Text => text(w, q.max_length.unwrap_or(DEFAULT_TEXT_MAX_CHARS)),
            _ => {
                w.key("type").str("integer");
                codes(w, survey, q);
            }
        }
    });
}

/// `"oneOf": [{"const": 1, "title": label, "description": other languages}...]`: the
/// codes, each titled in the default language; its description gives the labels in the
/// other languages (`en: Very satisfied; de: Sehr zufrieden`) and says when it is a
/// missing code or opens a specify text.
fn codes(w: &mut Writer, survey: &ir::Survey, q: &ir::Question) {
    let lang = survey.default_language();
    let mut description = String::new();
    w.key("oneOf").array(|w| {
        for code in &q.codes {
            w.object(|w| {
                w.key("const").int(code.value);
                w.key("title").str(code.label.get(lang));
                code_description(&mut description, survey, q, code);
                if !description.is_empty() {
                    w.key("description").str(&description);
                }
            });
        }
    });
}

/// Into `out` (emptied first): `missing code`, `opens the text <key>` and the labels in the
/// other languages (`en: Very satisfied; de: Sehr zufrieden`), those that apply, joined by
/// `. `; nothing when none does.
fn code_description(out: &mut String, survey: &ir::Survey, q: &ir::Question, code: &ir::Code) {
    out.clear();
    let part = |out: &mut String| {
        if !out.is_empty() {
            out.push_str(". ");
        }
    };
    if code.missing {
        out.push_str("missing code");
    }
    if code.specify {
        part(out);
        out.push_str("opens the text ");
        out.push_str(&q.specify_key(code.value));
    }
    for (i, language) in survey.languages.iter().skip(1).enumerate() {
        if i == 0 {
            part(out);
        } else {
            out.push_str("; ");
        }
        out.push_str(language);
        out.push_str(": ");
        out.push_str(code.label.get(language));
    }
}

/// The specify texts of `q` as properties of `answers`, keyed `motivi_99_text`, each
/// titled with its code's label.
pub fn specify_texts(w: &mut Writer, survey: &ir::Survey, q: &ir::Question) {
    let lang = survey.default_language();
    for code in q.specify_codes() {
        w.key(&q.specify_key(code.value)).object(|w| {
            w.key("title")
                .str(&format!("{}: {}", q.wording.get(lang), code.label.get(lang)));
            text(w, SPECIFY_MAX_CHARS);
        });
    }
}

/// A non-empty text of at most `max` characters, without U+0000 (PostgreSQL cannot store it).
fn text(w: &mut Writer, max: u32) {
    w.key("type").str("string");
    w.key("minLength").int(1);
    w.key("maxLength").int(max);
    w.key("pattern").str(NO_NUL);
}

/// Any text without U+0000 (ECMA-262 syntax).
pub const NO_NUL: &str = "^[^\\u0000]*$";

/// When a specify text is present, its code is picked.
pub fn specify_dependency(w: &mut Writer, q: &ir::Question, code: i64) {
    answer_is(w, &q.id, |w| {
        w.object(|w| {
            if q.kind == QuestionKind::Multi {
                w.key("type").str("array");
                w.key("contains").object(|w| w.key("const").int(code));
            } else {
                w.key("const").int(code);
            }
        })
    });
}
