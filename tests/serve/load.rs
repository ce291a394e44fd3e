//! The load of the exactly-once tests: N responses from C client threads, a tenth of them
//! sent a second time with the same key and body, a tenth invalid. Clients resend a valid
//! response until they get a 2xx (connection refused, 503 and timeouts are retried, bounded),
//! following the server to a new port when a test restarts it. Every 2xx is recorded, so the
//! test can check each against the database afterwards.

use super::{agent, invalid_kiosk_response, kiosk_response, post};
use std::collections::BTreeMap;
use std::sync::atomic::{AtomicU16, AtomicUsize, Ordering};
use std::sync::{Arc, Mutex};
use std::time::{Duration, Instant};

/// What the clients saw.
#[derive(Debug, Default)]
pub struct Seen {
    /// Key -> the response_id of every 2xx for it.
    pub acknowledged: BTreeMap<String, Vec<i64>>,
    /// Statuses other than 2xx, counted.
    pub statuses: BTreeMap<u16, usize>,
    /// Keys of the invalid responses, and the status they got.
    pub invalid: BTreeMap<String, u16>,
    /// Requests that got no HTTP answer (connection refused or reset).
    pub no_answer: usize,
}

pub struct Plan {
    pub total: usize,
    pub clients: usize,
    /// A prefix for the keys, so two runs on one database do not share keys.
    pub prefix: String,
}

pub fn is_invalid(i: usize) -> bool {
    i % 10 == 9
}

pub fn is_resent(i: usize) -> bool {
    i % 10 == 3
}

/// Run the plan against the port in `port` (which may change under it); `progress` counts
/// the 2xx so far. Returns when every valid response was acknowledged (or after `limit`).
pub fn run(plan: &Plan, port: Arc<AtomicU16>, progress: Arc<AtomicUsize>, limit: Duration) -> Seen {
    let seen = Arc::new(Mutex::new(Seen::default()));
    let next = Arc::new(AtomicUsize::new(0));
    let deadline = Instant::now() + limit;
    std::thread::scope(|scope| {
        for _ in 0..plan.clients {
            let (seen, next, port, progress) = (seen.clone(), next.clone(), port.clone(), progress.clone());
            scope.spawn(move || {
                let agent = agent();
                loop {
                    let i = next.fetch_add(1, Ordering::Relaxed);
                    if i >= plan.total {
                        break;
                    }
                    let key = format!("{}-{i}", plan.prefix);
                    if is_invalid(i) {
                        let body = invalid_kiosk_response(i).to_string();
                        let status = send_once(&agent, &port, &key, &body, deadline, &seen);
                        seen.lock().unwrap().invalid.insert(key, status);
                        continue;
                    }
                    let body = kiosk_response(i).to_string();
                    let sends = if is_resent(i) { 2 } else { 1 };
                    for _ in 0..sends {
                        until_acknowledged(&agent, &port, &key, &body, deadline, &seen, &progress);
                    }
                }
            });
        }
    });
    Arc::try_unwrap(seen).ok().unwrap().into_inner().unwrap()
}

/// Send until an answer that is not 503 comes; give its status.
fn send_once(
    agent: &ureq::Agent,
    port: &AtomicU16,
    key: &str,
    body: &str,
    deadline: Instant,
    seen: &Mutex<Seen>,
) -> u16 {
    loop {
        match post(agent, port.load(Ordering::Relaxed), Some(key), body) {
            Ok(a) if a.status == 503 => *seen.lock().unwrap().statuses.entry(503).or_default() += 1,
            Ok(a) => return a.status,
            Err(_) => seen.lock().unwrap().no_answer += 1,
        }
        assert!(Instant::now() < deadline, "the load did not finish in time");
        std::thread::sleep(Duration::from_millis(20));
    }
}

fn until_acknowledged(
    agent: &ureq::Agent,
    port: &AtomicU16,
    key: &str,
    body: &str,
    deadline: Instant,
    seen: &Mutex<Seen>,
    progress: &AtomicUsize,
) {
    loop {
        match post(agent, port.load(Ordering::Relaxed), Some(key), body) {
            Ok(a) if a.status == 200 || a.status == 201 => {
                let id = a.json()["response_id"].as_i64().expect("a response_id");
                seen.lock()
                    .unwrap()
                    .acknowledged
                    .entry(key.to_owned())
                    .or_default()
                    .push(id);
                progress.fetch_add(1, Ordering::Relaxed);
                return;
            }
            Ok(a) => {
                assert!(a.status == 503, "{key}: unexpected {} {}", a.status, a.body);
                assert!(a.retry_after.is_some(), "503 without Retry-After");
                *seen.lock().unwrap().statuses.entry(a.status).or_default() += 1;
            }
            Err(_) => seen.lock().unwrap().no_answer += 1,
        }
        assert!(Instant::now() < deadline, "the load did not finish in time");
        std::thread::sleep(Duration::from_millis(20));
    }
}

/// The checks every run ends with, given the database's (key -> response_id) for the prefix
/// and the ids in the response table: each valid key stored once, with the id every 2xx
/// gave; no invalid key stored; nothing else in the table.
pub fn check(plan: &Plan, seen: &Seen, stored_keys: &BTreeMap<String, i64>, table_ids: &[i64]) {
    let valid = (0..plan.total).filter(|i| !is_invalid(*i)).count();
    assert_eq!(
        seen.acknowledged.len(),
        valid,
        "every valid response acknowledged"
    );
    assert_eq!(stored_keys.len(), valid, "each valid key stored exactly once");
    assert_eq!(
        table_ids.len(),
        valid,
        "the table holds exactly the valid responses"
    );
    let mut ids: Vec<i64> = stored_keys.values().copied().collect();
    ids.sort_unstable();
    ids.dedup();
    assert_eq!(ids.len(), valid, "no two keys share a row");
    let mut table: Vec<i64> = table_ids.to_vec();
    table.sort_unstable();
    assert_eq!(ids, table, "every key names a row and every row has a key");
    for (key, acks) in &seen.acknowledged {
        let stored = stored_keys
            .get(key)
            .unwrap_or_else(|| panic!("{key} was acknowledged but is not stored"));
        assert!(
            acks.iter().all(|id| id == stored),
            "{key}: acknowledged {acks:?}, stored {stored}"
        );
    }
    for (key, status) in &seen.invalid {
        assert_eq!(*status, 422, "{key}: an invalid response gets 422");
        assert!(
            !stored_keys.contains_key(key),
            "{key}: an invalid response was stored"
        );
    }
}

/// The (key -> response_id) rows of the prefix, from a JSON array of pairs.
pub fn keys_from(rows: Vec<(String, i64)>, prefix: &str) -> BTreeMap<String, i64> {
    rows.into_iter()
        .filter(|(k, _)| k.starts_with(&format!("{prefix}-")))
        .collect()
}
