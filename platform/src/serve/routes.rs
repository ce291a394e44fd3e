//! The collection service, routes: `/`, `/s/...` pages, `POST /responses`, `/healthz`,
//! `/metrics`, `/problems/<name>`, `/openapi.json`; CORS for the `--allow-origin` origins only.

use super::problem::{self, Problem};
use super::{responses, App};
use axum::extract::{Path, State};
use axum::http::{header, HeaderName, HeaderValue, Method, StatusCode};
use axum::response::{IntoResponse, Response};
use axum::routing::{get, post};
use axum::Router;
use std::sync::atomic::Ordering;
use std::sync::Arc;
use std::time::Duration;
use tower_http::cors::{AllowOrigin, CorsLayer};
use tower_http::timeout::RequestBodyTimeoutLayer;

pub fn router(app: Arc<App>, origins: &[String], body_timeout: Duration) -> Result<Router, String> {
    let router = Router::new()
        .route("/", get(index))
        .route("/s/{*path}", get(page))
        .route("/responses", post(responses::post).fallback(method_not_allowed))
        .route("/healthz", get(healthz))
        .route("/metrics", get(metrics))
        .route("/problems/{name}", get(problem_page))
        .route("/openapi.json", get(super::openapi::document))
        .fallback(not_found)
        .with_state(app)
        .layer(RequestBodyTimeoutLayer::new(body_timeout));
    if origins.is_empty() {
        return Ok(router);
    }
    let mut allowed = Vec::new();
    for origin in origins {
        let value = HeaderValue::from_str(origin.trim_end_matches('/'))
            .map_err(|_| format!("--allow-origin {origin}: not a valid origin"))?;
        allowed.push(value);
    }
    let cors = CorsLayer::new()
        .allow_origin(AllowOrigin::list(allowed))
        .allow_methods([Method::GET, Method::POST])
        .allow_headers([header::CONTENT_TYPE, HeaderName::from_static("idempotency-key")])
        .expose_headers([header::RETRY_AFTER])
        .max_age(Duration::from_secs(600));
    Ok(router.layer(cors))
}

fn with_headers(mut response: Response, content_type: &'static str) -> Response {
    let h = response.headers_mut();
    h.insert(header::CONTENT_TYPE, HeaderValue::from_static(content_type));
    h.insert(
        header::X_CONTENT_TYPE_OPTIONS,
        HeaderValue::from_static("nosniff"),
    );
    // The pages never tell another site where the respondent came from.
    h.insert(header::REFERRER_POLICY, HeaderValue::from_static("no-referrer"));
    response
}

async fn index(State(app): State<Arc<App>>) -> Response {
    with_headers(
        app.pages.index().to_owned().into_response(),
        "text/html; charset=utf-8",
    )
}

async fn page(State(app): State<Arc<App>>, Path(path): Path<String>) -> Response {
    match app.pages.get(&path) {
        Some(page) => with_headers(page.bytes.clone().into_response(), page.content_type),
        None => Problem::new(problem::NOT_FOUND, format!("no page /s/{path}")).into_response(),
    }
}

async fn healthz(State(app): State<Arc<App>>) -> Response {
    let up = app.backend.ping().await;
    app.database_up.store(up.is_ok(), Ordering::Relaxed);
    match up {
        Ok(()) => with_headers(
            (StatusCode::OK, "{\"status\":\"ok\",\"database\":\"up\"}").into_response(),
            "application/json",
        ),
        Err(e) => Problem::new(problem::UNAVAILABLE, e.to_string())
            .retry_after(5)
            .into_response(),
    }
}

async fn metrics(State(app): State<Arc<App>>) -> Response {
    let up = app.backend.ping().await.is_ok();
    app.database_up.store(up, Ordering::Relaxed);
    with_headers(
        app.metrics.render(up).into_response(),
        "text/plain; version=0.0.4; charset=utf-8",
    )
}

async fn problem_page(Path(name): Path<String>) -> Response {
    match problem::page(&name) {
        Some(html) => with_headers(html.into_response(), "text/html; charset=utf-8"),
        None => Problem::new(problem::NOT_FOUND, format!("no problem type {name}")).into_response(),
    }
}

async fn method_not_allowed() -> Response {
    let mut r = Problem::new(problem::METHOD, "use POST /responses").into_response();
    r.headers_mut()
        .insert(header::ALLOW, HeaderValue::from_static("POST"));
    r
}

async fn not_found() -> Response {
    Problem::new(problem::NOT_FOUND, "see GET / for the surveys served").into_response()
}
