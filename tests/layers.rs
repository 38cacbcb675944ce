//! The layers of `src/`, proved from the code's own paths: every module
//! (a top-level file or folder of `src/`) may name only modules on a lower
//! layer, so the import graph has no cycle and nothing points back up. The
//! core (everything below `lsp`) names no tokio, tower-lsp or lsp-types.
//!
//! The graph is read from the text: every `crate::x` (and, in the binary's
//! files, `claimlint::x`) outside comments and `#[cfg(test)]` code is an
//! edge to `x`, grouped imports (`use crate::{a, b::c}`) included.

use std::collections::{BTreeMap, BTreeSet};
use std::path::Path;

/// From the bottom up. A new module must be placed here.
const LAYERS: &[&[&str]] = &[
    // typed byte ranges of the note and of a sentence's normalized text
    &["span"],
    // text, positions and findings: no knowledge of notes or claims
    &["text", "position", "fsread", "stderr", "finding", "word_classes"],
    // a note's prose, the article, values written in words, suppression comments,
    // the severity policy
    &["note", "article", "values", "suppress", "policy"],
    &["claims"],
    // a note read against the claim base; a sentence's reading; the quotation index
    &["matcher", "reading", "quotations"],
    &["rules"],
    &["engine"],
    // what surfaces share: editor features, settings, the claim-base audit
    &["insight", "config", "audit"],
    &["resolve"],
    &["lsp"],
    &["cli"],
    &["main"],
];

/// Modules that may use an async runtime or protocol types.
const SURFACES: &[&str] = &["lsp", "cli", "main"];

fn layer_of(module: &str) -> Option<usize> {
    LAYERS.iter().position(|l| l.contains(&module))
}

/// The code of a file without its `#[cfg(test)]` items and its comments.
fn product_code(text: &str) -> String {
    let mut out = String::new();
    let mut skip_depth: Option<i32> = None;
    let mut depth = 0i32;
    let mut pending_test = false;
    for line in text.lines() {
        let code = line.split("//").next().unwrap_or("");
        if skip_depth.is_none() && code.trim() == "#[cfg(test)]" {
            pending_test = true;
            continue;
        }
        let opens = code.matches('{').count() as i32;
        let closes = code.matches('}').count() as i32;
        if pending_test {
            // The item after the attribute: skip it to its closing brace
            // (or its `;`, for `mod x;` and `use`).
            pending_test = false;
            if opens == 0 {
                continue;
            }
            skip_depth = Some(depth);
            depth += opens - closes;
            if depth <= skip_depth.unwrap() {
                skip_depth = None;
            }
            continue;
        }
        depth += opens - closes;
        if let Some(d) = skip_depth {
            if depth <= d {
                skip_depth = None;
            }
            continue;
        }
        out.push_str(code);
        out.push('\n');
    }
    out
}

/// The first path segment of each item of a `{a, b::c, d::{e, f}}` group.
fn group_heads(group: &str) -> Vec<String> {
    let mut heads = Vec::new();
    let mut depth = 0;
    let mut item = String::new();
    for c in group.chars() {
        match c {
            '{' => depth += 1,
            '}' => depth -= 1,
            _ => {}
        }
        if c == ',' && depth == 0 {
            heads.push(std::mem::take(&mut item));
        } else {
            item.push(c);
        }
    }
    heads.push(item);
    heads
        .iter()
        .map(|i| i.trim().split("::").next().unwrap_or("").trim().to_string())
        .filter(|h| !h.is_empty() && h != "self")
        .collect()
}

/// The modules a file's code names through `prefix::` paths.
fn named_modules(code: &str, prefix: &str) -> BTreeSet<String> {
    let mut out = BTreeSet::new();
    let mut from = 0;
    while let Some(i) = code[from..].find(prefix) {
        let at = from + i;
        from = at + prefix.len();
        // `crate::` only as a path's start (not `my_crate::`).
        if code[..at]
            .chars()
            .next_back()
            .is_some_and(|c| c.is_alphanumeric() || c == '_')
        {
            continue;
        }
        let rest = &code[from..];
        if let Some(group) = rest.strip_prefix('{') {
            let mut depth = 1;
            let end = group
                .char_indices()
                .find(|&(_, c)| {
                    match c {
                        '{' => depth += 1,
                        '}' => depth -= 1,
                        _ => {}
                    }
                    depth == 0
                })
                .map_or(group.len(), |(k, _)| k);
            out.extend(group_heads(&group[..end]));
        } else {
            let name: String = rest.chars().take_while(|c| c.is_alphanumeric() || *c == '_').collect();
            if !name.is_empty() {
                out.insert(name);
            }
        }
    }
    out
}

fn rust_files(dir: &Path, out: &mut Vec<std::path::PathBuf>) {
    for entry in std::fs::read_dir(dir).unwrap() {
        let path = entry.unwrap().path();
        if path.is_dir() {
            rust_files(&path, out);
        } else if path.extension().is_some_and(|e| e == "rs") {
            out.push(path);
        }
    }
}

/// The names `lib.rs` re-exports (`pub use engine::{Engine, Options}`), each
/// with the module it comes from: `crate::Engine` is an edge to `engine`.
fn root_reexports(src: &Path) -> BTreeMap<String, String> {
    let lib = std::fs::read_to_string(src.join("lib.rs")).unwrap();
    let mut out = BTreeMap::new();
    for stmt in product_code(&lib).split(';') {
        let Some(path) = stmt.trim().strip_prefix("pub use ") else {
            continue;
        };
        let (module, items) = path.split_once("::").unwrap_or((path, ""));
        let items = items.trim().trim_start_matches('{').trim_end_matches('}');
        for item in items.split(',') {
            let name = item.split(" as ").last().unwrap_or("").trim();
            if !name.is_empty() {
                out.insert(name.to_string(), module.trim().to_string());
            }
        }
    }
    out
}

/// Each module of `src/` with the modules it names, and the files that name
/// each (for messages).
fn import_graph() -> BTreeMap<String, BTreeMap<String, BTreeSet<String>>> {
    let src = Path::new(env!("CARGO_MANIFEST_DIR")).join("src");
    let reexports = root_reexports(&src);
    let mut files = Vec::new();
    rust_files(&src, &mut files);
    let mut graph: BTreeMap<String, BTreeMap<String, BTreeSet<String>>> = BTreeMap::new();
    for file in files {
        let rel = file.strip_prefix(&src).unwrap().to_string_lossy().replace('\\', "/");
        let module = rel.split('/').next().unwrap().trim_end_matches(".rs").to_string();
        if module == "lib" {
            continue; // the crate root only declares the modules
        }
        let code = product_code(&std::fs::read_to_string(&file).unwrap());
        let entry = graph.entry(module.clone()).or_default();
        let mut named = named_modules(&code, "crate::");
        named.extend(named_modules(&code, "claimlint::"));
        for to in named {
            let to = reexports.get(&to).cloned().unwrap_or(to);
            if to != module {
                entry.entry(to).or_default().insert(rel.clone());
            }
        }
    }
    graph
}

#[test]
fn every_module_of_src_has_a_layer() {
    let graph = import_graph();
    let unplaced: Vec<&String> = graph.keys().filter(|m| layer_of(m).is_none()).collect();
    assert!(
        unplaced.is_empty(),
        "modules without a layer in tests/layers.rs: {unplaced:?}"
    );
    assert!(graph.len() >= 20, "the graph looks empty: {:?}", graph.keys());
}

#[test]
fn modules_import_only_from_lower_layers() {
    let graph = import_graph();
    let mut wrong = Vec::new();
    for (from, tos) in &graph {
        let Some(lf) = layer_of(from) else { continue };
        for (to, files) in tos {
            match layer_of(to) {
                Some(lt) if lt < lf => {}
                Some(lt) => wrong.push(format!("{from} (layer {lf}) -> {to} (layer {lt}) in {files:?}")),
                None => wrong.push(format!("{from} -> {to} (no such module or no layer) in {files:?}")),
            }
        }
    }
    assert!(
        wrong.is_empty(),
        "imports that do not point down:\n{}",
        wrong.join("\n")
    );
}

#[test]
fn the_import_graph_has_no_cycle() {
    // Independent of the layer list: a depth-first search for a back edge.
    let graph = import_graph();
    fn visit<'a>(
        m: &'a str,
        graph: &'a BTreeMap<String, BTreeMap<String, BTreeSet<String>>>,
        state: &mut BTreeMap<&'a str, u8>,
        path: &mut Vec<&'a str>,
    ) -> Option<Vec<String>> {
        match state.get(m) {
            Some(2) => return None,
            Some(1) => {
                let at = path.iter().position(|&p| p == m).unwrap();
                let mut cycle: Vec<String> = path[at..].iter().map(|s| s.to_string()).collect();
                cycle.push(m.to_string());
                return Some(cycle);
            }
            _ => {}
        }
        state.insert(m, 1);
        path.push(m);
        for to in graph.get(m).into_iter().flat_map(|t| t.keys()) {
            if let Some(c) = visit(to, graph, state, path) {
                return Some(c);
            }
        }
        path.pop();
        state.insert(m, 2);
        None
    }
    let mut state = BTreeMap::new();
    for m in graph.keys() {
        if let Some(cycle) = visit(m, &graph, &mut state, &mut Vec::new()) {
            panic!("import cycle: {}", cycle.join(" -> "));
        }
    }
}

#[test]
fn the_core_names_no_runtime_or_protocol_crate() {
    let src = Path::new(env!("CARGO_MANIFEST_DIR")).join("src");
    let mut files = Vec::new();
    rust_files(&src, &mut files);
    let mut wrong = Vec::new();
    for file in files {
        let rel = file.strip_prefix(&src).unwrap().to_string_lossy().replace('\\', "/");
        let module = rel.split('/').next().unwrap().trim_end_matches(".rs");
        if SURFACES.contains(&module) || module == "lib" {
            continue;
        }
        let code = product_code(&std::fs::read_to_string(&file).unwrap());
        for krate in ["tokio", "tower_lsp", "lsp_types"] {
            if !named_modules(&code, &format!("{krate}::")).is_empty() || code.contains(&format!("use {krate}")) {
                wrong.push(format!("{rel} names {krate}"));
            }
        }
    }
    assert!(wrong.is_empty(), "{}", wrong.join("\n"));
}

#[test]
fn the_reader_sees_grouped_and_nested_imports_and_skips_tests() {
    let code = product_code(
        "use crate::{a, b::c, d::{e, f}};\nuse my_crate::x;\n// crate::commented\nfn f() { crate::g::h(); }\n\
         #[cfg(test)]\nmod tests {\n    use crate::hidden;\n    fn t() { if x { } }\n}\nuse crate::after;\n",
    );
    let named: Vec<String> = named_modules(&code, "crate::").into_iter().collect();
    assert_eq!(named, ["a", "after", "b", "d", "g"]);
}
