//! The collection service, `GET /openapi.json`: the OpenAPI 3.1 description of what this
//! server answers, built with utoipa's builders from the code that answers: the routes of
//! [`ROUTES`], the problem kinds of [`problem::ALL`] (each status with the `type` URIs it can
//! carry), the pages served, and each served survey version's response schema (the JSON
//! Schema target, as `/s/<id>@<version>/response.schema.json` serves it). Nothing is written
//! by hand: a new problem kind or survey appears here by itself.

use super::problem::{self, Kind};
use super::App;
use axum::extract::State;
use axum::http::{header, HeaderValue};
use axum::response::{IntoResponse, Response};
use serde_json::Value;
use std::collections::BTreeMap;
use std::sync::Arc;
use utoipa::openapi::path::{HttpMethod, OperationBuilder, ParameterBuilder, ParameterIn, PathItem};
use utoipa::openapi::request_body::RequestBodyBuilder;
use utoipa::openapi::schema::{ObjectBuilder, OneOfBuilder, Schema, Type};
use utoipa::openapi::{
    ComponentsBuilder, Content, HeaderBuilder, InfoBuilder, OpenApiBuilder, PathsBuilder, Ref, Required,
    ResponseBuilder,
};

/// The problem kinds each route can answer, beside its success. `POST /responses` can answer
/// every kind but two: `not-found` (a path no route has) and `method-not-allowed` (a method
/// a route does not have, with `Allow`), which no operation can describe; their documents
/// are among the components all the same.
fn kinds_of(route: Route) -> Vec<Kind> {
    match route {
        Route::Responses => problem::ALL
            .iter()
            .copied()
            .filter(|k| *k != problem::NOT_FOUND && *k != problem::METHOD)
            .collect(),
        Route::Healthz => vec![problem::UNAVAILABLE],
        Route::ProblemPage => vec![problem::NOT_FOUND],
        Route::Index | Route::Metrics | Route::OpenApi => Vec::new(),
    }
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Route {
    Index,
    Responses,
    Healthz,
    Metrics,
    ProblemPage,
    OpenApi,
}

/// Every route of `routes::router` that the description names: path, method, route, summary.
const ROUTES: &[(&str, HttpMethod, Route, &str)] = &[
    (
        "/",
        HttpMethod::Get,
        Route::Index,
        "The surveys served, with links to their pages",
    ),
    (
        "/responses",
        HttpMethod::Post,
        Route::Responses,
        "Store one response, once per Idempotency-Key",
    ),
    (
        "/healthz",
        HttpMethod::Get,
        Route::Healthz,
        "200 when the database answers",
    ),
    (
        "/metrics",
        HttpMethod::Get,
        Route::Metrics,
        "Counters in the Prometheus text format",
    ),
    (
        "/problems/{name}",
        HttpMethod::Get,
        Route::ProblemPage,
        "The page that explains a problem type",
    ),
    (
        "/openapi.json",
        HttpMethod::Get,
        Route::OpenApi,
        "This description",
    ),
];

/// `GET /openapi.json`.
pub async fn document(State(app): State<Arc<App>>) -> Response {
    let text = serde_json::to_string_pretty(&describe(&app)).unwrap_or_default();
    let mut response = text.into_response();
    response
        .headers_mut()
        .insert(header::CONTENT_TYPE, HeaderValue::from_static("application/json"));
    response
}

/// The whole description, as JSON.
pub fn describe(app: &App) -> Value {
    let mut paths = PathsBuilder::new();
    let mut items: BTreeMap<&str, PathItem> = BTreeMap::new();
    for (path, method, route, summary) in ROUTES {
        let operation = operation(app, *route, summary);
        match items.get_mut(path) {
            Some(item) => item.merge_operations(PathItem::new(method.clone(), operation)),
            None => {
                items.insert(path, PathItem::new(method.clone(), operation));
            }
        }
    }
    for (path, item) in items {
        paths = paths.path(path, item);
    }
    for (page, content_type) in app.pages.paths() {
        let ok = ResponseBuilder::new()
            .description("The page, as `rileva build` writes it, sending to `/responses`")
            .content(media(content_type), Content::new(None::<Schema>));
        let operation = OperationBuilder::new()
            .summary(Some(format!("Page {page}")))
            .response("200", ok);
        paths = paths.path(format!("/s/{page}"), PathItem::new(HttpMethod::Get, operation));
    }
    let mut components = ComponentsBuilder::new()
        .schema("Reason", reason_schema())
        .schema("Stored", stored_schema());
    for status in statuses() {
        components = components.schema(problem_name(status), problem_schema(status));
    }
    let openapi = OpenApiBuilder::new()
        .info(
            InfoBuilder::new()
                .title("rileva serve")
                .version(env!("CARGO_PKG_VERSION"))
                .description(Some(
                    "The collection service of rileva (docs/serve.md). Every error is an RFC 9457 problem document whose `type` is one of `/problems/<name>`.",
                )),
        )
        .paths(paths.build())
        .components(Some(components.build()))
        .build();
    let mut value = serde_json::to_value(&openapi).unwrap_or(Value::Null);
    // The survey schemas are whole JSON Schema 2020-12 documents (the dialect of OpenAPI 3.1):
    // they go in as the JSON Schema target wrote them, which utoipa's model cannot hold.
    if let Some(schemas) = value
        .pointer_mut("/components/schemas")
        .and_then(Value::as_object_mut)
    {
        for (name, schema) in survey_schemas(app) {
            schemas.insert(name, schema);
        }
    }
    value
}

/// A media type without its parameters, as OpenAPI names content.
fn media(content_type: &str) -> String {
    content_type
        .split(';')
        .next()
        .unwrap_or(content_type)
        .trim()
        .to_owned()
}

/// `(component name, schema)` of each served survey version, sorted.
fn survey_schemas(app: &App) -> Vec<(String, Value)> {
    let mut out = Vec::new();
    for survey in &app.surveys {
        let path = format!("{}@{}/response.schema.json", survey.id, survey.version);
        let Some(page) = app.pages.get(&path) else {
            continue;
        };
        if let Ok(schema) = serde_json::from_slice::<Value>(&page.bytes) {
            out.push((survey_name(&survey.id, &survey.version), schema));
        }
    }
    out.sort_by(|a, b| a.0.cmp(&b.0));
    out
}

fn survey_name(id: &str, version: &str) -> String {
    format!("response.{id}@{version}").replace('@', "_")
}

fn operation(app: &App, route: Route, summary: &str) -> OperationBuilder {
    let mut op = OperationBuilder::new().summary(Some(summary));
    op = match route {
        Route::Index | Route::ProblemPage => op.response("200", html("The page")),
        Route::Metrics => op.response(
            "200",
            ResponseBuilder::new()
                .description("rileva_responses_total, rileva_requests_refused_total, rileva_database_up")
                .content("text/plain", Content::new(None::<Schema>)),
        ),
        Route::OpenApi => op.response(
            "200",
            ResponseBuilder::new()
                .description("OpenAPI 3.1")
                .content("application/json", Content::new(None::<Schema>)),
        ),
        Route::Healthz => op.response(
            "200",
            ResponseBuilder::new()
                .description("The database answers")
                .content(
                    "application/json",
                    Content::new(Some(
                        ObjectBuilder::new()
                            .property(
                                "status",
                                ObjectBuilder::new()
                                    .schema_type(Type::String)
                                    .enum_values(Some(["ok"])),
                            )
                            .property(
                                "database",
                                ObjectBuilder::new()
                                    .schema_type(Type::String)
                                    .enum_values(Some(["up"])),
                            )
                            .required("status")
                            .required("database"),
                    )),
                ),
        ),
        Route::Responses => responses_operation(app, op),
    };
    if route == Route::ProblemPage {
        let names: Vec<&str> = problem::ALL.iter().map(|k| k.name).collect();
        op = op.parameter(
            ParameterBuilder::new()
                .name("name")
                .parameter_in(ParameterIn::Path)
                .required(Required::True)
                .schema(Some(
                    ObjectBuilder::new()
                        .schema_type(Type::String)
                        .enum_values(Some(names)),
                )),
        );
    }
    let mut by_status: BTreeMap<u16, Vec<Kind>> = BTreeMap::new();
    for kind in kinds_of(route) {
        by_status.entry(kind.status).or_default().push(kind);
    }
    for (status, kinds) in by_status {
        op = op.response(status.to_string(), problem_response(status, &kinds));
    }
    op
}

fn responses_operation(app: &App, op: OperationBuilder) -> OperationBuilder {
    let mut bodies = OneOfBuilder::new();
    for survey in &app.surveys {
        bodies = bodies.item(Ref::from_schema_name(survey_name(&survey.id, &survey.version)));
    }
    let stored = |description: &str| {
        ResponseBuilder::new().description(description).content(
            "application/json",
            Content::new(Some(Ref::from_schema_name("Stored"))),
        )
    };
    op.parameter(
        ParameterBuilder::new()
            .name("Idempotency-Key")
            .parameter_in(ParameterIn::Header)
            .required(Required::True)
            .description(Some(
                "Made once per response (e.g. a UUID) and kept across retries; the quoted form is taken too",
            ))
            .schema(Some(ObjectBuilder::new().schema_type(Type::String).pattern(
                Some(r#"^(?:[A-Za-z0-9._~-]{1,128}|"[A-Za-z0-9._~-]{1,128}")$"#),
            ))),
    )
    .request_body(Some(
        RequestBodyBuilder::new()
            .required(Some(Required::True))
            .description(Some(
                "One response (docs/language.md §10) to one of the survey versions served",
            ))
            .content("application/json", Content::new(Some(bodies)))
            .build(),
    ))
    .response("201", stored("Stored, committed before this answer"))
    .response(
        "200",
        stored("This key was stored before with the same JSON value: nothing more stored"),
    )
}

fn html(description: &str) -> ResponseBuilder {
    ResponseBuilder::new()
        .description(description)
        .content("text/html", Content::new(None::<Schema>))
}

/// Every status a problem kind has, sorted.
fn statuses() -> Vec<u16> {
    let mut out: Vec<u16> = problem::ALL.iter().map(|k| k.status).collect();
    out.sort_unstable();
    out.dedup();
    out
}

fn problem_name(status: u16) -> String {
    format!("Problem{status}")
}

/// A response with status `status`: a problem document of one of `kinds`.
fn problem_response(status: u16, kinds: &[Kind]) -> ResponseBuilder {
    let titles: Vec<String> = kinds
        .iter()
        .map(|k| format!("`{}`: {}", problem::Problem::type_uri(*k), k.title))
        .collect();
    let mut response = ResponseBuilder::new().description(titles.join("; ")).content(
        "application/problem+json",
        Content::new(Some(Ref::from_schema_name(problem_name(status)))),
    );
    if kinds
        .iter()
        .any(|k| *k == problem::RATE_LIMITED || *k == problem::UNAVAILABLE)
    {
        response = response.header(
            "Retry-After",
            HeaderBuilder::new()
                .schema(ObjectBuilder::new().schema_type(Type::Integer).minimum(Some(1)))
                .description(Some("Seconds to wait before sending again with the same key"))
                .build(),
        );
    }
    response
}

/// The RFC 9457 document of a status: its `type` is one of the kinds with that status.
fn problem_schema(status: u16) -> ObjectBuilder {
    let kinds: Vec<&Kind> = problem::ALL.iter().filter(|k| k.status == status).collect();
    let types: Vec<String> = kinds.iter().map(|k| problem::Problem::type_uri(**k)).collect();
    let titles: Vec<&str> = kinds.iter().map(|k| k.title).collect();
    let text = || ObjectBuilder::new().schema_type(Type::String);
    let mut object = ObjectBuilder::new()
        .schema_type(Type::Object)
        .property("type", text().enum_values(Some(types)))
        .property("title", text().enum_values(Some(titles)))
        .property(
            "status",
            ObjectBuilder::new()
                .schema_type(Type::Integer)
                .enum_values(Some([status])),
        )
        .property("detail", text())
        .required("type")
        .required("title")
        .required("status")
        .required("detail");
    if kinds.contains(&&problem::INVALID_RESPONSE) {
        object = object
            .property(
                "errors",
                utoipa::openapi::schema::ArrayBuilder::new().items(Ref::from_schema_name("Reason")),
            )
            .required("errors");
    }
    object
}

fn reason_schema() -> ObjectBuilder {
    ObjectBuilder::new()
        .schema_type(Type::Object)
        .description(Some("One reason, as `rileva validate` gives it"))
        .property("reason", ObjectBuilder::new().schema_type(Type::String))
        .property(
            "key",
            ObjectBuilder::new().schema_type(utoipa::openapi::schema::SchemaType::from_iter([
                Type::String,
                Type::Null,
            ])),
        )
        .property("message", ObjectBuilder::new().schema_type(Type::String))
        .required("reason")
        .required("key")
        .required("message")
}

fn stored_schema() -> ObjectBuilder {
    ObjectBuilder::new()
        .schema_type(Type::Object)
        .property("response_id", ObjectBuilder::new().schema_type(Type::Integer))
        .required("response_id")
}
