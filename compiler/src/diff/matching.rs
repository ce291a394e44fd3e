//! Comparison stage, matching: which old question is which new one (by id, or a rename
//! recognised by the same type, codes and reference wording), which moved, and the order
//! the changes are reported in.

use crate::ir::{Question, Survey};
use std::collections::BTreeMap;

/// One question's place in the comparison, in report order.
#[derive(Debug, Clone)]
pub enum Slot<'a> {
    Removed(&'a Question),
    Added(&'a Question),
    /// In both versions; the ids differ when it was renamed.
    Kept {
        old: &'a Question,
        new: &'a Question,
        /// It moved relative to the other kept questions.
        moved: bool,
        /// The question now before it, when it moved and is not first.
        after: Option<&'a str>,
    },
}

#[derive(Debug, Clone)]
pub struct Matched<'a> {
    pub slots: Vec<Slot<'a>>,
}

impl Matched<'_> {
    /// Old id -> new id of every renamed question.
    pub fn renames(&self) -> BTreeMap<String, String> {
        self.slots
            .iter()
            .filter_map(|s| match s {
                Slot::Kept { old, new, .. } if old.id != new.id => Some((old.id.clone(), new.id.clone())),
                _ => None,
            })
            .collect()
    }
}

/// Pair the questions of two versions and lay them out in report order.
pub fn match_questions<'a>(old: &'a Survey, new: &'a Survey, reference: &str) -> Matched<'a> {
    let pairs = pairs(old, new, reference);
    let anchors = kept_in_order(&pairs);
    // For each new question kept in order, its old index: removed questions are reported
    // before the first of these that followed them.
    let mut anchor_at = vec![None; new.questions.len()];
    for &p in &anchors {
        let (i, j) = pairs[p];
        anchor_at[j] = Some(i);
    }
    let mut slots = Vec::new();
    let mut flushed = 0;
    for (j, q) in new.questions.iter().enumerate() {
        let next_anchor = anchor_at[j..].iter().flatten().next().copied();
        flush_removed(
            old,
            &pairs,
            next_anchor.unwrap_or(old.questions.len()),
            &mut flushed,
            &mut slots,
        );
        match pairs.iter().position(|&(_, nj)| nj == j) {
            Some(p) => {
                let (i, _) = pairs[p];
                let moved = !anchors.contains(&p);
                let after = j
                    .checked_sub(1)
                    .and_then(|k| new.questions.get(k))
                    .map(|q| q.id.as_str());
                slots.push(Slot::Kept {
                    old: &old.questions[i],
                    new: q,
                    moved,
                    after: if moved { after } else { None },
                });
            }
            None => slots.push(Slot::Added(q)),
        }
    }
    flush_removed(old, &pairs, old.questions.len(), &mut flushed, &mut slots);
    Matched { slots }
}

/// Removed old questions before old index `until`, not yet reported.
fn flush_removed<'a>(
    old: &'a Survey,
    pairs: &[(usize, usize)],
    until: usize,
    flushed: &mut usize,
    slots: &mut Vec<Slot<'a>>,
) {
    for i in *flushed..until {
        if !pairs.iter().any(|&(oi, _)| oi == i) {
            if let Some(q) = old.questions.get(i) {
                slots.push(Slot::Removed(q));
            }
        }
    }
    *flushed = (*flushed).max(until);
}

/// (old index, new index) of each question in both, in old order: same id first, then
/// renames among the rest.
fn pairs(old: &Survey, new: &Survey, reference: &str) -> Vec<(usize, usize)> {
    let index: BTreeMap<&str, usize> = new
        .questions
        .iter()
        .enumerate()
        .map(|(j, q)| (q.id.as_str(), j))
        .collect();
    let mut pairs: Vec<(usize, usize)> = Vec::new();
    let mut gone = Vec::new();
    for (i, q) in old.questions.iter().enumerate() {
        match index.get(q.id.as_str()) {
            Some(&j) => pairs.push((i, j)),
            None => gone.push(i),
        }
    }
    let old_ids: Vec<&str> = old.questions.iter().map(|q| q.id.as_str()).collect();
    let mut arrived: Vec<usize> = (0..new.questions.len())
        .filter(|&j| !old_ids.contains(&new.questions[j].id.as_str()))
        .collect();
    for i in gone {
        let q = &old.questions[i];
        if let Some(k) = arrived
            .iter()
            .position(|&j| same_question(q, &new.questions[j], reference))
        {
            pairs.push((i, arrived.remove(k)));
        }
    }
    pairs.sort_unstable();
    pairs
}

/// A renamed question: same type, same code values, same non-empty reference wording.
fn same_question(old: &Question, new: &Question, reference: &str) -> bool {
    let wording = old.wording.get(reference);
    old.kind == new.kind
        && !wording.is_empty()
        && wording == new.wording.get(reference)
        && old
            .codes
            .iter()
            .map(|c| c.value)
            .eq(new.codes.iter().map(|c| c.value))
}

/// Positions in `pairs` (old order) of the longest run kept in the same relative order in
/// the new version; the others moved. Ties go to the earliest questions.
fn kept_in_order(pairs: &[(usize, usize)]) -> Vec<usize> {
    let n = pairs.len();
    let mut length = vec![1usize; n];
    let mut before = vec![None; n];
    for k in 0..n {
        for p in 0..k {
            if pairs[p].1 < pairs[k].1 && length[p] + 1 > length[k] {
                length[k] = length[p] + 1;
                before[k] = Some(p);
            }
        }
    }
    let mut best = None;
    for k in 0..n {
        if best.map_or(true, |b: usize| length[k] > length[b]) {
            best = Some(k);
        }
    }
    let mut run = Vec::new();
    while let Some(k) = best {
        run.push(k);
        best = before[k];
    }
    run.reverse();
    run
}
