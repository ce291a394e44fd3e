//! Where a SARIF result points: artifact URIs relative to the working directory (the
//! embedded stdlib under its own base, `RILEVA_STDLIB`), regions with exclusive ends, and
//! the fingerprints that stay the same when unrelated lines move.

use super::{message, REPOSITORY};
use percent_encoding::{utf8_percent_encode, AsciiSet, CONTROLS};
use rileva_compiler::source::{Origin, SourceMap, Span};
use serde_sarif::sarif::{ArtifactLocation, Location, PhysicalLocation, Region};
use sha2::{Digest, Sha256};
use std::collections::BTreeMap;
use std::path::{Component, Path, PathBuf};

/// The base of the stdlib's files: they are inside rileva, not in the user's repository.
pub const STDLIB_BASE: &str = "RILEVA_STDLIB";

/// The key of rileva's own fingerprint in `partialFingerprints` (versioned, as SARIF asks).
pub const FINGERPRINT_KEY: &str = "rileva/v1";

/// What a URI path segment may not hold as it is (RFC 3986 `pchar`, plus `/` kept).
const PATH: &AsciiSet = &CONTROLS
    .add(b' ')
    .add(b'"')
    .add(b'#')
    .add(b'%')
    .add(b'<')
    .add(b'>')
    .add(b'?')
    .add(b'[')
    .add(b'\\')
    .add(b']')
    .add(b'^')
    .add(b'`')
    .add(b'{')
    .add(b'|')
    .add(b'}');

/// Turns spans of one compilation into SARIF locations.
pub struct Locator<'a> {
    sources: &'a SourceMap,
    cwd: Option<PathBuf>,
}

impl<'a> Locator<'a> {
    pub fn new(sources: &'a SourceMap) -> Self {
        Locator {
            sources,
            cwd: std::env::current_dir().ok(),
        }
    }

    pub fn sources(&self) -> &'a SourceMap {
        self.sources
    }

    /// The file of a span: a path relative to the working directory, a `file:` URI for a
    /// file outside it, or a path under [`STDLIB_BASE`].
    pub fn artifact(&self, span: Span) -> ArtifactLocation {
        let file = self.sources.get(span.file);
        match &file.origin {
            Origin::Stdlib { .. } => {
                let path = file.name.trim_start_matches("stdlib/");
                ArtifactLocation::builder()
                    .uri(encode(path))
                    .uri_base_id(STDLIB_BASE)
                    .build()
            }
            Origin::Input | Origin::Lib { .. } => ArtifactLocation::builder()
                .uri(uri_of_path(Path::new(&file.name), self.cwd.as_deref()))
                .build(),
        }
    }

    /// Start and end, 1-based; the end column is the one after the last character.
    pub fn region(&self, span: Span) -> Region {
        let file = self.sources.get(span.file);
        let start = file.line_col(span.start as usize);
        let end = file.line_col(span.end as usize);
        Region::builder()
            .start_line(int(start.line))
            .start_column(int(start.column))
            .end_line(int(end.line))
            .end_column(int(end.column))
            .build()
    }

    pub fn location(&self, span: Span, label: Option<&str>) -> Location {
        let physical = PhysicalLocation::builder()
            .artifact_location(self.artifact(span))
            .region(self.region(span))
            .build();
        let mut location = Location::builder().physical_location(physical).build();
        if let Some(label) = label.filter(|l| !l.is_empty()) {
            location.message = Some(message(label));
        }
        location
    }

    /// The base URIs the locations use: the stdlib's, when a location is in it.
    pub fn bases(&self, spans: impl IntoIterator<Item = Span>) -> BTreeMap<String, ArtifactLocation> {
        let mut bases = BTreeMap::new();
        for span in spans {
            if matches!(self.sources.get(span.file).origin, Origin::Stdlib { .. }) {
                let base = ArtifactLocation::builder()
                    .uri(format!("{REPOSITORY}/blob/main/stdlib/"))
                    .description(message("The standard library embedded in rileva"))
                    .build();
                bases.insert(STDLIB_BASE.to_owned(), base);
            }
        }
        bases
    }
}

fn int(n: usize) -> i64 {
    i64::try_from(n).unwrap_or(i64::MAX)
}

fn encode(path: &str) -> String {
    utf8_percent_encode(path, PATH).to_string()
}

/// A path as a URI reference: relative to `cwd` when below it (`examples/a.rileva`), else an
/// absolute `file:` URI. `.` components are dropped; separators become `/`.
pub fn uri_of_path(path: &Path, cwd: Option<&Path>) -> String {
    let absolute = match cwd {
        Some(cwd) if path.is_relative() => cwd.join(path),
        _ => path.to_path_buf(),
    };
    let absolute = normalize(&absolute);
    if let Some(rel) = cwd.and_then(|cwd| absolute.strip_prefix(normalize(cwd)).ok()) {
        return encode(&slashes(rel));
    }
    if absolute.is_absolute() {
        let path = slashes(&absolute);
        let path = if path.starts_with('/') {
            path
        } else {
            format!("/{path}")
        };
        return format!("file://{}", encode(&path));
    }
    encode(&slashes(&absolute))
}

fn slashes(path: &Path) -> String {
    path.components()
        .filter_map(|c| match c {
            Component::Normal(s) => Some(s.to_string_lossy().into_owned()),
            Component::ParentDir => Some("..".to_owned()),
            Component::RootDir => Some(String::new()),
            Component::Prefix(p) => Some(p.as_os_str().to_string_lossy().into_owned()),
            Component::CurDir => None,
        })
        .collect::<Vec<_>>()
        .join("/")
}

/// Drop `.` and fold `..` into its parent, without touching the disk.
fn normalize(path: &Path) -> PathBuf {
    let mut out = PathBuf::new();
    for c in path.components() {
        match c {
            Component::CurDir => {}
            Component::ParentDir if out.file_name().is_some() => {
                out.pop();
            }
            c => out.push(c.as_os_str()),
        }
    }
    out
}

/// Fingerprints of results, each from what identifies it apart from its position (code, file,
/// the text it points at, message) and how many identical results came before it in the
/// file: inserting or moving unrelated lines keeps them, editing the flagged text changes them.
#[derive(Default)]
pub struct Fingerprints {
    seen: BTreeMap<String, usize>,
}

impl Fingerprints {
    pub fn next(&mut self, parts: &[&str]) -> BTreeMap<String, String> {
        let base = hash(parts);
        let n = self.seen.entry(base.clone()).or_insert(0);
        *n += 1;
        let value = format!("{}:{}", &base[..32], n);
        BTreeMap::from([(FINGERPRINT_KEY.to_owned(), value)])
    }
}

/// SHA-256 of the parts, each followed by a NUL, as hex; whitespace runs count as one space.
fn hash(parts: &[&str]) -> String {
    let mut hasher = Sha256::new();
    for part in parts {
        let words: Vec<&str> = part.split_whitespace().collect();
        hasher.update(words.join(" ").as_bytes());
        hasher.update([0]);
    }
    hasher.finalize().iter().map(|b| format!("{b:02x}")).collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn uris_are_relative_to_the_working_directory() {
        let cwd = Path::new("/repo");
        assert_eq!(
            uri_of_path(Path::new("examples/a.rileva"), Some(cwd)),
            "examples/a.rileva"
        );
        assert_eq!(
            uri_of_path(Path::new("./examples/a.rileva"), Some(cwd)),
            "examples/a.rileva"
        );
        assert_eq!(
            uri_of_path(Path::new("/repo/x/b c.rileva"), Some(cwd)),
            "x/b%20c.rileva"
        );
        assert_eq!(
            uri_of_path(Path::new("/elsewhere/a.rileva"), Some(cwd)),
            "file:///elsewhere/a.rileva"
        );
        assert_eq!(
            uri_of_path(Path::new("../a.rileva"), Some(cwd)),
            "file:///a.rileva"
        );
        assert_eq!(uri_of_path(Path::new("a#1.rileva"), Some(cwd)), "a%231.rileva");
    }

    #[test]
    fn fingerprints_count_identical_results() {
        let mut f = Fingerprints::default();
        let a = f.next(&["R0101", "a.rileva", "x"]);
        let b = f.next(&["R0101", "a.rileva", "x"]);
        let c = f.next(&["R0101", "a.rileva", "y"]);
        assert_ne!(a, b);
        assert_ne!(a, c);
        let mut g = Fingerprints::default();
        assert_eq!(g.next(&["R0101", "a.rileva", "x  "]), a);
    }
}
