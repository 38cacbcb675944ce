//! Values written in words: dates and quantities. The claim base parses its
//! values with these readers and the rules find them in a note's sentences
//! with the same ones, so a value means the same thing on both sides; both
//! `claims` and the rules depend on this module, and it on neither.

pub mod dates;
pub mod numbers;
