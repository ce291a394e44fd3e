//! Kiosk target, emit stage: the offline kiosk page `kiosk.<lang>.html`. A view model of the
//! layout (every text in every language, the page's own shown first) rendered by a minijinja
//! template with HTML auto-escaping; the script that runs the screens, routing, idle reset
//! and the response queue is inlined from `templates/kiosk/kiosk.js`.

use super::layout;
use super::model::*;
use super::strings;
use super::svg::glyph;
use super::text::{clean, json_for_script};
use minijinja::{AutoEscape, Environment};
use serde::Serialize;
use serde_json::json;

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
    style: &'static str,
    script: &'static str,
    config: String,
    glyphs: Vec<GlyphView>,
    screens: Vec<ScreenView>,
}

/// A text in one language; hidden unless it is the page's language.
#[derive(Serialize)]
struct Localized {
    /// The interface language this text belongs to.
    lang: String,
    /// The language the text is written in (a language switch names the next language).
    text_lang: String,
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
    heading_style: String,
    heading: Vec<Localized>,
    hint_style: Option<String>,
    hint: Vec<Localized>,
    buttons: Vec<ButtonView>,
}

#[derive(Serialize)]
struct ButtonView {
    id: String,
    class: &'static str,
    code: Option<i64>,
    action: Option<&'static str>,
    style: String,
    glyph: Option<&'static str>,
    glyph_px: u32,
    labels: Vec<Localized>,
    label_style: String,
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
            text_lang: l.clone(),
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
        item.text_lang = languages
            .get((i + 1) % languages.len().max(1))
            .cloned()
            .unwrap_or_default();
    }
    out
}

fn box_style(r: Rect) -> String {
    format!(
        "left:{}px;top:{}px;width:{}px;height:{}px",
        r.x, r.y, r.width, r.height
    )
}

fn view(layout: &Layout, lang: &str) -> PageView {
    let per_language = |f: &dyn Fn(&str) -> String| -> Texts {
        layout.languages.iter().map(|l| (l.clone(), f(l))).collect()
    };
    PageView {
        lang: lang.to_owned(),
        title: clean(layout.title.get(lang).map(String::as_str).unwrap_or_default()),
        width: layout.screen.width,
        height: layout.screen.height,
        noscript: strings::get(&strings::NEEDS_JAVASCRIPT, lang),
        change_language: localized(
            &per_language(&|l| strings::get(&strings::CHANGE_LANGUAGE, l).into()),
            lang,
        ),
        style: STYLE,
        script: SCRIPT,
        config: json_for_script(&config(layout, lang).to_string()),
        glyphs: glyphs(layout),
        screens: layout
            .screens
            .iter()
            .map(|s| screen_view(s, &layout.languages, lang))
            .collect(),
    }
}

/// What the script needs: routing, missing codes, picks, timing and the endpoint.
fn config(layout: &Layout, lang: &str) -> serde_json::Value {
    let questions: Vec<_> = layout
        .screens
        .iter()
        .filter_map(|s| match s {
            Screen::Question(q) => Some(json!({
                "question": q.question,
                "required": q.required,
                "show_if": q.show_if,
                "min": q.min_picks,
                "max": q.max_picks,
            })),
            Screen::Thanks(_) => None,
        })
        .collect();
    let missing: serde_json::Map<String, serde_json::Value> = layout
        .screens
        .iter()
        .filter_map(|s| match s {
            Screen::Question(q) => Some((q.question.clone(), json!(q.missing_codes))),
            Screen::Thanks(_) => None,
        })
        .collect();
    let thanks_seconds = layout.screens.iter().find_map(|s| match s {
        Screen::Thanks(t) => Some(t.show_seconds),
        Screen::Question(_) => None,
    });
    json!({
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
    })
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
    let used: Vec<&'static str> = layout
        .screens
        .iter()
        .filter_map(|s| match s {
            Screen::Question(q) => Some(q.as_ref()),
            Screen::Thanks(_) => None,
        })
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

fn screen_view(screen: &Screen, languages: &[String], lang: &str) -> ScreenView {
    match screen {
        Screen::Question(q) => question_view(q, languages, lang),
        Screen::Thanks(t) => ScreenView {
            number: t.number,
            question: None,
            multi: false,
            hidden: true,
            heading_style: format!("{};font-size:{}px", box_style(t.text_rect), t.font_px),
            heading: localized(&t.text, lang),
            hint_style: None,
            hint: Vec::new(),
            buttons: Vec::new(),
        },
    }
}

fn question_view(q: &QuestionScreen, languages: &[String], lang: &str) -> ScreenView {
    let (wording_area, hint_area) = layout::split_header(q.header, q.hint.is_some());
    let label_style = format!("font-size:{}px", q.label_font_px);
    let mut buttons: Vec<ButtonView> = q
        .buttons
        .iter()
        .map(|b| {
            let glyph = glyph_id(b.face, b.icon);
            let (icon, _) = layout::split_button(b.rect, glyph.is_some());
            ButtonView {
                id: b.id.clone(),
                class: "answer",
                code: Some(b.code),
                action: None,
                style: format!(
                    "{};background:{};color:{}",
                    box_style(b.rect),
                    b.background,
                    b.text_color
                ),
                glyph: icon.and(glyph),
                glyph_px: icon.map(|r| r.width).unwrap_or(0),
                labels: localized(&b.label, lang),
                label_style: label_style.clone(),
            }
        })
        .collect();
    buttons.extend(
        q.controls
            .iter()
            .map(|c| control_view(c, languages, &label_style, lang)),
    );
    ScreenView {
        number: q.number,
        question: Some(q.question.clone()),
        multi: q.selection == Selection::Multi,
        hidden: q.number != 1,
        heading_style: format!("{};font-size:{}px", box_style(wording_area), q.wording_font_px),
        heading: localized(&q.wording, lang),
        hint_style: hint_area
            .zip(q.hint_font_px)
            .map(|(r, px)| format!("{};font-size:{px}px", box_style(r))),
        hint: q.hint.as_ref().map(|h| localized(h, lang)).unwrap_or_default(),
        buttons,
    }
}

fn control_view(c: &Control, languages: &[String], label_style: &str, lang: &str) -> ButtonView {
    ButtonView {
        id: c.id.clone(),
        class: "control",
        code: None,
        action: Some(super::screens::action_name(c.action)),
        style: format!(
            "{};background:{};color:{}",
            box_style(c.rect),
            c.background,
            c.text_color
        ),
        glyph: None,
        glyph_px: 0,
        labels: match c.action {
            Action::Language => language_names(&c.label, languages, lang),
            Action::Skip | Action::Confirm => localized(&c.label, lang),
        },
        label_style: label_style.to_owned(),
    }
}
