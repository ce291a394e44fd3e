//! Kiosk target, emit stage: an SVG preview of each screen (`screen-<n>.svg`), drawn from the
//! same rectangles as `layout.json`, in the survey's default language. Faces are drawn as
//! faces; every text is XML-escaped and wrapped to its box.

use super::colors;
use super::layout::{self, LINE_HEIGHT};
use super::model::*;
use super::text::xml_escape;
use std::fmt::Write;

const FONT_FAMILY: &str = "system-ui, 'Segoe UI', Roboto, 'Helvetica Neue', Arial, sans-serif";

/// The drawing of a face or icon in a 100 x 100 box, stroked and filled with `colour`.
pub fn glyph(face: Option<Face>, icon: Option<Icon>, colour: &str) -> String {
    let line = |d: &str| {
        format!(
            r#"<path d="{d}" fill="none" stroke="{colour}" stroke-width="7" stroke-linecap="round" stroke-linejoin="round"/>"#
        )
    };
    let head = format!(
        r#"<circle cx="50" cy="50" r="44" fill="none" stroke="{colour}" stroke-width="6"/><circle cx="35" cy="38" r="6" fill="{colour}"/><circle cx="65" cy="38" r="6" fill="{colour}"/>"#
    );
    match (face, icon) {
        (Some(Face::Happy), _) => head + &line("M28 60 Q50 84 72 60"),
        (Some(Face::Neutral), _) => head + &line("M30 68 L70 68"),
        (Some(Face::Sad), _) => head + &line("M28 76 Q50 52 72 76"),
        (None, Some(Icon::Star)) => format!(
            r#"<polygon points="50,6 61,38 95,38 68,58 78,92 50,72 22,92 32,58 5,38 39,38" fill="{colour}"/>"#
        ),
        (None, Some(Icon::Yes)) => line("M18 54 L40 76 L84 26"),
        (None, Some(Icon::No)) => line("M24 24 L76 76 M76 24 L24 76"),
        (None, None) => String::new(),
    }
}

/// The preview of one screen.
pub fn render(layout: &Layout, screen: &Screen) -> String {
    let (w, h) = (layout.screen.width, layout.screen.height);
    let language = layout.languages.first().map(String::as_str).unwrap_or("it");
    let title = layout.title.get(language).map(String::as_str).unwrap_or_default();
    let mut out = String::new();
    let _ = write!(
        out,
        r#"<svg xmlns="http://www.w3.org/2000/svg" width="{w}" height="{h}" viewBox="0 0 {w} {h}" font-family="{}" xml:lang="{}">"#,
        xml_escape(FONT_FAMILY),
        xml_escape(language)
    );
    let _ = write!(
        out,
        "\n<title>{} – {}</title>\n<rect width=\"{w}\" height=\"{h}\" fill=\"{}\"/>\n",
        xml_escape(title),
        screen.number(),
        colors::SCREEN_BACKGROUND
    );
    match screen {
        Screen::Question(q) => question(&mut out, q, language),
        Screen::Thanks(t) => {
            let text = t.text.get(language).map(String::as_str).unwrap_or_default();
            lines(
                &mut out,
                text,
                t.text_rect,
                t.font_px,
                &colors::SCREEN_TEXT.to_string(),
                true,
            );
        }
    }
    out.push_str("</svg>\n");
    out
}

fn question(out: &mut String, q: &QuestionScreen, language: &str) {
    let get = |t: &Texts| t.get(language).cloned().unwrap_or_default();
    let ink = colors::SCREEN_TEXT.to_string();
    let (wording_area, hint_area) = layout::split_header(q.header, q.hint.is_some());
    lines(out, &get(&q.wording), wording_area, q.wording_font_px, &ink, true);
    if let (Some(area), Some(hint), Some(px)) = (hint_area, &q.hint, q.hint_font_px) {
        lines(out, &get(hint), area, px, &ink, false);
    }
    for b in &q.buttons {
        let has_glyph = b.face.is_some() || b.icon.is_some();
        let (icon, label) = layout::split_button(b.rect, has_glyph);
        button_rect(out, b.rect, &b.background);
        if let Some(icon) = icon {
            let _ = writeln!(
                out,
                r#"<svg x="{}" y="{}" width="{}" height="{}" viewBox="0 0 100 100">{}</svg>"#,
                icon.x,
                icon.y,
                icon.width,
                icon.height,
                glyph(b.face, b.icon, &b.text_color)
            );
        }
        lines(out, &get(&b.label), label, q.label_font_px, &b.text_color, true);
    }
    for c in &q.controls {
        button_rect(out, c.rect, &c.background);
        let (_, area) = layout::split_button(c.rect, false);
        lines(out, &get(&c.label), area, q.label_font_px, &c.text_color, true);
    }
}

fn button_rect(out: &mut String, r: Rect, fill: &str) {
    let radius = (r.width.min(r.height) / 8).min(24);
    let _ = writeln!(
        out,
        r#"<rect x="{}" y="{}" width="{}" height="{}" rx="{radius}" fill="{}"/>"#,
        r.x,
        r.y,
        r.width,
        r.height,
        xml_escape(fill)
    );
}

/// `text` wrapped to `area`, centred in it horizontally and vertically.
fn lines(out: &mut String, text: &str, area: Rect, font_px: u32, fill: &str, bold: bool) {
    let wrapped = layout::wrap(text, layout::chars_per_line(area.width, font_px));
    if wrapped.is_empty() {
        return;
    }
    let line_h = f64::from(font_px) * LINE_HEIGHT;
    let block = line_h * wrapped.len() as f64;
    let top = f64::from(area.y) + (f64::from(area.height) - block) / 2.0;
    let cx = area.x + area.width / 2;
    let weight = if bold { "700" } else { "400" };
    let _ = write!(
        out,
        r#"<text x="{cx}" font-size="{font_px}" font-weight="{weight}" fill="{}" text-anchor="middle">"#,
        xml_escape(fill)
    );
    for (i, line) in wrapped.iter().enumerate() {
        // The baseline sits half the leading plus the ascent, about 0.9 em, below the line top.
        let y = top + line_h * i as f64 + f64::from(font_px) * 0.9;
        let _ = write!(out, r#"<tspan x="{cx}" y="{y:.1}">{}</tspan>"#, xml_escape(line));
    }
    out.push_str("</text>\n");
}
