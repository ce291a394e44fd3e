//! Doc target, the document's own words (headings, field names, condition phrases) in
//! `it en de`; a survey language outside these gets the English words, and the page says
//! `lang="en"` (the survey's texts carry their own `lang`). Placeholders in braces
//! (`{c}`, `{q}`, `{a}`) are filled by [`fill`].

use serde::Serialize;

#[derive(Debug, Serialize)]
pub struct Strings {
    pub lang: &'static str,
    pub document: &'static str,
    pub contents: &'static str,
    pub survey_id: &'static str,
    pub version: &'static str,
    pub languages: &'static str,
    pub channels: &'static str,
    pub agency: &'static str,
    pub service: &'static str,
    pub kind: &'static str,
    pub anonymous: &'static str,
    pub yes: &'static str,
    pub no: &'static str,
    pub conforms: &'static str,
    /// `{standard} {version}, profile {profile}`
    pub conforms_value: &'static str,
    pub not_conforming: &'static str,
    pub estimate: &'static str,
    /// `{t}` the time, `{c}` the channel of the longest path.
    pub estimate_value: &'static str,
    pub notes: &'static str,
    pub questions: &'static str,
    pub question_count: &'static str,
    pub wording: &'static str,
    pub help: &'static str,
    pub codes: &'static str,
    pub code: &'static str,
    pub label: &'static str,
    pub flags: &'static str,
    pub missing: &'static str,
    pub specify: &'static str,
    pub required: &'static str,
    pub optional: &'static str,
    pub always_asked: &'static str,
    pub asked_on: &'static str,
    pub personal: &'static str,
    /// `{s}` the standard, `{m}` the module.
    pub locked_by: &'static str,
    pub from_module: &'static str,
    pub code_list: &'static str,
    /// `{min}`, `{max}`
    pub range: &'static str,
    pub max_length: &'static str,
    pub picks: &'static str,
    pub checks: &'static str,
    pub no_checks: &'static str,
    pub check_sentence: &'static str,
    pub message: &'static str,
    pub locked: &'static str,
    pub no_locked: &'static str,
    pub generated: &'static str,
    /// Question kinds, in `QuestionKind` order (scale, choice, multi, faces, rating, nps,
    /// yesno, number, text).
    pub kinds: [&'static str; 9],
    /// Channels in `Channel` order (web, kiosk, app, phone).
    pub channel_names: [&'static str; 4],
    pub words: Words,
}

/// Phrases that say a condition: `{q}` the question (quoted id), `{a}` the answers.
#[derive(Debug, Serialize)]
pub struct Words {
    pub only_if: &'static str,
    pub is: &'static str,
    pub is_not: &'static str,
    /// `{v}` the number: `=`, `!=`, `<`, `<=`, `>`, `>=`.
    pub number: [&'static str; 6],
    pub includes: &'static str,
    pub excludes: &'static str,
    pub answered: &'static str,
    pub not_answered: &'static str,
    pub and: &'static str,
    pub or: &'static str,
    pub open_quote: &'static str,
    pub close_quote: &'static str,
}

const IT: Strings = Strings {
    lang: "it",
    document: "Questionario",
    contents: "Indice",
    survey_id: "Identificativo",
    version: "Versione",
    languages: "Lingue",
    channels: "Canali",
    agency: "Amministrazione (codice IPA)",
    service: "Servizio",
    kind: "tipo",
    anonymous: "Anonimo",
    yes: "sì",
    no: "no",
    conforms: "Standard",
    conforms_value: "{standard} {version}, profilo {profile}",
    not_conforming: "nessuno dichiarato",
    estimate: "Tempo stimato di compilazione",
    estimate_value: "{t} (canale {c}, il percorso più lungo)",
    notes: "Note",
    questions: "Domande",
    question_count: "Numero di domande",
    wording: "Testo",
    help: "Aiuto",
    codes: "Codici",
    code: "Codice",
    label: "Etichetta",
    flags: "Note",
    missing: "mancante (non entra nei confronti d'ordine)",
    specify: "apre un testo libero",
    required: "Obbligatoria",
    optional: "Facoltativa",
    always_asked: "Chiesta sempre.",
    asked_on: "Chiesta sui canali: {c}.",
    personal: "Raccoglie dati personali.",
    locked_by: "Bloccata dallo standard {s} (modulo {m}): l'amministrazione non può modificarla.",
    from_module: "Dal modulo {m}.",
    code_list: "Lista di codici {l}.",
    range: "Un numero intero da {min} a {max}.",
    max_length: "Al massimo {n} caratteri.",
    picks: "Da {min} a {max} risposte.",
    checks: "Controlli",
    no_checks: "Nessun controllo.",
    check_sentence: "Risposta accettata solo se {c}.",
    message: "Messaggio",
    locked: "Domande bloccate",
    no_locked: "Nessuna domanda bloccata.",
    generated: "Generato da rileva dalla versione {v} del questionario.",
    kinds: [
        "scala",
        "scelta singola",
        "scelta multipla",
        "faccine",
        "stelle",
        "NPS da 0 a 10",
        "sì/no",
        "numero",
        "testo libero",
    ],
    channel_names: ["web", "totem", "app", "telefono"],
    words: Words {
        only_if: "Chiesta solo se {c}.",
        is: "{q} è {a}",
        is_not: "{q} non è {a} o non ha risposta",
        number: [
            "uguale a {v}",
            "diverso da {v}",
            "minore di {v}",
            "al massimo {v}",
            "maggiore di {v}",
            "almeno {v}",
        ],
        includes: "{q} comprende {a}",
        excludes: "{q} non comprende {a}",
        answered: "{q} ha risposta",
        not_answered: "{q} non ha risposta",
        and: "e",
        or: "o",
        open_quote: "«",
        close_quote: "»",
    },
};

const EN: Strings = Strings {
    lang: "en",
    document: "Questionnaire",
    contents: "Contents",
    survey_id: "Identifier",
    version: "Version",
    languages: "Languages",
    channels: "Channels",
    agency: "Administration (IPA code)",
    service: "Service",
    kind: "kind",
    anonymous: "Anonymous",
    yes: "yes",
    no: "no",
    conforms: "Standard",
    conforms_value: "{standard} {version}, profile {profile}",
    not_conforming: "none declared",
    estimate: "Estimated completion time",
    estimate_value: "{t} (channel {c}, the longest path)",
    notes: "Notes",
    questions: "Questions",
    question_count: "Number of questions",
    wording: "Text",
    help: "Help",
    codes: "Codes",
    code: "Code",
    label: "Label",
    flags: "Notes",
    missing: "missing (never in an ordering comparison)",
    specify: "opens a free text",
    required: "Required",
    optional: "Optional",
    always_asked: "Always asked.",
    asked_on: "Asked on the channels: {c}.",
    personal: "Collects personal data.",
    locked_by: "Locked by the standard {s} (module {m}): the administration may not change it.",
    from_module: "From the module {m}.",
    code_list: "Code list {l}.",
    range: "A whole number from {min} to {max}.",
    max_length: "At most {n} characters.",
    picks: "From {min} to {max} answers.",
    checks: "Checks",
    no_checks: "No checks.",
    check_sentence: "A response is accepted only if {c}.",
    message: "Message",
    locked: "Locked questions",
    no_locked: "No locked questions.",
    generated: "Generated by rileva from version {v} of the questionnaire.",
    kinds: [
        "scale",
        "single choice",
        "multiple choice",
        "faces",
        "stars",
        "NPS 0 to 10",
        "yes/no",
        "number",
        "free text",
    ],
    channel_names: ["web", "kiosk", "app", "phone"],
    words: Words {
        only_if: "Asked only if {c}.",
        is: "{q} is {a}",
        is_not: "{q} is not {a} or is unanswered",
        number: [
            "equal to {v}",
            "other than {v}",
            "less than {v}",
            "at most {v}",
            "more than {v}",
            "at least {v}",
        ],
        includes: "{q} includes {a}",
        excludes: "{q} does not include {a}",
        answered: "{q} is answered",
        not_answered: "{q} is unanswered",
        and: "and",
        or: "or",
        open_quote: "“",
        close_quote: "”",
    },
};

const DE: Strings = Strings {
    lang: "de",
    document: "Fragebogen",
    contents: "Inhalt",
    survey_id: "Kennung",
    version: "Version",
    languages: "Sprachen",
    channels: "Kanäle",
    agency: "Verwaltung (IPA-Code)",
    service: "Dienst",
    kind: "Art",
    anonymous: "Anonym",
    yes: "ja",
    no: "nein",
    conforms: "Standard",
    conforms_value: "{standard} {version}, Profil {profile}",
    not_conforming: "keiner angegeben",
    estimate: "Geschätzte Ausfülldauer",
    estimate_value: "{t} (Kanal {c}, der längste Weg)",
    notes: "Anmerkungen",
    questions: "Fragen",
    question_count: "Anzahl der Fragen",
    wording: "Text",
    help: "Hilfe",
    codes: "Codes",
    code: "Code",
    label: "Bezeichnung",
    flags: "Hinweise",
    missing: "fehlend (nie in einem Größenvergleich)",
    specify: "öffnet ein Freitextfeld",
    required: "Pflichtfrage",
    optional: "Freiwillig",
    always_asked: "Wird immer gestellt.",
    asked_on: "Gestellt auf den Kanälen: {c}.",
    personal: "Erhebt personenbezogene Daten.",
    locked_by: "Gesperrt durch den Standard {s} (Modul {m}): die Verwaltung darf sie nicht ändern.",
    from_module: "Aus dem Modul {m}.",
    code_list: "Codeliste {l}.",
    range: "Eine ganze Zahl von {min} bis {max}.",
    max_length: "Höchstens {n} Zeichen.",
    picks: "Von {min} bis {max} Antworten.",
    checks: "Prüfungen",
    no_checks: "Keine Prüfungen.",
    check_sentence: "Eine Antwort wird nur angenommen, wenn {c}.",
    message: "Meldung",
    locked: "Gesperrte Fragen",
    no_locked: "Keine gesperrten Fragen.",
    generated: "Von rileva aus Version {v} des Fragebogens erzeugt.",
    kinds: [
        "Skala",
        "Einfachauswahl",
        "Mehrfachauswahl",
        "Gesichter",
        "Sterne",
        "NPS 0 bis 10",
        "Ja/Nein",
        "Zahl",
        "Freitext",
    ],
    channel_names: ["Web", "Kiosk", "App", "Telefon"],
    words: Words {
        only_if: "Nur gestellt, wenn {c}.",
        is: "{q} {a} ist",
        is_not: "{q} nicht {a} ist oder unbeantwortet bleibt",
        number: [
            "gleich {v}",
            "ungleich {v}",
            "kleiner als {v}",
            "höchstens {v}",
            "größer als {v}",
            "mindestens {v}",
        ],
        includes: "{q} {a} enthält",
        excludes: "{q} {a} nicht enthält",
        answered: "{q} beantwortet ist",
        not_answered: "{q} unbeantwortet bleibt",
        and: "und",
        or: "oder",
        open_quote: "„",
        close_quote: "“",
    },
};

/// The document's words for a page in `lang` (English for a language without its own).
pub fn strings(lang: &str) -> &'static Strings {
    match lang {
        "it" => &IT,
        "de" => &DE,
        _ => &EN,
    }
}

/// Replace each `{name}` of `template` by its value, in one pass: a value that itself holds
/// braces (a label written `{a}`) is never filled again.
pub fn fill(template: &str, values: &[(&str, &str)]) -> String {
    let mut out = String::with_capacity(template.len());
    let mut rest = template;
    while let Some(open) = rest.find('{') {
        out.push_str(&rest[..open]);
        let after = &rest[open + 1..];
        let filled = after.find('}').and_then(|close| {
            let name = &after[..close];
            let value = values.iter().find(|(n, _)| *n == name)?.1;
            Some((value, close))
        });
        match filled {
            Some((value, close)) => {
                out.push_str(value);
                rest = &after[close + 1..];
            }
            None => {
                out.push('{');
                rest = after;
            }
        }
    }
    out.push_str(rest);
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn fill_replaces_once_and_keeps_unknown_braces() {
        let text = fill("{q} is {a} {x}", &[("q", "“{a}”"), ("a", "1")]);
        assert_eq!(text, "“{a}” is 1 {x}");
    }
}
