//! Lower stage: the codes that count as a positive answer (docs/language.md §3,
//! Positive codes), computed once per question so that the report reads them from the IR and never
//! recomputes them.
//!
//! - A `scale` whose list names `positive CODE...`: those codes (check proved them to be
//!   the scale's highest non-missing codes, R0202).
//! - `nps`: the promoters, 9 and 10 (the Net Promoter Score's definition).
//! - Any other ordinal coded question (`scale`, `faces`, `rating N`): the top ⌊k/2⌋ of its
//!   k non-missing codes, since a higher code is a more positive answer: `faces` 3 (green),
//!   `rating 5` 4 and 5, a five-point scale 4 and 5, a three-point scale its top code.
//! - Nominal and other questions (`choice`, `multi`, `yesno`, `number`, `text`): none.

use crate::ir::{Code, QuestionKind};

/// The promoters of a Net Promoter Score question.
pub const NPS_PROMOTERS: [i64; 2] = [9, 10];

/// The positive codes of a question of `kind` with `codes`, ascending; `declared` is the
/// `positive` statement of its scale, if any.
pub fn positive_codes(kind: QuestionKind, codes: &[Code], declared: Option<&[i64]>) -> Vec<i64> {
    let mut out = match kind {
        QuestionKind::Scale => match declared {
            Some(declared) => declared.to_vec(),
            None => top_half(codes),
        },
        QuestionKind::Nps => NPS_PROMOTERS.to_vec(),
        QuestionKind::Faces | QuestionKind::Rating => top_half(codes),
        QuestionKind::Choice
        | QuestionKind::Multi
        | QuestionKind::Yesno
        | QuestionKind::Number
        | QuestionKind::Text => Vec::new(),
    };
    out.sort_unstable();
    out.dedup();
    out
}

/// The highest ⌊k/2⌋ of the k non-missing codes.
pub fn top_half(codes: &[Code]) -> Vec<i64> {
    let mut values: Vec<i64> = codes.iter().filter(|c| !c.missing).map(|c| c.value).collect();
    values.sort_unstable();
    let keep = values.len() / 2;
    values.split_off(values.len() - keep)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::ir::Text;
    use crate::ir_builder::code;

    fn codes(values: &[i64], missing: &[i64]) -> Vec<Code> {
        values
            .iter()
            .map(|&v| Code {
                missing: missing.contains(&v),
                ..code(v, Text::default())
            })
            .collect()
    }

    #[test]
    fn the_default_rule_takes_the_top_half_of_the_non_missing_codes() {
        let faces = codes(&[1, 2, 3], &[]);
        assert_eq!(positive_codes(QuestionKind::Faces, &faces, None), [3]);
        let stars = codes(&[1, 2, 3, 4, 5], &[]);
        assert_eq!(positive_codes(QuestionKind::Rating, &stars, None), [4, 5]);
        let with_missing = codes(&[1, 2, 3, 4, 5, 9], &[9]);
        assert_eq!(positive_codes(QuestionKind::Scale, &with_missing, None), [4, 5]);
        let ten = codes(&(1..=10).collect::<Vec<_>>(), &[]);
        assert_eq!(positive_codes(QuestionKind::Rating, &ten, None), [6, 7, 8, 9, 10]);
        let three = codes(&[1, 2, 3], &[]);
        assert_eq!(positive_codes(QuestionKind::Scale, &three, None), [3]);
    }

    #[test]
    fn nps_counts_the_promoters_and_a_scale_its_declared_codes() {
        let nps = codes(&(0..=10).collect::<Vec<_>>(), &[]);
        assert_eq!(positive_codes(QuestionKind::Nps, &nps, None), [9, 10]);
        let five = codes(&[1, 2, 3, 4, 5, 9], &[9]);
        assert_eq!(
            positive_codes(QuestionKind::Scale, &five, Some(&[5, 3, 4])),
            [3, 4, 5]
        );
    }

    #[test]
    fn nominal_questions_have_none() {
        let two = codes(&[1, 2], &[]);
        for kind in [QuestionKind::Choice, QuestionKind::Multi, QuestionKind::Yesno] {
            assert!(positive_codes(kind, &two, Some(&[2])).is_empty());
        }
    }
}
