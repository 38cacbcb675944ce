//! Shared by the fuzz targets: the harness of `tests/robustness_harness`
//! (the same code the regression tests replay crashing inputs through), and
//! the world built once per process.

#[path = "../../tests/robustness_harness/mod.rs"]
pub mod harness;

use claimlint::lsp::config::World;
use std::path::{Path, PathBuf};
use std::sync::OnceLock;

/// The article `CLAIMLINT_ARTICLE` names, or the one beside the repository
/// (`../shared/article`, two folders up from here); `None` when neither is
/// there: the fuzzer then runs without it.
fn article_path() -> Option<PathBuf> {
    let env = std::env::var_os("CLAIMLINT_ARTICLE").map(PathBuf::from);
    let beside = Path::new(env!("CARGO_MANIFEST_DIR")).join("../../shared/article/week-of-talks.txt");
    [env, Some(beside)]
        .into_iter()
        .flatten()
        .find(|p| p.is_file())
        .and_then(|p| p.canonicalize().ok())
}

/// The bundled claim base and, when it is found, the article.
pub fn world() -> &'static World {
    static W: OnceLock<World> = OnceLock::new();
    W.get_or_init(|| harness::world(article_path().as_deref()))
}

/// The article's text, when it is found.
pub fn article_text() -> Option<&'static str> {
    static A: OnceLock<Option<String>> = OnceLock::new();
    A.get_or_init(|| article_path().and_then(|p| std::fs::read_to_string(p).ok()))
        .as_deref()
}
