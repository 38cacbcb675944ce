//! What an editor shows beside the findings, computed from the engine, one
//! file per feature as in `lsp/`: what stands at a place of the note and
//! where in the article it leads (`spot`), how much of the article a note
//! covers (`coverage`), the note's own headings (`headings`) and completions
//! (`completion`). Pure: note text and byte offsets in, plain data out; no
//! protocol types (the language server formats these).

mod completion;
mod coverage;
mod headings;
mod spot;

pub use completion::{completions, Completion, CompletionKind};
pub use coverage::{coverage, touched_claims, Coverage};
pub use headings::{headings, Heading};
pub use spot::{claims_of_entity, passage, spot_in, Spot, Subject};
