//! Client capabilities that lsp-types 0.94 does not read as the protocol
//! spells them, read from the raw `initialize` JSON instead.
//!
//! LSP 3.17 names the workspace's diagnostic capability
//! `workspace.diagnostics` (`{"refreshSupport": true}`, what VS Code sends);
//! lsp-types 0.94 looks for `workspace.diagnostic`, so the typed parameters
//! would say the client cannot refresh and a settings change would leave its
//! diagnostics stale (ruff hit the same bug). The transport hands the params
//! of every `initialize` here before they are read as lsp-types.

use serde_json::Value;

/// Copy `capabilities.workspace.diagnostics` of `initialize`'s params to
/// where lsp-types reads it, unless something is there already. True when
/// the params changed.
pub fn spell_diagnostics(params: &mut Value) -> bool {
    let Some(workspace) = params
        .pointer_mut("/capabilities/workspace")
        .and_then(Value::as_object_mut)
    else {
        return false;
    };
    match workspace.get("diagnostics") {
        Some(v) if v.is_object() && !workspace.contains_key("diagnostic") => {
            let v = v.clone();
            workspace.insert("diagnostic".into(), v);
            true
        }
        _ => false,
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use serde_json::json;
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
}
