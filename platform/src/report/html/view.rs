//! The page's view model: every text already in the page's language, every figure already
//! formatted, every chart as geometry. The template only lays it out.

use super::charts::{self, BarChart, DotChart, LineChart};
use super::i18n::{self, words, Numbers, Words};
use crate::report::model::{Comparison, QuestionFigures, Report, SurveyReport};
use rileva_compiler::ir::{self, QuestionKind, Text};
use serde::Serialize;
use std::cell::Cell;

#[derive(Debug, Serialize)]
pub struct Page {
    pub lang: String,
    pub words: &'static Words,
    pub scope: Vec<(String, String)>,
    pub surveys: Vec<SurveyView>,
    pub comparisons: Vec<ComparisonView>,
}

/// A data table: caption, header, rows; `numeric` columns are right-aligned.
#[derive(Debug, Serialize)]
pub struct Table {
    pub caption: String,
    pub head: Vec<String>,
    pub numeric: Vec<bool>,
    pub rows: Vec<Vec<String>>,
}

/// One chart and the table of its data.
#[derive(Debug, Serialize)]
pub struct Figure {
    pub bars: Option<BarChart>,
    pub dots: Option<DotChart>,
    pub line: Option<LineChart>,
    pub table: Table,
}

#[derive(Debug, Serialize)]
pub struct SurveyView {
    pub anchor: String,
    pub title: String,
    pub id: String,
    pub facts: Vec<(String, String)>,
    pub withheld: Option<String>,
    pub indicators: Option<Figure>,
    pub timeline: Option<Figure>,
    pub questions: Vec<QuestionView>,
    pub groups: Vec<Figure>,
    pub participation: Option<Figure>,
}

#[derive(Debug, Serialize)]
pub struct QuestionView {
    pub id: String,
    pub wording: String,
    pub facts: Vec<(String, String)>,
    pub withheld: Option<String>,
    pub figure: Option<Figure>,
}

#[derive(Debug, Serialize)]
pub struct ComparisonView {
    pub title: String,
    pub note: String,
    pub figure: Option<Figure>,
    pub withheld: Option<String>,
}

struct Ctx<'a> {
    lang: &'a str,
    w: &'static Words,
    n: Numbers,
    min_cell: u64,
    next_id: Cell<u32>,
}

impl Ctx<'_> {
    fn id(&self) -> String {
        let id = self.next_id.get() + 1;
        self.next_id.set(id);
        format!("chart-{id}")
    }

    /// A survey text in the page's language, else the survey's first language.
    fn text(&self, text: &Text, survey: &ir::Survey) -> String {
        text.0
            .get(self.lang)
            .cloned()
            .unwrap_or_else(|| text.get(survey.default_language()).to_owned())
    }

    /// A site's label in the page's language (its id if the survey no longer lists it);
    /// "no site" for responses stored without one.
    fn site(&self, site: &Option<String>, survey: &ir::Survey) -> String {
        match site {
            Some(id) => survey
                .site(id)
                .map(|s| self.text(&s.label, survey))
                .unwrap_or_else(|| id.clone()),
            None => self.w.no_site.to_owned(),
        }
    }

    fn fewer(&self) -> String {
        rileva_targets::words::fill(self.w.fewer_than, &[("k", &self.n.count(self.min_cell))])
    }

    fn count(&self, v: Option<u64>) -> String {
        v.map(|v| self.n.count(v)).unwrap_or_else(|| self.fewer())
    }

    fn ticks(&self) -> [String; 5] {
        [0.0, 0.25, 0.5, 0.75, 1.0].map(|s| self.n.decimal(s * 100.0, 0) + "%")
    }

    /// A channel's name. Italian says "totem" for a kiosk, as "Mettiamoci la faccia" named
    /// its "totem emozionali" and as the questionnaire document (`--target doc`) does.
    fn channel(&self, c: &str) -> String {
        let it = self.lang == "it";
        match c {
            "web" => "Web".into(),
            "kiosk" => if it { "Totem" } else { "Kiosk" }.into(),
            "app" => "App".into(),
            "phone" => if it { "Telefono" } else { "Phone" }.into(),
            other => other.into(),
        }
    }
}

pub fn page(report: &Report, surveys: &[ir::Survey], lang: &str) -> Page {
    let cx = Ctx {
        lang,
        w: words(lang),
        n: Numbers::of(lang),
        min_cell: report.scope.min_cell,
        next_id: Cell::new(0),
    };
    let w = cx.w;
    let mut scope = Vec::new();
    let period = match (&report.scope.from, &report.scope.to) {
        (None, None) => w.whole_period.to_owned(),
        (f, t) => [
            f.as_ref()
                .map(|f| format!("{} {}", w.from, i18n::period(cx.lang, f))),
            t.as_ref()
                .map(|t| format!("{} {}", w.to, i18n::period(cx.lang, t))),
        ]
        .into_iter()
        .flatten()
        .collect::<Vec<_>>()
        .join(" "),
    };
    scope.push((w.scope.to_owned(), period));
    let mut by = Vec::new();
    if let Some(p) = &report.scope.by {
        let name = match (lang, p.as_str()) {
            ("it", "day") => "giorno",
            ("it", "week") => "settimana ISO",
            ("it", "month") => "mese",
            (_, "week") => "ISO week",
            (_, other) => other,
        };
        by.push(format!("{} ({name})", w.period));
    }
    if report.scope.by_site {
        by.push(w.site.to_owned());
    }
    if report.scope.by_channel {
        by.push(w.channel.to_owned());
    }
    if !by.is_empty() {
        scope.push((w.grouped_by.to_owned(), by.join(", ")));
    }
    scope.push((w.min_cell.to_owned(), cx.n.count(report.scope.min_cell)));
    let views = surveys
        .iter()
        .zip(&report.surveys)
        .map(|(s, r)| survey(&cx, s, r))
        .collect();
    let comparisons = report
        .comparisons
        .iter()
        .map(|c| comparison(&cx, surveys, c))
        .collect();
    Page {
        lang: lang.to_owned(),
        words: w,
        scope,
        surveys: views,
        comparisons,
    }
}

fn survey(cx: &Ctx, s: &ir::Survey, r: &SurveyReport) -> SurveyView {
    let w = cx.w;
    let mut facts = vec![
        (w.responses.to_owned(), cx.count(r.responses)),
        (w.version.to_owned(), s.version.clone()),
        (
            w.versions.to_owned(),
            if r.versions.is_empty() {
                w.no_data.to_owned()
            } else {
                r.versions.join(", ")
            },
        ),
    ];
    if !r.not_merged.is_empty() {
        let left: Vec<String> = r
            .not_merged
            .iter()
            .map(|n| format!("{} ({})", n.question, n.reason))
            .collect();
        facts.push((w.not_merged.to_owned(), left.join("; ")));
    }
    if let Some(st) = &r.standard {
        facts.push((
            w.standard.to_owned(),
            format!("{} {} ({})", st.standard, st.version, st.profile),
        ));
    }
    let withheld = r.suppressed.then(|| format!("{}: {}", w.responses, cx.fewer()));
    let questions: Vec<QuestionView> = if r.suppressed {
        Vec::new()
    } else {
        r.questions
            .iter()
            .filter_map(|f| Some(question(cx, s, s.question(&f.question)?, f)))
            .collect()
    };
    SurveyView {
        anchor: format!("s-{}", s.id.replace('.', "-")),
        title: cx.text(&s.title, s),
        id: s.id.clone(),
        facts,
        withheld,
        indicators: if r.suppressed {
            None
        } else {
            indicators(cx, s, &r.questions)
        },
        timeline: r.timeline.as_ref().map(|t| timeline(cx, t)),
        questions,
        groups: groups(cx, s, r),
        participation: participation(cx, s, r),
    }
}

/// The dot chart of every positive share, with the table of answered, mean and share.
fn indicators(cx: &Ctx, s: &ir::Survey, questions: &[QuestionFigures]) -> Option<Figure> {
    let w = cx.w;
    let mut rows = Vec::new();
    let mut dots = Vec::new();
    for f in questions {
        let Some(q) = s.question(&f.question) else {
            continue;
        };
        if !q.kind.is_ordinal() || !q.kind.is_coded() {
            continue;
        }
        let wording = cx.text(&q.wording, s);
        match (&f.positive, f.answered) {
            (Some(p), Some(answered)) => {
                dots.push((wording.clone(), p.share, p.ci95, cx.n.percent(p.share)));
                rows.push(vec![
                    wording,
                    cx.n.count(answered),
                    f.mean.map(|m| cx.n.decimal(m, 2)).unwrap_or_default(),
                    cx.n.percent(p.share),
                    cx.n.percent_interval(p.ci95),
                ]);
            }
            _ => rows.push(vec![
                wording,
                cx.fewer(),
                String::new(),
                String::new(),
                String::new(),
            ]),
        }
    }
    if rows.is_empty() {
        return None;
    }
    Some(Figure {
        bars: None,
        dots: (!dots.is_empty()).then(|| charts::dots(cx.id(), w.positive.to_owned(), &dots, cx.ticks())),
        line: None,
        table: Table {
            caption: format!("{}: {}", w.indicators, w.positive.to_lowercase()),
            head: vec![
                w.question.into(),
                w.answered.into(),
                w.mean.into(),
                w.positive.into(),
                capitalized(w.ci95),
            ],
            numeric: vec![false, true, true, true, true],
            rows,
        },
    })
}

fn question(cx: &Ctx, s: &ir::Survey, q: &ir::Question, f: &QuestionFigures) -> QuestionView {
    let w = cx.w;
    let mut facts = Vec::new();
    let wording = cx.text(&q.wording, s);
    if f.suppressed {
        return QuestionView {
            id: q.id.clone(),
            wording,
            facts,
            withheld: Some(format!("{}: {}", w.answered, cx.fewer())),
            figure: None,
        };
    }
    let answered = f.answered.unwrap_or(0);
    facts.push((w.answered.to_owned(), cx.n.count(answered)));
    if let Some(m) = f.mean {
        facts.push((w.mean.to_owned(), cx.n.decimal(m, 2)));
    }
    if let Some(p) = &f.positive {
        let codes: Vec<String> = p.codes.iter().map(|c| c.to_string()).collect();
        facts.push((
            w.positive.to_owned(),
            format!(
                "{} ({}: {}; {}: {})",
                cx.n.percent(p.share),
                w.ci95,
                cx.n.percent_interval(p.ci95),
                w.positive_codes,
                codes.join(", ")
            ),
        ));
    }
    if let Some(nps) = &f.nps {
        facts.push((
            w.nps.to_owned(),
            format!(
                "{} ({}: {} – {}; {})",
                cx.n.decimal(nps.score, 1),
                w.ci95,
                cx.n.decimal(nps.ci95[0], 1),
                cx.n.decimal(nps.ci95[1], 1),
                w.nps_note
            ),
        ));
    }
    let figure = f.counts.as_ref().map(|counts| {
        // A choice or multi is shown ranked; an ordinal or yes/no in code order, with its
        // missing codes after it, apart.
        let mut order: Vec<(i64, u64, bool)> = match &f.ranking {
            Some(ranking) => ranking.iter().map(|r| (r.code, r.count, false)).collect(),
            None => q
                .codes
                .iter()
                .filter(|c| !c.missing)
                .map(|c| (c.value, counts.get(&c.value).copied().unwrap_or(0), false))
                .collect(),
        };
        if let Some(missing) = &f.missing {
            order.extend(missing.iter().map(|(c, n)| (*c, *n, true)));
        }
        let label = |code: i64| {
            q.code(code)
                .map(|c| cx.text(&c.label, s))
                .unwrap_or_else(|| code.to_string())
        };
        let share = |n: u64, missing: bool| {
            if missing {
                w.missing_code.to_owned()
            } else {
                cx.n.percent(n as f64 / answered.max(1) as f64)
            }
        };
        let bars: Vec<(String, f64, String, bool)> = order
            .iter()
            .map(|(c, n, m)| (label(*c), *n as f64, cx.n.count(*n), *m))
            .collect();
        let title = if f.ranking.is_some() {
            w.ranking
        } else {
            w.distribution
        };
        let mut caption = format!("{title}: {wording}");
        if q.kind == QuestionKind::Multi {
            caption.push_str(&format!(" ({})", w.multi_note));
        }
        Figure {
            bars: Some(charts::bars(cx.id(), format!("{title}: {wording}"), &bars)),
            dots: None,
            line: None,
            table: Table {
                caption,
                head: vec![w.code.into(), w.label.into(), w.count.into(), w.share.into()],
                numeric: vec![true, false, true, true],
                rows: order
                    .iter()
                    .map(|(c, n, m)| vec![c.to_string(), label(*c), cx.n.count(*n), share(*n, *m)])
                    .collect(),
            },
        }
    });
    QuestionView {
        id: q.id.clone(),
        wording,
        facts,
        withheld: None,
        figure,
    }
}

fn timeline(cx: &Ctx, t: &[crate::report::model::PeriodCount]) -> Figure {
    let w = cx.w;
    let values: Vec<(String, Option<f64>)> = t
        .iter()
        .map(|p| (i18n::period(cx.lang, &p.period), p.responses.map(|n| n as f64)))
        .collect();
    Figure {
        bars: None,
        dots: None,
        line: Some(charts::line(cx.id(), w.over_time.to_owned(), &values, |m| {
            cx.n.decimal(m, 0)
        })),
        table: Table {
            caption: w.over_time.to_owned(),
            head: vec![w.period.into(), w.responses.into()],
            numeric: vec![false, true],
            rows: t
                .iter()
                .map(|p| vec![i18n::period(cx.lang, &p.period), cx.count(p.responses)])
                .collect(),
        },
    }
}

/// A group's name: its period, site and channel.
fn group_name(
    cx: &Ctx,
    s: &ir::Survey,
    period: &Option<String>,
    site: &Option<Option<String>>,
    channel: &Option<String>,
) -> String {
    let mut parts = Vec::new();
    if let Some(p) = period {
        parts.push(i18n::period(cx.lang, p));
    }
    if let Some(site) = site {
        parts.push(cx.site(site, s));
    }
    if let Some(c) = channel {
        parts.push(cx.channel(c));
    }
    parts.join(" · ")
}

/// Per ordinal question, the positive share of each group as dots, and its table.
fn groups(cx: &Ctx, s: &ir::Survey, r: &SurveyReport) -> Vec<Figure> {
    let w = cx.w;
    let Some(groups) = &r.groups else {
        return Vec::new();
    };
    let mut out = Vec::new();
    for q in s
        .questions
        .iter()
        .filter(|q| q.kind.is_ordinal() && q.kind.is_coded())
    {
        let wording = cx.text(&q.wording, s);
        let mut dots = Vec::new();
        let mut rows = Vec::new();
        for g in groups {
            let name = group_name(cx, s, &g.period, &g.site, &g.channel);
            let f = g.questions.iter().find(|f| f.question == q.id);
            match f.and_then(|f| Some((f.answered?, f.positive.as_ref()?))) {
                Some((answered, p)) => {
                    dots.push((name.clone(), p.share, p.ci95, cx.n.percent(p.share)));
                    rows.push(vec![
                        name,
                        cx.count(g.responses),
                        cx.n.count(answered),
                        cx.n.percent(p.share),
                        cx.n.percent_interval(p.ci95),
                    ]);
                }
                None => rows.push(vec![
                    name,
                    cx.count(g.responses),
                    cx.fewer(),
                    String::new(),
                    String::new(),
                ]),
            }
        }
        let title = format!("{} — {}: {wording}", w.groups, w.positive.to_lowercase());
        out.push(Figure {
            bars: None,
            dots: (!dots.is_empty() && dots.len() <= 60)
                .then(|| charts::dots(cx.id(), title.clone(), &dots, cx.ticks())),
            line: None,
            table: Table {
                caption: title,
                head: vec![
                    w.groups.into(),
                    w.responses.into(),
                    w.answered.into(),
                    w.positive.into(),
                    capitalized(w.ci95),
                ],
                numeric: vec![false, true, true, true, true],
                rows,
            },
        });
    }
    for q in s
        .questions
        .iter()
        .filter(|q| matches!(q.kind, QuestionKind::Choice | QuestionKind::Multi))
    {
        out.push(group_shares(cx, s, q, groups));
    }
    out
}

/// Per `choice` or `multi` question (the reasons behind a red face), the share of each code
/// in each group: which office gives which reason. A table only: the shares of many codes
/// in many groups read better as a table than as a chart.
fn group_shares(
    cx: &Ctx,
    s: &ir::Survey,
    q: &ir::Question,
    groups: &[crate::report::model::Group],
) -> Figure {
    let w = cx.w;
    let codes: Vec<&ir::Code> = q.codes.iter().filter(|c| !c.missing).collect();
    let mut rows = Vec::new();
    for g in groups {
        let name = group_name(cx, s, &g.period, &g.site, &g.channel);
        let f = g.questions.iter().find(|f| f.question == q.id);
        let mut row = vec![name, cx.count(g.responses)];
        match f.and_then(|f| Some((f.answered?, f.counts.as_ref()?))) {
            Some((answered, counts)) => {
                row.push(cx.n.count(answered));
                for c in &codes {
                    let n = counts.get(&c.value).copied().unwrap_or(0);
                    row.push(cx.n.percent(n as f64 / answered as f64));
                }
            }
            None => {
                row.push(cx.fewer());
                row.extend(codes.iter().map(|_| String::new()));
            }
        }
        rows.push(row);
    }
    let mut caption = format!(
        "{} — {}: {}",
        w.groups,
        w.distribution.to_lowercase(),
        cx.text(&q.wording, s)
    );
    if q.kind == QuestionKind::Multi {
        caption.push_str(&format!(" ({})", w.multi_note));
    }
    let mut head = vec![w.groups.to_owned(), w.responses.to_owned(), w.answered.to_owned()];
    head.extend(codes.iter().map(|c| cx.text(&c.label, s)));
    Figure {
        bars: None,
        dots: None,
        line: None,
        table: Table {
            caption,
            numeric: head.iter().enumerate().map(|(i, _)| i > 0).collect(),
            head,
            rows,
        },
    }
}

fn participation(cx: &Ctx, s: &ir::Survey, r: &SurveyReport) -> Option<Figure> {
    let w = cx.w;
    let p = r.participation.as_ref()?;
    let name = |period: &Option<String>, site: &Option<String>| {
        let mut parts = Vec::new();
        if let Some(p) = period {
            parts.push(i18n::period(cx.lang, p));
        }
        parts.push(cx.site(site, s));
        parts.join(" · ")
    };
    let bars: Vec<(String, f64, String, bool)> = p
        .rows
        .iter()
        .filter_map(|row| {
            Some((
                name(&row.period, &row.site),
                row.rate?,
                cx.n.percent(row.rate?),
                false,
            ))
        })
        .collect();
    let mut rows: Vec<Vec<String>> = p
        .rows
        .iter()
        .map(|row| {
            vec![
                name(&row.period, &row.site),
                cx.n.count(row.served),
                cx.count(row.responses),
                row.rate.map(|r| cx.n.percent(r)).unwrap_or_default(),
            ]
        })
        .collect();
    rows.push(vec![
        w.total.to_owned(),
        cx.n.count(p.total.served),
        cx.count(p.total.responses),
        p.total.rate.map(|r| cx.n.percent(r)).unwrap_or_default(),
    ]);
    Some(Figure {
        bars: (!bars.is_empty() && bars.len() <= 60).then(|| {
            charts::bars(
                cx.id(),
                format!("{} ({})", w.participation, w.participation_note),
                &bars,
            )
        }),
        dots: None,
        line: None,
        table: Table {
            caption: format!("{} ({})", w.participation, w.participation_note),
            head: vec![
                format!("{} · {}", w.period, w.site),
                w.served.into(),
                w.responses.into(),
                w.rate.into(),
            ],
            numeric: vec![false, true, true, true],
            rows,
        },
    })
}

fn comparison(cx: &Ctx, surveys: &[ir::Survey], c: &Comparison) -> ComparisonView {
    let w = cx.w;
    let wording = surveys
        .iter()
        .find_map(|s| s.question(&c.question).map(|q| cx.text(&q.wording, s)))
        .unwrap_or_else(|| c.question.clone());
    let title_of = |id: &str| {
        surveys
            .iter()
            .find(|s| s.id == id)
            .map(|s| format!("{} ({id})", cx.text(&s.title, s)))
            .unwrap_or_else(|| id.to_owned())
    };
    let title = format!("{wording} — {} {}", c.standard, c.version);
    let dots: Vec<_> = c
        .rows
        .iter()
        .map(|r| (title_of(&r.survey), r.share, r.ci95, cx.n.percent(r.share)))
        .collect();
    let figure = (!c.rows.is_empty()).then(|| Figure {
        bars: None,
        dots: Some(charts::dots(
            cx.id(),
            format!("{}: {wording}", w.positive),
            &dots,
            cx.ticks(),
        )),
        line: None,
        table: Table {
            caption: format!("{}: {wording}", w.positive),
            head: vec![
                w.survey.into(),
                w.answered.into(),
                w.positive.into(),
                capitalized(w.ci95),
            ],
            numeric: vec![false, true, true, true],
            rows: c
                .rows
                .iter()
                .map(|r| {
                    vec![
                        title_of(&r.survey),
                        cx.n.count(r.answered),
                        cx.n.percent(r.share),
                        cx.n.percent_interval(r.ci95),
                    ]
                })
                .collect(),
        },
    });
    ComparisonView {
        title,
        note: w.comparison_note.to_owned(),
        figure,
        withheld: (!c.withheld.is_empty()).then(|| format!("{}: {}", w.withheld, c.withheld.join(", "))),
    }
}

/// A word as a column heading: its first letter upper case.
fn capitalized(word: &str) -> String {
    let mut chars = word.chars();
    chars
        .next()
        .map(|c| c.to_uppercase().chain(chars).collect())
        .unwrap_or_default()
}
