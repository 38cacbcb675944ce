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
