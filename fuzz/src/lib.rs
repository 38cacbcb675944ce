//! Shared by the fuzz targets: the harness of `tests/robustness_harness`
//! (the same code the regression tests replay crashing inputs through), and
//! the world built once per process.

#[path = "../../tests/robustness_harness/mod.rs"]
pub mod harness;

use claimlint::lsp::config::World;
use std::sync::OnceLock;

/// The bundled claim base and, when it is found, the article.
pub fn world() -> &'static World {
    static W: OnceLock<World> = OnceLock::new();
    W.get_or_init(harness::world)
}

/// The article's text, when it is found.
pub fn article_text() -> Option<&'static str> {
    static A: OnceLock<Option<String>> = OnceLock::new();
    A.get_or_init(|| harness::article_path().and_then(|p| std::fs::read_to_string(p).ok()))
        .as_deref()
}
