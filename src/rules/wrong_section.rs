//! `wrong-section`: a reference to a real section that does not hold the
//! point the sentence makes. The point is read from the claims that apply
//! to the sentence; when none of them is in the referenced section but some
//! are elsewhere, the reference is wrong.

use super::Ctx;
use crate::claims::Check;
use crate::finding::{Code, Finding, Fix};

pub fn check(ctx: &Ctx, out: &mut Vec<Finding>) {
    for r in &ctx.refs {
        let Some(sec) = r.section else { continue };
        // Claims applying to the sentence, apart from the reference's own words.
        let points: Vec<usize> = ctx
            .active()
            .filter(|(_, c)| !matches!(c.check, Check::List { .. }) || !c.when.is_empty())
            .filter(|(_, c)| {
                c.when.iter().all(|g| {
                    ctx.scan.any_of(g).any(|h| {
                        let o = ctx.orig(h.range.clone());
                        o.end <= r.range.start || o.start >= r.range.end
                    })
                })
            })
            .map(|(i, _)| i)
            .collect();
        if points.is_empty() || points.iter().any(|&i| ctx.base.claims[i].section == sec) || mentioned_in(ctx, sec) {
            continue;
        }
        let ci = points[0];
        let right = &ctx.base.sections[ctx.base.claims[ci].section];
        let mut f = ctx.finding(
            Code::WrongSection,
            0..0,
            format!(
                "“{}” does not hold this point; the article makes it in {}: {}",
                ctx.base.sections[sec].display(),
                right.display(),
                ctx.truth(&ctx.base.claims[ci])
            ),
            Some(ci),
            None,
        );
        f.range = r.range.clone();
        if !right.title.is_empty() {
            f.fix = Some(Fix {
                range: r.name_range.clone(),
                replacement: right.title.clone(),
            });
        }
        out.push(f);
    }
}

/// Does the sentence quote the section, name a person, thing or city that
/// the section's claims are about, or nearly meet one of its claims (all
/// but one of three or more term groups)? Then the reference may well hold.
fn mentioned_in(ctx: &Ctx, sec: usize) -> bool {
    use crate::claims::EntityKind;
    let quoted = ctx
        .quotes
        .iter()
        .filter_map(|q| ctx.base.quote_claim(&q.text))
        .any(|(ci, _)| ctx.base.claims[ci].section == sec);
    let specific = |k: EntityKind| matches!(k, EntityKind::Person | EntityKind::Thing | EntityKind::City);
    let nearly = ctx.base.claims.iter().any(|c| {
        c.section == sec
            && c.when.len() >= 3
            && c.when.iter().filter(|g| !g.iter().any(|&t| ctx.scan.has(t))).count() <= 1
    });
    quoted
        || nearly
        || ctx.scan.mentions.iter().any(|m| {
            specific(ctx.base.entities[m.entity].kind)
                && ctx
                    .base
                    .claims
                    .iter()
                    .any(|c| c.section == sec && c.entities.contains(&m.entity))
        })
}
