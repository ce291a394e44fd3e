//! report.<lang>.html: the page for people (in progress; `--format html` is not offered yet).

/// The languages the report's own words are written in.
pub const LANGUAGES: [&str; 2] = ["it", "en"];
