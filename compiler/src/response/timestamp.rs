//! `submitted_at`: the RFC 3339 `date-time` a response must carry, checked by hand here and
//! by [`PATTERN`] in the JSON Schema; the two accept exactly the same strings.
//!
//! `YYYY-MM-DDTHH:MM:SS[.F]Z` or with an offset `±HH:MM`, as RFC 3339 §5.6 with these
//! limits, so that every accepted time also fits PostgreSQL's `timestamptz`:
//! - the day must exist in its month (leap years by the Gregorian rule); year 0000 is out;
//! - no leap second (`:60`);
//! - 1 to 9 fractional digits;
//! - offsets up to ±15:59 (PostgreSQL's limit; real offsets span −12:00 to +14:00);
//! - `T` and `Z` may be lower case (RFC 3339 allows it); no space instead of `T`.

/// The same grammar as [`is_rfc3339`], as an ECMA-262 regular expression (ASCII classes
/// only: `\d` would match other scripts' digits in some engines).
pub const PATTERN: &str = concat!(
    "^(?:",
    "(?:[0-9]{3}[1-9]|[0-9]{2}[1-9]0|[0-9][1-9]00|[1-9]000)-",
    "(?:(?:0[13578]|1[02])-(?:0[1-9]|[12][0-9]|3[01])",
    "|(?:0[469]|11)-(?:0[1-9]|[12][0-9]|30)",
    "|02-(?:0[1-9]|1[0-9]|2[0-8]))",
    "|(?:[0-9]{2}(?:0[48]|[2468][048]|[13579][26])|(?:0[48]|[2468][048]|[13579][26])00)-02-29",
    ")",
    "[Tt](?:[01][0-9]|2[0-3]):[0-5][0-9]:[0-5][0-9](?:\\.[0-9]{1,9})?",
    "(?:[Zz]|[+-](?:0[0-9]|1[0-5]):[0-5][0-9])$"
);

/// Whether `s` is a date-time this project accepts (see the module doc).
pub fn is_rfc3339(s: &str) -> bool {
    let b = s.as_bytes();
    let Some(rest) = date(b) else {
        return false;
    };
    let Some(rest) = time(rest) else {
        return false;
    };
    zone(rest)
}

/// `YYYY-MM-DD`, returning what follows.
fn date(b: &[u8]) -> Option<&[u8]> {
    let year = digits(b.get(0..4)?)?;
    let month = digits(b.get(5..7)?)?;
    let day = digits(b.get(8..10)?)?;
    if b.get(4) != Some(&b'-') || b.get(7) != Some(&b'-') || year == 0 {
        return None;
    }
    let leap = (year % 4 == 0 && year % 100 != 0) || year % 400 == 0;
    let days = match month {
        1 | 3 | 5 | 7 | 8 | 10 | 12 => 31,
        4 | 6 | 9 | 11 => 30,
        2 if leap => 29,
        2 => 28,
        _ => return None,
    };
    (1..=days).contains(&day).then(|| b.get(10..)).flatten()
}

/// `THH:MM:SS[.F]`, returning what follows.
fn time(b: &[u8]) -> Option<&[u8]> {
    if !matches!(b.first(), Some(b'T' | b't')) {
        return None;
    }
    let hour = digits(b.get(1..3)?)?;
    let minute = digits(b.get(4..6)?)?;
    let second = digits(b.get(7..9)?)?;
    if b.get(3) != Some(&b':') || b.get(6) != Some(&b':') || hour > 23 || minute > 59 || second > 59 {
        return None;
    }
    let rest = b.get(9..)?;
    if rest.first() != Some(&b'.') {
        return Some(rest);
    }
    let fraction = rest[1..].iter().take_while(|c| c.is_ascii_digit()).count();
    (1..=9)
        .contains(&fraction)
        .then(|| rest.get(1 + fraction..))
        .flatten()
}

/// `Z` or `±HH:MM`, and nothing after it.
fn zone(b: &[u8]) -> bool {
    match b {
        [b'Z' | b'z'] => true,
        [b'+' | b'-', h1, h2, b':', m1, m2] => match (digits(&[*h1, *h2]), digits(&[*m1, *m2])) {
            (Some(hour), Some(minute)) => hour <= 15 && minute <= 59,
            _ => false,
        },
        _ => false,
    }
}

/// The value of a run of ASCII digits; `None` if any byte is not one.
fn digits(b: &[u8]) -> Option<u32> {
    b.iter().try_fold(0u32, |acc, c| {
        c.is_ascii_digit().then(|| acc * 10 + u32::from(c - b'0'))
    })
}
