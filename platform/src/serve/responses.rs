//! The collection service, `POST /responses`: the checks in this order (rate
//! limit, size, media type, key, JSON, survey and version, meaning), then one idempotent
//! insert. A 2xx is sent only after the store says the transaction committed.

use super::metrics::Outcome;
use super::problem::{self, Problem, Reason};
use super::{App, ClientAddr};
use crate::store::{StoreError, Stored, Submission};
use axum::body::{Body, Bytes};
use axum::extract::State;
use axum::http::{header, HeaderMap, HeaderValue, StatusCode};
use axum::response::{IntoResponse, Response};
use axum::Extension;
use rileva_compiler::response::{self, Kind as Reject, Rejection};
use serde_json::Value;
use sha2::{Digest, Sha256};
use std::sync::Arc;

/// Seconds a client is asked to wait when the database is down.
const RETRY_UNAVAILABLE: u64 = 5;

pub async fn post(
    State(app): State<Arc<App>>,
    Extension(ClientAddr(address)): Extension<ClientAddr>,
    headers: HeaderMap,
    body: Body,
) -> Response {
    match accept(&app, address, &headers, body).await {
        Ok(response) => response,
        Err(Refusal::Survey(survey, problem)) => {
            app.metrics.response(survey, Outcome::Rejected);
            problem.into_response()
        }
        Err(Refusal::Other(problem)) => {
            app.metrics.refused(problem.kind.status);
            problem.into_response()
        }
    }
}

enum Refusal {
    /// Refused for a served survey version (409, 422): counted as `rejected`.
    Survey(usize, Box<Problem>),
    Other(Box<Problem>),
}

impl From<Problem> for Refusal {
    fn from(p: Problem) -> Refusal {
        Refusal::Other(Box::new(p))
    }
}

async fn accept(
    app: &App,
    address: std::net::IpAddr,
    headers: &HeaderMap,
    body: Body,
) -> Result<Response, Refusal> {
    let too_large = || {
        Problem::new(
            problem::TOO_LARGE,
            format!("the body may have at most {} bytes (--max-body)", app.max_body),
        )
    };
    let declared = headers
        .get(header::CONTENT_LENGTH)
        .and_then(|v| v.to_str().ok())
        .and_then(|v| v.parse::<u64>().ok());
    if declared.is_some_and(|n| n > app.max_body as u64) {
        return Err(too_large().into());
    }
    // The body is read before any other refusal: a connection whose request body is left
    // unread is closed by hyper, and the client may then lose the answer to a reset instead
    // of reading its problem document and reusing the connection.
    let bytes: Bytes = axum::body::to_bytes(body, app.max_body).await.map_err(|e| {
        let mut source: Option<&dyn std::error::Error> = Some(&e);
        while let Some(s) = source {
            if s.is::<http_body_util::LengthLimitError>() {
                return too_large();
            }
            source = s.source();
        }
        Problem::new(problem::SLOW_BODY, "the body was not received completely")
    })?;
    if let Some(limiter) = &app.limiter {
        limiter.check(address).map_err(|wait| {
            Problem::new(
                problem::RATE_LIMITED,
                format!("at most {} responses a minute from one address", app.rate_limit),
            )
            .retry_after(wait)
        })?;
    }
    if !is_json(headers) {
        return Err(Problem::new(problem::NOT_JSON_MEDIA, "send Content-Type: application/json").into());
    }
    let key = idempotency_key(headers)?;
    let value: Value = serde_json::from_slice(&bytes)
        .map_err(|e| Problem::new(problem::NOT_JSON, format!("the body is not JSON: {e}")))?;
    let index = app.survey_for(&value)?;
    let survey = &app.surveys[index];
    let rejections = response::validate(survey, &value);
    if !rejections.is_empty() {
        let mut p = Problem::new(
            problem::INVALID_RESPONSE,
            format!("{} reason(s); nothing was stored", rejections.len()),
        );
        p.errors = Some(rejections.iter().map(Reason::from).collect());
        return Err(Refusal::Survey(index, Box::new(p)));
    }
    let row = rileva_targets::sql::row::row(survey, &value).map_err(|why| {
        Problem::new(
            problem::INTERNAL,
            format!("an accepted response has no row: {why}"),
        )
    })?;
    let submission = Submission {
        tables: app.tables_of[index],
        row,
        key,
        digest: digest(&value),
    };
    match app.backend.store(submission).await {
        Ok(Stored::New(id)) => {
            app.metrics.response(index, Outcome::Stored);
            Ok(created(StatusCode::CREATED, id))
        }
        Ok(Stored::Replayed(id)) => {
            app.metrics.response(index, Outcome::Replayed);
            Ok(created(StatusCode::OK, id))
        }
        Ok(Stored::Conflict) => Err(Refusal::Survey(
            index,
            Box::new(Problem::new(
                problem::KEY_REUSED,
                "this Idempotency-Key was stored with another body",
            )),
        )),
        Err(StoreError::Unavailable(why)) => {
            eprintln!("rileva serve: database unavailable: {why}");
            Err(Problem::new(
                problem::UNAVAILABLE,
                "the database does not answer; nothing was stored",
            )
            .retry_after(RETRY_UNAVAILABLE)
            .into())
        }
        Err(StoreError::Refused(why)) => {
            eprintln!("rileva serve: BUG: the database refused an accepted response: {why}");
            Err(Problem::new(problem::INTERNAL, "the database refused an accepted response").into())
        }
    }
}

fn created(status: StatusCode, id: i64) -> Response {
    let mut response = (status, format!("{{\"response_id\":{id}}}")).into_response();
    let h = response.headers_mut();
    h.insert(header::CONTENT_TYPE, HeaderValue::from_static("application/json"));
    h.insert(header::CACHE_CONTROL, HeaderValue::from_static("no-store"));
    response
}

/// `application/json`, with any parameters (`; charset=utf-8`), in any letter case.
fn is_json(headers: &HeaderMap) -> bool {
    headers
        .get(header::CONTENT_TYPE)
        .and_then(|v| v.to_str().ok())
        .map(|v| v.split(';').next().unwrap_or("").trim())
        .is_some_and(|essence| essence.eq_ignore_ascii_case("application/json"))
}

/// The `Idempotency-Key`: 1 to 128 of `A-Z a-z 0-9 - _ . ~`. The quoted form of the IETF
/// draft (`"abc"`) is taken as `abc`.
fn idempotency_key(headers: &HeaderMap) -> Result<String, Problem> {
    let mut values = headers.get_all("idempotency-key").iter();
    let Some(value) = values.next() else {
        return Err(Problem::new(problem::MISSING_KEY, "no Idempotency-Key header"));
    };
    if values.next().is_some() {
        return Err(Problem::new(
            problem::BAD_KEY,
            "more than one Idempotency-Key header",
        ));
    }
    let text = value.to_str().unwrap_or("\u{0}");
    let text = text
        .strip_prefix('"')
        .and_then(|t| t.strip_suffix('"'))
        .unwrap_or(text);
    let allowed = |c: char| c.is_ascii_alphanumeric() || "-_.~".contains(c);
    if text.is_empty() || text.len() > 128 || !text.chars().all(allowed) {
        return Err(Problem::new(
            problem::BAD_KEY,
            "an Idempotency-Key has 1 to 128 characters of A-Z a-z 0-9 - _ . ~",
        ));
    }
    Ok(text.to_owned())
}

impl App {
    /// The served survey version a response names: 404 when not served; 422 when it names
    /// none (no `survey`, or not an object).
    fn survey_for(&self, value: &Value) -> Result<usize, Refusal> {
        let invalid = |r: Rejection| {
            let mut p = Problem::new(problem::INVALID_RESPONSE, "1 reason(s); nothing was stored");
            p.errors = Some(vec![Reason::from(&r)]);
            Refusal::Other(Box::new(p))
        };
        let Value::Object(object) = value else {
            return Err(invalid(Rejection::new(
                Reject::NotAnObject,
                None,
                "the response is not a JSON object",
            )));
        };
        let id = match object.get("survey") {
            Some(Value::String(id)) => id,
            None => {
                return Err(invalid(Rejection::new(
                    Reject::MissingField,
                    Some("survey"),
                    "`survey` is missing",
                )))
            }
            Some(_) => {
                return Err(invalid(Rejection::new(
                    Reject::WrongType,
                    Some("survey"),
                    "`survey` is not text",
                )))
            }
        };
        let Some(versions) = self.versions.get(id.as_str()) else {
            return Err(
                Problem::new(problem::UNKNOWN_SURVEY, format!("survey {id} is not served here")).into(),
            );
        };
        match object.get("version") {
            Some(Value::String(v)) => versions
                .iter()
                .find(|(version, _)| version == v)
                .map(|(_, index)| *index)
                .ok_or_else(|| {
                    let served: Vec<&str> = versions.iter().map(|(v, _)| v.as_str()).collect();
                    Problem::new(
                        problem::UNKNOWN_VERSION,
                        format!(
                            "version {v} of {id} is not served here; served: {}",
                            served.join(", ")
                        ),
                    )
                    .into()
                }),
            // No version, or not text: the latest version's meaning reports it.
            _ => Ok(versions.last().map(|(_, index)| *index).unwrap_or_default()),
        }
    }
}

/// SHA-256 (hex) of the canonical JSON of a value: object keys sorted, no spaces, numbers
/// and strings as serde_json writes them. Two bodies are "the same JSON value" when these
/// agree (key order and spacing do not matter).
pub fn digest(value: &Value) -> String {
    let mut text = String::new();
    canonical(value, &mut text);
    let hash = Sha256::digest(text.as_bytes());
    hash.iter().map(|b| format!("{b:02x}")).collect()
}

fn canonical(value: &Value, out: &mut String) {
    match value {
        Value::Object(map) => {
            let mut keys: Vec<&String> = map.keys().collect();
            keys.sort();
            out.push('{');
            for (i, key) in keys.iter().enumerate() {
                if i > 0 {
                    out.push(',');
                }
                out.push_str(&Value::String((*key).clone()).to_string());
                out.push(':');
                canonical(&map[key.as_str()], out);
            }
            out.push('}');
        }
        Value::Array(items) => {
            out.push('[');
            for (i, item) in items.iter().enumerate() {
                if i > 0 {
                    out.push(',');
                }
                canonical(item, out);
            }
            out.push(']');
        }
        other => out.push_str(&other.to_string()),
    }
}
