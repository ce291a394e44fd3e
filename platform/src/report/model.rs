//! `report.json`: the figures of every survey and the comparisons, as the report names
//! them. Shares are fractions (0.8125), NPS is in points (−100 to 100). A figure withheld by
//! disclosure control is absent, and `suppressed` says so. `rileva schema report` prints the
//! JSON Schema of [`Report`].

use schemars::JsonSchema;
use serde::Serialize;
use std::collections::BTreeMap;

/// Version of this format; bumped when a reader would read it differently.
pub const REPORT_FORMAT: u32 = 1;

#[derive(Debug, Clone, PartialEq, Serialize, JsonSchema)]
pub struct Report {
    /// [`REPORT_FORMAT`].
    pub format: u32,
    /// What the figures cover and how they were grouped.
    pub scope: Scope,
    pub surveys: Vec<SurveyReport>,
    /// One per locked ordinal question of a standard version that several surveys conform to.
    pub comparisons: Vec<Comparison>,
}

#[derive(Debug, Clone, PartialEq, Serialize, JsonSchema)]
pub struct Scope {
    /// First day included (UTC), `YYYY-MM-DD`; `None`: from the first response.
    pub from: Option<String>,
    /// Last day included (UTC).
    pub to: Option<String>,
    /// `day`, `week` (ISO 8601, `2026-W47`) or `month`.
    pub by: Option<String>,
    pub by_site: bool,
    pub by_channel: bool,
    /// Groups and questions with fewer responses than this show no figures.
    pub min_cell: u64,
    /// The z of every 95% interval.
    pub z: f64,
}

#[derive(Debug, Clone, PartialEq, Serialize, JsonSchema)]
pub struct SurveyReport {
    pub survey: String,
    /// The version of the survey source given.
    pub version: String,
    /// The versions found among the stored responses, sorted.
    pub versions: Vec<String>,
    /// The standard the survey conforms to, when it does.
    pub standard: Option<StandardRef>,
    /// The survey's sites (docs/language.md §4) with their labels in every survey language, so
    /// that a reader of `groups` and `participation` (which name sites by id) can label
    /// them; absent when the survey lists none.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub sites: Vec<SiteLabel>,
    /// Every response in scope; absent when fewer than `min_cell`.
    pub responses: Option<u64>,
    pub suppressed: bool,
    pub questions: Vec<QuestionFigures>,
    /// One per combination of the grouping asked (period, site, channel) that has responses.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub groups: Option<Vec<Group>>,
    /// Responses per period (with `--by`), for the line over time.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub timeline: Option<Vec<PeriodCount>>,
    /// Responses ÷ users served, per site and period (with `--served`).
    #[serde(skip_serializing_if = "Option::is_none")]
    pub participation: Option<Participation>,
    /// When several versions of the survey were given: the questions left out of the
    /// merged figures, each with the reason (docs/versions.md); absent otherwise.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub not_merged: Vec<NotMerged>,
}

/// A question of some version that the merged report leaves out.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, JsonSchema)]
pub struct NotMerged {
    pub question: String,
    /// Why, in one English sentence: `its wording changed between 1.0.0 and 2.0.0`.
    pub reason: String,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, JsonSchema)]
pub struct StandardRef {
    pub standard: String,
    pub version: String,
    pub profile: String,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, JsonSchema)]
pub struct SiteLabel {
    /// `centro`
    pub id: String,
    /// Language → label: `{"it": "Anagrafe centrale", "en": "Central registry office"}`.
    pub label: BTreeMap<String, String>,
}

/// The figures of one closed or number question, over all responses or one group.
#[derive(Debug, Clone, PartialEq, Serialize, JsonSchema)]
pub struct QuestionFigures {
    pub question: String,
    /// The question type: `scale`, `faces`, `rating`, `nps`, `choice`, `multi`, `yesno`, `number`.
    #[serde(rename = "type")]
    pub kind: String,
    /// True when fewer than `min_cell` answered: no figure is given.
    pub suppressed: bool,
    /// Responses with a non-missing answer (a multi: at least one non-missing code picked).
    #[serde(skip_serializing_if = "Option::is_none")]
    pub answered: Option<u64>,
    /// Code → count, non-missing codes only (a multi: how many picked each code).
    #[serde(skip_serializing_if = "Option::is_none")]
    pub counts: Option<BTreeMap<i64, u64>>,
    /// Missing code (`Non so`) → count, kept apart from every indicator.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub missing: Option<BTreeMap<i64, u64>>,
    /// Mean code of the non-missing answers (ordinal), or mean value (number).
    #[serde(skip_serializing_if = "Option::is_none")]
    pub mean: Option<f64>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub positive: Option<Positive>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub nps: Option<Nps>,
    /// `choice` and `multi`: codes by count (highest first), shares of `answered`.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub ranking: Option<Vec<Ranked>>,
}

#[derive(Debug, Clone, PartialEq, Serialize, JsonSchema)]
pub struct Positive {
    /// The codes counted as positive.
    pub codes: Vec<i64>,
    pub count: u64,
    /// count ÷ answered.
    pub share: f64,
    /// Wilson 95% interval of the share.
    pub ci95: [f64; 2],
}

#[derive(Debug, Clone, PartialEq, Serialize, JsonSchema)]
pub struct Nps {
    /// Answers 9 and 10.
    pub promoters: u64,
    /// Answers 0 to 6.
    pub detractors: u64,
    /// % promoters − % detractors, in points.
    pub score: f64,
    /// Adjusted-Wald 95% interval, in points.
    pub ci95: [f64; 2],
}

#[derive(Debug, Clone, PartialEq, Serialize, JsonSchema)]
pub struct Ranked {
    pub code: i64,
    pub count: u64,
    /// count ÷ answered (a multi's shares may add up to more than 1).
    pub share: f64,
}

/// The responses of one period; absent when fewer than `min_cell`.
#[derive(Debug, Clone, PartialEq, Serialize, JsonSchema)]
pub struct PeriodCount {
    pub period: String,
    pub responses: Option<u64>,
    pub suppressed: bool,
}

/// One cell of the grouping: the keys asked for, then its figures.
#[derive(Debug, Clone, PartialEq, Serialize, JsonSchema)]
pub struct Group {
    /// `2026-11-22`, `2026-W47` or `2026-11` (UTC), with `--by`.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub period: Option<String>,
    /// With `--by-site`: the site id, or null for responses without a site.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub site: Option<Option<String>>,
    /// With `--by-channel`.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub channel: Option<String>,
    pub responses: Option<u64>,
    pub suppressed: bool,
    pub questions: Vec<QuestionFigures>,
}

#[derive(Debug, Clone, PartialEq, Serialize, JsonSchema)]
pub struct Participation {
    /// One per site and period of the `--served` file in scope.
    pub rows: Vec<ParticipationRow>,
    /// Over every row: responses ÷ served.
    pub total: ParticipationRow,
}

#[derive(Debug, Clone, PartialEq, Serialize, JsonSchema)]
pub struct ParticipationRow {
    /// With `--by`.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub period: Option<String>,
    /// The site of the `--served` row; null when it names none.
    pub site: Option<String>,
    /// Users served, from `--served`.
    pub served: u64,
    /// Responses in the same site and period; absent when fewer than `min_cell`.
    pub responses: Option<u64>,
    /// responses ÷ served; absent when suppressed or nobody was served.
    pub rate: Option<f64>,
    pub suppressed: bool,
}

/// One locked question compared across the surveys of one standard version.
#[derive(Debug, Clone, PartialEq, Serialize, JsonSchema)]
pub struct Comparison {
    pub standard: String,
    /// The standard's version.
    pub version: String,
    pub question: String,
    /// The positive codes every row counts.
    pub codes: Vec<i64>,
    /// Sorted by share, highest first (ties by survey id).
    pub rows: Vec<ComparisonRow>,
    /// Surveys of the standard left out by disclosure control.
    pub withheld: Vec<String>,
}

#[derive(Debug, Clone, PartialEq, Serialize, JsonSchema)]
pub struct ComparisonRow {
    pub survey: String,
    pub answered: u64,
    pub share: f64,
    pub ci95: [f64; 2],
}
