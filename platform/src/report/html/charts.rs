//! SVG chart geometry for the report page: bars for distributions, a dot with its interval
//! for shares, a line for responses over time. Only numbers and texts leave this module; the
//! template writes the elements, and auto-escaping handles every text.

use serde::Serialize;

/// Width of every chart's drawing, in SVG units (it scales with the page).
pub const WIDTH: f64 = 720.0;
/// Where the bars and dots start; labels stand left of it.
const LABEL_WIDTH: f64 = 290.0;
const PLOT_WIDTH: f64 = 330.0;
const ROW: f64 = 28.0;
const TOP: f64 = 8.0;
const LABEL_CHARS: usize = 40;

/// A label short enough for the chart (the table beside it has it whole).
fn short(label: &str) -> String {
    if label.chars().count() <= LABEL_CHARS {
        label.to_owned()
    } else {
        let cut: String = label.chars().take(LABEL_CHARS - 1).collect();
        format!("{}…", cut.trim_end())
    }
}

#[derive(Debug, Clone, Serialize)]
pub struct Bar {
    pub label: String,
    /// Baseline of the row's text.
    pub y: f64,
    pub bar_y: f64,
    pub width: f64,
    pub value: String,
    pub value_x: f64,
    /// A missing code's bar is drawn hatched-light.
    pub missing: bool,
}

#[derive(Debug, Clone, Serialize)]
pub struct BarChart {
    pub id: String,
    pub title: String,
    pub height: f64,
    pub x0: f64,
    pub bar_height: f64,
    pub bars: Vec<Bar>,
}

/// Bars of `values` (label, value, its text, missing?), scaled to the largest value.
pub fn bars(id: String, title: String, values: &[(String, f64, String, bool)]) -> BarChart {
    let max = values.iter().map(|v| v.1).fold(0.0_f64, f64::max);
    let bars = values
        .iter()
        .enumerate()
        .map(|(i, (label, value, text, missing))| {
            let width = if max > 0.0 { value / max * PLOT_WIDTH } else { 0.0 };
            let top = TOP + i as f64 * ROW;
            Bar {
                label: short(label),
                y: round(top + 18.0),
                bar_y: round(top + 4.0),
                width: round(width.max(1.0)),
                value: text.clone(),
                value_x: round(LABEL_WIDTH + width + 8.0),
                missing: *missing,
            }
        })
        .collect::<Vec<_>>();
    BarChart {
        id,
        title,
        height: round(TOP * 2.0 + bars.len() as f64 * ROW),
        x0: LABEL_WIDTH,
        bar_height: 20.0,
        bars,
    }
}

#[derive(Debug, Clone, Serialize)]
pub struct Dot {
    pub label: String,
    pub y: f64,
    pub cx: f64,
    pub x1: f64,
    pub x2: f64,
    pub value: String,
}

#[derive(Debug, Clone, Serialize)]
pub struct DotChart {
    pub id: String,
    pub title: String,
    pub height: f64,
    pub x0: f64,
    pub x_end: f64,
    pub value_x: f64,
    /// Grid lines at 0, 25, 50, 75 and 100%.
    pub ticks: Vec<Tick>,
    pub axis_y: f64,
    pub dots: Vec<Dot>,
}

#[derive(Debug, Clone, Serialize)]
pub struct Tick {
    pub x: f64,
    pub label: String,
}

/// One dot per row at `share` (0..1) with a line over its interval.
pub fn dots(
    id: String,
    title: String,
    rows: &[(String, f64, [f64; 2], String)],
    tick_labels: [String; 5],
) -> DotChart {
    let x = |share: f64| round(LABEL_WIDTH + share.clamp(0.0, 1.0) * PLOT_WIDTH);
    let dots = rows
        .iter()
        .enumerate()
        .map(|(i, (label, share, [low, high], text))| {
            let top = TOP + i as f64 * ROW;
            Dot {
                label: short(label),
                y: round(top + 14.0),
                cx: x(*share),
                x1: x(*low),
                x2: x(*high),
                value: text.clone(),
            }
        })
        .collect::<Vec<_>>();
    let axis_y = round(TOP + dots.len() as f64 * ROW + 4.0);
    DotChart {
        id,
        title,
        height: round(axis_y + 24.0),
        x0: LABEL_WIDTH,
        x_end: LABEL_WIDTH + PLOT_WIDTH,
        value_x: LABEL_WIDTH + PLOT_WIDTH + 10.0,
        ticks: tick_labels
            .into_iter()
            .enumerate()
            .map(|(i, label)| Tick {
                x: x(i as f64 / 4.0),
                label,
            })
            .collect(),
        axis_y,
        dots,
    }
}

#[derive(Debug, Clone, Serialize)]
pub struct Point {
    pub x: f64,
    pub y: f64,
}

#[derive(Debug, Clone, Serialize)]
pub struct LineChart {
    pub id: String,
    pub title: String,
    pub height: f64,
    /// `x,y x,y ...` of the known values (a withheld period breaks nothing: it is left out).
    pub points: String,
    pub dots: Vec<Point>,
    pub x_labels: Vec<Tick>,
    pub y_max: String,
    pub left: f64,
    pub right: f64,
    pub top: f64,
    pub bottom: f64,
}

/// A line of `values` (period label, responses or None when withheld) over evenly spaced periods.
pub fn line(
    id: String,
    title: String,
    values: &[(String, Option<f64>)],
    y_max_text: impl Fn(f64) -> String,
) -> LineChart {
    let (left, right, top, bottom) = (70.0, WIDTH - 60.0, 16.0, 180.0);
    let max = values.iter().filter_map(|v| v.1).fold(0.0_f64, f64::max).max(1.0);
    let step = if values.len() > 1 {
        (right - left) / (values.len() - 1) as f64
    } else {
        0.0
    };
    let mut dots = Vec::new();
    for (i, (_, v)) in values.iter().enumerate() {
        if let Some(v) = v {
            dots.push(Point {
                x: round(left + i as f64 * step),
                y: round(bottom - v / max * (bottom - top)),
            });
        }
    }
    let points = dots
        .iter()
        .map(|p| format!("{},{}", p.x, p.y))
        .collect::<Vec<_>>()
        .join(" ");
    // At most 8 labels on the axis, evenly picked, always the first and the last.
    let every = values.len().div_ceil(8).max(1);
    let x_labels = values
        .iter()
        .enumerate()
        .filter(|(i, _)| i % every == 0 || *i + 1 == values.len())
        .map(|(i, (label, _))| Tick {
            x: round(left + i as f64 * step),
            label: label.clone(),
        })
        .collect();
    LineChart {
        id,
        title,
        height: bottom + 40.0,
        points,
        dots,
        x_labels,
        y_max: y_max_text(max),
        left,
        right,
        top,
        bottom,
    }
}

fn round(x: f64) -> f64 {
    (x * 10.0).round() / 10.0
}
