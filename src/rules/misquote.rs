//! `misquote`: quoted words the article does not contain, or altered
//! wording of a real quotation. A quotation is looked up word for word
//! (quotes, dashes, case and spacing ignored); failing that, it is aligned
//! with the article's passages, its context words included, and the nearest
//! passage's words are offered instead.

use super::Ctx;
use crate::finding::{Code, Finding};
use crate::text::word_list;

pub fn check(ctx: &Ctx, out: &mut Vec<Finding>) {
    super::term_checks(ctx, Code::Misquote, out);
    let s = ctx.sentence;
    for q in &ctx.quotes {
        // An ellipsis joins fragments that must each be the article's.
        let fragments: Vec<Vec<String>> = q
            .text
            .split("...")
            .chain(std::iter::empty())
            .flat_map(|f| f.split('…'))
            .map(word_list)
            .filter(|w| !w.is_empty())
            .collect();
        if fragments.iter().all(|f| ctx.known.contains(f)) {
            continue;
        }
        let qwords = word_list(&q.text);
        let before: Vec<String> = word_list(&s.norm.text[..q.outer.start]);
        let before = before[before.len().saturating_sub(8)..].to_vec();
        let after: Vec<String> = word_list(&s.norm.text[q.outer.end..]).into_iter().take(4).collect();
        let inner = q.inner.clone();
        let best = ctx.known.best_match(&before, &qwords, &after);
        let near = best.as_ref().is_some_and(|b| {
            let (qm, cm, ql) = (b.quote_matched, b.context_matched, qwords.len());
            (qm >= 2 && qm * 2 >= ql)
                || (qm >= 1 && cm >= 3 && qm + cm >= 4)
                || (ql >= 4 && qm * 10 >= ql * 6)
                || (qm == 0 && ql <= 2 && cm >= 4)
        });
        if near {
            let b = best.unwrap();
            let claim = b.claim;
            let said = ctx.said(inner.clone());
            let mut f = ctx.finding(
                Code::Misquote,
                inner,
                format!(
                    "the article's words are “{}”, not “{}”{}",
                    b.suggestion,
                    said.trim(),
                    b.whence
                ),
                claim,
                Some(b.suggestion.clone()),
            );
            if claim.is_none() {
                f.article = b.article.clone();
            }
            out.push(f);
        } else if qwords.len() >= 3 && ctx.known.has_article() {
            let said = ctx.said(inner.clone());
            out.push(ctx.finding(
                Code::Misquote,
                inner,
                format!("the article does not contain the words “{}”", said.trim()),
                None,
                None,
            ));
        } else {
            let said = ctx.said(inner.clone());
            out.push(ctx.finding(
                Code::Unsupported,
                inner,
                format!(
                    "the words “{}” are not the article's; nothing in it supports the quotation",
                    said.trim()
                ),
                None,
                None,
            ));
        }
    }
}
