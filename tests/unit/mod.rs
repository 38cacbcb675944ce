//! Tests of single modules of the library, through its public items.

mod claims_stemmed;
mod config;
mod finding;
mod fsread;
mod insight_completion;
mod insight_coverage;
mod insight_headings;
mod lsp_capabilities;
mod lsp_config;
mod lsp_diagnostics;
mod lsp_documents;
mod lsp_encoding;
mod lsp_transport;
mod note;
mod note_negation;
mod policy;
mod position;
mod reading;
mod resolve;
mod span;
mod suppress;
mod values_dates;
mod values_numbers;
mod word_classes;
