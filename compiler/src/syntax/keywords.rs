//! Syntax stage: the keywords that start an item or a statement, grouped by the block they
//! stand in. The parser resumes at them after an error and suggests them in messages; the
//! formatter reads them to tell a new statement from a continuation line.

/// Items of a file.
pub const ITEMS: &[&str] = &[
    "import", "scale", "options", "kinds", "module", "standard", "survey",
];

/// Statements of a survey block: its header statements, then the body items (the same body
/// items stand in modules and sections).
pub const SURVEY_ENTRY: &[&str] = &[
    "version",
    "title",
    "languages",
    "agency",
    "service",
    "channels",
    "conforms",
    "kiosk",
    "sites",
    "anonymous",
    "question",
    "section",
    "use",
    "check",
    "translations",
];

/// Body items of a survey, module or section: the tail of [`SURVEY_ENTRY`].
pub const BODY: &[&str] = SURVEY_ENTRY.split_at(10).1;

/// Statements of a standard block.
pub const STANDARD: &[&str] = &[
    "version",
    "title",
    "languages",
    "channels",
    "anonymous",
    "max",
    "profile",
];

/// Statements of a profile block.
pub const PROFILE: &[&str] = &["service", "pa", "require", "allow", "extra"];

/// Statements of a `kiosk { }` block.
pub const KIOSK: &[&str] = &["screen", "reset", "thanks"];

/// Properties of a question block.
pub const PROPERTIES: &[&str] = &[
    "help", "required", "show", "channels", "personal", "locked", "min", "max",
];

pub const QUESTION_TYPES: &[&str] = &[
    "scale", "choice", "multi", "faces", "rating", "nps", "yesno", "number", "text",
];

/// A word that starts an item, or a statement of a survey, module, section, standard or profile.
pub fn starts_item_or_statement(word: &str) -> bool {
    [ITEMS, SURVEY_ENTRY, STANDARD, PROFILE]
        .iter()
        .any(|group| group.contains(&word))
}

/// A word that starts a statement inside any block, including kiosk statements, question
/// properties and `missing` codes.
pub fn starts_statement(word: &str) -> bool {
    [SURVEY_ENTRY, STANDARD, PROFILE, KIOSK, PROPERTIES]
        .iter()
        .any(|group| group.contains(&word))
        || word == "missing"
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn body_is_the_tail_of_a_survey_entry() {
        assert_eq!(BODY, ["question", "section", "use", "check", "translations"]);
    }
}
