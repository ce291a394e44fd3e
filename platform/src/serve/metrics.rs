//! The collection service, metrics: counters kept in memory and printed as Prometheus text
//! at `GET /metrics`. Labels come only from the surveys served, never from a request, so a
//! client cannot grow the series.

use std::sync::atomic::{AtomicU64, Ordering};

/// What became of a response to a served survey version.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Outcome {
    Stored = 0,
    Replayed = 1,
    Rejected = 2,
}

const OUTCOMES: [&str; 3] = ["stored", "replayed", "rejected"];

/// Statuses of requests to `/responses` refused before a served survey version was known.
const REFUSED: [u16; 8] = [400, 404, 408, 413, 415, 429, 500, 503];

pub struct Metrics {
    labels: Vec<(String, String)>,
    responses: Vec<[AtomicU64; 3]>,
    refused: [AtomicU64; REFUSED.len()],
    unavailable: AtomicU64,
}

/// A label value in Prometheus text: backslash, quote and newline escaped.
fn label(value: &str) -> String {
    value
        .replace('\\', "\\\\")
        .replace('"', "\\\"")
        .replace('\n', "\\n")
}

impl Metrics {
    /// One series per (survey, version) and outcome, all starting at 0.
    pub fn new(labels: Vec<(String, String)>) -> Metrics {
        Metrics {
            responses: labels.iter().map(|_| Default::default()).collect(),
            labels,
            refused: Default::default(),
            unavailable: AtomicU64::new(0),
        }
    }

    pub fn response(&self, survey: usize, outcome: Outcome) {
        self.responses[survey][outcome as usize].fetch_add(1, Ordering::Relaxed);
    }

    pub fn refused(&self, status: u16) {
        if let Some(i) = REFUSED.iter().position(|s| *s == status) {
            self.refused[i].fetch_add(1, Ordering::Relaxed);
        }
        if status == 503 {
            self.unavailable.fetch_add(1, Ordering::Relaxed);
        }
    }

    pub fn render(&self, database_up: bool) -> String {
        let mut out = String::new();
        out.push_str("# HELP rileva_responses_total Responses to a served survey version, by outcome.\n");
        out.push_str("# TYPE rileva_responses_total counter\n");
        for ((survey, version), counts) in self.labels.iter().zip(&self.responses) {
            for (outcome, count) in OUTCOMES.iter().zip(counts) {
                out.push_str(&format!(
                    "rileva_responses_total{{survey=\"{}\",version=\"{}\",outcome=\"{outcome}\"}} {}\n",
                    label(survey),
                    label(version),
                    count.load(Ordering::Relaxed)
                ));
            }
        }
        out.push_str("# HELP rileva_requests_refused_total Requests refused with this status, not counted above (409 and 422 are counted above as rejected).\n");
        out.push_str("# TYPE rileva_requests_refused_total counter\n");
        for (status, count) in REFUSED.iter().zip(&self.refused) {
            out.push_str(&format!(
                "rileva_requests_refused_total{{status=\"{status}\"}} {}\n",
                count.load(Ordering::Relaxed)
            ));
        }
        out.push_str("# HELP rileva_database_up 1 when the database answered the last health check.\n");
        out.push_str("# TYPE rileva_database_up gauge\n");
        out.push_str(&format!("rileva_database_up {}\n", u8::from(database_up)));
        out
    }
}
