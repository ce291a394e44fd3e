//! The collection service, errors: every error is an RFC 9457 problem document
//! (`application/problem+json`) with a stable `type`. Types are the relative URIs
//! `/problems/<name>`; the server itself answers them with a page that explains the problem.

use axum::http::{header, HeaderValue, StatusCode};
use axum::response::{IntoResponse, Response};
use rileva_compiler::response::Rejection;
use serde::Serialize;

/// One kind of problem: its name (the last part of the `type` URI), status and title.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Kind {
    pub name: &'static str,
    pub status: u16,
    pub title: &'static str,
    /// What a client should do, for the `/problems/<name>` page.
    pub explanation: &'static str,
}

macro_rules! kinds {
    ($($id:ident = $name:literal, $status:literal, $title:literal, $explanation:literal;)*) => {
        $(pub const $id: Kind = Kind { name: $name, status: $status, title: $title, explanation: $explanation };)*
        /// Every kind, for the documentation pages and the tests.
        pub const ALL: &[Kind] = &[$($id),*];
    };
}

kinds! {
    INVALID_RESPONSE = "invalid-response", 422, "The response is not valid for its survey",
        "Every reason is in `errors`, as `rileva validate` gives them: `reason` is a stable name, `key` the metadata key or question id. Nothing was stored; fix the response and send it again (the same Idempotency-Key may be reused).";
    UNKNOWN_SURVEY = "unknown-survey", 404, "This server does not collect that survey",
        "The response's `survey` is not one of the surveys served (see `GET /`). Nothing was stored.";
    UNKNOWN_VERSION = "unknown-version", 404, "This server does not collect that version of the survey",
        "The response's `version` is not served; `detail` lists the versions that are. Nothing was stored.";
    NOT_JSON = "not-json", 400, "The body is not JSON",
        "The body must be one JSON object (UTF-8). Nothing was stored.";
    MISSING_KEY = "missing-idempotency-key", 400, "The Idempotency-Key header is missing",
        "Send an `Idempotency-Key` header made once per response (e.g. a UUID) and keep it across retries. Nothing was stored.";
    BAD_KEY = "invalid-idempotency-key", 400, "The Idempotency-Key header is malformed",
        "An Idempotency-Key has 1 to 128 characters of `A-Z a-z 0-9 - _ . ~`. Nothing was stored.";
    KEY_REUSED = "idempotency-key-reused", 409, "This Idempotency-Key was already used for another response",
        "A key names one response: a resend must carry the same JSON value. Make a new key for a new response. Nothing was stored.";
    TOO_LARGE = "body-too-large", 413, "The body is larger than this server accepts",
        "`detail` gives the limit (`--max-body`). Nothing was stored.";
    NOT_JSON_MEDIA = "unsupported-media-type", 415, "The body must be application/json",
        "Send `Content-Type: application/json`. Nothing was stored.";
    RATE_LIMITED = "rate-limited", 429, "Too many responses from this address",
        "Wait the seconds of `Retry-After`, then send again with the same Idempotency-Key. Nothing was stored.";
    UNAVAILABLE = "database-unavailable", 503, "The database does not answer",
        "Nothing was stored. Send again after `Retry-After` seconds with the same Idempotency-Key: a response is stored once however often it is sent.";
    SLOW_BODY = "body-timeout", 408, "The body did not arrive in time",
        "Nothing was stored. Send again with the same Idempotency-Key.";
    NOT_FOUND = "not-found", 404, "Nothing here",
        "See `GET /` for the surveys and their pages.";
    METHOD = "method-not-allowed", 405, "This method is not allowed here",
        "Responses are sent with `POST /responses`.";
    INTERNAL = "internal-error", 500, "rileva could not store a response it accepted",
        "The database refused a response that the survey's meaning accepts: a bug in rileva. Nothing was stored; please report it with the server's log.";
}

/// One reason of a 422, as `rileva validate` gives it.
#[derive(Debug, Clone, Serialize)]
pub struct Reason {
    pub reason: &'static str,
    pub key: Option<String>,
    pub message: String,
}

impl From<&Rejection> for Reason {
    fn from(r: &Rejection) -> Reason {
        Reason {
            reason: r.kind.as_str(),
            key: r.key.clone(),
            message: r.message.clone(),
        }
    }
}

#[derive(Debug, Clone)]
pub struct Problem {
    pub kind: Kind,
    pub detail: String,
    pub errors: Option<Vec<Reason>>,
    pub retry_after: Option<u64>,
}

#[derive(Serialize)]
struct Body<'a> {
    #[serde(rename = "type")]
    kind: String,
    title: &'a str,
    status: u16,
    detail: &'a str,
    #[serde(skip_serializing_if = "Option::is_none")]
    errors: &'a Option<Vec<Reason>>,
}

impl Problem {
    pub fn new(kind: Kind, detail: impl Into<String>) -> Problem {
        Problem {
            kind,
            detail: detail.into(),
            errors: None,
            retry_after: None,
        }
    }

    pub fn retry_after(mut self, seconds: u64) -> Problem {
        self.retry_after = Some(seconds.max(1));
        self
    }

    pub fn type_uri(kind: Kind) -> String {
        format!("/problems/{}", kind.name)
    }
}

impl IntoResponse for Problem {
    fn into_response(self) -> Response {
        let body = Body {
            kind: Problem::type_uri(self.kind),
            title: self.kind.title,
            status: self.kind.status,
            detail: &self.detail,
            errors: &self.errors,
        };
        let json = serde_json::to_string(&body).unwrap_or_default();
        let status = StatusCode::from_u16(self.kind.status).unwrap_or(StatusCode::INTERNAL_SERVER_ERROR);
        let mut response = (status, json).into_response();
        let headers = response.headers_mut();
        headers.insert(
            header::CONTENT_TYPE,
            HeaderValue::from_static("application/problem+json"),
        );
        headers.insert(header::CACHE_CONTROL, HeaderValue::from_static("no-store"));
        if let Some(seconds) = self.retry_after {
            headers.insert(header::RETRY_AFTER, HeaderValue::from(seconds));
        }
        response
    }
}

/// The page at `/problems/<name>`.
pub fn page(name: &str) -> Option<String> {
    let kind = ALL.iter().find(|k| k.name == name)?;
    Some(format!(
        "<!DOCTYPE html>\n<html lang=\"en\"><head><meta charset=\"utf-8\"><title>{status} {title}</title></head>\n<body><h1>{status} {title}</h1>\n<p>{explanation}</p>\n<p>Problem type <code>/problems/{name}</code> of <code>rileva serve</code>.</p></body></html>\n",
        status = kind.status,
        title = super::pages::escape(kind.title),
        explanation = super::pages::escape(kind.explanation),
        name = kind.name,
    ))
}
