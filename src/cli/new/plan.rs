//! From the values given (flags or answers) to what `rileva new` writes: the standard, the one
//! profile that covers the kinds, the channels and languages, each checked against the
//! stdlib's catalog, with a message that lists the choices when a value does not fit.

use rileva_compiler::catalog::{Catalog, Kind, Profile, Standard};
use rileva_compiler::ir::Text;

/// The standard used when `--standard` is not given.
pub const DEFAULT_STANDARD: &str = "istat.cx";

/// The languages used when `--languages` is not given: Italian, with English translations.
pub const DEFAULT_LANGUAGES: [&str; 2] = ["it", "en"];

/// What the user gave (flags, or answers in a terminal), before it is checked.
#[derive(Debug, Clone, Default)]
pub struct Values {
    pub standard: Option<String>,
    pub agency: Option<String>,
    pub pa_kind: Option<String>,
    pub service: Option<String>,
    pub service_kind: Option<String>,
    pub channels: Vec<String>,
    pub languages: Vec<String>,
}

/// Everything the survey is written from, each value checked.
#[derive(Debug, Clone)]
pub struct Plan<'c> {
    pub standard: &'c Standard,
    pub profile: &'c Profile,
    pub agency: String,
    pub pa_kind: &'c Kind,
    pub service: String,
    pub service_kind: &'c Kind,
    pub channels: Vec<String>,
    pub languages: Vec<String>,
}

/// Why no survey can be written from the values (exit status 1: the values do not fit).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Refusal(pub String);

/// "`it` Italian label (en English label)".
pub fn label(text: &Text) -> String {
    match text.0.get("en") {
        Some(en) if en != text.get("it") => format!("{} ({en})", text.get("it")),
        _ => text.get("it").to_owned(),
    }
}

pub fn describe_kind(kind: &Kind) -> String {
    format!("{} — {}", kind.id, label(&kind.label))
}

pub fn describe_standard(s: &Standard) -> String {
    let title = s
        .title
        .as_ref()
        .map(|t| t.get("it").to_owned())
        .unwrap_or_default();
    format!("{} {} — {title}", s.name, s.version)
}

/// One line per profile: its name, title, and the kinds it covers.
pub fn describe_profiles(standard: &Standard) -> String {
    let list =
        |kinds: &Option<Vec<String>>| kinds.as_ref().map_or_else(|| "any".to_owned(), |k| k.join(", "));
    standard
        .profiles
        .iter()
        .map(|p| {
            let title = p.title.as_ref().map(label).unwrap_or_default();
            format!(
                "  profile {} — {title}\n    service kinds: {}; PA kinds: {}; requires: {}\n",
                p.name,
                list(&p.service_kinds),
                list(&p.pa_kinds),
                p.require.join(", ")
            )
        })
        .collect()
}

pub fn find_standard<'c>(catalog: &'c Catalog, name: &str) -> Result<&'c Standard, Refusal> {
    catalog.standard(name).ok_or_else(|| {
        let known: Vec<String> = catalog
            .standards
            .iter()
            .map(|s| format!("  {}\n", describe_standard(s)))
            .collect();
        Refusal(format!(
            "unknown standard `{name}`; the standard library has:\n{}",
            known.concat()
        ))
    })
}

pub fn find_kind<'c>(kinds: &'c [Kind], id: &str, what: &str) -> Result<&'c Kind, Refusal> {
    kinds.iter().find(|k| k.id == id).ok_or_else(|| {
        let known: Vec<String> = kinds
            .iter()
            .map(|k| format!("  {}\n", describe_kind(k)))
            .collect();
        Refusal(format!(
            "unknown {what} `{id}`; the kinds are:\n{}",
            known.concat()
        ))
    })
}

/// An IPA code: 2 to 16 letters, digits or `_` (`inps`, `c_h501`).
pub fn check_agency(code: &str) -> Result<(), String> {
    if (2..=16).contains(&code.len()) && code.chars().all(|c| c.is_ascii_alphanumeric() || c == '_') {
        Ok(())
    } else {
        Err(format!(
            "`{code}` is not an IPA code: 2 to 16 letters, digits or `_` (`inps`, `c_h501`)"
        ))
    }
}

/// A service code: any short text on one line (`certificati-anagrafici`).
pub fn check_service(code: &str) -> Result<(), String> {
    let ok = !code.trim().is_empty()
        && code.chars().count() <= 64
        && !code.chars().any(char::is_control)
        && code.chars().any(|c| c.is_ascii_alphanumeric());
    if ok {
        Ok(())
    } else {
        Err(format!(
            "`{code}` is not a service code: one line of at most 64 characters with a letter or digit"
        ))
    }
}

/// The channels when none are given: the kiosk for a counter service, else the web, when the
/// standard allows them; else the standard's first channel.
pub fn default_channels(standard: &Standard, service_kind: &str) -> Vec<String> {
    let preferred = if service_kind == "sportello" {
        "kiosk"
    } else {
        "web"
    };
    let chosen = [preferred, "web"]
        .into_iter()
        .find(|c| standard.channels.iter().any(|s| s == c))
        .map(str::to_owned)
        .or_else(|| standard.channels.first().cloned())
        .unwrap_or_else(|| "web".to_owned());
    vec![chosen]
}

/// The languages given, with the standard's first when it is missing from them.
pub fn languages(standard: &Standard, given: &[String]) -> Result<Vec<String>, Refusal> {
    let given: Vec<String> = if given.is_empty() {
        DEFAULT_LANGUAGES.iter().map(|l| (*l).to_owned()).collect()
    } else {
        given.to_vec()
    };
    let mut out: Vec<String> = Vec::new();
    for l in given {
        if !(l.len() == 2 && l.chars().all(|c| c.is_ascii_lowercase())) {
            return Err(Refusal(format!(
                "`{l}` is not a language tag: two lowercase letters (ISO 639-1: it en de fr sl)"
            )));
        }
        if !out.contains(&l) {
            out.push(l);
        }
    }
    let missing: Vec<&String> = standard.languages.iter().filter(|l| !out.contains(l)).collect();
    if !missing.is_empty() {
        let missing: Vec<&str> = missing.iter().map(|s| s.as_str()).collect();
        return Err(Refusal(format!(
            "{} requires the languages {}: add them to --languages",
            standard.name,
            missing.join(" ")
        )));
    }
    Ok(out)
}

pub fn channels(standard: &Standard, given: &[String], service_kind: &str) -> Result<Vec<String>, Refusal> {
    if given.is_empty() {
        return Ok(default_channels(standard, service_kind));
    }
    let mut out: Vec<String> = Vec::new();
    for c in given {
        if !standard.channels.contains(c) {
            return Err(Refusal(format!(
                "{} does not allow the channel `{c}`; it allows: {}",
                standard.name,
                standard.channels.join(" ")
            )));
        }
        if !out.contains(c) {
            out.push(c.clone());
        }
    }
    Ok(out)
}

/// The one profile of the standard that covers the kinds; else which profiles exist.
pub fn profile<'c>(
    standard: &'c Standard,
    pa_kind: &Kind,
    service_kind: &Kind,
) -> Result<&'c Profile, Refusal> {
    let found = standard.profiles_for(&pa_kind.id, &service_kind.id);
    match found.as_slice() {
        [one] => Ok(*one),
        [] => Err(Refusal(format!(
            "no profile of {} {} covers a survey of a `{}` about a service of kind `{}`; its profiles:\n{}",
            standard.name,
            standard.version,
            pa_kind.id,
            service_kind.id,
            describe_profiles(standard)
        ))),
        several => {
            let names: Vec<&str> = several.iter().map(|p| p.name.as_str()).collect();
            Err(Refusal(format!(
                "more than one profile of {} {} covers a survey of a `{}` about a service of kind `{}` ({}); its profiles:\n{}",
                standard.name,
                standard.version,
                pa_kind.id,
                service_kind.id,
                names.join(", "),
                describe_profiles(standard)
            )))
        }
    }
}

/// Check every value and choose the profile. `values` must hold the four codes and kinds.
pub fn plan<'c>(catalog: &'c Catalog, values: &Values) -> Result<Plan<'c>, Refusal> {
    let standard = find_standard(catalog, values.standard.as_deref().unwrap_or(DEFAULT_STANDARD))?;
    let pa_kind = find_kind(
        &catalog.pa_kinds,
        values.pa_kind.as_deref().unwrap_or(""),
        "PA kind",
    )?;
    let service_kind = find_kind(
        &catalog.service_kinds,
        values.service_kind.as_deref().unwrap_or(""),
        "service kind",
    )?;
    let profile = profile(standard, pa_kind, service_kind)?;
    let agency = values.agency.clone().unwrap_or_default();
    check_agency(&agency).map_err(Refusal)?;
    let service = values.service.clone().unwrap_or_default();
    check_service(&service).map_err(Refusal)?;
    Ok(Plan {
        standard,
        profile,
        agency,
        pa_kind,
        service,
        service_kind,
        channels: channels(standard, &values.channels, &service_kind.id)?,
        languages: languages(standard, &values.languages)?,
    })
}
