//! Document links: every section reference the article has becomes a link
//! to the line of that section's heading.

use super::config::World;
use super::diagnostics::{article_link, Analysis};
use crate::matcher::refs::find_refs;
use crate::position::Encoding;
use tower_lsp::lsp_types::DocumentLink;

pub fn links(world: &World, an: &Analysis, enc: Encoding) -> Vec<DocumentLink> {
    let engine = &world.engine;
    let conv = an.conv(enc);
    let mut out = Vec::new();
    for &s in an.sentence_ranges() {
        for r in find_refs(an.masked(), s, &engine.base) {
            let Some(id) = r.section else { continue };
            let Some(span) = engine.section_spans.get(id).cloned().flatten() else {
                continue;
            };
            let Some(target) = article_link(world, span.line) else {
                continue;
            };
            out.push(DocumentLink {
                range: conv.range(r.range.range()),
                target: Some(target),
                tooltip: Some(format!("Open “{}” in the article", engine.base.sections[id].display())),
                data: None,
            });
        }
    }
    out
}
