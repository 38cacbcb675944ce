//! Tests of `src/lsp/config.rs`.

use claimlint::claims::bundled;
use claimlint::finding::{Code, Severity};
use claimlint::lsp::config::*;
use claimlint::resolve::Source;
use serde_json::json;
use serde_json::Value;

/// A client's settings read from nothing: [`Settings::patch`] on the defaults.
fn client_settings(value: &Value) -> (Settings, Vec<String>) {
    let mut s = Settings::default();
    let errors = s.patch(value);
    (s, errors)
}

#[test]
fn reads_nested_or_flat_settings_ignoring_client_keys_and_empty_strings() {
    let (s, e) = client_settings(
        &json!({"claimlint": {"path": "/bin/x", "article": "", "claims": "", "severity": {}, "disable": ["unsupported"], "trace": {"server": "off"}}}),
    );
    assert!(e.is_empty(), "{e:?}");
    assert_eq!(s.config.article, None);
    assert_eq!(s.config.disable, vec![Code::Unsupported]);
    let (s, _) = client_settings(&json!({"article": "/a.txt", "plaintext": true}));
    assert_eq!(s.config.article.as_deref(), Some("/a.txt"));
    assert!(s.plaintext);
    let (_, e) = client_settings(&json!({"disable": ["nope"]}));
    assert!(e[0].contains("nope"), "{e:?}");
    assert_eq!(client_settings(&Value::Null).0, Settings::default());
    assert!(!client_settings(&json!(3)).1.is_empty());
}

#[test]
fn settings_merge_key_by_key_and_a_bad_value_is_rejected_alone() {
    let (mut s, _) = client_settings(&json!({"article": "/a.txt", "severity": {"misquote": "warning"}}));
    // A message naming only `disable` keeps the article.
    assert!(s.patch(&json!({"claimlint": {"disable": ["wrong-list"]}})).is_empty());
    assert_eq!(s.config.article.as_deref(), Some("/a.txt"));
    assert_eq!(s.config.disable, vec![Code::WrongList]);
    assert_eq!(s.config.severity.get(&Code::Misquote), Some(&Severity::Warning));
    // One bad severity loses that entry alone, and the other keys apply.
    let e =
        s.patch(&json!({"severity": {"wrong-date": "fatal", "wrong-place": "hint"}, "claims": 7, "plaintext": true}));
    assert_eq!(e.len(), 2, "{e:?}");
    assert!(
        e.iter()
            .any(|m| m.contains("severity.wrong-date") && m.contains("fatal")),
        "{e:?}"
    );
    assert!(e.iter().any(|m| m.contains("`claims`")), "{e:?}");
    assert_eq!(s.config.severity.get(&Code::WrongPlace), Some(&Severity::Hint));
    assert_eq!(s.config.severity.get(&Code::WrongDate), None);
    assert!(s.plaintext);
    assert_eq!(s.config.article.as_deref(), Some("/a.txt"));
    // null unsets.
    assert!(s.patch(&json!({"article": null})).is_empty());
    assert_eq!(s.config.article, None);
}

#[test]
fn finds_the_article_in_the_workspace_and_reports_a_broken_claim_base() {
    let dir = std::env::temp_dir().join(format!("claimlint-lsp-config-{}", std::process::id()));
    let sub = dir.join("texts");
    std::fs::create_dir_all(&sub).unwrap();
    let base = bundled();
    let mut text = String::from("Title\n\nOpening.\n");
    for s in &base.sections {
        text.push_str(&format!("\n{}\n\nBody.\n", s.title));
    }
    std::fs::write(sub.join("a.txt"), &text).unwrap();
    std::fs::write(dir.join("notes.md"), "# Notes\n").unwrap();
    std::fs::write(dir.join("bad.toml"), "this is not toml").unwrap();
    std::fs::write(
        dir.join(".claimlint.toml"),
        "claims = \"bad.toml\"\ndisable = [\"wrong-list\"]\n",
    )
    .unwrap();
    let w = build(&Settings::default(), std::slice::from_ref(&dir), None, 1);
    assert!(w.engine.article.is_some(), "{:?}", w.messages);
    assert!(w.article_uri.as_ref().unwrap().path().ends_with("/texts/a.txt"));
    assert!(matches!(w.article_source, Some(Source::Discovered(_))));
    assert!(w.options.disabled.contains(&Code::WrongList));
    assert_eq!(w.messages.len(), 1, "{:?}", w.messages);
    assert!(w.messages[0].1.contains("bad.toml"));
    assert!(w.messages[0].1.contains(".claimlint.toml:1 claims"), "{:?}", w.messages);
    assert!(!w.is_note(w.article_uri.as_ref().unwrap(), "plaintext"));
    assert!(
        w.watched.iter().any(|p| p.ends_with(".claimlint.toml")),
        "{:?}",
        w.watched
    );
    let _ = std::fs::remove_dir_all(&dir);
}

#[test]
fn workspace_folders_resolve_their_own_settings_and_share_a_world_when_alike() {
    let top = std::env::temp_dir().join(format!("claimlint-unit-worlds-{}", std::process::id()));
    let (a, b, c) = (top.join("a"), top.join("b"), top.join("c"));
    for d in [&a, &b, &c] {
        std::fs::create_dir_all(d).unwrap();
    }
    std::fs::write(c.join(".claimlint.toml"), "disable = [\"wrong-list\"]\n").unwrap();
    let worlds = build_all(&Settings::default(), &[], &[a.clone(), b.clone(), c.clone()], None, 1);
    let note = |d: &std::path::Path| tower_lsp::lsp_types::Url::from_file_path(d.join("n.md")).unwrap();
    let (wa, wb, wc) = (worlds.of(&note(&a)), worlds.of(&note(&b)), worlds.of(&note(&c)));
    assert!(
        std::sync::Arc::ptr_eq(wa, wb),
        "two folders without settings share one world"
    );
    assert!(!std::sync::Arc::ptr_eq(wa, wc));
    assert!(wc.options.disabled.contains(&Code::WrongList));
    assert!(!wa.options.disabled.contains(&Code::WrongList));
    // A note outside every folder: the first folder's world.
    assert!(std::sync::Arc::ptr_eq(worlds.of(&note(&top)), wa));
    let _ = std::fs::remove_dir_all(&top);
}
