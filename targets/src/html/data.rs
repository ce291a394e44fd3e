//! HTML target: the data the page's script reads (survey metadata, each question's rules and
//! routing as the IR's own `Expr` JSON, checks, messages), serialised straight from
//! borrowed view structs (keys in a fixed order) and made safe to sit inside
//! `<script type="application/json">`.

use super::i18n::Strings;
use super::question::Control;
use rileva_compiler::ir::{Expr, Question, QuestionKind, Survey};
use rileva_compiler::response::SPECIFY_MAX_CHARS;
use serde::Serialize;
use serde_json::value::RawValue;
use std::io;

/// Everything the script needs to route, validate and send one response.
#[derive(Serialize)]
pub struct FormData<'a> {
    survey: &'a str,
    version: &'a str,
    language: &'a str,
    channel: &'static str,
    specify_max_length: u32,
    /// [`questions_json`], the same in every language.
    questions: &'a RawValue,
    checks: Vec<CheckData<'a>>,
    messages: Messages<'a>,
    /// The survey's site ids, only when it lists sites: the script sends `?site=` of the
    /// page's address as the response's `site` when it is one of them.
    #[serde(skip_serializing_if = "Vec::is_empty")]
    sites: Vec<&'a str>,
}

#[derive(Serialize)]
struct CheckData<'a> {
    condition: &'a Expr,
    message: &'a str,
    questions: Vec<&'a str>,
}

#[derive(Serialize)]
struct Messages<'a> {
    required: &'a str,
    max_length: &'a str,
    number: &'a str,
    min_picks: &'a str,
    min_one: &'a str,
    max_picks: &'a str,
    max_one: &'a str,
    summary: &'a str,
    sending: &'a str,
    resend: &'a str,
    send_failed: &'a str,
    send_unavailable: &'a str,
    send_rejected: &'a str,
    send_refused: &'a str,
    send_conflict: &'a str,
    thanks: &'a str,
}

#[derive(Serialize)]
struct QuestionData<'a> {
    id: &'a str,
    control: Control,
    required: bool,
    show_if: Option<&'a Expr>,
    missing: Vec<i64>,
    specify: Vec<i64>,
    #[serde(skip_serializing_if = "Option::is_none")]
    min: Option<i64>,
    #[serde(skip_serializing_if = "Option::is_none")]
    max: Option<i64>,
    #[serde(skip_serializing_if = "Option::is_none")]
    max_length: Option<u32>,
    #[serde(skip_serializing_if = "Option::is_none")]
    min_picks: Option<u32>,
    /// Only for `multi` questions, where `null` says "no most".
    #[serde(skip_serializing_if = "Option::is_none")]
    max_picks: Option<Option<u32>>,
}

/// The questions' data as JSON: made once for every language's page.
pub fn questions_json(questions: &[&Question]) -> Box<RawValue> {
    let data: Vec<QuestionData> = questions.iter().map(|q| question_data(q)).collect();
    // Plain data with string keys: serialising cannot fail.
    serde_json::value::to_raw_value(&data).unwrap_or_else(|_| RawValue::NULL.to_owned())
}

pub fn form_data<'a>(
    survey: &'a Survey,
    questions: &'a RawValue,
    lang: &'a str,
    ui: &'a Strings,
    thanks: &'a str,
) -> FormData<'a> {
    FormData {
        survey: &survey.id,
        version: &survey.version,
        language: lang,
        channel: "web",
        specify_max_length: SPECIFY_MAX_CHARS,
        questions,
        checks: survey
            .checks
            .iter()
            .map(|c| CheckData {
                condition: &c.condition,
                message: c.message.get(lang).trim(),
                questions: c.condition.questions(),
            })
            .collect(),
        messages: Messages {
            required: ui.err_required,
            max_length: ui.err_max_length,
            number: ui.err_number,
            min_picks: ui.err_min_picks,
            min_one: ui.err_min_one,
            max_picks: ui.err_max_picks,
            max_one: ui.err_max_one,
            summary: ui.error_summary,
            sending: ui.sending,
            resend: ui.resend,
            send_failed: ui.send_failed,
            send_unavailable: ui.send_unavailable,
            send_rejected: ui.send_rejected,
            send_refused: ui.send_refused,
            send_conflict: ui.send_conflict,
            thanks,
        },
        sites: survey.sites.iter().map(|s| s.id.as_str()).collect(),
    }
}

fn question_data(question: &Question) -> QuestionData<'_> {
    let multi = question.kind == QuestionKind::Multi;
    QuestionData {
        id: &question.id,
        control: answer_control(question.kind),
        required: question.required,
        show_if: question.show_if.as_ref(),
        missing: question
            .codes
            .iter()
            .filter(|c| c.missing)
            .map(|c| c.value)
            .collect(),
        specify: question.specify_codes().map(|c| c.value).collect(),
        min: question.range.map(|r| r.min),
        max: question.range.map(|r| r.max),
        max_length: question.max_length,
        min_picks: multi.then(|| question.min_picks.unwrap_or(1)),
        max_picks: multi.then_some(question.max_picks),
    }
}

/// How the script reads an answer: the theme's look does not matter here.
fn answer_control(kind: QuestionKind) -> Control {
    match kind {
        QuestionKind::Multi => Control::Checkboxes,
        QuestionKind::Number => Control::Number,
        QuestionKind::Text => Control::Textarea,
        _ => Control::Radios,
    }
}

/// Serialise `value` for an inline `<script type="application/json">`: `<`, `>` and `&`
/// (and the JavaScript line separators) become `\u` escapes, which JSON reads back
/// unchanged, so no text of the survey can close the script element. They can only stand
/// inside JSON strings, where the escape means the same character.
pub fn script_json(value: &impl Serialize) -> String {
    let mut out = Vec::with_capacity(4096);
    let mut serializer = serde_json::Serializer::with_formatter(&mut out, ScriptSafe);
    // Plain data with string keys into memory: serialising cannot fail, and the output of
    // serde_json (escaped only with ASCII) is UTF-8.
    if value.serialize(&mut serializer).is_err() {
        return String::new();
    }
    String::from_utf8(out).unwrap_or_default()
}

/// serde_json's compact output, with [`script_json`]'s escapes written into each string and
/// into a raw value (the questions' JSON, whose `<`, `>` and `&` also stand only inside its
/// strings).
struct ScriptSafe;

impl serde_json::ser::Formatter for ScriptSafe {
    fn write_string_fragment<W: ?Sized + io::Write>(&mut self, out: &mut W, text: &str) -> io::Result<()> {
        write_script_safe(out, text)
    }

    fn write_raw_fragment<W: ?Sized + io::Write>(&mut self, out: &mut W, json: &str) -> io::Result<()> {
        write_script_safe(out, json)
    }
}

fn write_script_safe<W: ?Sized + io::Write>(out: &mut W, text: &str) -> io::Result<()> {
    let bytes = text.as_bytes();
    let mut start = 0;
    if text.is_ascii() {
        // No line separator: only `<`, `>` and `&`, found many bytes at a time.
        for i in memchr::memchr3_iter(b'<', b'>', b'&', bytes) {
            out.write_all(&bytes[start..i])?;
            out.write_all(ascii_escape(bytes[i]).as_bytes())?;
            start = i + 1;
        }
        return out.write_all(&bytes[start..]);
    }
    for (i, c) in text.char_indices() {
        let escape = match c {
            '<' | '>' | '&' => ascii_escape(c as u8),
            '\u{2028}' => "\\u2028",
            '\u{2029}' => "\\u2029",
            _ => continue,
        };
        out.write_all(&bytes[start..i])?;
        out.write_all(escape.as_bytes())?;
        start = i + c.len_utf8();
    }
    out.write_all(&bytes[start..])
}

fn ascii_escape(byte: u8) -> &'static str {
    match byte {
        b'<' => "\\u003c",
        b'>' => "\\u003e",
        _ => "\\u0026",
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use serde_json::{json, Value};

    #[test]
    fn script_json_cannot_close_the_script_element() {
        let value = json!({"t": "</script><!-- & \u{2028}"});
        let safe = script_json(&value);
        assert!(!safe.contains('<') && !safe.contains('>') && !safe.contains('&'));
        let back: Value = serde_json::from_str(&safe).expect("still JSON");
        assert_eq!(back, value);
    }

    /// The escapes are those of replacing the bytes of serde_json's output, in its strings,
    /// its keys and a raw value alike; other texts are copied as they are.
    #[test]
    fn script_json_is_serde_json_with_the_bytes_replaced() {
        #[derive(Serialize)]
        struct Data<'a, T> {
            text: &'a str,
            part: T,
        }
        let part = json!({"a<": ["&>", "\u{2029}", 1]});
        let texts = [
            "",
            "plain",
            "l'«orario» \"q\"\n",
            "<&>\u{2028}\u{2029}\u{2027}é",
            "a\\</b>",
        ];
        for text in texts {
            let replaced = serde_json::to_string(&Data { text, part: &part })
                .expect("json")
                .replace('<', "\\u003c")
                .replace('>', "\\u003e")
                .replace('&', "\\u0026")
                .replace('\u{2028}', "\\u2028")
                .replace('\u{2029}', "\\u2029");
            let raw = serde_json::value::to_raw_value(&part).expect("raw");
            let safe = script_json(&Data { text, part: &raw });
            assert_eq!(safe, replaced, "{text:?}");
        }
    }
}
