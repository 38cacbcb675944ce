//! Coverage, which a summary needs and no other tool gives: a code lens on
//! the note's first line ("covers 5 of 8 sections, 2 of 9 key claims") and on
//! each top-level heading (the same for its part of the note), and the
//! `claimlint.showUncovered` command that lists what is not covered yet.

use super::config::World;
use super::diagnostics::{article_link, Analysis};
use crate::finding::ArticleSpan;
use crate::insight::{self, Coverage};
use crate::position::Encoding;
use crate::span::NoteSpan;
use serde_json::{json, Value};
use tower_lsp::lsp_types::{CodeLens, Command, Position, Range, Url};

pub const SHOW_UNCOVERED: &str = "claimlint.showUncovered";

fn title(cov: &Coverage) -> String {
    format!(
        "covers {} of {} sections, {} of {} key claims",
        cov.sections_covered(),
        cov.sections.len(),
        cov.key_covered(),
        cov.key_claims.len()
    )
}

pub fn code_lenses(world: &World, an: &Analysis, uri: &Url, enc: Encoding) -> Vec<CodeLens> {
    if !an.checked {
        return Vec::new();
    }
    let engine = &world.engine;
    let text = an.text();
    let conv = an.conv(enc);
    let whole = insight::coverage(engine, text, an.read(), NoteSpan::new(0, text.len()));
    let lens = |line: u32, title: String, args: Vec<Value>| CodeLens {
        range: Range::new(Position::new(line, 0), Position::new(line, 0)),
        command: Some(Command {
            title,
            command: SHOW_UNCOVERED.into(),
            arguments: Some(args),
        }),
        data: None,
    };
    let mut out = vec![lens(0, title(&whole), vec![json!(uri)])];
    let heads = insight::headings(text, an.masked());
    let Some(top) = heads.iter().map(|h| h.level).min() else {
        return out;
    };
    let tops: Vec<&insight::Heading> = heads.iter().filter(|h| h.level == top).collect();
    for h in &tops {
        let cov = insight::coverage(engine, text, an.read(), NoteSpan::new(h.range.start, h.part_end));
        // A single heading on the first line heads the whole note: its lens would repeat the note's.
        if tops.len() == 1 && cov == whole && conv.position(h.range.start).line == 0 {
            continue;
        }
        let line = conv.position(h.range.start).line;
        out.push(lens(
            line,
            format!("this part {}", title(&cov)),
            vec![json!(uri), json!({ "line": line })],
        ));
    }
    out
}

/// What a note (or the part under the heading on `line`) does not cover:
/// Markdown by default, a JSON object with `"format": "json"`.
pub fn show_uncovered(world: &World, an: &Analysis, line: Option<u32>, json_format: bool, enc: Encoding) -> Value {
    let engine = &world.engine;
    let base = &engine.base;
    let text = an.text();
    let mut range = NoteSpan::new(0, text.len());
    let mut scope = "The note".to_string();
    if let Some(line) = line {
        let start = an.conv(enc).offset(Position::new(line, 0)).unwrap_or(text.len());
        if let Some(h) = insight::headings(text, an.masked())
            .into_iter()
            .find(|h| h.range.start == start)
        {
            scope = format!("The part “{}”", h.title);
            range = NoteSpan::new(h.range.start, h.part_end);
        }
    }
    let cov = insight::coverage(engine, text, an.read(), range);
    let sections = cov.uncovered_sections();
    let claims = cov.uncovered_key_claims();
    if json_format {
        return json!({
            "sectionsCovered": cov.sections_covered(),
            "sectionsTotal": cov.sections.len(),
            "keyClaimsCovered": cov.key_covered(),
            "keyClaimsTotal": cov.key_claims.len(),
            "uncoveredSections": sections.iter().map(|&s| json!({
                "id": base.sections[s].id, "title": base.sections[s].display(),
            })).collect::<Vec<_>>(),
            "uncoveredKeyClaims": claims.iter().map(|&c| json!({
                "id": base.claims[c].id,
                "summary": base.claims[c].summary,
                "section": base.sections[base.claims[c].section].display(),
            })).collect::<Vec<_>>(),
        });
    }
    // " ([article](...))" after an item the article holds.
    let link = |span: Option<&Option<ArticleSpan>>| {
        (span.cloned().flatten())
            .and_then(|span| article_link(world, span.line))
            .map(|l| format!(" ([article]({l}))"))
            .unwrap_or_default()
    };
    let mut md = format!("# What the note does not cover yet\n\n{scope} {}.\n", title(&cov));
    md.push_str("\n## Sections not touched\n\n");
    if sections.is_empty() {
        md.push_str("None: every section is touched.\n");
    }
    for &s in &sections {
        let sec = &base.sections[s];
        let link = link(engine.section_spans.get(s));
        md.push_str(&format!("- **{}**{link}: {}\n", sec.display(), sec.summary.trim()));
    }
    md.push_str("\n## Key claims not touched\n\n");
    if claims.is_empty() {
        md.push_str(if cov.key_claims.is_empty() {
            "The claim base marks no key claims.\n"
        } else {
            "None: every key claim is touched.\n"
        });
    }
    for &c in &claims {
        let claim = &base.claims[c];
        let link = link(engine.claim_spans.get(c));
        md.push_str(&format!(
            "- `{}` (*{}*){link}: {}\n",
            claim.id,
            base.sections[claim.section].display(),
            claim.summary.trim()
        ));
    }
    Value::String(md)
}
