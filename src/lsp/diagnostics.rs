//! A note's analysis (its reading and its findings at one version), and the
//! findings as LSP diagnostics: code, documentation link, related information
//! pointing at the article passage and naming the claim, and `data` carrying
//! the fix so code actions need no recomputation.

use super::config::World;
use super::documents::Snapshot;
use super::encoding::Conv;
use crate::finding::{Finding, Severity};
use crate::note::{self, ReadNote};
use crate::position::Encoding;
use serde::{Deserialize, Serialize};
use tower_lsp::lsp_types::{
    CodeDescription, Diagnostic, DiagnosticRelatedInformation, DiagnosticSeverity, Location, NumberOrString, Range, Url,
};

/// Where each code is documented.
pub const DOCS: &str = "https://github.com/claimlint/claimlint/blob/main/docs/lsp.md";

/// A note read and checked at one version, against one world.
pub struct Analysis {
    pub snap: Snapshot,
    pub generation: u64,
    /// Is the document a note (checked at all)?
    pub checked: bool,
    pub read: ReadNote,
    pub findings: Vec<Finding>,
}

impl Analysis {
    pub fn new(world: &World, snap: Snapshot, checked: bool) -> Analysis {
        let (read, findings) = if checked {
            (
                note::read(&snap.text),
                world.engine.check_with(&snap.text, &world.options),
            )
        } else {
            (
                ReadNote {
                    masked: String::new(),
                    sentences: Vec::new(),
                },
                Vec::new(),
            )
        };
        Analysis {
            snap,
            generation: world.generation,
            checked,
            read,
            findings,
        }
    }

    pub fn text(&self) -> &str {
        &self.snap.text
    }

    pub fn conv(&self, enc: Encoding) -> Conv<'_> {
        self.snap.conv(enc)
    }
}

/// What a diagnostic carries in `data`.
#[derive(Clone, Debug, Serialize, Deserialize, PartialEq)]
pub struct Data {
    pub claim: Option<String>,
    pub section: Option<String>,
    pub version: i32,
    pub fix: Option<FixData>,
}

#[derive(Clone, Debug, Serialize, Deserialize, PartialEq)]
#[serde(rename_all = "camelCase")]
pub struct FixData {
    pub range: Range,
    pub new_text: String,
    /// The text the fix replaces, to tell a fix made stale by later edits.
    pub original: String,
}

pub fn severity(s: Severity) -> DiagnosticSeverity {
    match s {
        Severity::Error => DiagnosticSeverity::ERROR,
        Severity::Warning => DiagnosticSeverity::WARNING,
        Severity::Information => DiagnosticSeverity::INFORMATION,
        Severity::Hint => DiagnosticSeverity::HINT,
    }
}

/// The article's location of a byte range, when the article is known.
pub fn article_location(world: &World, range: std::ops::Range<usize>, enc: Encoding) -> Option<Location> {
    let a = world.engine.article.as_ref()?;
    let uri = world.article_uri.clone()?;
    let conv = Conv::new(&a.text, &a.index, enc);
    Some(Location::new(uri, conv.range(range)))
}

/// A link to a line of the article (1-based in the fragment, as editors read it).
pub fn article_link(world: &World, line: u32) -> Option<Url> {
    let mut uri = world.article_uri.clone()?;
    uri.set_fragment(Some(&format!("L{}", line + 1)));
    Some(uri)
}

pub fn to_diagnostic(world: &World, an: &Analysis, f: &Finding, enc: Encoding) -> Diagnostic {
    let conv = an.conv(enc);
    let base = &world.engine.base;
    let section_name = f
        .section
        .as_deref()
        .and_then(|s| base.section_by_id(s))
        .map(|s| base.sections[s].display().to_string());
    // The passage of the claim; else the heading of the section the finding names.
    let passage = f.article.clone().or_else(|| {
        let id = base.section_by_id(f.section.as_deref()?)?;
        world.engine.section_spans.get(id).cloned().flatten()
    });
    let related = passage.and_then(|span| {
        let location = article_location(world, span.range.clone(), enc)?;
        let mut message = format!("the article, {}", section_name.as_deref().unwrap_or("this passage"));
        if let Some(c) = &f.claim {
            message.push_str(&format!(" (claim {c})"));
        }
        Some(vec![DiagnosticRelatedInformation { location, message }])
    });
    let fix = f.fix.as_ref().map(|fix| FixData {
        range: conv.range(fix.range.clone()),
        new_text: fix.replacement.clone(),
        original: an.text().get(fix.range.clone()).unwrap_or_default().to_string(),
    });
    let data = Data {
        claim: f.claim.clone(),
        section: f.section.clone(),
        version: an.snap.version,
        fix,
    };
    Diagnostic {
        range: conv.range(f.range.clone()),
        severity: Some(severity(f.severity)),
        code: Some(NumberOrString::String(f.code.as_str().to_string())),
        code_description: Url::parse(&format!("{DOCS}#{}", f.code.as_str()))
            .ok()
            .map(|href| CodeDescription { href }),
        source: Some("claimlint".into()),
        message: f.message.clone(),
        related_information: related,
        tags: None,
        data: serde_json::to_value(data).ok(),
    }
}

pub fn diagnostics(world: &World, an: &Analysis, enc: Encoding) -> Vec<Diagnostic> {
    an.findings.iter().map(|f| to_diagnostic(world, an, f, enc)).collect()
}

/// The identifier of a pull report: the world and the version it was made for.
pub fn result_id(an: &Analysis) -> String {
    format!("{}:{}", an.generation, an.snap.version)
}
