//! Benchmarks of parse + check (the whole front end) on the examples and on generated
//! surveys of growing size, to see how the cost grows with the input.

mod common;

use common::{examples, generated};
use rileva_compiler::compile;

fn main() {
    divan::main();
}

#[divan::bench]
fn all_examples(bencher: divan::Bencher) {
    let inputs = examples();
    bencher.bench(|| compile(divan::black_box(&inputs), &[]));
}

#[divan::bench(args = [10, 100, 1000, 4000, 10000])]
fn generated_survey(bencher: divan::Bencher, n: usize) {
    let input = [generated(n)];
    bencher.bench(|| compile(divan::black_box(&input), &[]));
}
