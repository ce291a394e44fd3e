//! Helpers shared by the integration tests: the example surveys compiled to IR, and the
//! response generator. Include with `mod support;` (each test crate uses a part of it).
#![allow(dead_code)]

pub mod generate;
pub mod surveys;
