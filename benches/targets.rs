//! Benchmarks of the back ends: every target built from the IR of the largest example and of
//! generated surveys of growing size (the front end is measured in `compile.rs`).

mod common;

use common::{examples, generated};
use rileva_compiler::{compile, ir};
use rileva_targets::{Options, Target};

fn main() {
    divan::main();
}

fn lowered(input: rileva_compiler::Input) -> ir::Survey {
    let c = compile(&[input], &[]);
    assert!(!c.has_errors(), "{:?}", c.diagnostics);
    c.surveys.into_iter().next().expect("one survey")
}

/// The example with the most questions.
fn largest_example() -> ir::Survey {
    examples()
        .into_iter()
        .map(lowered)
        .max_by_key(|s| s.questions.len())
        .expect("examples")
}

fn data_targets(survey: &ir::Survey) -> usize {
    let options = Options::default();
    [Target::JsonSchema, Target::Sql]
        .iter()
        .map(|t| t.emit(survey, &options).len())
        .sum()
}

fn all_targets(survey: &ir::Survey) -> usize {
    let options = Options::default();
    Target::ALL.iter().map(|t| t.emit(survey, &options).len()).sum()
}

#[divan::bench]
fn data_targets_largest_example(bencher: divan::Bencher) {
    let survey = largest_example();
    bencher.bench(|| data_targets(divan::black_box(&survey)));
}

#[divan::bench]
fn all_targets_largest_example(bencher: divan::Bencher) {
    let survey = largest_example();
    bencher.bench(|| all_targets(divan::black_box(&survey)));
}

#[divan::bench(args = [10, 100, 1000])]
fn data_targets_generated(bencher: divan::Bencher, n: usize) {
    let survey = lowered(generated(n));
    bencher.bench(|| data_targets(divan::black_box(&survey)));
}

#[divan::bench(args = [10, 100, 1000])]
fn all_targets_generated(bencher: divan::Bencher, n: usize) {
    let survey = lowered(generated(n));
    bencher.bench(|| all_targets(divan::black_box(&survey)));
}
