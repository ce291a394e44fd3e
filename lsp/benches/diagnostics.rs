//! The language server's diagnostics latency (docs/editor.md: the largest example within
//! 20 ms of a change): the real server loop over an in-memory connection, timed from the
//! `didChange` that sends the new text to the `publishDiagnostics` it answers with. Every
//! change alternates between two texts, so each one is really checked again.

// The generated surveys of the workspace's benchmarks (its `examples()` reads the root's
// folder relative to the root crate, so the examples are read here).
#[path = "../../benches/common/mod.rs"]
#[allow(dead_code)]
mod common;

use lsp_server::{Connection, Message, Notification, Request, RequestId};
use serde_json::{json, Value};
use std::path::{Path, PathBuf};

fn main() {
    divan::main();
}

fn no_packages(_: Option<&Path>, _: &[PathBuf]) -> Result<Vec<rileva_compiler::LibPackage>, String> {
    Ok(Vec::new())
}

/// A started server and the client's end of its connection.
struct Session {
    client: Connection,
    uri: String,
    texts: [String; 2],
    version: i32,
}

impl Session {
    fn start(text: String) -> Session {
        let cache = std::env::temp_dir().join("rileva-bench-lsp-cache");
        std::env::set_var("XDG_CACHE_HOME", &cache);
        let (server, client) = Connection::memory();
        std::thread::spawn(move || rileva_lsp::server::serve(&server, no_packages));
        let init = Request::new(
            RequestId::from(1),
            "initialize".to_owned(),
            json!({ "capabilities": {} }),
        );
        client.sender.send(Message::Request(init)).unwrap();
        while !matches!(client.receiver.recv().unwrap(), Message::Response(_)) {}
        client
            .sender
            .send(Message::Notification(Notification::new(
                "initialized".to_owned(),
                json!({}),
            )))
            .unwrap();
        let uri = "file:///bench/survey.rileva".to_owned();
        // The same survey with one word changed: both versions check clean.
        let changed = text.replacen("\"", "\"(modificato) ", 1);
        let session = Session {
            client,
            uri,
            texts: [text, changed],
            version: 0,
        };
        session.notify(
            "textDocument/didOpen",
            json!({ "textDocument": { "uri": session.uri, "languageId": "rileva", "version": 0, "text": session.texts[0] } }),
        );
        session.wait_for_diagnostics();
        session
    }

    fn notify(&self, method: &str, params: Value) {
        let msg = Message::Notification(Notification::new(method.to_owned(), params));
        self.client.sender.send(msg).unwrap();
    }

    /// The diagnostics published for the document: how many.
    fn wait_for_diagnostics(&self) -> usize {
        loop {
            if let Message::Notification(n) = self.client.receiver.recv().unwrap() {
                if n.method == "textDocument/publishDiagnostics" {
                    return n.params["diagnostics"].as_array().map_or(0, Vec::len);
                }
            }
        }
    }

    /// One edit and its diagnostics.
    fn change(&mut self) -> usize {
        self.version += 1;
        let text = &self.texts[(self.version % 2) as usize];
        self.notify(
            "textDocument/didChange",
            json!({
                "textDocument": { "uri": self.uri, "version": self.version },
                "contentChanges": [{ "text": text }],
            }),
        );
        self.wait_for_diagnostics()
    }
}

fn largest_example() -> String {
    let dir = Path::new(env!("CARGO_MANIFEST_DIR")).join("../examples");
    let largest = std::fs::read_dir(dir)
        .expect("examples/")
        .flatten()
        .map(|e| e.path())
        .filter(|p| p.extension().is_some_and(|e| e == "rileva"))
        .max_by_key(|p| std::fs::metadata(p).map_or(0, |m| m.len()))
        .expect("an example");
    std::fs::read_to_string(largest).expect("UTF-8")
}

/// The largest example (`examples/bolzano_anagrafe_bilingue.rileva`): the figure of
/// docs/editor.md.
#[divan::bench]
fn change_to_diagnostics_largest_example(bencher: divan::Bencher) {
    let mut session = Session::start(largest_example());
    bencher.bench_local(|| session.change());
}

/// Generated surveys of growing size, to see how the latency grows.
#[divan::bench(args = [100, 1000])]
fn change_to_diagnostics_generated(bencher: divan::Bencher, n: usize) {
    let input = common::generated(n);
    let mut session = Session::start(String::from_utf8(input.bytes).expect("UTF-8"));
    bencher.bench_local(|| session.change());
}
