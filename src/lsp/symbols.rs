//! Symbols: the note's own headings (`textDocument/documentSymbol`), and the
//! article's sections and claims (`workspace/symbol`).

use super::config::World;
use super::diagnostics::{article_location, Analysis};
use crate::insight;
use crate::position::Encoding;
use tower_lsp::lsp_types::{DocumentSymbol, SymbolInformation, SymbolKind};

/// The note's headings, nested by level.
pub fn document_symbols(an: &Analysis, enc: Encoding) -> Vec<DocumentSymbol> {
    let conv = an.conv(enc);
    let heads = insight::headings(an.text(), an.masked());
    // Build bottom-up: a stack of (level, symbol) whose children are still open.
    let mut stack: Vec<(u8, DocumentSymbol)> = Vec::new();
    let mut roots: Vec<DocumentSymbol> = Vec::new();
    let close = |stack: &mut Vec<(u8, DocumentSymbol)>, roots: &mut Vec<DocumentSymbol>| {
        if let Some((_, sym)) = stack.pop() {
            match stack.last_mut() {
                Some((_, parent)) => parent.children.get_or_insert_with(Vec::new).push(sym),
                None => roots.push(sym),
            }
        }
    };
    for h in heads {
        while stack.last().is_some_and(|(l, _)| *l >= h.level) {
            close(&mut stack, &mut roots);
        }
        let end = an.text()[..h.part_end].trim_end().len().max(h.range.end);
        #[allow(deprecated)]
        let sym = DocumentSymbol {
            name: if h.title.is_empty() {
                "(untitled)".into()
            } else {
                h.title.clone()
            },
            detail: Some("#".repeat(h.level as usize)),
            kind: SymbolKind::STRING,
            tags: None,
            deprecated: None,
            range: conv.range(h.range.start..end),
            selection_range: conv.range(h.range.clone()),
            children: None,
        };
        stack.push((h.level, sym));
    }
    while !stack.is_empty() {
        close(&mut stack, &mut roots);
    }
    roots
}

/// The article's sections and claims whose names hold the query (any case);
/// only those the article places (a symbol needs a location).
pub fn workspace_symbols(world: &World, query: &str, enc: Encoding) -> Vec<SymbolInformation> {
    let engine = &world.engine;
    let base = &engine.base;
    let q = query.to_lowercase();
    let wanted = |name: &str| q.is_empty() || name.to_lowercase().contains(&q);
    let mut out = Vec::new();
    for (i, s) in base.sections.iter().enumerate() {
        let name = s.display().to_string();
        if !wanted(&name) && !wanted(&s.id) {
            continue;
        }
        let Some(span) = engine.section_spans.get(i).cloned().flatten() else {
            continue;
        };
        let Some(location) = article_location(world, span.range, enc) else {
            continue;
        };
        #[allow(deprecated)]
        out.push(SymbolInformation {
            name,
            kind: SymbolKind::NAMESPACE,
            tags: None,
            deprecated: None,
            location,
            container_name: Some(base.title.clone()),
        });
    }
    for (i, c) in base.claims.iter().enumerate() {
        let name = format!("{}: {}", c.id, c.summary.trim());
        if !wanted(&name) {
            continue;
        }
        let Some(span) = engine.claim_spans.get(i).cloned().flatten() else {
            continue;
        };
        let Some(location) = article_location(world, span.range, enc) else {
            continue;
        };
        #[allow(deprecated)]
        out.push(SymbolInformation {
            name,
            kind: if c.key { SymbolKind::KEY } else { SymbolKind::STRING },
            tags: None,
            deprecated: None,
            location,
            container_name: Some(base.sections[c.section].display().to_string()),
        });
    }
    out
}
