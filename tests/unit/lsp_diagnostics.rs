//! Tests of `src/lsp/diagnostics.rs`.

use claimlint::lsp::config::{build, Settings};
use claimlint::lsp::diagnostics::*;
use claimlint::lsp::documents::Store;
use claimlint::position::Encoding;
use tower_lsp::lsp_types::{Position, PublishDiagnosticsParams, TextDocumentContentChangeEvent};
use tower_lsp::lsp_types::{Range, Url};

#[test]
fn the_sentence_under_the_cursor_is_the_full_readings() {
    let world = build(&Settings::default(), &[], None, 1);
    let mut store: Store = Store::default();
    let text = "# Notes\n\nFirst one. Second “Лавров” one.\n- item `code` here\n\nlast";
    let snap = store.open(Url::parse("file:///n.md").unwrap(), "markdown", 1, text.into());
    let an = Analysis::incremental(&world, snap, true, &mut Default::default());
    let full = claimlint::note::read(text);
    assert_eq!(an.masked(), full.masked);
    for at in (0..=text.len() + 1).filter(|&i| i > text.len() || text.is_char_boundary(i)) {
        // the sentence whose range holds `at`, its end included
        let want = (full.sentences.iter())
            .find(|s| s.range.start <= at && at <= s.range.end)
            .map(|s| (s.range, s.norm.text.clone()));
        let got = an.sentence_at(at).map(|s| (s.range, s.norm.text));
        assert_eq!(got, want, "at {at}");
    }
}

#[test]
fn the_notification_is_publish_diagnostics_and_an_untouched_diagnostic_keeps_its_bytes() {
    let mut settings = Settings::default();
    let article = std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("../shared/article/week-of-talks.txt");
    if article.is_file() {
        settings.config.article = Some(article.display().to_string());
    }
    let world = build(&settings, &[], None, 1);
    let uri = Url::parse("file:///n.md").unwrap();
    let mut store: Store = Store::default();
    let text = "# Notes\n\n- Montenegro joined NATO in 2016.\n- Biden invited Putin to a summit in Vienna.\n\
                - “Лавров” 😀 met Blinken on January 14.\n";
    let mut snap = store.open(uri.clone(), "markdown", 1, text.into());
    let mut published = PublishedJson::default();
    let mut first: Option<Vec<u8>> = None;
    // Type on the second bullet, then on the third, then a line in between.
    let edits = [(3, 2, "A"), (4, 4, "x"), (3, 0, "- Ukraine.\n"), (5, 3, "é")];
    let encodings = [
        Encoding::Utf8,
        Encoding::Utf16,
        Encoding::Utf16,
        Encoding::Utf16,
        Encoding::Utf16,
    ];
    for (k, enc) in encodings.into_iter().enumerate() {
        let an = Analysis::incremental(&world, snap.clone(), true, &mut Default::default());
        let diags = diagnostics(&world, &an, enc);
        assert!(diags.len() >= 3, "{diags:?}");
        let body = published.notification(&world, &an, uri.as_str(), enc).to_vec();
        // An edit within a line leaves the other lines' diagnostics to be
        // reused; a new line moves those below it.
        let reused = [0, 0, 2, 1, 2][k];
        assert!(
            published.reused() >= reused,
            "{} of {} at {k}",
            published.reused(),
            diags.len()
        );
        let params = PublishDiagnosticsParams::new(uri.clone(), diags.clone(), Some(an.snap.version));
        let want = serde_json::json!({
            "jsonrpc": "2.0",
            "method": "textDocument/publishDiagnostics",
            "params": serde_json::to_value(params).unwrap(),
        });
        assert_eq!(
            serde_json::from_slice::<serde_json::Value>(&body).unwrap(),
            want,
            "version {k}"
        );
        // Byte for byte: the kept pieces join into each diagnostic's own JSON.
        let items: Vec<String> = diags.iter().map(|d| serde_json::to_string(d).unwrap()).collect();
        let whole = format!(
            r#"{{"jsonrpc":"2.0","method":"textDocument/publishDiagnostics","params":{{"uri":{},"diagnostics":[{}],"version":{}}}}}"#,
            serde_json::to_string(uri.as_str()).unwrap(),
            items.join(","),
            an.snap.version
        );
        assert_eq!(String::from_utf8(body.clone()).unwrap(), whole, "version {k}");
        // The first bullet's diagnostic is the same bytes at every version
        // (of one encoding).
        if k == 1 {
            first = None;
        }
        let bytes = serde_json::to_vec(&diags[0]).unwrap();
        assert_eq!(first.get_or_insert_with(|| bytes.clone()), &bytes);
        if let Some(&(line, col, ins)) = edits.get(k) {
            let change = TextDocumentContentChangeEvent {
                range: Some(Range::new(Position::new(line, col), Position::new(line, col))),
                range_length: None,
                text: ins.into(),
            };
            snap = store.change(&uri, k as i32 + 2, vec![change], Encoding::Utf16).unwrap();
        }
    }
}
