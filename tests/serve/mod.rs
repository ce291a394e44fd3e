//! Helpers of the `rileva serve` tests: start the real binary on a free loopback port, send
//! it requests with a real HTTP client (ureq), make valid and invalid responses of the
//! example surveys. Include with `mod serve;`.
#![allow(dead_code)]

pub mod load;

use serde_json::{json, Value};
use std::io::{BufRead, BufReader, Read};
use std::path::{Path, PathBuf};
use std::process::{Child, Command, Stdio};
use std::sync::{Arc, Mutex};
use std::time::{Duration, Instant};

pub fn root() -> PathBuf {
    PathBuf::from(env!("CARGO_MANIFEST_DIR"))
}

/// The survey the fault tests send to: a kiosk survey with routing and a check-free shape.
pub const KIOSK: &str = "examples/lecce_anagrafe_kiosk.rileva";

/// A running `rileva serve`; killed when dropped.
pub struct Server {
    pub child: Child,
    pub port: u16,
    /// Everything it printed (stdout and stderr), for the anonymity test and messages.
    pub output: Arc<Mutex<String>>,
}

/// Start `rileva serve ARGS --listen 127.0.0.1:0` and wait for its "listening" line.
pub fn start(args: &[&str]) -> Server {
    try_start(args).unwrap_or_else(|(code, out)| panic!("serve did not start (exit {code:?}):\n{out}"))
}

/// Like [`start`], but gives the exit status and output when the server stops instead.
pub fn try_start(args: &[&str]) -> Result<Server, (Option<i32>, String)> {
    let mut child = Command::new(env!("CARGO_BIN_EXE_rileva"))
        .arg("serve")
        .args(args)
        .args(["--listen", "127.0.0.1:0"])
        .current_dir(root())
        .env("NO_COLOR", "1")
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .spawn()
        .expect("run rileva serve");
    let output = Arc::new(Mutex::new(String::new()));
    let (port_tx, port_rx) = std::sync::mpsc::channel();
    let stdout = child.stdout.take().expect("stdout");
    let out = output.clone();
    std::thread::spawn(move || {
        for line in BufReader::new(stdout).lines().map_while(Result::ok) {
            if let Some(rest) = line.split("listening on http://127.0.0.1:").nth(1) {
                let port: u16 = rest.trim_end_matches('/').parse().unwrap_or(0);
                let _ = port_tx.send(port);
            }
            out.lock().unwrap().push_str(&(line + "\n"));
        }
    });
    let mut stderr = child.stderr.take().expect("stderr");
    let out = output.clone();
    std::thread::spawn(move || {
        let mut buf = [0u8; 4096];
        while let Ok(n) = stderr.read(&mut buf) {
            if n == 0 {
                break;
            }
            out.lock().unwrap().push_str(&String::from_utf8_lossy(&buf[..n]));
        }
    });
    let deadline = Instant::now() + Duration::from_secs(60);
    loop {
        if let Ok(port) = port_rx.recv_timeout(Duration::from_millis(50)) {
            return Ok(Server { child, port, output });
        }
        if let Ok(Some(status)) = child.try_wait() {
            std::thread::sleep(Duration::from_millis(100));
            let out = output.lock().unwrap().clone();
            return Err((status.code(), out));
        }
        assert!(Instant::now() < deadline, "serve did not listen within 60 s");
    }
}

impl Server {
    pub fn url(&self, path: &str) -> String {
        format!("http://127.0.0.1:{}{path}", self.port)
    }

    pub fn output(&self) -> String {
        self.output.lock().unwrap().clone()
    }

    /// SIGTERM, then wait for the exit status (at most 40 s).
    pub fn terminate(&mut self) -> Option<i32> {
        signal(&self.child, "TERM");
        wait(&mut self.child, Duration::from_secs(40))
    }

    pub fn kill(&mut self) {
        let _ = self.child.kill();
        let _ = self.child.wait();
    }
}

impl Drop for Server {
    fn drop(&mut self) {
        self.kill();
    }
}

pub fn signal(child: &Child, name: &str) {
    let status = Command::new("kill")
        .args([&format!("-{name}"), &child.id().to_string()])
        .status()
        .expect("run kill");
    assert!(status.success(), "kill -{name} failed");
}

pub fn wait(child: &mut Child, limit: Duration) -> Option<i32> {
    let deadline = Instant::now() + limit;
    loop {
        if let Ok(Some(status)) = child.try_wait() {
            return status.code();
        }
        assert!(Instant::now() < deadline, "the server did not exit in {limit:?}");
        std::thread::sleep(Duration::from_millis(50));
    }
}

/// One HTTP answer.
#[derive(Debug, Clone)]
pub struct Answer {
    pub status: u16,
    pub content_type: String,
    pub retry_after: Option<String>,
    pub headers: Vec<(String, String)>,
    pub body: String,
}

impl Answer {
    pub fn json(&self) -> Value {
        serde_json::from_str(&self.body).unwrap_or_else(|e| panic!("not JSON ({e}): {}", self.body))
    }

    pub fn header(&self, name: &str) -> Option<&str> {
        self.headers
            .iter()
            .find(|(n, _)| n.eq_ignore_ascii_case(name))
            .map(|(_, v)| v.as_str())
    }
}

pub fn agent() -> ureq::Agent {
    ureq::AgentBuilder::new().timeout(Duration::from_secs(30)).build()
}

fn answer(result: Result<ureq::Response, ureq::Error>) -> Result<Answer, String> {
    let response = match result {
        Ok(r) => r,
        Err(ureq::Error::Status(_, r)) => r,
        Err(e) => return Err(e.to_string()),
    };
    let headers = response
        .headers_names()
        .into_iter()
        .filter_map(|n| response.header(&n).map(|v| (n.clone(), v.to_owned())))
        .collect();
    Ok(Answer {
        status: response.status(),
        content_type: response.content_type().to_owned(),
        retry_after: response.header("retry-after").map(str::to_owned),
        headers,
        body: response.into_string().unwrap_or_default(),
    })
}

/// `POST /responses` with a key (or none) and a body; `Err` when no HTTP answer came.
pub fn post(agent: &ureq::Agent, server_port: u16, key: Option<&str>, body: &str) -> Result<Answer, String> {
    let mut request = agent
        .post(&format!("http://127.0.0.1:{server_port}/responses"))
        .set("Content-Type", "application/json");
    if let Some(key) = key {
        request = request.set("Idempotency-Key", key);
    }
    answer(request.send_string(body))
}

pub fn get(agent: &ureq::Agent, url: &str) -> Result<Answer, String> {
    answer(agent.get(url).call())
}

/// A valid response to the kiosk survey; `n` varies the answers.
pub fn kiosk_response(n: usize) -> Value {
    let giudizio = 1 + (n % 3);
    let mut answers = json!({ "giudizio": giudizio, "pratica": 1 + (n % 5) });
    if giudizio == 1 {
        answers["motivo"] = json!(1 + (n % 4));
    }
    json!({
        "survey": "lecce.anagrafe_kiosk", "version": "1.0.0", "language": if n % 2 == 0 { "it" } else { "en" },
        "channel": "kiosk", "submitted_at": format!("2026-12-01T{:02}:{:02}:{:02}Z", (n / 3600) % 24, (n / 60) % 60, n % 60),
        "answers": answers
    })
}

/// An invalid one: a code the question does not have.
pub fn invalid_kiosk_response(n: usize) -> Value {
    let mut r = kiosk_response(n);
    r["answers"]["giudizio"] = json!(7);
    r
}

/// Rows of a table in a SQLite file.
pub fn sqlite_count(db: &Path, table: &str) -> i64 {
    let conn = rusqlite::Connection::open(db).expect("open db");
    conn.query_row(&format!("SELECT count(*) FROM \"{table}\""), [], |r| r.get(0))
        .expect("count")
}

pub fn temp_dir() -> tempfile::TempDir {
    tempfile::tempdir().expect("temp dir")
}
