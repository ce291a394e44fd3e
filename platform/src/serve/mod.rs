//! The collection service, `rileva serve`: routes, problem documents,
//! idempotent storage. The command line compiles the surveys and calls [`run`]; this module
//! opens the store (creating or checking tables), builds the pages, and serves HTTP/1.1
//! with hyper (header timeout), axum (routes) and tower-http (CORS, body timeout) until
//! SIGTERM or Ctrl-C, then finishes the requests in flight and returns.

mod backend;
mod limit;
mod metrics;
mod openapi;
mod pages;
pub mod problem;
mod responses;
mod routes;

pub use backend::Backend;
pub use responses::digest;

use crate::store::{Database, OpenError, Tables};
use hyper_util::rt::{TokioIo, TokioTimer};
use hyper_util::server::graceful::GracefulShutdown;
use hyper_util::service::TowerToHyperService;
use rileva_compiler::ir;
use rileva_targets::HtmlTheme;
use std::collections::BTreeMap;
use std::net::{IpAddr, SocketAddr};
use std::sync::atomic::AtomicBool;
use std::sync::Arc;
use std::time::Duration;
use tower::ServiceExt;

/// The options of `rileva serve`.
#[derive(Debug, Clone)]
pub struct Config {
    pub db: Database,
    pub listen: String,
    pub allow_origins: Vec<String>,
    /// Responses per minute per client address; 0: no limit.
    pub rate_limit: u32,
    pub max_body: usize,
    pub theme: HtmlTheme,
}

/// How `serve` ended, as the command line's exit status.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Exit {
    /// Stopped by a signal after finishing the requests in flight: 0.
    Stopped,
    /// Could not start (database unreachable, address in use, tables that do not match): 2.
    CannotStart(String),
}

/// The client's address, put on each request by the accept loop; read only by the rate
/// limiter, never logged or stored.
#[derive(Debug, Clone, Copy)]
pub struct ClientAddr(pub IpAddr);

/// What every request reads.
pub struct App {
    surveys: Vec<ir::Survey>,
    /// Survey id -> its served versions, sorted, with their index in `surveys`.
    versions: BTreeMap<String, Vec<(String, usize)>>,
    /// The index in the store's tables of each survey's tables.
    tables_of: Vec<usize>,
    pages: pages::Pages,
    backend: Backend,
    limiter: Option<limit::Limiter>,
    rate_limit: u32,
    max_body: usize,
    metrics: metrics::Metrics,
    database_up: AtomicBool,
}

/// How long a client may take to send its request headers, and its body.
const HEADER_TIMEOUT: Duration = Duration::from_secs(10);
const BODY_TIMEOUT: Duration = Duration::from_secs(20);
/// How long shutdown waits for requests in flight.
const DRAIN: Duration = Duration::from_secs(30);

/// One table set per served version; the minor versions of one major version share one
/// table, created or checked as the table of all of them (docs/versions.md).
fn tables(surveys: &[ir::Survey], db: &Database) -> Result<(Vec<Tables>, Vec<usize>), String> {
    let mut all: Vec<Tables> = Vec::new();
    let mut of = Vec::new();
    for t in crate::store::tables_of_versions(surveys, db.dialect())? {
        match all
            .iter()
            .position(|old| old.table == t.table && old.insert == t.insert && old.script == t.script)
        {
            Some(i) => of.push(i),
            None => {
                of.push(all.len());
                all.push(t);
            }
        }
    }
    Ok((all, of))
}

/// Serve `surveys` (already checked, no error) until a signal.
pub fn run(config: Config, surveys: Vec<ir::Survey>) -> Exit {
    let runtime = match tokio::runtime::Builder::new_multi_thread().enable_all().build() {
        Ok(r) => r,
        Err(e) => return Exit::CannotStart(format!("cannot start the runtime: {e}")),
    };
    runtime.block_on(serve(config, surveys))
}

async fn serve(config: Config, surveys: Vec<ir::Survey>) -> Exit {
    let (tables, tables_of) = match tables(&surveys, &config.db) {
        Ok(t) => t,
        Err(e) => return Exit::CannotStart(e),
    };
    let backend = match Backend::open(&config.db, tables).await {
        Ok(b) => b,
        Err(OpenError::Unavailable(e)) => {
            return Exit::CannotStart(format!("cannot use {}: {e}", config.db.display()))
        }
        Err(e @ OpenError::Mismatch(_)) => return Exit::CannotStart(format!("{}: {e}", config.db.display())),
    };
    let mut versions: BTreeMap<String, Vec<(String, usize)>> = BTreeMap::new();
    for (i, s) in surveys.iter().enumerate() {
        versions
            .entry(s.id.clone())
            .or_default()
            .push((s.version.clone(), i));
    }
    for list in versions.values_mut() {
        list.sort_by_key(|(v, _)| pages::version_key(v));
    }
    let labels = surveys
        .iter()
        .map(|s| (s.id.clone(), s.version.clone()))
        .collect();
    let app = Arc::new(App {
        pages: pages::Pages::build(&surveys, config.theme),
        surveys,
        versions,
        tables_of,
        backend,
        limiter: limit::Limiter::new(config.rate_limit),
        rate_limit: config.rate_limit,
        max_body: config.max_body,
        metrics: metrics::Metrics::new(labels),
        database_up: AtomicBool::new(true),
    });
    let listener = match tokio::net::TcpListener::bind(&config.listen).await {
        Ok(l) => l,
        Err(e) => return Exit::CannotStart(format!("cannot listen on {}: {e}", config.listen)),
    };
    let router = match routes::router(app.clone(), &config.allow_origins, BODY_TIMEOUT) {
        Ok(r) => r,
        Err(e) => return Exit::CannotStart(e),
    };
    let local = listener
        .local_addr()
        .map(|a| a.to_string())
        .unwrap_or(config.listen.clone());
    println!(
        "rileva serve: {} survey version(s) into {}; listening on http://{local}/",
        app.surveys.len(),
        config.db.display()
    );
    if let Some(limiter) = app.limiter.clone() {
        tokio::spawn(async move {
            let mut tick = tokio::time::interval(Duration::from_secs(60));
            loop {
                tick.tick().await;
                limiter.forget();
            }
        });
    }
    let graceful = GracefulShutdown::new();
    let mut stop = std::pin::pin!(shutdown_signal());
    loop {
        tokio::select! {
            accepted = listener.accept() => {
                let Ok((stream, peer)) = accepted else { continue };
                let _ = stream.set_nodelay(true);
                spawn_connection(&graceful, router.clone(), stream, peer);
            }
            () = &mut stop => break,
        }
    }
    drop(listener);
    println!("rileva serve: stopping; finishing the requests in flight");
    tokio::select! {
        () = graceful.shutdown() => {}
        () = tokio::time::sleep(DRAIN) => eprintln!("rileva serve: some connections did not finish in {DRAIN:?}"),
    }
    println!("rileva serve: stopped");
    Exit::Stopped
}

fn spawn_connection(
    graceful: &GracefulShutdown,
    router: axum::Router,
    stream: tokio::net::TcpStream,
    peer: SocketAddr,
) {
    let address = ClientAddr(peer.ip());
    let service = router.map_request(move |mut request: hyper::Request<hyper::body::Incoming>| {
        request.extensions_mut().insert(address);
        request
    });
    let connection = hyper::server::conn::http1::Builder::new()
        .timer(TokioTimer::new())
        .header_read_timeout(HEADER_TIMEOUT)
        .serve_connection(TokioIo::new(stream), TowerToHyperService::new(service));
    let connection = graceful.watch(connection);
    tokio::spawn(async move {
        let _ = connection.await;
    });
}

async fn shutdown_signal() {
    let ctrl_c = async {
        let _ = tokio::signal::ctrl_c().await;
    };
    #[cfg(unix)]
    let term = async {
        match tokio::signal::unix::signal(tokio::signal::unix::SignalKind::terminate()) {
            Ok(mut s) => {
                s.recv().await;
            }
            Err(_) => std::future::pending::<()>().await,
        }
    };
    #[cfg(not(unix))]
    let term = std::future::pending::<()>();
    tokio::select! {
        () = ctrl_c => {}
        () = term => {}
    }
}
