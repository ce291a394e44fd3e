//! The survey `rileva new` writes: the header from the plan, the profile's required modules
//! in order, its allowed modules and the room for the administration's own questions as
//! comments, in Italian with English translations, laid out as `rileva fmt` lays it out.

use super::plan::{label, Plan};

/// The survey's title in each language the stdlib's interface speaks.
const TITLES: [(&str, &str); 5] = [
    ("it", "Valuti il servizio"),
    ("en", "Rate the service"),
    ("de", "Bewerten Sie den Dienst"),
    ("fr", "Évaluez le service"),
    ("sl", "Ocenite storitev"),
];

/// A rileva string literal: `"..."` with `\` and `"` escaped.
fn string(s: &str) -> String {
    let mut out = String::from('"');
    for c in s.chars() {
        match c {
            '"' => out.push_str("\\\""),
            '\\' => out.push_str("\\\\"),
            c => out.push(c),
        }
    }
    out.push('"');
    out
}

/// One segment of a survey id from a code: `Certificati-Anagrafici` -> `certificati_anagrafici`,
/// accents dropped, a leading digit prefixed (`s_`), at most 48 characters.
pub fn id_segment(code: &str) -> String {
    let mut out = String::new();
    for c in code.chars().flat_map(char::to_lowercase) {
        let c = match c {
            'à' | 'á' | 'â' => 'a',
            'è' | 'é' | 'ê' => 'e',
            'ì' | 'í' | 'î' => 'i',
            'ò' | 'ó' | 'ô' => 'o',
            'ù' | 'ú' | 'û' => 'u',
            c if c.is_ascii_lowercase() || c.is_ascii_digit() => c,
            _ => '_',
        };
        if !(c == '_' && (out.is_empty() || out.ends_with('_'))) {
            out.push(c);
        }
    }
    let trimmed = out.trim_end_matches('_');
    let mut id = match trimmed.chars().next() {
        Some(c) if c.is_ascii_lowercase() => trimmed.to_owned(),
        Some(_) => format!("s_{trimmed}"),
        None => "servizio".to_owned(),
    };
    id.truncate(48);
    id.trim_end_matches('_').to_owned()
}

/// The longest survey id written: its SQL tables (`<id>_v1_questions`) stay far below
/// PostgreSQL's 63 bytes, with room for many major versions.
pub const MAX_ID: usize = 40;

/// `<agency>.<service>`, the service's part cut so that the id has at most [`MAX_ID`] bytes.
pub fn survey_id(agency: &str, service: &str) -> String {
    let agency = id_segment(agency);
    let room = MAX_ID.saturating_sub(agency.len() + 1).max(1);
    let mut service = id_segment(service);
    service.truncate(room);
    format!("{agency}.{}", service.trim_end_matches('_'))
}

/// `title "Valuti il servizio" en "Rate the service"` in the survey's languages.
fn title(languages: &[String]) -> String {
    let text = |l: &str| {
        TITLES
            .iter()
            .find(|(t, _)| *t == l)
            .map_or(TITLES[0].1, |(_, s)| *s)
    };
    let mut out = string(text(&languages[0]));
    for l in &languages[1..] {
        out.push_str(&format!(" {l} {}", string(text(l))));
    }
    out
}

/// The text of the survey file.
pub fn survey_text(plan: &Plan<'_>) -> String {
    let std = plan.standard;
    let profile = plan.profile;
    let id = survey_id(&plan.agency, &plan.service);
    let profile_title = profile.title.as_ref().map(label).unwrap_or_default();
    let mut out = String::new();
    out.push_str(&format!(
        "// Scritto da `rileva new`: conforme a {} {}, profilo {}.\n\
         // Written by `rileva new`: conforms to {} {}, profile {}.\n\
         import {}\n\n",
        std.name, std.version, profile.name, std.name, std.version, profile.name, std.name
    ));
    out.push_str(&format!(
        "/// {} `{}`: {} `{}`.\n/// Profile {}: {profile_title}.\n",
        label(&plan.pa_kind.label),
        plan.agency,
        label(&plan.service_kind.label),
        plan.service,
        profile.name
    ));
    out.push_str(&format!("survey {id} {{\n"));
    out.push_str("  version 1.0.0\n");
    out.push_str(&format!("  title {}\n", title(&plan.languages)));
    out.push_str(&format!("  languages {}\n", plan.languages.join(" ")));
    out.push_str(&format!(
        "  agency {} kind {}\n",
        string(&plan.agency),
        plan.pa_kind.id
    ));
    out.push_str(&format!(
        "  service {} kind {}\n",
        string(&plan.service),
        plan.service_kind.id
    ));
    out.push_str(&format!("  channels {}\n", plan.channels.join(" ")));
    out.push_str(&format!(
        "  conforms {} {} profile {}\n\n",
        std.name, std.version, profile.name
    ));
    out.push_str(
        "  // Moduli richiesti dal profilo: per primi, in quest'ordine, senza modifiche.\n  \
         // Modules the profile requires: first, in this order, unchanged.\n",
    );
    for m in &profile.require {
        out.push_str(&format!("  use {}.{m}\n", std.name));
    }
    if !profile.allow.is_empty() {
        out.push_str(
            "\n  // Moduli ammessi: togliere `//` per usarli, dopo quelli richiesti.\n  \
             // Allowed modules: remove `//` to use them, after the required ones.\n",
        );
        for m in &profile.allow {
            out.push_str(&format!("  // use {}.{m}\n", std.name));
        }
    }
    out.push('\n');
    out.push_str(&extra(profile.extra_max.unwrap_or(0), &plan.languages));
    out.push_str("}\n");
    out
}

/// The room for the administration's own questions, with a commented example.
fn extra(max: u32, languages: &[String]) -> String {
    if max == 0 {
        return "  // Il profilo non ammette altre domande.\n  \
                // The profile allows no other questions.\n"
            .to_owned();
    }
    let en = languages.iter().any(|l| l == "en");
    let tr = |it: &str, english: &str| {
        if en {
            format!("{} en {}", string(it), string(english))
        } else {
            string(it)
        }
    };
    format!(
        "  // Fino a {max} domande dell'ente, dopo i moduli. Per esempio:\n  \
         // Up to {max} questions of the administration, after the modules. For example:\n  \
         //\n  \
         // section ente {} {{\n  \
         //   question conosciuto: choice {{\n  \
         //     {}\n  \
         //     1 {}\n  \
         //     2 {}\n  \
         //     3 {}\n  \
         //   }}\n  \
         // }}\n",
        tr("Domande dell'ente", "Questions of the administration"),
        tr(
            "Come ha saputo di questo servizio?",
            "How did you learn about this service?"
        ),
        tr("Dal sito", "From the website"),
        tr("Allo sportello", "At the counter"),
        tr("Da familiari o amici", "From family or friends"),
    )
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn ids_from_codes() {
        assert_eq!(id_segment("c_h501"), "c_h501");
        assert_eq!(id_segment("Certificati-Anagrafici"), "certificati_anagrafici");
        assert_eq!(id_segment("123"), "s_123");
        assert_eq!(id_segment("Città metropolitana"), "citta_metropolitana");
        assert_eq!(id_segment("--"), "servizio");
        assert!(id_segment(&"a".repeat(80)).len() <= 48);
    }

    #[test]
    fn ids_fit_the_sql_tables() {
        let id = survey_id("pa00", "funzione_pubblica-mettiamoci_la_faccia-sportello");
        assert_eq!(id, "pa00.funzione_pubblica_mettiamoci_la_fac");
        assert!(id.len() <= MAX_ID);
        assert_eq!(survey_id("c_h501", "certificati"), "c_h501.certificati");
    }

    #[test]
    fn strings_are_escaped() {
        assert_eq!(string(r#"a "b" \c"#), r#""a \"b\" \\c""#);
    }
}
