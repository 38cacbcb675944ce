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
        let closest = closest_section(&r.name, ctx.base);
        let titles: Vec<&str> = ctx
            .base
            .sections
            .iter()
            .filter(|s| !s.title.is_empty())
            .map(|s| s.title.as_str())
            .collect();
        let message = match closest {
            Some(c) => format!(
                "the article has no section “{}”; did you mean “{}”? (sections: {})",
                r.name,
                ctx.base.sections[c].title,
                titles.join(", ")
            ),
            None => format!(
                "the article has no section “{}” (sections: {})",
                r.name,
                titles.join(", ")
            ),
        };
        // No claim: the finding rests on the reference alone, and its fix
        // replaces the name, not the marks around it.
        let mut f = ctx.finding_at(Code::UnknownSection, r.range, message, None, None);
        f.section = closest.map(|c| ctx.base.sections[c].id.clone());
        f.fix = closest
            .filter(|&c| !ctx.base.sections[c].title.is_empty())
            .map(|c| Fix {
                range: r.name_range,
                replacement: ctx.base.sections[c].title.clone(),
            });
        out.push(f);
    }
}
