//! claimlint: checks analysts' Markdown notes against the structured claims
//! of one article. The core (claim base, article, note reader, rules,
//! engine) is plain functions from text to findings; `cli` and `lsp` only
//! translate.

pub mod article;
pub mod audit;
pub mod claims;
pub mod config;
pub mod engine;
pub mod finding;
pub mod fsread;
pub mod insight;
pub mod lsp;
pub mod matcher;
pub mod note;
pub mod policy;
pub mod position;
pub mod quotations;
pub mod reading;
pub mod resolve;
pub mod rules;
pub mod span;
pub mod stderr;
pub mod suppress;
pub mod text;
pub mod values;
pub mod word_classes;

pub use engine::{Engine, Options};
pub use finding::{Code, Finding, Severity};
