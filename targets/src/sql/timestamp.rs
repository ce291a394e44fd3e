//! SQL target, `submitted_at`: the RFC 3339 date-times `response::timestamp::is_rfc3339`
//! accepts, and nothing else, in each database. SQLite keeps the text and checks its shape
//! with GLOB and `date()`; PostgreSQL stores a `timestamptz`, and the INSERT turns text into
//! one only when it matches the judge's own pattern (a bare cast would also take `now` or
//! `2026-11-22 10:15`).

use super::quote::literal;
use rileva_compiler::response::timestamp::PATTERN;

/// The PostgreSQL value for a `submitted_at` parameter: NULL (so NOT NULL rejects the row)
/// unless the text is one the judge accepts.
pub fn postgres_value(parameter: &str) -> String {
    format!(
        "CASE WHEN {parameter} ~ {} THEN CAST({parameter} AS timestamptz) END",
        literal(PATTERN)
    )
}

/// A two-valued SQLite CHECK that `column` holds an accepted date-time:
/// `YYYY-MM-DD` a real day of a year from 0001 (`date()` rewrites a day that does not exist,
/// so it must give the text back unchanged), `T`, `HH:MM:SS` up to 23:59:59, 1 to 9
/// fraction digits, then `Z` or an offset up to ±15:59.
pub fn sqlite_check(column: &str) -> String {
    let x = column;
    let fraction = |end_offset: u32| {
        let f = format!("substr({x}, 20, length({x}) - {end_offset})");
        format!(
            "({f} = '' OR ({f} GLOB '.[0-9]*' AND length({f}) BETWEEN 2 AND 10 \
             AND substr({f}, 2) NOT GLOB '*[^0-9]*'))"
        )
    };
    let head = "[0-9][0-9][0-9][0-9]-[0-9][0-9]-[0-9][0-9][Tt][0-9][0-9]:[0-9][0-9]:[0-9][0-9]";
    format!(
        "COALESCE(length({x}) BETWEEN 20 AND 35 \
         AND substr({x}, 1, 19) GLOB '{head}' \
         AND substr({x}, 1, 4) <> '0000' \
         AND date(substr({x}, 1, 10)) IS substr({x}, 1, 10) \
         AND substr({x}, 12, 2) <= '23' AND substr({x}, 15, 2) <= '59' AND substr({x}, 18, 2) <= '59' \
         AND CASE \
         WHEN substr({x}, -1) IN ('Z', 'z') THEN {} \
         WHEN length({x}) >= 25 AND substr({x}, -6) GLOB '[+-][0-9][0-9]:[0-9][0-9]' \
         AND substr({x}, -5, 2) <= '15' AND substr({x}, -2) <= '59' THEN {} \
         ELSE FALSE END, FALSE)",
        fraction(20),
        fraction(25),
    )
}
