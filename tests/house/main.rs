//! The house for the next engineer: tests that fail when a step of CONTRIBUTING.md is
//! forgotten or a doc drifts from the code. Rule tables against the rule files
//! (`rules.rs`), docs against the code registry and the stages (`docs.rs`), doc examples
//! against their codes (`examples.rs`), references inside the repository (`references.rs`),
//! the JSON positions convention (`positions.rs`), the command line against the README
//! (`commands.rs`), CONTRIBUTING.md's files and tests against the repository
//! (`contributing.rs`).

#[path = "../common/mod.rs"]
mod common;

mod commands;
mod contributing;
mod docs;
mod examples;
mod positions;
mod references;
mod rules;
mod scan;
