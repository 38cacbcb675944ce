//! Code actions from the diagnostics the client sends back: replace the
//! wrong text with the article's (a wrong date, number, name or place; a
//! near-miss quotation gets the exact words), from the fix each diagnostic
//! carries in `data`; and suppress the code on the next line. The server
//! never edits files itself: the client applies these edits.

use super::diagnostics::Data;
use super::documents::Snapshot;
use crate::position::Encoding;
use std::collections::HashMap;
use tower_lsp::lsp_types::{
    CodeAction, CodeActionKind, CodeActionOrCommand, CodeActionParams, Diagnostic, NumberOrString, Position, Range,
    TextEdit, Url, WorkspaceEdit,
};

pub fn code_actions(uri: &Url, snap: &Snapshot, params: &CodeActionParams, enc: Encoding) -> Vec<CodeActionOrCommand> {
    if let Some(only) = &params.context.only {
        if !only.iter().any(|k| k == &CodeActionKind::QUICKFIX || k.as_str() == "") {
            return Vec::new();
        }
    }
    let conv = snap.conv(enc);
    let edit = |range: Range, new_text: String| WorkspaceEdit {
        changes: Some(HashMap::from([(uri.clone(), vec![TextEdit { range, new_text }])])),
        ..WorkspaceEdit::default()
    };
    let mut fixes = Vec::new();
    let mut suppress = Vec::new();
    let mut seen: Vec<(u32, String)> = Vec::new();
    for d in params
        .context
        .diagnostics
        .iter()
        .filter(|d| d.source.as_deref() == Some("claimlint"))
    {
        let code = match &d.code {
            Some(NumberOrString::String(c)) => c.clone(),
            _ => continue,
        };
        let data: Option<Data> = d.data.clone().and_then(|v| serde_json::from_value(v).ok());
        if let Some(fix) = data.and_then(|d| d.fix) {
            // A fix made stale by later edits no longer matches its text.
            let bytes = conv.byte_range(fix.range);
            if snap
                .rope
                .get_byte_slice(bytes)
                .is_some_and(|s| s == fix.original.as_str())
            {
                let title = if code == "misquote" {
                    format!("Quote the article exactly: “{}”", fix.new_text)
                } else {
                    format!("Replace “{}” with the article's “{}”", fix.original, fix.new_text)
                };
                fixes.push(action(title, d, edit(fix.range, fix.new_text), true));
            }
        }
        let line = d.range.start.line;
        if seen.contains(&(line, code.clone())) {
            continue;
        }
        seen.push((line, code.clone()));
        let indent = line_indent(snap, line);
        let comment = format!("{indent}<!-- claimlint-disable-next-line {code} -->\n");
        let at = Range::new(Position::new(line, 0), Position::new(line, 0));
        suppress.push(action(
            format!("Suppress {code} on the next line"),
            d,
            edit(at, comment),
            false,
        ));
    }
    fixes
        .into_iter()
        .chain(suppress)
        .map(CodeActionOrCommand::CodeAction)
        .collect()
}

fn action(title: String, d: &Diagnostic, edit: WorkspaceEdit, preferred: bool) -> CodeAction {
    CodeAction {
        title,
        kind: Some(CodeActionKind::QUICKFIX),
        diagnostics: Some(vec![d.clone()]),
        edit: Some(edit),
        is_preferred: preferred.then_some(true),
        ..CodeAction::default()
    }
}

/// The blanks a line starts with, so the comment sits at the same depth.
fn line_indent(snap: &Snapshot, line: u32) -> String {
    let Some(text) = snap.rope.get_line(line as usize) else {
        return String::new();
    };
    text.chars().take_while(|&c| c == ' ' || c == '\t').collect()
}
