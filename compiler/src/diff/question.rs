//! Comparison stage, one question: added, removed, renamed or moved; then its type, wording,
//! help, required, routing, channels, bounds, place and flags. Codes are in `codes.rs`.

use super::matching::Slot;
use super::words::{condition, quote, renamed, TextChange};
use super::{codes, Changes, Context};
use crate::ir::{Channel, Question, QuestionKind};

pub fn compare_slot(cx: &Context, slot: &Slot, out: &mut Changes) {
    match slot {
        Slot::Removed(q) => out.breaking(
            Some(&q.id),
            format!(
                "question `{}` {} removed: its stored answers would lose their column",
                q.id,
                quote(q.wording.get(&cx.reference))
            ),
        ),
        Slot::Added(q) => added(cx, q, out),
        Slot::Kept {
            old,
            new,
            moved,
            after,
        } => {
            if old.id != new.id {
                out.breaking(
                    Some(&new.id),
                    format!(
                        "question `{}` renamed to `{}`: its response key and column change",
                        old.id, new.id
                    ),
                );
            }
            if *moved {
                let place = after.map_or("now first".to_owned(), |a| format!("now after `{a}`"));
                out.compatible(Some(&new.id), format!("question `{}` moved ({place})", new.id));
            }
            kept(cx, old, new, out);
        }
    }
}

fn added(cx: &Context, q: &Question, out: &mut Changes) {
    let wording = quote(q.wording.get(&cx.reference));
    if q.required {
        out.breaking(
            Some(&q.id),
            format!(
                "question `{}` {wording} added as required: earlier responses lack it",
                q.id
            ),
        );
    } else {
        out.compatible(Some(&q.id), format!("question `{}` {wording} added", q.id));
    }
}

/// A question in both versions.
fn kept(cx: &Context, old: &Question, new: &Question, out: &mut Changes) {
    let mut say = Say { id: &new.id, out };
    if old.kind != new.kind {
        say.breaking(format!(
            "type changed from {} to {}",
            old.kind.as_str(),
            new.kind.as_str()
        ));
    } else {
        codes::compare(cx, old, new, say.out);
        bounds(old, new, &mut say);
    }
    wording(cx, old, new, &mut say);
    if old.required != new.required {
        if new.required {
            say.breaking("now required: earlier responses without it would be rejected".to_owned());
        } else {
            say.compatible("no longer required".to_owned());
        }
    }
    routing(cx, old, new, &mut say);
    channels(cx, old, new, &mut say);
    place_and_flags(old, new, &mut say);
}

/// Messages about one question, each starting with "question `id`: ".
pub(crate) struct Say<'a, 'o> {
    pub id: &'a str,
    pub out: &'o mut Changes,
}

impl Say<'_, '_> {
    pub fn breaking(&mut self, what: String) {
        let message = format!("question `{}`: {what}", self.id);
        self.out.breaking(Some(self.id), message);
    }

    pub fn compatible(&mut self, what: String) {
        let message = format!("question `{}`: {what}", self.id);
        self.out.compatible(Some(self.id), message);
    }
}

fn wording(cx: &Context, old: &Question, new: &Question, say: &mut Say) {
    match cx.text_change(&old.wording, &new.wording) {
        TextChange::Same => {}
        TextChange::Reference(a, b) => say.breaking(format!(
            "wording changed from {} to {}: the answers would mean something else",
            quote(a),
            quote(b)
        )),
        TextChange::Others(langs) => say.compatible(format!("wording changed in {}", langs.join(", "))),
    }
    let message = match (&old.help, &new.help) {
        (None, Some(_)) => "help added".to_owned(),
        (Some(_), None) => "help removed".to_owned(),
        (Some(a), Some(b)) => match cx.text_change(a, b) {
            TextChange::Same => return,
            TextChange::Reference(..) => "help changed".to_owned(),
            TextChange::Others(langs) => format!("help changed in {}", langs.join(", ")),
        },
        (None, None) => return,
    };
    say.compatible(message);
}

fn routing(cx: &Context, old: &Question, new: &Question, say: &mut Say) {
    let rename = |id: &str| cx.renames.get(id).cloned().unwrap_or_else(|| id.to_owned());
    let before = old.show_if.as_ref().map(|e| renamed(e, &rename));
    match (&before, &new.show_if) {
        (None, Some(b)) => say.breaking(format!("routing added: now asked only when {}", condition(b))),
        (Some(a), None) => say.breaking(format!(
            "routing removed: now always asked (was only when {})",
            condition(a)
        )),
        (Some(a), Some(b)) if a != b => say.breaking(format!(
            "routing changed from {} to {}",
            condition(a),
            condition(b)
        )),
        _ => {}
    }
}

/// Channels the question is asked on, among those both versions of the survey offer (a
/// survey channel added or removed is reported once, for the survey).
fn channels(cx: &Context, old: &Question, new: &Question, say: &mut Say) {
    let shared = |c: &&Channel| cx.old.channels.contains(c) && cx.new.channels.contains(c);
    let names = |cs: Vec<&Channel>| cs.iter().map(|c| c.as_str()).collect::<Vec<_>>().join(", ");
    let lost: Vec<&Channel> = old
        .channels
        .iter()
        .filter(shared)
        .filter(|c| !new.channels.contains(c))
        .collect();
    let gained: Vec<&Channel> = new
        .channels
        .iter()
        .filter(shared)
        .filter(|c| !old.channels.contains(c))
        .collect();
    if !lost.is_empty() {
        say.breaking(format!(
            "no longer asked on {}: answers from there would be rejected",
            names(lost)
        ));
    }
    if !gained.is_empty() {
        say.compatible(format!("now also asked on {}", names(gained)));
    }
}

/// `number` range, `text max`, `multi` `min` and `max`.
fn bounds(old: &Question, new: &Question, say: &mut Say) {
    if let (Some(a), Some(b)) = (old.range, new.range) {
        if a != b {
            let what = format!("range changed from {}..{} to {}..{}", a.min, a.max, b.min, b.max);
            if b.min > a.min || b.max < a.max {
                say.breaking(format!("{what}: it is narrower"));
            } else {
                say.compatible(format!("{what}: it is wider"));
            }
        }
    }
    if let (Some(a), Some(b)) = (old.max_length, new.max_length) {
        if b < a {
            say.breaking(format!("longest answer reduced from {a} to {b} characters"));
        } else if b > a {
            say.compatible(format!("longest answer raised from {a} to {b} characters"));
        }
    }
    if new.kind == QuestionKind::Multi {
        picks(old, new, say);
    }
}

fn picks(old: &Question, new: &Question, say: &mut Say) {
    // As `response` reads them: `min` at least 1, no `max` means every option.
    let (a, b) = (
        old.min_picks.unwrap_or(1).max(1),
        new.min_picks.unwrap_or(1).max(1),
    );
    if b > a {
        say.breaking(format!("fewest options to pick raised from {a} to {b}"));
    } else if b < a {
        say.compatible(format!("fewest options to pick lowered from {a} to {b}"));
    }
    if old.max_picks.is_none() && new.max_picks.is_none() {
        return;
    }
    let count = |q: &Question| u32::try_from(q.codes.len()).unwrap_or(u32::MAX);
    let (a, b) = (
        old.max_picks.unwrap_or(count(old)),
        new.max_picks.unwrap_or(count(new)),
    );
    if b < a {
        say.breaking(format!("most options to pick reduced from {a} to {b}"));
    } else if b > a {
        say.compatible(format!("most options to pick raised from {a} to {b}"));
    }
}

fn place_and_flags(old: &Question, new: &Question, say: &mut Say) {
    let name = |s: &Option<String>| s.as_deref().map_or("none".to_owned(), |s| format!("`{s}`"));
    if old.section != new.section {
        say.compatible(format!(
            "section changed from {} to {}",
            name(&old.section),
            name(&new.section)
        ));
    }
    if old.module != new.module {
        say.compatible(format!(
            "module changed from {} to {}",
            name(&old.module),
            name(&new.module)
        ));
    }
    for (what, a, b) in [
        ("personal", old.personal, new.personal),
        ("locked", old.locked, new.locked),
    ] {
        if a != b {
            let now = if b { "now" } else { "no longer" };
            say.compatible(format!("{now} marked `{what}`"));
        }
    }
    if old.doc != new.doc {
        say.compatible("documentation changed".to_owned());
    }
}
