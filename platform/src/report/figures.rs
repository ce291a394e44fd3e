//! From the counts of one group to the figures of each question, with disclosure control:
//! a question fewer than `min_cell` responses answered shows no figure at all.

use super::model::{Nps, Positive, QuestionFigures, Ranked};
use super::query::Measure;
use super::stats;
use crate::store::read::Cell;
use rileva_compiler::ir::{self, QuestionKind};
use std::collections::BTreeMap;

/// The counts of one row of an aggregate query, by question index.
#[derive(Debug, Default, Clone)]
pub struct Counts {
    /// Question index → code → count.
    pub codes: BTreeMap<usize, BTreeMap<i64, u64>>,
    pub multi_answered: BTreeMap<usize, u64>,
    /// Number questions: count and exact sum.
    pub numbers: BTreeMap<usize, (u64, i128)>,
}

impl Counts {
    /// Read the measure cells of one row (after the keys and COUNT(*)).
    pub fn read(measures: &[Measure], cells: &[Cell]) -> Result<Counts, String> {
        let mut out = Counts::default();
        for (measure, cell) in measures.iter().zip(cells) {
            let count = u64::try_from(cell.count()).map_err(|_| "a negative count".to_owned())?;
            match *measure {
                Measure::Code { q, code } => {
                    out.codes.entry(q).or_default().insert(code, count);
                }
                Measure::MultiAnswered { q } => {
                    out.multi_answered.insert(q, count);
                }
                Measure::NumberCount { q } => out.numbers.entry(q).or_default().0 = count,
                Measure::NumberSum { q } => {
                    let sum = match cell.text() {
                        None => 0,
                        Some(text) => text
                            .parse::<i128>()
                            .map_err(|_| format!("the database gave the sum {text:?}, not an integer"))?,
                    };
                    out.numbers.entry(q).or_default().1 = sum;
                }
            }
        }
        Ok(out)
    }
}

/// The figures of every reported question of `survey` for one group's counts.
pub fn questions(survey: &ir::Survey, counts: &Counts, min_cell: u64, z: f64) -> Vec<QuestionFigures> {
    let mut out = Vec::new();
    for (index, q) in survey.questions.iter().enumerate() {
        if !super::query::reported(q) {
            continue;
        }
        out.push(question(q, index, counts, min_cell, z));
    }
    out
}

/// A question's figures with nothing in them: what a withheld group lists.
pub fn withheld(q: &ir::Question) -> QuestionFigures {
    QuestionFigures {
        question: q.id.clone(),
        kind: q.kind.as_str().to_owned(),
        suppressed: true,
        answered: None,
        counts: None,
        missing: None,
        mean: None,
        positive: None,
        nps: None,
        ranking: None,
    }
}

fn question(q: &ir::Question, index: usize, counts: &Counts, min_cell: u64, z: f64) -> QuestionFigures {
    let mut out = withheld(q);
    if q.kind == QuestionKind::Number {
        let (n, sum) = counts.numbers.get(&index).copied().unwrap_or_default();
        if n >= min_cell {
            out.suppressed = false;
            out.answered = Some(n);
            out.mean = stats::mean_of_sum(sum, n);
        }
        return out;
    }
    let empty = BTreeMap::new();
    let by_code = counts.codes.get(&index).unwrap_or(&empty);
    let count_of = |code: i64| by_code.get(&code).copied().unwrap_or(0);
    let present: BTreeMap<i64, u64> = q
        .codes
        .iter()
        .filter(|c| !c.missing)
        .map(|c| (c.value, count_of(c.value)))
        .collect();
    let missing: BTreeMap<i64, u64> = q
        .codes
        .iter()
        .filter(|c| c.missing)
        .map(|c| (c.value, count_of(c.value)))
        .collect();
    let answered = match q.kind {
        QuestionKind::Multi => counts.multi_answered.get(&index).copied().unwrap_or(0),
        _ => present.values().sum(),
    };
    if answered < min_cell || answered == 0 {
        return out;
    }
    out.suppressed = false;
    out.answered = Some(answered);
    if q.kind.is_ordinal() {
        let pairs: Vec<(i64, u64)> = present.iter().map(|(c, n)| (*c, *n)).collect();
        out.mean = stats::mean_code(&pairs);
        let codes = q.positive_codes.clone();
        let count: u64 = codes.iter().map(|c| count_of(*c)).sum();
        if let (Some(share), Some(ci95)) = (stats::share(count, answered), stats::wilson(count, answered, z))
        {
            out.positive = Some(Positive {
                codes,
                count,
                share,
                ci95,
            });
        }
    }
    if q.kind == QuestionKind::Nps {
        let promoters = count_of(9) + count_of(10);
        let detractors: u64 = (0..=6).map(count_of).sum();
        if let (Some(score), Some(ci95)) = (
            stats::nps(promoters, detractors, answered),
            stats::nps_adjusted_wald(promoters, detractors, answered, z),
        ) {
            out.nps = Some(Nps {
                promoters,
                detractors,
                score,
                ci95,
            });
        }
    }
    if matches!(q.kind, QuestionKind::Choice | QuestionKind::Multi) {
        out.ranking = Some(ranking(q, &present, answered));
    }
    out.counts = Some(present);
    if !missing.is_empty() {
        out.missing = Some(missing);
    }
    out
}

/// Codes by count, highest first; ties keep the order the survey lists them in.
fn ranking(q: &ir::Question, present: &BTreeMap<i64, u64>, answered: u64) -> Vec<Ranked> {
    let mut rows: Vec<Ranked> = q
        .codes
        .iter()
        .filter(|c| !c.missing)
        .map(|c| {
            let count = present.get(&c.value).copied().unwrap_or(0);
            Ranked {
                code: c.value,
                count,
                share: stats::share(count, answered).unwrap_or(0.0),
            }
        })
        .collect();
    rows.sort_by_key(|r| std::cmp::Reverse(r.count));
    rows
}
