//! Kiosk target, emit stage: the types of `kiosk/layout.json`, what a kiosk player needs to
//! show the survey on a touch-screen. Its JSON Schema is derived from these types
//! (`rileva schema kiosk-layout`), so the documentation here is the format's documentation.

use rileva_compiler::ir;
use schemars::JsonSchema;
use serde::{Deserialize, Serialize};
use std::collections::BTreeMap;

/// Version of the layout format; bumped when a player would read it differently.
pub const LAYOUT_FORMAT: u32 = 1;

/// A text by language tag, holding every language of the survey.
pub type Texts = BTreeMap<String, String>;

/// The kiosk layout of one survey: its screens in order, each with the rectangles of its
/// buttons in pixels of the declared screen, then the thank-you screen.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct Layout {
    /// Version of this format (currently 1).
    pub format: u32,
    /// The survey id, as in every response (`lecce.anagrafe_sportello`).
    pub survey: String,
    /// The survey version, as in every response.
    pub version: String,
    pub title: Texts,
    /// The survey's languages; the first is the default, shown when the kiosk resets.
    pub languages: Vec<String>,
    /// Always `kiosk`: the channel of every response the kiosk sends.
    pub channel: String,
    pub screen: ScreenSize,
    /// Idle seconds after which an unfinished survey is left and the first screen returns.
    /// A response is submitted then only when it is already valid (every required question
    /// whose `show if` holds is answered); otherwise it is discarded.
    pub reset_after_seconds: u32,
    /// Where responses are POSTed (JSON, one response per request).
    pub endpoint: String,
    /// The question screens in the order asked, then the thank-you screen; numbered from 1.
    pub screens: Vec<Screen>,
    /// The survey's `check` statements. A response is sent only when every condition holds;
    /// when one fails at the end, the player shows its message and asks again from the first
    /// screen whose question the condition reads. Absent when the survey has none.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub checks: Vec<Check>,
    /// The survey's sites (offices, counters), in order. A kiosk is installed at one of them
    /// and names it in its address (`kiosk.it.html?site=centro`); every response it sends
    /// then carries `"site"`. An address naming another site shows a message for staff and
    /// collects nothing. Absent when the survey lists no sites.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub sites: Vec<Site>,
}

/// One site of the survey.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct Site {
    /// The value of `?site=` and of the response's `site`: `centro`.
    pub id: String,
    /// Its label in each survey language.
    pub label: Texts,
}

/// A `check EXPR else TEXT` of the survey.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct Check {
    /// Must hold for the response to be valid (same semantics as `show_if`).
    pub condition: ir::Expr,
    /// Shown to the respondent when it does not hold.
    pub message: Texts,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct ScreenSize {
    pub width: u32,
    pub height: u32,
    pub orientation: Orientation,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize, JsonSchema)]
#[serde(rename_all = "lowercase")]
pub enum Orientation {
    Landscape,
    Portrait,
}

/// A rectangle in pixels of the declared screen, from its top-left corner.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct Rect {
    pub x: u32,
    pub y: u32,
    pub width: u32,
    pub height: u32,
}

impl Rect {
    pub fn right(&self) -> u32 {
        self.x + self.width
    }

    pub fn bottom(&self) -> u32 {
        self.y + self.height
    }

    /// Whether the two share any area (touching edges do not overlap).
    pub fn overlaps(&self, other: &Rect) -> bool {
        self.x < other.right() && other.x < self.right() && self.y < other.bottom() && other.y < self.bottom()
    }

    pub fn within(&self, width: u32, height: u32) -> bool {
        self.right() <= width && self.bottom() <= height
    }
}

/// One screen: a question, or the final thank-you.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, JsonSchema)]
#[serde(tag = "kind", rename_all = "lowercase")]
pub enum Screen {
    Question(Box<QuestionScreen>),
    Thanks(ThanksScreen),
}

impl Screen {
    pub fn number(&self) -> u32 {
        match self {
            Screen::Question(q) => q.number,
            Screen::Thanks(t) => t.number,
        }
    }
}

/// One question on one screen.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct QuestionScreen {
    /// Position from 1; the SVG preview is `screen-<number>.svg`.
    pub number: u32,
    /// The question id: the key of its answer in the response.
    pub question: String,
    /// The question type (`faces`, `choice`, `multi`...).
    #[serde(rename = "type")]
    pub kind: ir::QuestionKind,
    pub required: bool,
    /// Routing: the screen is shown only when this holds on the answers given so far (the IR
    /// expression; a comparison on an absent answer is false). `null`: always shown.
    pub show_if: Option<ir::Expr>,
    /// The codes of this question that are missing codes (`Non so`): an ordering comparison
    /// on them is false.
    pub missing_codes: Vec<i64>,
    pub wording: Texts,
    /// Where the wording is drawn, and its font size in pixels (fits every language).
    pub header: Rect,
    pub wording_font_px: u32,
    /// `multi`: how many answers to pick, drawn in the lower third of the header.
    pub hint: Option<Texts>,
    pub hint_font_px: Option<u32>,
    /// Font size of the answer labels in pixels (fits every language).
    pub label_font_px: u32,
    /// `single`: a tap answers. `multi`: taps toggle codes, the `confirm` control answers.
    pub selection: Selection,
    /// `multi`: fewest and most codes that may be picked.
    pub min_picks: Option<u32>,
    pub max_picks: Option<u32>,
    /// The answer buttons in screen order (faces: green first).
    pub buttons: Vec<Button>,
    /// Navigation controls: language switch, skip (optional questions), confirm (multi).
    pub controls: Vec<Control>,
    pub navigation: Navigation,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize, JsonSchema)]
#[serde(rename_all = "lowercase")]
pub enum Selection {
    Single,
    Multi,
}

/// One answer button.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct Button {
    /// Unique in the layout: `<question>-<code>`.
    pub id: String,
    /// The code the answer takes when tapped.
    pub code: i64,
    /// A missing code (`Non so`).
    pub missing: bool,
    pub label: Texts,
    /// `#rrggbb`.
    pub background: String,
    /// `#rrggbb`, at least 4.5:1 on `background`; the face or icon is drawn in it too.
    pub text_color: String,
    /// Faces are drawn as faces: the mouth's curve tells them apart, not colour alone.
    pub face: Option<Face>,
    pub icon: Option<Icon>,
    pub rect: Rect,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize, JsonSchema)]
#[serde(rename_all = "lowercase")]
pub enum Face {
    /// Code 1, red: a frowning mouth.
    Sad,
    /// Code 2, yellow: a straight mouth.
    Neutral,
    /// Code 3, green: a smiling mouth.
    Happy,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize, JsonSchema)]
#[serde(rename_all = "lowercase")]
pub enum Icon {
    /// A rating star.
    Star,
    /// `yesno` code 1.
    Yes,
    /// `yesno` code 2.
    No,
}

/// A navigation control at the foot of a question screen.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct Control {
    /// Unique in the layout: `<question>-<action>`.
    pub id: String,
    pub action: Action,
    /// By the language currently shown. For `language`: the name of the language a tap
    /// switches to (the next of `languages`, cycling).
    pub label: Texts,
    pub background: String,
    pub text_color: String,
    pub rect: Rect,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize, JsonSchema)]
#[serde(rename_all = "lowercase")]
pub enum Action {
    /// Show the next language of the survey; answers are kept.
    Language,
    /// Leave an optional question unanswered and go on.
    Skip,
    /// Answer a `multi` with the codes toggled on (enabled within min..max picks).
    Confirm,
}

/// What an answer on a question screen leads to.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct Navigation {
    /// `next`: go to screen `next`, or past it while the `show_if` of the screen there fails.
    /// `submit`: this is the last question screen. Either way, reaching the thank-you screen
    /// submits the response.
    pub after_answer: AfterAnswer,
    /// The screen tried next.
    pub next: u32,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize, JsonSchema)]
#[serde(rename_all = "lowercase")]
pub enum AfterAnswer {
    Next,
    Submit,
}

/// The thank-you screen: shown after submitting, then the first screen returns.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct ThanksScreen {
    pub number: u32,
    pub text: Texts,
    pub text_rect: Rect,
    pub font_px: u32,
    /// Seconds it shows before the first screen returns (in the default language).
    pub show_seconds: u32,
    /// The screen shown after it (always 1).
    pub next: u32,
}
