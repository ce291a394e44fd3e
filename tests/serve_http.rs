//! `rileva serve` through the real binary on SQLite: every status of docs/serve.md with its
//! problem document, CORS, pages, health and metrics, bad input (malformed JSON, wrong
//! types, a 10 MB body, missing or malformed keys, unknown surveys, a slow client, a flood
//! over the rate limit) that stores nothing while others are still served, start-up
//! refusals (exit 1 and 2), SIGTERM (exit 0), and anonymity: no client address, user agent
//! or referrer in the database or the server's output.

mod serve;

use serde_json::json;
use serve::{agent, get, kiosk_response, post, sqlite_count, start, try_start, KIOSK};
use std::io::{Read, Write};
use std::net::TcpStream;
use std::time::Duration;

const TABLE: &str = "lecce_anagrafe_kiosk_v1";

fn problem(a: &serve::Answer, status: u16, name: &str) {
    assert_eq!(a.status, status, "{}", a.body);
    assert_eq!(a.content_type, "application/problem+json", "{}", a.body);
    let p = a.json();
    assert_eq!(p["type"], format!("/problems/{name}"), "{}", a.body);
    assert_eq!(p["status"], status);
    assert!(p["title"].is_string() && p["detail"].is_string(), "{}", a.body);
}

#[test]
fn every_status_of_the_table_with_its_problem_and_nothing_stored_on_error() {
    let dir = serve::temp_dir();
    let db = dir.path().join("r.db");
    let db_arg = format!("sqlite:{}", db.display());
    let server = start(&[KIOSK, "--db", &db_arg, "--rate-limit", "0", "--max-body", "4096"]);
    let a = agent();
    let port = server.port;
    let body = kiosk_response(1).to_string();
    let first = post(&a, port, Some("k-1"), &body).unwrap();
    assert_eq!(first.status, 201, "{}", first.body);
    let id = first.json()["response_id"].as_i64().unwrap();
    // The same JSON value, keys in another order and spaced: 200, the same id.
    let mut reordered = serde_json::Map::new();
    let value = kiosk_response(1);
    for (k, v) in value.as_object().unwrap().iter().rev() {
        reordered.insert(k.clone(), v.clone());
    }
    let again = post(
        &a,
        port,
        Some("k-1"),
        &serde_json::to_string_pretty(&reordered).unwrap(),
    )
    .unwrap();
    assert_eq!(
        (again.status, again.json()["response_id"].as_i64()),
        (200, Some(id))
    );
    problem(
        &post(&a, port, Some("k-1"), &kiosk_response(2).to_string()).unwrap(),
        409,
        "idempotency-key-reused",
    );
    let mut wrong = kiosk_response(5);
    wrong["answers"]["giudizio"] = json!("tre");
    wrong["language"] = json!("fr");
    let invalid = post(&a, port, Some("k-2"), &wrong.to_string()).unwrap();
    problem(&invalid, 422, "invalid-response");
    let mut reasons: Vec<String> = invalid.json()["errors"]
        .as_array()
        .unwrap()
        .iter()
        .map(|e| {
            format!(
                "{}:{}",
                e["reason"].as_str().unwrap(),
                e["key"].as_str().unwrap_or("")
            )
        })
        .collect();
    reasons.sort();
    assert_eq!(
        reasons,
        ["unknown_language:language", "wrong_type:giudizio"],
        "every reason of validate"
    );
    let mut other = kiosk_response(4);
    other["survey"] = json!("nessuno.questionario");
    problem(
        &post(&a, port, Some("k-3"), &other.to_string()).unwrap(),
        404,
        "unknown-survey",
    );
    other["survey"] = json!("lecce.anagrafe_kiosk");
    other["version"] = json!("9.0.0");
    problem(
        &post(&a, port, Some("k-3"), &other.to_string()).unwrap(),
        404,
        "unknown-version",
    );
    problem(
        &post(&a, port, Some("k-4"), "{\"survey\": ").unwrap(),
        400,
        "not-json",
    );
    problem(
        &post(&a, port, Some("k-4"), "[1, 2]").unwrap(),
        422,
        "invalid-response",
    );
    problem(
        &post(&a, port, None, &body).unwrap(),
        400,
        "missing-idempotency-key",
    );
    for bad in ["", "spazio non ammesso", "chiave/con/barre", &"x".repeat(129)] {
        problem(
            &post(&a, port, Some(bad), &body).unwrap(),
            400,
            "invalid-idempotency-key",
        );
    }
    let longest = post(&a, port, Some(&"x".repeat(128)), &body).unwrap();
    assert_eq!(longest.status, 201, "128 characters are a key: {}", longest.body);
    let big = format!("{{\"pad\": \"{}\"}}", "x".repeat(10 * 1024 * 1024));
    match post(&a, port, Some("k-5"), &big) {
        Ok(answer) => problem(&answer, 413, "body-too-large"),
        // The server may close the connection after its 413 while the client still sends.
        Err(e) => assert!(!e.is_empty()),
    }
    let text = a
        .post(&server.url("/responses"))
        .set("Content-Type", "text/plain")
        .set("Idempotency-Key", "k-6")
        .send_string(&body);
    let text = match text {
        Err(ureq::Error::Status(415, r)) => r.into_string().unwrap(),
        other => panic!("expected 415, got {other:?}"),
    };
    assert!(text.contains("/problems/unsupported-media-type"));
    problem(
        &get(&a, &server.url("/responses")).unwrap(),
        405,
        "method-not-allowed",
    );
    problem(&get(&a, &server.url("/nowhere")).unwrap(), 404, "not-found");
    assert!(get(&a, &server.url("/problems/invalid-response"))
        .unwrap()
        .body
        .contains("422"));
    // Only the two accepted responses are stored, and the server still serves.
    assert_eq!(sqlite_count(&db, TABLE), 2);
    assert_eq!(
        post(&a, port, Some("k-7"), &kiosk_response(7).to_string())
            .unwrap()
            .status,
        201
    );
    let metrics = get(&a, &server.url("/metrics")).unwrap().body;
    for line in [
        "rileva_responses_total{survey=\"lecce.anagrafe_kiosk\",version=\"1.0.0\",outcome=\"stored\"} 3",
        "rileva_responses_total{survey=\"lecce.anagrafe_kiosk\",version=\"1.0.0\",outcome=\"replayed\"} 1",
        "rileva_database_up 1",
    ] {
        assert!(metrics.contains(line), "{line} not in\n{metrics}");
    }
}

/// One HTTP/1.1 exchange on a raw connection, head and body sent apart: the status and
/// whether the server said it closes the connection.
fn exchange(stream: &mut TcpStream, key: Option<&str>, media: &str, body: &str) -> (u16, bool) {
    let key = key
        .map(|k| format!("Idempotency-Key: {k}\r\n"))
        .unwrap_or_default();
    let head = format!(
        "POST /responses HTTP/1.1\r\nHost: x\r\nContent-Type: {media}\r\n{key}Content-Length: {}\r\n\r\n",
        body.len()
    );
    // The head and the body arrive apart, as from a client that writes them in two calls
    // on a busy network: the server must not answer before the body is in.
    stream.write_all(head.as_bytes()).unwrap();
    std::thread::sleep(Duration::from_millis(200));
    stream.write_all(body.as_bytes()).unwrap();
    let mut head = Vec::new();
    let mut byte = [0u8; 1];
    while !head.ends_with(b"\r\n\r\n") {
        let n = stream.read(&mut byte).expect("the answer arrives");
        assert_eq!(n, 1, "the connection closed before the answer's head ended");
        head.push(byte[0]);
    }
    let head = String::from_utf8(head).unwrap().to_ascii_lowercase();
    let status: u16 = head[9..12].parse().unwrap();
    let length: usize = head
        .lines()
        .find_map(|l| l.strip_prefix("content-length:"))
        .map(|v| v.trim().parse().unwrap())
        .expect("a content-length");
    let mut rest = vec![0u8; length];
    stream.read_exact(&mut rest).unwrap();
    (status, head.contains("connection: close"))
}

#[test]
fn every_refusal_leaves_the_connection_open_for_the_next_response() {
    // Kiosks keep one connection open: an answer given before the body was read would
    // close it, and the kiosk could lose that answer to a reset.
    let dir = serve::temp_dir();
    let db = dir.path().join("r.db");
    let db_arg = format!("sqlite:{}", db.display());
    let server = start(&[KIOSK, "--db", &db_arg, "--rate-limit", "0"]);
    let mut stream = TcpStream::connect(("127.0.0.1", server.port)).unwrap();
    stream.set_read_timeout(Some(Duration::from_secs(30))).unwrap();
    let body = kiosk_response(1).to_string();
    let json = "application/json";
    let exchanges = [
        (None, json, body.as_str(), 400),
        (Some("chiave con spazi"), json, body.as_str(), 400),
        (Some("c-1"), "text/plain", body.as_str(), 415),
        (Some("c-1"), json, "{\"survey\": ", 400),
        (Some("c-1"), json, "[1, 2]", 422),
        (Some("c-1"), json, body.as_str(), 201),
        (Some("c-1"), json, body.as_str(), 200),
    ];
    for (key, media, body, status) in exchanges {
        assert_eq!(
            exchange(&mut stream, key, media, body),
            (status, false),
            "{key:?} {media} {body}"
        );
    }
    assert_eq!(sqlite_count(&db, TABLE), 1);
}

#[test]
fn pages_health_and_cors_for_the_allowed_origin_only() {
    let dir = serve::temp_dir();
    let db_arg = format!("sqlite:{}", dir.path().join("r.db").display());
    let server = start(&[
        "examples",
        "--db",
        &db_arg,
        "--allow-origin",
        "https://www.comune.example",
    ]);
    let a = agent();
    let index = get(&a, &server.url("/")).unwrap();
    assert!(
        index
            .body
            .contains("/s/lecce.anagrafe_kiosk@1.0.0/kiosk/kiosk.it.html"),
        "{}",
        index.body
    );
    for path in [
        "/s/lecce.anagrafe_kiosk/kiosk/kiosk.it.html",
        "/s/lecce.anagrafe_kiosk@1.0.0/kiosk/kiosk.en.html",
        "/s/lecce.anagrafe_kiosk/form.it.html",
        "/s/inail.civa/form.en.html",
    ] {
        let page = get(&a, &server.url(path)).unwrap();
        assert_eq!(page.status, 200, "{path}");
        assert_eq!(page.content_type, "text/html");
        // The form escapes its action attribute (`&#x2f;responses`).
        let endpoint = page.body.contains("\"/responses\"") || page.body.contains("\"&#x2f;responses\"");
        assert!(endpoint, "{path}: endpoint /responses");
    }
    let svg = get(&a, &server.url("/s/lecce.anagrafe_kiosk/kiosk/screen-1.svg")).unwrap();
    assert_eq!((svg.status, svg.content_type.as_str()), (200, "image/svg+xml"));
    assert_eq!(get(&a, &server.url("/healthz")).unwrap().status, 200);
    let preflight = |origin: &str| {
        a.request("OPTIONS", &server.url("/responses"))
            .set("Origin", origin)
            .set("Access-Control-Request-Method", "POST")
            .set("Access-Control-Request-Headers", "content-type, idempotency-key")
            .call()
            .expect("preflight answered")
    };
    let ok = preflight("https://www.comune.example");
    assert_eq!(
        ok.header("access-control-allow-origin"),
        Some("https://www.comune.example")
    );
    let allowed = ok
        .header("access-control-allow-headers")
        .unwrap_or("")
        .to_lowercase();
    assert!(allowed.contains("idempotency-key"), "{allowed}");
    assert_eq!(
        ok.header("access-control-allow-credentials"),
        None,
        "no credentials"
    );
    let other = preflight("https://evil.example");
    assert_eq!(other.header("access-control-allow-origin"), None);
    let posted = a
        .post(&server.url("/responses"))
        .set("Origin", "https://www.comune.example")
        .set("Content-Type", "application/json")
        .set("Idempotency-Key", "cors-1")
        .send_string(&kiosk_response(1).to_string())
        .unwrap();
    assert_eq!(posted.status(), 201);
    assert_eq!(
        posted.header("access-control-allow-origin"),
        Some("https://www.comune.example")
    );
}

#[test]
fn a_flood_gets_429_with_retry_after_and_a_slow_client_does_not_stop_others() {
    let dir = serve::temp_dir();
    let db = dir.path().join("r.db");
    let db_arg = format!("sqlite:{}", db.display());
    let server = start(&[KIOSK, "--db", &db_arg, "--rate-limit", "5"]);
    // A slow client: sends part of its headers, then stalls.
    let mut slow = TcpStream::connect(("127.0.0.1", server.port)).unwrap();
    slow.write_all(b"POST /responses HTTP/1.1\r\nHost: x\r\n")
        .unwrap();
    let a = agent();
    let mut statuses = Vec::new();
    for i in 0..8 {
        let answer = post(
            &a,
            server.port,
            Some(&format!("f-{i}")),
            &kiosk_response(i).to_string(),
        )
        .unwrap();
        if answer.status == 429 {
            problem(&answer, 429, "rate-limited");
            let wait: u64 = answer.retry_after.as_deref().unwrap().parse().unwrap();
            assert!((1..=60).contains(&wait), "Retry-After {wait}");
        }
        statuses.push(answer.status);
    }
    assert_eq!(statuses, [201, 201, 201, 201, 201, 429, 429, 429]);
    assert_eq!(sqlite_count(&db, TABLE), 5, "nothing over the limit is stored");
    // The slow client is dropped after the header timeout (10 s), with nothing stored.
    slow.set_read_timeout(Some(Duration::from_secs(30))).unwrap();
    let mut rest = Vec::new();
    let _ = slow.read_to_end(&mut rest);
    assert_eq!(sqlite_count(&db, TABLE), 5);
    // A new connection: idle keep-alive connections are closed by the same timeout.
    assert_eq!(
        get(&agent(), &server.url("/healthz")).unwrap().status,
        200,
        "still serving"
    );
}

#[test]
fn refuses_to_start_on_survey_errors_or_tables_of_another_shape_and_stops_on_sigterm() {
    let dir = serve::temp_dir();
    let bad = dir.path().join("bad.rileva");
    std::fs::write(&bad, "survey x.y {\n").unwrap();
    let db = dir.path().join("r.db");
    let db_arg = format!("sqlite:{}", db.display());
    let (code, out) = try_start(&[bad.to_str().unwrap(), "--db", &db_arg])
        .err()
        .expect("must not start");
    assert_eq!(code, Some(1), "{out}");
    assert!(out.contains("R0001") && out.contains("nothing served"), "{out}");
    assert!(!db.exists(), "no database made for a broken survey");
    let mut server = start(&[KIOSK, "--db", &db_arg]);
    assert_eq!(
        post(&agent(), server.port, Some("t-1"), &kiosk_response(1).to_string())
            .unwrap()
            .status,
        201
    );
    assert_eq!(
        server.terminate(),
        Some(0),
        "SIGTERM: exit 0\n{}",
        server.output()
    );
    assert!(server.output().contains("stopped"));
    rusqlite::Connection::open(&db)
        .unwrap()
        .execute_batch(&format!("ALTER TABLE {TABLE} ADD COLUMN extra INTEGER"))
        .unwrap();
    let (code, out) = try_start(&[KIOSK, "--db", &db_arg])
        .err()
        .expect("must not start");
    assert_eq!(code, Some(2), "{out}");
    assert!(
        out.contains("do not match") && out.contains(TABLE) && out.contains("extra"),
        "{out}"
    );
    let (code, out) = try_start(&[KIOSK, "--db", "mysql://nowhere"])
        .err()
        .expect("must not start");
    assert_eq!(code, Some(2), "{out}");
}

#[test]
fn no_client_address_user_agent_or_referrer_is_stored_or_printed() {
    let dir = serve::temp_dir();
    let db = dir.path().join("r.db");
    let db_arg = format!("sqlite:{}", db.display());
    let mut server = start(&[KIOSK, "--db", &db_arg, "--rate-limit", "0"]);
    let a = agent();
    let agent_name = "Mozilla/5.0 (AgenteSegreto-4417)";
    let referrer = "https://referrer-segreto.example/pagina-4417";
    for i in 0..20 {
        let body = if i == 19 {
            "{not json".to_owned()
        } else {
            kiosk_response(i).to_string()
        };
        let _ = a
            .post(&server.url("/responses"))
            .set("Content-Type", "application/json")
            .set("Idempotency-Key", &format!("anon-{}", i % 15))
            .set("User-Agent", agent_name)
            .set("Referer", referrer)
            .set("Cookie", "sessione=cookie-segreto-4417")
            .send_string(&body);
    }
    assert_eq!(server.terminate(), Some(0));
    let mut stored = std::fs::read(&db).unwrap();
    for extra in ["r.db-wal", "r.db-shm"] {
        if let Ok(bytes) = std::fs::read(dir.path().join(extra)) {
            stored.extend(bytes);
        }
    }
    let stored = String::from_utf8_lossy(&stored).into_owned();
    assert!(stored.contains("anon-3"), "the test reads the stored bytes");
    let output = server.output();
    for secret in ["127.0.0.1", "AgenteSegreto", "referrer-segreto", "cookie-segreto"] {
        assert!(!stored.contains(secret), "{secret} is in the database");
        if secret != "127.0.0.1" {
            assert!(!output.contains(secret), "{secret} is in the output:\n{output}");
        }
    }
    // The only address in the output is the one the server listens on.
    assert_eq!(output.matches("127.0.0.1").count(), 1, "{output}");
}
