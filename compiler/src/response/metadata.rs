//! A response's metadata: survey, version, language, channel, submitted_at, the optional
//! site, and that `answers` is an object; no other top-level key.

use super::{json_type, timestamp, Kind, Rejection, METADATA_KEYS, SITE_KEY};
use crate::ir;
use serde_json::{Map, Value};

/// What the answer checks need from the metadata.
pub(super) struct Meta<'a> {
    /// The response's channel when it is one of the survey's.
    pub channel: Option<ir::Channel>,
    /// `answers`, when it is an object.
    pub answers: Option<&'a Map<String, Value>>,
}

pub(super) fn check<'a>(
    survey: &ir::Survey,
    object: &'a Map<String, Value>,
    out: &mut Vec<Rejection>,
) -> Meta<'a> {
    for key in METADATA_KEYS {
        if !object.contains_key(key) {
            out.push(Rejection::new(
                Kind::MissingField,
                Some(key),
                format!("`{key}` is missing: every response carries it"),
            ));
        }
    }
    if let Some(v) = object.get("survey") {
        expect_string(v, &survey.id, "survey", Kind::WrongSurvey, out);
    }
    if let Some(v) = object.get("version") {
        expect_string(v, &survey.version, "version", Kind::WrongVersion, out);
    }
    if let Some(v) = object.get("language") {
        language(survey, v, out);
    }
    let channel = object.get("channel").and_then(|v| channel(survey, v, out));
    if let Some(v) = object.get("submitted_at") {
        submitted_at(v, out);
    }
    match object.get(SITE_KEY) {
        Some(v) if !survey.sites.is_empty() => site(survey, v, out),
        _ => {}
    }
    let known = |k: &str| METADATA_KEYS.contains(&k) || (k == SITE_KEY && !survey.sites.is_empty());
    for key in object.keys().filter(|k| !known(k)) {
        out.push(unknown_top_level(survey, key));
    }
    let answers = match object.get("answers") {
        Some(Value::Object(answers)) => Some(answers),
        Some(other) => {
            out.push(Rejection::new(
                Kind::WrongType,
                Some("answers"),
                format!("`answers` is {}, not an object of answers", json_type(other)),
            ));
            None
        }
        None => None,
    };
    Meta { channel, answers }
}

fn expect_string(value: &Value, expected: &str, key: &str, kind: Kind, out: &mut Vec<Rejection>) {
    if value.as_str() != Some(expected) {
        out.push(Rejection::new(
            kind,
            Some(key),
            format!("`{key}` is {}, expected \"{expected}\"", shown(value)),
        ));
    }
}

fn language(survey: &ir::Survey, value: &Value, out: &mut Vec<Rejection>) {
    let known = value
        .as_str()
        .is_some_and(|l| survey.languages.iter().any(|s| s == l));
    if !known {
        out.push(Rejection::new(
            Kind::UnknownLanguage,
            Some("language"),
            format!(
                "`language` is {}, not one of the survey's languages: {}",
                shown(value),
                survey.languages.join(", ")
            ),
        ));
    }
}

fn channel(survey: &ir::Survey, value: &Value, out: &mut Vec<Rejection>) -> Option<ir::Channel> {
    let channel = value
        .as_str()
        .and_then(ir::Channel::parse)
        .filter(|c| survey.channels.contains(c));
    if channel.is_none() {
        let names: Vec<&str> = survey.channels.iter().map(|c| c.as_str()).collect();
        out.push(Rejection::new(
            Kind::UnknownChannel,
            Some("channel"),
            format!(
                "`channel` is {}, not one of the survey's channels: {}",
                shown(value),
                names.join(", ")
            ),
        ));
    }
    channel
}

fn site(survey: &ir::Survey, value: &Value, out: &mut Vec<Rejection>) {
    if value.as_str().is_some_and(|s| survey.site(s).is_some()) {
        return;
    }
    let ids: Vec<&str> = survey.sites.iter().map(|s| s.id.as_str()).collect();
    out.push(Rejection::new(
        Kind::UnknownSite,
        Some(SITE_KEY),
        format!(
            "`site` is {}, not one of the survey's sites: {}",
            shown(value),
            ids.join(", ")
        ),
    ));
}

fn submitted_at(value: &Value, out: &mut Vec<Rejection>) {
    if !value.as_str().is_some_and(timestamp::is_rfc3339) {
        out.push(Rejection::new(
            Kind::BadTimestamp,
            Some("submitted_at"),
            format!(
                "`submitted_at` is {}, not an RFC 3339 date-time such as \"2026-11-22T10:15:00Z\"",
                shown(value)
            ),
        ));
    }
}

fn unknown_top_level(survey: &ir::Survey, key: &str) -> Rejection {
    let message = if survey.question(key).is_some() {
        format!("`{key}` is a question: its answer belongs inside `answers`")
    } else if key == SITE_KEY {
        format!(
            "`site` is not a key of a response to {}: the survey lists no `sites`",
            survey.id
        )
    } else {
        let mut keys = METADATA_KEYS.to_vec();
        if !survey.sites.is_empty() {
            keys.push(SITE_KEY);
        }
        format!(
            "`{key}` is not a key of a response; the keys are {}",
            keys.join(", ")
        )
    };
    Rejection::new(Kind::UnknownKey, Some(key), message)
}

/// A value as it appears in a message: strings quoted, long values cut.
pub(super) fn shown(value: &Value) -> String {
    let text = value.to_string();
    if text.chars().count() <= 60 {
        return text;
    }
    let cut: String = text.chars().take(57).collect();
    format!("{cut}...")
}
