//! The main loop: `initialize`, then one handler per request and notification until
//! `shutdown` and `exit`. Every handler runs under `catch_unwind`: a panic in one request
//! is answered as an `InternalError` and logged, and the server goes on with the next.

use crate::analysis::{Document, Workspace};
use crate::convert::{Encoding, LineIndex};
use crate::stdlib_files::{self, CacheFiles};
use crate::{completion, definition, diagnostics, hover, quickfix, symbols, ProjectLoader};
use lsp_server::{Connection, ErrorCode, Message, Notification, Request, RequestId, Response};
use lsp_types::notification::{self as note, Notification as _};
use lsp_types::request::{self as req, Request as _};
use lsp_types::*;
use serde_json::Value;
use std::collections::HashMap;
use std::panic::{catch_unwind, AssertUnwindSafe};
use std::path::PathBuf;

/// The request (or notification) that panics on purpose, heard only when
/// `RILEVA_LSP_DEBUG_PANIC` is set: the end-to-end tests prove with it that one crash
/// never stops the server.
pub const DEBUG_PANIC: &str = "rileva/debugPanic";

type Outcome = Result<Value, (ErrorCode, String)>;

/// Run the protocol on `connection` until the client says `exit`.
pub fn serve(connection: &Connection, loader: ProjectLoader) -> Result<(), String> {
    let (id, params) = connection.initialize_start().map_err(|e| e.to_string())?;
    let init: InitializeParams = serde_json::from_value(params).map_err(|e| e.to_string())?;
    let encoding = choose_encoding(&init);
    connection
        .initialize_finish(id, initialize_result(encoding))
        .map_err(|e| e.to_string())?;
    let mut ws = Workspace::new(loader, root(&init), init_libs(&init));
    ws.encoding = encoding;
    match stdlib_files::cache_root().ok_or_else(|| "no cache folder (HOME unset)".to_owned()) {
        Ok(root) => match CacheFiles::write(&root) {
            Ok(files) => ws.cache = Some(files),
            Err(e) => log(
                connection,
                MessageType::WARNING,
                &format!("stdlib files not written: {e}"),
            ),
        },
        Err(e) => log(connection, MessageType::WARNING, &e),
    }
    warn_lib_error(connection, &ws);
    for msg in &connection.receiver {
        match msg {
            Message::Request(request) => {
                if connection.handle_shutdown(&request).map_err(|e| e.to_string())? {
                    return Ok(());
                }
                let id = request.id.clone();
                let method = request.method.clone();
                let response = match catch_unwind(AssertUnwindSafe(|| handle_request(&ws, request))) {
                    Ok(outcome) => respond(id, outcome),
                    Err(panic) => crashed(connection, id, &method, &*panic),
                };
                send(connection, Message::Response(response));
            }
            Message::Notification(n) => {
                let method = n.method.clone();
                if catch_unwind(AssertUnwindSafe(|| handle_notification(connection, &mut ws, n))).is_err() {
                    log(
                        connection,
                        MessageType::ERROR,
                        &format!("rileva lsp: {method} crashed; the server goes on"),
                    );
                }
            }
            Message::Response(_) => {}
        }
    }
    Ok(())
}

fn choose_encoding(init: &InitializeParams) -> Encoding {
    let offered = init
        .capabilities
        .general
        .as_ref()
        .and_then(|g| g.position_encodings.as_ref());
    match offered {
        Some(kinds) if kinds.contains(&PositionEncodingKind::UTF8) => Encoding::Utf8,
        _ => Encoding::Utf16,
    }
}

fn initialize_result(encoding: Encoding) -> Value {
    let capabilities = ServerCapabilities {
        position_encoding: Some(match encoding {
            Encoding::Utf8 => PositionEncodingKind::UTF8,
            Encoding::Utf16 => PositionEncodingKind::UTF16,
        }),
        text_document_sync: Some(TextDocumentSyncCapability::Options(TextDocumentSyncOptions {
            open_close: Some(true),
            change: Some(TextDocumentSyncKind::FULL),
            save: Some(TextDocumentSyncSaveOptions::Supported(true)),
            ..TextDocumentSyncOptions::default()
        })),
        hover_provider: Some(HoverProviderCapability::Simple(true)),
        definition_provider: Some(OneOf::Left(true)),
        completion_provider: Some(CompletionOptions {
            trigger_characters: Some([":", " ", "=", "[", "."].map(String::from).to_vec()),
            ..CompletionOptions::default()
        }),
        document_formatting_provider: Some(OneOf::Left(true)),
        document_symbol_provider: Some(OneOf::Left(true)),
        code_action_provider: Some(CodeActionProviderCapability::Options(CodeActionOptions {
            code_action_kinds: Some(vec![CodeActionKind::QUICKFIX]),
            ..CodeActionOptions::default()
        })),
        ..ServerCapabilities::default()
    };
    serde_json::json!({
        "capabilities": capabilities,
        "serverInfo": { "name": "rileva", "version": env!("CARGO_PKG_VERSION") },
    })
}

#[allow(deprecated)] // `root_uri` is the fallback of clients without workspace folders
fn root(init: &InitializeParams) -> Option<PathBuf> {
    let folder = init
        .workspace_folders
        .as_ref()
        .and_then(|f| f.first())
        .map(|f| f.uri.clone())
        .or_else(|| init.root_uri.clone())?;
    folder.to_file_path().ok()
}

fn init_libs(init: &InitializeParams) -> Vec<PathBuf> {
    init.initialization_options
        .as_ref()
        .and_then(|o| o.get("lib"))
        .and_then(Value::as_array)
        .map(|dirs| dirs.iter().filter_map(Value::as_str).map(PathBuf::from).collect())
        .unwrap_or_default()
}

fn send(connection: &Connection, msg: Message) {
    // The client is gone when this fails; the loop ends when the channel closes.
    let _ = connection.sender.send(msg);
}

fn notify<N: lsp_types::notification::Notification>(connection: &Connection, params: N::Params) {
    send(
        connection,
        Message::Notification(Notification::new(N::METHOD.to_owned(), params)),
    );
}

fn log(connection: &Connection, typ: MessageType, message: &str) {
    eprintln!("rileva lsp: {message}");
    notify::<note::LogMessage>(
        connection,
        LogMessageParams {
            typ,
            message: message.to_owned(),
        },
    );
}

fn warn_lib_error(connection: &Connection, ws: &Workspace) {
    if let Some(e) = &ws.lib_error {
        notify::<note::ShowMessage>(
            connection,
            ShowMessageParams {
                typ: MessageType::ERROR,
                message: format!("rileva: the project's packages could not be read: {e}"),
            },
        );
    }
}

fn respond(id: RequestId, outcome: Outcome) -> Response {
    match outcome {
        Ok(value) => Response::new_ok(id, value),
        Err((code, message)) => Response::new_err(id, code as i32, message),
    }
}

fn crashed(
    connection: &Connection,
    id: RequestId,
    method: &str,
    panic: &(dyn std::any::Any + Send),
) -> Response {
    let what = panic
        .downcast_ref::<&str>()
        .map(|s| (*s).to_owned())
        .or_else(|| panic.downcast_ref::<String>().cloned())
        .unwrap_or_else(|| "unknown panic".to_owned());
    let message = format!("rileva lsp: internal error in {method}: {what}");
    log(connection, MessageType::ERROR, &message);
    Response::new_err(id, ErrorCode::InternalError as i32, message)
}

fn params<P: serde::de::DeserializeOwned>(value: Value) -> Result<P, (ErrorCode, String)> {
    serde_json::from_value(value).map_err(|e| (ErrorCode::InvalidParams, e.to_string()))
}

fn ok<T: serde::Serialize>(value: T) -> Outcome {
    serde_json::to_value(value).map_err(|e| (ErrorCode::InternalError, e.to_string()))
}

fn handle_request(ws: &Workspace, request: Request) -> Outcome {
    match request.method.as_str() {
        req::HoverRequest::METHOD => on_hover(ws, params(request.params)?),
        req::GotoDefinition::METHOD => on_definition(ws, params(request.params)?),
        req::Completion::METHOD => on_completion(ws, params(request.params)?),
        req::Formatting::METHOD => on_formatting(ws, params(request.params)?),
        req::DocumentSymbolRequest::METHOD => on_symbols(ws, params(request.params)?),
        req::CodeActionRequest::METHOD => on_code_action(ws, params(request.params)?),
        DEBUG_PANIC if std::env::var_os("RILEVA_LSP_DEBUG_PANIC").is_some() => {
            panic!("{DEBUG_PANIC} was asked to panic")
        }
        other => Err((
            ErrorCode::MethodNotFound,
            format!("rileva lsp does not answer {other}"),
        )),
    }
}

/// The document and the byte offset of a position in it.
fn at<'a>(
    ws: &'a Workspace,
    uri: &Url,
    position: Position,
) -> Result<(&'a Document, usize), (ErrorCode, String)> {
    let doc = ws
        .docs
        .get(uri)
        .ok_or_else(|| (ErrorCode::InvalidParams, format!("{uri} is not open")))?;
    let offset = LineIndex::new(&doc.text, ws.encoding).offset(position);
    Ok((doc, offset))
}

fn on_hover(ws: &Workspace, p: HoverParams) -> Outcome {
    let uri = &p.text_document_position_params.text_document.uri;
    let (doc, offset) = at(ws, uri, p.text_document_position_params.position)?;
    let Some(model) = ws.model(uri) else {
        return ok(Value::Null);
    };
    let Some(target) = definition::target_at(&model, &doc.text, offset) else {
        return ok(Value::Null);
    };
    let range = crate::tokens::word_at(&doc.text, offset).map(|w| {
        let index = LineIndex::new(&doc.text, ws.encoding);
        Range::new(index.position(w.start), index.position(w.end))
    });
    ok(Hover {
        contents: HoverContents::Markup(MarkupContent {
            kind: MarkupKind::Markdown,
            value: hover::markdown(&model, &target),
        }),
        range,
    })
}

fn on_definition(ws: &Workspace, p: GotoDefinitionParams) -> Outcome {
    let uri = &p.text_document_position_params.text_document.uri;
    let (doc, offset) = at(ws, uri, p.text_document_position_params.position)?;
    let Some(model) = ws.model(uri) else {
        return ok(Value::Null);
    };
    let location = definition::target_at(&model, &doc.text, offset).and_then(|target| {
        let span = target.span(&model)?;
        let target_uri = ws.file_uri(&model.sources, span.file, uri)?;
        let range = ws.line_index(&model.sources, span.file)?.range(span);
        Some(Location::new(target_uri, range))
    });
    ok(location.map(GotoDefinitionResponse::Scalar))
}

fn on_completion(ws: &Workspace, p: CompletionParams) -> Outcome {
    let uri = &p.text_document_position.text_document.uri;
    let (doc, offset) = at(ws, uri, p.text_document_position.position)?;
    let Some(model) = ws.model(uri) else {
        return ok(Value::Null);
    };
    let items = completion::complete(&model, &ws.libs(), &doc.text, offset);
    ok(CompletionResponse::Array(items))
}

fn on_formatting(ws: &Workspace, p: DocumentFormattingParams) -> Outcome {
    let (doc, _) = at(ws, &p.text_document.uri, Position::default())?;
    // A file that does not parse is left alone, as `rileva fmt` leaves it: its
    // diagnostics already say why.
    let Ok(formatted) = rileva_compiler::format::format(rileva_compiler::source::FileId(0), &doc.text) else {
        return ok(Value::Null);
    };
    if formatted == doc.text {
        return ok(Vec::<TextEdit>::new());
    }
    let range = LineIndex::new(&doc.text, ws.encoding).full_range();
    ok(vec![TextEdit::new(range, formatted)])
}

fn on_symbols(ws: &Workspace, p: DocumentSymbolParams) -> Outcome {
    let (doc, _) = at(ws, &p.text_document.uri, Position::default())?;
    let index = LineIndex::new(&doc.text, ws.encoding);
    ok(DocumentSymbolResponse::Nested(symbols::outline(
        &doc.text, &index,
    )))
}

fn on_code_action(ws: &Workspace, p: CodeActionParams) -> Outcome {
    let uri = &p.text_document.uri;
    let (doc, _) = at(ws, uri, Position::default())?;
    let index = LineIndex::new(&doc.text, ws.encoding);
    let (start, end) = (index.offset(p.range.start), index.offset(p.range.end));
    let mut actions = Vec::new();
    for d in &doc.diagnostics {
        let span = d.primary.span;
        let touches = (span.start as usize) <= end && start <= (span.end as usize);
        let Some(fix) = quickfix::fix(d, &doc.text).filter(|_| touches) else {
            continue;
        };
        let range = index.range(span);
        let edits: Vec<TextEdit> = fix
            .ranges
            .iter()
            .map(|r| {
                let span = rileva_compiler::source::Span::new(span.file, r.start, r.end);
                TextEdit::new(index.range(span), fix.text.clone())
            })
            .collect();
        let lsp_diagnostic = Diagnostic {
            range,
            severity: None,
            code: Some(NumberOrString::String(d.code.as_str().to_owned())),
            message: diagnostics::message(d),
            source: Some("rileva".to_owned()),
            ..Diagnostic::default()
        };
        actions.push(CodeActionOrCommand::CodeAction(CodeAction {
            title: match edits.len() {
                1 => format!("Write `{}`", fix.text),
                n => format!("Write `{}` ({n} places)", fix.text),
            },
            kind: Some(CodeActionKind::QUICKFIX),
            diagnostics: Some(vec![lsp_diagnostic]),
            edit: Some(WorkspaceEdit {
                changes: Some(HashMap::from([(uri.clone(), edits)])),
                ..WorkspaceEdit::default()
            }),
            is_preferred: Some(true),
            ..CodeAction::default()
        }));
    }
    ok(actions)
}

fn handle_notification(connection: &Connection, ws: &mut Workspace, n: Notification) {
    match n.method.as_str() {
        note::DidOpenTextDocument::METHOD => {
            let Ok(p) = serde_json::from_value::<DidOpenTextDocumentParams>(n.params) else {
                return;
            };
            let uri = p.text_document.uri;
            let was_package = ws.is_package(&uri);
            ws.docs.insert(
                uri.clone(),
                Document {
                    text: p.text_document.text,
                    version: p.text_document.version,
                    diagnostics: Vec::new(),
                },
            );
            publish(connection, ws, &uri);
            if was_package {
                publish_others(connection, ws, &uri);
            }
        }
        note::DidChangeTextDocument::METHOD => {
            let Ok(p) = serde_json::from_value::<DidChangeTextDocumentParams>(n.params) else {
                return;
            };
            let uri = p.text_document.uri;
            let Some(doc) = ws.docs.get_mut(&uri) else { return };
            // Full sync: the last change holds the whole text.
            if let Some(change) = p.content_changes.into_iter().last() {
                doc.text = change.text;
            }
            doc.version = p.text_document.version;
            publish(connection, ws, &uri);
            if ws.is_package(&uri) {
                publish_others(connection, ws, &uri);
            }
        }
        note::DidCloseTextDocument::METHOD => {
            let Ok(p) = serde_json::from_value::<DidCloseTextDocumentParams>(n.params) else {
                return;
            };
            let uri = p.text_document.uri;
            let was_package = ws.is_package(&uri);
            ws.docs.remove(&uri);
            notify::<note::PublishDiagnostics>(
                connection,
                PublishDiagnosticsParams::new(uri.clone(), Vec::new(), None),
            );
            if was_package {
                publish_others(connection, ws, &uri);
            }
        }
        note::DidSaveTextDocument::METHOD | note::DidChangeWatchedFiles::METHOD => {
            // A new package file, a changed `rileva.toml`: read the project again.
            ws.reload_libs();
            warn_lib_error(connection, ws);
            let uris: Vec<Url> = ws.docs.keys().cloned().collect();
            for uri in &uris {
                publish(connection, ws, uri);
            }
        }
        DEBUG_PANIC if std::env::var_os("RILEVA_LSP_DEBUG_PANIC").is_some() => {
            panic!("{DEBUG_PANIC} was sent to panic")
        }
        _ => {}
    }
}

/// Check one document and send its diagnostics.
fn publish(connection: &Connection, ws: &mut Workspace, uri: &Url) {
    let (mine, lsp) = if ws.is_cache_file(uri) {
        (Vec::new(), Vec::new())
    } else {
        match ws.check(uri) {
            Some(compilation) => diagnostics::of_document(ws, uri, &compilation),
            None => return,
        }
    };
    let Some(doc) = ws.docs.get_mut(uri) else { return };
    doc.diagnostics = mine;
    let version = Some(doc.version);
    notify::<note::PublishDiagnostics>(
        connection,
        PublishDiagnosticsParams::new(uri.clone(), lsp, version),
    );
}

/// Check every open document but `changed` again (a package they may import changed).
fn publish_others(connection: &Connection, ws: &mut Workspace, changed: &Url) {
    let uris: Vec<Url> = ws.docs.keys().filter(|u| *u != changed).cloned().collect();
    for uri in &uris {
        publish(connection, ws, uri);
    }
}
