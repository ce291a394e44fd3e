//! Kiosk target, layout engine: places one screen's header, answer buttons and controls on a
//! screen of any size, landscape or portrait. Pure geometry in whole pixels: every rectangle
//! lies inside the screen, none overlaps another, answer buttons are at least 44 px a side
//! (faces at least 120 px), and the grid is the one that makes the buttons largest.

use super::model::Rect;

/// The smallest side of a button a finger can hit reliably (WCAG 2.5.5, docs/language.md §9).
pub const MIN_TARGET_PX: u32 = 44;
/// The smallest side of a face: "far larger" than an ordinary target.
pub const MIN_FACE_PX: u32 = 120;
/// The narrowest navigation control: a word such as "Überspringen" must fit at 14 px.
pub const MIN_CONTROL_WIDTH_PX: u32 = 96;

/// What is drawn in the answer buttons, which decides their shape.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Shape {
    /// A face above its label, all in one row.
    Face,
    /// A star or a yes/no sign above its label.
    Icon,
    /// A text label only; `longest` is the longest label in characters.
    Text { longest: usize },
}

impl Shape {
    pub fn min_side(self) -> u32 {
        match self {
            Shape::Face => MIN_FACE_PX,
            Shape::Icon | Shape::Text { .. } => MIN_TARGET_PX,
        }
    }

    /// The width:height ratio the grid search aims at.
    fn aspect(self) -> f64 {
        match self {
            Shape::Face | Shape::Icon => 1.0,
            Shape::Text { longest } => (longest as f64 / 10.0).clamp(1.5, 4.0),
        }
    }

    /// The tallest a button may be for its width (taller buttons are centred, not stretched).
    fn max_height_ratio(self) -> f64 {
        match self {
            Shape::Face => 1.25,
            Shape::Icon | Shape::Text { .. } => 1.0,
        }
    }
}

/// What one screen must hold.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct ScreenSpec {
    pub buttons: usize,
    pub shape: Shape,
    /// Navigation controls at the foot: language switch (left), then skip and confirm (right).
    pub language: bool,
    pub skip: bool,
    pub confirm: bool,
}

impl ScreenSpec {
    fn has_footer(&self) -> bool {
        self.language || self.skip || self.confirm
    }
}

/// Where everything of one screen goes.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Placement {
    pub header: Rect,
    pub buttons: Vec<Rect>,
    pub language: Option<Rect>,
    pub skip: Option<Rect>,
    pub confirm: Option<Rect>,
}

/// Why a screen cannot be laid out: its buttons would fall below their least size.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Unfit {
    pub buttons: usize,
    pub min_side: u32,
}

/// Margins, gaps and bands of a screen size.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Bands {
    pub margin: u32,
    pub gap: u32,
    pub header: Rect,
    pub content: Rect,
    pub footer: Option<Rect>,
}

/// Splits the screen into the header band (the wording), the content (the buttons) and, when
/// asked for, the footer band (controls). `None` when the screen has no room left for content.
pub fn bands(width: u32, height: u32, footer: bool) -> Option<Bands> {
    let base = width.min(height);
    let margin = (base / 40).clamp(8, 40);
    let gap = (base / 50).clamp(8, 32);
    let header_h = (height / 5).clamp(48, 280);
    let footer_h = (height / 10).clamp(MIN_TARGET_PX, 96);
    let inner_w = width.checked_sub(2 * margin)?;
    let header = Rect {
        x: margin,
        y: margin,
        width: inner_w,
        height: header_h,
    };
    let content_y = header.bottom() + gap;
    let footer_rect = footer.then(|| Rect {
        x: margin,
        y: height.saturating_sub(margin + footer_h),
        width: inner_w,
        height: footer_h,
    });
    let content_end = match footer_rect {
        Some(f) => f.y.checked_sub(gap)?,
        None => height.checked_sub(margin)?,
    };
    let content_h = content_end.checked_sub(content_y).filter(|h| *h > 0)?;
    let content = Rect {
        x: margin,
        y: content_y,
        width: inner_w,
        height: content_h,
    };
    Some(Bands {
        margin,
        gap,
        header,
        content,
        footer: footer_rect,
    })
}

/// The largest screen side the engine lays out; a larger declared screen is laid out in its
/// top-left 32768 px, which keeps every sum of pixels far from overflowing.
pub const MAX_SIDE_PX: u32 = 32_768;

/// Lays out one screen, or says why it cannot be.
pub fn place(width: u32, height: u32, spec: &ScreenSpec) -> Result<Placement, Unfit> {
    let (width, height) = (width.min(MAX_SIDE_PX), height.min(MAX_SIDE_PX));
    let unfit = Unfit {
        buttons: spec.buttons,
        min_side: spec.shape.min_side(),
    };
    let bands = bands(width, height, spec.has_footer()).ok_or(unfit)?;
    let buttons = grid(bands.content, bands.gap, spec.buttons, spec.shape).ok_or(unfit)?;
    let (language, skip, confirm) = match bands.footer {
        Some(footer) => controls(footer, bands.gap, spec).ok_or(unfit)?,
        None => (None, None, None),
    };
    Ok(Placement {
        header: bands.header,
        buttons,
        language,
        skip,
        confirm,
    })
}

/// The footer's three slots: language at the left, confirm at the right, skip at the right
/// or, beside confirm, in the middle.
fn controls(footer: Rect, gap: u32, spec: &ScreenSpec) -> Option<(Option<Rect>, Option<Rect>, Option<Rect>)> {
    let slot_w = ((footer.width.saturating_sub(2 * gap)) / 3).min(360);
    if slot_w < MIN_CONTROL_WIDTH_PX {
        return None;
    }
    let slot = |i: u32| Rect {
        x: match i {
            0 => footer.x,
            1 => footer.right() - 2 * slot_w - gap,
            _ => footer.right() - slot_w,
        },
        y: footer.y,
        width: slot_w,
        height: footer.height,
    };
    let language = spec.language.then(|| slot(0));
    let confirm = spec.confirm.then(|| slot(2));
    let skip = spec.skip.then(|| if spec.confirm { slot(1) } else { slot(2) });
    Some((language, skip, confirm))
}

/// The grid of `n` buttons in `area` whose buttons are largest for their shape; faces always
/// in one row. Rows are centred; the block is centred vertically.
fn grid(area: Rect, gap: u32, n: usize, shape: Shape) -> Option<Vec<Rect>> {
    let n = u32::try_from(n).ok()?;
    if n == 0 {
        return Some(Vec::new());
    }
    let candidates: Vec<u32> = match shape {
        Shape::Face => vec![n],
        Shape::Icon | Shape::Text { .. } => (1..=n).collect(),
    };
    let (cols, cell_w, cell_h) = candidates
        .into_iter()
        .filter_map(|cols| cell(area, gap, n, cols).map(|(w, h)| (cols, w, h)))
        .filter(|(_, w, h)| *w >= shape.min_side() && *h >= shape.min_side())
        .fold(None, |best: Option<(u32, u32, u32)>, c| match best {
            Some(b) if score(b, shape) >= score(c, shape) => Some(b),
            _ => Some(c),
        })?;
    let max_h = (f64::from(cell_w) * shape.max_height_ratio()).floor() as u32;
    let button_h = cell_h.min(max_h).max(shape.min_side());
    let rows = n.div_ceil(cols);
    let block_h = rows * button_h + (rows - 1) * gap;
    let top = area.y + (area.height.saturating_sub(block_h)) / 2;
    let rects = (0..n)
        .map(|i| {
            let (row, col) = (i / cols, i % cols);
            let in_row = (n - row * cols).min(cols);
            let row_w = in_row * cell_w + (in_row - 1) * gap;
            let left = area.x + (area.width - row_w) / 2;
            Rect {
                x: left + col * (cell_w + gap),
                y: top + row * (button_h + gap),
                width: cell_w,
                height: button_h,
            }
        })
        .collect();
    Some(rects)
}

/// Cell width and height of `cols` columns, or `None` when the gaps alone do not fit.
fn cell(area: Rect, gap: u32, n: u32, cols: u32) -> Option<(u32, u32)> {
    let rows = n.div_ceil(cols);
    let w = area.width.checked_sub((cols - 1) * gap)? / cols;
    let h = area.height.checked_sub((rows - 1) * gap)? / rows;
    Some((w, h))
}

/// How good a cell is: its side measured against the shape's aim (bigger is better).
fn score((_, w, h): (u32, u32, u32), shape: Shape) -> f64 {
    (f64::from(w) / shape.aspect()).min(f64::from(h))
}

/// A button's inside: the icon (face, star, sign) on top, the label below. The icon is
/// dropped when the button is too small to hold it above a line of 14 px text.
pub fn split_button(rect: Rect, with_icon: bool) -> (Option<Rect>, Rect) {
    let pad = (rect.width.min(rect.height) / 16).max(4);
    let inner_w = rect.width.saturating_sub(2 * pad);
    let inner_h = rect.height.saturating_sub(2 * pad);
    let whole = Rect {
        x: rect.x + pad,
        y: rect.y + pad,
        width: inner_w,
        height: inner_h,
    };
    let icon_side = inner_w.min((u64::from(inner_h) * 62 / 100) as u32);
    let label_h = inner_h.saturating_sub(icon_side + pad / 2);
    if !with_icon || label_h < 17 || icon_side < 24 {
        return (None, whole);
    }
    let icon = Rect {
        x: rect.x + (rect.width - icon_side) / 2,
        y: whole.y,
        width: icon_side,
        height: icon_side,
    };
    let label = Rect {
        x: whole.x,
        y: icon.bottom() + pad / 2,
        width: inner_w,
        height: label_h,
    };
    (Some(icon), label)
}

/// The header's wording area and, for a `multi`, the hint line below it (its lower third).
pub fn split_header(header: Rect, hint: bool) -> (Rect, Option<Rect>) {
    if !hint {
        return (header, None);
    }
    let hint_h = header.height / 3;
    let wording = Rect {
        height: header.height - hint_h,
        ..header
    };
    (
        wording,
        Some(Rect {
            y: wording.bottom(),
            height: hint_h,
            ..header
        }),
    )
}

/// Average advance of a character as a share of the font size (sans-serif, generous).
pub const CHAR_WIDTH_EM: f64 = 0.6;
pub const LINE_HEIGHT: f64 = 1.2;

/// Greedy word wrap to at most `max_chars` characters a line; longer words are cut.
pub fn wrap(text: &str, max_chars: usize) -> Vec<String> {
    let max_chars = max_chars.max(1);
    let mut lines: Vec<String> = Vec::new();
    let mut line = String::new();
    for word in text.split_whitespace() {
        let mut word: Vec<char> = word.chars().collect();
        while word.len() > max_chars {
            if !line.is_empty() {
                lines.push(std::mem::take(&mut line));
            }
            lines.push(word.drain(..max_chars).collect());
        }
        let word: String = word.into_iter().collect();
        let needed = line.chars().count() + usize::from(!line.is_empty()) + word.chars().count();
        if needed > max_chars && !line.is_empty() {
            lines.push(std::mem::take(&mut line));
        }
        if !word.is_empty() {
            if !line.is_empty() {
                line.push(' ');
            }
            line.push_str(&word);
        }
    }
    if !line.is_empty() {
        lines.push(line);
    }
    lines
}

/// How many characters of a `font_px` font fit in `width` pixels.
pub fn chars_per_line(width: u32, font_px: u32) -> usize {
    (f64::from(width) / (f64::from(font_px.max(1)) * CHAR_WIDTH_EM)).floor() as usize
}

/// The largest font size in `min..=max` at which every text wraps into `area` without cutting
/// a word; `min` when none does.
pub fn fit_font<'a>(texts: impl IntoIterator<Item = &'a str> + Clone, area: Rect, min: u32, max: u32) -> u32 {
    (min..=max.max(min))
        .rev()
        .find(|&px| {
            let per_line = chars_per_line(area.width, px);
            let max_lines = (f64::from(area.height) / (f64::from(px) * LINE_HEIGHT)).floor() as usize;
            texts.clone().into_iter().all(|t| {
                let longest_word = t.split_whitespace().map(|w| w.chars().count()).max().unwrap_or(0);
                longest_word <= per_line && wrap(t, per_line).len() <= max_lines
            })
        })
        .unwrap_or(min)
}

#[cfg(test)]
#[path = "layout_tests.rs"]
mod tests;
