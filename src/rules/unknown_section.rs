//! `unknown-section`: a section reference (`§Title`, `[[Title]]`, `see
//! Title`) naming a section the article does not have.

use super::Ctx;
use crate::finding::{Code, Finding, Fix};
use crate::matcher::refs::closest_section;

pub fn check(ctx: &Ctx, out: &mut Vec<Finding>) {
    for r in &ctx.refs {
        if r.section.is_some() || !r.explicit {
            continue;
        }
        // "§Section, ¶ = paragraph": a legend's placeholder names no section.
        let name = crate::text::norm(&r.name);
        let words: Vec<&str> = crate::text::words(&name)
            .iter()
            .map(|w| &name[w.start..w.end])
            .collect();
        if crate::word_classes::english().placeholder_names.is_exactly(&words) {
            continue;
        }
        // ("the piece linked under “Check Also”": a quoted name that the
        // article's own text holds, such as its page's leftover headings,
        // names that text, not a section.)
        let quoted = ctx.note[..r.range.start].ends_with(['“', '"']);
        if quoted && ctx.quotations.in_article(&crate::quotations::quote_words(&r.name)) {
            continue;
        }
        // The section that holds the sentence's point, when all its points
        // are in one: a better suggestion than the closest name.
        let points: Vec<usize> = ctx
            .active()
            .filter(|(_, c)| !matches!(c.check, crate::claims::Check::List { .. }))
            .map(|(i, _)| i)
            .collect();
        let holder = points.first().copied().filter(|&p| {
            points
                .iter()
                .all(|&q| ctx.base.claims[q].section == ctx.base.claims[p].section)
        });
        let closest = holder
            .map(|p| ctx.base.claims[p].section)
            .or_else(|| closest_section(&r.name, ctx.base));
        let titles: Vec<&str> = ctx
            .base
            .sections
            .iter()
            .filter(|s| !s.title.is_empty())
            .map(|s| s.title.as_str())
            .collect();
        let message = match (holder, closest) {
            (Some(p), Some(c)) => format!(
                "the article has no section “{}”; it makes this point in {}: {}",
                r.name,
                ctx.base.sections[c].display(),
                ctx.claim_summary(&ctx.base.claims[p])
            ),
            (None, Some(c)) => format!(
                "the article has no section “{}”; did you mean “{}”? (sections: {})",
                r.name,
                ctx.base.sections[c].title,
                titles.join(", ")
            ),
            (_, None) => format!(
                "the article has no section “{}” (sections: {})",
                r.name,
                titles.join(", ")
            ),
        };
        // The claim, when one places the point (else the finding rests on
        // the reference alone); the fix replaces the name, not the marks.
        let mut f = ctx.finding_at(Code::UnknownSection, r.range, message, holder, None);
        f.section = closest.map(|c| ctx.ids.sections[c].clone());
        f.fix = closest
            .filter(|&c| !ctx.base.sections[c].title.is_empty())
            .map(|c| Fix {
                range: r.name_range,
                replacement: ctx.base.sections[c].title.clone(),
            });
        out.push(f);
    }
}
