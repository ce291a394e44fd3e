//! Answer values for generated responses: a small seeded random source (no `rand`), texts
//! that are hard to store and escape, and a valid answer for any question.

use rileva_compiler::ir::{self, QuestionKind};
use serde_json::{json, Value};

/// splitmix64: deterministic, seeded by the response's index.
pub struct Rng(u64);

impl Rng {
    pub fn new(seed: u64) -> Self {
        Rng(seed.wrapping_mul(0x9E37_79B9_7F4A_7C15) ^ 0x2545_F491_4F6C_DD1D)
    }

    pub fn next(&mut self) -> u64 {
        self.0 = self.0.wrapping_add(0x9E37_79B9_7F4A_7C15);
        let mut z = self.0;
        z = (z ^ (z >> 30)).wrapping_mul(0xBF58_476D_1CE4_E5B9);
        z = (z ^ (z >> 27)).wrapping_mul(0x94D0_49BB_1331_11EB);
        z ^ (z >> 31)
    }

    /// A number in `0..n` (0 when `n` is 0).
    pub fn below(&mut self, n: usize) -> usize {
        if n == 0 {
            0
        } else {
            (self.next() % n as u64) as usize
        }
    }

    /// True `percent` times in a hundred.
    pub fn chance(&mut self, percent: u64) -> bool {
        self.next() % 100 < percent
    }
}

/// Texts that break naive SQL, JSON, HTML or comment escaping, and non-Latin letters.
pub const NASTY_TEXTS: [&str; 12] = [
    "Tutto bene, grazie.",
    "Ha detto \"basta\" e poi 'ciao'",
    "C:\\percorso\\file \\n non è un a capo",
    "fine commento */ inizio /* -- e poi; DROP TABLE risposte; --",
    "prima riga\nseconda riga\r\nterza\tcon tab",
    "città, perché, più: così",
    "Straße über Größe",
    "日本語のテキスト",
    "emoji 😀👍🏽 e bandiera 🇮🇹",
    "<script>alert('x')</script> & &amp;",
    "${survey} {{ answers }} %s %d",
    "\u{1} controllo, \u{7f} del e \u{2028} separatore",
];

/// A text of `index`, cut to at most `max` characters.
pub fn text(index: usize, max: u32) -> String {
    let base = NASTY_TEXTS[index % NASTY_TEXTS.len()];
    base.chars().take(max.max(1) as usize).collect()
}

/// A text of exactly `length` characters, several bytes each (length is counted in
/// characters, never bytes).
pub fn text_of_length(length: u32) -> String {
    "è日😀\"\\".chars().cycle().take(length as usize).collect()
}

/// The inclusive range of a number question (the full `i64` range without one).
pub fn range(q: &ir::Question) -> ir::Range {
    q.range.unwrap_or(ir::Range {
        min: i64::MIN,
        max: i64::MAX,
    })
}

/// The most picks a multi answer may have.
pub fn max_picks(q: &ir::Question) -> usize {
    q.max_picks
        .map_or(q.codes.len(), |m| m as usize)
        .min(q.codes.len())
}

/// The fewest picks a multi answer may have.
pub fn min_picks(q: &ir::Question) -> usize {
    q.min_picks.unwrap_or(1).max(1) as usize
}

/// A valid answer to `q`, chosen by `rng`.
pub fn answer(q: &ir::Question, rng: &mut Rng) -> Value {
    match q.kind {
        QuestionKind::Multi => {
            let (min, max) = (min_picks(q), max_picks(q));
            let count = min + rng.below(max.saturating_sub(min) + 1);
            let start = rng.below(q.codes.len());
            let picks: Vec<i64> = (0..count)
                .map(|i| q.codes[(start + i) % q.codes.len()].value)
                .collect();
            json!(picks)
        }
        QuestionKind::Number => {
            let r = range(q);
            let span = (i128::from(r.max) - i128::from(r.min) + 1) as u128;
            let value = match rng.below(4) {
                0 => i128::from(r.min),
                1 => i128::from(r.max),
                _ => i128::from(r.min) + (u128::from(rng.next()) % span) as i128,
            };
            json!(value as i64)
        }
        QuestionKind::Text => {
            let max = q.max_length.unwrap_or(500);
            if rng.chance(15) {
                json!(text_of_length(max))
            } else {
                json!(text(rng.below(NASTY_TEXTS.len()), max))
            }
        }
        _ => json!(q.codes[rng.below(q.codes.len())].value),
    }
}

/// A code that is not among `q`'s codes.
pub fn not_a_code(q: &ir::Question) -> i64 {
    let highest = q.codes.iter().map(|c| c.value).max().unwrap_or(0);
    highest.saturating_add(1)
}

/// Valid date-times, in the forms senders use.
pub const TIMESTAMPS: [&str; 5] = [
    "2026-11-22T10:15:00Z",
    "2026-11-22T10:15:00.123Z",
    "2024-02-29T23:59:59+01:00",
    "2026-03-01t08:00:00.123456789-05:30",
    "2000-12-31T00:00:00z",
];

/// Strings that are not RFC 3339 date-times, or that this project rejects (module doc of
/// `rileva_compiler::response::timestamp`).
pub const BAD_TIMESTAMPS: [&str; 10] = [
    "2026-11-22 10:15:00Z",
    "2026-11-22T10:15:00",
    "2025-02-29T10:15:00Z",
    "2100-02-29T10:15:00Z",
    "2026-04-31T10:15:00Z",
    "2026-11-22T24:00:00Z",
    "2026-11-22T10:15:60Z",
    "2026-11-22T10:15:00+16:00",
    "22/11/2026 10:15",
    "0000-01-01T00:00:00Z",
];
