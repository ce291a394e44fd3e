//! Syntax stage, hints: help for common slips (a `;`, commas between names, `==`, `EN`,
//! `1280x800`) that the words for what was expected do not explain by themselves.

/// The token where parsing failed, and the one after it.
pub(crate) struct Found<'a> {
    pub text: &'a str,
    pub next: Option<&'a str>,
}

/// A help line for a slip recognised in `found`, if any.
pub(crate) fn hint(found: &Found) -> Option<String> {
    let text = found.text;
    let next_is_string = found.next.is_some_and(|n| n.starts_with('"'));
    let hint = match text {
        ";" => "remove the `;`: a statement ends at the end of its line".to_owned(),
        "," => "remove the `,`: names in a list are separated by spaces, e.g. `languages it en`".to_owned(),
        "=" | "==" => "compare with a single `=`, e.g. `soddisfazione = 2`".to_owned(),
        "'" | "“" | "”" | "«" | "»" => {
            "write texts between straight double quotes: `\"...\"`".to_owned()
        }
        _ if is_screen_size(text) => {
            let (w, h) = text.split_once('x').unwrap_or((text, ""));
            format!("put spaces around the `x`: `{w} x {h}`")
        }
        _ if next_is_string && is_upper_language(text) => {
            format!(
                "language codes are written in lower case: `{}`",
                text.to_lowercase()
            )
        }
        _ => return None,
    };
    Some(hint)
}

/// `1280x800`
fn is_screen_size(text: &str) -> bool {
    text.split_once('x').is_some_and(|(w, h)| {
        !w.is_empty()
            && !h.is_empty()
            && w.bytes().all(|b| b.is_ascii_digit())
            && h.bytes().all(|b| b.is_ascii_digit())
    })
}

/// `EN`, `De`: a language tag in capitals.
fn is_upper_language(text: &str) -> bool {
    (2..=3).contains(&text.len())
        && text.bytes().all(|b| b.is_ascii_alphabetic())
        && text.bytes().any(|b| b.is_ascii_uppercase())
}

#[cfg(test)]
mod tests {
    use super::*;

    fn help(text: &str, next: Option<&str>) -> Option<String> {
        hint(&Found { text, next })
    }

    #[test]
    fn recognises_common_slips() {
        assert!(help(";", None).unwrap().contains("`;`"));
        assert!(help(",", Some("en")).unwrap().contains("spaces"));
        assert_eq!(
            help("1280x800", None).unwrap(),
            "put spaces around the `x`: `1280 x 800`"
        );
        assert_eq!(
            help("EN", Some("\"x\"")).unwrap(),
            "language codes are written in lower case: `en`"
        );
        assert!(help("EN", Some("}")).is_none());
        assert!(help("requird", None).is_none());
    }
}
