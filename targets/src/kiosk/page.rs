//! Kiosk target, emit stage: the offline kiosk page `kiosk.<lang>.html`. A view model of the
//! layout (every text in every language, the page's own shown first) rendered by a minijinja
//! template with HTML auto-escaping; the script that runs the screens, routing, idle reset
//! and the response queue is inlined from `templates/kiosk/kiosk.js`. The markup is kept
//! lean (colours as classes, fonts per screen) to stay well within 40 KB.

use super::layout;
use super::model::*;
use super::strings;
use super::svg::glyph;
use super::text::{clean, json_for_script};
use minijinja::{AutoEscape, Environment};
use serde::Serialize;
use serde_json::{json, Value};

const TEMPLATE: &str = include_str!("../../templates/kiosk/kiosk.html.j2");
const STYLE: &str = include_str!("../../templates/kiosk/kiosk.css");
const SCRIPT: &str = include_str!("../../templates/kiosk/kiosk.js");

#[derive(Serialize)]
struct PageView {
    lang: String,
    title: String,
    width: u32,
    height: u32,
    noscript: &'static str,
    change_language: Vec<Localized>,
    style: String,
    script: String,
    config: String,
    glyphs: Vec<GlyphView>,
    screens: Vec<ScreenView>,
}

/// A text in one language; hidden unless it is the page's language.
#[derive(Serialize)]
struct Localized {
    /// The interface language this text belongs to.
    lang: String,
    /// The language the text is written in, when not `lang` (a language switch names the
    /// next language in that language).
    text_lang: Option<String>,
    text: String,
    hidden: bool,
}

#[derive(Serialize)]
struct GlyphView {
    id: &'static str,
    body: String,
}

#[derive(Serialize)]
struct ScreenView {
    number: u32,
    question: Option<String>,
    multi: bool,
    hidden: bool,
    /// The labels' font size.
    style: String,
    heading_style: String,
    heading: Vec<Localized>,
    hint_style: Option<String>,
    hint: Vec<Localized>,
    buttons: Vec<ButtonView>,
}

#[derive(Serialize)]
struct ButtonView {
    code: Option<i64>,
    action: Option<&'static str>,
    /// The paint class (`p0`...): background and label colour.
    paint: usize,
    style: String,
    glyph: Option<&'static str>,
    glyph_px: u32,
    labels: Vec<Localized>,
}

/// The page of `layout` whose language is shown first.
pub fn render(layout: &Layout, lang: &str) -> String {
    let mut env = Environment::new();
    env.set_auto_escape_callback(|_| AutoEscape::Html);
    let view = view(layout, lang);
    env.template_from_str(TEMPLATE)
        .and_then(|t| t.render(&view))
        .unwrap_or_else(|e| format!("<!-- kiosk template error: {e} -->"))
}

fn localized(texts: &Texts, lang: &str) -> Vec<Localized> {
    texts
        .iter()
        .map(|(l, t)| Localized {
            lang: l.clone(),
            text_lang: None,
            text: clean(t),
            hidden: l != lang,
        })
        .collect()
}

/// The language switch's labels: each names the next language, in that language.
fn language_names(texts: &Texts, languages: &[String], lang: &str) -> Vec<Localized> {
    let mut out = localized(texts, lang);
    for item in &mut out {
        let i = languages.iter().position(|l| *l == item.lang).unwrap_or(0);
        item.text_lang = languages.get((i + 1) % languages.len().max(1)).cloned();
    }
    out
}

fn box_style(r: Rect) -> String {
    format!(
        "left:{}px;top:{}px;width:{}px;height:{}px",
        r.x, r.y, r.width, r.height
    )
}

/// The distinct (background, label colour) pairs of the layout, in order of first use.
fn paints(layout: &Layout) -> Vec<(String, String)> {
    let mut out: Vec<(String, String)> = Vec::new();
    for q in question_screens(layout) {
        let buttons = q.buttons.iter().map(|b| (&b.background, &b.text_color));
        for (bg, fg) in buttons.chain(q.controls.iter().map(|c| (&c.background, &c.text_color))) {
            if !out.iter().any(|(b, f)| b == bg && f == fg) {
                out.push((bg.clone(), fg.clone()));
            }
        }
    }
    out
}

fn paint_index(paints: &[(String, String)], bg: &str, fg: &str) -> usize {
    paints.iter().position(|(b, f)| b == bg && f == fg).unwrap_or(0)
}

fn question_screens(layout: &Layout) -> impl Iterator<Item = &QuestionScreen> {
    layout.screens.iter().filter_map(|s| match s {
        Screen::Question(q) => Some(q.as_ref()),
        Screen::Thanks(_) => None,
    })
}

/// The style sheet: the template's, then one class per paint (colours are `#rrggbb`).
fn style_sheet(paints: &[(String, String)]) -> String {
    let mut css = compact(STYLE);
    for (i, (bg, fg)) in paints.iter().enumerate() {
        css.push_str(&format!(
            ".p{i}{{background:{};color:{}}}\n",
            clean(bg),
            clean(fg)
        ));
    }
    css.replace("</", "<\\/")
}

/// Source without full-line `//` comments and indentation (the script has no multi-line
/// strings, so lines keep their meaning).
fn compact(source: &str) -> String {
    source
        .lines()
        .map(str::trim)
        .filter(|l| !l.is_empty() && !l.starts_with("//"))
        .fold(String::new(), |mut out, l| {
            out.push_str(l);
            out.push('\n');
            out
        })
}

fn view(layout: &Layout, lang: &str) -> PageView {
    let paints = paints(layout);
    let change_language: Texts = layout
        .languages
        .iter()
        .map(|l| (l.clone(), strings::get(&strings::CHANGE_LANGUAGE, l).to_owned()))
        .collect();
    PageView {
        lang: lang.to_owned(),
        title: clean(layout.title.get(lang).map(String::as_str).unwrap_or_default()),
        width: layout.screen.width,
        height: layout.screen.height,
        noscript: strings::get(&strings::NEEDS_JAVASCRIPT, lang),
        change_language: localized(&change_language, lang),
        style: style_sheet(&paints),
        script: compact(SCRIPT),
        config: json_for_script(&config(layout, lang).to_string()),
        glyphs: glyphs(layout),
        screens: layout
            .screens
            .iter()
            .map(|s| screen_view(s, &layout.languages, &paints, lang))
            .collect(),
    }
}

/// What the script needs: routing, missing codes, picks, timing and the endpoint.
fn config(layout: &Layout, lang: &str) -> serde_json::Value {
    let questions: Vec<_> = question_screens(layout)
        .map(|q| {
            json!({
                "question": q.question,
                "required": q.required,
                "show_if": q.show_if,
                "min": q.min_picks,
                "max": q.max_picks,
            })
        })
        .collect();
    let missing: serde_json::Map<String, serde_json::Value> = question_screens(layout)
        .filter(|q| !q.missing_codes.is_empty())
        .map(|q| (q.question.clone(), json!(q.missing_codes)))
        .collect();
    let thanks_seconds = layout.screens.iter().find_map(|s| match s {
        Screen::Thanks(t) => Some(t.show_seconds),
        Screen::Question(_) => None,
    });
    let mut config = json!({
        "survey": layout.survey,
        "version": layout.version,
        "language": lang,
        "languages": layout.languages,
        "titles": layout.title,
        "endpoint": layout.endpoint,
        "reset_seconds": layout.reset_after_seconds,
        "thanks_seconds": thanks_seconds.unwrap_or(5),
        "width": layout.screen.width,
        "height": layout.screen.height,
        "questions": questions,
        "missing": missing,
        "checks": layout.checks,
    });
    if let Value::Object(map) = &mut config {
        site_config(layout, lang, map);
    }
    config
}

/// The sites the kiosk may be installed at (`?site=`), and the message for staff when its
/// address names another: only when the address has `site` or the survey lists sites.
fn site_config(layout: &Layout, lang: &str, map: &mut serde_json::Map<String, Value>) {
    let ids: Vec<&str> = layout.sites.iter().map(|s| s.id.as_str()).collect();
    let message = if ids.is_empty() {
        strings::get(&strings::SITE_NONE, lang).to_owned()
    } else {
        strings::get(&strings::SITE_UNKNOWN, lang).replace("{sites}", &ids.join(", "))
    };
    if !ids.is_empty() {
        map.insert("sites".into(), json!(ids));
    }
    map.insert("site_unknown".into(), json!(message));
}

const GLYPHS: [(&str, Option<Face>, Option<Icon>); 6] = [
    ("g-happy", Some(Face::Happy), None),
    ("g-neutral", Some(Face::Neutral), None),
    ("g-sad", Some(Face::Sad), None),
    ("g-star", None, Some(Icon::Star)),
    ("g-yes", None, Some(Icon::Yes)),
    ("g-no", None, Some(Icon::No)),
];

fn glyph_id(face: Option<Face>, icon: Option<Icon>) -> Option<&'static str> {
    GLYPHS
        .iter()
        .find(|(_, f, i)| *f == face && *i == icon)
        .map(|(id, _, _)| *id)
}

/// The glyph symbols the page uses, each once.
fn glyphs(layout: &Layout) -> Vec<GlyphView> {
    let used: Vec<&'static str> = question_screens(layout)
        .flat_map(|q| q.buttons.iter().filter_map(|b| glyph_id(b.face, b.icon)))
        .collect();
    GLYPHS
        .iter()
        .filter(|(id, _, _)| used.contains(id))
        .map(|(id, face, icon)| GlyphView {
            id,
            body: glyph(*face, *icon, "currentColor"),
        })
        .collect()
}

fn screen_view(screen: &Screen, languages: &[String], paints: &[(String, String)], lang: &str) -> ScreenView {
    match screen {
        Screen::Question(q) => question_view(q, languages, paints, lang),
        Screen::Thanks(t) => ScreenView {
            number: t.number,
            question: None,
            multi: false,
            hidden: true,
            style: String::new(),
            heading_style: format!("{};font-size:{}px", box_style(t.text_rect), t.font_px),
            heading: localized(&t.text, lang),
            hint_style: None,
            hint: Vec::new(),
            buttons: Vec::new(),
        },
    }
}

fn question_view(
    q: &QuestionScreen,
    languages: &[String],
    paints: &[(String, String)],
    lang: &str,
) -> ScreenView {
    let (wording_area, hint_area) = layout::split_header(q.header, q.hint.is_some());
    let mut buttons: Vec<ButtonView> = q
        .buttons
        .iter()
        .map(|b| {
            let glyph = glyph_id(b.face, b.icon);
            let (icon, _) = layout::split_button(b.rect, glyph.is_some());
            ButtonView {
                code: Some(b.code),
                action: None,
                paint: paint_index(paints, &b.background, &b.text_color),
                style: box_style(b.rect),
                glyph: icon.and(glyph),
                glyph_px: icon.map(|r| r.width).unwrap_or(0),
                labels: localized(&b.label, lang),
            }
        })
        .collect();
    buttons.extend(q.controls.iter().map(|c| ButtonView {
        code: None,
        action: Some(super::screens::action_name(c.action)),
        paint: paint_index(paints, &c.background, &c.text_color),
        style: box_style(c.rect),
        glyph: None,
        glyph_px: 0,
        labels: match c.action {
            Action::Language => language_names(&c.label, languages, lang),
            Action::Skip | Action::Confirm => localized(&c.label, lang),
        },
    }));
    ScreenView {
        number: q.number,
        question: Some(q.question.clone()),
        multi: q.selection == Selection::Multi,
        hidden: q.number != 1,
        style: format!("font-size:{}px", q.label_font_px),
        heading_style: format!("{};font-size:{}px", box_style(wording_area), q.wording_font_px),
        heading: localized(&q.wording, lang),
        hint_style: hint_area
            .zip(q.hint_font_px)
            .map(|(r, px)| format!("{};font-size:{px}px", box_style(r))),
        hint: q.hint.as_ref().map(|h| localized(h, lang)).unwrap_or_default(),
        buttons,
    }
}
