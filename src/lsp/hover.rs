//! Hover: over a flagged span, why and what the article says instead; over an
//! entity, a section reference, a date or number a claim knows, a quotation or
//! a claim-bearing phrase, a short card of what the article says, each point
//! with its section and a link to its line in the article.

use super::config::World;
use super::diagnostics::{article_link, Analysis};
use crate::claims::Check;
use crate::insight::{self, Subject};
use crate::position::Encoding;
use crate::span::NoteSpan;
use tower_lsp::lsp_types::{Hover, HoverContents, MarkupContent, MarkupKind, Position};

/// The hover card at `pos`: Markdown, or plain text for a client whose
/// `contentFormat` does not accept Markdown (`markdown` false).
pub fn hover(world: &World, an: &Analysis, pos: Position, enc: Encoding, markdown: bool) -> Option<Hover> {
    if !an.checked {
        return None;
    }
    let conv = an.conv(enc);
    let at = conv.offset(pos)?;
    let engine = &world.engine;
    let mut parts: Vec<String> = Vec::new();
    let mut range: Option<NoteSpan> = None;
    for f in an.findings.iter().filter(|f| f.range.start <= at && at <= f.range.end) {
        let mut card = format!(
            "**{}** ({}): {}\n\n*Certainty* {}",
            f.code,
            f.severity.as_str(),
            f.message,
            f.why_line()
        );
        // (a certain finding shown as a warning says why: the policy's figures)
        if let Some(reason) = crate::policy::bundled().reason(f.code, f.certainty, f.severity) {
            card.push_str(&format!("; {reason}"));
        }
        let section = f.section.as_deref().and_then(|s| engine.base.section_by_id(s));
        if let Some(c) = f.claim.as_deref().and_then(|id| engine.base.claim_by_id(id)) {
            card.push_str(&format!("\n\nThe article: {}", claim_line(world, c)));
        } else if let Some(span) = &f.article {
            if let Some(link) = article_link(world, span.line) {
                card.push_str(&format!(
                    "\n\n[The passage in the article, line {}]({link})",
                    span.line + 1
                ));
            }
        } else if let Some(id) = section {
            let span = engine.section_spans.get(id).cloned().flatten();
            if let Some(link) = span.and_then(|span| article_link(world, span.line)) {
                card.push_str(&format!(
                    "\n\n[“{}” in the article]({link})",
                    engine.base.sections[id].display()
                ));
            }
        }
        parts.push(card);
        range = Some(range.map_or(f.range, |r| r.cover(f.range)));
    }
    // Claims the flags already explain are not repeated in the card.
    let explained: Vec<usize> = an
        .findings
        .iter()
        .filter(|f| f.range.start <= at && at <= f.range.end)
        .filter_map(|f| f.claim.as_deref())
        .filter_map(|id| engine.base.claims.iter().position(|c| c.id == id))
        .collect();
    let spot = an
        .sentence_at(at)
        .and_then(|s| insight::spot_in(engine, an.text(), an.masked(), &s, at));
    if let Some(spot) = spot {
        if let Some(card) = card(world, &spot, &explained) {
            parts.push(card);
            range = Some(range.map_or(spot.range, |r| r.cover(spot.range)));
        }
    }
    let range = range?;
    let value = parts.join("\n\n---\n\n");
    let (kind, value) = if markdown {
        (MarkupKind::Markdown, value)
    } else {
        (MarkupKind::PlainText, plain(&value))
    };
    Some(Hover {
        contents: HoverContents::Markup(MarkupContent { kind, value }),
        range: Some(conv.range(range.range())),
    })
}

/// "Summary — *Section* ([line N](link))" for a claim.
fn claim_line(world: &World, c: &crate::claims::Claim) -> String {
    let base = &world.engine.base;
    let section = base.sections[c.section].display();
    let idx = base.claims.iter().position(|x| std::ptr::eq(x, c));
    let link = idx
        .and_then(|i| world.engine.claim_spans.get(i).cloned().flatten())
        .and_then(|span| article_link(world, span.line).map(|l| format!(" ([line {}]({l}))", span.line + 1)))
        .unwrap_or_default();
    format!("{} — *{section}*{link}", c.summary.trim())
}

fn claim_list(world: &World, claims: &[usize], limit: usize) -> String {
    let base = &world.engine.base;
    let mut s = String::new();
    for &c in claims.iter().take(limit) {
        s.push_str(&format!("\n- {}", claim_line(world, &base.claims[c])));
    }
    if claims.len() > limit {
        s.push_str(&format!("\n- and {} more", claims.len() - limit));
    }
    s
}

/// The card of what stands under the cursor; `None` when it would say
/// nothing the flags do not (`explained`: claims they already cite).
fn card(world: &World, spot: &insight::Spot, explained: &[usize]) -> Option<String> {
    let engine = &world.engine;
    let base = &engine.base;
    let unexplained = |claims: &[usize]| claims.iter().any(|c| !explained.contains(c));
    Some(match &spot.subject {
        Subject::Section {
            name, section: None, ..
        } => {
            let titles: Vec<&str> = base
                .sections
                .iter()
                .filter(|s| !s.title.is_empty())
                .map(|s| s.title.as_str())
                .collect();
            format!(
                "**{name}**: the article has no such section. Its sections: {}.",
                titles.join(", ")
            )
        }
        Subject::Section {
            name,
            section: Some(id),
            also,
        } => {
            let s = &base.sections[*id];
            let n = base.claims.iter().filter(|c| c.section == *id).count();
            let mut card = format!(
                "**§ {}**: section {} of {} of the article\n\n{}\n\n{n} claims in the claim base",
                s.display(),
                id + 1,
                base.sections.len(),
                s.summary.trim()
            );
            // "IV": counted from the first titled section, another one.
            if let Some(a) = also {
                card.push_str(&format!(
                    "\n\n(“{name}” counted from the first titled section, not the opening: **§ {}**.)",
                    base.sections[*a].display()
                ));
            }
            if let Some(link) = engine
                .section_spans
                .get(*id)
                .cloned()
                .flatten()
                .and_then(|span| article_link(world, span.line))
            {
                card.push_str(&format!(" · [open in the article]({link})"));
            }
            card.push_str(&article_named(
                world,
                engine.section_spans.get(*id).cloned().flatten().map(|s| s.line),
            ));
            card
        }
        Subject::Quote { text, claim, article } => {
            let mut card = format!("**Quotation** “{text}”");
            match claim.map(|c| &base.claims[c]) {
                Some(c) => {
                    if let Check::Quote { quote, speaker } = &c.check {
                        // No speaker: the article's own words in quotation marks.
                        let who = speaker
                            .map(|e| format!(" {}:", base.entities[e].name()))
                            .unwrap_or_default();
                        card.push_str(&format!("\n\nThe article quotes{who} “{quote}”"));
                    }
                    card.push_str(&format!("\n\n{}", claim_line(world, c)));
                }
                None if article.is_some() => card.push_str("\n\nThe article holds these words."),
                None if engine.article.is_some() => {
                    card.push_str("\n\nThe article does not hold these words word for word.")
                }
                None => {
                    card.push_str("\n\nNo quotation of the claim base holds these words (the article is not loaded).")
                }
            }
            if let (Some(r), Some(a)) = (article, engine.article.as_ref()) {
                let (line, _) = a.line_col(r.start);
                if let Some(link) = article_link(world, line) {
                    card.push_str(&format!(" [Line {}]({link})", line + 1));
                }
            }
            card
        }
        Subject::Entity(e) => {
            let ent = &base.entities[*e];
            let claims = insight::claims_of_entity(base, *e, &spot.active);
            if ent.summary.is_none() && claims.is_empty() {
                return None;
            }
            let mut card = format!("**{}**", ent.name());
            if !ent.role_names.is_empty() {
                card.push_str(&format!(
                    " ({})",
                    ent.role_names.iter().take(3).cloned().collect::<Vec<_>>().join(", ")
                ));
            }
            if let Some(s) = &ent.summary {
                card.push_str(&format!("\n\n{}", s.trim()));
            }
            if !claims.is_empty() {
                card.push_str(&format!("\n\nWhat the article says:{}", claim_list(world, &claims, 5)));
            }
            card
        }
        Subject::Date { claims } | Subject::Number { claims } if !unexplained(claims) => return None,
        Subject::Claim(c) if explained.contains(c) => return None,
        Subject::Date { claims } | Subject::Number { claims } => {
            let what = if matches!(spot.subject, Subject::Date { .. }) {
                "this date"
            } else {
                "this number"
            };
            format!(
                "**What the article says** about {what}:{}",
                claim_list(world, claims, 5)
            )
        }
        Subject::Claim(c) => format!("**The article**: {}", claim_line(world, &base.claims[*c])),
    })
}

/// Which article file the card speaks of, and where that choice came from.
fn article_named(world: &World, line: Option<u32>) -> String {
    match (&world.engine.article, &world.article_source) {
        (Some(a), source) => {
            let name = a.path.display();
            let at = line.map(|l| format!(", line {}", l + 1)).unwrap_or_default();
            let from = source.as_ref().map(|s| format!(" (from {s})")).unwrap_or_default();
            format!("\n\nArticle: `{name}`{at}{from}")
        }
        (None, _) => "\n\nNo article loaded: this comes from the claim base alone.".into(),
    }
}

/// A Markdown card as plain text: links as "text (target)", no emphasis marks.
fn plain(md: &str) -> String {
    static PATTERNS: std::sync::OnceLock<[regex::Regex; 3]> = std::sync::OnceLock::new();
    let [link, strong, emphasis] = PATTERNS.get_or_init(|| {
        [
            regex::Regex::new(r"\[([^\]\n]*)\]\(([^)\s]*)\)").expect("a valid pattern"),
            regex::Regex::new(r"\*\*([^*\n]+)\*\*").expect("a valid pattern"),
            regex::Regex::new(r"(^|[\s(])[*`]([^*`\n]+)[*`]").expect("a valid pattern"),
        ]
    });
    let s = link.replace_all(md, "$1 ($2)");
    let s = strong.replace_all(&s, "$1");
    emphasis.replace_all(&s, "$1$2").into_owned()
}

#[cfg(test)]
mod tests {
    #[test]
    fn plain_text_has_no_markdown_marks() {
        let md = "**§ Roots**: section 1 — *Roots* ([line 9](file:///a.txt#L9))\n\nArticle: `a.txt`, line 9";
        assert_eq!(
            super::plain(md),
            "§ Roots: section 1 — Roots (line 9 (file:///a.txt#L9))\n\nArticle: a.txt, line 9"
        );
    }
}
