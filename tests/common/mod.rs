//! What the integration tests share: the binary, scratch folders, the real
//! article (with the one policy for when it is missing) and the small claim
//! bases of our own.

use claimlint::article::Article;
use std::io::Write;
use std::path::{Path, PathBuf};
use std::sync::atomic::{AtomicUsize, Ordering};

/// The `claimlint` binary this build made.
pub mod lsp;

pub const BIN: &str = env!("CARGO_BIN_EXE_claimlint");

/// Set by CI (`.ci/run`): then a missing article is a failure, not a skip.
const REQUIRE: &str = "CLAIMLINT_REQUIRE_ARTICLE";

/// A fresh, empty folder of our own under the system's temporary folder
/// (a workspace root, so no settings file of the repository applies).
pub fn tmp(name: &str) -> PathBuf {
    static N: AtomicUsize = AtomicUsize::new(0);
    let n = N.fetch_add(1, Ordering::SeqCst);
    let d = std::env::temp_dir().join(format!("claimlint-test-{}-{n}-{name}", std::process::id()));
    let _ = std::fs::remove_dir_all(&d);
    std::fs::create_dir_all(&d).unwrap();
    d
}

/// Write `text` to `dir/name` (folders made as needed); the file's path.
pub fn write(dir: &Path, name: &str, text: impl AsRef<[u8]>) -> PathBuf {
    let p = dir.join(name);
    std::fs::create_dir_all(p.parent().unwrap()).unwrap();
    std::fs::write(&p, text).unwrap();
    p
}

/// A file or folder of `../shared` (the article, the evaluation notes),
/// canonical. The one policy for when it is missing: with
/// `CLAIMLINT_REQUIRE_ARTICLE` set (CI) the test fails; without it the test
/// says loudly, past cargo's output capture, that it checks nothing of what
/// needs the file, and gets `None`.
#[track_caller]
pub fn shared(rel: &str) -> Option<PathBuf> {
    let p = Path::new(env!("CARGO_MANIFEST_DIR")).join("../shared").join(rel);
    if let Ok(p) = p.canonicalize() {
        return Some(p);
    }
    let at = std::panic::Location::caller();
    assert!(
        std::env::var_os(REQUIRE).is_none(),
        "{} is missing and {REQUIRE} is set (called at {at})",
        p.display()
    );
    let test = std::thread::current().name().unwrap_or("a test").to_string();
    // Straight to the process's stderr: cargo test does not capture this.
    let _ = writeln!(
        std::io::stderr(),
        "\n!!!!!!!! {test} ({at}): {} is missing, so what needs it is NOT checked. \
         Set {REQUIRE}=1 (as CI does) to make this a failure. !!!!!!!!",
        p.display()
    );
    None
}

/// The real article's path (`../shared/article/week-of-talks.txt`), under
/// the policy of [`shared`].
#[track_caller]
pub fn article_path() -> Option<PathBuf> {
    shared("article/week-of-talks.txt")
}

/// The real article, read, under the policy of [`shared`].
#[track_caller]
pub fn article() -> Option<Article> {
    let p = article_path()?;
    Some(Article::read(&p).unwrap_or_else(|e| panic!("{}: {e}", p.display())))
}

/// A length-prefixed LSP frame.
pub fn frame(body: &[u8]) -> Vec<u8> {
    let mut v = format!("Content-Length: {}\r\n\r\n", body.len()).into_bytes();
    v.extend_from_slice(body);
    v
}

/// A small claim base of our own about the real article's title and one
/// claim (line 21, "back in 2018"), so a test does not depend on the bundled
/// one.
pub const SMALL_CLAIMS: &str = r#"[article]
title = "What a Week of Talks Between Russia and the West Revealed"
date = "January 2022"

[[section]]
id = "opening"
title = ""
summary = "The opening."

[[section]]
id = "evolution"
title = "Evolution of the Confrontation"
summary = "From partnership to pressure."

[[entity]]
id = "putin"
kind = "person"
names = ["Putin", "Vladimir Putin"]

[[claim]]
id = "putin-2018-address"
section = "evolution"
line = 21
anchor = "back in 2018"
summary = "Putin announced the tactic in a 2018 address to parliament."
when = [["@putin"], ["address*", "speech"]]
[claim.date]
value = ["2018"]
"#;

/// The second, invented article and its claim base (tests/fixtures/harbour).
pub fn harbour_dir() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/fixtures/harbour")
}

/// A note of about `bytes` bytes in short paragraphs: prose the checker
/// reads without a finding, a mistake every twentieth line, a section
/// heading every 200.
pub fn large_note(bytes: usize) -> String {
    let lines = [
        "These are my notes on the reading, written over a long season of talks.",
        "- The author looks back over the years of confrontation before the talks.",
        "A paragraph of my own thoughts, with no claim of the article in it at all.",
    ];
    let mut s = String::with_capacity(bytes + 200);
    let mut i = 0;
    while s.len() < bytes {
        if i % 20 == 19 {
            s.push_str("- Montenegro joined NATO in 2016.\n");
        } else {
            s.push_str(lines[i % 3]);
            s.push('\n');
        }
        if i % 200 == 0 {
            s.push_str("\n## Security Guarantees\n\n");
        }
        i += 1;
    }
    s
}

/// A finding of `code` over the note's first byte, with nothing but its
/// severity and certainty: for tests of what happens to findings after the
/// rules (grading, severity policy).
pub fn bare_finding(
    code: claimlint::finding::Code,
    severity: claimlint::finding::Severity,
    certainty: claimlint::finding::Certainty,
) -> claimlint::finding::Finding {
    claimlint::finding::Finding {
        code,
        severity,
        certainty,
        why: claimlint::finding::Finding::no_why(),
        range: claimlint::span::NoteSpan::new(0, 1),
        message: "".into(),
        claim: None,
        section: None,
        article: None,
        fix: None,
    }
}
