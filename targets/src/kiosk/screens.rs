//! Kiosk target, emit stage: the IR survey -> the kiosk [`Layout`] (one screen per question
//! asked on the kiosk, then the thank-you screen), placing each screen with the layout engine.

use super::colors::{self, Paint, Rgb};
use super::layout::{self, Placement, ScreenSpec, Shape, Unfit};
use super::model::*;
use super::strings;
use rileva_compiler::ir::{self, Channel, QuestionKind};

/// Seconds the thank-you screen shows before the first screen returns.
pub const THANKS_SECONDS: u32 = 5;

/// Whether the survey is offered on a kiosk at all.
pub fn offers_kiosk(survey: &ir::Survey) -> bool {
    survey.channels.contains(&Channel::Kiosk)
}

/// The questions shown on the kiosk, in order: asked on the kiosk channel and answerable by
/// taps. `number` and `text` are never tapped; the checker rejects them on a kiosk (R0501),
/// so they are left out here rather than drawn.
pub fn kiosk_questions(survey: &ir::Survey) -> impl Iterator<Item = &ir::Question> {
    survey
        .questions
        .iter()
        .filter(|q| q.channels.contains(&Channel::Kiosk) && q.kind.is_coded() && !q.codes.is_empty())
}

/// What a question's screen must hold.
pub fn spec(survey: &ir::Survey, question: &ir::Question) -> ScreenSpec {
    ScreenSpec {
        buttons: question.codes.len(),
        shape: shape(survey, question),
        language: survey.languages.len() > 1,
        skip: !question.required,
        confirm: question.kind == QuestionKind::Multi,
    }
}

fn shape(survey: &ir::Survey, question: &ir::Question) -> Shape {
    match question.kind {
        QuestionKind::Faces => Shape::Face,
        QuestionKind::Rating | QuestionKind::Yesno => Shape::Icon,
        _ => Shape::Text {
            longest: question
                .codes
                .iter()
                .flat_map(|c| survey.languages.iter().map(|l| label(c, l).chars().count()))
                .max()
                .unwrap_or(1),
        },
    }
}

/// A code's label in `language`, or its value when it has none.
fn label(code: &ir::Code, language: &str) -> String {
    let text = code.label.get(language).trim();
    if text.is_empty() {
        code.value.to_string()
    } else {
        text.to_owned()
    }
}

/// The layout of a survey, or the questions that do not fit its screen.
pub fn build<'s>(survey: &'s ir::Survey, endpoint: &str) -> Result<Layout, Vec<(&'s ir::Question, Unfit)>> {
    let (width, height) = (survey.kiosk.width, survey.kiosk.height);
    let questions: Vec<&ir::Question> = kiosk_questions(survey).collect();
    let mut screens = Vec::new();
    let mut unfit = Vec::new();
    for (i, q) in questions.iter().enumerate() {
        let number = i as u32 + 1;
        let last = i + 1 == questions.len();
        match layout::place(width, height, &spec(survey, q)) {
            Ok(p) => screens.push(Screen::Question(Box::new(question_screen(
                survey, q, number, last, &p,
            )))),
            Err(e) => unfit.push((*q, e)),
        }
    }
    if !unfit.is_empty() {
        return Err(unfit);
    }
    screens.push(Screen::Thanks(thanks_screen(survey, questions.len() as u32 + 1)));
    Ok(Layout {
        format: LAYOUT_FORMAT,
        survey: survey.id.clone(),
        version: survey.version.clone(),
        title: texts(survey, |l| survey.title.get(l).to_owned()),
        languages: survey.languages.clone(),
        channel: Channel::Kiosk.as_str().to_owned(),
        screen: ScreenSize {
            width,
            height,
            orientation: if width >= height {
                Orientation::Landscape
            } else {
                Orientation::Portrait
            },
        },
        reset_after_seconds: survey.kiosk.reset_after_seconds,
        endpoint: endpoint.to_owned(),
        screens,
        checks: survey
            .checks
            .iter()
            .map(|c| Check {
                condition: c.condition.clone(),
                message: texts(survey, |l| c.message.get(l).to_owned()),
            })
            .collect(),
        sites: survey
            .sites
            .iter()
            .map(|s| Site {
                id: s.id.clone(),
                label: texts(survey, |l| s.label.get(l).to_owned()),
            })
            .collect(),
    })
}

/// One text per survey language.
fn texts(survey: &ir::Survey, text: impl Fn(&str) -> String) -> Texts {
    survey.languages.iter().map(|l| (l.clone(), text(l))).collect()
}

fn question_screen(
    survey: &ir::Survey,
    q: &ir::Question,
    number: u32,
    last: bool,
    p: &Placement,
) -> QuestionScreen {
    let wording = texts(survey, |l| q.wording.get(l).trim().to_owned());
    let buttons = buttons(survey, q, &p.buttons);
    let controls = controls(survey, q, p);
    let multi = q.kind == QuestionKind::Multi;
    let (min_picks, max_picks) = (
        q.min_picks.unwrap_or(1),
        q.max_picks.unwrap_or(q.codes.len() as u32),
    );
    let hint = multi.then(|| texts(survey, |l| strings::pick_hint(min_picks, max_picks, l)));
    let (wording_area, hint_area) = layout::split_header(p.header, multi);
    QuestionScreen {
        number,
        question: q.id.clone(),
        kind: q.kind,
        required: q.required,
        show_if: q.show_if.clone(),
        missing_codes: q.codes.iter().filter(|c| c.missing).map(|c| c.value).collect(),
        wording_font_px: layout::fit_font(wording.values().map(String::as_str), wording_area, 14, 56),
        wording,
        hint_font_px: hint_area.map(|a| {
            layout::fit_font(
                hint.iter().flat_map(|h| h.values().map(String::as_str)),
                a,
                12,
                32,
            )
        }),
        hint,
        header: p.header,
        label_font_px: label_font(&buttons, &controls),
        selection: if multi {
            Selection::Multi
        } else {
            Selection::Single
        },
        min_picks: multi.then_some(min_picks),
        max_picks: multi.then_some(max_picks),
        buttons,
        controls,
        navigation: Navigation {
            after_answer: if last {
                AfterAnswer::Submit
            } else {
                AfterAnswer::Next
            },
            next: number + 1,
        },
    }
}

/// The answer buttons in screen order: faces green first (codes 3, 2, 1), others as written.
fn buttons(survey: &ir::Survey, q: &ir::Question, rects: &[Rect]) -> Vec<Button> {
    let mut codes: Vec<&ir::Code> = q.codes.iter().collect();
    if q.kind == QuestionKind::Faces {
        codes.sort_by_key(|c| std::cmp::Reverse(c.value));
    }
    codes
        .into_iter()
        .zip(rects)
        .map(|(code, rect)| {
            let face = (q.kind == QuestionKind::Faces).then(|| face(code.value));
            let icon = icon(q.kind, code.value);
            let paint = colors::readable(button_colour(code, face));
            Button {
                id: format!("{}-{}", q.id, code.value),
                code: code.value,
                missing: code.missing,
                label: texts(survey, |l| label(code, l)),
                background: paint.background.to_string(),
                text_color: paint.text.to_string(),
                face,
                icon,
                rect: *rect,
            }
        })
        .collect()
}

fn face(value: i64) -> Face {
    match value {
        1 => Face::Sad,
        3 => Face::Happy,
        _ => Face::Neutral,
    }
}

fn icon(kind: QuestionKind, value: i64) -> Option<Icon> {
    match (kind, value) {
        (QuestionKind::Rating, _) => Some(Icon::Star),
        (QuestionKind::Yesno, 1) => Some(Icon::Yes),
        (QuestionKind::Yesno, _) => Some(Icon::No),
        _ => None,
    }
}

fn button_colour(code: &ir::Code, face: Option<Face>) -> Rgb {
    match face {
        Some(Face::Happy) => colors::FACE_GREEN,
        Some(Face::Neutral) => colors::FACE_YELLOW,
        Some(Face::Sad) => colors::FACE_RED,
        None if code.missing => colors::MISSING_GREY,
        None => colors::ANSWER_BLUE,
    }
}

fn controls(survey: &ir::Survey, q: &ir::Question, p: &Placement) -> Vec<Control> {
    let languages = &survey.languages;
    let next_language = |l: &str| {
        let i = languages.iter().position(|x| x == l).unwrap_or(0);
        languages
            .get((i + 1) % languages.len().max(1))
            .cloned()
            .unwrap_or_default()
    };
    let mut out = Vec::new();
    let mut push = |action: Action, rect: Option<Rect>, colour: Rgb, label: &dyn Fn(&str) -> String| {
        if let Some(rect) = rect {
            let Paint { background, text } = colors::readable(colour);
            out.push(Control {
                id: format!("{}-{}", q.id, action_name(action)),
                action,
                label: texts(survey, label),
                background: background.to_string(),
                text_color: text.to_string(),
                rect,
            });
        }
    };
    push(Action::Language, p.language, colors::CONTROL_DARK, &|l| {
        strings::language_name(&next_language(l))
    });
    push(Action::Skip, p.skip, colors::CONTROL_DARK, &|l| {
        strings::get(&strings::SKIP, l).to_owned()
    });
    push(Action::Confirm, p.confirm, colors::CONFIRM_GREEN, &|l| {
        strings::get(&strings::CONFIRM, l).to_owned()
    });
    out
}

pub fn action_name(action: Action) -> &'static str {
    match action {
        Action::Language => "language",
        Action::Skip => "skip",
        Action::Confirm => "confirm",
    }
}

/// One font size for every label of the screen, the largest at which all of them fit.
fn label_font(buttons: &[Button], controls: &[Control]) -> u32 {
    let buttons = buttons.iter().map(|b| {
        let (_, area) = layout::split_button(b.rect, b.face.is_some() || b.icon.is_some());
        layout::fit_font(b.label.values().map(String::as_str), area, 14, 40)
    });
    let controls = controls.iter().map(|c| {
        let (_, area) = layout::split_button(c.rect, false);
        layout::fit_font(c.label.values().map(String::as_str), area, 14, 40)
    });
    buttons.chain(controls).min().unwrap_or(24)
}

fn thanks_screen(survey: &ir::Survey, number: u32) -> ThanksScreen {
    let (width, height) = (survey.kiosk.width, survey.kiosk.height);
    let margin = (width.min(height) / 10).max(8);
    let text_rect = Rect {
        x: margin,
        y: margin,
        width: width.saturating_sub(2 * margin).max(1),
        height: height.saturating_sub(2 * margin).max(1),
    };
    let text = texts(survey, |l| survey.kiosk.thanks.get(l).trim().to_owned());
    ThanksScreen {
        number,
        font_px: layout::fit_font(text.values().map(String::as_str), text_rect, 14, 72),
        text,
        text_rect,
        show_seconds: THANKS_SECONDS,
        next: 1,
    }
}
