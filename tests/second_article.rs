//! The rules run on a second, invented article and its own claim base
//! (tests/fixtures/harbour/): its places, titles, possessives ("Veska's") and
//! who "the author" is ("the columnist") come from that claim base alone, so
//! another article needs no code change. The bundled article's rule tests are
//! in tests/rules.rs; these are the same rules on different data.

use claimlint::article::Article;
use claimlint::claims::load_claims;
use claimlint::{Code, Engine, Severity};
use std::sync::OnceLock;

fn engine() -> &'static Engine {
    static E: OnceLock<Engine> = OnceLock::new();
    E.get_or_init(|| {
        let dir = crate::common::harbour_dir();
        let article = Article::read(&dir.join("article.txt")).unwrap();
        let src = std::fs::read_to_string(dir.join("claims.toml")).unwrap();
        // Loaded with the article: every anchor and quotation is verified.
        let base = load_claims(&src, "harbour/claims.toml", Some(&article))
            .unwrap_or_else(|e| panic!("{}", e.iter().map(|e| e.to_string()).collect::<Vec<_>>().join("\n")));
        Engine::new(base, Some(article))
    })
}

fn codes_at(sentence: &str, worst: Severity) -> Vec<Code> {
    engine()
        .check(&format!("- {sentence}\n"))
        .into_iter()
        .filter(|f| f.severity <= worst)
        .map(|f| f.code)
        .collect()
}

fn codes(sentence: &str) -> Vec<Code> {
    codes_at(sentence, Severity::Warning)
}

/// Flagged (a hedged or future statement may be flagged as information).
fn fires(code: Code, sentence: &str) {
    let got = codes_at(sentence, Severity::Information);
    assert!(got.contains(&code), "expected {code} on {sentence:?}, got {got:?}");
}

fn quiet(sentence: &str) {
    let got = codes(sentence);
    assert!(got.is_empty(), "expected nothing on {sentence:?}, got {got:?}");
}

#[test]
fn wrong_date() {
    fires(Code::WrongDate, "Norland and Veska signed the Harbour Accord in 2018.");
    fires(Code::WrongDate, "A review of the accord is due in 2023.");
    quiet("The Harbour Accord was signed on March 3, 2019.");
}

#[test]
fn wrong_number() {
    fires(Code::WrongNumber, "The accord was signed after nine rounds of talks.");
    fires(
        Code::WrongNumber,
        "Either side may leave the accord with three months' notice.",
    );
    quiet("Eleven rounds of talks preceded the accord.");
}

#[test]
fn wrong_place() {
    fires(Code::WrongPlace, "The Harbour Accord was signed in Kesmouth.");
    quiet("The Harbour Accord was signed in Port Arrel.");
}

#[test]
fn wrong_list_closed_and_open() {
    fires(
        Code::WrongList,
        "The accord covers three matters: fishing quotas, shipping lanes and oil rights.",
    );
    quiet("The accord covers fishing quotas, shipping lanes and the shared lighthouse.");
    // An open list takes more ...
    quiet("Seabed cables, oil rights and tariffs were left for later talks.");
    // ... unless the note gives it as the article's own list ("the columnist" is the author here).
    fires(
        Code::WrongList,
        "The columnist lists what was left for later: seabed cables, oil rights and tariffs.",
    );
}

#[test]
fn misquote_and_speaker() {
    fires(
        Code::Misquote,
        "Marrow called it “a fair bargain for two proud nations.”",
    );
    fires(
        Code::WrongAttribution,
        "Quell called it “a fair bargain for two small nations.”",
    );
    quiet("Marrow called the deal “a fair bargain for two small nations.”");
}

#[test]
fn titles_with_this_articles_possessives() {
    // "Veska's" and "Norland's" tie a title to a name only because the claim
    // base names Veska and Norland.
    fires(
        Code::WrongAttribution,
        "Ilse Marrow, Veska's prime minister, praised the accord.",
    );
    quiet("Ilse Marrow, Veska's foreign minister, praised the accord.");
    fires(
        Code::WrongAttribution,
        "Tomas Quell, Norland's foreign minister, said little.",
    );
}

#[test]
fn stance_reversal() {
    fires(
        Code::StanceReversal,
        "The accord imposes a penalty for breaches, the columnist notes.",
    );
    quiet("The accord sets no penalty for breaches.");
}
