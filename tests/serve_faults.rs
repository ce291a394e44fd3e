//! `rileva serve` stores each response exactly once under faults (issue 7), on real
//! SQLite and the real PostgreSQL of RILEVA_TEST_POSTGRES: 20 clients and 5,000 responses
//! (a tenth resent with the same key, a tenth invalid); two processes on one PostgreSQL
//! receiving the same keys at once; the server killed with SIGKILL mid-load and started
//! again; PostgreSQL stopped and started under load (a cluster of the test's own).

mod serve;
mod sql_support;

use serve::load::{self, Plan, Seen};
use serve::{signal, start, KIOSK};
use std::process::Command;
use std::sync::atomic::{AtomicU16, AtomicUsize, Ordering};
use std::sync::Arc;
use std::time::{Duration, Instant};

const TABLE: &str = "lecce_anagrafe_kiosk_v1";

fn sqlite_rows(db: &std::path::Path) -> (Vec<(String, i64)>, Vec<i64>) {
    let conn = rusqlite::Connection::open(db).expect("open");
    let mut q = conn
        .prepare("SELECT idempotency_key, response_id FROM rileva_idempotency")
        .unwrap();
    let keys = q
        .query_map([], |r| Ok((r.get(0)?, r.get(1)?)))
        .unwrap()
        .map(Result::unwrap)
        .collect();
    let mut q = conn.prepare(&format!("SELECT response_id FROM {TABLE}")).unwrap();
    let ids = q
        .query_map([], |r| r.get(0))
        .unwrap()
        .map(Result::unwrap)
        .collect();
    (keys, ids)
}

fn pg_rows(url: &str) -> (Vec<(String, i64)>, Vec<i64>) {
    let mut client = postgres::Client::connect(url, postgres::NoTls).expect("connect");
    let keys = client
        .query("SELECT idempotency_key, response_id FROM rileva_idempotency", &[])
        .unwrap()
        .iter()
        .map(|r| (r.get(0), r.get(1)))
        .collect();
    let ids = client
        .query(&format!("SELECT response_id FROM {TABLE}"), &[])
        .unwrap()
        .iter()
        .map(|r| r.get(0))
        .collect();
    (keys, ids)
}

fn merge(a: Seen, b: Seen) -> Seen {
    let mut out = a;
    for (k, ids) in b.acknowledged {
        out.acknowledged.entry(k).or_default().extend(ids);
    }
    out.invalid.extend(b.invalid);
    out.no_answer += b.no_answer;
    out
}

#[test]
fn sqlite_stores_each_of_5000_responses_from_20_clients_once() {
    let dir = serve::temp_dir();
    let db = dir.path().join("responses.db");
    let db_arg = format!("sqlite:{}", db.display());
    let server = start(&[KIOSK, "--db", &db_arg, "--rate-limit", "0"]);
    let plan = Plan {
        total: 5000,
        clients: 20,
        prefix: "sq".into(),
    };
    let port = Arc::new(AtomicU16::new(server.port));
    let seen = load::run(&plan, port, Arc::default(), Duration::from_secs(300));
    let (keys, ids) = sqlite_rows(&db);
    load::check(&plan, &seen, &load::keys_from(keys, "sq"), &ids);
    assert_eq!(seen.no_answer, 0, "every request got an answer");
    // The resends got 200 with the first id: two acknowledgements, one id.
    let resent = seen.acknowledged.values().filter(|a| a.len() == 2).count();
    assert_eq!(resent, 500);
}

#[test]
fn two_processes_on_one_postgres_store_each_key_once() {
    let schema = sql_support::PgSchema::new("serve_two");
    let url = schema.url();
    let a = start(&[KIOSK, "--db", &url, "--rate-limit", "0"]);
    let b = start(&[KIOSK, "--db", &url, "--rate-limit", "0"]);
    let plan = Plan {
        total: 5000,
        clients: 10,
        prefix: "pg".into(),
    };
    // Both processes get every key at the same time, 20 clients in all.
    let (seen_a, seen_b) = std::thread::scope(|s| {
        let ta = s.spawn(|| {
            load::run(
                &plan,
                Arc::new(AtomicU16::new(a.port)),
                Arc::default(),
                Duration::from_secs(300),
            )
        });
        let tb = s.spawn(|| {
            load::run(
                &plan,
                Arc::new(AtomicU16::new(b.port)),
                Arc::default(),
                Duration::from_secs(300),
            )
        });
        (ta.join().unwrap(), tb.join().unwrap())
    });
    let seen = merge(seen_a, seen_b);
    let (keys, ids) = pg_rows(&url);
    load::check(&plan, &seen, &load::keys_from(keys, "pg"), &ids);
    // Each valid key was acknowledged by both processes (twice for the resent ones), always
    // with the one stored id (checked above).
    let minimum = seen.acknowledged.values().map(Vec::len).min().unwrap_or(0);
    assert!(minimum >= 2, "each key acknowledged by both processes");
}

#[test]
fn sqlite_killed_mid_load_loses_nothing_acknowledged_and_stores_nothing_twice() {
    let dir = serve::temp_dir();
    let db = dir.path().join("responses.db");
    let db_arg = format!("sqlite:{}", db.display());
    let args = [KIOSK, "--db", db_arg.as_str(), "--rate-limit", "0"];
    let mut server = start(&args);
    let plan = Plan {
        total: 2000,
        clients: 20,
        prefix: "kill".into(),
    };
    let port = Arc::new(AtomicU16::new(server.port));
    let progress = Arc::new(AtomicUsize::new(0));
    let seen = std::thread::scope(|s| {
        let (port2, progress2) = (port.clone(), progress.clone());
        let plan = &plan;
        let clients = s.spawn(move || load::run(plan, port2, progress2, Duration::from_secs(300)));
        let deadline = Instant::now() + Duration::from_secs(120);
        while progress.load(Ordering::Relaxed) < 500 {
            assert!(Instant::now() < deadline, "no progress before the kill");
            std::thread::sleep(Duration::from_millis(5));
        }
        signal(&server.child, "KILL");
        server.kill();
        std::thread::sleep(Duration::from_millis(300));
        let restarted = start(&args);
        port.store(restarted.port, Ordering::Relaxed);
        let seen = clients.join().unwrap();
        drop(restarted);
        seen
    });
    assert!(seen.no_answer > 0, "the kill interrupted some requests");
    let (keys, ids) = sqlite_rows(&db);
    load::check(&plan, &seen, &load::keys_from(keys, "kill"), &ids);
}

/// A PostgreSQL cluster of this test's own (scripts/postgres.sh), which it can stop and
/// start again on the same port.
struct OwnCluster {
    state: std::path::PathBuf,
    url: String,
}

impl OwnCluster {
    fn start(state: std::path::PathBuf) -> OwnCluster {
        let out = Command::new("scripts/postgres.sh")
            .arg("start")
            .env("RILEVA_PG_STATE", &state)
            .current_dir(serve::root())
            .output()
            .expect("run scripts/postgres.sh");
        assert!(
            out.status.success(),
            "postgres.sh start: {}",
            String::from_utf8_lossy(&out.stderr)
        );
        let url = String::from_utf8_lossy(&out.stdout).trim().to_owned();
        OwnCluster { state, url }
    }

    fn dir(&self) -> String {
        std::fs::read_to_string(&self.state).unwrap().trim().to_owned()
    }

    /// Fast shutdown (SIGINT to the postmaster, as postgres.sh stop does), keeping the data.
    fn stop(&self) {
        let pid = std::fs::read_to_string(format!("{}/data/postmaster.pid", self.dir())).unwrap();
        let pid = pid.lines().next().unwrap().trim().to_owned();
        assert!(Command::new("kill")
            .args(["-INT", &pid])
            .status()
            .unwrap()
            .success());
        let deadline = Instant::now() + Duration::from_secs(30);
        while Command::new("kill")
            .args(["-0", &pid])
            .stderr(std::process::Stdio::null())
            .status()
            .unwrap()
            .success()
        {
            assert!(Instant::now() < deadline, "postgres did not stop");
            std::thread::sleep(Duration::from_millis(50));
        }
    }

    /// Start the stopped cluster again with the options postgres.sh uses.
    fn restart(&self) {
        let port = self
            .url
            .rsplit(':')
            .next()
            .unwrap()
            .split('/')
            .next()
            .unwrap()
            .to_owned();
        let script = format!(
            "bin=$(ls -d /usr/lib/postgresql/*/bin | sort -V | tail -n 1); dir={dir}; \
             run() {{ if [ \"$(id -u)\" -eq 0 ]; then runuser -u postgres -- \"$@\"; else \"$@\"; fi; }}; \
             run \"$bin/pg_ctl\" -D \"$dir/data\" -l \"$dir/server.log\" -w -t 60 \
             -o \"-p {port} -k $dir -c listen_addresses=127.0.0.1 -c fsync=off -c synchronous_commit=off -c full_page_writes=off\" start",
            dir = self.dir()
        );
        let status = Command::new("bash").args(["-c", &script]).output().unwrap();
        assert!(
            status.status.success(),
            "restart: {}",
            String::from_utf8_lossy(&status.stderr)
        );
    }
}

impl Drop for OwnCluster {
    fn drop(&mut self) {
        let _ = Command::new("scripts/postgres.sh")
            .arg("stop")
            .env("RILEVA_PG_STATE", &self.state)
            .current_dir(serve::root())
            .output();
    }
}

#[test]
fn postgres_stopped_under_load_gives_503_then_recovers_without_losing_or_doubling() {
    let dir = serve::temp_dir();
    let cluster = OwnCluster::start(dir.path().join("pg.state"));
    let server = start(&[KIOSK, "--db", &cluster.url, "--rate-limit", "0"]);
    let plan = Plan {
        total: 1500,
        clients: 20,
        prefix: "down".into(),
    };
    let port = Arc::new(AtomicU16::new(server.port));
    let progress = Arc::new(AtomicUsize::new(0));
    let (seen, health_while_down) = std::thread::scope(|s| {
        let (port2, progress2, plan) = (port.clone(), progress.clone(), &plan);
        let clients = s.spawn(move || load::run(plan, port2, progress2, Duration::from_secs(300)));
        let deadline = Instant::now() + Duration::from_secs(120);
        while progress.load(Ordering::Relaxed) < 300 {
            assert!(Instant::now() < deadline, "no progress before stopping postgres");
            std::thread::sleep(Duration::from_millis(5));
        }
        cluster.stop();
        let health = serve::get(&serve::agent(), &server.url("/healthz")).expect("healthz answers");
        std::thread::sleep(Duration::from_secs(2));
        cluster.restart();
        (clients.join().unwrap(), health)
    });
    assert_eq!(health_while_down.status, 503, "{}", health_while_down.body);
    let unavailable = seen.statuses.get(&503).copied().unwrap_or(0);
    assert!(
        unavailable > 0,
        "the clients saw 503 while postgres was down: {:?}",
        seen.statuses
    );
    let (keys, ids) = pg_rows(&cluster.url);
    load::check(&plan, &seen, &load::keys_from(keys, "down"), &ids);
    let health = serve::get(&serve::agent(), &server.url("/healthz")).unwrap();
    assert_eq!(health.status, 200, "recovered by itself");
}
