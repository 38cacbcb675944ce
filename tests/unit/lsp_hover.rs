//! Tests of `src/lsp/hover.rs`.

#[test]
fn plain_text_has_no_markdown_marks() {
    let md = "**§ Roots**: section 1 — *Roots* ([line 9](file:///a.txt#L9))\n\nArticle: `a.txt`, line 9";
    assert_eq!(
        claimlint::lsp::hover::plain(md),
        "§ Roots: section 1 — Roots (line 9 (file:///a.txt#L9))\n\nArticle: a.txt, line 9"
    );
}
