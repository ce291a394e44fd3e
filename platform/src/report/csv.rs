//! `--format csv`: one CSV file per table of the report, with a header row, the
//! figures as plain numbers (a dot for decimals, shares as fractions) so that any
//! spreadsheet or statistics package reads them. Labels are in the report's language.
//! A text that a spreadsheet would run as a formula (`=`, `+`, `-`, `@` first) is
//! prefixed with `'`.

use super::model::{Group, QuestionFigures, Report, SurveyReport};
use rileva_compiler::ir;

/// A CSV file: its name under `--out` and its text.
pub struct Table {
    pub name: String,
    pub text: String,
}

struct Writer {
    rows: Vec<Vec<String>>,
}

impl Writer {
    fn new(header: &[&str]) -> Writer {
        Writer {
            rows: vec![header.iter().map(|h| h.to_string()).collect()],
        }
    }

    fn push(&mut self, row: Vec<String>) {
        self.rows.push(row);
    }

    fn finish(self, name: String) -> Table {
        let mut writer = ::csv::WriterBuilder::new()
            .terminator(::csv::Terminator::CRLF)
            .from_writer(Vec::new());
        for row in &self.rows {
            // Writing to memory cannot fail.
            let _ = writer.write_record(row);
        }
        let bytes = writer.into_inner().unwrap_or_default();
        Table {
            name,
            text: String::from_utf8(bytes).unwrap_or_default(),
        }
    }
}

/// A survey text, safe from spreadsheet formulas.
fn text(s: &str) -> String {
    if s.starts_with(['=', '+', '-', '@', '\t', '\r']) {
        format!("'{s}")
    } else {
        s.to_owned()
    }
}

fn num<T: ToString>(v: Option<T>) -> String {
    v.map(|v| v.to_string()).unwrap_or_default()
}

/// Every table: per survey its indicators, counts, groups and participation; then the
/// comparisons.
pub fn tables(report: &Report, surveys: &[ir::Survey], lang: &str) -> Vec<Table> {
    let mut out = Vec::new();
    for (survey, r) in surveys.iter().zip(&report.surveys) {
        out.push(indicators(survey, r, lang));
        out.push(counts(survey, r, lang));
        if let Some(groups) = &r.groups {
            let mut w = Writer::new(&header(
                &["period", "site", "site_label", "channel", "responses", "question"],
                &FIGURES,
            ));
            for g in groups {
                let site = g.site.clone().flatten();
                for q in &g.questions {
                    let mut row = vec![
                        g.period.clone().unwrap_or_default(),
                        site.clone().unwrap_or_default(),
                        site_label(survey, site.as_deref(), lang),
                        g.channel.clone().unwrap_or_default(),
                        num(g.responses),
                        q.question.clone(),
                    ];
                    row.extend(figures_row(q));
                    w.push(row);
                }
            }
            out.push(w.finish(format!("{}.groups.csv", r.survey)));
            out.push(group_counts(survey, r, groups, lang));
        }
        if let Some(p) = &r.participation {
            let mut w = Writer::new(&[
                "period",
                "site",
                "site_label",
                "served",
                "responses",
                "rate",
                "suppressed",
            ]);
            for row in p.rows.iter().chain([&p.total]) {
                w.push(vec![
                    row.period.clone().unwrap_or_default(),
                    row.site.clone().unwrap_or_default(),
                    site_label(survey, row.site.as_deref(), lang),
                    row.served.to_string(),
                    num(row.responses),
                    num(row.rate),
                    row.suppressed.to_string(),
                ]);
            }
            out.push(w.finish(format!("{}.participation.csv", r.survey)));
        }
    }
    if !report.comparisons.is_empty() {
        let mut w = Writer::new(&[
            "standard",
            "version",
            "question",
            "rank",
            "survey",
            "answered",
            "positive_share",
            "ci95_low",
            "ci95_high",
        ]);
        for c in &report.comparisons {
            for (rank, row) in c.rows.iter().enumerate() {
                w.push(vec![
                    c.standard.clone(),
                    text(&c.version),
                    c.question.clone(),
                    (rank + 1).to_string(),
                    row.survey.clone(),
                    row.answered.to_string(),
                    row.share.to_string(),
                    row.ci95[0].to_string(),
                    row.ci95[1].to_string(),
                ]);
            }
        }
        out.push(w.finish("comparisons.csv".to_owned()));
    }
    out
}

/// The columns of [`figures_row`].
const FIGURES: [&str; 7] = [
    "answered",
    "mean",
    "positive_share",
    "positive_ci95_low",
    "positive_ci95_high",
    "nps",
    "suppressed",
];

fn header<'a>(keys: &[&'a str], figures: &[&'a str]) -> Vec<&'a str> {
    keys.iter().chain(figures).copied().collect()
}

/// The label of a site in `lang` (empty for no site), safe from spreadsheet formulas.
fn site_label(survey: &ir::Survey, site: Option<&str>, lang: &str) -> String {
    site.and_then(|id| survey.site(id))
        .map(|s| text(s.label.get(lang)))
        .unwrap_or_default()
}

/// answered, mean, positive share and interval, NPS, suppressed.
fn figures_row(q: &QuestionFigures) -> Vec<String> {
    vec![
        num(q.answered),
        num(q.mean),
        num(q.positive.as_ref().map(|p| p.share)),
        num(q.positive.as_ref().map(|p| p.ci95[0])),
        num(q.positive.as_ref().map(|p| p.ci95[1])),
        num(q.nps.as_ref().map(|n| n.score)),
        q.suppressed.to_string(),
    ]
}

fn indicators(survey: &ir::Survey, r: &SurveyReport, lang: &str) -> Table {
    let mut w = Writer::new(&header(&["question", "wording", "type"], &FIGURES));
    for q in &r.questions {
        let wording = survey
            .question(&q.question)
            .map(|iq| iq.wording.get(lang))
            .unwrap_or("");
        let mut row = vec![q.question.clone(), text(wording), q.kind.clone()];
        row.extend(figures_row(q));
        w.push(row);
    }
    w.finish(format!("{}.indicators.csv", r.survey))
}

const CODE_COLUMNS: [&str; 6] = ["question", "code", "label", "missing", "count", "share"];

fn counts(survey: &ir::Survey, r: &SurveyReport, lang: &str) -> Table {
    let mut w = Writer::new(&CODE_COLUMNS);
    for q in &r.questions {
        for row in code_rows(survey, q, lang) {
            w.push(row);
        }
    }
    w.finish(format!("{}.counts.csv", r.survey))
}

/// The count and share of every code of every closed question, per group: which office
/// gives which reason behind a red face.
fn group_counts(survey: &ir::Survey, r: &SurveyReport, groups: &[Group], lang: &str) -> Table {
    let mut w = Writer::new(&header(
        &["period", "site", "site_label", "channel"],
        &CODE_COLUMNS,
    ));
    for g in groups {
        let site = g.site.clone().flatten();
        let keys = [
            g.period.clone().unwrap_or_default(),
            site.clone().unwrap_or_default(),
            site_label(survey, site.as_deref(), lang),
            g.channel.clone().unwrap_or_default(),
        ];
        for q in &g.questions {
            for row in code_rows(survey, q, lang) {
                w.push(keys.iter().cloned().chain(row).collect());
            }
        }
    }
    w.finish(format!("{}.group_counts.csv", r.survey))
}

/// One row per code of `q`: question, code, label, missing, count, share of the answered
/// (empty for a missing code and when withheld).
fn code_rows(survey: &ir::Survey, q: &QuestionFigures, lang: &str) -> Vec<Vec<String>> {
    let Some(iq) = survey.question(&q.question) else {
        return Vec::new();
    };
    iq.codes
        .iter()
        .map(|code| {
            let (count, share) = if code.missing {
                (q.missing.as_ref().and_then(|m| m.get(&code.value).copied()), None)
            } else {
                let count = q.counts.as_ref().and_then(|m| m.get(&code.value).copied());
                (count, q.answered.zip(count).map(|(n, c)| c as f64 / n as f64))
            };
            vec![
                q.question.clone(),
                code.value.to_string(),
                text(code.label.get(lang)),
                code.missing.to_string(),
                num(count),
                num(share),
            ]
        })
        .collect()
}
