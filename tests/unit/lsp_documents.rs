//! Tests of `src/lsp/documents.rs`.

use claimlint::lsp::documents::*;
use claimlint::position::Encoding;
use tower_lsp::lsp_types::{Position, Range};
use tower_lsp::lsp_types::{TextDocumentContentChangeEvent, Url};

fn edit(l0: u32, c0: u32, l1: u32, c1: u32, text: &str) -> TextDocumentContentChangeEvent {
    TextDocumentContentChangeEvent {
        range: Some(Range::new(Position::new(l0, c0), Position::new(l1, c1))),
        range_length: None,
        text: text.to_string(),
    }
}

#[test]
fn applies_incremental_utf16_edits_in_order() {
    let uri = Url::parse("file:///n.md").unwrap();
    let mut s: Store = Store::default();
    s.open(uri.clone(), "markdown", 1, "“Лавров” 😀 said\nsecond line\n".into());
    // Replace "said" (UTF-16 column 12) with "says", then insert at line 1.
    let snap = s
        .change(
            &uri,
            2,
            vec![edit(0, 12, 0, 16, "says"), edit(1, 0, 1, 0, "a ")],
            Encoding::Utf16,
        )
        .unwrap();
    assert_eq!(snap.to_text(), "“Лавров” 😀 says\na second line\n");
    assert_eq!(snap.version, 2);
    // A whole-text change, then a stale one.
    let full = TextDocumentContentChangeEvent {
        range: None,
        range_length: None,
        text: "new".into(),
    };
    assert_eq!(s.change(&uri, 3, vec![full], Encoding::Utf8).unwrap().to_text(), "new");
    assert_eq!(
        s.change(&uri, 3, vec![edit(0, 0, 0, 0, "x")], Encoding::Utf8).err(),
        Some(ChangeError::Stale { have: 3, got: 3 })
    );
    // Positions past the end are clamped, not a panic.
    let snap = s
        .change(&uri, 4, vec![edit(9, 9, 12, 0, "!")], Encoding::Utf16)
        .unwrap();
    assert_eq!(snap.to_text(), "new!");
    let other = Url::parse("file:///other.md").unwrap();
    assert_eq!(
        s.change(&other, 1, vec![], Encoding::Utf8).err(),
        Some(ChangeError::UnknownDocument)
    );
}
