//! Completion: section titles after `§` or inside `[[`, entity names with
//! their roles elsewhere.

use super::config::World;
use super::documents::Snapshot;
use crate::insight::{self, CompletionKind};
use crate::position::Encoding;
use tower_lsp::lsp_types::{CompletionItem, CompletionItemKind, CompletionTextEdit, Documentation, Position, TextEdit};

pub fn completion(world: &World, snap: &Snapshot, pos: Position, enc: Encoding) -> Vec<CompletionItem> {
    let conv = snap.conv(enc);
    let Some(at) = conv.offset(pos) else {
        return Vec::new();
    };
    // What is completed lies on the cursor's line: read that line alone.
    let line = snap.rope.byte_to_line(at);
    let start = snap.rope.line_to_byte(line);
    let text = snap.rope.line(line).to_string();
    insight::completions(&world.engine.base, &text, at - start)
        .into_iter()
        .map(|c| {
            let section = c.kind == CompletionKind::Section;
            let (detail, documentation) = if section {
                (Some("section".to_string()), c.detail.clone().map(Documentation::String))
            } else {
                (c.detail.clone(), None)
            };
            CompletionItem {
                label: c.label.clone(),
                kind: Some(if section {
                    CompletionItemKind::REFERENCE
                } else {
                    CompletionItemKind::VALUE
                }),
                detail,
                documentation,
                filter_text: Some(c.label.clone()),
                text_edit: Some(CompletionTextEdit::Edit(TextEdit {
                    range: conv.range(c.replace.shifted(start as isize).range()),
                    new_text: c.insert.clone(),
                })),
                ..CompletionItem::default()
            }
        })
        .collect()
}
