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
            selection_range: conv.range(h.range.range()),
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
    // Sections, then claims: (name, what else matches, place in the article, kind, container).
    let sections = base.sections.iter().enumerate().map(|(i, s)| {
        let name = s.display().to_string();
        let found = wanted(&name) || wanted(&s.id);
        (
            name,
            found,
            engine.section_spans.get(i),
            SymbolKind::NAMESPACE,
            base.title.clone(),
        )
    });
    let claims = base.claims.iter().enumerate().map(|(i, c)| {
        let name = format!("{}: {}", c.id, c.summary.trim());
        let kind = if c.key { SymbolKind::KEY } else { SymbolKind::STRING };
        let container = base.sections[c.section].display().to_string();
        (name.clone(), wanted(&name), engine.claim_spans.get(i), kind, container)
    });
    sections
        .chain(claims)
        .filter(|(_, found, ..)| *found)
        .filter_map(|(name, _, span, kind, container)| {
            let location = article_location(world, span?.as_ref()?.range.clone(), enc)?;
            #[allow(deprecated)]
            Some(SymbolInformation {
                name,
                kind,
                tags: None,
                deprecated: None,
                location,
                container_name: Some(container),
            })
        })
        .collect()
}
