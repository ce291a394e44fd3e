//! Comparison stage, the codes of a coded question of unchanged type: removed, relabelled,
//! added, reordered, `missing` and `specify` changes, the list they come from, `rating` stars,
//! and the codes that count as positive.

use super::question::Say;
use super::words::{quote, TextChange};
use super::{Changes, Context};
use crate::ir::{Code, Question, QuestionKind};

pub fn compare(cx: &Context, old: &Question, new: &Question, out: &mut Changes) {
    let mut say = Say { id: &new.id, out };
    if old.kind == QuestionKind::Rating && old.codes.len() != new.codes.len() {
        say.breaking(format!(
            "rating changed from {} to {} stars: a number of stars would mean something else",
            old.codes.len(),
            new.codes.len()
        ));
        return;
    }
    if old.code_list != new.code_list {
        let name = |l: &Option<String>| {
            l.as_deref()
                .map_or("its own codes".to_owned(), |l| format!("`{l}`"))
        };
        say.compatible(format!(
            "codes now from {} (were from {})",
            name(&new.code_list),
            name(&old.code_list)
        ));
    }
    for code in &old.codes {
        match new.code(code.value) {
            None => say.breaking(format!(
                "code {} {} removed: answers with it would be rejected",
                code.value,
                label(cx, code)
            )),
            Some(now) => kept(cx, code, now, &mut say),
        }
    }
    for code in new.codes.iter().filter(|c| old.code(c.value).is_none()) {
        let what = format!("code {} {} added", code.value, label(cx, code));
        if new.kind.is_ordinal() && !code.missing {
            say.breaking(format!(
                "{what} to an ordinal question: the points of its scale change"
            ));
        } else {
            say.compatible(what);
        }
    }
    let order = |q: &Question| -> Vec<i64> {
        let values: Vec<i64> = q.codes.iter().map(|c| c.value).collect();
        values
            .into_iter()
            .filter(|v| old.code(*v).is_some() && new.code(*v).is_some())
            .collect()
    };
    if order(old) != order(new) {
        say.compatible("codes reordered".to_owned());
    }
    if old.positive_codes != new.positive_codes {
        let list = |codes: &[i64]| {
            let shown: Vec<String> = codes.iter().map(i64::to_string).collect();
            if shown.is_empty() {
                "none".to_owned()
            } else {
                shown.join(", ")
            }
        };
        say.breaking(format!(
            "positive codes changed from {} to {}: its share of positive answers would not be \
             comparable with earlier figures",
            list(&old.positive_codes),
            list(&new.positive_codes)
        ));
    }
}

fn label(cx: &Context, code: &Code) -> String {
    quote(code.label.get(&cx.reference))
}

/// A code in both versions.
fn kept(cx: &Context, old: &Code, new: &Code, say: &mut Say) {
    let value = old.value;
    match cx.text_change(&old.label, &new.label) {
        TextChange::Same => {}
        TextChange::Reference(a, b) => say.breaking(format!(
            "code {value} label changed from {} to {}: the code would mean something else",
            quote(a),
            quote(b)
        )),
        TextChange::Others(langs) => {
            say.compatible(format!("code {value} label changed in {}", langs.join(", ")))
        }
    }
    if old.missing != new.missing {
        let now = if new.missing {
            "is now a missing code: it would be left out of indicators"
        } else {
            "is no longer a missing code: it would count in indicators"
        };
        say.breaking(format!("code {value} {} {now}", label(cx, new)));
    }
    if old.specify != new.specify {
        if new.specify {
            say.compatible(format!(
                "code {value} {} now opens a specify text",
                label(cx, new)
            ));
        } else {
            say.breaking(format!(
                "code {value} {} no longer opens a specify text: stored texts would lose their column",
                label(cx, new)
            ));
        }
    }
}
