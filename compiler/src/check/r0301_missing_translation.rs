//! R0301: every respondent-facing text exists in every declared language: the title, each
//! question's wording and help, every code label (inline options, the named lists the
//! survey's questions use, and the built-in labels, which exist in it en de fr sl), section
//! titles, check messages, site labels and, on a kiosk, the thank-you. One diagnostic per text, naming
//! the languages it lacks; a list's label is reported once however many questions use it.

use super::context::SurveyCx;
use crate::diagnostics::{Code, Diagnostic, Diagnostics};
use crate::ir::Channel;
use crate::resolve::model::{TextDef, UnitKind};
use crate::source::Span;
use std::collections::BTreeSet;

/// One text to judge.
struct Slot<'a> {
    /// What the text is; its description and key are written only when it lacks a language.
    name: Name<'a>,
    text: &'a TextDef,
    /// The survey's `use` when the text comes from a module.
    module_use: Option<Span>,
}

/// Which text a slot holds.
enum Name<'a> {
    Title,
    Thanks,
    Site(&'a str),
    Section(&'a str),
    Wording(&'a str),
    Help(&'a str),
    /// A code of a named list (`list` is true) or of a question's inline options.
    Code {
        owner: &'a str,
        value: i64,
        list: bool,
    },
    Check,
}

impl Name<'_> {
    /// `the wording of question `facilita``
    fn what(&self) -> String {
        match self {
            Name::Title => "the survey's title".to_owned(),
            Name::Thanks => "the kiosk's thank-you".to_owned(),
            Name::Site(id) => format!("the label of site `{id}`"),
            Name::Section(id) => format!("the title of section `{id}`"),
            Name::Wording(id) => format!("the wording of question `{id}`"),
            Name::Help(id) => format!("the help of question `{id}`"),
            Name::Code {
                owner,
                value,
                list: true,
            } => format!("the label of code {value} of `{owner}`"),
            Name::Code {
                owner,
                value,
                list: false,
            } => {
                format!("the label of code {value} of question `{owner}`")
            }
            Name::Check => "the message of a `check`".to_owned(),
        }
    }

    /// The `translations` key that names it, when there is one.
    fn key(&self) -> Option<String> {
        match self {
            Name::Title => Some("title".to_owned()),
            Name::Thanks | Name::Check => None,
            Name::Site(id) => Some(format!("sites.{id}")),
            Name::Section(id) | Name::Wording(id) => Some((*id).to_owned()),
            Name::Help(id) => Some(format!("{id}.help")),
            Name::Code { owner, value, .. } => Some(format!("{owner}.{value}")),
        }
    }
}

pub fn check(cx: &SurveyCx<'_>, sink: &mut Diagnostics) {
    let languages = cx.survey.languages();
    for slot in slots(cx) {
        let missing = slot.text.missing(languages);
        if !missing.is_empty() {
            sink.push(diagnostic(cx, &slot, &missing));
        }
    }
}

fn slots<'a>(cx: &SurveyCx<'a>) -> Vec<Slot<'a>> {
    let survey = cx.survey;
    let mut out = Vec::new();
    if let Some(title) = &survey.header.title {
        out.push(slot(Name::Title, title, None));
    }
    if survey.kind == UnitKind::Survey && survey.header.has_channel(Channel::Kiosk) {
        out.push(slot(Name::Thanks, &survey.header.thanks, None));
    }
    for site in &survey.header.sites {
        out.push(slot(Name::Site(&site.id), &site.label, None));
    }
    for s in &survey.sections {
        let module_use = s.module.as_ref().map(|m| m.use_span);
        out.push(slot(Name::Section(&s.id), &s.title, module_use));
    }
    let mut lists_seen = BTreeSet::new();
    for q in &survey.questions {
        let module_use = q.module.as_ref().map(|m| m.use_span);
        if let Some(w) = &q.wording {
            out.push(slot(Name::Wording(&q.id), w, module_use));
        }
        if let Some(h) = &q.help {
            out.push(slot(Name::Help(&q.id), h, module_use));
        }
        for c in &q.codes {
            let name = match c.list.and_then(|l| cx.db.lists.get(l).map(|d| (l, d))) {
                Some((l, list)) => {
                    if !lists_seen.insert((l, c.value)) {
                        continue;
                    }
                    Name::Code {
                        owner: &list.name,
                        value: c.value,
                        list: true,
                    }
                }
                None => Name::Code {
                    owner: &q.id,
                    value: c.value,
                    list: false,
                },
            };
            out.push(slot(name, &c.label, module_use));
        }
    }
    for c in &survey.checks {
        out.push(slot(
            Name::Check,
            &c.message,
            c.module.as_ref().map(|m| m.use_span),
        ));
    }
    out
}

fn slot<'a>(name: Name<'a>, text: &'a TextDef, module_use: Option<Span>) -> Slot<'a> {
    Slot {
        name,
        text,
        module_use,
    }
}

fn diagnostic(cx: &SurveyCx<'_>, slot: &Slot<'_>, missing: &[&str]) -> Diagnostic {
    let quoted: Vec<String> = missing.iter().map(|l| format!("`{l}`")).collect();
    let list = quoted.join(", ");
    let message = if missing.len() == 1 {
        format!("{} has no {list} translation", slot.name.what())
    } else {
        format!("{} has no translation in {list}", slot.name.what())
    };
    let (span, secondary) = cx.text_site(slot.module_use, slot.text);
    let written_here = secondary.is_none();
    let mut d = Diagnostic::new(Code::R0301, message, span, format!("missing {list}"));
    if let Some(text_span) = secondary {
        d = d.with_secondary(text_span, "the text is written here");
    }
    d.with_help(help(slot, missing, written_here))
}

fn help(slot: &Slot<'_>, missing: &[&str], written_here: bool) -> String {
    let first = missing.first().copied().unwrap_or("en");
    let inline: Vec<String> = missing.iter().map(|l| format!("{l} \"...\"")).collect();
    let blocks: Vec<String> = missing.iter().map(|l| format!("`translations {l}`")).collect();
    match (&slot.name.key(), written_here) {
        (Some(key), true) => format!(
            "write `{}` after the text, or `{key} \"...\"` in {}",
            inline.join(" "),
            blocks.join(" and ")
        ),
        (Some(key), false) => format!("add `{key} \"...\"` to {} in the survey", blocks.join(" and ")),
        (None, _) if matches!(slot.name, Name::Thanks) && !written_here => format!(
            "write `thanks \"...\" {}` in the survey's `kiosk {{ }}` block",
            inline.join(" ")
        ),
        (None, _) => format!(
            "write `{}` after the text (e.g. `{first} \"...\"`)",
            inline.join(" ")
        ),
    }
}

#[cfg(test)]
mod tests {
    use crate::check::testing::with_code;

    #[test]
    fn lists_what_is_missing_once_per_text() {
        let src = "survey a.b {\n  version 1.0.0\n  title \"T\" en \"T\"\n  languages it en de\n  \
                   question q: choice {\n    \"Q?\" en \"Q?\" de \"F?\"\n    1 \"Uno\"\n    2 \"Due\" en \"Two\" de \"Zwei\"\n  }\n}\n";
        let found = with_code(src, "R0301");
        assert_eq!(found.len(), 2, "{found:?}");
        assert_eq!(found[0].message, "the survey's title has no `de` translation");
        assert_eq!(
            found[1].message,
            "the label of code 1 of question `q` has no translation in `en`, `de`"
        );
    }

    #[test]
    fn module_texts_point_at_the_use() {
        let src =
            "import istat.cx\n\nsurvey a.b {\n  version 1.0.0\n  title \"T\" de \"T\"\n  languages it de\n  \
                   use istat.cx.servizio_online\n  translations de {\n    tempo \"Wie lange?\"\n    \
                   tempo.1 \"a\"\n    tempo.2 \"b\"\n    tempo.3 \"c\"\n    tempo.4 \"d\"\n  }\n}\n";
        let found = with_code(src, "R0301");
        // `problemi_tecnici` lacks German; its yes/no labels are built in.
        assert_eq!(found.len(), 1, "{found:?}");
        assert!(found[0].message.contains("`problemi_tecnici`"));
        assert_eq!(found[0].secondary.len(), 1);
        assert!(found[0]
            .help
            .as_deref()
            .unwrap_or("")
            .contains("problemi_tecnici \"...\""));
    }

    #[test]
    fn built_in_labels_cover_five_languages() {
        let src = "survey a.b {\n  version 1.0.0\n  title \"T\" es \"T\"\n  languages it es\n  \
                   question q: yesno { \"Q?\" es \"Q?\" }\n}\n";
        let found = with_code(src, "R0301");
        assert_eq!(found.len(), 2, "{found:?}");
        assert!(found[0].message.contains("code 1"));
    }
}
