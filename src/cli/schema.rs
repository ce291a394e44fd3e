//! `rileva schema ir|diagnostics|kiosk-layout|report`: JSON Schemas of rileva's own formats.

use super::{render, CliError, SchemaArg, Status};
use rileva_compiler::ir;

pub fn run(which: SchemaArg) -> Result<Status, CliError> {
    let schema = match which {
        SchemaArg::Ir => schemars::schema_for!(ir::Survey),
        SchemaArg::Diagnostics => schemars::schema_for!(render::JsonReport),
        SchemaArg::KioskLayout => rileva_targets::kiosk::layout_schema(),
        SchemaArg::Report => rileva_platform::report::schema(),
    };
    let text = serde_json::to_string_pretty(&schema).map_err(|e| e.to_string())?;
    println!("{text}");
    Ok(Status::Ok)
}
