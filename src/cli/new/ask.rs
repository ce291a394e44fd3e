//! `rileva new` in a terminal: asks for each value not given as a flag, in turn, listing the
//! choices with their labels (dialoguer prompts; type to filter a list, Enter to choose).

use super::plan::{self, describe_kind, describe_standard, Values, DEFAULT_STANDARD};
use dialoguer::{theme::ColorfulTheme, FuzzySelect, Input, MultiSelect};
use rileva_compiler::catalog::{Catalog, Kind};

/// Ask for every missing value. `Err` when the terminal is closed or the user interrupts.
pub fn fill(catalog: &Catalog, values: &mut Values) -> Result<(), String> {
    let theme = ColorfulTheme::default();
    let err = |e: dialoguer::Error| format!("nothing written: {e}");
    eprintln!("rileva new: type to filter a list, Enter to choose; Space ticks a channel.");
    if values.standard.is_none() {
        let items: Vec<String> = catalog
            .standards
            .iter()
            .map(|s| fit(&describe_standard(s)))
            .collect();
        let default = catalog
            .standards
            .iter()
            .position(|s| s.name == DEFAULT_STANDARD)
            .unwrap_or(0);
        let i = FuzzySelect::with_theme(&theme)
            .with_prompt("Standard")
            .items(&items)
            .default(default)
            .interact()
            .map_err(err)?;
        values.standard = catalog.standards.get(i).map(|s| s.name.clone());
    }
    if values.pa_kind.is_none() {
        values.pa_kind =
            Some(kind(&theme, "Kind of administration (PA kind)", &catalog.pa_kinds).map_err(err)?);
    }
    if values.service_kind.is_none() {
        values.service_kind = Some(kind(&theme, "Kind of service", &catalog.service_kinds).map_err(err)?);
    }
    // No profile for these kinds: ask nothing more, the plan says which profiles exist.
    let standard = catalog.standard(values.standard.as_deref().unwrap_or(DEFAULT_STANDARD));
    let (pa_kind, service_kind) = (
        values.pa_kind.as_deref().unwrap_or(""),
        values.service_kind.as_deref().unwrap_or(""),
    );
    if standard.map_or(true, |s| s.profiles_for(pa_kind, service_kind).len() != 1) {
        return Ok(());
    }
    if values.agency.is_none() {
        let code: String = Input::with_theme(&theme)
            .with_prompt("IPA code of the administration (e.g. c_h501, inps)")
            .validate_with(|s: &String| plan::check_agency(s))
            .interact_text()
            .map_err(err)?;
        values.agency = Some(code);
    }
    if values.service.is_none() {
        let code: String = Input::with_theme(&theme)
            .with_prompt("Code of the service (e.g. certificati-anagrafici)")
            .validate_with(|s: &String| plan::check_service(s))
            .interact_text()
            .map_err(err)?;
        values.service = Some(code);
    }
    if let (Some(standard), true) = (standard, values.channels.is_empty()) {
        let defaults = plan::default_channels(standard, service_kind);
        let checked: Vec<bool> = standard.channels.iter().map(|c| defaults.contains(c)).collect();
        let chosen = MultiSelect::with_theme(&theme)
            .with_prompt("Channels")
            .items(&standard.channels)
            .defaults(&checked)
            .interact()
            .map_err(err)?;
        values.channels = chosen
            .into_iter()
            .filter_map(|i| standard.channels.get(i).cloned())
            .collect();
    }
    if values.languages.is_empty() {
        let languages: String = Input::with_theme(&theme)
            .with_prompt("Languages, the first is the default")
            .default(plan::DEFAULT_LANGUAGES.join(" "))
            .interact_text()
            .map_err(err)?;
        values.languages = languages.split_whitespace().map(str::to_owned).collect();
    }
    Ok(())
}

fn kind(theme: &ColorfulTheme, prompt: &str, kinds: &[Kind]) -> Result<String, dialoguer::Error> {
    let items: Vec<String> = kinds.iter().map(|k| fit(&describe_kind(k))).collect();
    let i = FuzzySelect::with_theme(theme)
        .with_prompt(prompt)
        .items(&items)
        .default(0)
        .interact()?;
    Ok(kinds.get(i).map(|k| k.id.clone()).unwrap_or_default())
}

/// A choice cut to the terminal's width: a wrapped line would break the list's redraw.
fn fit(item: &str) -> String {
    let width = usize::from(dialoguer::console::Term::stderr().size().1)
        .saturating_sub(16)
        .max(40);
    if item.chars().count() <= width {
        return item.to_owned();
    }
    let mut cut: String = item.chars().take(width - 1).collect();
    cut.push('…');
    cut
}
