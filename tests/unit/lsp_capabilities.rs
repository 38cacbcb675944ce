//! Tests of `src/lsp/capabilities.rs`.

use claimlint::lsp::capabilities::*;
use serde_json::json;
use serde_json::Value;
use tower_lsp::lsp_types::InitializeParams;

#[test]
fn the_protocols_spelling_reaches_the_typed_capabilities() {
    let mut m = json!({"capabilities": {"workspace": {"diagnostics": {"refreshSupport": true}}}});
    let typed = |m: &Value| -> InitializeParams { serde_json::from_value(m.clone()).unwrap() };
    // What lsp-types makes of it as sent: no refresh support.
    assert_eq!(typed(&m).capabilities.workspace.unwrap().diagnostic, None);
    assert!(spell_diagnostics(&mut m));
    let refresh = typed(&m)
        .capabilities
        .workspace
        .unwrap()
        .diagnostic
        .unwrap()
        .refresh_support;
    assert_eq!(refresh, Some(true));
    // Nothing to do: no workspace capabilities, or already there.
    assert!(!spell_diagnostics(&mut json!({"capabilities": {}})));
    assert!(!spell_diagnostics(&mut m));
}
