//! `claimlint lsp`, the real binary over stdio: framed JSON-RPC in, framed
//! JSON-RPC out, one test per capability an analyst sees.

use crate::common::lsp::{Lsp, Spawn};
use crate::common::{article_path, frame, tmp};
use serde_json::{json, Value};
use std::path::{Path, PathBuf};
use std::time::{Duration, Instant};

/// A note whose statements the checker flags: a wrong year (line 2), a wrong
/// place (line 3), an unknown section (line 4), a misquoted title (line 5);
/// and section references the article has (line 7).
const NOTE: &str = "# Week of talks\n\
\n\
- Montenegro joined NATO in 2016.\n\
- Biden invited Putin to a summit in Helsinki.\n\
- see §Roots of the Crisis.\n\
- The piece is titled “What a Week of Talks Between Russia and NATO Revealed”.\n\
\n\
- see §Security Guarantees and [[Roots]].\n";

/// The server in this process, initialized with `initializationOptions`
/// and `capabilities`, in an empty workspace.
fn start(init_options: Value, capabilities: Value) -> (Lsp, Value) {
    start_in(tmp("ws"), init_options, capabilities)
}

/// The same, in `root` (made beforehand, with its files).
fn start_in(root: PathBuf, init_options: Value, capabilities: Value) -> (Lsp, Value) {
    init(Spawn::in_process().root(root), init_options, capabilities)
}

/// The real binary (a smoke test of the process: stdio, exit codes).
fn start_binary(init_options: Value, capabilities: Value) -> (Lsp, Value) {
    init(Spawn::binary(), init_options, capabilities)
}

fn init(spawn: Spawn, init_options: Value, capabilities: Value) -> (Lsp, Value) {
    spawn
        .answering()
        .start(json!({"capabilities": capabilities, "initializationOptions": init_options}))
}

fn with_article() -> Option<(Lsp, PathBuf)> {
    let a = article_path()?;
    let (lsp, _) = start(json!({"article": a.display().to_string()}), json!({}));
    Some((lsp, a))
}

fn code(d: &Value) -> &str {
    d["code"].as_str().unwrap_or("")
}

fn find<'a>(diags: &'a [Value], c: &str) -> &'a Value {
    diags
        .iter()
        .find(|d| code(d) == c)
        .unwrap_or_else(|| panic!("no {c} among {diags:#?}"))
}

fn pos(line: u32, character: u32) -> Value {
    json!({"line": line, "character": character})
}

/// Line and UTF-16 column of the first `needle` in `text`.
fn at(text: &str, needle: &str) -> (u32, u32) {
    let i = text.find(needle).unwrap_or_else(|| panic!("{needle} not in the note"));
    let line = text[..i].matches('\n').count() as u32;
    let start = text[..i].rfind('\n').map_or(0, |j| j + 1);
    (line, text[start..i].encode_utf16().count() as u32)
}

/// 0-based line of a heading in the article.
fn article_line(article: &Path, heading: &str) -> u64 {
    let text = std::fs::read_to_string(article).unwrap();
    text.lines().position(|l| l.trim() == heading).unwrap() as u64
}

#[test]
fn diagnostics_are_published_on_open_and_after_incremental_edits_with_versions() {
    let a = article_path();
    let opts = a
        .as_ref()
        .map_or(Value::Null, |a| json!({"article": a.display().to_string()}));
    let (mut lsp, init) = start_binary(opts, json!({}));
    assert_eq!(
        init["result"]["capabilities"]["textDocumentSync"]["change"], 2,
        "incremental sync"
    );
    assert_eq!(init["result"]["capabilities"]["positionEncoding"], "utf-16");
    let uri = lsp.uri("note.md");
    // Cyrillic and an emoji before the year: columns count UTF-16 units.
    let text = NOTE.replace("Montenegro joined", "Montenegro (Черногория 😀) joined");
    lsp.open(&uri, &text);
    let diags = lsp.diagnostics(&uri, 1);
    let date = find(&diags, "wrong-date");
    let (line, col) = at(&text, "2016");
    assert_eq!(date["range"]["start"], pos(line, col));
    assert_eq!(date["range"]["end"], pos(line, col + 4));
    assert_eq!(date["severity"], 2, "a warning by the calibrated policy");
    assert_eq!(date["source"], "claimlint");
    assert!(date["message"].as_str().unwrap().contains("2017"), "{date}");
    assert!(date["codeDescription"]["href"]
        .as_str()
        .unwrap()
        .ends_with("#wrong-date"));
    assert_eq!(date["data"]["fix"]["newText"], "2017");
    // Nothing of the version: an unchanged diagnostic is the same bytes at the next one.
    assert!(date["data"].get("version").is_none(), "{date}");
    assert!(date["data"]["claim"].is_string());
    for c in ["wrong-place", "unknown-section", "misquote"] {
        find(&diags, c);
    }
    if let Some(a) = &a {
        let rel = &date["relatedInformation"][0];
        assert_eq!(rel["location"]["uri"], format!("file://{}", a.display()));
        assert!(
            rel["message"]
                .as_str()
                .unwrap()
                .contains(date["data"]["claim"].as_str().unwrap()),
            "{rel}"
        );
        assert!(rel["location"]["range"]["start"]["line"].as_u64().unwrap() > 0);
        // The unknown section points at the section it suggests.
        let unknown = find(&diags, "unknown-section");
        assert_eq!(
            unknown["relatedInformation"][0]["location"]["range"]["start"]["line"],
            article_line(a, "Roots")
        );
    }

    // An incremental edit: 2016 -> 2017 (version 2) clears the wrong date.
    let change = |version: i64, start: (u32, u32), end: (u32, u32), text: &str| {
        json!({
            "textDocument": {"uri": uri, "version": version},
            "contentChanges": [{"range": {"start": pos(start.0, start.1), "end": pos(end.0, end.1)}, "text": text}],
        })
    };
    lsp.notify(
        "textDocument/didChange",
        change(2, (line, col), (line, col + 4), "2017"),
    );
    let diags = lsp.diagnostics(&uri, 2);
    assert!(diags.iter().all(|d| code(d) != "wrong-date"), "{diags:#?}");
    find(&diags, "wrong-place");

    // Two quick edits: back to 2016 (3), then Helsinki -> Geneva (4). The last
    // published diagnostics are version 4's; nothing older comes after them.
    lsp.notify(
        "textDocument/didChange",
        change(3, (line, col), (line, col + 4), "2016"),
    );
    let (pl, pc) = at(&text, "Helsinki");
    lsp.notify("textDocument/didChange", change(4, (pl, pc), (pl, pc + 8), "Geneva"));
    let diags = lsp.diagnostics(&uri, 4);
    find(&diags, "wrong-date");
    assert!(diags.iter().all(|d| code(d) != "wrong-place"), "{diags:#?}");
    // Version 3 may have been published before version 4 (there is no
    // debounce); only what comes after version 4 counts.
    lsp.seen.clear();
    let later = lsp.drain(Duration::from_millis(500));
    let stale: Vec<&Value> = later
        .iter()
        .filter(|m| {
            m["method"] == "textDocument/publishDiagnostics" && m["params"]["version"].as_i64().unwrap_or(0) < 4
        })
        .collect();
    assert!(stale.is_empty(), "stale diagnostics after version 4: {stale:#?}");
}

#[test]
fn utf8_positions_are_used_when_the_client_offers_them() {
    let (mut lsp, init) = start(
        Value::Null,
        json!({"general": {"positionEncodings": ["utf-8", "utf-16"]}}),
    );
    assert_eq!(init["result"]["capabilities"]["positionEncoding"], "utf-8");
    let uri = lsp.uri("note.md");
    let text = "- Montenegro (Черногория 😀) joined NATO in 2016.\n";
    lsp.open(&uri, text);
    let diags = lsp.diagnostics(&uri, 1);
    let date = find(&diags, "wrong-date");
    assert_eq!(date["range"]["start"], pos(0, text.find("2016").unwrap() as u32));
}

#[test]
fn pull_diagnostics_answer_with_a_full_report_then_unchanged() {
    // Refresh support as the protocol (and VS Code) spell it: `workspace.diagnostics`.
    let (mut lsp, init) = start(
        Value::Null,
        json!({"textDocument": {"diagnostic": {"dynamicRegistration": false}},
               "workspace": {"diagnostics": {"refreshSupport": true}}}),
    );
    assert_eq!(
        init["result"]["capabilities"]["diagnosticProvider"]["identifier"],
        "claimlint"
    );
    let uri = lsp.uri("note.md");
    lsp.open(&uri, NOTE);
    let r = lsp.call("textDocument/diagnostic", json!({"textDocument": {"uri": uri}}));
    assert_eq!(r["kind"], "full");
    find(r["items"].as_array().unwrap(), "wrong-date");
    let id = r["resultId"].clone();
    let again = lsp.call(
        "textDocument/diagnostic",
        json!({"textDocument": {"uri": uri}, "previousResultId": id}),
    );
    assert_eq!(again["kind"], "unchanged");
    // A client that pulls gets nothing pushed.
    let pushed = lsp.drain(Duration::from_millis(300));
    assert!(
        pushed.iter().all(|m| m["method"] != "textDocument/publishDiagnostics"),
        "{pushed:#?}"
    );
    // An unknown document: an empty report.
    let r = lsp.call(
        "textDocument/diagnostic",
        json!({"textDocument": {"uri": "file:///nowhere.md"}}),
    );
    assert_eq!(r["items"], json!([]));
}

#[test]
fn hover_explains_flags_entities_and_sections() {
    let a = article_path();
    let opts = a
        .as_ref()
        .map_or(Value::Null, |a| json!({"article": a.display().to_string()}));
    let (mut lsp, _) = start(opts, json!({}));
    let uri = lsp.uri("note.md");
    lsp.open(&uri, NOTE);
    let hover = |lsp: &mut Lsp, needle: &str| {
        let (l, c) = at(NOTE, needle);
        lsp.call(
            "textDocument/hover",
            json!({"textDocument": {"uri": uri}, "position": pos(l, c + 1)}),
        )
    };
    // A flagged year: why, and what the article says.
    let h = hover(&mut lsp, "2016");
    let md = h["contents"]["value"].as_str().unwrap();
    assert_eq!(h["contents"]["kind"], "markdown");
    assert!(md.contains("wrong-date") && md.contains("2017"), "{md}");
    // Its certainty's evidence, and why a certain finding is a warning.
    assert!(
        md.contains("certain: the claim's subject and the contradicting words in one clause")
            && md.contains("shown as warning: certain wrong-date readings were right 77 times of 85"),
        "{md}"
    );
    if let Some(a) = &a {
        assert!(
            md.contains(&format!("file://{}#L", a.display())),
            "a link to the article line: {md}"
        );
    }
    // An entity: a card of what the article says.
    let md = hover(&mut lsp, "Putin")["contents"]["value"]
        .as_str()
        .unwrap()
        .to_string();
    assert!(
        md.contains("**Vladimir Putin**") && md.contains("What the article says"),
        "{md}"
    );
    // A section reference: the section's summary.
    let md = hover(&mut lsp, "§Security")["contents"]["value"]
        .as_str()
        .unwrap()
        .to_string();
    assert!(
        md.contains("Security Guarantees") && md.contains("mutually assured destruction"),
        "{md}"
    );
    // Blank space and a position past the end: nothing.
    let r = lsp.call(
        "textDocument/hover",
        json!({"textDocument": {"uri": uri}, "position": pos(1, 0)}),
    );
    assert_eq!(r, Value::Null);
    let r = lsp.call(
        "textDocument/hover",
        json!({"textDocument": {"uri": uri}, "position": pos(500, 3)}),
    );
    assert_eq!(r, Value::Null);
}

#[test]
fn definition_opens_the_article_at_the_section_or_passage() {
    let Some((mut lsp, a)) = with_article() else {
        return;
    };
    let uri = lsp.uri("note.md");
    lsp.open(&uri, NOTE);
    let article_uri = format!("file://{}", a.display());
    let def = |lsp: &mut Lsp, needle: &str, skip: u32| {
        let (l, c) = at(NOTE, needle);
        lsp.call(
            "textDocument/definition",
            json!({"textDocument": {"uri": uri}, "position": pos(l, c + skip)}),
        )
    };
    let d = def(&mut lsp, "§Security Guarantees", 3);
    assert_eq!(d["uri"], article_uri);
    assert_eq!(d["range"]["start"]["line"], article_line(&a, "Security Guarantees"));
    let d = def(&mut lsp, "[[Roots]]", 3);
    assert_eq!(d["range"]["start"]["line"], article_line(&a, "Roots"));
    // An entity: the passage of a claim involving it.
    let d = def(&mut lsp, "Biden", 1);
    assert_eq!(d["uri"], article_uri);
    let line = d["range"]["start"]["line"].as_u64().unwrap() as usize;
    let text = std::fs::read_to_string(&a).unwrap();
    assert!(text.lines().nth(line).unwrap().contains("Biden"), "line {line}");
    // "(see Title)" and a title written out lead to their headings too.
    let other = lsp.uri("other.md");
    let text = "- Talks may resume (see What Next?).\n- The Limits of Possibility section weighs the demands.\n";
    lsp.open(&other, text);
    for (needle, heading) in [
        ("What Next?", "What Next?"),
        ("Limits of Possibility", "The Limits of Possibility"),
    ] {
        let (l, c) = at(text, needle);
        let d = lsp.call(
            "textDocument/definition",
            json!({"textDocument": {"uri": other}, "position": pos(l, c + 2)}),
        );
        assert_eq!(d["range"]["start"]["line"], article_line(&a, heading), "{needle}: {d}");
    }
    // Nothing to go to on an empty line.
    assert_eq!(
        lsp.call(
            "textDocument/definition",
            json!({"textDocument": {"uri": uri}, "position": pos(1, 0)})
        ),
        Value::Null
    );
}

#[test]
fn document_links_make_section_references_clickable() {
    let Some((mut lsp, a)) = with_article() else {
        return;
    };
    let uri = lsp.uri("note.md");
    lsp.open(&uri, NOTE);
    let links = lsp.call("textDocument/documentLink", json!({"textDocument": {"uri": uri}}));
    let links = links.as_array().unwrap();
    let target = |heading: &str| format!("file://{}#L{}", a.display(), article_line(&a, heading) + 1);
    let (l, c) = at(NOTE, "§Security Guarantees");
    let sec = links
        .iter()
        .find(|k| k["range"]["start"] == pos(l, c))
        .expect("a link on §Security Guarantees");
    assert_eq!(sec["target"], target("Security Guarantees"));
    let (l, c) = at(NOTE, "[[Roots]]");
    let roots = links
        .iter()
        .find(|k| k["range"]["start"] == pos(l, c))
        .expect("a link on [[Roots]]");
    assert_eq!(roots["target"], target("Roots"));
    // The unknown section is no link.
    let (l, _) = at(NOTE, "§Roots of the Crisis");
    assert!(links.iter().all(|k| k["range"]["start"]["line"] != l));
}

#[test]
fn completion_offers_section_titles_and_entities_with_roles() {
    let (mut lsp, init) = start(Value::Null, json!({}));
    let triggers = &init["result"]["capabilities"]["completionProvider"]["triggerCharacters"];
    assert!(triggers.as_array().unwrap().contains(&json!("§")));
    let uri = lsp.uri("note.md");
    let text = "- see [[Ro\n- Lav\n- §\n";
    lsp.open(&uri, text);
    let items = lsp.call(
        "textDocument/completion",
        json!({"textDocument": {"uri": uri}, "position": pos(0, 10)}),
    );
    let roots = items
        .as_array()
        .unwrap()
        .iter()
        .find(|i| i["label"] == "Roots")
        .expect("Roots offered");
    assert_eq!(roots["textEdit"]["newText"], "Roots]]");
    assert_eq!(roots["textEdit"]["range"]["start"], pos(0, 8));
    let items = lsp.call(
        "textDocument/completion",
        json!({"textDocument": {"uri": uri}, "position": pos(1, 5)}),
    );
    let lavrov = items
        .as_array()
        .unwrap()
        .iter()
        .find(|i| i["label"] == "Lavrov")
        .expect("Lavrov offered");
    assert!(
        lavrov["detail"].as_str().unwrap().contains("foreign minister"),
        "{lavrov}"
    );
    let items = lsp.call(
        "textDocument/completion",
        json!({"textDocument": {"uri": uri}, "position": pos(2, 3)}),
    );
    let labels: Vec<&str> = items
        .as_array()
        .unwrap()
        .iter()
        .filter_map(|i| i["label"].as_str())
        .collect();
    assert!(
        labels.contains(&"What Next?") && labels.contains(&"Security Guarantees"),
        "{labels:?}"
    );
}

#[test]
fn code_actions_fix_from_the_diagnostic_and_suppress_the_next_line() {
    let (mut lsp, _) = start(Value::Null, json!({}));
    let uri = lsp.uri("note.md");
    lsp.open(&uri, NOTE);
    let diags = lsp.diagnostics(&uri, 1);
    let date = find(&diags, "wrong-date").clone();
    let actions = lsp.call(
        "textDocument/codeAction",
        json!({"textDocument": {"uri": uri}, "range": date["range"], "context": {"diagnostics": [date]}}),
    );
    let actions = actions.as_array().unwrap();
    let fix = actions
        .iter()
        .find(|a| a["isPreferred"] == true)
        .expect("a preferred quick fix");
    assert_eq!(fix["kind"], "quickfix");
    let edit = &fix["edit"]["changes"][&uri][0];
    assert_eq!(edit["newText"], "2017");
    assert_eq!(edit["range"], date["range"]);
    let sup = actions
        .iter()
        .find(|a| a["title"] == "Suppress wrong-date on the next line")
        .expect("a suppression");
    let edit = sup["edit"]["changes"][&uri][0].clone();
    assert_eq!(edit["newText"], "<!-- claimlint-disable-next-line wrong-date -->\n");

    // The misquote's fix is the exact quotation.
    let quote = find(&diags, "misquote").clone();
    let actions = lsp.call(
        "textDocument/codeAction",
        json!({"textDocument": {"uri": uri}, "range": quote["range"], "context": {"diagnostics": [quote]}}),
    );
    let fix = actions
        .as_array()
        .unwrap()
        .iter()
        .find(|a| a["isPreferred"] == true)
        .expect("a quotation fix");
    assert_eq!(
        fix["edit"]["changes"][&uri][0]["newText"],
        "What a Week of Talks Between Russia and the West Revealed"
    );

    // The client applies the suppression: the wrong date is no longer reported.
    lsp.notify(
        "textDocument/didChange",
        json!({"textDocument": {"uri": uri, "version": 2}, "contentChanges": [{"range": edit["range"], "text": edit["newText"]}]}),
    );
    let diags = lsp.diagnostics(&uri, 2);
    assert!(diags.iter().all(|d| code(d) != "wrong-date"), "{diags:#?}");
    find(&diags, "wrong-place");
    // A diagnostic whose text has changed since gets no fix.
    let actions = lsp.call(
        "textDocument/codeAction",
        json!({"textDocument": {"uri": uri}, "range": date["range"], "context": {"diagnostics": [date]}}),
    );
    assert!(
        actions.as_array().unwrap().iter().all(|a| a["isPreferred"] != true),
        "{actions}"
    );
}

#[test]
fn code_lens_and_command_show_coverage() {
    let (mut lsp, init) = start(Value::Null, json!({}));
    assert_eq!(
        init["result"]["capabilities"]["executeCommandProvider"]["commands"],
        json!(["claimlint.showUncovered"])
    );
    let uri = lsp.uri("note.md");
    let text = format!("{NOTE}\n# Later\n\n- What next: see [[What Next?]]\n");
    lsp.open(&uri, &text);
    let lenses = lsp.call("textDocument/codeLens", json!({"textDocument": {"uri": uri}}));
    let lenses = lenses.as_array().unwrap();
    let first = &lenses[0];
    assert_eq!(first["range"]["start"], pos(0, 0));
    let title = first["command"]["title"].as_str().unwrap();
    assert!(
        title.starts_with("covers ") && title.contains(" of 8 sections, ") && title.ends_with(" key claims"),
        "{title}"
    );
    // And one for each top-level heading's part (the first heads the note's first line: it has the note's lens).
    let (later, _) = at(&text, "# Later");
    let part = lenses
        .iter()
        .find(|l| l["range"]["start"]["line"] == later)
        .expect("a lens on # Later");
    let title = part["command"]["title"].as_str().unwrap();
    assert!(title.starts_with("this part covers 1 of 8 sections, "), "{title}");
    assert_eq!(part["command"]["arguments"][1], json!({"line": later}));
    let cmd = &first["command"];
    let md = lsp.call(
        "workspace/executeCommand",
        json!({"command": cmd["command"], "arguments": cmd["arguments"]}),
    );
    let md = md.as_str().unwrap();
    assert!(
        md.contains("Sections not touched") && md.contains("Key claims not touched"),
        "{md}"
    );
    let obj = lsp.call(
        "workspace/executeCommand",
        json!({"command": "claimlint.showUncovered", "arguments": [uri, {"format": "json"}]}),
    );
    assert_eq!(obj["sectionsTotal"], 8);
    let uncovered: Vec<&str> = obj["uncoveredSections"]
        .as_array()
        .unwrap()
        .iter()
        .map(|s| s["title"].as_str().unwrap())
        .collect();
    assert!(
        !uncovered.contains(&"Security Guarantees") && !uncovered.contains(&"Roots"),
        "{uncovered:?}"
    );
    assert!(
        uncovered.contains(&"The Limits of Possibility") && !uncovered.contains(&"What Next?"),
        "{uncovered:?}"
    );
}

#[test]
fn symbols_list_the_notes_headings_and_the_articles_sections() {
    let (mut lsp, _) = start(Value::Null, json!({}));
    let uri = lsp.uri("note.md");
    lsp.open(&uri, "# One\ntext\n## Two\n# Three\n");
    let syms = lsp.call("textDocument/documentSymbol", json!({"textDocument": {"uri": uri}}));
    assert_eq!(syms[0]["name"], "One");
    assert_eq!(syms[0]["children"][0]["name"], "Two");
    assert_eq!(syms[1]["name"], "Three");
    drop(lsp);
    let Some((mut lsp, a)) = with_article() else {
        return;
    };
    let syms = lsp.call("workspace/symbol", json!({"query": "guarantees"}));
    let sec = syms
        .as_array()
        .unwrap()
        .iter()
        .find(|s| s["name"] == "Security Guarantees")
        .expect("the section");
    assert_eq!(
        sec["location"]["range"]["start"]["line"],
        article_line(&a, "Security Guarantees")
    );
}

#[test]
fn configuration_changes_disable_codes_and_change_severities() {
    let (mut lsp, _) = start(Value::Null, json!({}));
    let uri = lsp.uri("note.md");
    lsp.open(&uri, NOTE);
    let diags = lsp.diagnostics(&uri, 1);
    assert_eq!(find(&diags, "wrong-place")["severity"], 1);
    lsp.notify(
        "workspace/didChangeConfiguration",
        json!({"settings": {"claimlint": {"disable": ["wrong-date"], "severity": {"wrong-place": "hint"}, "article": ""}}}),
    );
    let diags = lsp.diagnostics(&uri, 1);
    assert!(diags.iter().all(|d| code(d) != "wrong-date"), "{diags:#?}");
    assert_eq!(find(&diags, "wrong-place")["severity"], 4);
    // A code raised above the calibrated policy is shown as set.
    lsp.notify(
        "workspace/didChangeConfiguration",
        json!({"settings": {"claimlint": {"severity": {"wrong-place": "error"}, "article": ""}}}),
    );
    let diags = lsp.diagnostics(&uri, 1);
    assert_eq!(find(&diags, "wrong-place")["severity"], 1);
    // A bad setting is said, and the defaults serve.
    lsp.notify(
        "workspace/didChangeConfiguration",
        json!({"settings": {"claimlint": {"disable": ["no-such-code"]}}}),
    );
    let m = lsp.wait(
        |m| {
            m["method"] == "window/showMessage"
                && m["params"]["message"].as_str().unwrap_or("").contains("no-such-code")
        },
        "a message about the bad setting",
    );
    assert_eq!(m["params"]["type"], 1);
    let diags = lsp.diagnostics(&uri, 1);
    find(&diags, "wrong-date");
}

#[test]
fn a_claimlint_toml_in_the_workspace_and_a_broken_claim_base_are_read() {
    // The workspace root is made by `start`; write the settings into it first.
    let (mut lsp, _) = start(Value::Null, json!({}));
    std::fs::write(lsp.root.join("broken.toml"), "[[claims]]\nid = 3\n").unwrap();
    std::fs::write(
        lsp.root.join(".claimlint.toml"),
        "claims = \"broken.toml\"\ndisable = [\"wrong-place\"]\n",
    )
    .unwrap();
    // A configuration change rereads the file.
    lsp.notify("workspace/didChangeConfiguration", json!({"settings": {}}));
    let m = lsp.wait(
        |m| {
            m["method"] == "window/showMessage" && m["params"]["message"].as_str().unwrap_or("").contains("broken.toml")
        },
        "a message about the broken claim base",
    );
    assert!(m["params"]["message"].as_str().unwrap().contains("bundled"), "{m}");
    let uri = lsp.uri("note.md");
    lsp.open(&uri, NOTE);
    let diags = lsp.diagnostics(&uri, 1);
    find(&diags, "wrong-date");
    assert!(diags.iter().all(|d| code(d) != "wrong-place"), "{diags:#?}");
}

#[test]
fn a_missing_article_is_said_once_and_the_rest_keeps_working() {
    let (mut lsp, _) = start(Value::Null, json!({}));
    let m = lsp.wait(|m| m["method"] == "window/showMessage", "a message");
    assert!(m["params"]["message"].as_str().unwrap().contains("no article"), "{m}");
    assert_eq!(m["params"]["type"], 2);
    let uri = lsp.uri("note.md");
    lsp.open(&uri, NOTE);
    let diags = lsp.diagnostics(&uri, 1);
    let date = find(&diags, "wrong-date");
    assert!(date.get("relatedInformation").is_none_or(Value::is_null), "{date}");
    // Definition needs the article: nothing, not an error.
    let (l, c) = at(NOTE, "§Security");
    let d = lsp.call(
        "textDocument/definition",
        json!({"textDocument": {"uri": uri}, "position": pos(l, c + 2)}),
    );
    assert_eq!(d, Value::Null);
    // Said once: a configuration change without an article does not say it again.
    lsp.notify(
        "workspace/didChangeConfiguration",
        json!({"settings": {"claimlint": {}}}),
    );
    let _ = lsp.diagnostics(&uri, 1);
    let rest = lsp.drain(Duration::from_millis(300));
    assert!(rest.iter().all(|m| m["method"] != "window/showMessage"), "{rest:#?}");
    // An article setting that does not exist is said too.
    lsp.notify(
        "workspace/didChangeConfiguration",
        json!({"settings": {"claimlint": {"article": "/no/such/article.txt"}}}),
    );
    let m = lsp.wait(|m| m["method"] == "window/showMessage", "a message about the article");
    assert!(
        m["params"]["message"]
            .as_str()
            .unwrap()
            .contains("/no/such/article.txt"),
        "{m}"
    );
}

#[test]
fn bad_params_unknown_documents_and_far_positions_get_errors_or_nothing() {
    let (mut lsp, _) = start(Value::Null, json!({}));
    let uri = lsp.uri("note.md");
    lsp.open(&uri, NOTE);
    let r = lsp.request("textDocument/hover", json!({"foo": 1}));
    assert_eq!(r["error"]["code"], -32602, "{r}");
    let r = lsp.request("textDocument/definition", json!("not an object"));
    assert_eq!(r["error"]["code"], -32602, "{r}");
    let r = lsp.call(
        "textDocument/hover",
        json!({"textDocument": {"uri": "file:///unknown.md"}, "position": pos(0, 0)}),
    );
    assert_eq!(r, Value::Null);
    let r = lsp.call(
        "textDocument/completion",
        json!({"textDocument": {"uri": uri}, "position": pos(9999, 9999)}),
    );
    assert!(r.is_null() || r == json!([]), "{r}");
    let r = lsp.call(
        "textDocument/hover",
        json!({"textDocument": {"uri": uri}, "position": pos(2, 9999)}),
    );
    assert_eq!(r, Value::Null);
    let r = lsp.request(
        "workspace/executeCommand",
        json!({"command": "claimlint.showUncovered", "arguments": []}),
    );
    assert_eq!(r["error"]["code"], -32602, "{r}");
    let r = lsp.request(
        "workspace/executeCommand",
        json!({"command": "claimlint.nope", "arguments": [uri]}),
    );
    assert!(r.get("error").is_some(), "{r}");
    // Changes to an unknown document, with far ranges, and out of order.
    lsp.notify(
        "textDocument/didChange",
        json!({"textDocument": {"uri": "file:///unknown.md", "version": 2}, "contentChanges": [{"text": "x"}]}),
    );
    lsp.notify(
        "textDocument/didChange",
        json!({"textDocument": {"uri": uri, "version": 5},
               "contentChanges": [{"range": {"start": pos(400, 2), "end": pos(300, 0)}, "text": "\n- Lavrov said so in 2016."}]}),
    );
    lsp.notify(
        "textDocument/didChange",
        json!({"textDocument": {"uri": uri, "version": 3}, "contentChanges": [{"text": ""}]}),
    );
    let diags = lsp.diagnostics(&uri, 5);
    find(&diags, "wrong-date");
    // Still serving.
    let r = lsp.call("workspace/symbol", json!({"query": ""}));
    assert!(r.is_array(), "{r}");
}

#[test]
fn malformed_json_is_answered_and_the_next_request_still_served() {
    let (mut lsp, _) = start_binary(Value::Null, json!({}));
    lsp.send_raw(&frame(b"{\"jsonrpc\": \"2.0\", \"id\": 99, \"method\": "));
    let e = lsp.wait(|m| m["error"]["code"] == -32700, "a parse error");
    assert_eq!(e["id"], Value::Null);
    // JSON that is no JSON-RPC message.
    lsp.send_raw(&frame(b"{\"id\": 7, \"hello\": true}"));
    let e = lsp.wait(|m| m["id"] == 7, "an invalid-request error");
    assert_eq!(e["error"]["code"], -32600);
    // A broken header, garbage, then a good frame.
    lsp.send_raw(b"Content-Length: banana\r\n\r\nnoise noise\r\n");
    let r = lsp.call("workspace/symbol", json!({"query": "roots"}));
    assert!(r.is_array(), "{r}");
    let uri = lsp.uri("note.md");
    lsp.open(&uri, NOTE);
    find(&lsp.diagnostics(&uri, 1), "wrong-date");
}

#[test]
fn eof_ends_the_server_with_exit_code_0() {
    let (mut lsp, _) = start_binary(Value::Null, json!({}));
    let uri = lsp.uri("note.md");
    lsp.open(&uri, NOTE);
    let _ = lsp.diagnostics(&uri, 1);
    lsp.close_stdin();
    let deadline = Instant::now() + Duration::from_secs(10);
    loop {
        if let Some(status) = lsp.child().try_wait().unwrap() {
            assert_eq!(status.code(), Some(0));
            break;
        }
        assert!(Instant::now() < deadline, "the server did not exit after EOF");
        std::thread::sleep(Duration::from_millis(50));
    }
}

#[test]
fn shutdown_then_exit_ends_with_exit_code_0() {
    let (mut lsp, _) = start_binary(Value::Null, json!({}));
    assert_eq!(lsp.call("shutdown", Value::Null), Value::Null);
    lsp.notify("exit", Value::Null);
    let deadline = Instant::now() + Duration::from_secs(10);
    loop {
        if let Some(status) = lsp.child().try_wait().unwrap() {
            assert_eq!(status.code(), Some(0));
            break;
        }
        assert!(Instant::now() < deadline, "the server did not exit");
        std::thread::sleep(Duration::from_millis(50));
    }
}

#[test]
fn a_large_note_is_checked_off_the_executor_while_requests_are_answered() {
    let (mut lsp, _) = start(Value::Null, json!({}));
    let uri = lsp.uri("big.md");
    let big = NOTE.repeat(300_000 / NOTE.len());
    lsp.open(&uri, &big);
    // While the note is being checked, other requests are answered.
    let r = lsp.call("workspace/symbol", json!({"query": "roots"}));
    assert!(r.is_array(), "{r}");
    let early = lsp.drain(Duration::from_millis(0));
    assert!(
        early.iter().all(|m| m["method"] != "textDocument/publishDiagnostics"),
        "checked before answering"
    );
    lsp.seen = early;
    let diags = lsp.diagnostics(&uri, 1);
    assert!(diags.len() > 1000, "{}", diags.len());
}

// ------------------------------------------------------------------ settings, sources, refresh

/// A text that passes for the bundled claim base's article (its section titles as lines).
fn look_alike() -> String {
    let mut text = String::from("A stand-in article\n\nOpening.\n");
    for s in &claimlint::claims::bundled().sections {
        text.push_str(&format!("\n{}\n\nBody.\n", s.title));
    }
    text
}

/// The last `resolved sources` log message seen so far or arriving.
fn sources(lsp: &mut Lsp) -> String {
    let m = lsp.wait(
        |m| {
            m["method"] == "window/logMessage"
                && m["params"]["message"]
                    .as_str()
                    .unwrap_or("")
                    .contains("resolved sources")
        },
        "the resolved sources in the log",
    );
    m["params"]["message"].as_str().unwrap().to_string()
}

#[test]
fn each_workspace_folder_checks_its_notes_with_its_own_settings() {
    let top = std::fs::canonicalize(tmp("ws-multi-root")).unwrap();
    let (quiet, loud, nested) = (top.join("quiet"), top.join("loud"), top.join("loud/inner"));
    for dir in [&quiet, &nested] {
        std::fs::create_dir_all(dir).unwrap();
    }
    std::fs::write(quiet.join(".claimlint.toml"), "disable = [\"wrong-date\"]\n").unwrap();
    std::fs::write(loud.join(".claimlint.toml"), "[severity]\nwrong-date = \"hint\"\n").unwrap();
    std::fs::write(nested.join(".claimlint.toml"), "[severity]\nwrong-date = \"warning\"\n").unwrap();
    let folder = |p: &std::path::Path| json!({"uri": format!("file://{}", p.display()), "name": "f"});
    let (mut lsp, _) = Spawn::in_process().root(quiet.clone()).answering().start(json!({
        "capabilities": {},
        "workspaceFolders": [folder(&quiet), folder(&loud), folder(&nested)],
    }));
    let date = |lsp: &mut Lsp, dir: &std::path::Path| {
        let uri = format!("file://{}/note.md", dir.display());
        lsp.open(&uri, NOTE);
        let diags = lsp.diagnostics(&uri, 1);
        diags
            .iter()
            .find(|d| code(d) == "wrong-date")
            .map(|d| d["severity"].clone())
    };
    // The first folder's settings, the second's, and a folder inside the
    // second (its own file wins there); a note outside every folder gets the first's.
    assert_eq!(date(&mut lsp, &quiet), None);
    assert_eq!(date(&mut lsp, &loud), Some(json!(4)));
    assert_eq!(date(&mut lsp, &nested), Some(json!(2)));
    assert_eq!(date(&mut lsp, &top), None);
    // Folders with settings of their own: the warning names those without an article.
    let no_article = lsp.wait(
        |m| m["method"] == "window/showMessage" && m["params"]["message"].as_str().unwrap_or("").contains("no article"),
        "the warning that there is no article",
    );
    let folders = [&quiet, &loud, &nested].map(|f| f.display().to_string()).join(", ");
    let text = no_article["params"]["message"].as_str().unwrap();
    assert!(
        text.starts_with(&format!("claimlint: no article found for {folders} (")),
        "{text}"
    );
}

#[test]
fn workspace_folders_added_and_removed_later_bring_and_take_their_settings() {
    let top = std::fs::canonicalize(tmp("ws-folders-change")).unwrap();
    let (first, added) = (top.join("first"), top.join("added"));
    for dir in [&first, &added] {
        std::fs::create_dir_all(dir).unwrap();
    }
    std::fs::write(added.join(".claimlint.toml"), "disable = [\"wrong-date\"]\n").unwrap();
    let folder = |p: &std::path::Path| json!({"uri": format!("file://{}", p.display()), "name": "f"});
    let (mut lsp, init) = Spawn::in_process().root(first.clone()).answering().start(json!({
        "capabilities": {},
        "workspaceFolders": [folder(&first)],
    }));
    let folders = &init["result"]["capabilities"]["workspace"]["workspaceFolders"];
    assert_eq!(
        (&folders["supported"], &folders["changeNotifications"]),
        (&json!(true), &json!(true))
    );
    let uri = format!("file://{}/note.md", added.display());
    let has_date = |diags: &[Value]| diags.iter().any(|d| code(d) == "wrong-date");
    lsp.open(&uri, NOTE);
    // Outside every folder: the first folder's settings (none).
    assert!(has_date(&lsp.diagnostics(&uri, 1)));
    let change = |added: &[Value], removed: &[Value]| json!({"event": {"added": added, "removed": removed}});
    lsp.notify("workspace/didChangeWorkspaceFolders", change(&[folder(&added)], &[]));
    assert!(!has_date(&lsp.diagnostics(&uri, 1)), "the added folder's own settings");
    // The log names the folder whose settings it lists.
    let named = format!(
        "resolved sources for {}\n  settings: {}",
        added.display(),
        added.display()
    );
    lsp.wait(
        |m| m["method"] == "window/logMessage" && m["params"]["message"].as_str().unwrap_or("").contains(&named),
        "the added folder's sources in the log",
    );
    lsp.notify("workspace/didChangeWorkspaceFolders", change(&[], &[folder(&added)]));
    assert!(
        has_date(&lsp.diagnostics(&uri, 1)),
        "the folder's settings leave with it"
    );
}

#[test]
fn the_log_names_each_source_and_a_partial_settings_change_keeps_the_rest() {
    let root = tmp("ws-sources");
    std::fs::write(root.join("given.txt"), look_alike()).unwrap();
    std::fs::write(
        root.join(".claimlint.toml"),
        "# ours\n[severity]\nmisquote = \"hint\"\n",
    )
    .unwrap();
    let root = std::fs::canonicalize(&root).unwrap();
    let (mut lsp, _) = start_in(root.clone(), json!({"article": "given.txt"}), json!({}));
    let log = sources(&mut lsp);
    assert!(
        log.contains("given.txt (from the client setting claimlint.article)"),
        "{log}"
    );
    assert!(
        log.contains("severity: misquote = hint (from") && log.contains(".claimlint.toml:3 severity)"),
        "{log}"
    );
    let uri = lsp.uri("note.md");
    lsp.open(&uri, NOTE);
    let diags = lsp.diagnostics(&uri, 1);
    find(&diags, "wrong-date");
    // Only `disable`, as an eglot .dir-locals.el sends it: the article stays.
    lsp.notify(
        "workspace/didChangeConfiguration",
        json!({"settings": {"claimlint": {"disable": ["wrong-date"]}}}),
    );
    let diags = lsp.diagnostics(&uri, 1);
    assert!(diags.iter().all(|d| code(d) != "wrong-date"), "{diags:#?}");
    let log = sources(&mut lsp);
    assert!(
        log.contains("given.txt (from the client setting claimlint.article)"),
        "{log}"
    );
    assert!(
        log.contains("disabled: wrong-date (from the client setting claimlint.disable)"),
        "{log}"
    );
    // One bad value is rejected alone, named; the good key beside it applies.
    lsp.notify(
        "workspace/didChangeConfiguration",
        json!({"settings": {"claimlint": {"severity": {"wrong-place": "fatal"}, "disable": []}}}),
    );
    let m = lsp.wait(
        |m| m["method"] == "window/showMessage" && m["params"]["message"].as_str().unwrap_or("").contains("fatal"),
        "a message naming the bad severity",
    );
    assert!(
        m["params"]["message"]
            .as_str()
            .unwrap()
            .contains("severity.wrong-place"),
        "{m}"
    );
    let diags = lsp.diagnostics(&uri, 1);
    find(&diags, "wrong-date");
    let log = sources(&mut lsp);
    assert!(
        log.contains("given.txt (from the client setting claimlint.article)"),
        "{log}"
    );
}

#[test]
fn a_settings_change_asks_a_pulling_client_to_refresh_with_no_params() {
    let (mut lsp, init) = start(
        Value::Null,
        json!({"textDocument": {"diagnostic": {}},
               "workspace": {"diagnostics": {"refreshSupport": true}, "codeLens": {"refreshSupport": true}}}),
    );
    assert!(init["result"]["capabilities"]["diagnosticProvider"].is_object());
    let _ = lsp.drain(Duration::from_millis(300));
    lsp.notify(
        "workspace/didChangeConfiguration",
        json!({"settings": {"claimlint": {"disable": ["wrong-date"]}}}),
    );
    for method in ["workspace/diagnostic/refresh", "workspace/codeLens/refresh"] {
        let m = lsp.wait(|m| m["method"] == method, method);
        assert!(m.get("id").is_some(), "{m}");
        assert!(m.get("params").is_none(), "a refresh carries no params: {m}");
    }
}

#[test]
fn a_client_that_pulls_but_cannot_refresh_gets_pushed_diagnostics() {
    let (mut lsp, init) = start(Value::Null, json!({"textDocument": {"diagnostic": {}}}));
    assert!(
        init["result"]["capabilities"]
            .get("diagnosticProvider")
            .is_none_or(Value::is_null),
        "{init}"
    );
    let uri = lsp.uri("note.md");
    lsp.open(&uri, NOTE);
    find(&lsp.diagnostics(&uri, 1), "wrong-date");
    lsp.notify(
        "workspace/didChangeConfiguration",
        json!({"settings": {"claimlint": {"disable": ["wrong-date"]}}}),
    );
    let diags = lsp.diagnostics(&uri, 1);
    assert!(diags.iter().all(|d| code(d) != "wrong-date"), "{diags:#?}");
}

#[test]
fn a_settings_file_changed_on_disk_is_watched_and_read_again() {
    let root = tmp("ws-watch");
    std::fs::write(root.join(".claimlint.toml"), "disable = []\n").unwrap();
    let (mut lsp, _) = start_in(
        root.clone(),
        Value::Null,
        json!({"workspace": {"didChangeWatchedFiles": {"dynamicRegistration": true}}}),
    );
    let reg = lsp.wait(|m| m["method"] == "client/registerCapability", "a watcher registration");
    let watchers = &reg["params"]["registrations"][0]["registerOptions"]["watchers"];
    assert!(watchers.to_string().contains("**/.claimlint.toml"), "{reg}");
    let uri = lsp.uri("note.md");
    lsp.open(&uri, NOTE);
    find(&lsp.diagnostics(&uri, 1), "wrong-place");
    std::fs::write(root.join(".claimlint.toml"), "disable = [\"wrong-place\"]\n").unwrap();
    let changed = format!("file://{}/.claimlint.toml", root.display());
    lsp.notify(
        "workspace/didChangeWatchedFiles",
        json!({"changes": [{"uri": changed, "type": 2}]}),
    );
    let diags = lsp.diagnostics(&uri, 1);
    assert!(diags.iter().all(|d| code(d) != "wrong-place"), "{diags:#?}");
}

#[test]
fn hover_on_a_section_names_the_article_file_in_the_format_the_client_takes() {
    let root = tmp("ws-hover");
    std::fs::write(root.join("stand-in.txt"), look_alike()).unwrap();
    std::fs::write(root.join(".claimlint.toml"), "article = \"stand-in.txt\"\n").unwrap();
    for (formats, markdown) in [(json!(["markdown", "plaintext"]), true), (json!(["plaintext"]), false)] {
        let (mut lsp, _) = start_in(
            root.clone(),
            Value::Null,
            json!({"textDocument": {"hover": {"contentFormat": formats}}}),
        );
        let uri = lsp.uri("note.md");
        lsp.open(&uri, NOTE);
        let (l, c) = at(NOTE, "§Security");
        let h = lsp.call(
            "textDocument/hover",
            json!({"textDocument": {"uri": uri}, "position": pos(l, c + 3)}),
        );
        let value = h["contents"]["value"].as_str().unwrap_or_default();
        assert_eq!(
            h["contents"]["kind"],
            if markdown { "markdown" } else { "plaintext" },
            "{h}"
        );
        assert!(
            value.contains("stand-in.txt") && value.contains(".claimlint.toml:1 article"),
            "{value}"
        );
        if !markdown {
            assert!(!value.contains("**") && !value.contains("]("), "{value}");
        }
    }
}

#[test]
fn the_helix_and_emacs_configs_work_unedited_with_the_article_from_the_project() {
    // Helix sends its `config` table as initialization options; as shipped, it names no path.
    let helix =
        std::fs::read_to_string(Path::new(env!("CARGO_MANIFEST_DIR")).join("editors/helix/languages.toml")).unwrap();
    let helix: toml::Table = toml::from_str(&helix).unwrap();
    let config = serde_json::to_value(helix["language-server"]["claimlint"].get("config")).unwrap();
    // The Emacs snippet, as shipped, sets no article: its settings are empty.
    let emacs = std::fs::read_to_string(Path::new(env!("CARGO_MANIFEST_DIR")).join("editors/emacs/claimlint-eglot.el"))
        .unwrap();
    assert!(
        emacs.contains("(defvar claimlint-article nil"),
        "the Emacs snippet ships a placeholder article path"
    );
    for options in [config, Value::Null] {
        let root = tmp("ws-editors");
        std::fs::write(root.join("stand-in.txt"), look_alike()).unwrap();
        std::fs::write(root.join(".claimlint.toml"), "article = \"stand-in.txt\"\n").unwrap();
        let (mut lsp, _) = start_in(root, options.clone(), json!({}));
        let log = sources(&mut lsp);
        assert!(log.contains("stand-in.txt (from"), "{options}: {log}");
        let uri = lsp.uri("note.md");
        lsp.open(&uri, NOTE);
        find(&lsp.diagnostics(&uri, 1), "wrong-date");
        let shown: Vec<Value> = lsp
            .drain(Duration::from_millis(200))
            .into_iter()
            .filter(|m| m["method"] == "window/showMessage")
            .collect();
        assert!(shown.is_empty(), "{options}: {shown:#?}");
    }
}

#[test]
fn an_open_claim_base_gets_its_claims_check_problems_at_their_lines() {
    let (mut lsp, _) = start(json!({}), json!({}));
    let uri = lsp.uri("mine.claims.toml");
    // Line 16 (0-based 15): `unit` belongs to a number table, not a date table.
    let broken = "[article]\ntitle = \"T\"\n\n[[section]]\nid = \"s\"\ntitle = \"S\"\nsummary = \"x\"\n\n[[claim]]\nid = \"c\"\nsection = \"s\"\nline = 1\nanchor = \"x\"\nsummary = \"y\"\n[claim.date]\nunit = [\"years\"]\n";
    lsp.notify(
        "textDocument/didOpen",
        json!({"textDocument": {"uri": uri, "languageId": "toml", "version": 1, "text": broken}}),
    );
    let diags = lsp.diagnostics(&uri, 1);
    assert_eq!(diags.len(), 1, "{diags:?}");
    let d = &diags[0];
    assert_eq!(code(d), "claim-base");
    assert_eq!(d["range"]["start"]["line"], 15, "{d}");
    assert!(d["message"].as_str().unwrap().contains("field `unit`"), "{d}");
    // Fixed, then a reference the loader refuses: the diagnostic follows the line.
    let unknown = broken.replace("[claim.date]\nunit = [\"years\"]\n", "when = [[\"@ghost\"]]\n");
    lsp.notify(
        "textDocument/didChange",
        json!({"textDocument": {"uri": uri, "version": 2}, "contentChanges": [{"text": unknown}]}),
    );
    let diags = lsp.diagnostics(&uri, 2);
    assert_eq!(diags.len(), 1, "{diags:?}");
    assert_eq!(diags[0]["range"]["start"]["line"], 14, "{}", diags[0]);
    assert!(diags[0]["message"]
        .as_str()
        .unwrap()
        .contains("unknown entity `@ghost`"));
    // A clean base: no diagnostics. Another TOML file is no claim base.
    let clean = broken.replace("[claim.date]\nunit = [\"years\"]\n", "");
    lsp.notify(
        "textDocument/didChange",
        json!({"textDocument": {"uri": uri, "version": 3}, "contentChanges": [{"text": clean}]}),
    );
    assert!(lsp.diagnostics(&uri, 3).is_empty());
    let other = lsp.uri("Cargo.toml");
    lsp.notify(
        "textDocument/didOpen",
        json!({"textDocument": {"uri": other, "languageId": "toml", "version": 1, "text": broken}}),
    );
    if let Some(p) = lsp.last_published(&other, std::time::Duration::from_millis(300)) {
        assert!(p["diagnostics"].as_array().unwrap().is_empty(), "{p}");
    }
}

#[test]
fn a_client_that_answers_configuration_is_asked_per_folder_and_each_folder_gets_its_own() {
    let top = std::fs::canonicalize(tmp("ws-scoped-settings")).unwrap();
    let (plain, quiet) = (top.join("plain"), top.join("quiet"));
    for dir in [&plain, &quiet] {
        std::fs::create_dir_all(dir).unwrap();
    }
    let url = |p: &std::path::Path| format!("file://{}", p.display());
    let folder = |p: &std::path::Path| json!({"uri": url(p), "name": "f"});
    // The editor's settings for `quiet` alone (a folder's own settings file
    // in VS Code, `.dir-locals.el` in Emacs).
    let settings = json!({ url(&quiet): {"claimlint": {"disable": ["wrong-date"]}} });
    let (mut lsp, _) = Spawn::in_process()
        .root(plain.clone())
        .answering_settings(settings)
        .start(json!({
            "capabilities": {"workspace": {"configuration": true}},
            "workspaceFolders": [folder(&plain), folder(&quiet)],
        }));
    let ask = lsp.wait(|m| m["method"] == "workspace/configuration", "the settings asked for");
    let scopes: Vec<&Value> = ask["params"]["items"]
        .as_array()
        .unwrap()
        .iter()
        .map(|i| &i["scopeUri"])
        .collect();
    assert_eq!(scopes, [&json!(url(&plain)), &json!(url(&quiet))]);
    let applied = format!("resolved sources for {}", quiet.display());
    lsp.wait(
        |m| {
            let text = m["params"]["message"].as_str().unwrap_or("");
            m["method"] == "window/logMessage"
                && text.contains(&applied)
                && text.contains("disabled: wrong-date (from the client setting claimlint.disable)")
        },
        "the folder's own settings applied",
    );
    let has_date = |lsp: &mut Lsp, dir: &std::path::Path| {
        let uri = format!("{}/note.md", url(dir));
        lsp.open(&uri, NOTE);
        lsp.diagnostics(&uri, 1).iter().any(|d| code(d) == "wrong-date")
    };
    assert!(has_date(&mut lsp, &plain), "the other folder keeps the code");
    assert!(!has_date(&mut lsp, &quiet), "the folder's own editor settings");
}

/// A folder removed takes its own settings with it: added again, and its
/// editor settings gone meanwhile, it starts from the workspace's. (The
/// settings that a notification gives while the removal's ask is pending
/// win over that ask's answer, so no ask rebuilds the folders' settings
/// before the folder comes back.)
#[test]
fn a_removed_folders_own_settings_go_with_it() {
    let top = std::fs::canonicalize(tmp("ws-removed-folder")).unwrap();
    let (plain, quiet) = (top.join("plain"), top.join("quiet"));
    for dir in [&plain, &quiet] {
        std::fs::create_dir_all(dir).unwrap();
    }
    let url = |p: &Path| format!("file://{}", p.display());
    let folder = |p: &Path| json!({"uri": url(p), "name": "f"});
    let (mut lsp, _) = Spawn::in_process().root(plain.clone()).start(json!({
        "capabilities": {"workspace": {"configuration": true}},
        "workspaceFolders": [folder(&plain), folder(&quiet)],
    }));
    let answer = |lsp: &mut Lsp, result: Value| {
        let ask = lsp.wait(|m| m["method"] == "workspace/configuration", "the settings asked for");
        lsp.send(json!({"jsonrpc": "2.0", "id": ask["id"], "result": result}));
    };
    let quiet_log = |lsp: &mut Lsp, disabled: bool| {
        let name = quiet.display().to_string();
        lsp.wait(
            |m| {
                let text = m["params"]["message"].as_str().unwrap_or("");
                m["method"] == "window/logMessage"
                    && text.starts_with("claimlint: resolved sources for")
                    && text.lines().next().unwrap_or("").contains(&name)
                    && text.contains("disabled: wrong-date") == disabled
            },
            "the quiet folder's settings applied",
        );
    };
    answer(&mut lsp, json!([null, {"claimlint": {"disable": ["wrong-date"]}}]));
    quiet_log(&mut lsp, true);
    let change = |removed: &[Value], added: &[Value]| json!({"event": {"removed": removed, "added": added}});
    lsp.notify("workspace/didChangeWorkspaceFolders", change(&[folder(&quiet)], &[]));
    let removal_ask = lsp.wait(|m| m["method"] == "workspace/configuration", "the settings asked again");
    lsp.notify(
        "workspace/didChangeConfiguration",
        json!({"settings": {"claimlint": {"min-certainty": "possible"}}}),
    );
    lsp.send(json!({"jsonrpc": "2.0", "id": removal_ask["id"], "result": [null]}));
    lsp.notify("workspace/didChangeWorkspaceFolders", change(&[], &[folder(&quiet)]));
    answer(&mut lsp, json!([null, null]));
    lsp.drain(Duration::ZERO);
    quiet_log(&mut lsp, false);
    let uri = format!("{}/note.md", url(&quiet));
    lsp.open(&uri, NOTE);
    assert!(
        lsp.diagnostics(&uri, 1).iter().any(|d| code(d) == "wrong-date"),
        "the folder is back with the workspace's settings"
    );
}

#[test]
fn workspace_symbols_come_from_every_folders_world() {
    let top = std::fs::canonicalize(tmp("ws-symbols")).unwrap();
    let (first, second) = (top.join("first"), top.join("second"));
    for dir in [&first, &second] {
        std::fs::create_dir_all(dir).unwrap();
        std::fs::write(dir.join(".claimlint.toml"), "article = \"article.txt\"\n").unwrap();
    }
    std::fs::write(first.join("article.txt"), look_alike()).unwrap();
    std::fs::write(second.join("article.txt"), format!("A preface\n\n{}", look_alike())).unwrap();
    let folder = |p: &std::path::Path| json!({"uri": format!("file://{}", p.display()), "name": "f"});
    let (mut lsp, _) = Spawn::in_process().root(first.clone()).answering().start(json!({
        "capabilities": {},
        "workspaceFolders": [folder(&first), folder(&second)],
    }));
    let syms = lsp.call("workspace/symbol", json!({"query": "guarantees"}));
    let files: Vec<String> = (syms.as_array().unwrap().iter())
        .map(|s| s["location"]["uri"].as_str().unwrap().to_string())
        .collect();
    for dir in [&first, &second] {
        let article = format!("file://{}/article.txt", dir.display());
        assert!(files.contains(&article), "{article} in {files:?}");
    }
}

#[test]
fn a_flagged_quotation_leads_to_the_passage_its_message_names() {
    let Some((mut lsp, a)) = with_article() else {
        return;
    };
    let uri = lsp.uri("note.md");
    let text = "Putin said in 2018: \"No one listened to us then. Well, listen to us now.\"\n\nRussia wants \"at least politically binding agreements\" from the West.\n";
    lsp.open(&uri, text);
    let diags = lsp.diagnostics(&uri, 1);
    let article = std::fs::read_to_string(&a).unwrap();
    for needle in ["No one listened", "at least politically"] {
        let (l, c) = at(text, needle);
        let flag = (diags.iter())
            .find(|d| code(d) == "misquote" && d["range"]["start"]["line"] == l)
            .unwrap_or_else(|| panic!("a misquote of {needle} among {diags:#?}"));
        let named = &flag["relatedInformation"][0]["location"]["range"]["start"]["line"];
        let d = lsp.call(
            "textDocument/definition",
            json!({"textDocument": {"uri": uri}, "position": pos(l, c + 1)}),
        );
        assert_eq!(&d["range"]["start"]["line"], named, "{needle}: {d}");
        let line = named.as_u64().unwrap() as usize;
        assert!(article
            .lines()
            .nth(line)
            .is_some_and(|t| t.contains("binding") || t.contains("listened")));
    }
    // A quotation of the article's own words: "quotes", not "quotes the article".
    let (l, c) = at(text, "at least politically");
    let h = lsp.call(
        "textDocument/hover",
        json!({"textDocument": {"uri": uri}, "position": pos(l, c + 1)}),
    );
    let card = h["contents"]["value"].as_str().unwrap();
    assert!(!card.contains("quotes the article"), "{card}");
}
