//! The collection service, pages: what `build` writes for the web form, the kiosk and the
//! JSON Schema, made once at start-up and kept in memory, with the endpoint `/responses`.
//! `/s/<id>/...` serves the highest version of a survey; `/s/<id>@<version>/...` any version.

use rileva_compiler::ir;
use rileva_targets::{HtmlTheme, Options, Target};
use std::collections::BTreeMap;

/// One file to serve.
#[derive(Debug, Clone)]
pub struct Page {
    pub content_type: &'static str,
    pub bytes: Vec<u8>,
}

/// Every page, by its path below `/s/`.
#[derive(Debug, Default)]
pub struct Pages {
    files: BTreeMap<String, Page>,
    index: String,
}

/// `1.10.0` after `1.9.0`: numeric parts compared as numbers.
pub fn version_key(version: &str) -> Vec<u64> {
    version.split('.').map(|p| p.parse().unwrap_or(0)).collect()
}

fn content_type(path: &str) -> &'static str {
    match path.rsplit('.').next() {
        Some("html") => "text/html; charset=utf-8",
        Some("svg") => "image/svg+xml",
        Some("json") => "application/json",
        Some("js") => "text/javascript; charset=utf-8",
        Some("css") => "text/css; charset=utf-8",
        _ => "application/octet-stream",
    }
}

impl Pages {
    pub fn build(surveys: &[ir::Survey], theme: HtmlTheme) -> Pages {
        let options = Options {
            html_theme: theme,
            endpoint: Some("/responses".to_owned()),
        };
        let mut latest: BTreeMap<&str, &ir::Survey> = BTreeMap::new();
        for s in surveys {
            let newer = latest
                .get(s.id.as_str())
                .map_or(true, |old| version_key(&s.version) > version_key(&old.version));
            if newer {
                latest.insert(&s.id, s);
            }
        }
        let mut files = BTreeMap::new();
        for survey in surveys {
            let is_latest = latest
                .get(survey.id.as_str())
                .is_some_and(|l| std::ptr::eq(*l, survey));
            for target in [Target::Html, Target::Kiosk, Target::JsonSchema] {
                for file in target.emit(survey, &options) {
                    let page = Page {
                        content_type: content_type(&file.path),
                        bytes: file.contents,
                    };
                    if is_latest {
                        files.insert(format!("{}/{}", survey.id, file.path), page.clone());
                    }
                    files.insert(format!("{}@{}/{}", survey.id, survey.version, file.path), page);
                }
            }
        }
        let index = index(surveys, &files);
        Pages { files, index }
    }

    /// The file at `/s/<path>`.
    pub fn get(&self, path: &str) -> Option<&Page> {
        self.files.get(path)
    }

    /// Every path below `/s/` with its content type, sorted (`/openapi.json` lists them).
    pub fn paths(&self) -> impl Iterator<Item = (&str, &'static str)> {
        self.files
            .iter()
            .map(|(path, page)| (path.as_str(), page.content_type))
    }

    pub fn index(&self) -> &str {
        &self.index
    }
}

/// Text for HTML content and attribute values.
pub fn escape(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    for c in text.chars() {
        match c {
            '&' => out.push_str("&amp;"),
            '<' => out.push_str("&lt;"),
            '>' => out.push_str("&gt;"),
            '"' => out.push_str("&quot;"),
            '\'' => out.push_str("&#39;"),
            c => out.push(c),
        }
    }
    out
}

/// `GET /`: every survey and version with links to its pages.
fn index(surveys: &[ir::Survey], files: &BTreeMap<String, Page>) -> String {
    let mut out = String::from(
        "<!DOCTYPE html>\n<html lang=\"it\"><head><meta charset=\"utf-8\">\n<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\n<meta name=\"referrer\" content=\"no-referrer\">\n<title>rileva serve</title></head>\n<body>\n<h1>Questionari raccolti qui <span lang=\"en\">(surveys collected here)</span></h1>\n<ul>\n",
    );
    let mut sorted: Vec<&ir::Survey> = surveys.iter().collect();
    sorted.sort_by(|a, b| (&a.id, version_key(&a.version)).cmp(&(&b.id, version_key(&b.version))));
    for s in sorted {
        let base = format!("/s/{}@{}/", s.id, s.version);
        let title = s.title.get(s.default_language());
        out.push_str(&format!(
            "<li><strong>{}</strong> <code>{}</code> {}<ul>\n",
            escape(title),
            escape(&s.id),
            escape(&s.version)
        ));
        for lang in &s.languages {
            for (path, what) in [
                (format!("form.{lang}.html"), "modulo web / web form"),
                (format!("kiosk/kiosk.{lang}.html"), "chiosco / kiosk"),
            ] {
                let key = format!("{}@{}/{path}", s.id, s.version);
                if files.contains_key(&key) {
                    let href = escape(&format!("{base}{path}"));
                    out.push_str(&format!(
                        "<li><a href=\"{href}\">{what} ({})</a></li>\n",
                        escape(lang)
                    ));
                }
            }
        }
        out.push_str("</ul></li>\n");
    }
    out.push_str("</ul>\n<p><a href=\"/healthz\">/healthz</a> · <a href=\"/metrics\">/metrics</a></p>\n</body></html>\n");
    out
}
