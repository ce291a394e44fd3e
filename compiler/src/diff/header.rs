//! Comparison stage, the survey's header: id, languages, channels, title, agency, service,
//! conformance, anonymity, kiosk settings, sections and documentation.

use super::words::{quote, TextChange};
use super::{Changes, Context};
use crate::ir::{Conformance, Survey};

pub fn compare(cx: &Context, out: &mut Changes) {
    let (old, new) = (cx.old, cx.new);
    if old.id != new.id {
        out.breaking(
            None,
            format!(
                "survey id changed from `{}` to `{}`: responses and tables are named after it \
                 (the rest is compared as if it were the same survey)",
                old.id, new.id
            ),
        );
    }
    languages(old, new, out);
    channels(old, new, out);
    match cx.text_change(&old.title, &new.title) {
        TextChange::Same => {}
        TextChange::Reference(a, b) => {
            out.compatible(None, format!("title changed from {} to {}", quote(a), quote(b)))
        }
        TextChange::Others(langs) => out.compatible(None, format!("title changed in {}", langs.join(", "))),
    }
    parties(old, new, out);
    conformance(old.conforms.as_ref(), new.conforms.as_ref(), out);
    if old.anonymous != new.anonymous {
        let now = if new.anonymous {
            "now anonymous"
        } else {
            "no longer anonymous"
        };
        out.compatible(None, format!("the survey is {now}"));
    }
    kiosk(cx, out);
    sections(cx, out);
    if old.doc != new.doc {
        out.compatible(None, "survey documentation changed".to_owned());
    }
}

fn languages(old: &Survey, new: &Survey, out: &mut Changes) {
    for lang in old.languages.iter().filter(|l| !new.languages.contains(l)) {
        out.breaking(
            None,
            format!("language `{lang}` removed: responses in it would be rejected"),
        );
    }
    for lang in new.languages.iter().filter(|l| !old.languages.contains(l)) {
        out.compatible(None, format!("language `{lang}` added"));
    }
    let (a, b) = (old.default_language(), new.default_language());
    if a != b && new.languages.iter().any(|l| l == a) {
        out.compatible(
            None,
            format!("default language changed from `{a}` to `{b}` (texts are compared in `{a}`)"),
        );
    }
}

fn channels(old: &Survey, new: &Survey, out: &mut Changes) {
    for c in old.channels.iter().filter(|c| !new.channels.contains(c)) {
        out.breaking(
            None,
            format!(
                "channel `{}` removed: responses from it would be rejected",
                c.as_str()
            ),
        );
    }
    for c in new.channels.iter().filter(|c| !old.channels.contains(c)) {
        out.compatible(None, format!("channel `{}` added", c.as_str()));
    }
}

/// The agency and the service: their codes say whose service the answers are about.
fn parties(old: &Survey, new: &Survey, out: &mut Changes) {
    fn agency(s: &Survey) -> Option<(&str, Option<&str>)> {
        s.agency.as_ref().map(|a| (a.code.as_str(), a.kind.as_deref()))
    }
    fn service(s: &Survey) -> Option<(&str, Option<&str>)> {
        s.service.as_ref().map(|a| (a.code.as_str(), a.kind.as_deref()))
    }
    party("agency", "another administration", agency(old), agency(new), out);
    party("service", "another service", service(old), service(new), out);
}

/// One party (`agency` or `service`): its code and its kind, each `None` when not written.
fn party(
    what: &str,
    another: &str,
    old: Option<(&str, Option<&str>)>,
    new: Option<(&str, Option<&str>)>,
    out: &mut Changes,
) {
    let code = |c: Option<&str>| c.map_or("none".to_owned(), |c| format!("\"{c}\""));
    let (old_code, new_code) = (old.map(|p| p.0), new.map(|p| p.0));
    if old_code != new_code {
        out.breaking(
            None,
            format!(
                "{what} changed from {} to {}: the answers would be about {another}",
                code(old_code),
                code(new_code)
            ),
        );
    }
    kind_change(what, old.and_then(|p| p.1), new.and_then(|p| p.1), out);
}

fn kind_change(what: &str, old: Option<&str>, new: Option<&str>, out: &mut Changes) {
    if old != new {
        let name = |k: Option<&str>| k.map_or("none".to_owned(), |k| format!("`{k}`"));
        out.compatible(
            None,
            format!("{what} kind changed from {} to {}", name(old), name(new)),
        );
    }
}

fn conformance(old: Option<&Conformance>, new: Option<&Conformance>, out: &mut Changes) {
    let show = |c: &Conformance| format!("{} {} profile {}", c.standard, c.version, c.profile);
    let message = match (old, new) {
        (Some(a), Some(b)) if a != b => format!("conformance changed from {} to {}", show(a), show(b)),
        (None, Some(b)) => format!("now conforms to {}", show(b)),
        (Some(a), None) => format!("no longer declares conformance to {}", show(a)),
        _ => return,
    };
    out.compatible(None, message);
}

fn kiosk(cx: &Context, out: &mut Changes) {
    let (a, b) = (&cx.old.kiosk, &cx.new.kiosk);
    if (a.width, a.height) != (b.width, b.height) {
        out.compatible(
            None,
            format!(
                "kiosk screen changed from {} x {} to {} x {}",
                a.width, a.height, b.width, b.height
            ),
        );
    }
    if a.reset_after_seconds != b.reset_after_seconds {
        out.compatible(
            None,
            format!(
                "kiosk reset time changed from {} s to {} s",
                a.reset_after_seconds, b.reset_after_seconds
            ),
        );
    }
    if cx.text_change(&a.thanks, &b.thanks) != TextChange::Same {
        out.compatible(None, "kiosk thank-you text changed".to_owned());
    }
}

fn sections(cx: &Context, out: &mut Changes) {
    let (old, new) = (&cx.old.sections, &cx.new.sections);
    for s in old.iter().filter(|s| !new.iter().any(|n| n.id == s.id)) {
        out.compatible(None, format!("section `{}` removed", s.id));
    }
    for s in new {
        match old.iter().find(|o| o.id == s.id) {
            None => out.compatible(None, format!("section `{}` added", s.id)),
            Some(o) if cx.text_change(&o.title, &s.title) != TextChange::Same => {
                out.compatible(None, format!("section `{}`: title changed", s.id))
            }
            Some(_) => {}
        }
    }
}
